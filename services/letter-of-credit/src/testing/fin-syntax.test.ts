import type { LcEvent } from '@railbill/contracts';
import { describe, expect, it } from 'vitest';
import { type BankMessage, messagesFor } from '../domain/messages/lifecycle.ts';
import type { PartyDirectory } from '../domain/mt700/format.ts';
import { renderMt700Series } from '../domain/mt700/render.ts';
import { evolve, initialState, type State } from '../domain/state.ts';
import { advised, examinedEvent, issued, presentationIds, presented } from '../domain/testing/builders.ts';
import { creditA, invoiceA, party, waybillIds } from '../domain/testing/shipments.ts';
import { finProblems } from './fin-syntax.ts';

/** Names, addresses and BICs as the parties file gives them (fictional). */
const parties: PartyDirectory = {
  [party.rheinhafen]: {
    lines: ['Rheinhafen Computer Handels GmbH', 'Hafenstrasse 12 (fictional)', '47051 Duisburg, Germany'],
  },
  [party.yunxi]: {
    lines: ['Chongqing Yunxi Electronics Co., Ltd. (fictional)', 'Liangjiang New Area, Chongqing, China'],
  },
  [party.rrhb]: { lines: ['Rhein-Ruhr Handelsbank AG'], bic: 'RRHBDED0' },
  [party.yzcb]: { lines: ['Yangtze Commerce Bank Co., Ltd.'], bic: 'YZCBCNC0CQG' },
};

const discrepancies = [
  { code: 'LATE_SHIPMENT', article: '44C; 24(a)(ii); 29(c)', message: 'shipped 2026-04-16, after 2026-04-15' },
];
const p = { waybillId: waybillIds.a, invoice: invoiceA, today: '2026-04-14' } as const;
const refused: LcEvent = {
  type: 'lc.refused',
  data: {
    creditNumber: creditA.number,
    presentationId: presentationIds.first,
    discrepancies,
    disposal: 'holding_until_waiver',
    by: party.rrhb,
  },
};
/** A discrepant credit's whole life, then its payment, as events. */
const life: LcEvent[] = [
  issued(creditA),
  advised(creditA),
  {
    type: 'lc.amendment_proposed',
    data: {
      creditNumber: creditA.number,
      n: 1,
      changes: { amount: { amount: '1300000.00', currency: 'USD' }, latestShipmentDate: '2026-04-20' },
      note: 'Raise the amount; extend the shipment date',
      proposedBy: party.rrhb,
    },
  },
  presented(creditA, { ...p, decisionDeadline: '2026-04-21' }),
  examinedEvent(creditA, 'discrepant', discrepancies),
  refused,
  {
    type: 'lc.discrepancies_waived',
    data: { creditNumber: creditA.number, presentationId: presentationIds.first, by: party.rheinhafen },
  },
  {
    type: 'lc.honoured',
    data: {
      creditNumber: creditA.number,
      presentationId: presentationIds.first,
      amount: invoiceA.amount,
      by: party.yzcb,
    },
  },
  {
    type: 'lc.paid',
    data: {
      creditNumber: creditA.number,
      presentationId: presentationIds.first,
      waybillId: waybillIds.a,
      amount: invoiceA.amount,
      applicant: party.rheinhafen,
      bank: party.yzcb,
      paidBy: party.rrhb,
    },
  },
];

const messagesOfLife = (events: readonly LcEvent[]): BankMessage[] => {
  let state: State = initialState;
  const out: BankMessage[] = [];
  for (const event of events) {
    out.push(
      ...messagesFor({ credit: state.status === 'initial' ? undefined : state, event, on: '2026-04-16', parties }),
    );
    state = evolve(state, event);
  }
  return out;
};
const messages = messagesOfLife(life);

describe('the messages of a credit’s life (docs/swift-messages.md)', () => {
  it('are produced in order, each in its direction', () =>
    expect(messages.map((m) => [m.mt, m.sender, m.receiver])).toEqual([
      ['MT700', party.rrhb, party.yzcb],
      ['MT730', party.yzcb, party.rrhb],
      ['MT707', party.rrhb, party.yzcb],
      ['MT750', party.yzcb, party.rrhb],
      ['MT734', party.rrhb, party.yzcb],
      ['MT752', party.rrhb, party.yzcb],
      ['MT754', party.yzcb, party.rrhb],
      ['MT756', party.rrhb, party.yzcb],
    ]));
  it.each(messages.map((m) => [m.mt, m] as const))('%s passes the FIN syntax checker', (_mt, m) =>
    expect(finProblems(m.text)).toEqual([]),
  );
  it('addresses the receiver’s logical terminal with its branch (BIC8 + X + branch, XXX without one)', () => {
    expect(messages[0]?.text).toContain('{1:F01RRHBDED0AXXX0000000000}{2:I700YZCBCNC0XCQGN}');
    expect(messages[1]?.text).toContain('{1:F01YZCBCNC0ACQG0000000000}{2:I730RRHBDED0XXXXN}');
  });
  it('wraps names and addresses, never cuts them', () => {
    const mt700 = messages[0]?.text ?? '';
    expect(mt700).toContain(
      ':59:CHONGQING YUNXI ELECTRONICS CO.,\nLTD. (FICTIONAL)\nLIANGJIANG NEW AREA, CHONGQING,\nCHINA\n',
    );
    expect(mt700).toContain(
      ':50:RHEINHAFEN COMPUTER HANDELS GMBH\nHAFENSTRASSE 12 (FICTIONAL)\n47051 DUISBURG, GERMANY\n',
    );
  });
  it('always writes the decimal comma', () => {
    const whole = messagesOfLife([issued({ ...creditA, amount: { amount: '1248000', currency: 'USD' } })]);
    expect(whole[0]?.text).toContain(':32B:USD1248000,\n');
    expect(messages.find((m) => m.mt === 'MT707')?.text).toContain(':32B:USD52000,\n');
  });
  it('lists every discrepancy and the disposal in the MT734', () => {
    const mt734 = messages.find((m) => m.mt === 'MT734')?.text ?? '';
    expect(mt734).toContain(':77J:LATE_SHIPMENT (UCP 600 ART. 44C; 24(A)(II);\n29(C)):');
    expect(mt734).toContain(':77B:/NOTIFY/');
  });
  it('sends no message from a bank to itself (presented to the issuing bank directly)', () => {
    const direct = presented(creditA, { ...p, decisionDeadline: '2026-04-21', presentedTo: party.rrhb });
    const mts = messagesOfLife([
      issued(creditA),
      advised(creditA),
      direct,
      examinedEvent(creditA, 'discrepant', discrepancies),
    ]);
    expect(mts.map((m) => m.mt)).toEqual(['MT700', 'MT730']);
  });
  it('continues 45A/46A/47A beyond 100 lines in MT701s, each passing the checker', () => {
    const conditions = Array.from(
      { length: 150 },
      (_, i) => `Condition ${i + 1}: documents must show the credit number in full and the date`,
    );
    const series = renderMt700Series({
      terms: { ...creditA, additionalConditions: conditions },
      issuedOn: '2026-03-02',
      parties,
    });
    expect(series).toHaveLength(3);
    expect(series[1]).toContain('{2:I701YZCBCNC0XCQGN}');
    expect(series[1]).toContain(':27:2/3\n:20:RRH26DC000417\n:47A:');
    for (const text of series) expect(finProblems(text)).toEqual([]);
  });
  it('renders a tenor as 42P (deferred payment) or 42C + 42A drawn on the issuing bank (acceptance)', () => {
    const mt700Of = (terms: Partial<typeof creditA>) =>
      renderMt700Series({ terms: { ...creditA, ...terms }, issuedOn: '2026-03-02', parties })[0] ?? '';
    const deferred = mt700Of({ availableBy: 'deferred_payment', tenor: { days: 60, from: 'shipment' } });
    expect(deferred).toContain(':41A:YZCBCNC0CQG\nBY DEF PAYMENT\n:42P:60 DAYS AFTER SHIPMENT DATE\n:43P:');
    const acceptance = mt700Of({ availableBy: 'acceptance', tenor: { days: 90, from: 'sight' } });
    expect(acceptance).toContain(':42C:90 DAYS AFTER SIGHT\n:42A:RRHBDED0\n:43P:');
    for (const text of [deferred, acceptance]) expect(finProblems(text)).toEqual([]);
  });
  it('amends documents and conditions by replacing them all (46B/47B /REPALL/)', () => {
    const [, , mt707] = messagesOfLife([
      issued(creditA),
      advised(creditA),
      {
        type: 'lc.amendment_proposed',
        data: {
          creditNumber: creditA.number,
          n: 2,
          changes: {
            documentsRequired: creditA.documentsRequired.slice(0, 2),
            additionalConditions: ['Bill held by a bank'],
          },
          proposedBy: party.rrhb,
        },
      },
    ]);
    expect(mt707?.text).toContain(':46B:/REPALL/\n+ELECTRONIC RAILWAY BILL OF LADING');
    expect(mt707?.text).toContain(':47B:/REPALL/\n+BILL HELD BY A BANK');
    expect(finProblems(mt707?.text ?? '')).toEqual([]);
  });
  it('lists every discrepancy by code and article when the full text needs more than 70 lines of 77J', () => {
    const many = Array.from({ length: 12 }, (_, i) => ({
      code: `CODE_${i}`,
      article: '14(d)',
      message: 'x '.repeat(150).trim(),
    }));
    const [, , mt750] = messagesOfLife([
      issued(creditA),
      advised(creditA),
      presented(creditA, { ...p, decisionDeadline: '2026-04-21' }),
      examinedEvent(creditA, 'discrepant', many),
    ]);
    expect(mt750?.mt).toBe('MT750');
    for (const d of many) expect(mt750?.text).toContain(`${d.code} (UCP 600 ART. 14(D))`);
    expect(finProblems(mt750?.text ?? '')).toEqual([]);
  });
  it('writes no message for a bank with no BIC (no SWIFT address)', () => {
    const { [party.yzcb]: _advising, ...withoutBic } = parties;
    const noBic = { ...withoutBic, [party.yzcb]: { lines: ['Yangtze Commerce Bank'] } };
    let state: State = evolve(initialState, issued(creditA));
    const credit = state.status === 'initial' ? undefined : state;
    const mts = messagesFor({ credit, event: advised(creditA), on: '2026-04-16', parties: noBic });
    state = evolve(state, advised(creditA));
    expect(mts).toEqual([]);
    expect(state.status).toBe('advised');
  });
  it('refuses a credit whose fields cannot fit, naming the field', () => {
    const long = {
      ...parties,
      [party.yunxi]: { lines: ['A'.repeat(35), 'B'.repeat(35), 'C'.repeat(35), 'D'.repeat(35), 'E'] },
    };
    expect(() => renderMt700Series({ terms: creditA, issuedOn: '2026-03-02', parties: long })).toThrow(
      /field 59 cannot fit/,
    );
    const huge = Array.from({ length: 900 }, (_, i) => `Condition ${i}: ${'x'.repeat(60)}`);
    expect(() =>
      renderMt700Series({ terms: { ...creditA, additionalConditions: huge }, issuedOn: '2026-03-02', parties }),
    ).toThrow(/45A\/46A\/47A cannot fit/);
  });
});

describe('the FIN syntax checker fails on broken messages', () => {
  const good = messages[0]?.text ?? '';
  const broken: readonly (readonly [string, string, RegExp])[] = [
    ['a missing text block end', good.replace('\n-}', ''), /block structure/],
    ['a receiver without its terminal code', good.replace('YZCBCNC0XCQG', 'YZCBCNC0ACQG'), /BIC8 \+ X/],
    ['tags out of order', good.replace(/(:40A:IRREVOCABLE\n)(:20:RRH26DC000417\n)/, '$2$1'), /out of order/],
    ['a missing mandatory field', good.replace(/:31C:\d{6}\n/, ''), /31C: mandatory/],
    ['a line too wide', good.replace(':48:21', `:48:21\n${'9'.repeat(70)}`), /48: 2 lines|at most 39/],
    ['too many lines', good.replace(':50:RHEINHAFEN', ':50:A\nB\nC\nD\nRHEINHAFEN'), /50: \d lines, at most 4/],
    ['a character outside the x set', good.replace('RHEINHAFEN', 'RHÉINHAFEN'), /character 'É'/],
    ['a decimal point', good.replace('USD1248000,00', 'USD1248000.00'), /32B: .* does not match/],
    ['an amount without its comma', good.replace('USD1248000,00', 'USD1248000'), /32B: .* does not match/],
    ['an impossible date', good.replace(/:31C:\d{6}/, ':31C:261332'), /31C: .* does not match/],
    ['an unknown field', good.replace(':48:21', ':48:21\n:99:X'), /99: not a field/],
  ];
  it.each(broken)('%s', (_what, text, problem) => {
    expect(text).not.toBe(good);
    expect(finProblems(text).join('\n')).toMatch(problem);
  });
});
