import { DutiesPaymentRequest } from '@railbill/contracts';
import type { RouteDeps } from '../routes.ts';

/**
 * `POST /declarations/{id}/payment` (docs/contract.md §5): the importer paid or guaranteed duty and VAT; releases a
 * waiting import.
 */
export const payDuties = (deps: RouteDeps): void =>
  deps.action({
    path: 'payment',
    summary: 'Record that the importer paid or guaranteed the duty and VAT; an import waiting only for it is released',
    body: DutiesPaymentRequest,
    command: (body, { declarationId, at, by }) => ({
      type: 'payDuties',
      declarationId,
      at,
      by,
      method: body.method,
      reference: body.reference,
    }),
  });
