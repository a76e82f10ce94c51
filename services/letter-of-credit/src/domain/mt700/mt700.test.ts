import { describe, expect, it } from 'vitest';
import { creditA, creditB } from '../testing/shipments.ts';
import type { PartyDirectory } from './format.ts';
import { parseMt700 } from './parse.ts';
import { renderMt700 } from './render.ts';

/** The names, addresses and BICs of docs/swift-messages.md (all fictional). */
const parties: PartyDirectory = {
  'rheinhafen-computer': {
    lines: ['Rheinhafen Computer Handels GmbH', 'Hafenstrasse 12 (fictional)', '47051 Duisburg', 'Germany'],
  },
  'yunxi-devices': {
    lines: ['Yunxi Smart Devices (Chongqing)', 'Co., Ltd. (fictional)', 'Liangjiang New Area, Chongqing', 'China'],
  },
  rrhb: { lines: ['Rhein-Ruhr Handelsbank AG'], bic: 'RRHBDED0' },
  'yzcb-cq': { lines: ['Yangtze Commerce Bank Co., Ltd.'], bic: 'YZCBCNC0' },
  smbl: { lines: ['Straits Merchant Bank Ltd'], bic: 'SMBLSGS0' },
  'kallang-twowheel': { lines: ['Kallang Two-Wheel Supplies Pte. Ltd.'] },
  'shancheng-moto': { lines: ['Shancheng Moto Components Co., Ltd.'] },
};

const rendered = renderMt700({ terms: creditA, issuedOn: '2026-03-02', parties });

/** The fields of docs/swift-messages.md that railbill's terms carry, as printed there. */
const fromMt700Md = `{1:F01RRHBDED0AXXX0000000000}{2:I700YZCBCNC0XXXXN}{4:
:27:1/1
:40A:IRREVOCABLE
:20:RRH26DC000417
:31C:260302
:40E:EUCP LATEST VERSION
:31D:260512CHONGQING
:50:RHEINHAFEN COMPUTER HANDELS GMBH
HAFENSTRASSE 12 (FICTIONAL)
47051 DUISBURG
GERMANY
:59:YUNXI SMART DEVICES (CHONGQING)
CO., LTD. (FICTIONAL)
LIANGJIANG NEW AREA, CHONGQING
CHINA
:32B:USD1248000,00
:39A:05/05
:41A:YZCBCNC0
BY PAYMENT
:43P:NOT ALLOWED
:43T:ALLOWED
:44A:CHONGQING (UN/LOCODE CNCQI), CHINA
:44B:DUISBURG (UN/LOCODE DEDUI), GERMANY
:44C:260415`;

describe('renderMt700', () => {
  it('renders shipment (a) as docs/swift-messages.md does, up to the narrative fields', () =>
    expect(rendered.startsWith(fromMt700Md)).toBe(true));

  it('ends with 48, 49 and the requested confirmation party', () =>
    expect(rendered.endsWith(':48:21\n:49:CONFIRM\n:58A:YZCBCNC0\n-}')).toBe(true));

  it('keeps narrative lines within 65 characters and party lines within 35', () => {
    const lines = rendered.split('\n');
    expect(lines.every((l) => l.replace(/^:\w{2,3}:/, '').length <= 65 || l.startsWith('{1:'))).toBe(true);
    const applicant = lines.slice(
      lines.indexOf(':50:RHEINHAFEN COMPUTER HANDELS GMBH'),
      lines.indexOf(':32B:USD1248000,00'),
    );
    expect(applicant.every((l) => l.replace(/^:5[09]:/, '').length <= 35)).toBe(true);
  });

  it('omits 39A without a tolerance and 58A without confirmation', () => {
    const text = renderMt700({ terms: creditB, issuedOn: '2026-06-05', parties });
    expect(text).not.toContain(':39A:');
    expect(text).not.toContain(':58A:');
    expect(text).toContain(':41A:YZCBCNC0\nBY NEGOTIATION');
  });
});

describe('parseMt700', () => {
  it('round-trips shipment (a), narratives in upper case', () =>
    expect(parseMt700(rendered, parties)).toEqual({
      issuedOn: '2026-03-02',
      terms: {
        ...creditA,
        expiry: { ...creditA.expiry, place: 'CHONGQING' },
        goodsDescription: creditA.goodsDescription.toUpperCase(),
      },
    }));

  it('round-trips a credit with conditions, originals and no tolerance', () => {
    const terms = {
      ...creditB,
      additionalConditions: ['Electronic records to be presented to the railbill credit service, format JSON'],
      documentsRequired: creditB.documentsRequired.map((d) =>
        d.kind === 'packing_list' ? { ...d, originals: 2, copies: 3 } : d,
      ),
    };
    const parsed = parseMt700(renderMt700({ terms, issuedOn: '2026-06-05', parties }), parties);
    expect(parsed.terms).toEqual({
      ...terms,
      expiry: { ...terms.expiry, place: 'CHONGQING' },
      goodsDescription: terms.goodsDescription.toUpperCase(),
      additionalConditions: terms.additionalConditions.map((c) => c.toUpperCase()),
    });
  });
});
