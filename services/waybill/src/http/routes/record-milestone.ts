import { Clauses, InstantInput, Locode, MilestoneEvent, text, toInstant } from '@railbill/contracts';
import { z } from 'zod';
import type { RouteDeps } from '../routes.ts';

/** `POST /waybills/{id}/milestones` (docs/contract.md §3, §8): the carrier records transport progress on a leg. */
export const recordMilestone = (deps: RouteDeps): void =>
  deps.action({
    path: 'milestones',
    summary: 'Record a transport milestone on a leg (carrier); the first departure waits for export release',
    body: z.strictObject({
      leg: z.int().min(1),
      event: MilestoneEvent,
      at: InstantInput,
      location: Locode,
      name: text(100, { trim: false }).optional(),
      clauses: Clauses.optional(),
    }),
    command: async (body, { act, clearance }) => ({
      type: 'recordMilestone',
      by: act.by,
      at: toInstant(body.at),
      now: act.at,
      leg: body.leg,
      event: body.event,
      location: body.location,
      name: body.name,
      clauses: body.clauses,
      // docs/contract.md §3: the first `departed` is refused until export customs released the goods
      exportReleased: (await clearance()).export === 'released',
    }),
  });
