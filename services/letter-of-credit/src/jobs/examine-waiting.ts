import { compareDates, type Instant, type LocalDate } from '@railbill/contracts';
import { type Db, type Logger, type Parties, Rejected } from '@railbill/platform';
import { backstopDue } from '../domain/backstop.ts';
import { type ExaminePendingDeps, examinePendingIn } from '../examine-pending.ts';
import { examiningCalendar, UnknownCalendar } from '../store/calendars.ts';
import { allPending, loadBillView, lockBill, type PendingPresentation } from '../store/facts.ts';
import { loadCredit } from '../store/repository.ts';

export type BackstopDeps = ExaminePendingDeps & Readonly<{ db: Db; parties: Parties }>;

/** One waiting presentation, in its own transaction, serialised with the waybill consumer by the bill's lock. */
const examineOne = (deps: BackstopDeps, pending: PendingPresentation, now: Instant, today: LocalDate, log: Logger) =>
  deps.db.transaction(async (tx) => {
    await lockBill(tx, pending.waybillId);
    const bill = await loadBillView(tx, pending.waybillId);
    const { state } = await loadCredit(tx, pending.creditId);
    if (state.status === 'initial') return false;
    const presentation = state.presentations.find((p) => p.id === pending.presentationId);
    if (presentation === undefined) return false;
    const due =
      bill === undefined
        ? compareDates(today, presentation.decisionDeadline) >= 0
        : backstopDue(
            presentation,
            now,
            today,
            examiningCalendar(state.terms, (id) => deps.parties.byId(id), presentation.presentedTo),
          );
    if (!due) return false;
    const { creditId, presentationId } = pending;
    return examinePendingIn(tx, deps, { creditId, credit: state, presentationId, bill, today }, log);
  });

/**
 * The backstop for presentations the waybill consumer left waiting (store/facts.ts `examinable`: the consumed bill
 * was not yet held by a bank and nothing later arrived): those whose bill is known and that are due
 * (domain/backstop.ts) are examined on the bill as consumed. Answers the presentations examined; a second run finds none of them waiting.
 * A bill never consumed is left alone until the fifth banking day (UCP 14(b)): then it is examined as not presented
 * (DOCUMENT_MISSING), so the bank can refuse by the deadline and the credit can still expire.
 */
export const examineWaiting = async (
  deps: BackstopDeps,
  now: Instant,
  today: LocalDate,
  log: Logger,
): Promise<readonly string[]> => {
  const examined: string[] = [];
  for (const pending of await allPending(deps.db)) {
    try {
      if (await examineOne(deps, pending, now, today, log)) examined.push(pending.presentationId);
    } catch (error) {
      if (error instanceof UnknownCalendar) {
        log.warn({ presentationId: pending.presentationId, err: error }, 'waiting presentation: no banking calendar');
        continue;
      }
      // a concurrent change of the credit: the next run sees it afresh
      if (!(error instanceof Rejected) || error.error.code !== 'version-conflict') throw error;
      log.info({ presentationId: pending.presentationId }, 'waiting presentation raced; retried next run');
    }
  }
  return examined;
};
