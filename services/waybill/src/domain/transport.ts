import type { Leg, MilestoneEvent, WaybillMilestoneRecorded } from '@railbill/contracts';

export type Milestone = Readonly<{
  event: MilestoneEvent;
  at: string;
  location: string;
  name?: string;
  recordedBy: string;
}>;

/** docs/contract.md §3 transport status, per leg: planned → loading → in_transit → arrived. */
export type LegStatus = 'planned' | 'loading' | 'in_transit' | 'arrived';

export type LegTransport = Readonly<{ sequence: number; status: LegStatus; milestones: readonly Milestone[] }>;

const has = (milestones: readonly Milestone[], ...events: readonly MilestoneEvent[]): boolean =>
  milestones.some((m) => events.includes(m.event));

export const hasDeparted = (leg: LegTransport): boolean => has(leg.milestones, 'departed');

/** `arrived` or `discharged` ends a leg. */
export const hasEnded = (leg: LegTransport): boolean => has(leg.milestones, 'arrived', 'discharged');

export const hasMilestone = (leg: LegTransport, event: MilestoneEvent): boolean => has(leg.milestones, event);

const statusOf = (milestones: readonly Milestone[]): LegStatus => {
  if (has(milestones, 'arrived', 'discharged')) return 'arrived';
  if (has(milestones, 'departed')) return 'in_transit';
  return milestones.length === 0 ? 'planned' : 'loading';
};

/** One transport record per leg, ordered by sequence, keeping the milestones of legs that still exist. */
export const planLegs = (legs: readonly Leg[], previous: readonly LegTransport[] = []): LegTransport[] =>
  [...legs]
    .sort((a, b) => a.sequence - b.sequence)
    .map((leg) => {
      const milestones = previous.find((p) => p.sequence === leg.sequence)?.milestones ?? [];
      return { sequence: leg.sequence, status: statusOf(milestones), milestones };
    });

export const toMilestone = (data: WaybillMilestoneRecorded): Milestone => ({
  event: data.event,
  at: data.at,
  location: data.location,
  ...(data.name === undefined ? {} : { name: data.name }),
  recordedBy: data.recordedBy,
});

export const addMilestone = (legs: readonly LegTransport[], sequence: number, m: Milestone): LegTransport[] =>
  legs.map((leg) => {
    if (leg.sequence !== sequence) return leg;
    const milestones = [...leg.milestones, m];
    return { sequence, status: statusOf(milestones), milestones };
  });

export const lastLegArrived = (legs: readonly LegTransport[]): boolean => {
  const last = legs.at(-1);
  return last !== undefined && hasEnded(last);
};
