import { issuedBill, type Rule } from '../context.ts';

/**
 * UCP 19(a)(i)/24(a)(i), 3 (electronic signature); eUCP e3, e6: the issued bill carries its carrier's signature, and
 * it verifies for this bill (the JWS and key id published with `waybill.issued` / `waybill.amended`, checked at the
 * edge: store/carrier-keys.ts).
 */
export const billSignatureInvalid: Rule = {
  code: 'BILL_SIGNATURE_INVALID',
  article: (t) => `${t}(a)(i); eUCP e3, e6`,
  check: (input) => (issuedBill(input) === undefined ? undefined : input.carrier.signatureProblem),
};
