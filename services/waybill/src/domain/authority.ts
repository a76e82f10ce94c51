import type { DomainError } from '@railbill/contracts';
import type { Actor, Role } from './commands.ts';
import type { Bill } from './state.ts';

/** Roles that may hold title (endorsees). A carrier, customs or an operator never holds a bill. */
export const titleRoles: readonly Role[] = ['shipper', 'consignee', 'bank'];

export const isShipper = (by: Actor, bill: Bill): boolean => by.id === bill.content.shipper;

export const isNamedCarrier = (by: Actor, bill: Bill): boolean => by.id === bill.content.carrier;

export const isLegCarrier = (by: Actor, bill: Bill, sequence: number): boolean =>
  bill.content.legs.some((leg) => leg.sequence === sequence && leg.carrier === by.id);

/**
 * STYLE §3: a party whose role can never hold title gets `forbidden`; a party that could hold it (or did) but does
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
