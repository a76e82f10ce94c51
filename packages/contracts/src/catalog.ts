import type { z } from 'zod';
import { CUSTOMS_TOPIC, customsEventSchemas } from './events/customs.ts';
import { LC_TOPIC, lcEventSchemas } from './events/lc.ts';
import { WAYBILL_TOPIC, waybillEventSchemas } from './events/waybill.ts';

export const topics = { waybill: WAYBILL_TOPIC, lc: LC_TOPIC, customs: CUSTOMS_TOPIC } as const;
export type Topic = (typeof topics)[keyof typeof topics];

const byTopic = [
  [WAYBILL_TOPIC, waybillEventSchemas],
  [LC_TOPIC, lcEventSchemas],
  [CUSTOMS_TOPIC, customsEventSchemas],
] as const;

/** The single list of event types: type → topic and `data` schema. */
export const eventCatalog: Readonly<Record<string, { topic: Topic; schema: z.ZodType }>> = Object.fromEntries(
  byTopic.flatMap(([topic, schemas]) =>
    Object.entries(schemas as Record<string, z.ZodType>).map(([type, schema]) => [type, { topic, schema }]),
  ),
);

type Schemas = typeof waybillEventSchemas & typeof lcEventSchemas & typeof customsEventSchemas;
export type EventType = keyof Schemas & string;
/** The parsed `data` of an event type. */
export type EventData<T extends EventType> = Schemas[T] extends z.ZodType ? z.infer<Schemas[T]> : never;

export const topicOf = (type: string): Topic | undefined => eventCatalog[type]?.topic;
