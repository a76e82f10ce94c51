import { describe } from 'vitest';
import { inputA, withBill } from '../../testing/examination-input.ts';
import { ruleCases } from '../../testing/rule-cases.ts';
import { lateShipment } from './44c-late-shipment.ts';

const departed = (at: string) => inputA(withBill({ firstDeparture: { at, location: 'CNCQI' } }));

describe('LATE_SHIPMENT', () =>
  ruleCases(lateShipment, [
    ['complies for a shipment before the latest date', inputA(), 'complies'],
    ['complies on the latest shipment date, in Chongqing time', departed('2026-04-15T15:59:59.000Z'), 'complies'],
    [
      'fires one minute later: already 16 April in Chongqing though 15 April in UTC',
      departed('2026-04-15T16:00:00.000Z'),
      { contains: '2026-04-16' },
    ],
    [
      'takes the issue date when no departure is recorded',
      inputA(withBill({ firstDeparture: null, issuedAt: '2026-04-20T02:00:00.000Z' })),
      { contains: '2026-04-20' },
    ],
    [
      'is not extended by a closing day (29(c)): latest shipment on a Sunday stays',
      { ...departed('2026-04-13T02:00:00.000Z'), terms: { ...inputA().terms, latestShipmentDate: '2026-04-12' } },
      'fires',
    ],
  ]));
