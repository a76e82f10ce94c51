import { createHash, createPrivateKey, createPublicKey, verify } from 'node:crypto';

import type { BillSignature, CarrierJwk } from './domain/examination/bill-view.ts';

const b64url = (bytes: Buffer | string): string => Buffer.from(bytes).toString('base64url');

/** RFC 7638 thumbprint of an OKP key: SHA-256 of its required members in lexicographic order. */
export const thumbprint = (jwk: CarrierJwk): string =>
  b64url(
    createHash('sha256')
      .update(JSON.stringify({ crv: jwk.crv, kty: jwk.kty, x: jwk.x }))
      .digest(),
  );

/** The public key (and its thumbprint) of a carrier's PKCS#8 PEM `signingKey` from the parties file. */
export const publicKeyOfPem = (pem: string): CarrierJwk & { kid: string } => {
  const jwk = createPublicKey(createPrivateKey(pem)).export({ format: 'jwk' });
  const key = { kty: String(jwk.kty), crv: String(jwk.crv), x: String(jwk.x) };
  return { ...key, kid: thumbprint(key) };
};

const decodeJson = (part: string): unknown => {
  try {
    return JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
};

const field = (value: unknown, name: string): unknown =>
  typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[name] : undefined;

/**
 * UCP 19(a)(i)/24(a)(i), eUCP e3/e6: the bill is signed by its carrier. Checks the compact JWS (EdDSA) against the key
 * it came with: the header's `kid` and the event's `keyId` are that key's thumbprint, the signature verifies, and the
 * signed claim names this bill. Answers the problem, or undefined when the signature is good. Computed at the edge
 * (node:crypto) and handed to examination as a fact (store/carrier-keys.ts).
 */
export const signatureProblem = (
  signature: BillSignature | null,
  bill: Readonly<{ waybillId: string; billNumber: string | null }>,
): string | undefined => {
  if (signature === null) return 'the bill carries no carrier signature';
  const parts = signature.jws.split('.');
  const [header, payload, sig] = parts;
  if (parts.length !== 3 || header === undefined || payload === undefined || sig === undefined)
    return 'the signature is not a compact JWS';
  const protectedHeader = decodeJson(header);
  if (field(protectedHeader, 'alg') !== 'EdDSA') return 'the signature is not EdDSA';
  if (signature.carrierKey === null) return 'no carrier key came with the signature';
  const kid = thumbprint(signature.carrierKey);
  if (field(protectedHeader, 'kid') !== kid || (signature.keyId !== null && signature.keyId !== kid))
    return 'the key id is not the thumbprint of the signing key';
  let valid = false;
  try {
    const key = createPublicKey({ key: { ...signature.carrierKey }, format: 'jwk' });
    valid = verify(null, Buffer.from(`${header}.${payload}`), key, Buffer.from(sig, 'base64url'));
  } catch {
    valid = false;
  }
  if (!valid) return 'the signature does not verify with the carrier key';
  const claim = decodeJson(payload);
  if (field(claim, 'waybillId') !== bill.waybillId || field(claim, 'billNumber') !== bill.billNumber)
    return 'the signature was made for another bill';
  return undefined;
};
