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

/** Adds `hash`, `prevHash` and, where SPEC §3 wants one, the carrier's `signature` to the events about to be stored. */
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
    return events.map((e, i) => {
      const entry = entries[i];
      if (entry === undefined) throw new Error('an event was left unsealed');
      return {
        ...e,
        hash: entry.hash,
        prevHash: entry.prevHash,
        ...(entry.signature === undefined ? {} : { signature: entry.signature }),
      };
    });
  };
  return Object.assign(seal, { keys });
};
