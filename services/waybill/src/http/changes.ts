import { type WaybillChanges, waybillContentShape } from '@railbill/contracts';
import type { Parties } from '@railbill/platform';
import { z } from 'zod';
import type { Roles } from '../domain/commands.ts';

/** The fields an amendment changes: any subset of the submission's, strict (SPEC §8 amend: "same shapes"). */
export const ChangesBody = z.strictObject(waybillContentShape(z.strictObject)).partial();

/** The roles, from the parties file, of every party a bill's content names (SPEC §2: each party in its role). */
export const rolesOfContent = (content: WaybillChanges, parties: Parties): Roles => {
  const named = [
    content.shipper,
    content.consignee,
    content.toOrderOf,
    content.notifyParty,
    content.carrier,
    ...(content.legs ?? []).map((l) => l.carrier),
  ].filter((p): p is string => p !== undefined);
  return Object.fromEntries(named.map((id) => [id, parties.roleOf(id)]));
};
