import { type WaybillChanges, waybillContentShape } from '@railbill/contracts';
import type { Parties } from '@railbill/platform';
import { z } from 'zod';
import { namedIn } from '../domain/access.ts';
import type { Roles } from '../domain/commands.ts';

/** The fields an amendment changes: any subset of the submission's, strict (docs/contract.md §8 amend: "same shapes"). */
export const ChangesBody = z.strictObject(waybillContentShape(z.strictObject)).partial();

/** The roles, from the parties file, of every party a bill's content names (docs/contract.md §2: each party in its role). */
export const rolesOfContent = (content: WaybillChanges, parties: Parties): Roles =>
  Object.fromEntries(namedIn(content).map((id) => [id, parties.roleOf(id)]));
