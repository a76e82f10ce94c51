import { accept, type Decision, reject, type WaybillEvent } from '@railbill/contracts';
import { isNamedCarrier } from '../authority.ts';
import type { RejectAmendmentRequest } from '../commands.ts';
import { notIssued, refuse } from '../refuse.ts';
import type { Bill } from '../state.ts';

/** docs/contract.md §3: the carrier answers an open amendment request with `amend` or a rejection. */
export const rejectAmendmentRequest = (cmd: RejectAmendmentRequest, bill: Bill): Decision<WaybillEvent> => {
  if (!isNamedCarrier(cmd.by, bill))
    return reject('forbidden', 'not-carrier', 'only the named carrier answers amendment requests');
  const request = bill.amendmentRequests.find((r) => r.n === cmd.n);
  if (request === undefined) return reject('not_found', 'amendment-request-not-found', `no request ${cmd.n}`);
  const issued = notIssued(bill, 'takes no answer to amendment requests');
  if (issued !== undefined) return refuse(issued);
  if (request.status !== 'requested')
    return reject('conflict', 'amendment-request-closed', `request ${request.n} is ${request.status}`);
  return accept({
    type: 'waybill.amendment_rejected',
    data: { n: cmd.n, rejectedBy: cmd.by.id, ...(cmd.reason === undefined ? {} : { reason: cmd.reason }) },
  });
};
