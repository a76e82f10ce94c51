import { describe, expect, it } from 'vitest';
import { inputA, withBill } from '../../testing/examination-input.ts';
import { billA, knownCarrier } from '../../testing/shipments.ts';
import { billSignatureInvalid } from './19a-bill-signature-invalid.ts';
import { carrierNotIdentified } from './19a-carrier-not-identified.ts';

describe('BILL_SIGNATURE_INVALID (UCP 24(a)(i); eUCP e3, e6)', () => {
  it('complies when the carrier’s signature verified', () =>
    expect(billSignatureInvalid.check(inputA())).toBeUndefined());
  it('fires with the problem the edge found (carrier-signature.test.ts checks the JWS itself)', () =>
    expect(
      billSignatureInvalid.check(
        inputA({ carrier: { ...knownCarrier, signatureProblem: 'the bill carries no carrier signature' } }),
      ),
    ).toBe('the bill carries no carrier signature'));
  it('says nothing of a bill not issued (BILL_NOT_ISSUED does)', () =>
    expect(
      billSignatureInvalid.check(
        inputA({ ...withBill({ status: 'submitted' }), carrier: { ...knownCarrier, signatureProblem: 'none' } }),
      ),
    ).toBeUndefined());
  it('cites art. 19 for a multimodal bill, 24 for a rail one', () => {
    const article = billSignatureInvalid.article;
    expect(typeof article === 'function' && article('19')).toBe('19(a)(i); eUCP e3, e6');
    expect(typeof article === 'function' && article('24')).toBe('24(a)(i); eUCP e3, e6');
  });
});

describe('CARRIER_NOT_IDENTIFIED (UCP 24(a)(i))', () => {
  it('complies when the named carrier is a carrier and its key signed', () =>
    expect(carrierNotIdentified.check(inputA())).toBeUndefined());
  it('fires when the named carrier is no carrier of the parties file', () =>
    expect(carrierNotIdentified.check(inputA({ carrier: { ...knownCarrier, isCarrier: false } }))).toContain(
      'not a known carrier',
    ));
  it('fires when another key than the carrier’s signed (a valid signature of someone else)', () => {
    const signature = { jws: 'e30.e30.c2ln', keyId: 'stranger-key', carrierKey: null };
    const input = inputA(withBill({ signature }));
    expect(billSignatureInvalid.check(input)).toBeUndefined();
    expect(carrierNotIdentified.check(input)).toContain(
      `signed with key stranger-key, not a key of its carrier ${billA.carrier}`,
    );
  });
});
