import type { WaybillEvent } from '@railbill/contracts';
import { deciderSpec } from '@railbill/testkit/domain';
import { describe, expect, it } from 'vitest';
import type { Actor, AnswerInstruction, GiveInstruction } from '../commands.ts';
import { decider } from '../decide.ts';
import { issued, milestone, recordMilestone, submitted, t } from '../testing/builders.ts';
import { chongqingDuisburg, parties, straightWaybillHamburg } from '../testing/shipments.ts';

const { given } = deciderSpec(decider);

// docs/title.md "Instructions": the entitled holder's right of control while the goods travel
const { yunxi, rrhb, silkrail, bayu, elbufer } = parties;
const own = chongqingDuisburg({ toOrderOf: yunxi.id });
const departed = milestone(1, 'departed', t.departed, 'CNCQI');
const travelling = [submitted(own), issued(own), departed] as const;
const at = t.borderCrossed;

const give = (by: Actor, kind: GiveInstruction['kind'], extra: Partial<GiveInstruction> = {}): GiveInstruction => ({
  type: 'giveInstruction',
  by,
  at,
  kind,
  ...extra,
});
const answer = (n: number, accept: boolean, by: Actor = silkrail): AnswerInstruction => ({
  type: 'answerInstruction',
  by,
  at,
  n,
  accept,
  ...(accept ? {} : { reason: 'train already assembled' }),
});
const given1 = (kind: GiveInstruction['kind'], extra: Record<string, string> = {}): WaybillEvent => ({
  type: 'waybill.instruction_given',
  data: { n: 1, kind, givenBy: yunxi.id, at, ...extra },
});
const accepted = (n: number, kind: GiveInstruction['kind'], extra: Record<string, string> = {}): WaybillEvent => ({
  type: 'waybill.instruction_accepted',
  data: { n, kind, acceptedBy: silkrail.id, at, ...extra },
});

describe('instructions to the carrier', () => {
  it('records the entitled holder’s stop as requested', () =>
    given(...travelling)
      .when(give(yunxi, 'stop'))
      .then({ type: 'waybill.instruction_given', data: { n: 1, kind: 'stop', givenBy: yunxi.id, at } }));

  it('refuses a holder that is not entitled (conflict) and a carrier (forbidden)', () => {
    const toBank = chongqingDuisburg();
    given(submitted(toBank), issued(toBank)).when(give(yunxi, 'stop')).thenRejects('conflict', 'not-entitled');
    given(...travelling)
      .when(give(silkrail, 'stop'))
      .thenRejects('forbidden', 'not-holder');
  });

  it('lets only the shipper of a straight waybill instruct (its right of disposal)', () => {
    const waybill = straightWaybillHamburg();
    given(submitted(waybill), issued(waybill))
      .when(give(bayu, 'stop'))
      .thenState((s) => {
        expect(s.status === 'initial' ? [] : s.instructions.map((i) => i.status)).toEqual(['requested']);
      });
    given(submitted(waybill), issued(waybill)).when(give(elbufer, 'stop')).thenRejects('forbidden', 'not-shipper');
  });

  it('keeps one instruction open at a time (conflict)', () =>
    given(...travelling, given1('stop'))
      .when(give(yunxi, 'change_notify_party', { notifyParty: rrhb.id, notifyRole: 'bank' }))
      .thenRejects('conflict', 'instruction-open'));

  it('refuses instructions once the last leg arrived (conflict)', () =>
    given(...travelling, milestone(1, 'arrived', t.arrived, 'DEDUI'))
      .when(give(yunxi, 'stop'))
      .thenRejects('conflict', 'already-arrived'));

  it('refuses a resume of goods not stopped, and a change to the same destination', () => {
    given(...travelling)
      .when(give(yunxi, 'resume'))
      .thenRejects('conflict', 'not-stopped');
    given(...travelling)
      .when(give(yunxi, 'change_destination', { placeOfDelivery: 'DEDUI' }))
      .thenRejects('rule', 'same-destination');
  });

  it('blocks movement milestones while a stop is in force, until a resume is accepted', () => {
    const stopped = [...travelling, given1('stop'), accepted(1, 'stop')];
    given(...stopped)
      .when(recordMilestone(1, 'border_crossed', t.borderCrossed, 'CNAKL'))
      .thenRejects('conflict', 'stopped');
    given(...stopped)
      .when(recordMilestone(1, 'gauge_changed', t.borderCrossed, 'CNAKL'))
      .thenState((s) => expect(s.status === 'initial' ? false : s.stopped).toBe(true));
    const resumed: WaybillEvent[] = [
      ...stopped,
      { type: 'waybill.instruction_given', data: { n: 2, kind: 'resume', givenBy: yunxi.id, at } },
      accepted(2, 'resume'),
    ];
    given(...resumed)
      .when(recordMilestone(1, 'border_crossed', t.borderCrossed, 'CNAKL'))
      .thenState((s) => expect(s.status === 'initial' ? true : s.stopped).toBe(false));
  });

  it('moves the place of delivery and the last leg on an accepted change of destination', () =>
    given(...travelling, given1('change_destination', { placeOfDelivery: 'DEHAM' }))
      .when(answer(1, true))
      .thenState((s) => {
        if (s.status === 'initial') throw new Error('no bill');
        expect(s.content.placeOfDelivery).toBe('DEHAM');
        expect(s.content.legs.at(-1)?.to).toBe('DEHAM');
        expect(s.instructions).toEqual([expect.objectContaining({ n: 1, status: 'accepted' })]);
      }));

  it('lets only the named carrier answer, once, an instruction that exists', () => {
    given(...travelling, given1('stop'))
      .when(answer(1, true, yunxi))
      .thenRejects('forbidden', 'not-carrier');
    given(...travelling, given1('stop'))
      .when(answer(2, true))
      .thenRejects('not_found', 'instruction-not-found');
    given(...travelling, given1('stop'), accepted(1, 'stop'))
      .when(answer(1, false))
      .thenRejects('conflict', 'instruction-closed');
    given(...travelling, given1('stop'))
      .when(answer(1, false))
      .then({
        type: 'waybill.instruction_rejected',
        data: { n: 1, kind: 'stop', rejectedBy: silkrail.id, reason: 'train already assembled', at },
      });
  });
});
