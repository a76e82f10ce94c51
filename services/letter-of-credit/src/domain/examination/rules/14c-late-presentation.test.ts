import { describe, expect, it } from 'vitest';
import { inputA } from '../../testing/examination-input.ts';
import { latePresentation } from './14c-late-presentation.ts';

describe('LATE_PRESENTATION', () => {
  it('complies within 21 days of shipment', () => expect(latePresentation.check(inputA())).toBeUndefined());
  it('complies on the last day, 21 days after shipment 04-08: 04-29', () =>
    expect(latePresentation.check(inputA({ presentedOn: '2026-04-29' }))).toBeUndefined());
  it('fires the day after', () =>
    expect(latePresentation.check(inputA({ presentedOn: '2026-04-30' }))).toContain('2026-04-29'));
  it('extends a last day on a closing day to the next banking day (29(a)): 1 May 2026 in China → 6 May', () => {
    const period = { presentationPeriodDays: 23 };
    expect(latePresentation.check(inputA({ presentedOn: '2026-05-06' }, period))).toBeUndefined();
    expect(latePresentation.check(inputA({ presentedOn: '2026-05-07' }, period))).toContain('2026-05-06');
  });
});
