export const CUSTOMS_TOPIC = 'customs.events.v1';

/** Every customs event type and the schema of its `data`. */
export const customsEventSchemas = {} as const;
