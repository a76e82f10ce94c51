import { describe, expect, it } from 'vitest';
import {
  exportCarrierKey,
  generateCarrierKey,
  importCarrierKey,
  publicJwk,
  signedClaim,
  signIssuance,
  verifySignature,
} from './signature.ts';

const claim = {
  waybillId: '01960000-0000-7000-8000-000000000001',
  billNumber: 'SRM-CQ-26-000417',
  hash: 'ab'.repeat(32),
};

describe('carrier signature', () => {
  it('signs a compact EdDSA JWS whose kid is the key thumbprint and payload the JCS of the claim', async () => {
    const key = await generateCarrierKey();
    const jws = await signIssuance(key, claim);
    const [header, payload] = jws.split('.').map((p) => Buffer.from(p, 'base64url').toString('utf8'));
    expect(JSON.parse(header ?? '')).toEqual({ alg: 'EdDSA', kid: publicJwk(key).kid });
    expect(payload).toBe(
      `{"billNumber":"${claim.billNumber}","hash":"${claim.hash}","waybillId":"${claim.waybillId}"}`,
    );
    expect(signedClaim(jws)).toEqual(claim);
    expect(publicJwk(key)).toMatchObject({ kty: 'OKP', crv: 'Ed25519', alg: 'EdDSA', use: 'sig' });
  });

  it('verifies with the JWKS', async () => {
    const key = await generateCarrierKey();
    const jws = await signIssuance(key, claim);
    expect(await verifySignature(jws, { keys: [publicJwk(key)] }, claim)).toEqual({
      valid: true,
      keyId: publicJwk(key).kid,
    });
  });

  it('fails with a different key under the same kid', async () => {
    const [key, other] = [await generateCarrierKey(), await generateCarrierKey()];
    const jws = await signIssuance(key, claim);
    const impostor = { ...publicJwk(other), kid: publicJwk(key).kid };
    expect(await verifySignature(jws, { keys: [impostor] }, claim)).toMatchObject({ valid: false });
  });

  it('fails when the JWKS lacks the key', async () => {
    const [key, other] = [await generateCarrierKey(), await generateCarrierKey()];
    const jws = await signIssuance(key, claim);
    const verdict = await verifySignature(jws, { keys: [publicJwk(other)] }, claim);
    expect(verdict).toEqual({
      valid: false,
      keyId: publicJwk(key).kid,
      problem: `no key ${publicJwk(key).kid} in the JWKS`,
    });
  });

  it('fails when the signed claim is not the expected one', async () => {
    const key = await generateCarrierKey();
    const jws = await signIssuance(key, claim);
    const verdict = await verifySignature(jws, { keys: [publicJwk(key)] }, { ...claim, hash: 'cd'.repeat(32) });
    expect(verdict).toMatchObject({
      valid: false,
      problem: 'signed payload does not match { waybillId, billNumber, hash }',
    });
  });

  it('fails on something that is not a JWS', async () =>
    expect(await verifySignature('not a jws', { keys: [] }, claim)).toMatchObject({ valid: false, keyId: null }));

  it('imports a PKCS#8 key to the same public key and kid', async () => {
    const key = await generateCarrierKey();
    const again = await importCarrierKey(await exportCarrierKey(key));
    expect(publicJwk(again)).toEqual(publicJwk(key));
  });
});
