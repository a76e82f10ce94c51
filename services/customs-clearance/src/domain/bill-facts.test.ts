import { evolveBillSummary as evolveBillFacts, type WaybillEvent } from '@railbill/contracts';
import { describe, expect, it } from 'vitest';
import { billPartiesOf, transitFor } from './bill-facts.ts';
import { billA, billB, billD, ids, tariff } from './testing/fixtures.ts';

describe('evolveBillFacts', () => {
  const { content } = billA();
  const meta = { waybillId: ids.waybillA, time: '2026-04-07T02:00:00.000Z' };
  const submitted: WaybillEvent = {
    type: 'waybill.submitted',
    data: { ...content, submittedBy: content.shipper, warnings: [] },
  };
  const issued: WaybillEvent = {
    type: 'waybill.issued',
    data: { billNumber: 'B1', issuedBy: content.carrier, holder: content.shipper },
  };

  it('knows nothing before the submission', () => expect(evolveBillFacts(undefined, issued, meta)).toBeUndefined());

  it('folds the content, the status and the bill number', () => {
    const facts = [submitted, issued].reduce<ReturnType<typeof evolveBillFacts>>(
      (f, e) => evolveBillFacts(f, e, meta),
      undefined,
    );
    expect(facts).toMatchObject({
      waybillId: ids.waybillA,
      status: 'issued',
      billNumber: 'B1',
      content: { goods: content.goods },
    });
  });
});

describe('billPartiesOf', () => {
  it('names shipper, consignee, notify party and carriers, not the bank', () =>
    expect(billPartiesOf(billB())).toEqual(['shancheng-moto', 'kallang-twowheel', 'silkrail-mto', 'beibu-ocean']));
});

describe('transitFor', () => {
  it('opens at the EU entry for a bill to Duisburg or Hamburg', () => {
    expect(transitFor(billA(), 'PLMAA', tariff)).toEqual({ office: 'PLMAA', destinationOffice: 'DEDUI' });
    expect(transitFor(billD(), 'PLMAA', tariff)).toEqual({ office: 'PLMAA', destinationOffice: 'DEHAM' });
  });

  it.each(['CNAKL', 'BYBQT', 'DEDUI'])('opens nothing at %s', (station) =>
    expect(transitFor(billA(), station, tariff)).toBeUndefined(),
  );

  it('opens nothing on a bill to Singapore crossing into the EU', () =>
    expect(transitFor(billB(), 'PLMAA', tariff)).toBeUndefined());
});
