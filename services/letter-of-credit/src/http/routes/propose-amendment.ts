import { CreditAmendmentRequest } from '@railbill/contracts';
import type { RouteDeps } from '../routes.ts';
import { AmendmentView, CreditIdParams } from '../schemas.ts';
import { toAmendmentView } from '../views.ts';

/** `POST /credits/{id}/amendments` (docs/contract.md §4/§8): the issuing bank proposes; 201 with the amendment `{ n, status, changes }`. */
export const proposeAmendment = (deps: RouteDeps): void =>
  deps.action({
    path: 'amendments',
    summary: 'Propose an amendment (issuing bank); the terms change only once the beneficiary accepts (UCP 10)',
    params: CreditIdParams,
    body: CreditAmendmentRequest,
    response: AmendmentView,
    command: (body, { act, roles }) => ({
      type: 'proposeAmendment',
      ...act,
      changes: body.changes,
      note: body.note,
      roles: roles([body.changes.advisingBank, body.changes.nominatedBank, body.changes.beneficiary]),
    }),
    created: ({ handled }, params) => `/credits/${params.id}/amendments/${handled.state.amendments.at(-1)?.n ?? 0}`,
    reply: ({ handled }) => {
      const amendment = handled.state.amendments.at(-1);
      if (amendment === undefined) throw new Error('a proposed amendment is missing from the credit');
      return toAmendmentView(amendment);
    },
  });
