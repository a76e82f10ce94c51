import { z } from 'zod';
import { assertNever } from '../decision.ts';
import type { LcEvent } from '../events/lc.ts';

/** docs/contract.md §4: a credit's status, as the credit service and any consumer of `lc.events.v1` know it. */
export const CreditStatus = z.enum([
  'issued',
  'advised',
  'presented',
  'complying',
  'discrepant',
  'honoured',
  'refused',
  'paid',
  'closed',
  'expired',
]);
export type CreditStatus = z.infer<typeof CreditStatus>;

/**
 * Folds one credit event into the credit's status; `undefined` before the first event seen. A closed credit stays
 * closed (nothing follows it: the credit is terminal, docs/contract.md §4); amendments and the forwarding of the
 * documents leave the status as it was.
 */
export const evolveCreditStatus = (status: CreditStatus | undefined, event: LcEvent): CreditStatus => {
  const previous = status ?? 'issued';
  if (previous === 'closed' && event.type !== 'lc.closed') return previous;
  switch (event.type) {
    case 'lc.issued':
      return 'issued';
    case 'lc.advised':
      return 'advised';
    case 'lc.presented':
      return 'presented';
    case 'lc.examined':
      return event.data.result;
    case 'lc.discrepancies_waived':
      return 'complying';
    case 'lc.honoured':
      return 'honoured';
    case 'lc.refused':
      return 'refused';
    case 'lc.paid':
      return 'paid';
    case 'lc.closed':
      return 'closed';
    case 'lc.expired':
      return 'expired';
    case 'lc.amendment_proposed':
    case 'lc.amendment_accepted':
    case 'lc.amendment_rejected':
    case 'lc.documents_forwarded':
      return previous;
    default:
      return assertNever(event);
  }
};
