import type { Parties } from '@railbill/platform';
import { type BillFacts, billPartiesOf } from './domain/bill-facts.ts';
import type { AeoFlags } from './domain/commands.ts';

/** AEO status of the bill's parties, from the parties file (docs/contract.md §2 `aeo`); what lodging commands carry. */
export const aeoFlagsOf = (bill: BillFacts, parties: Parties): AeoFlags =>
  Object.fromEntries(
    [...billPartiesOf(bill), ...(bill.holder === null ? [] : [bill.holder])].map((id) => [
      id,
      parties.byId(id)?.aeo === true,
    ]),
  );

/** The shipper's country in the parties file (docs/contract.md §2 `country`): the goods' default origin. */
export const shipperCountryOf = (bill: BillFacts, parties: Parties): string | undefined =>
  parties.byId(bill.content.shipper)?.country;
