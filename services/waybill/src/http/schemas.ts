import { Id, Instant, MilestoneEvent, PartyId, WaybillContent } from '@railbill/contracts';
import { z } from 'zod';

export const WaybillIdParams = z.object({ id: Id });

const DeclarationStatus = z.string().nullable();

/** SPEC §8 "Response adds": the bill as its parties see it. */
export const WaybillView = z.object({
  id: Id,
  status: z.enum(['submitted', 'issued', 'surrendered', 'accomplished', 'void']),
  version: z.int(),
  createdAt: Instant,
  updatedAt: Instant,
  ...WaybillContent.shape,
  legs: z.array(
    WaybillContent.shape.legs.element.extend({
      status: z.enum(['planned', 'loading', 'in_transit', 'arrived']),
      milestones: z.array(
        z.object({
          event: MilestoneEvent,
          at: Instant,
          location: z.string(),
          name: z.string().optional(),
          recordedBy: PartyId,
        }),
      ),
    }),
  ),
  billNumber: z.string().optional(),
  holder: PartyId.optional(),
  endorsements: z.array(z.object({ from: PartyId, to: PartyId, at: Instant, causationId: z.string().optional() })),
  /** The carrier's remarks on the goods or packaging, at issue and with `loaded` milestones (UCP 27). */
  clauses: z.array(z.string()),
  amendmentRequests: z.array(
    z.object({
      n: z.int(),
      status: z.enum(['requested', 'granted', 'rejected']),
      changes: z.record(z.string(), z.unknown()),
      requestedBy: PartyId,
    }),
  ),
  customs: z.object({ export: DeclarationStatus, transit: DeclarationStatus, import: DeclarationStatus }),
  credit: z.object({ number: z.string(), status: z.string().nullable() }).nullable(),
  warnings: z.array(z.string()),
});
export type WaybillView = z.infer<typeof WaybillView>;
