export const LC_TOPIC = 'lc.events.v1';

/** Every letter-of-credit event type and the schema of its `data`. */
export const lcEventSchemas = {} as const;
