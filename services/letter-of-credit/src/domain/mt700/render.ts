import type { CreditTerms, DocumentRequirement, LocalDate } from '@railbill/contracts';
import { type FinField, field, finMessage } from '../messages/fin.ts';
import {
  MessageDoesNotFit,
  type PartyDirectory,
  partyLines,
  placeText,
  swiftName,
  swiftText,
  toSwiftAmount,
  toYymmdd,
  wrap,
} from './format.ts';

export const AVAILABLE_BY = {
  sight_payment: 'BY PAYMENT',
  deferred_payment: 'BY DEF PAYMENT',
  acceptance: 'BY ACCEPTANCE',
  negotiation: 'BY NEGOTIATION',
} as const;
export const ALLOWANCE = { allowed: 'ALLOWED', not_allowed: 'NOT ALLOWED' } as const;
export const CONFIRMATION = { without: 'WITHOUT', confirm: 'CONFIRM', may_add: 'MAY ADD' } as const;
export const TENOR_FROM = { shipment: 'SHIPMENT DATE', presentation: 'PRESENTATION', sight: 'SIGHT' } as const;
export const DOCUMENT_TITLES = {
  railway_bill_of_lading: 'ELECTRONIC RAILWAY BILL OF LADING',
  commercial_invoice: 'COMMERCIAL INVOICE ISSUED BY THE BENEFICIARY IN THE NAME OF THE APPLICANT',
  packing_list: 'PACKING LIST',
  certificate_of_origin: 'CERTIFICATE OF ORIGIN',
  insurance_document: 'INSURANCE DOCUMENT',
} as const;

export type Mt700Input = Readonly<{ terms: CreditTerms; issuedOn: LocalDate; parties: PartyDirectory }>;

/** docs/swift-messages.md §1: 45A/46A/47A carry at most 100 lines of 65 per message; MT701s carry the rest (up to 8 in all). */
export const NARRATIVE_LINES = 100;
export const MAX_MESSAGES = 8;

export const bicOf = (parties: PartyDirectory, id: string): string => {
  const bic = parties[id]?.bic;
  if (bic === undefined) throw new MessageDoesNotFit('BIC', `bank ${id} has no BIC in the parties file`);
  return bic;
};

const partyName = (parties: PartyDirectory, id: string): string => swiftName(parties[id]?.lines[0] ?? id, '46A');

export const documentText = (doc: DocumentRequirement, input: Mt700Input): string => {
  const { terms, parties } = input;
  const parts: string[] = [DOCUMENT_TITLES[doc.kind]];
  if (doc.kind === 'railway_bill_of_lading')
    parts[0] += ` COVERING CARRIAGE FROM ${placeText(terms.placeOfReceipt ?? terms.placeOfDispatch)} TO ${placeText(terms.placeOfFinalDestination)}`;
  if (doc.consignedToOrderOf !== undefined)
    parts.push(`MADE OUT TO ORDER OF ${partyName(parties, doc.consignedToOrderOf)}`);
  if (doc.originals !== undefined) parts.push(`IN ${doc.originals} ORIGINALS`);
  if (doc.copies !== undefined) parts.push(`${doc.copies} COPIES`);
  return parts.join('; ');
};

/** 45A/46A/47A items: each starts with `+`, lines of 65 (z set). */
export const items = (texts: readonly string[]): string[] => texts.flatMap((t) => wrap(`+${swiftText(t, 'z')}`, 65));

/** 42C + 42a (acceptance: drafts at … drawn on the issuing bank) or 42P (deferred payment), docs/swift-messages.md §3. */
const tenorFields = (terms: CreditTerms, parties: PartyDirectory): FinField[] => {
  if (terms.tenor === undefined) return [];
  const text = `${terms.tenor.days} DAYS AFTER ${TENOR_FROM[terms.tenor.from]}`;
  if (terms.availableBy === 'acceptance')
    return [field('42C', wrap(text, 35)), field('42A', [bicOf(parties, terms.issuingBank)])];
  return [field('42P', wrap(text, 35))];
};

const chunks = (lines: readonly string[]): string[][] => {
  const out: string[][] = [];
  for (let i = 0; i < lines.length; i += NARRATIVE_LINES) out.push(lines.slice(i, i + NARRATIVE_LINES));
  return out;
};

/**
 * The credit in force as an MT700 and its MT701 continuations (docs/swift-messages.md §3):
 * sender = issuing bank, receiver = advising bank, 41A = nominated (else advising) bank, 58A = advising bank when
 * confirmation is asked. Names and addresses wrap; what cannot fit throws MessageDoesNotFit naming the field.
 */
export const renderMt700Series = (input: Mt700Input): string[] => {
  const { terms, parties } = input;
  const tolerance = terms.tolerance;
  const goods = chunks(items([terms.goodsDescription]));
  const documents = chunks(items(terms.documentsRequired.map((d) => documentText(d, input))));
  const conditions = chunks(items(terms.additionalConditions));
  const total = Math.max(1, goods.length, documents.length, conditions.length);
  if (total > MAX_MESSAGES)
    throw new MessageDoesNotFit('45A/46A/47A', `needs ${total} messages, at most ${MAX_MESSAGES} (MT700 + 7 MT701)`);
  const place = swiftText(terms.expiry.place);
  if (place.length > 29) throw new MessageDoesNotFit('31D', 'the place of expiry is longer than 29 characters');
  const narrative = (tag: string, parts: string[][], i: number): FinField[] =>
    parts[i] === undefined || parts[i].length === 0 ? [] : [field(tag, parts[i])];
  const sender = bicOf(parties, terms.issuingBank);
  const receiver = bicOf(parties, terms.advisingBank);
  const confirming = terms.confirmation === 'without' ? [] : [field('58A', [bicOf(parties, terms.advisingBank)])];
  const mt700: FinField[] = [
    field('27', [`1/${total}`]),
    field('40A', ['IRREVOCABLE']),
    field('20', [terms.number]),
    field('31C', [toYymmdd(input.issuedOn)]),
    field('40E', ['EUCP LATEST VERSION']),
    field('31D', [`${toYymmdd(terms.expiry.date)}${place}`]),
    field('50', partyLines(parties[terms.applicant], terms.applicant, '50')),
    field('59', partyLines(parties[terms.beneficiary], terms.beneficiary, '59')),
    field('32B', [`${terms.amount.currency}${toSwiftAmount(terms.amount.amount)}`]),
    ...(tolerance === undefined
      ? []
      : [
          field('39A', [
            `${String(tolerance.plusPercent).padStart(2, '0')}/${String(tolerance.minusPercent).padStart(2, '0')}`,
          ]),
        ]),
    field('41A', [bicOf(parties, terms.nominatedBank ?? terms.advisingBank), AVAILABLE_BY[terms.availableBy]]),
    ...tenorFields(terms, parties),
    field('43P', [ALLOWANCE[terms.partialShipments]]),
    field('43T', [ALLOWANCE[terms.transshipment]]),
    field('44A', wrap(placeText(terms.placeOfReceipt ?? terms.placeOfDispatch), 140)),
    field('44B', wrap(placeText(terms.placeOfFinalDestination), 140)),
    field('44C', [toYymmdd(terms.latestShipmentDate)]),
    ...narrative('45A', goods, 0),
    ...narrative('46A', documents, 0),
    ...narrative('47A', conditions, 0),
    field('48', [String(terms.presentationPeriodDays)]),
    field('49', [CONFIRMATION[terms.confirmation]]),
    ...confirming,
  ];
  const continuations = Array.from({ length: total - 1 }, (_, k) => {
    const i = k + 1;
    return finMessage('701', sender, receiver, [
      field('27', [`${i + 1}/${total}`]),
      field('20', [terms.number]),
      ...narrative('45A', goods, i),
      ...narrative('46A', documents, i),
      ...narrative('47A', conditions, i),
    ]);
  });
  return [finMessage('700', sender, receiver, mt700), ...continuations];
};

/** The MT700 alone (the first message of the series). */
export const renderMt700 = (input: Mt700Input): string => renderMt700Series(input)[0] ?? '';
