import { topics } from '@railbill/contracts';
import { z } from 'zod';

const text = z.string().trim().min(1).max(200);

/** The event filter of the list and of the stream (docs/contract.md §6 names). */
export const eventFilterShape = {
  topic: z.enum([topics.waybill, topics.lc, topics.customs]).optional(),
  type: text.optional(),
  subject: text.optional(),
  correlationId: text.optional(),
};

/** docs/contract.md §8: `limit` default 20, at most 100 (above: 400); `cursor` opaque. */
export const pageShape = {
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().min(1).max(100).optional(),
};

export const EventsQuery = z.object({ ...eventFilterShape, ...pageShape });
/** The stream takes no token in its URL: a single-use `ticket` from POST /api/stream-tickets (or a bearer header). */
export const StreamQuery = z.object({
  ...eventFilterShape,
  ticket: z.string().min(1).max(200).optional(),
  /** The last `seq` the page received before it reopened the stream (as `Last-Event-ID`). */
  after: z
    .string()
    .regex(/^\d{1,15}$/)
    .optional(),
});
export const DeadLettersQuery = z.object({ topic: text.optional(), ...pageShape });
export const TimelineParams = z.object({ correlationId: text });

/** Drops the absent keys (exactOptionalPropertyTypes). */
export const filterOf = (q: Readonly<Record<string, unknown>>) =>
  Object.fromEntries(
    (['topic', 'type', 'subject', 'correlationId'] as const).flatMap((k) =>
      typeof q[k] === 'string' ? [[k, q[k]]] : [],
    ),
  ) as { topic?: string; type?: string; subject?: string; correlationId?: string };

/** The shipment list's search (docs/console.md "Find"). */
export const ShipmentsQuery = z.object({
  q: text.optional(),
  billNumber: text.optional(),
  container: text.optional(),
  creditNumber: text.optional(),
  party: text.optional(),
  status: text.optional(),
  place: text.optional(),
  ...pageShape,
});
export const PulseQuery = z.object({ minutes: z.coerce.number().int().min(1).max(180).default(30) });

/** Drops the absent keys (exactOptionalPropertyTypes). */
export const shipmentFilterOf = (q: Readonly<Record<string, unknown>>) =>
  Object.fromEntries(
    (['q', 'billNumber', 'container', 'creditNumber', 'party', 'status', 'place'] as const).flatMap((k) =>
      typeof q[k] === 'string' ? [[k, q[k]]] : [],
    ),
  ) as Partial<Record<'q' | 'billNumber' | 'container' | 'creditNumber' | 'party' | 'status' | 'place', string>>;
