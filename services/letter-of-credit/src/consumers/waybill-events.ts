import type { WaybillEvent } from '@railbill/contracts';
import {
  applyToProjection,
  type MessageContext,
  type MessageHandler,
  type Parties,
  Rejected,
  type Tx,
} from '@railbill/platform';
import { type BillView, evolveBillView } from '../domain/examination/bill-view.ts';
import { type HandleDeps, handleIn } from '../handle.ts';
import { examiningCalendar } from '../store/calendars.ts';
import { BILLS_PROJECTION, examinable, lockBill, type PendingPresentation, pendingFor } from '../store/facts.ts';
import { loadCredit } from '../store/repository.ts';

/** The service itself examining a waiting presentation (no party asked for it). */
const SERVICE_ACTOR = { id: 'letter-of-credit', role: 'operator' } as const;

type Deps = Readonly<{ handle: HandleDeps; parties: Parties }>;

const examineWaiting = async (
  tx: Tx,
  deps: Deps,
  bill: BillView,
  pending: PendingPresentation,
  cause: Readonly<{ eventId: string; time: string; log: MessageContext['log'] }>,
): Promise<void> => {
  const { state } = await loadCredit(tx, pending.creditId);
  const asOf = { presentedAt: pending.presentedAt, eventTime: cause.time };
  if (state.status === 'initial' || !examinable(bill, state, asOf)) return;
  try {
    await handleIn(tx, deps.handle, {
      creditId: pending.creditId,
      actor: undefined,
      causationId: cause.eventId,
      command: ({ at, today }) => ({
        type: 'examinePending',
        by: SERVICE_ACTOR,
        at,
        today,
        presentationId: pending.presentationId,
        bill,
        calendar: examiningCalendar(state.terms, (id) => deps.parties.byId(id)?.bic),
        timeZone: deps.handle.timeZone,
      }),
    });
    cause.log.info(
      { creditId: pending.creditId, presentationId: pending.presentationId },
      'waiting presentation examined',
    );
  } catch (error) {
    // a lost version race is transient: the inbox retries the message; any other refusal (already examined) is final
    if (!(error instanceof Rejected) || error.error.code === 'version-conflict') throw error;
    cause.log.info({ presentationId: pending.presentationId, code: error.error.code }, 'waiting presentation skipped');
  }
};

/**
 * `waybill.events.v1` → the `bills` projection examination reads (SPEC §4), and in the same inbox transaction the
 * examination of presentations that were made before their bill's events had been consumed.
 */
export const onWaybillEvent =
  (deps: Deps): MessageHandler =>
  async (tx, { envelope, data }, ctx) => {
    const event = { type: envelope.type, data } as WaybillEvent;
    const waybillId = envelope.subject;
    await lockBill(tx, waybillId);
    const bill = await applyToProjection<BillView | null>(tx, {
      name: BILLS_PROJECTION,
      id: waybillId,
      sequence: Number(envelope.sequence),
      fold: (view) => evolveBillView(view ?? undefined, event, { waybillId, time: envelope.time }) ?? null,
    });
    if (bill === undefined || bill === null) return;
    for (const pending of await pendingFor(tx, waybillId))
      await examineWaiting(tx, deps, bill, pending, { eventId: envelope.id, time: envelope.time, log: ctx.log });
  };
