import { z } from 'zod';
import { type ChainEntry, verifyChain } from './hash-chain.ts';
import { resigns } from './sign-entries.ts';
import { type Jwks, signedClaim, verifySignature } from './signature.ts';

/** docs/contract.md §8 `GET /waybills/{id}/history` entries; `signature` on `waybill.issued` and on amendments after issue. */
export const HistoryEntry = z.object({
  sequence: z.int(),
  type: z.string(),
  time: z.string(),
  data: z.unknown(),
  hash: z.string(),
  prevHash: z.string().nullable(),
  signature: z.string().nullable().optional(),
});
export type HistoryEntry = z.infer<typeof HistoryEntry>;
export const History = z.array(HistoryEntry);

export const JwksFile = z.object({
  keys: z.array(
    z.looseObject({
      kty: z.string(),
      kid: z.string().optional(),
      crv: z.string().optional(),
      x: z.string().optional(),
    }),
  ),
});

export type HistoryVerdict = Readonly<{
  valid: boolean;
  events: number;
  signature: Readonly<{ valid: boolean; keyId: string | null }>;
  problems: string[];
}>;

const billNumberOf = (entry: HistoryEntry): string => {
  const data = entry.data;
  if (typeof data === 'object' && data !== null && 'billNumber' in data && typeof data.billNumber === 'string')
    return data.billNumber;
  return '';
};

/** The entries the carrier signs: `waybill.issued`, and each `waybill.amended` after it (the re-signature). */
const signedEntries = (history: readonly HistoryEntry[]): { issued?: HistoryEntry; entries: HistoryEntry[] } => {
  const at = history.findIndex((e) => e.type === 'waybill.issued');
  if (at < 0) return { entries: [] };
  const issued = history[at];
  const amended = history.slice(at + 1).filter(resigns);
  return issued === undefined ? { entries: [] } : { issued, entries: [issued, ...amended] };
};

/**
 * docs/contract.md §3/§8 offline verification: the hash chain, then the carrier's signatures, all with the same key. A bill not
 * yet issued carries no signature: its verdict rests on the chain alone, and `signature.valid` is false.
 */
export const verifyHistory = async (
  history: readonly HistoryEntry[],
  jwks: Jwks,
  waybillId?: string,
): Promise<HistoryVerdict> => {
  const chain: ChainEntry[] = history.map((e) => ({ ...e, data: e.data }));
  const problems = [...verifyChain(chain).problems];
  const { issued, entries } = signedEntries(history);
  if (issued === undefined)
    return { valid: problems.length === 0, events: history.length, signature: { valid: false, keyId: null }, problems };
  const id = waybillId ?? signedClaim(issued.signature ?? '').waybillId ?? '';
  const billNumber = billNumberOf(issued);
  let keyId: string | null = null;
  let signaturesValid = true;
  for (const entry of entries) {
    const n = `entry ${entry.sequence}`;
    if (entry.signature === undefined || entry.signature === null) {
      signaturesValid = false;
      problems.push(`${n}: ${entry.type} carries no signature`);
      continue;
    }
    const verdict = await verifySignature(entry.signature, jwks, { waybillId: id, billNumber, hash: entry.hash });
    if (entry === issued) keyId = verdict.keyId;
    else if (verdict.keyId !== keyId) problems.push(`${n}: re-signed with key ${verdict.keyId}, not the issuing key`);
    if (!verdict.valid || verdict.keyId !== keyId) signaturesValid = false;
    if (verdict.problem !== undefined) problems.push(`${n}: ${verdict.problem}`);
  }
  return {
    valid: problems.length === 0,
    events: history.length,
    signature: { valid: signaturesValid, keyId },
    problems,
  };
};
