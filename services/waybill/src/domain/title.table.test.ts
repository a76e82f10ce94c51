import type { DomainErrorKind, WaybillEvent } from '@railbill/contracts';
import { describe, expect, it } from 'vitest';
import { canSee } from './access.ts';
import type { Actor, Command } from './commands.ts';
import { decide } from './decide.ts';
import { foldEvents } from './state.ts';
import { issued, milestone, submitted, t, transferred } from './testing/builders.ts';
import { chongqingDuisburg, parties, straightWaybillHamburg } from './testing/shipments.ts';

/**
 * docs/title.md: every title act × every kind of caller, with the outcome the contract names (docs/contract.md §8 statuses:
 * 404 for a party that may not see the bill, 403 outside its role, 409 for state — not (or no longer) the holder,
 * not entitled, pledged, nothing to reject —, 422 for a business rule).
 */
const { yunxi, yzcb, rrhb, smbl, rheinhafen, kallang, silkrail, operator } = parties;
const bol = chongqingDuisburg(); // to the order of rrhb
const ownOrder = chongqingDuisburg({ toOrderOf: yunxi.id });
const base = (content = bol) => [submitted(content), issued(content)];

/** The scenario each kind of caller is found in, and who that caller is there. */
const scenarios = {
  // the issuing bank, order party, received the bill from the nominated bank: entitled holder
  entitledHolder: { history: [...base(), transferred(yunxi.id, yzcb.id), transferred(yzcb.id, rrhb.id)], by: rrhb },
  // the nominated bank holds a bill to the order of rrhb: holder, not entitled
  holderNotEntitled: { history: [...base(), transferred(yunxi.id, yzcb.id)], by: yzcb },
  orderPartyNotHolder: { history: [...base(), transferred(yunxi.id, yzcb.id)], by: rrhb },
  pledgee: {
    history: [
      ...base(ownOrder),
      { type: 'waybill.pledged', data: { pledgor: yunxi.id, pledgee: smbl.id, at: t.endorsed } },
    ],
    by: smbl,
  },
  pledgor: {
    history: [
      ...base(ownOrder),
      { type: 'waybill.pledged', data: { pledgor: yunxi.id, pledgee: smbl.id, at: t.endorsed } },
    ],
    by: yunxi,
  },
  carrier: { history: [...base(), transferred(yunxi.id, yzcb.id), transferred(yzcb.id, rrhb.id)], by: silkrail },
  // the nominated bank after it passed the bill on: a bank of the credit on the bill, holding nothing
  bankOfCredit: { history: [...base(), transferred(yunxi.id, yzcb.id), transferred(yzcb.id, rrhb.id)], by: yzcb },
  outsider: { history: [...base(), transferred(yunxi.id, yzcb.id), transferred(yzcb.id, rrhb.id)], by: kallang },
  operator: { history: [...base(), transferred(yunxi.id, yzcb.id), transferred(yzcb.id, rrhb.id)], by: operator },
} as const satisfies Record<string, { history: readonly WaybillEvent[]; by: Actor }>;
type Kind = keyof typeof scenarios;

const arrived: WaybillEvent[] = [
  milestone(1, 'gate_in', t.departed, 'CNCQI'),
  milestone(1, 'departed', t.departed, 'CNCQI'),
  milestone(1, 'arrived', t.arrived, 'DEDUI'),
];

type Act = Readonly<{
  /** Events the act needs before it, on top of the caller's scenario. */
  before?: (history: readonly WaybillEvent[]) => WaybillEvent[];
  command: (by: Actor) => Command;
}>;

const at = t.paid;
const acts = {
  transfer: { command: (by) => ({ type: 'transfer', by, at, to: rheinhafen.id, toRole: 'consignee' }) },
  endorse: { command: (by) => ({ type: 'endorse', by, at, to: rheinhafen.id, toRole: 'consignee' }) },
  blankEndorse: { command: (by) => ({ type: 'endorse', by, at, blank: true }) },
  reject: { command: (by) => ({ type: 'rejectReceipt', by, at, reason: 'not ours' }) },
  pledge: { command: (by) => ({ type: 'pledge', by, at, to: smbl.id === by.id ? rrhb.id : smbl.id, toRole: 'bank' }) },
  releasePledge: { command: (by) => ({ type: 'releasePledge', by, at }) },
  enforcePledge: { command: (by) => ({ type: 'enforcePledge', by, at, reason: 'default' }) },
  surrender: { before: () => arrived, command: (by) => ({ type: 'surrender', by, at, importReleased: true }) },
  instruct: { command: (by) => ({ type: 'giveInstruction', by, at, kind: 'stop' }) },
  requestAmendment: { command: (by) => ({ type: 'requestAmendment', by, at, changes: { incoterm: 'DAP' } }) },
  acceptInstruction: {
    before: (history) => [
      {
        type: 'waybill.instruction_given',
        data: { n: 1, kind: 'stop', givenBy: foldHolder(history), at: t.endorsed },
      },
    ],
    command: (by) => ({ type: 'answerInstruction', by, at, n: 1, accept: true }),
  },
} as const satisfies Record<string, Act>;
type ActName = keyof typeof acts;

const foldHolder = (history: readonly WaybillEvent[]): string => {
  const state = foldEvents(history);
  return state.status === 'initial' ? '' : (state.holder ?? '');
};

type Outcome = 'ok' | 403 | 404 | 409 | 422;
const status: Record<DomainErrorKind, Outcome> = { not_found: 404, forbidden: 403, conflict: 409, rule: 422 };

/** Expected outcome per act, in the order of the kinds of callers below. */
const kinds: readonly Kind[] = [
  'entitledHolder',
  'holderNotEntitled',
  'orderPartyNotHolder',
  'pledgee',
  'pledgor',
  'carrier',
  'bankOfCredit',
  'outsider',
  'operator',
];
const expected: Record<ActName, readonly Outcome[]> = {
  //                 entitled  notEnt  order  pledgee pledgor carrier bank  outsider operator
  transfer: /*    */ ['ok', 'ok', 409, 409, 409, 403, 409, 404, 403],
  endorse: /*     */ ['ok', 409, 409, 409, 409, 403, 409, 404, 403],
  blankEndorse: /**/ ['ok', 409, 409, 409, 409, 403, 409, 404, 403],
  reject: /*      */ ['ok', 'ok', 409, 'ok', 409, 403, 409, 404, 403],
  pledge: /*      */ ['ok', 409, 409, 409, 409, 403, 409, 404, 403],
  releasePledge: /**/ [409, 409, 409, 'ok', 409, 403, 409, 404, 403],
  enforcePledge: /**/ [409, 409, 409, 'ok', 409, 403, 409, 404, 403],
  surrender: /*   */ ['ok', 409, 409, 409, 409, 403, 409, 404, 403],
  instruct: /*    */ ['ok', 409, 409, 409, 409, 403, 409, 404, 403],
  requestAmendment: ['ok', 409, 409, 409, 409, 403, 409, 404, 403],
  acceptInstruction: [403, 403, 403, 403, 403, 'ok', 403, 404, 403],
};

/** What the service answers: a party that may not see the bill learns nothing (404), else the decision. */
const outcome = (history: readonly WaybillEvent[], command: Command): Outcome => {
  const state = foldEvents(history);
  if (command.by.role !== 'operator' && !canSee(command.by, state)) return 404;
  const decision = decide(command, state);
  return decision.ok ? 'ok' : status[decision.error.kind];
};

const rows = (Object.keys(acts) as ActName[]).flatMap((act) =>
  kinds.map((kind, i) => ({ act, kind, expected: expected[act][i] as Outcome })),
);

describe('title acts × callers', () => {
  it.each(rows)('$act by $kind → $expected', ({ act, kind, expected: want }) => {
    const scenario = scenarios[kind];
    const spec: Act = acts[act];
    const history = [...scenario.history, ...(spec.before?.(scenario.history) ?? [])];
    expect(outcome(history, spec.command(scenario.by))).toBe(want);
  });

  it.each(['transfer', 'endorse', 'pledge'] as const)('%s of a straight waybill → 422', (act) => {
    const waybill = straightWaybillHamburg();
    expect(outcome([submitted(waybill), issued(waybill)], acts[act].command(parties.bayu))).toBe(422);
  });

  it('a rejection after a later act → 409', () => {
    const history = [...base(), transferred(yunxi.id, yzcb.id), transferred(yzcb.id, rrhb.id)];
    expect(outcome(history, acts.reject.command(yzcb))).toBe(409);
  });
});
