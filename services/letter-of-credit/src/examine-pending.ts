import { type Logger, Rejected, type Tx } from '@railbill/platform';
import type { CreditHandler } from './credit-handler.ts';
import type { BillView } from './domain/examination/bill-view.ts';
import type { Credit } from './domain/state.ts';

/** The service itself examining a waiting presentation (no party asked for it). */
const SERVICE_ACTOR = { id: 'letter-of-credit', role: 'operator' } as const;

export type ExaminePendingDeps = Readonly<{ credits: CreditHandler }>;

/**
 * `examinePending` of a presentation that waited for its bill, on the bill as consumed, in the caller's transaction
 * (the waybill consumer's, or the backstop job's). True when it was examined now; false when the domain refused
 * because it is no longer waiting (examined meanwhile: idempotent). A lost version race is thrown, to be retried.
 */
export const examinePendingIn = async (
  tx: Tx,
  deps: ExaminePendingDeps,
  p: Readonly<{
    creditId: string;
    credit: Credit;
    presentationId: string;
    bill: BillView | undefined;
    causationId?: string;
    /** The job's LC date (it examines an unseen bill on the fifth banking day); else the clock's. */
    today?: string;
  }>,
  log: Logger,
): Promise<boolean> => {
  try {
    await deps.credits.handleIn(tx, {
      id: p.creditId,
      causationId: p.causationId,
      command: async ({ at, facts }) => ({
        type: 'examinePending',
        by: SERVICE_ACTOR,
        at,
        today: p.today ?? facts.today,
        presentationId: p.presentationId,
        bill: p.bill,
        // the calendar of the bank the presentation was made to (credit-handler.ts: a bank without one is a refusal)
        calendar: facts.calendar(p.credit, p.credit.presentations.find((x) => x.id === p.presentationId)?.presentedTo),
        timeZone: facts.timeZone,
        carrier: await facts.carrier(p.bill),
      }),
    });
    log.info({ creditId: p.creditId, presentationId: p.presentationId }, 'waiting presentation examined');
    return true;
  } catch (error) {
    if (!(error instanceof Rejected) || error.error.code === 'version-conflict') throw error;
    log.info({ presentationId: p.presentationId, code: error.error.code }, 'waiting presentation skipped');
    return false;
  }
};
