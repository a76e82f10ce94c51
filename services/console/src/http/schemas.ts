import { topics } from '@railbill/contracts';
import { z } from 'zod';

const text = z.string().trim().min(1).max(200);

/** The event filter of the list and of the stream (SPEC §6 names). */
export const eventFilterShape = {
  topic: z.enum([topics.waybill, topics.lc, topics.customs]).optional(),
  type: text.optional(),
  subject: text.optional(),
  correlationId: text.optional(),
};

/** SPEC §8: `limit` default 20, at most 100 (above: 400); `cursor` opaque. */
export const pageShape = {
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().min(1).max(100).optional(),
};

export const EventsQuery = z.object({ ...eventFilterShape, ...pageShape });
export const StreamQuery = z.object({ ...eventFilterShape, token: z.string().min(1).max(500).optional() });
export const DeadLettersQuery = z.object({ topic: text.optional(), ...pageShape });
export const TimelineParams = z.object({ correlationId: text });

/** Drops the absent keys (exactOptionalPropertyTypes). */
export const filterOf = (q: Readonly<Record<string, unknown>>) =>
  Object.fromEntries(
    (['topic', 'type', 'subject', 'correlationId'] as const).flatMap((k) =>
      typeof q[k] === 'string' ? [[k, q[k]]] : [],
    ),
  ) as { topic?: string; type?: string; subject?: string; correlationId?: string };
