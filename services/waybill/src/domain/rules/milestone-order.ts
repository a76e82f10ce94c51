import type { DomainError, MilestoneEvent } from '@railbill/contracts';
import { addMinutes, assertNever, isInstantBefore } from '@railbill/contracts';
import { hasDeparted, hasEnded, hasMilestone, type LegTransport } from '../transport.ts';

const outOfOrder = (detail: string): DomainError => ({ kind: 'rule', code: 'milestone-out-of-order', detail });

/**
 * docs/contract.md §8: no milestone on a leg before the previous leg arrived. `transshipped` is recorded on the leg that starts at
 * the place of transshipment; it needs the previous leg to have departed (the transfer may be booked before that leg's
 * carrier records its arrival), and never on the first leg.
 */
const previousLegProblem = (
  event: MilestoneEvent,
  leg: LegTransport,
  previous: LegTransport | undefined,
): DomainError | undefined => {
  if (previous === undefined)
    return event === 'transshipped' ? outOfOrder('the first leg has no previous leg to transship from') : undefined;
  if (event === 'transshipped')
    return hasDeparted(previous) ? undefined : outOfOrder(`leg ${previous.sequence} has not departed yet`);
  return hasEnded(previous)
    ? undefined
    : outOfOrder(`leg ${previous.sequence} has not arrived yet (leg ${leg.sequence})`);
};

/** Within one leg: gate_in/loaded/transshipped before departure, one departure, crossings en route, arrival ends it. */
const withinLegProblem = (event: MilestoneEvent, leg: LegTransport): DomainError | undefined => {
  const departed = hasDeparted(leg);
  const ended = hasEnded(leg);
  switch (event) {
    case 'gate_in':
    case 'loaded':
    case 'transshipped':
    case 'departed':
      return departed ? outOfOrder(`leg ${leg.sequence} has already departed`) : undefined;
    case 'border_crossed':
    case 'gauge_changed':
    case 'arrived':
      if (!departed) return outOfOrder(`leg ${leg.sequence} has not departed yet`);
      return ended ? outOfOrder(`leg ${leg.sequence} has already arrived`) : undefined;
    case 'discharged':
      if (!departed) return outOfOrder(`leg ${leg.sequence} has not departed yet`);
      return hasMilestone(leg, 'discharged') ? outOfOrder(`leg ${leg.sequence} is already discharged`) : undefined;
    default:
      return assertNever(event);
  }
};

export const milestoneOrderProblem = (
  event: MilestoneEvent,
  leg: LegTransport,
  previous: LegTransport | undefined,
): DomainError | undefined => previousLegProblem(event, leg, previous) ?? withinLegProblem(event, leg);

/** docs/contract.md §8: `at` at most 5 minutes after now, and not before the previous milestone of that leg. */
export const milestoneTimeProblem = (at: string, now: string, leg: LegTransport): DomainError | undefined => {
  if (isInstantBefore(addMinutes(now, 5), at))
    return { kind: 'rule', code: 'milestone-time', detail: `${at} is more than 5 minutes in the future` };
  const last = leg.milestones.at(-1);
  if (last !== undefined && isInstantBefore(at, last.at))
    return {
      kind: 'rule',
      code: 'milestone-time',
      detail: `${at} is before the previous milestone of leg ${leg.sequence} (${last.at})`,
    };
  return undefined;
};
