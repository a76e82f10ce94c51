import { accept, type Decision, reject, type WaybillEvent } from '@railbill/contracts';
import { notNegotiable } from '../authority.ts';
import type { EndorseOnPayment } from '../commands.ts';
import { refuse } from '../refuse.ts';
import type { Bill } from '../state.ts';

/** An endorsement caused by this payment is already in the chain: a redelivered `lc.paid` changes nothing. */
export const alreadyEndorsedOnPayment = (cmd: EndorseOnPayment, bill: Bill): boolean =>
  bill.endorsements.some((e) => e.causationId === cmd.causationId);

/** SPEC §4: on `lc.paid` the bank holding the bill endorses it to the applicant, with the payment as causation. */
export const endorseOnPayment = (cmd: EndorseOnPayment, bill: Bill): Decision<WaybillEvent> => {
  if (alreadyEndorsedOnPayment(cmd, bill)) return accept();
  const negotiable = notNegotiable(bill);
  if (negotiable !== undefined) return refuse(negotiable);
  if (bill.status !== 'issued') return reject('conflict', 'not-issued', `a ${bill.status} bill cannot be endorsed`);
  if (bill.holder !== cmd.bank) return reject('conflict', 'not-holder', `${cmd.bank} does not hold the bill`);
  if (cmd.applicant === cmd.bank) return reject('rule', 'endorse-to-self', 'the applicant is the holding bank');
  return accept({
    type: 'waybill.endorsed',
    data: { from: cmd.bank, to: cmd.applicant, at: cmd.at, causationId: cmd.causationId },
  });
};
