import type { Broker, Postgres } from './infra.ts';
import type { Cluster } from './instances.ts';
import { seeded } from './random.ts';

export type Fault =
  | Readonly<{ at: number; kind: 'kill'; target: string; downMs: number }>
  | Readonly<{ at: number; kind: 'restart-broker' }>
  | Readonly<{ at: number; kind: 'restart-postgres' }>;

/** The fault schedule of a run: a function of the seed alone, so a seed replays it (times in ms from the start). */
export const faultSchedule = (
  seed: number,
  durationMs: number,
  targets: readonly string[],
  quick: boolean,
): Fault[] => {
  const random = seeded(seed);
  const faults: Fault[] = [];
  const [lo, hi] = quick ? [4000, 8000] : [6000, 14_000];
  for (let at = random.between(lo, hi); at < durationMs * 0.85; at += random.between(lo, hi))
    faults.push({ at, kind: 'kill', target: random.pick(targets), downMs: random.between(500, 3000) });
  faults.push({ at: Math.round(durationMs * 0.3), kind: 'restart-broker' });
  faults.push({ at: Math.round(durationMs * 0.6), kind: 'restart-postgres' });
  return faults.sort((a, b) => a.at - b.at);
};

export type FaultLog = { at: number; fault: Fault; tookMs: number; error?: string }[];

/** Plays the schedule: SIGKILL an instance (restarted after `downMs`), restart the broker, restart PostgreSQL. */
export const runFaults = async (
  schedule: readonly Fault[],
  o: Readonly<{ cluster: Cluster; broker: Broker; postgres: Postgres; startedAt: number; stopped: () => boolean }>,
): Promise<FaultLog> => {
  const log: FaultLog = [];
  const restarts: Promise<void>[] = [];
  for (const fault of schedule) {
    const wait = o.startedAt + fault.at - Date.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    if (o.stopped()) break;
    const began = Date.now();
    try {
      if (fault.kind === 'kill') {
        const instance = o.cluster.instances.find((x) => x.name === fault.target);
        if (instance?.running === undefined) continue;
        await o.cluster.kill(instance);
        restarts.push(
          new Promise<void>((r) => setTimeout(r, fault.downMs)).then(() =>
            o.cluster.start(instance).catch((error: unknown) => {
              log.push({ at: Date.now() - o.startedAt, fault, tookMs: 0, error: `restart: ${String(error)}` });
            }),
          ),
        );
      } else if (fault.kind === 'restart-broker') await o.broker.restart();
      else await o.postgres.restart();
      log.push({ at: began - o.startedAt, fault, tookMs: Date.now() - began });
    } catch (error) {
      log.push({ at: began - o.startedAt, fault, tookMs: Date.now() - began, error: String(error) });
    }
  }
  await Promise.all(restarts);
  return log;
};
