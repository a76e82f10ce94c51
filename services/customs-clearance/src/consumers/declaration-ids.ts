import { createHash } from 'node:crypto';
import { canonicalLocode } from '@railbill/contracts';

/**
 * A declaration id derived from what the declaration is about, so a redelivered or repeated waybill event lodges
 * onto the same id and the domain answers `already-lodged` (the second guard after the inbox's event-id dedupe).
 *
 * It must still be a UUIDv7 (`Id` in contracts, docs/architecture.md §3): the 48-bit timestamp is the bill's own (the waybill id
 * is a UUIDv7, so its first 6 bytes are its creation time), the version nibble is 7 and the variant bits 10, and
 * the remaining 74 bits come from a SHA-256 of the name. Ids of one bill therefore sort together, by the bill's
 * creation time, which keeps the list cursor (last id) stable.
 */
export const derivedDeclarationId = (waybillId: string, name: string): string => {
  const time = Buffer.from(waybillId.replaceAll('-', '').slice(0, 12), 'hex');
  const hash = createHash('sha256').update(`railbill:customs:${waybillId}:${name}`, 'utf8').digest();
  const bytes = Buffer.concat([time, hash.subarray(6, 16)]);
  bytes[6] = 0x70 | ((bytes[6] ?? 0) & 0x0f);
  bytes[8] = 0x80 | ((bytes[8] ?? 0) & 0x3f);
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
};

/** docs/contract.md §5: one export per bill, lodged when it is issued. */
export const exportDeclarationId = (waybillId: string): string => derivedDeclarationId(waybillId, 'export');

/** docs/contract.md §5: one transit per `border_crossed` (leg, station) that opens one; station aliases give one id. */
export const transitDeclarationId = (waybillId: string, leg: number, station: string): string =>
  derivedDeclarationId(waybillId, `transit:${leg}:${canonicalLocode(station)}`);
