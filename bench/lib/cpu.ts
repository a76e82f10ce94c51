import { readdirSync, readFileSync } from 'node:fs';

// USER_HZ: the unit of /proc/<pid>/stat's utime and stime (100 on every Linux the bench runs on)
const TICKS_PER_SECOND = 100;

/** A process by its pid, or every process whose command line matches (e.g. all of PostgreSQL's). */
export type CpuSource = number | undefined | Readonly<{ cmdline: RegExp }>;

/** PostgreSQL: every backend and auxiliary process (WAL writer, checkpointer) of the server on this machine. */
export const POSTGRES: CpuSource = { cmdline: /^postgres(: |\0|$)|\/postgres\0/ };
/** The Kafka broker's JVM. */
export const KAFKA: CpuSource = { cmdline: /kafka\.Kafka/ };

/** CPU time (user + system) a process has used so far in ms, from `/proc/<pid>/stat`; undefined when unknown. */
const cpuMs = (pid: number): number | undefined => {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // fields after the command name (which may hold spaces): state is field 3, utime 14, stime 15
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
  } catch {
    return undefined;
  }
};

const cmdlineOf = (pid: number): string => {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8');
  } catch {
    return '';
  }
};

/** CPU ms so far of each process of a source (pid → ms); undefined when the source is unknown. */
const sample = (source: CpuSource): Map<number, number> | undefined => {
  if (source === undefined) return undefined;
  const pids =
    typeof source === 'number'
      ? [source]
      : readdirSync('/proc')
          .filter((name) => /^\d+$/.test(name))
          .map(Number)
          .filter((pid) => source.cmdline.test(cmdlineOf(pid)));
  const ms = new Map<number, number>();
  for (const pid of pids) {
    const used = cpuMs(pid);
    if (used !== undefined) ms.set(pid, used);
  }
  return typeof source === 'number' && ms.size === 0 ? undefined : ms;
};

/**
 * The CPU ms each source used per unit of work while `work` ran. On a shared machine wall-clock rates follow the
 * neighbours' load; the CPU spent per command moves much less, so a change to the hot path shows in it. A process
 * that started during the work counts from zero; one that ended during it is not counted.
 */
export const cpuPer = async <T>(
  sources: Readonly<Record<string, CpuSource>>,
  work: () => Promise<T>,
  units: (result: T) => number,
): Promise<{ result: T; msPerUnit: Record<string, number | undefined> }> => {
  const before = Object.fromEntries(Object.entries(sources).map(([name, source]) => [name, sample(source)]));
  const result = await work();
  const n = units(result);
  const msPerUnit = Object.fromEntries(
    Object.entries(sources).map(([name, source]) => {
      const [a, b] = [before[name], sample(source)];
      if (a === undefined || b === undefined || n === 0) return [name, undefined];
      let used = 0;
      for (const [pid, ms] of b) used += ms - (a.get(pid) ?? 0);
      return [name, Math.round((used / n) * 100) / 100];
    }),
  );
  return { result, msPerUnit };
};
