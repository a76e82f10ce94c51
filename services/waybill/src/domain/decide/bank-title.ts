import { accept, type Decision, type PartyId, reject, type WaybillEvent } from '@railbill/contracts';
import { holderEntitled, titleOpenProblem } from '../authority.ts';
import type { ForwardToIssuingBank, ReleaseToApplicant, ReturnToPresenter } from '../commands.ts';
import { refuse } from '../refuse.ts';
import type { Bill } from '../state.ts';

/** An act this event already caused is in the chain: a redelivered event changes nothing. */
export const alreadyCaused = (causationId: string, bill: Bill): boolean =>
  bill.endorsements.some((e) => e.causationId === causationId);

/** Passes the bill on from the party that holds it: a special endorsement when it is the order party, else a transfer. */
const passOn = (bill: Bill, from: PartyId, to: PartyId, at: string, causationId: string): WaybillEvent =>
  bill.orderOf === from
    ? { type: 'waybill.endorsed', data: { from, to, at, causationId } }
    : { type: 'waybill.transferred', data: { from, to, at, causationId } };

/** `lc.documents_forwarded` (docs/title.md "Banks and title"): the nominated bank's bill goes to the issuing bank. */
export const forwardToIssuingBank = (cmd: ForwardToIssuingBank, bill: Bill): Decision<WaybillEvent> => {
  const open = titleOpenProblem(bill, 'forwarded');
  if (open !== undefined) return refuse(open);
  // the bill was presented to the issuing bank directly: it is already where the forward would take it
  if (bill.holder === cmd.to) return accept();
  if (bill.holder !== cmd.from) return reject('conflict', 'not-holder', `${cmd.from} does not hold the bill`);
  if (bill.pledge !== null) return reject('conflict', 'pledged', 'a pledged bill is not forwarded');
  return accept(passOn(bill, cmd.from, cmd.to, cmd.at, cmd.causationId));
};

/** `lc.refused` with disposal `returning`: the bank of the credit holding the bill transfers it back to the presenter. */
export const returnToPresenter = (cmd: ReturnToPresenter, bill: Bill): Decision<WaybillEvent> => {
  const open = titleOpenProblem(bill, 'returned');
  if (open !== undefined) return refuse(open);
  const holder = bill.holder;
  if (holder === undefined || !cmd.banks.includes(holder))
    return reject('conflict', 'not-with-bank', 'no bank of the credit holds the bill');
  if (holder === cmd.presenter) return accept();
  const data = { from: holder, to: cmd.presenter, at: cmd.at, causationId: cmd.causationId };
  return accept({ type: 'waybill.transferred', data });
};

/** The code of a release that must wait until a bank of the credit is the bill's entitled holder. */
export const RELEASE_WAITS = 'release-waits';

/**
 * `lc.paid`: the bank of the credit that is the bill's entitled holder endorses it to the applicant (transfers it, for a
 * bearer bill). While no such bank is, the release waits (RELEASE_WAITS) and the caller keeps it pending.
 */
export const releaseToApplicant = (cmd: ReleaseToApplicant, bill: Bill): Decision<WaybillEvent> => {
  const open = titleOpenProblem(bill, 'released');
  if (open !== undefined) return refuse(open);
  const holder = bill.holder;
  if (holder === undefined || !cmd.banks.includes(holder) || !holderEntitled(bill))
    return reject('conflict', RELEASE_WAITS, 'no bank of the credit is the entitled holder of the bill yet');
  if (holder === cmd.applicant) return accept();
  return accept(passOn(bill, holder, cmd.applicant, cmd.at, cmd.causationId));
};
