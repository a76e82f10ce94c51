import { z } from 'zod';

/** Every id railbill mints is a UUIDv7 (STYLE §3 Ids). */
export const Id = z.uuidv7();
export type Id = z.infer<typeof Id>;

/** Party ids are whatever the parties file says. */
export const PartyId = z.string().min(1).max(100);
export type PartyId = z.infer<typeof PartyId>;
