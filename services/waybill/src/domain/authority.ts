import { type DomainError, isEntitled } from '@railbill/contracts';
import type { Actor, Role } from './commands.ts';
import { notIssued } from './refuse.ts';
import { type Bill, titleOf } from './state.ts';

/** Roles that may hold title (endorsees). A carrier, customs or an operator never holds a bill. */
export const titleRoles: readonly Role[] = ['shipper', 'consignee', 'bank'];

export const isShipper = (by: Actor, bill: Bill): boolean => by.id === bill.content.shipper;

export const isNamedCarrier = (by: Actor, bill: Bill): boolean => by.id === bill.content.carrier;

export const isLegCarrier = (by: Actor, bill: Bill, sequence: number): boolean =>
  bill.content.legs.some((leg) => leg.sequence === sequence && leg.carrier === by.id);

/**
 * docs/architecture.md §3: a party whose role can never hold title gets `forbidden`; a party that could hold it (or did) but does
 * not now gets `conflict` — holding is state.
 */
export const holderProblem = (by: Actor, bill: Bill): DomainError | undefined => {
  if (bill.holder === by.id) return undefined;
  if (!titleRoles.includes(by.role))
    return { kind: 'forbidden', code: 'not-holder', detail: `a ${by.role} never holds a bill` };
  return { kind: 'conflict', code: 'not-holder', detail: 'only the current holder may do this' };
};

export const notNegotiable = (bill: Bill): DomainError | undefined =>
  bill.content.type === 'bill_of_lading'
    ? undefined
    : { kind: 'rule', code: 'not-negotiable', detail: 'a straight waybill has no holder to change' };

/** May the holder exercise the bill's rights (docs/title.md "entitled")? */
export const holderEntitled = (bill: Bill): boolean => isEntitled(bill.content.type, titleOf(bill));

/**
 * docs/title.md: only the entitled holder endorses, pledges, instructs, requests an amendment or surrenders. A holder
 * that is not entitled (or a pledgor, or a pledgee) gets `conflict`: entitlement is state, like holding.
 */
export const entitledProblem = (by: Actor, bill: Bill): DomainError | undefined => {
  if (bill.pledge !== null && bill.pledge !== undefined && bill.pledge.pledgor === by.id)
    return { kind: 'conflict', code: 'pledged', detail: 'the bill is pledged: the pledgor cannot act on it' };
  const holding = holderProblem(by, bill);
  if (holding !== undefined) return holding;
  if (bill.pledge !== null && bill.pledge !== undefined)
    return {
      kind: 'conflict',
      code: 'pledged',
      detail: 'a pledgee can only release the pledge, enforce it or reject it',
    };
  if (!holderEntitled(bill))
    return {
      kind: 'conflict',
      code: 'not-entitled',
      detail: `the holder holds the bill for ${bill.orderOf}, its order party, and can only transfer it`,
    };
  return undefined;
};

/** A title act needs an issued bill of lading (422 for a straight waybill, 409 for a bill in another state). */
export const titleOpenProblem = (bill: Bill, what: string): DomainError | undefined =>
  notNegotiable(bill) ?? notIssued(bill, `cannot be ${what}`);

/** The party a title act hands the bill to must be a known party that can hold title, other than the holder. */
export const receiverProblem = (
  to: string,
  toRole: Role | undefined,
  bill: Bill,
  roles: readonly Role[] = titleRoles,
): DomainError | undefined => {
  if (to === bill.holder) return { kind: 'rule', code: 'to-self', detail: 'the receiver must differ from the holder' };
  if (toRole === undefined) return { kind: 'rule', code: 'unknown-party', detail: `${to} is not a known party` };
  if (!roles.includes(toRole))
    return {
      kind: 'rule',
      code: 'receiver-role',
      detail: `a ${toRole} cannot receive this (only ${roles.join(', ')})`,
    };
  return undefined;
};
