import { readFileSync } from 'node:fs';
import type { BenchContext } from '../lib/context.ts';
import type { Row, ScenarioResult } from '../lib/report.ts';
import { round } from '../lib/stats.ts';

const LIMIT_MB = 200;

/** VmRSS of a process in MB from `/proc/<pid>/status`, or undefined when unknown. */
export const rssMb = (pid: number | undefined): number | undefined => {
  if (pid === undefined) return undefined;
  try {
    const kb = /^VmRSS:\s+(\d+)\s+kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb === undefined ? undefined : round(Number(kb) / 1024, 1);
  } catch {
    return undefined;
  }
};

export type MemorySample = Readonly<Record<'waybill' | 'letter-of-credit', number | undefined>>;

export const sampleMemory = (ctx: BenchContext): MemorySample => ({
  waybill: rssMb(ctx.waybill.pid),
  'letter-of-credit': rssMb(ctx.lc.pid),
});

/** Scenario 6: RSS of each service idle (before scenario 1) and after scenario 1; target ≤ 200 MB after. */
export const memoryResult = (idle: MemorySample, after: MemorySample): ScenarioResult => {
  const services = ['waybill', 'letter-of-credit'] as const;
  const rows: Row[] = services.flatMap((s) => {
    const a = after[s];
    if (a === undefined) return [];
    return [
      { measure: `${s} RSS idle`, value: idle[s] ?? Number.NaN, unit: 'MB' },
      { measure: `${s} RSS after cmds`, value: a, unit: 'MB', target: `<= ${LIMIT_MB} MB`, met: a <= LIMIT_MB },
    ];
  });
  return {
    name: 'memory',
    seconds: 0,
    rows,
    details: {
      source: '/proc/<pid>/status VmRSS',
      limitMb: LIMIT_MB,
      services: Object.fromEntries(
        services.map((s) => [
          s,
          { idleMb: idle[s], afterCommandsMb: after[s], met: after[s] === undefined ? null : after[s] <= LIMIT_MB },
        ]),
      ),
    },
  };
};
