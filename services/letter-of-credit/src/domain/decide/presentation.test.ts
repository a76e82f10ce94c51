import type { DomainErrorKind, LcEvent } from '@railbill/contracts';
import { deciderSpec } from '@railbill/testkit/domain';
import { describe, expect, it } from 'vitest';
import type { Command } from '../commands.ts';
import { decider } from '../decide.ts';
import {
  actor,
  advised,
  command,
  examinedEvent,
  honouredEvent,
  issued,
  paidEvent,
  presentationIds,
  presentCmd,
  presented,
} from '../testing/builders.ts';
import { billA, creditA, invoiceA, party, waybillIds } from '../testing/shipments.ts';

const { given, play } = deciderSpec(decider);

/** One way a command is refused after its own history: what it is, the history, the command, the refusal. */
type RefusalAfter = readonly [
  what: string,
  history: readonly LcEvent[],
  command: Command,
  kind: DomainErrorKind,
  code: string,
];

/** One test per row, `refuses <what>`: `given(...history).when(command).thenRejects(kind, code)`. */
const refusesAfter = (rows: readonly RefusalAfter[]): void =>
  it.each(rows)('refuses %s', (_what, history, cmd, kind, code) =>
    given(...history)
      .when(cmd)
      .thenRejects(kind, code),
  );

const base = [issued(creditA), advised(creditA)];
const p = { waybillId: waybillIds.a, invoice: invoiceA, today: '2026-04-14' } as const;
const pending = presented(creditA, { ...p, decisionDeadline: '2026-04-21' });
const yunxi = actor(party.yunxi, 'shipper');
const yzcb = actor(party.yzcb);
const rrhb = actor(party.rrhb);
const applicant = actor(party.rheinhafen, 'consignee');
const smbl = actor(party.smbl);

describe('present', () => {
  it('only records the presentation while the bill is unknown, never refusing for that race', () =>
    given(...base)
      .when(presentCmd(creditA, { ...p, bill: undefined }))
      .then(pending));
  refusesAfter([
    ['anyone but the beneficiary', base, { ...presentCmd(creditA, p), by: yzcb }, 'forbidden', 'not-in-role'],
    ['a credit not yet advised', [issued(creditA)], presentCmd(creditA, p), 'conflict', 'not-presentable'],
    [
      'a credit with a presentation in progress',
      [...base, pending],
      presentCmd(creditA, { ...p, id: presentationIds.second }),
      'conflict',
      'not-presentable',
    ],
    ['a presentation id used before', [...base, pending], presentCmd(creditA, p), 'conflict', 'presentation-exists'],
  ]);
});

describe('examinePending', () => {
  it('examines a waiting presentation once the bill arrives', () =>
    given(...base, pending)
      .when(command.examinePending(billA, '2026-04-15'))
      .then(examinedEvent(creditA, 'complying', [], undefined, undefined, '2026-04-08')));
  it('waits while the bill is still unknown', () =>
    given(...base, pending)
      .when(command.examinePending(undefined, '2026-04-20'))
      .thenRejects('conflict', 'bill-unknown'));
  it('examines a bill not seen by the fifth banking day as missing, so the bank can refuse in time', () => {
    given(...base, pending)
      .when(command.examinePending(undefined, '2026-04-21'))
      .thenEvents(([e]) => {
        expect(e?.type).toBe('lc.examined');
        expect(e?.type === 'lc.examined' && e.data.result).toBe('discrepant');
        expect(e?.type === 'lc.examined' && e.data.discrepancies.map((d) => d.code)).toContain('DOCUMENT_MISSING');
      });
    const missing = play([...base, pending], command.examinePending(undefined, '2026-04-21'));
    given(...missing)
      .when(command.refuse(yzcb, '2026-04-21', 'returning'))
      .thenEvents((e) => expect(e.map((x) => x.type)).toEqual(['lc.refused']));
  });
  refusesAfter([
    [
      'an examined presentation',
      [...base, pending, examinedEvent(creditA, 'complying')],
      command.examinePending(billA, '2026-04-15'),
      'conflict',
      'not-pending',
    ],
    [
      'an unknown presentation',
      [...base, pending],
      command.examinePending(billA, '2026-04-15', presentationIds.second),
      'not_found',
      'presentation-not-found',
    ],
  ]);
});

const discrepant = [
  ...base,
  pending,
  examinedEvent(creditA, 'discrepant', [{ code: 'LATE_SHIPMENT', article: '44C', message: 'late' }]),
];
const complying = [...base, pending, examinedEvent(creditA, 'complying')];
const refusedOnce = play(discrepant, command.refuse(yzcb, '2026-04-16'));

describe('waive', () => {
  it('lets the applicant waive a discrepant presentation', () =>
    given(...discrepant)
      .when(command.waive(applicant, '2026-04-15'))
      .then({
        type: 'lc.discrepancies_waived',
        data: { creditNumber: creditA.number, presentationId: presentationIds.first, by: party.rheinhafen },
      }));
  refusesAfter([
    ['the beneficiary', discrepant, command.waive(yunxi, '2026-04-15'), 'forbidden', 'not-in-role'],
    ['a complying presentation', complying, command.waive(applicant, '2026-04-15'), 'conflict', 'not-discrepant'],
  ]);
});

describe('honour', () => {
  refusesAfter([
    ['discrepant documents not waived', discrepant, command.honour(yzcb, '2026-04-16'), 'conflict', 'not-honourable'],
    ['a non-bank of the credit', complying, command.honour(smbl, '2026-04-16'), 'forbidden', 'not-in-role'],
  ]);
  it('honours a complying presentation for the invoice amount', () =>
    given(...complying)
      .when(command.honour(yzcb, '2026-04-16'))
      .then(honouredEvent(creditA, invoiceA)));
});

describe('refuse', () => {
  it('refuses a discrepant presentation in one notice with every discrepancy (UCP 16(c))', () =>
    given(...discrepant)
      .when(command.refuse(yzcb, '2026-04-21'))
      .thenEvents(([e]) =>
        expect(e).toEqual({
          type: 'lc.refused',
          data: {
            creditNumber: creditA.number,
            presentationId: presentationIds.first,
            discrepancies: [{ code: 'LATE_SHIPMENT', article: '44C', message: 'late' }],
            disposal: 'holding_until_waiver',
            by: party.yzcb,
          },
        }),
      ));
  refusesAfter([
    ['past the deadline (16(f))', discrepant, command.refuse(yzcb, '2026-04-22'), 'rule', 'decision-deadline-passed'],
    ['a complying presentation', complying, command.refuse(yzcb, '2026-04-16'), 'conflict', 'not-refusable'],
    ['a second time', refusedOnce, command.refuse(rrhb, '2026-04-17'), 'conflict', 'not-refusable'],
    ['the applicant', discrepant, command.refuse(applicant, '2026-04-16'), 'forbidden', 'not-in-role'],
    ...(['holding_pending_instructions', 'returning', 'per_previous_instructions'] as const).map(
      (disposal): RefusalAfter => [
        `a waiver once the documents are ${disposal}`,
        play(discrepant, command.refuse(yzcb, '2026-04-16', disposal)),
        command.waive(applicant, '2026-04-17'),
        'conflict',
        'not-discrepant',
      ],
    ),
  ]);
  it('lets the applicant waive while the bank holds the documents until its waiver; then honour (16(c)(iii)(b))', () => {
    const held = play(discrepant, command.refuse(yzcb, '2026-04-16', 'holding_until_waiver'));
    given(...held)
      .when(command.waive(applicant, '2026-04-17'))
      .thenEvents((e) => expect(e.map((x) => x.type)).toEqual(['lc.discrepancies_waived']));
    const waived = play(held, command.waive(applicant, '2026-04-17'));
    given(...waived)
      .when(command.honour(yzcb, '2026-04-17'))
      .thenEvents((e) => expect(e.map((x) => x.type)).toEqual(['lc.honoured']));
    const paid = play(waived, command.honour(yzcb, '2026-04-17'));
    given(...paid)
      .when(command.pay(rrhb, '2026-04-20'))
      .thenEvents((e) => expect(e.map((x) => x.type)).toEqual(['lc.paid']));
  });
  it('lets the beneficiary present again after a refusal', () =>
    given(...refusedOnce)
      .when(presentCmd(creditA, { ...p, id: presentationIds.second, today: '2026-04-20', bill: billA }))
      .thenEvents((e) => expect(e.map((x) => x.type)).toEqual(['lc.presented', 'lc.examined'])));
});

describe('forward (docs/title.md)', () => {
  const honoured = play(complying, command.honour(yzcb, '2026-04-16'));
  const forwarded = {
    type: 'lc.documents_forwarded',
    data: {
      creditNumber: creditA.number,
      presentationId: presentationIds.first,
      waybillId: waybillIds.a,
      from: party.yzcb,
      to: party.rrhb,
      by: party.yzcb,
    },
  } as const;
  it('sends the documents of an honoured presentation from the nominated to the issuing bank', () =>
    given(...honoured)
      .when(command.forward(yzcb, '2026-04-16'))
      .then(forwarded));
  it('may follow the payment', () =>
    given(...play(honoured, command.pay(rrhb, '2026-04-20')))
      .when(command.forward(yzcb, '2026-04-20'))
      .then(forwarded));
  refusesAfter([
    ['the issuing bank', honoured, command.forward(rrhb, '2026-04-16'), 'forbidden', 'not-in-role'],
    ['a presentation not honoured', complying, command.forward(yzcb, '2026-04-16'), 'conflict', 'not-honoured'],
    [
      'a second forward',
      play(honoured, command.forward(yzcb, '2026-04-16')),
      command.forward(yzcb, '2026-04-17'),
      'conflict',
      'already-forwarded',
    ],
  ]);
});

describe('pay and close', () => {
  const honoured = play(complying, command.honour(yzcb, '2026-04-16'));
  it('pays an honoured presentation; the holding bank endorses on to the applicant', () =>
    given(...honoured)
      .when(command.pay(rrhb, '2026-04-20'))
      .then(paidEvent(creditA, invoiceA, waybillIds.a)));
  const paid = play(honoured, command.pay(rrhb, '2026-04-20'));
  refusesAfter([
    ['payment by another bank', honoured, command.pay(yzcb, '2026-04-20'), 'forbidden', 'not-in-role'],
    ['payment of a presentation not honoured', complying, command.pay(rrhb, '2026-04-20'), 'conflict', 'not-honoured'],
    ['payment twice', paid, command.pay(rrhb, '2026-04-21'), 'conflict', 'not-honoured'],
    ['to close a credit not paid', honoured, command.close(rrhb, '2026-04-25'), 'conflict', 'not-paid'],
    ['to close by the nominated bank', paid, command.close(yzcb, '2026-04-25'), 'forbidden', 'not-in-role'],
  ]);
  it('closes a paid credit', () =>
    given(...paid)
      .when(command.close(rrhb, '2026-04-25'))
      .thenEvents(([e]) => expect(e?.type).toBe('lc.closed')));
  it('examines a second presentation with another bill as a partial shipment (docs/shipments.md negative fixture)', () => {
    const other = { ...billA, waybillId: waybillIds.b, holder: party.yzcb };
    given(...paid)
      .when(
        presentCmd(creditA, {
          waybillId: waybillIds.b,
          invoice: { ...invoiceA, amount: { amount: '10.00', currency: 'USD' } },
          today: '2026-04-22',
          id: presentationIds.second,
          bill: other,
        }),
      )
      .thenEvents(([, e]) =>
        expect(e?.type === 'lc.examined' && e.data.discrepancies.map((d) => d.code)).toContain(
          'PARTIAL_SHIPMENT_PROHIBITED',
        ),
      );
  });
});

describe('expire', () => {
  it('expires an advised credit the day after expiry', () =>
    given(...base)
      .when(command.expire('2026-05-13'))
      .then({ type: 'lc.expired', data: { creditNumber: creditA.number, expiredOn: '2026-05-13' } }));
  const sunday = { ...creditA, expiry: { date: '2026-05-17', place: 'Chongqing' } };
  refusesAfter([
    ['to expire on the expiry date (not due)', base, command.expire('2026-05-12'), 'conflict', 'not-due'],
    [
      'to expire on the Monday an expiry on Sunday extends to (29(a))',
      [issued(sunday), advised(sunday)],
      command.expire('2026-05-18'),
      'conflict',
      'not-due',
    ],
    [
      'to expire twice (an expired credit is already terminal)',
      play(base, command.expire('2026-05-13')),
      command.expire('2026-05-14'),
      'conflict',
      'already-terminal',
    ],
    [
      'to expire a credit with a complying or honoured presentation',
      complying,
      command.expire('2026-05-13'),
      'conflict',
      'presentation-outstanding',
    ],
  ]);
  it('expires a credit whose only presentation was refused', () =>
    given(...refusedOnce)
      .when(command.expire('2026-05-13'))
      .thenEvents(([e]) => expect(e?.type).toBe('lc.expired')));
  it('refuses to guess past the calendar’s last year: a clear error naming the calendar, never a weekday', () =>
    given(issued({ ...creditA, expiry: { date: '2027-01-03', place: 'Chongqing' } }), advised(creditA))
      .when(command.expire('2027-01-10'))
      .thenRejects('rule', 'calendar-not-covered'));
});
