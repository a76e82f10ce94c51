import { accept, type Decision, reject, type WaybillEvent } from '@railbill/contracts';
import { isNamedCarrier } from '../authority.ts';
import type { Issue } from '../commands.ts';
import type { Bill } from '../state.ts';

/** docs/contract.md §3: only the named carrier issues; the shipper becomes the first holder; the carrier may add clauses. */
export const issue = (cmd: Issue, bill: Bill): Decision<WaybillEvent> => {
  if (!isNamedCarrier(cmd.by, bill))
    return reject('forbidden', 'not-carrier', 'only the named carrier issues the bill');
  if (bill.status !== 'submitted')
    return reject('conflict', 'already-issued', `a ${bill.status} bill cannot be issued`);
  return accept({
    type: 'waybill.issued',
    data: {
      billNumber: cmd.billNumber,
      issuedBy: cmd.by.id,
      holder: bill.content.shipper,
      at: cmd.at,
      ...(cmd.clauses === undefined || cmd.clauses.length === 0 ? {} : { clauses: [...cmd.clauses] }),
    },
  });
};
