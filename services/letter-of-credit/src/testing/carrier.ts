import { generateKeyPairSync, sign } from 'node:crypto';
import { thumbprint } from '../carrier-signature.ts';
import type { BillSignature, CarrierJwk } from '../domain/examination/bill-view.ts';

/** A carrier with its own Ed25519 key, signing bills as the waybill service does (compact JWS, EdDSA). */
export const testCarrier = () => {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const exported = publicKey.export({ format: 'jwk' });
  const jwk: CarrierJwk = { kty: String(exported.kty), crv: String(exported.crv), x: String(exported.x) };
  const keyId = thumbprint(jwk);
  const pem = privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
  const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const signBill = (bill: Readonly<{ waybillId: string; billNumber: string }>): BillSignature & { jws: string } => {
    const input = `${part({ alg: 'EdDSA', kid: keyId })}.${part({ ...bill, hash: '0'.repeat(64) })}`;
    const signature = sign(null, Buffer.from(input), privateKey).toString('base64url');
    return { jws: `${input}.${signature}`, keyId, carrierKey: jwk };
  };
  return { jwk, keyId, pem, sign: signBill };
};
