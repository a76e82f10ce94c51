import { describe } from 'vitest';
import { inputA } from '../../testing/examination-input.ts';
import { ruleCases } from '../../testing/rule-cases.ts';
import { latePresentation } from './14c-late-presentation.ts';

const period = { presentationPeriodDays: 23 };

describe('LATE_PRESENTATION', () =>
  ruleCases(latePresentation, [
    ['complies within 21 days of shipment', inputA(), 'complies'],
    [
      'complies on the last day, 21 days after shipment 04-08: 04-29',
      inputA({ presentedOn: '2026-04-29' }),
      'complies',
    ],
    ['fires the day after', inputA({ presentedOn: '2026-04-30' }), { contains: '2026-04-29' }],
    [
      'extends a last day on a closing day to the next banking day (29(a)): 1 May 2026 in China → 6 May',
      inputA({ presentedOn: '2026-05-06' }, period),
      'complies',
    ],
    [
      'fires the day after that extended last day',
      inputA({ presentedOn: '2026-05-07' }, period),
      { contains: '2026-05-06' },
    ],
  ]));
