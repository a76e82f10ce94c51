import { z } from 'zod';
import type { PartyId } from './ids.ts';

/** docs/contract.md §2: the role of a party in the parties file. */
export const Role = z.enum(['shipper', 'consignee', 'carrier', 'bank', 'customs', 'operator']);
export type Role = z.infer<typeof Role>;

/** The authenticated party acting, as a command names it. */
export type Actor = Readonly<{ id: PartyId; role: Role }>;

/** Roles of the parties a document names, looked up by the caller in the parties file; undefined = unknown party. */
export type Roles = Readonly<Record<PartyId, Role | undefined>>;
