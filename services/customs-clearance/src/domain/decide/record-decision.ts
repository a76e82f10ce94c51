import { accept, assertNever, type CustomsEvent, type Decision, decimal, reject } from '@railbill/contracts';
import { servesOffice } from '../access.ts';
import type { RecordDecision } from '../commands.ts';
import type { DecideEnv } from '../env.ts';
import { assessRisk, higherChannel, ruleFired } from '../risk/assess.ts';
import type { Declaration } from '../state.ts';
import { awaitsDuties } from './pay-duties.ts';

type Refusal = Decision<CustomsEvent> | undefined;

const authority = (cmd: RecordDecision, d: Declaration): Refusal => {
  if (cmd.by.role !== 'customs') return reject('forbidden', 'not-customs', 'only customs decides on a declaration');
  // A transit is decided at its office of departure; its office of destination only discharges it.
  if (!servesOffice(cmd.by, d.office))
    return reject('forbidden', 'not-office', `the declaration is decided at ${d.office}`);
  return undefined;
};

/** docs/contract.md §5: officers decide cases under control; a held case can still be released or rejected. */
const transition = (cmd: RecordDecision, d: Declaration): Refusal => {
  if (d.status !== 'under_control' && d.status !== 'held')
    return reject('conflict', 'not-under-control', `a ${d.status} declaration awaits no decision`);
  if (cmd.outcome === 'hold' && d.status === 'held')
    return reject('conflict', 'already-held', 'the declaration is held');
  if (cmd.outcome === 'inspect' && d.status === 'held')
    return reject('conflict', 'held', 'a held declaration can only be released or rejected');
  if (cmd.outcome === 'inspect' && d.inspectionOrdered)
    return reject('conflict', 'inspection-already-ordered', 'an inspection is already ordered');
  // docs/customs.md: red means physical examination, so no release before one was ordered.
  if (cmd.outcome === 'release' && d.channel === 'red' && !d.inspectionOrdered)
    return reject('conflict', 'inspection-required', 'a red case is inspected before release');
  return undefined;
};

const observation = (cmd: RecordDecision, d: Declaration): Refusal => {
  if (cmd.item !== undefined && cmd.observedMassKg === undefined)
    return reject('rule', 'item-without-mass', 'name an item only with the mass observed on it');
  if (cmd.item !== undefined && cmd.item > d.goods.length)
    return reject('rule', 'no-such-item', `the declaration has ${d.goods.length} goods items`);
  if (cmd.observedMassKg !== undefined && decimal.cmp(cmd.observedMassKg, '0') <= 0)
    return reject('rule', 'observed-mass-not-positive', 'an observed mass is more than 0 kg');
  return undefined;
};

/** The observed mass feeds the mass rule: the case is reassessed, and its channel only ever rises. */
const reassessment = (cmd: RecordDecision, d: Declaration, env: DecideEnv, massKg: string) => {
  const observed = { massKg, item: cmd.item };
  const risk = assessRisk({ declarationId: cmd.declarationId, subject: d, observation: observed }, env.risk);
  const event: CustomsEvent = {
    type: 'customs.risk_assessed',
    data: {
      waybillId: d.waybillId,
      declarationType: d.type,
      office: d.office,
      status: d.status,
      at: cmd.at,
      channel: higherChannel(d.channel ?? 'green', risk.channel),
      riskReasons: [...risk.reasons],
      score: risk.score,
      observedMassKg: massKg,
      ...(cmd.item === undefined ? {} : { observedItem: cmd.item }),
    },
  };
  return { event, massDiscrepancy: ruleFired(risk, 'mass-discrepancy') };
};

const outcomeEvent = (cmd: RecordDecision, d: Declaration): CustomsEvent => {
  const base = {
    waybillId: d.waybillId,
    declarationType: d.type,
    office: d.office,
    at: cmd.at,
    by: cmd.by.id,
    reason: cmd.reason,
  };
  switch (cmd.outcome) {
    case 'release':
      // docs/contract.md §5: an officer's release of an import that still owes duties moves it to accepted until
      // payment.
      return awaitsDuties(d)
        ? { type: 'customs.accepted', data: { ...base, status: 'accepted' } }
        : { type: 'customs.released', data: { ...base, status: 'released' } };
    case 'hold':
      return { type: 'customs.held', data: { ...base, status: 'held' } };
    case 'reject':
      return { type: 'customs.rejected', data: { ...base, status: 'rejected' } };
    case 'inspect':
      return { type: 'customs.inspection_ordered', data: { ...base, status: 'under_control' } };
    default:
      return assertNever(cmd.outcome);
  }
};

export const recordDecision = (cmd: RecordDecision, d: Declaration, env: DecideEnv): Decision<CustomsEvent> => {
  const refusal = authority(cmd, d) ?? transition(cmd, d) ?? observation(cmd, d);
  if (refusal !== undefined) return refusal;
  if (cmd.observedMassKg === undefined) return accept(outcomeEvent(cmd, d));
  const { event, massDiscrepancy } = reassessment(cmd, d, env, cmd.observedMassKg);
  if (cmd.outcome === 'release' && massDiscrepancy)
    return reject('rule', 'mass-discrepancy', 'the observed mass is outside the tolerance: hold or reject instead');
  return accept(event, outcomeEvent(cmd, d));
};
