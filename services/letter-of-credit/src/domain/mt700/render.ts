import type { CreditTerms, DocumentRequirement, LocalDate } from '@railbill/contracts';
import { type PartyDirectory, placeText, swiftText, toSwiftAmount, toYymmdd, wrap } from './format.ts';

export const AVAILABLE_BY = {
  sight_payment: 'BY PAYMENT',
  deferred_payment: 'BY DEF PAYMENT',
  acceptance: 'BY ACCEPTANCE',
  negotiation: 'BY NEGOTIATION',
} as const;
export const ALLOWANCE = { allowed: 'ALLOWED', not_allowed: 'NOT ALLOWED' } as const;
export const CONFIRMATION = { without: 'WITHOUT', confirm: 'CONFIRM', may_add: 'MAY ADD' } as const;
export const DOCUMENT_TITLES = {
  railway_bill_of_lading: 'ELECTRONIC RAILWAY BILL OF LADING',
  commercial_invoice: 'COMMERCIAL INVOICE ISSUED BY THE BENEFICIARY IN THE NAME OF THE APPLICANT',
  packing_list: 'PACKING LIST',
  certificate_of_origin: 'CERTIFICATE OF ORIGIN',
  insurance_document: 'INSURANCE DOCUMENT',
} as const;

export type Mt700Input = Readonly<{ terms: CreditTerms; issuedOn: LocalDate; parties: PartyDirectory }>;

const partyLines = (parties: PartyDirectory, id: string): string[] =>
  (parties[id]?.lines ?? [id]).map((l) => swiftText(l).slice(0, 35)).slice(0, 4);

const bicOf = (parties: PartyDirectory, id: string): string => parties[id]?.bic ?? 'XXXXXXXX';

const partyName = (parties: PartyDirectory, id: string): string => swiftText(parties[id]?.lines[0] ?? id);

const documentText = (doc: DocumentRequirement, input: Mt700Input): string => {
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
const items = (texts: readonly string[]): string[] => texts.flatMap((t) => wrap(`+${swiftText(t, 'z')}`, 65));

const field = (tag: string, lines: readonly string[]): string[] => {
  const [first = '', ...rest] = lines;
  return [`:${tag}:${first}`, ...rest];
};

/**
 * The credit in force rendered as the text of an MT700 (domain/mt700.md §2–§4): sender = issuing bank, receiver =
 * advising bank, 41A = nominated (else advising) bank, 58A = advising bank when confirmation is asked.
 */
export const renderMt700 = (input: Mt700Input): string => {
  const { terms, parties } = input;
  const tolerance = terms.tolerance;
  const confirming = terms.confirmation === 'without' ? [] : field('58A', [bicOf(parties, terms.advisingBank)]);
  const lines = [
    ...field('27', ['1/1']),
    ...field('40A', ['IRREVOCABLE']),
    ...field('20', [terms.number]),
    ...field('31C', [toYymmdd(input.issuedOn)]),
    ...field('40E', ['EUCP LATEST VERSION']),
    ...field('31D', [`${toYymmdd(terms.expiry.date)}${swiftText(terms.expiry.place).slice(0, 29)}`]),
    ...field('50', partyLines(parties, terms.applicant)),
    ...field('59', partyLines(parties, terms.beneficiary)),
    ...field('32B', [`${terms.amount.currency}${toSwiftAmount(terms.amount.amount)}`]),
    ...(tolerance === undefined
      ? []
      : field('39A', [
          `${String(tolerance.plusPercent).padStart(2, '0')}/${String(tolerance.minusPercent).padStart(2, '0')}`,
        ])),
    ...field('41A', [bicOf(parties, terms.nominatedBank ?? terms.advisingBank), AVAILABLE_BY[terms.availableBy]]),
    ...field('43P', [ALLOWANCE[terms.partialShipments]]),
    ...field('43T', [ALLOWANCE[terms.transshipment]]),
    ...field('44A', wrap(placeText(terms.placeOfReceipt ?? terms.placeOfDispatch), 140)),
    ...field('44B', wrap(placeText(terms.placeOfFinalDestination), 140)),
    ...field('44C', [toYymmdd(terms.latestShipmentDate)]),
    ...field('45A', items([terms.goodsDescription])),
    ...field('46A', items(terms.documentsRequired.map((d) => documentText(d, input)))),
    ...(terms.additionalConditions.length === 0 ? [] : field('47A', items(terms.additionalConditions))),
    ...field('48', [String(terms.presentationPeriodDays)]),
    ...field('49', [CONFIRMATION[terms.confirmation]]),
    ...confirming,
  ];
  const sender = `${bicOf(parties, terms.issuingBank).slice(0, 8)}AXXX`;
  const receiver = `${bicOf(parties, terms.advisingBank).slice(0, 8)}XXXX`;
  return `{1:F01${sender}0000000000}{2:I700${receiver}N}{4:\n${lines.join('\n')}\n-}`;
};
