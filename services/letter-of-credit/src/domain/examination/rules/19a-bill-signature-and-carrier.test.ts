import { describe, expect, it } from 'vitest';
import { inputA, withBill } from '../../testing/examination-input.ts';
import { ruleCases } from '../../testing/rule-cases.ts';
import { billA, knownCarrier } from '../../testing/shipments.ts';
import { billSignatureInvalid } from './19a-bill-signature-invalid.ts';
import { carrierNotIdentified } from './19a-carrier-not-identified.ts';

/** A valid signature of someone else: another key than the carrier's signed. */
const signedByStranger = inputA(
  withBill({ signature: { jws: 'e30.e30.c2ln', keyId: 'stranger-key', carrierKey: null } }),
);

describe('BILL_SIGNATURE_INVALID (UCP 24(a)(i); eUCP e3, e6)', () => {
  ruleCases(billSignatureInvalid, [
    ['complies when the carrier’s signature verified', inputA(), 'complies'],
    [
      'fires with the problem the edge found (carrier-signature.test.ts checks the JWS itself)',
      inputA({ carrier: { ...knownCarrier, signatureProblem: 'the bill carries no carrier signature' } }),
      { is: 'the bill carries no carrier signature' },
    ],
    [
      'says nothing of a bill not issued (BILL_NOT_ISSUED does)',
      inputA({ ...withBill({ status: 'submitted' }), carrier: { ...knownCarrier, signatureProblem: 'none' } }),
      'complies',
    ],
    ['leaves a valid signature by another key to CARRIER_NOT_IDENTIFIED', signedByStranger, 'complies'],
  ]);
  it.each([
    ['19', '19(a)(i); eUCP e3, e6'],
    ['24', '24(a)(i); eUCP e3, e6'],
  ] as const)('cites art. %s for a multimodal (19) or a rail (24) bill', (transport, article) =>
    expect(typeof billSignatureInvalid.article === 'function' && billSignatureInvalid.article(transport)).toBe(article),
  );
});

describe('CARRIER_NOT_IDENTIFIED (UCP 24(a)(i))', () =>
  ruleCases(carrierNotIdentified, [
    ['complies when the named carrier is a carrier and its key signed', inputA(), 'complies'],
    [
      'fires when the named carrier is no carrier of the parties file',
      inputA({ carrier: { ...knownCarrier, isCarrier: false } }),
      { contains: 'not a known carrier' },
    ],
    [
      'fires when another key than the carrier’s signed (a valid signature of someone else)',
      signedByStranger,
      { contains: `signed with key stranger-key, not a key of its carrier ${billA.carrier}` },
    ],
  ]));
