import { type Party, Rejected } from '@railbill/platform';

/** docs/contract.md §2: the console is the operators' read-only view; any other role named by a valid token gets 403. */
export const requireOperator = (party: Party): void => {
  if (party.role !== 'operator')
    throw new Rejected({ kind: 'forbidden', code: 'operator-only', detail: 'the console is for operators only' });
};
