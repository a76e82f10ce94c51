import type { DeclarationView } from '@railbill/contracts';
import type { Actor } from '../domain/commands.ts';
import type { Declaration } from '../domain/state.ts';

/** The domain's view of the caller: id, role and, for customs, the offices it serves. */
export const actorOf = (
  party: Readonly<{ id: string; role: Actor['role']; offices?: readonly string[] | undefined }>,
): Actor =>
  party.offices === undefined
    ? { id: party.id, role: party.role }
    : { id: party.id, role: party.role, offices: party.offices };

/** Maps the declaration to its wire shape (docs/contract.md §8 "Declaration"). */
export const toView = (id: string, d: Declaration): DeclarationView => ({
  id,
  type: d.type,
  waybillId: d.waybillId,
  office: d.office,
  ...(d.destinationOffice === undefined ? {} : { destinationOffice: d.destinationOffice }),
  status: d.status,
  channel: d.channel,
  riskReasons: [...d.riskReasons],
  goods: [...d.goods],
  declarant: d.declarant,
  ...(d.exporter === undefined ? {} : { exporter: d.exporter }),
  ...(d.importer === undefined ? {} : { importer: d.importer }),
  ...(d.duties === undefined ? {} : { duties: d.duties }),
  version: d.version,
  createdAt: d.createdAt,
  updatedAt: d.updatedAt,
});
