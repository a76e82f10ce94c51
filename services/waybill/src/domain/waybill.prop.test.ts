import { fc, test } from '@fast-check/vitest';
import {
  addMinutes,
  type MilestoneEvent,
  MilestoneEvent as Milestones,
  type Title,
  type WaybillEvent,
} from '@railbill/contracts';
import { describe, expect } from 'vitest';
import { chainEntries, verifyChain } from '../history/hash-chain.ts';
import { holderEntitled } from './authority.ts';
import type { Actor, Command } from './commands.ts';
import { decide } from './decide.ts';
import { type Bill, evolve, foldEvents, type State, titleOf } from './state.ts';
import { billNumber, submitted } from './testing/builders.ts';
import {
  chongqingDuisburg,
  chongqingQinzhouSingapore,
  parties,
  roles,
  straightWaybillHamburg,
} from './testing/shipments.ts';

const actors: readonly Actor[] = Object.values(parties);
const kinds = [
  ...['issue', 'issue', 'endorse', 'endorse', 'endorse', 'releaseToApplicant', 'blankEndorse', 'transfer', 'transfer'],
  ...['reject', 'pledge', 'releasePledge', 'enforcePledge', 'instruct', 'answerInstruction'],
  ...['milestone', 'milestone', 'milestone', 'milestone', 'milestone'],
  ...['amend', 'requestAmendment', 'rejectAmendmentRequest', 'surrender', 'surrender', 'deliver', 'deliver', 'void'],
] as const;

type Step = Readonly<{
  kind: (typeof kinds)[number];
  actor: number;
  other: number;
  leg: number;
  event: MilestoneEvent;
  flag: boolean;
}>;

const step: fc.Arbitrary<Step> = fc.record({
  kind: fc.constantFrom(...kinds),
  actor: fc.nat(actors.length - 1),
  other: fc.nat(actors.length - 1),
  leg: fc.integer({ min: 1, max: 2 }),
  event: fc.constantFrom(...Milestones.options),
  // Mostly the entitled party acts, so that sequences get far (issued, endorsed, arrived, accomplished).
  flag: fc.integer({ min: 0, max: 9 }).map((n) => n < 8),
});

const pick = (i: number): Actor => actors[i % actors.length] ?? parties.yunxi;
const actorOf = (id: string | undefined, fallback: number): Actor => actors.find((a) => a.id === id) ?? pick(fallback);

/** Builds a concrete command from a random step, biased towards the party entitled to act so sequences progress. */
const commandFor = (s: Step, state: State, at: string): Command | undefined => {
  if (state.status === 'initial') return undefined;
  const { content, holder } = state;
  const by = (entitled: string | undefined) => (s.flag ? actorOf(entitled, s.actor) : pick(s.actor));
  const to = pick(s.other);
  switch (s.kind) {
    case 'issue':
      return { type: 'issue', by: by(content.carrier), at, billNumber };
    case 'endorse':
      return { type: 'endorse', by: by(holder), at, to: to.id, toRole: to.role };
    case 'releaseToApplicant':
      return {
        type: 'releaseToApplicant',
        by: pick(s.actor),
        at,
        banks: [parties.rrhb.id, parties.yzcb.id],
        applicant: to.id,
        causationId: `pay-${s.other}`,
      };
    case 'blankEndorse':
      return { type: 'endorse', by: by(holder), at, blank: true };
    case 'transfer':
      return { type: 'transfer', by: by(holder), at, to: to.id, toRole: to.role };
    case 'reject':
      return { type: 'rejectReceipt', by: by(state.receipt?.receiver), at, reason: 'refused' };
    case 'pledge':
      return { type: 'pledge', by: by(holder), at, to: to.id, toRole: to.role };
    case 'releasePledge':
      return { type: 'releasePledge', by: by(state.pledge?.pledgee), at };
    case 'enforcePledge':
      return { type: 'enforcePledge', by: by(state.pledge?.pledgee), at, reason: 'default' };
    case 'instruct':
      return { type: 'giveInstruction', by: by(holder), at, kind: s.flag ? 'stop' : 'resume' };
    case 'answerInstruction':
      return { type: 'answerInstruction', by: by(content.carrier), at, n: state.instructions.length, accept: s.flag };
    case 'milestone':
      return {
        type: 'recordMilestone',
        by: by(content.carrier),
        at,
        now: at,
        leg: s.leg,
        event: s.event,
        location: content.placeOfReceipt,
        exportReleased: s.flag || s.other % 2 === 0,
      };
    case 'amend': {
      const open = state.amendmentRequests.find((r) => r.status === 'requested');
      return {
        type: 'amend',
        by: by(content.carrier),
        at,
        changes: s.flag ? {} : { freight: 'collect' },
        roles,
        ...(open === undefined ? {} : { request: open.n }),
      };
    }
    case 'requestAmendment':
      return { type: 'requestAmendment', by: by(holder), at, changes: { incoterm: s.flag ? 'DAP' : 'CPT' } };
    case 'rejectAmendmentRequest':
      return { type: 'rejectAmendmentRequest', by: by(content.carrier), at, n: state.amendmentRequests.length };
    case 'surrender':
      return { type: 'surrender', by: by(holder), at, importReleased: s.other % 3 !== 0 };
    case 'deliver':
      return { type: 'deliver', by: by(content.carrier), at, importReleased: s.other % 3 !== 0 };
    case 'void':
      return { type: 'void', by: by(content.shipper), at };
  }
};

const contents = fc.constantFrom(chongqingDuisburg(), chongqingQinzhouSingapore(), straightWaybillHamburg());
const start = '2026-04-03T02:00:00.000Z';

/**
 * An independent reading of the title from the chain of title acts alone (docs/title.md): who holds the bill, to whose
 * order, under which pledge. Each act must start from the party that held the bill when it happened.
 */
const titleFromChain = (state: Bill): Title => {
  let title: Title = { holder: null, orderOf: null, pledge: null };
  const before: Title[] = [];
  for (const e of state.endorsements) {
    if (e.kind !== 'issue' && e.kind !== 'reject' && e.kind !== 'pledge_enforce') expect(e.from).toBe(title.holder);
    switch (e.kind) {
      case 'issue':
        title = { holder: e.to, orderOf: state.content.toOrderOf ?? null, pledge: null };
        break;
      case 'transfer':
        before.push(title);
        title = { ...title, holder: e.to };
        break;
      case 'endorse':
        before.push(title);
        title = { ...title, holder: e.to, orderOf: e.to };
        break;
      case 'blank_endorse':
        title = { ...title, orderOf: null };
        break;
      case 'pledge':
        before.push(title);
        title = { ...title, holder: e.to, pledge: { pledgee: e.to, pledgor: e.from, since: e.at } };
        break;
      case 'pledge_release':
        title = { ...title, holder: e.to, pledge: null };
        break;
      case 'pledge_enforce':
        title = { ...title, orderOf: title.orderOf === null ? null : e.to, pledge: null };
        break;
      case 'reject':
        title = before.pop() ?? title;
        expect(e.to).toBe(title.holder);
        break;
      case 'surrender':
        title = { ...title, holder: null, pledge: null };
        break;
    }
  }
  return title;
};

const checkInvariants = (state: State, history: readonly WaybillEvent[]): void => {
  expect(foldEvents(history)).toEqual(state);
  expect(JSON.parse(JSON.stringify(state))).toEqual(state);
  if (state.status === 'initial') return;
  expect(state.version).toBe(history.length);
  if (state.content.type !== 'bill_of_lading') {
    expect(state.endorsements).toEqual([]);
    return;
  }
  const title = titleFromChain(state);
  // exactly one holder while issued, none after
  if (state.status === 'issued') expect(typeof state.holder).toBe('string');
  else expect(state.holder).toBeUndefined();
  expect(titleOf(state)).toEqual(state.status === 'issued' ? title : { ...title, holder: null });
  // entitlement exactly as defined: the order party, or a bearer bill, and not as pledgee
  const entitled =
    state.holder !== undefined &&
    (state.orderOf === null || state.orderOf === state.holder) &&
    state.pledge?.pledgee !== state.holder;
  expect(holderEntitled(state)).toBe(entitled);
};

describe('waybill invariants over random command sequences', () => {
  test.prop([contents, fc.array(step, { minLength: 20, maxLength: 100 })])(
    'keep exactly one holder, entitlement as defined, a chain that explains the title, terminal ends and a verifying hash chain',
    (content, steps) => {
      const history: WaybillEvent[] = [submitted(content)];
      let state = foldEvents(history);
      let terminal: State | undefined;
      steps.forEach((s, i) => {
        const at = addMinutes(start, 60 * (i + 1));
        const command = commandFor(s, state, at);
        if (command === undefined) return;
        const decision = decide(command, state);
        if (!decision.ok) return;
        if (terminal !== undefined) expect(decision.events).toEqual([]);
        history.push(...decision.events);
        state = decision.events.reduce(evolve, state);
        checkInvariants(state, history);
        if (state.status === 'accomplished' || state.status === 'void') terminal ??= state;
      });
      if (terminal !== undefined) expect(state).toEqual(terminal);
      const entries = chainEntries(
        history.map((e, i) => ({ sequence: i + 1, type: e.type, time: start, data: e.data })),
      );
      expect(verifyChain(entries)).toEqual({ valid: true, problems: [] });
    },
  );
});
