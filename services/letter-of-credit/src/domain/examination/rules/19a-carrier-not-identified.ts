import { issuedBill, type Rule } from '../context.ts';

/**
 * UCP 19(a)(i)/24(a)(i): the bill names its carrier and is signed by it: the named carrier is a carrier of the parties
 * file, and the key that signed is that carrier's (configured in the parties file, else the first consumed for it).
 */
export const carrierNotIdentified: Rule = {
  code: 'CARRIER_NOT_IDENTIFIED',
  article: (t) => `${t}(a)(i)`,
  check: (input) => {
    const bill = issuedBill(input);
    if (bill === undefined) return undefined;
    if (!input.carrier.isCarrier) return `the bill's carrier ${bill.carrier} is not a known carrier`;
    const keyId = bill.signature?.keyId;
    if (keyId === undefined || keyId === null || input.carrier.keyIds.length === 0) return undefined;
    return input.carrier.keyIds.includes(keyId)
      ? undefined
      : `the bill was signed with key ${keyId}, not a key of its carrier ${bill.carrier}`;
  },
};
