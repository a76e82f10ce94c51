import { type ChainEntry, chainEntries } from './hash-chain.ts';
import { type CarrierKey, signIssuance } from './signature.ts';

export type SignableEvent = Readonly<{ type: string; time: string; data: unknown }>;
export type SealedEntry = ChainEntry & Readonly<{ signature?: string }>;

export type SealInput = Readonly<{
  waybillId: string;
  /** The bill number once issued (taken from `waybill.issued` when it is among `events`). */
  billNumber: string | undefined;
  /** Hash of the last stored entry, null for a new bill. */
  prevHash: string | null;
  /** The sequence of the first of `events` (the bill's version + 1). */
  firstSequence: number;
  events: readonly SignableEvent[];
  /** The issuing carrier's key, fetched only when an entry needs signing. */
  key: () => Promise<CarrierKey>;
}>;

const issuedBillNumber = (e: SignableEvent): string | undefined => {
  const data = e.data;
  if (e.type !== 'waybill.issued' || typeof data !== 'object' || data === null || !('billNumber' in data))
    return undefined;
  return typeof data.billNumber === 'string' ? data.billNumber : undefined;
};

/**
 * An entry after issue that changes what the bill says, so the carrier signs it again: an amendment, and an accepted
 * change of destination (docs/title.md "Instructions").
 */
export const resigns = (e: Readonly<{ type: string; data: unknown }>): boolean => {
  if (e.type === 'waybill.amended') return true;
  const data = e.data;
  return (
    e.type === 'waybill.instruction_accepted' &&
    typeof data === 'object' &&
    data !== null &&
    'kind' in data &&
    data.kind === 'change_destination'
  );
};

/**
 * docs/contract.md §3/§8: chains the new events onto the history and signs the `waybill.issued` entry, and every `waybill.amended`
 * entry of an issued bill (the re-signature covers the amended entry's hash).
 */
export const sealEntries = async (input: SealInput): Promise<SealedEntry[]> => {
  const entries = chainEntries(
    input.events.map((e, i) => ({ sequence: input.firstSequence + i, type: e.type, time: e.time, data: e.data })),
    input.prevHash,
  );
  let billNumber = input.billNumber;
  const sealed: SealedEntry[] = [];
  for (const [i, entry] of entries.entries()) {
    const event = input.events[i];
    billNumber = (event === undefined ? undefined : issuedBillNumber(event)) ?? billNumber;
    const signs = entry.type === 'waybill.issued' || (resigns(entry) && billNumber !== undefined);
    if (!signs || billNumber === undefined) {
      sealed.push(entry);
      continue;
    }
    const signature = await signIssuance(await input.key(), {
      waybillId: input.waybillId,
      billNumber,
      hash: entry.hash,
    });
    sealed.push({ ...entry, signature });
  }
  return sealed;
};
