import { money } from '@railbill/contracts';
import { deciderSpec } from '@railbill/testkit/domain';
import { describe, expect, it } from 'vitest';
import { customsDecider } from '../decide.ts';
import { lodged, lodgeExport } from '../testing/builders.ts';
import { billA, billB, env, ids, t, withRisk } from '../testing/fixtures.ts';

const { given } = deciderSpec(customsDecider(env));

const ref = { waybillId: ids.waybillA, declarationType: 'export', office: 'CNCQI', at: t.issued } as const;
const laptops = (container: string) => ({
  hsCode: '847130',
  description: 'Portable computers (laptops) 14", model YX-14, 12 per carton',
  origin: 'CN',
  customsValue: money('624000.00', 'USD'),
  grossKg: '2400.0',
  packages: 100,
  containerNumber: container,
});

describe('lodgeExport', () => {
  it('releases an AEO exporter with ordinary goods on the green channel with no officer', () =>
    given()
      .when(lodgeExport(billA()))
      .then(
        {
          type: 'customs.lodged',
          data: {
            ...ref,
            status: 'lodged',
            lodgedBy: 'customs-clearance',
            declarant: { id: 'yunxi-devices', aeo: true },
            exporter: { id: 'yunxi-devices', aeo: true },
            goods: [laptops('RBLU1000015'), laptops('RBLU1000020')],
            billNumber: 'SRX26CQ0001',
            billParties: ['yunxi-devices', 'rheinhafen-computer', 'silkrail-mto'],
          },
        },
        { type: 'customs.accepted', data: { ...ref, status: 'accepted' } },
        {
          type: 'customs.risk_assessed',
          data: {
            ...ref,
            status: 'accepted',
            channel: 'green',
            score: 10,
            riskReasons: [
              'value-threshold: customs value USD 1248000.00 is above USD 1000000.00',
              'aeo: yunxi-devices (principal) is an authorised economic operator',
            ],
          },
        },
        {
          type: 'customs.released',
          data: { ...ref, status: 'released', reason: 'green channel: released without control' },
        },
      ));

  it('sends a restricted HS code to red, waiting for an officer', () => {
    const bill = billA();
    const goods = bill.content.goods.map((g, i) => (i === 0 ? { ...g, hsCode: '930190' } : g));
    given()
      .when(lodgeExport({ ...bill, content: { ...bill.content, goods } }))
      .thenState((s) => {
        expect(s).toMatchObject({ status: 'under_control', channel: 'red', inspectionOrdered: false });
        if (s.status !== 'initial') expect(s.riskReasons[0]).toMatch(/^restricted-hs-code: item 1 HS 930190/);
      });
  });

  it('sends a non-AEO exporter over the value threshold to yellow', () =>
    given()
      .when(lodgeExport(billA({ declaredValue: { amount: '1300000.00', currency: 'USD' } }), { aeo: {} }))
      .thenTypes('customs.lodged', 'customs.accepted', 'customs.risk_assessed'));

  it('leaves a sampled declaration under control on the sampled channel', () =>
    deciderSpec(customsDecider(withRisk({ sampling: { ...env.risk.sampling, yellowRate: 1 } })))
      .given()
      .when(lodgeExport(billB()))
      .thenState((s) => expect(s).toMatchObject({ status: 'under_control', channel: 'yellow' })));

  it('refuses a bill that is not issued (conflict)', () =>
    given()
      .when(lodgeExport({ ...billA(), status: 'submitted' }))
      .thenRejects('conflict', 'bill-not-issued'));

  it('refuses lodging twice under one declaration id (conflict)', () =>
    given(...lodged(lodgeExport(billA())))
      .when(lodgeExport(billA()))
      .thenRejects('conflict', 'already-lodged'));

  it('folds into a released declaration that remembers its bill', () =>
    given()
      .when(lodgeExport(billA()))
      .thenState((s) =>
        expect(s).toMatchObject({
          status: 'released',
          version: 4,
          billNumber: 'SRX26CQ0001',
          createdAt: t.issued,
          acts: [],
        }),
      ));
});
