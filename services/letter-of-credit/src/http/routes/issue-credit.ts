import { CreditIssueRequest } from '@railbill/contracts';
import type { RouteDeps } from '../routes.ts';

/** `POST /credits` (docs/contract.md §4): the issuing bank issues; `Idempotency-Key` makes retries safe; a taken number is 409. */
export const issueCredit = (deps: RouteDeps): void =>
  deps.create({
    summary: 'Issue a documentary credit (issuing bank)',
    body: CreditIssueRequest,
    command: (terms, { act, roles }) => ({
      type: 'issue',
      ...act,
      terms,
      roles: roles([terms.issuingBank, terms.advisingBank, terms.nominatedBank, terms.applicant, terms.beneficiary]),
    }),
  });
