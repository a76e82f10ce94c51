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

export const IdempotencyHeaders = z.object({
  'idempotency-key': z.string().min(1).max(255).optional(),
  traceparent: z.string().optional(),
});

/** The problem+json responses a route documents in OpenAPI (SPEC §7). */
export const Problem = z.object({
  type: z.string(),
  title: z.string(),
  status: z.int(),
  detail: z.string(),
  instance: z.string(),
  requestId: z.string(),
  code: z.string(),
  errors: z.array(z.object({ pointer: z.string(), detail: z.string() })).optional(),
});

export const problemResponses = (...statuses: readonly (400 | 401 | 403 | 404 | 409 | 413 | 415 | 422)[]) =>
  Object.fromEntries(statuses.map((s) => [s, Problem]));
