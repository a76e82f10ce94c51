import { type Instant, type LocalDate, localDateIn } from '@railbill/contracts';
import { type Db, type Logger, type Parties, Rejected } from '@railbill/platform';
import type { CreditHandler } from '../credit-handler.ts';
import { overdueCredits } from '../store/queries.ts';
import { examineWaiting } from './examine-waiting.ts';

export type ExpiryJobDeps = Readonly<{
  db: Db;
  parties: Parties;
  log: Logger;
  /** The service's credit handler (its `core`), and the zone and clock it runs with (`handleDeps` in service.ts). */
  credits: CreditHandler;
  timeZone: string;
  clock?: (() => string) | undefined;
  intervalMs: number;
}>;

/**
 * Every `intervalMs`: first the backstop of waiting presentations (jobs/examine-waiting.ts), so a presentation made in
 * time is examined rather than lost to expiry; then docs/contract.md §4 `expired`: each credit whose expiry date is before today
 * (in the service's zone) is offered `expire`; the domain extends the date to a banking day (UCP 29(a)) and refuses
 * what is not due, already terminal or under presentation, all as conflicts, which the job ignores. A run is
 * idempotent.
 */
export const createExpiryJob = (deps: ExpiryJobDeps) => {
  const log = deps.log.child({ component: 'expiry-job' });
  const { credits } = deps;
  const examineDeps = { credits, parties: deps.parties };

  const expireOne = async (creditId: string, today: LocalDate): Promise<boolean> => {
    try {
      await credits.handle({
        id: creditId,
        command: ({ at, loaded, facts }) => {
          if (loaded.state.status === 'initial') throw new Error(`credit ${creditId} vanished`);
          // the issuing bank's undertaking is what lapses (UCP 6(d)(i))
          return {
            type: 'expire',
            by: { id: loaded.state.terms.issuingBank, role: 'bank' },
            at,
            today,
            calendar: facts.calendar(loaded.state),
          };
        },
      });
      return true;
    } catch (error) {
      if (error instanceof Rejected && error.error.kind === 'conflict') return false;
      // a calendar that does not cover the date, or a bank with none (the credit's facts): this credit waits, the
      // others go on
      if (error instanceof Rejected) {
        log.warn({ creditId, err: error }, 'credit not expired: its banking calendar cannot tell');
        return false;
      }
      throw error;
    }
  };

  const clock = () => deps.clock?.() ?? new Date().toISOString();

  /**
   * One pass as of `today` (the LC date in the service's zone) and `now` (tests pass their own); answers the
   * presentations examined and the credits expired.
   */
  const runOnce = async (
    today: LocalDate,
    now: Instant = clock(),
  ): Promise<Readonly<{ examined: readonly string[]; expired: readonly string[] }>> => {
    const examined = await examineWaiting({ ...examineDeps, db: deps.db }, now, today, log);
    if (examined.length > 0) log.info({ count: examined.length }, 'waiting presentations examined');
    const expired: string[] = [];
    for (const creditId of await overdueCredits(deps.db, today))
      if (await expireOne(creditId, today)) expired.push(creditId);
    if (expired.length > 0) log.info({ count: expired.length }, 'credits expired');
    return { examined, expired };
  };

  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> = Promise.resolve();
  const tick = () => {
    const now = clock();
    const today = localDateIn(now, deps.timeZone);
    running = running.then(() => runOnce(today, now)).catch((err: unknown) => log.error({ err }, 'expiry run failed'));
  };

  return {
    runOnce,
    start: async () => {
      tick();
      timer = setInterval(tick, deps.intervalMs);
    },
    stop: async () => {
      clearInterval(timer);
      await running;
    },
  };
};
