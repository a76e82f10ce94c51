import { type CustomsEvent, money } from '@railbill/contracts';
import { describe, expect, it } from 'vitest';
import { lodgeImport, sampledTo } from '../testing/builders.ts';
import { billA, billB, billD, ids, parties, t } from '../testing/fixtures.ts';
import { given } from '../testing/specification.ts';

const dutiesOf = (events: readonly CustomsEvent[]) => events.find((e) => e.type === 'customs.duties_assessed')?.data;

describe('lodgeImport', () => {
  it('lodges (a) at the place of delivery, assesses VAT EUR 218150.40 and releases the AEO importer green', () => {
    const events = given()
      .when(lodgeImport(billA(), parties.rheinhafen))
      .thenTypes(
        'customs.lodged',
        'customs.accepted',
        'customs.duties_assessed',
        'customs.risk_assessed',
        'customs.released',
      );
    expect(dutiesOf(events)).toMatchObject({
      waybillId: ids.waybillA,
      declarationType: 'import',
      office: 'DEDUI',
      status: 'accepted',
      at: t.arrived,
      duty: money('0', 'EUR'),
      vat: money('218150.40', 'EUR'),
    });
  });

  it('keeps the duties, the importer and the exporter quoted under the MRA on the declaration', () =>
    given()
      .when(lodgeImport(billA(), parties.rheinhafen))
      .thenState((s) =>
        expect(s).toMatchObject({
          type: 'import',
          status: 'released',
          declarant: { id: 'rheinhafen-computer', aeo: true },
          importer: { id: 'rheinhafen-computer', aeo: true },
          exporter: { id: 'yunxi-devices', aeo: true },
          duties: { vat: money('218150.40', 'EUR') },
        }),
      ));

  it('takes the per-line customs values the consignee declares (b: GST SGD 22479.84) and waits for an officer on yellow', () => {
    const goods = billB().content.goods.map((g, i) => ({
      hsCode: g.hsCode,
      description: g.description,
      grossKg: g.grossKg,
      packages: g.packages,
      customsValue: money(['78400', '72000', '36000'][i] ?? '0', 'USD'),
    }));
    given()
      .when(lodgeImport(billB(), parties.kallang, { goods }), sampledTo('yellow'))
      .thenState((s) =>
        expect(s).toMatchObject({
          status: 'under_control',
          channel: 'yellow',
          duties: { vat: money('22479.84', 'SGD') },
        }),
      );
  });

  it('lodges at the office the consignee names', () =>
    given()
      .when(lodgeImport(billD(), parties.elbufer, { office: 'DEDUI' }))
      .thenState((s) => expect(s).toMatchObject({ office: 'DEDUI' })));

  it('refuses a bill customs has never seen (not found)', () =>
    given().when(lodgeImport(undefined, parties.rheinhafen)).thenRejects('not_found', 'waybill-not-found'));

  it('answers a party not on the bill as if there were no bill (not found)', () =>
    given().when(lodgeImport(billA(), parties.kallang)).thenRejects('not_found', 'waybill-not-found'));

  it('refuses the shipper, who is on the bill but not its entitled holder (conflict: holding is state)', () =>
    given().when(lodgeImport(billA(), parties.yunxi)).thenRejects('conflict', 'not-entitled-holder'));

  it('refuses the named consignee while a bank is the entitled holder (conflict)', () =>
    given()
      .when(lodgeImport({ ...billA(), holder: 'rrhb', orderOf: 'rrhb' }, parties.rheinhafen))
      .thenRejects('conflict', 'not-entitled-holder'));

  it('refuses a holder that is not entitled (conflict)', () =>
    given()
      .when(lodgeImport({ ...billA(), orderOf: 'rrhb' }, parties.rheinhafen))
      .thenRejects('conflict', 'not-entitled-holder'));

  it('accepts a buyer in transit, named nowhere on the bill, as its entitled holder and importer', () =>
    given()
      .when(lodgeImport({ ...billA(), holder: parties.kallang.id, orderOf: null }, parties.kallang))
      .thenState((s) => expect(s).toMatchObject({ importer: { id: parties.kallang.id }, office: 'DEDUI' })));

  it('does not show a straight waybill to a party not on it (not found)', () =>
    given().when(lodgeImport(billD(), parties.yunxi)).thenRejects('not_found', 'waybill-not-found'));

  it('refuses an operator (forbidden)', () =>
    given().when(lodgeImport(billA(), parties.operator)).thenRejects('forbidden', 'read-only'));

  it('refuses a bill no longer issued (conflict)', () =>
    given()
      .when(lodgeImport({ ...billA(), status: 'accomplished' }, parties.rheinhafen))
      .thenRejects('conflict', 'bill-not-issued'));

  it('refuses a second import while the first was not rejected (conflict)', () =>
    given()
      .when(lodgeImport(billA(), parties.rheinhafen, { siblings: [{ type: 'import', status: 'held' }] }))
      .thenRejects('conflict', 'import-already-lodged'));

  it('accepts a new import after the previous one was rejected', () =>
    given()
      .when(lodgeImport(billA(), parties.rheinhafen, { siblings: [{ type: 'import', status: 'rejected' }] }))
      .thenState((s) => expect(s.status).toBe('released')));

  it('refuses customs values on some goods items only (rule)', () => {
    const goods = [
      { hsCode: '847130', description: 'laptops', grossKg: '2400.0', packages: 100, customsValue: money('1', 'USD') },
      { hsCode: '847130', description: 'laptops', grossKg: '2400.0', packages: 100 },
    ];
    given()
      .when(lodgeImport(billA(), parties.rheinhafen, { goods }))
      .thenRejects('rule', 'customs-value-partial');
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
