import { type CustomsEvent, money } from '@railbill/contracts';
import { deciderSpec } from '@railbill/testkit/domain';
import { describe, expect, it } from 'vitest';
import { customsDecider } from '../decide.ts';
import { lodgeImport, sampledTo } from '../testing/builders.ts';
import { billA, billB, billD, env, ids, parties, t } from '../testing/fixtures.ts';

const { given, refuses } = deciderSpec(customsDecider(env));

const dutiesOf = (events: readonly CustomsEvent[]) => events.find((e) => e.type === 'customs.duties_assessed')?.data;

describe('lodgeImport', () => {
  it('lodges (a) at the place of delivery, VAT EUR 218150.40, and keeps the green import accepted until paid', () => {
    const events = given()
      .when(lodgeImport(billA(), parties.rheinhafen))
      .thenTypes('customs.lodged', 'customs.accepted', 'customs.duties_assessed', 'customs.risk_assessed');
    expect(dutiesOf(events)).toMatchObject({
      waybillId: ids.waybillA,
      declarationType: 'import',
      office: 'DEDUI',
      status: 'accepted',
      at: t.arrived,
      duty: money('0', 'EUR'),
      vat: money('218150.40', 'EUR'),
    });
    expect(events.at(-1)?.data).toMatchObject({ channel: 'green', status: 'accepted' });
  });

  it('keeps the assessed duties, the importer and the exporter quoted under the MRA on the declaration', () =>
    given()
      .when(lodgeImport(billA(), parties.rheinhafen))
      .thenState((s) =>
        expect(s).toMatchObject({
          type: 'import',
          status: 'accepted',
          declarant: { id: 'rheinhafen-computer', aeo: true },
          importer: { id: 'rheinhafen-computer', aeo: true },
          exporter: { id: 'yunxi-devices', aeo: true },
          duties: { status: 'assessed', vat: money('218150.40', 'EUR') },
        }),
      ));

  it('values (a) CIP at the point of entry: freight after entry deducted, EUR 1143744.00 (docs/customs.md §8)', () =>
    given()
      .when(lodgeImport(billA(), parties.rheinhafen, { freightAfterEntry: money('4800.00', 'USD') }))
      .thenState((s) => {
        if (s.status === 'initial') throw new Error('not lodged');
        expect(s.goods.map((g) => g.customsValue)).toEqual([money('571872.00', 'EUR'), money('571872.00', 'EUR')]);
        expect(s.goods[0]?.valuation?.exchangeRate).toEqual({
          rate: '0.9200',
          from: 'USD',
          to: 'EUR',
          validFrom: '2026-04-01',
          validTo: '2026-04-30',
        });
        expect(s.duties).toMatchObject({ duty: money('0', 'EUR'), vat: money('218150.40', 'EUR') });
      }));

  it('values (d) DAP by its unit values, less the freight after entry: duty EUR 2578.40, VAT EUR 11889.90', () =>
    given()
      .when(lodgeImport(billD(), parties.elbufer, { freightAfterEntry: money('1400.00', 'EUR') }))
      .thenState((s) =>
        expect(s).toMatchObject({ duties: { duty: money('2578.40', 'EUR'), vat: money('11889.90', 'EUR') } }),
      ));

  it('takes the unit values the consignee declares (b: GST SGD 22479.84) and waits for an officer on yellow', () => {
    const goods = billB().content.goods.map((g, i) => ({
      hsCode: g.hsCode,
      description: g.description,
      grossKg: g.grossKg,
      packages: g.packages,
      quantity: { value: String(g.packages), unit: 'C62' },
      unitValue: money(['196.00', '300.00', '200.00'][i] ?? '0', 'USD'),
    }));
    deciderSpec(customsDecider(sampledTo('yellow')))
      .given()
      .when(lodgeImport(billB(), parties.kallang, { goods }))
      .thenState((s) =>
        expect(s).toMatchObject({
          status: 'under_control',
          channel: 'yellow',
          duties: { status: 'assessed', vat: money('22479.84', 'SGD') },
        }),
      );
  });

  it('takes the origin from the shipper’s country in the parties file', () =>
    given()
      .when(lodgeImport(billA(), parties.rheinhafen, { shipperCountry: 'VN' }))
      .thenState((s) => expect(s.status !== 'initial' && s.goods.map((g) => g.origin)).toEqual(['VN', 'VN'])));

  refuses(
    [],
    [
      [
        'an FCA import without costs to entry',
        lodgeImport(billA({ incoterm: 'FCA' }), parties.rheinhafen),
        'rule',
        'costs-to-entry-required',
      ],
      [
        'a day the rate table does not cover',
        lodgeImport(billA(), parties.rheinhafen, { at: '2031-01-02T00:00:00.000Z' }),
        'rule',
        'no-exchange-rate',
      ],
    ],
  );

  it('lodges at the office the consignee names', () =>
    given()
      .when(lodgeImport(billD(), parties.elbufer, { office: 'DEDUI' }))
      .thenState((s) => expect(s).toMatchObject({ office: 'DEDUI' })));

  refuses(
    [],
    [
      ['a bill customs has never seen', lodgeImport(undefined, parties.rheinhafen), 'not_found', 'waybill-not-found'],
      [
        'a party not on the bill, as if there were no bill',
        lodgeImport(billA(), parties.kallang),
        'not_found',
        'waybill-not-found',
      ],
      [
        'the shipper, who is on the bill but not its entitled holder (holding is state)',
        lodgeImport(billA(), parties.yunxi),
        'conflict',
        'not-entitled-holder',
      ],
      [
        'the named consignee while a bank is the entitled holder',
        lodgeImport({ ...billA(), holder: 'rrhb', orderOf: 'rrhb' }, parties.rheinhafen),
        'conflict',
        'not-entitled-holder',
      ],
      [
        'a holder that is not entitled',
        lodgeImport({ ...billA(), orderOf: 'rrhb' }, parties.rheinhafen),
        'conflict',
        'not-entitled-holder',
      ],
      [
        'a straight waybill to a party not on it',
        lodgeImport(billD(), parties.yunxi),
        'not_found',
        'waybill-not-found',
      ],
      ['an operator', lodgeImport(billA(), parties.operator), 'forbidden', 'read-only'],
      [
        'a bill no longer issued',
        lodgeImport({ ...billA(), status: 'accomplished' }, parties.rheinhafen),
        'conflict',
        'bill-not-issued',
      ],
      [
        'a second import while the first was not rejected',
        lodgeImport(billA(), parties.rheinhafen, { siblings: [{ type: 'import', status: 'held' }] }),
        'conflict',
        'import-already-lodged',
      ],
    ],
  );

  it('accepts a buyer in transit, named nowhere on the bill, as its entitled holder and importer', () =>
    given()
      .when(lodgeImport({ ...billA(), holder: parties.kallang.id, orderOf: null }, parties.kallang))
      .thenState((s) => expect(s).toMatchObject({ importer: { id: parties.kallang.id }, office: 'DEDUI' })));

  it('accepts a new import after the previous one was rejected', () =>
    given()
      .when(lodgeImport(billA(), parties.rheinhafen, { siblings: [{ type: 'import', status: 'rejected' }] }))
      .thenState((s) => expect(s.status).toBe('accepted')));

  it('refuses unit values in another currency than the bill’s (rule)', () => {
    const goods = [
      {
        hsCode: '847130',
        description: 'laptops',
        grossKg: '2400.0',
        packages: 100,
        quantity: { value: '1200', unit: 'C62' },
        unitValue: money('480.00', 'EUR'),
      },
    ];
    given()
      .when(lodgeImport(billA(), parties.rheinhafen, { goods }))
      .thenRejects('rule', 'unit-value-currency');
  });

  it('refuses goods the EU tariff table has no line for (rule)', () => {
    const goods = [{ hsCode: '010121', description: 'pure-bred horses', grossKg: '500', packages: 1 }];
    given()
      .when(lodgeImport(billA(), parties.rheinhafen, { goods }))
      .thenRejects('rule', 'no-tariff-line');
  });

  it('refuses an office no tariff covers (rule)', () =>
    given()
      .when(lodgeImport(billA(), parties.rheinhafen, { office: 'CNQZH' }))
      .thenRejects('rule', 'no-tariff-for-office'));
});
