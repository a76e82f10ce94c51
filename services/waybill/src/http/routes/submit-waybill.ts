import { WaybillSubmission } from '@railbill/contracts';
import { rolesOfContent } from '../changes.ts';
import type { RouteDeps } from '../routes.ts';

/** `POST /waybills` (docs/contract.md §3): the shipper submits; `Idempotency-Key` makes retries safe. */
export const submitWaybill = (deps: RouteDeps): void =>
  deps.create({
    summary: 'Submit a waybill or railway bill of lading',
    body: WaybillSubmission,
    command: (content, { act, loaded }) => ({
      type: 'submit',
      waybillId: loaded.id,
      content,
      roles: rolesOfContent(content, deps.parties),
      ...act,
    }),
  });
