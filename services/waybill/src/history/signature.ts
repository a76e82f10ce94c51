import {
  base64url,
  CompactSign,
  type CryptoKey,
  calculateJwkThumbprint,
  compactVerify,
  decodeProtectedHeader,
  exportJWK,
  exportPKCS8,
  generateKeyPair,
  importJWK,
  importPKCS8,
} from 'jose';
import { jcs } from './canonical.ts';

/** A carrier's public key as published at `/.well-known/jwks.json`: `kid` is its RFC 7638 thumbprint. */
export type PublicJwk = Readonly<{ kty: string; crv: string; x: string; kid: string; alg: 'EdDSA'; use: 'sig' }>;
export type CarrierKey = Readonly<{ privateKey: CryptoKey; publicJwk: PublicJwk }>;
/** The members verification reads; anything else a JWKS carries is ignored. */
export type JwkLike = Readonly<{
  kty?: string | undefined;
  crv?: string | undefined;
  x?: string | undefined;
  kid?: string | undefined;
}>;
export type Jwks = Readonly<{ keys: readonly JwkLike[] }>;

/** What the carrier signs (docs/contract.md §3): the bill and the hash of the `waybill.issued` (or re-signed amended) entry. */
export type SignedClaim = Readonly<{ waybillId: string; billNumber: string; hash: string }>;
export type SignatureVerdict = Readonly<{ valid: boolean; keyId: string | null; problem?: string }>;

const ALG = 'EdDSA';

const publicPart = (jwk: JwkLike): { kty: string; crv: string; x: string } => ({
  kty: jwk.kty ?? '',
  crv: jwk.crv ?? '',
  x: jwk.x ?? '',
});

const fromPrivateKey = async (privateKey: CryptoKey): Promise<CarrierKey> => {
  const base = publicPart(await exportJWK(privateKey));
  const kid = await calculateJwkThumbprint(base, 'sha256');
  return { privateKey, publicJwk: { ...base, kid, alg: ALG, use: 'sig' } };
};

export const generateCarrierKey = async (): Promise<CarrierKey> => {
  const { privateKey } = await generateKeyPair(ALG, { crv: 'Ed25519', extractable: true });
  return fromPrivateKey(privateKey);
};

/** A key from the parties file's `signingKey` (PKCS#8 PEM). */
export const importCarrierKey = async (pkcs8Pem: string): Promise<CarrierKey> =>
  fromPrivateKey(await importPKCS8(pkcs8Pem, ALG, { extractable: true }));

/** PKCS#8 PEM, to keep a generated key (docs/contract.md §2: generated once and kept in the waybill database). */
export const exportCarrierKey = (key: CarrierKey): Promise<string> => exportPKCS8(key.privateKey);

export const publicJwk = (key: CarrierKey): PublicJwk => key.publicJwk;

const claimBytes = (claim: SignedClaim): Uint8Array =>
  new TextEncoder().encode(jcs({ waybillId: claim.waybillId, billNumber: claim.billNumber, hash: claim.hash }));

/** docs/contract.md §3: compact JWS, EdDSA (Ed25519), `kid` the key's thumbprint, payload the JCS of the claim. */
export const signIssuance = (key: CarrierKey, claim: SignedClaim): Promise<string> =>
  new CompactSign(claimBytes(claim)).setProtectedHeader({ alg: ALG, kid: key.publicJwk.kid }).sign(key.privateKey);

/** The claim a JWS carries, read without verifying it (to learn the waybill id when none is given). */
export const signedClaim = (jws: string): Partial<SignedClaim> => {
  try {
    const payload: unknown = JSON.parse(new TextDecoder().decode(base64url.decode(jws.split('.')[1] ?? '')));
    return typeof payload === 'object' && payload !== null ? (payload as Partial<SignedClaim>) : {};
  } catch {
    return {};
  }
};

const keyIdOf = (jws: string): { kid: string | null; alg: unknown } | undefined => {
  try {
    const header = decodeProtectedHeader(jws);
    return { kid: typeof header.kid === 'string' ? header.kid : null, alg: header.alg };
  } catch {
    return undefined;
  }
};

/** Verifies `jws` with the key of its `kid` in `jwks`, and that it signs exactly `expected`. */
export const verifySignature = async (jws: string, jwks: Jwks, expected: SignedClaim): Promise<SignatureVerdict> => {
  const header = keyIdOf(jws);
  if (header === undefined) return { valid: false, keyId: null, problem: 'signature is not a compact JWS' };
  const { kid } = header;
  const fail = (problem: string): SignatureVerdict => ({ valid: false, keyId: kid, problem });
  if (header.alg !== ALG) return fail(`signature alg is ${String(header.alg)}, expected EdDSA`);
  const jwk = jwks.keys.find((k) => k.kid === kid);
  if (kid === null || jwk === undefined) return fail(`no key ${kid ?? '(no kid)'} in the JWKS`);
  if ((await calculateJwkThumbprint(publicPart(jwk), 'sha256')) !== kid)
    return fail(`kid ${kid} is not the RFC 7638 thumbprint of its key`);
  let payload: Uint8Array;
  try {
    const key = await importJWK({ ...publicPart(jwk), alg: ALG }, ALG);
    ({ payload } = await compactVerify(jws, key, { algorithms: [ALG] }));
  } catch {
    return fail('signature does not verify with its key');
  }
  if (new TextDecoder().decode(payload) !== jcs(expected))
    return fail('signed payload does not match { waybillId, billNumber, hash }');
  return { valid: true, keyId: kid };
};
