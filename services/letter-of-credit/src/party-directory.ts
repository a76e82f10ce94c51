import type { Parties } from '@railbill/platform';
import type { PartyDirectory } from './domain/mt700/format.ts';

/** docs/swift-messages.md: a party shows as its name and address lines (parties file) and, for a bank, its BIC. */
export const directoryOf = (parties: Parties): PartyDirectory =>
  Object.fromEntries(
    parties.all.map((p) => {
      const lines = [p.name, ...(p.address ?? [])];
      return [p.id, p.bic === undefined ? { lines } : { lines, bic: p.bic }];
    }),
  );
