import {
  type CreditTerms,
  type Invoice,
  type LocalDate,
  localDateIn,
  type Money,
  type PresentedDocument,
} from '@railbill/contracts';
import type { BankingCalendar } from '../banking-days.ts';
import type { BillView } from './bill-view.ts';

/** An earlier presentation under the same credit that was not refused (a drawing, UCP 30/31). */
export type EarlierDrawing = Readonly<{ waybillId: string; amount: Money }>;

/**
 * What the parties file and the consumed events say of the bill's carrier: whether it is a party with role carrier,
 * and its known key ids (configured `signingKey`, else the first key consumed with its bills).
 */
export type CarrierFacts = Readonly<{
  isCarrier: boolean;
  keyIds: readonly string[];
  /** Why the bill's signature fails (checked at the edge with the key it came with), undefined when it verifies. */
  signatureProblem: string | undefined;
}>;

/** Everything a rule may look at: `C`, `P`, `I`, `B` of docs/ucp600.md, plus the examining bank's calendar. */
export type ExaminationInput = Readonly<{
  terms: CreditTerms;
  presentation: Readonly<{ waybillId: string; invoice: Invoice; documents: readonly PresentedDocument[] }>;
  bill: BillView | undefined;
  presentedOn: LocalDate;
  /** Fallback zone of the shipment date when the place's zone is unknown. */
  timeZone: string;
  calendar: BankingCalendar;
  earlier: readonly EarlierDrawing[];
  carrier: CarrierFacts;
}>;

/** The article a check cites may depend on which transport article fits the bill (ISBP 745 D1). */
export type TransportArticle = '19' | '24';

export type Rule = Readonly<{
  code: string;
  article: string | ((transport: TransportArticle) => string);
  /** A message when the presentation is discrepant on this point; undefined when it complies. */
  check: (input: ExaminationInput) => string | undefined;
}>;

/** ISBP 745 D1: a bill covering two or more modes is multimodal (art. 19); a single land mode is art. 24. */
export const transportArticle = (bill: BillView | undefined): TransportArticle =>
  new Set(bill?.legs.map((l) => l.mode) ?? []).size > 1 || bill?.legs.some((l) => l.mode === 'sea') ? '19' : '24';

/** Time zones of the countries on railbill's routes (docs/codes.md), by the UN/LOCODE's country. */
const zoneByCountry: Readonly<Record<string, string>> = {
  CN: 'Asia/Shanghai',
  KZ: 'Asia/Almaty',
  RU: 'Europe/Moscow',
  BY: 'Europe/Minsk',
  PL: 'Europe/Warsaw',
  DE: 'Europe/Berlin',
  NL: 'Europe/Amsterdam',
  SG: 'Asia/Singapore',
};

export const timeZoneOf = (locode: string, fallback: string): string => zoneByCountry[locode.slice(0, 2)] ?? fallback;

/**
 * docs/ucp600.md shipDate(B): local date (zone of the milestone's place) of the earliest `gate_in`, `loaded` or
 * `departed` on leg 1; with none, the issue date at the place of receipt (19(a)(ii)/24(a)(ii), eUCP e11). Null when
 * neither is known.
 */
export const shipmentDate = (bill: BillView, fallbackZone: string): LocalDate | null => {
  if (bill.firstDeparture !== null)
    return localDateIn(bill.firstDeparture.at, timeZoneOf(bill.firstDeparture.location, fallbackZone));
  if (bill.issuedAt !== null) return localDateIn(bill.issuedAt, timeZoneOf(bill.placeOfReceipt, fallbackZone));
  return null;
};

/** Bill facts mean something only for a bill that exists and was issued (other states have their own codes). */
export const issuedBill = (input: ExaminationInput): BillView | undefined =>
  input.bill !== undefined && input.bill.status !== 'submitted' && input.bill.status !== 'void'
    ? input.bill
    : undefined;

/** The issued bill (if any) and what the credit requires of a railway bill of lading (if it asks for one; 46A). */
export const billAndRequirement = (input: ExaminationInput) => ({
  bill: issuedBill(input),
  requirement: input.terms.documentsRequired.find((d) => d.kind === 'railway_bill_of_lading'),
});
