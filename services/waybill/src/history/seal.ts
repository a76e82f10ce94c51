import type { WaybillEvent } from '@railbill/contracts';
import type { Db, NewEvent, Parties } from '@railbill/platform';
import type { Bill } from '../domain/state.ts';
import type { LoadedBill } from '../store/repository.ts';
import { type CarrierKeys, createCarrierKeys } from './carrier-keys.ts';
import { sealEntries } from './sign-entries.ts';

export type UnsealedEvent = Readonly<{
  id: string;
  type: WaybillEvent['type'];
  data: unknown;
  time: string;
  causationId?: string | undefined;
}>;
export type SealedEvent = NewEvent & Readonly<{ type: WaybillEvent['type'] }>;
export type SealRequest = Readonly<{
  waybillId: string;
  loaded: LoadedBill;
  next: Bill;
  events: readonly UnsealedEvent[];
}>;

/** Adds `hash`, `prevHash` and, where docs/contract.md §3 wants one, the carrier's `signature` to the events about to be stored. */
export type Sealer = ((request: SealRequest) => Promise<SealedEvent[]>) & Readonly<{ keys: CarrierKeys }>;

export const createSealer = (deps: Readonly<{ db: Db; parties: Parties }>): Sealer => {
  const keys = createCarrierKeys(deps);
  const seal = async (request: SealRequest): Promise<SealedEvent[]> => {
    const { loaded, next, events } = request;
    const previous = loaded.state.status === 'initial' ? undefined : loaded.state.billNumber;
    const entries = await sealEntries({
      waybillId: request.waybillId,
      billNumber: previous,
      prevHash: loaded.lastHash,
      firstSequence: loaded.version + 1,
      events,
      key: () => keys.keyOf(next.content.carrier),
    });
    const signed = entries.some((entry) => entry.signature !== undefined);
    const jwk = signed ? (await keys.keyOf(next.content.carrier)).publicJwk : undefined;
    return events.map((e, i) => {
      const entry = entries[i];
      if (entry === undefined) throw new Error('an event was left unsealed');
      if (entry.signature === undefined) return { ...e, hash: entry.hash, prevHash: entry.prevHash };
      return {
        ...e,
        hash: entry.hash,
        prevHash: entry.prevHash,
        signature: entry.signature,
        // the published event carries the signature, key id and public key for consumers (docs/ucp600.md §4)
        envelopeData: {
          ...(e.data as object),
          signature: entry.signature,
          ...(jwk === undefined ? {} : { keyId: jwk.kid, carrierKey: { kty: jwk.kty, crv: jwk.crv, x: jwk.x } }),
        },
      };
    });
  };
  return Object.assign(seal, { keys });
};
