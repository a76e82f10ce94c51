import { z } from 'zod';
import { eventCatalog, type Topic, topics } from './catalog.ts';
import { CloudEvent } from './envelope.ts';

/** The published JSON Schema of an event type's `data` (docs/contract.md §6), or undefined for an unknown type. */
export const eventJsonSchema = (type: string): Record<string, unknown> | undefined => {
  const entry = eventCatalog[type];
  return entry === undefined ? undefined : z.toJSONSchema(entry.schema, { io: 'input', unrepresentable: 'any' });
};

export const envelopeJsonSchema = (): Record<string, unknown> => z.toJSONSchema(CloudEvent, { io: 'input' });

const channelId = (topic: string): string => topic.replaceAll('.', '-');
const messageId = (type: string): string => type.replace('.', '-');

/**
 * AsyncAPI 3.0 for the railbill topics, from the same zod schemas. With `produces`/`consumes` it describes one
 * service's view: send operations for what it produces, receive operations for what it consumes.
 */
export const asyncApiDocument = (
  view: Readonly<{ title?: string; produces?: readonly Topic[]; consumes?: readonly Topic[] }> = {},
): Record<string, unknown> => {
  const all = Object.values(topics);
  const produces = view.produces ?? all;
  const consumes = view.consumes ?? [];
  const used = all.filter((t) => produces.includes(t) || consumes.includes(t));
  const types = Object.entries(eventCatalog).filter(([, e]) => used.includes(e.topic));
  const messages = Object.fromEntries(
    types.map(([type]) => [
      messageId(type),
      {
        name: type,
        title: type,
        contentType: 'application/cloudevents+json; charset=UTF-8',
        headers: {
          type: 'object',
          properties: { traceparent: { type: 'string', description: 'W3C trace context of the request' } },
        },
        payload: {
          allOf: [
            { $ref: '#/components/schemas/CloudEvent' },
            { type: 'object', properties: { type: { const: type }, data: eventJsonSchema(type) } },
          ],
        },
        bindings: { kafka: { key: { type: 'string', description: 'the document id' } } },
      },
    ]),
  );
  const channels = Object.fromEntries(
    used.map((topic) => [
      channelId(topic),
      {
        address: topic,
        description: `Events of one document type, keyed by document id so each document's events stay in order.`,
        messages: Object.fromEntries(
          types
            .filter(([, e]) => e.topic === topic)
            .map(([type]) => [messageId(type), { $ref: `#/components/messages/${messageId(type)}` }]),
        ),
      },
    ]),
  );
  const operation = (action: 'send' | 'receive', topic: string) => ({
    action,
    channel: { $ref: `#/channels/${channelId(topic)}` },
  });
  return {
    asyncapi: '3.0.0',
    info: {
      title: view.title ?? 'railbill events',
      version: '1.0.0',
      description: 'CloudEvents 1.0 in structured mode (docs/contract.md §6).',
    },
    defaultContentType: 'application/cloudevents+json; charset=UTF-8',
    channels,
    operations: Object.fromEntries([
      ...produces.map((t) => [`publish-${channelId(t)}`, operation('send', t)]),
      ...consumes.map((t) => [`consume-${channelId(t)}`, operation('receive', t)]),
    ]),
    components: { schemas: { CloudEvent: envelopeJsonSchema() }, messages },
  };
};
