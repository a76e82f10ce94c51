import { describe, expect, it } from 'vitest';
import { afterMilestone, inputA, withBill } from '../../testing/examination-input.ts';
import { type RuleCase, ruleCases } from '../../testing/rule-cases.ts';
import { billA } from '../../testing/shipments.ts';
import { clausedTransportDocument } from './27-claused-transport-document.ts';

describe('CLAUSED_TRANSPORT_DOCUMENT (UCP 27)', () => {
  const clausing = (...clauses: string[]) => inputA(withBill({ clauses }));
  ruleCases(clausedTransportDocument, [
    ['complies for a bill with no clauses', inputA(), 'complies'],
    [
      'complies for clauses that declare no defect',
      clausing('Said to contain 2400 units', "Shipper's load, count and seal"),
      'complies',
    ],
    ...['2 cartons torn, contents exposed', 'packaging insufficient for rail carriage', 'cartons wet and stained'].map(
      (clause): RuleCase => [
        `fires for a clause declaring the goods or packaging defective: ${clause}`,
        clausing(clause),
        { contains: clause },
      ],
    ),
  ]);
  it('reads clauses the carrier added at issue and with a loaded milestone', () => {
    const loaded = afterMilestone(billA, {
      leg: 1,
      event: 'loaded',
      at: '2026-04-08T01:00:00.000Z',
      location: 'CNCQI',
      recordedBy: billA.carrier,
      clauses: ['3 pallets damaged'],
    });
    expect(loaded?.clauses).toEqual(['3 pallets damaged']);
    expect(clausedTransportDocument.check(inputA({ bill: loaded }))).toContain('3 pallets damaged');
  });
});
