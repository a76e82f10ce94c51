import { describe, expect, it } from 'vitest';
import { publicKeyOfPem, signatureProblem, thumbprint } from './carrier-signature.ts';
import { testCarrier } from './testing/carrier.ts';

const bill = { waybillId: '0190a1b2-0000-7000-8000-000000000001', billNumber: 'SRM-0001' };

describe('signatureProblem (UCP 24(a)(i), eUCP e6)', () => {
  const carrier = testCarrier();
  it('accepts the carrier’s signature of this bill', () =>
    expect(signatureProblem(carrier.sign(bill), bill)).toBeUndefined());
  it('refuses a missing signature, another bill’s, a tampered one and a wrong key id', () => {
    expect(signatureProblem(null, bill)).toContain('no carrier signature');
    expect(signatureProblem(carrier.sign({ ...bill, billNumber: 'SRM-0002' }), bill)).toContain('another bill');
    const good = carrier.sign(bill);
    const [h, p, s] = good.jws.split('.');
    const flipped = `${s?.startsWith('A') ? 'B' : 'A'}${s?.slice(1)}`;
    expect(signatureProblem({ ...good, jws: `${h}.${p}.${flipped}` }, bill)).toContain('does not verify');
    expect(signatureProblem({ ...good, keyId: 'not-the-thumbprint' }, bill)).toContain('key id');
    const other = testCarrier();
    expect(signatureProblem({ ...good, carrierKey: other.jwk }, bill)).toBeDefined();
  });
  it('derives a configured key’s thumbprint from its PEM', () => {
    expect(publicKeyOfPem(carrier.pem).kid).toBe(thumbprint(carrier.jwk));
    expect(carrier.keyId).toBe(thumbprint(carrier.jwk));
  });
});
