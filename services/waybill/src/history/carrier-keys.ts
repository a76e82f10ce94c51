import type { Db, Parties } from '@railbill/platform';
import { eq } from 'drizzle-orm';
import { carrierKeys } from '../store/schema.ts';
import {
  type CarrierKey,
  exportCarrierKey,
  generateCarrierKey,
  importCarrierKey,
  type Jwks,
  publicJwk,
} from './signature.ts';

export type CarrierKeys = Readonly<{ keyOf: (carrierId: string) => Promise<CarrierKey>; jwks: () => Promise<Jwks> }>;

/**
 * docs/contract.md §2: a carrier signs with the `signingKey` of the parties file, or else with an Ed25519 key generated once and
 * kept in the waybill database (the first writer wins a race; everyone then reads the stored key).
 */
export const createCarrierKeys = (deps: Readonly<{ db: Db; parties: Parties }>): CarrierKeys => {
  const cache = new Map<string, Promise<CarrierKey>>();

  const stored = async (carrierId: string): Promise<CarrierKey> => {
    const read = () =>
      deps.db.select({ pem: carrierKeys.privateKeyPem }).from(carrierKeys).where(eq(carrierKeys.carrierId, carrierId));
    const [row] = await read();
    if (row !== undefined) return importCarrierKey(row.pem);
    const key = await generateCarrierKey();
    await deps.db
      .insert(carrierKeys)
      .values({ carrierId, privateKeyPem: await exportCarrierKey(key), publicJwk: publicJwk(key) })
      .onConflictDoNothing();
    const [winner] = await read();
    return winner === undefined ? key : importCarrierKey(winner.pem);
  };

  const load = (carrierId: string): Promise<CarrierKey> => {
    const pem = deps.parties.signingKeyOf(carrierId);
    return pem === undefined ? stored(carrierId) : importCarrierKey(pem);
  };

  const keyOf = (carrierId: string): Promise<CarrierKey> => {
    const cached = cache.get(carrierId);
    if (cached !== undefined) return cached;
    const loading = load(carrierId);
    cache.set(carrierId, loading);
    loading.catch(() => cache.delete(carrierId));
    return loading;
  };

  /** Every carrier's public key, for `/.well-known/jwks.json`. */
  const jwks = async (): Promise<Jwks> => {
    const carriers = deps.parties.all.filter((p) => p.role === 'carrier');
    const keys = await Promise.all(carriers.map(async (c) => publicJwk(await keyOf(c.id))));
    return { keys };
  };

  return { keyOf, jwks };
};
