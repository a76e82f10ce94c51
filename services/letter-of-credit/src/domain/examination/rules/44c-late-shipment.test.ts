import { describe, expect, it } from 'vitest';
import { inputA } from '../../testing/examination-input.ts';
import { billA } from '../../testing/shipments.ts';
import { lateShipment } from './44c-late-shipment.ts';

const departed = (at: string) => inputA({ bill: { ...billA, firstDeparture: { at, location: 'CNCQI' } } });

describe('LATE_SHIPMENT', () => {
  it('complies for a shipment before the latest date', () => expect(lateShipment.check(inputA())).toBeUndefined());
  it('complies on the latest shipment date itself, in Chongqing time', () =>
    expect(lateShipment.check(departed('2026-04-15T15:59:59.000Z'))).toBeUndefined());
  it('fires one minute later: already 16 April in Chongqing though 15 April in UTC', () =>
    expect(lateShipment.check(departed('2026-04-15T16:00:00.000Z'))).toContain('2026-04-16'));
  it('takes the issue date when no departure is recorded', () =>
    expect(
      lateShipment.check(inputA({ bill: { ...billA, firstDeparture: null, issuedAt: '2026-04-20T02:00:00.000Z' } })),
    ).toContain('2026-04-20'));
  it('is not extended by a closing day (29(c)): latest shipment on a Sunday stays', () =>
    expect(
      lateShipment.check({
        ...departed('2026-04-13T02:00:00.000Z'),
        terms: { ...inputA().terms, latestShipmentDate: '2026-04-12' },
      }),
    ).toBeDefined());
});
