import { fc, test } from '@fast-check/vitest';
import { addMinutes, type MilestoneEvent, MilestoneEvent as Milestones, type WaybillEvent } from '@railbill/contracts';
import { describe, expect } from 'vitest';
import { chainEntries, verifyChain } from '../history/hash-chain.ts';
import type { Actor, Command } from './commands.ts';
import { decide } from './decide.ts';
import { evolve, foldEvents, type State } from './state.ts';
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
  ...['issue', 'issue', 'endorse', 'endorse', 'endorse', 'endorseOnPayment'],
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
    case 'endorseOnPayment':
      return {
        type: 'endorseOnPayment',
        by: pick(s.actor),
        at,
        bank: holder ?? to.id,
        applicant: to.id,
        causationId: `pay-${s.other}`,
      };
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

const checkInvariants = (state: State, history: readonly WaybillEvent[]): void => {
  expect(foldEvents(history)).toEqual(state);
  expect(JSON.parse(JSON.stringify(state))).toEqual(state);
  if (state.status === 'initial') return;
  expect(state.version).toBe(history.length);
  const chain = state.endorsements;
  for (const [i, e] of chain.entries()) expect(e.from).toBe(i === 0 ? state.content.shipper : chain[i - 1]?.to);
  if (state.status === 'issued') expect(state.holder).toBe(chain.at(-1)?.to ?? state.content.shipper);
  else expect(state.holder).toBeUndefined();
};

describe('waybill invariants over random command sequences', () => {
  test.prop([contents, fc.array(step, { minLength: 20, maxLength: 100 })])(
    'keep one holder, a contiguous chain, terminal ends, a fold equal to the state and a verifying hash chain',
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
