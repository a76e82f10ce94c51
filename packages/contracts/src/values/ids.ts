import { z } from 'zod';
import { text } from './text.ts';

/** Every id railbill mints is a UUIDv7 (docs/architecture.md §3 Ids). */
export const Id = z.uuidv7();
export type Id = z.infer<typeof Id>;

/** Party ids are whatever the parties file says. */
export const PartyId = text(100, { trim: false });
export type PartyId = z.infer<typeof PartyId>;
