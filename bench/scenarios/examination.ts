import type { ExaminationInput } from '../../services/letter-of-credit/src/domain/examination/context.ts';
import { examine } from '../../services/letter-of-credit/src/domain/examination/examine.ts';
import { examinationInput } from '../../services/letter-of-credit/src/domain/testing/examination-input.ts';
import { shipments } from '../../services/letter-of-credit/src/domain/testing/shipments.ts';
import type { BenchContext } from '../lib/context.ts';
import type { ScenarioResult } from '../lib/report.ts';
import { rate, ratio, wallMs } from '../lib/stats.ts';

const TARGET = 20_000;

/** The three presentations of docs/shipments.md: (a) and (b) complying, (c) discrepant, on their presentation dates. */
const presentations: readonly ExaminationInput[] = [shipments.a, shipments.b, shipments.c].map((s) =>
  examinationInput(s),
);

/** Scenario 5: presentations examined per second by the pure UCP 600 engine, no I/O, for a bounded time. */
export const examinationScenario = async (ctx: BenchContext): Promise<ScenarioResult> => {
  const durationMs = ctx.quick ? 2000 : 3000;
  const expected = presentations.map((p) => examine(p).map((d) => d.code));
  for (let i = 0; i < 2000; i++) examine(presentations[i % presentations.length] as ExaminationInput); // warm-up
  let count = 0;
  let discrepancies = 0;
  const start = wallMs();
  let now = start;
  while (now - start < durationMs) {
    for (let i = 0; i < 300; i++)
      discrepancies += examine(presentations[count++ % presentations.length] as ExaminationInput).length;
    now = wallMs();
  }
  const perSecond = rate(count, now - start);
  const r = ratio(perSecond, TARGET);
  return {
    name: 'examination',
    seconds: Math.round((now - start) / 1000),
    rows: [
      {
        measure: 'presentations/s',
        value: perSecond,
        unit: '/s',
        baseline: TARGET,
        ratio: r,
        target: `>= ${TARGET}/s`,
        met: perSecond >= TARGET,
      },
    ],
    details: {
      durationMs,
      count,
      perSecond,
      target: TARGET,
      ratioToTarget: r,
      met: perSecond >= TARGET,
      fixtures: 'shipments (a), (b) complying and (c) discrepant, round-robin',
      discrepanciesPerFixture: expected,
      discrepanciesTotal: discrepancies,
    },
  };
};
