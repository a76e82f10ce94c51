import type { MilestoneEvent, WaybillContent, WaybillEvent } from '@railbill/contracts';
import { timelineA } from '@railbill/testkit/domain';
import type { RecordMilestone } from '../commands.ts';
import { parties } from './shipments.ts';

/** Instants of docs/shipments.md (a) (packages/testkit/src/fixtures/shipments.ts). */
export const t = timelineA;

export const billNumber = 'SRM-CQ-26-000417';

export const submitted = (content: WaybillContent, warnings: string[] = []): WaybillEvent => ({
  type: 'waybill.submitted',
  data: { ...content, submittedBy: content.shipper, warnings },
});

export const issued = (content: WaybillContent): WaybillEvent => ({
  type: 'waybill.issued',
  data: { billNumber, issuedBy: content.carrier, holder: content.shipper },
});

export const endorsed = (from: string, to: string, at: string = t.endorsed): WaybillEvent => ({
  type: 'waybill.endorsed',
  data: { from, to, at },
});

export const transferred = (from: string, to: string, at: string = t.endorsed): WaybillEvent => ({
  type: 'waybill.transferred',
  data: { from, to, at },
});

export const milestone = (
  leg: number,
  event: MilestoneEvent,
  at: string,
  location: string,
  recordedBy: string = parties.silkrail.id,
): WaybillEvent => ({ type: 'waybill.milestone_recorded', data: { leg, event, at, location, recordedBy } });

/** A milestone command of the named carrier, recorded as it happens (`now` = `at`) with export released. */
export const recordMilestone = (
  leg: number,
  event: MilestoneEvent,
  at: string,
  location: string,
  overrides: Partial<RecordMilestone> = {},
): RecordMilestone => ({
  type: 'recordMilestone',
  by: parties.silkrail,
  at,
  now: at,
  leg,
  event,
  location,
  exportReleased: true,
  ...overrides,
});
