import { createHash } from 'node:crypto';
import { jcs } from './canonical.ts';

/** One event as hashed: `sequence` an integer from 1, `time` the event's ISO instant (docs/contract.md §3). */
export type ChainInput = Readonly<{ sequence: number; type: string; time: string; data: unknown }>;
export type ChainEntry = ChainInput & Readonly<{ hash: string; prevHash: string | null }>;
export type ChainVerdict = Readonly<{ valid: boolean; problems: string[] }>;

/** docs/contract.md §3: lowercase hex SHA-256 of the JCS of `{ sequence, type, time, data, prevHash }`. */
export const entryHash = (entry: ChainInput, prevHash: string | null): string =>
  createHash('sha256')
    .update(jcs({ sequence: entry.sequence, type: entry.type, time: entry.time, data: entry.data, prevHash }), 'utf8')
    .digest('hex');

/** Chains events onto `prevHash` (null for a new bill; the last entry's hash when appending). */
export const chainEntries = (events: readonly ChainInput[], prevHash: string | null = null): ChainEntry[] => {
  const entries: ChainEntry[] = [];
  let previous = prevHash;
  for (const e of events) {
    const hash = entryHash(e, previous);
    entries.push({ sequence: e.sequence, type: e.type, time: e.time, data: e.data, hash, prevHash: previous });
    previous = hash;
  }
  return entries;
};

/** Recomputes every hash and link; each problem names the entry where it is found. */
export const verifyChain = (entries: readonly ChainEntry[]): ChainVerdict => {
  const problems: string[] = [];
  entries.forEach((entry, i) => {
    const n = i + 1;
    if (entry.sequence !== n) problems.push(`entry ${n}: sequence is ${entry.sequence}, expected ${n}`);
    const previous = entries[i - 1];
    if (previous === undefined && entry.prevHash !== null)
      problems.push(`entry ${n}: prevHash of the first entry must be null`);
    if (previous !== undefined && entry.prevHash !== previous.hash)
      problems.push(`entry ${n}: prevHash does not match entry ${n - 1}`);
    if (entryHash(entry, entry.prevHash) !== entry.hash) problems.push(`entry ${n}: hash mismatch`);
  });
  return { valid: problems.length === 0, problems };
};
