import { readFileSync } from 'node:fs';

// USER_HZ: the unit of /proc/<pid>/stat's utime and stime (100 on every Linux the bench runs on)
const TICKS_PER_SECOND = 100;

/** CPU time (user + system) a process has used so far in ms, from `/proc/<pid>/stat`; undefined when unknown. */
const cpuMs = (pid: number | undefined): number | undefined => {
  if (pid === undefined) return undefined;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // fields after the command name (which may hold spaces): state is field 3, utime 14, stime 15
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
  } catch {
    return undefined;
  }
};

/**
 * The CPU ms each process used per unit of work while `work` ran. On a shared machine wall-clock rates follow the
 * neighbours' load; the CPU a service spends per command moves much less, so a change to the hot path shows in it.
 */
export const cpuPer = async <T>(
  pids: Readonly<Record<string, number | undefined>>,
  work: () => Promise<T>,
  units: (result: T) => number,
): Promise<{ result: T; msPerUnit: Record<string, number | undefined> }> => {
  const before = Object.fromEntries(Object.entries(pids).map(([name, pid]) => [name, cpuMs(pid)]));
  const result = await work();
  const n = units(result);
  const msPerUnit = Object.fromEntries(
    Object.entries(pids).map(([name, pid]) => {
      const [a, b] = [before[name], cpuMs(pid)];
      return [name, a === undefined || b === undefined || n === 0 ? undefined : Math.round(((b - a) / n) * 100) / 100];
    }),
  );
  return { result, msPerUnit };
};
