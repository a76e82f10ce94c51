import { type BillSummary, type Locode, type PartyId, samePlace } from '@railbill/contracts';
import { type Tariff, territoryOf } from './duties/tariff.ts';

/**
 * What customs reads of a bill, folded from the waybill events it consumed (docs/contract.md §5: never by calling the
 * waybill service) by the public fold of contracts (`evolveBillSummary`): content (goods, places, parties, type, legs),
 * title, status, bill number.
 */
export type BillFacts = Omit<BillSummary, 'issuedAt' | 'endorsements' | 'firstDeparture' | 'clauses' | 'signature'>;

/** The parties named on the bill who may read its declarations (banks holding title excepted, see access.ts). */
export const billPartiesOf = ({ content }: BillFacts): PartyId[] => {
  const named = [content.shipper, content.consignee, content.notifyParty, content.carrier];
  return [...new Set([...named, ...content.legs.map((l) => l.carrier)].filter((p): p is PartyId => p !== undefined))];
};

/**
 * docs/customs.md: Union transit opens at the border crossing into the customs territory of the place of delivery
 * (PLMAA for a bill to DEDUI), not at crossings between third countries (CNAKL, BYBQT) nor at the destination itself.
 * Answers the offices of a transit `border_crossed` at `station` opens, or undefined when it opens none.
 */
export const transitFor = (
  facts: BillFacts,
  station: Locode,
  tariff: Tariff,
): Readonly<{ office: Locode; destinationOffice: Locode }> | undefined => {
  const destination = facts.content.placeOfDelivery;
  const entered = territoryOf(tariff, station);
  if (entered === undefined || samePlace(station, destination)) return undefined;
  return entered.id === territoryOf(tariff, destination)?.id
    ? { office: station, destinationOffice: destination }
    : undefined;
};
