import { type CreditChanges, decimal, type LcEvent, type LocalDate, type Money } from '@railbill/contracts';
import { applyCreditChanges } from '../credit-terms.ts';
import {
  MessageDoesNotFit,
  type PartyDirectory,
  partyLines,
  placeText,
  swiftText,
  toSwiftAmount,
  toYymmdd,
  wrap,
} from '../mt700/format.ts';
import {
  ALLOWANCE,
  AVAILABLE_BY,
  bicOf,
  CONFIRMATION,
  documentText,
  items,
  renderMt700Series,
  TENOR_FROM,
} from '../mt700/render.ts';
import type { Credit, Presentation } from '../state.ts';
import { type FinField, field, finMessage } from './fin.ts';

/** One SWIFT message of the credit's life (docs/swift-messages.md): its type, banks (party ids) and FIN text. */
export type BankMessage = Readonly<{ mt: string; sender: string; receiver: string; text: string }>;

/** 20/21 references (16x): the credit number, or a reference derived from a presentation id. */
const reference = (id: string): string => id.replaceAll('-', '').slice(-16).toUpperCase();
const amount = (m: Money): string => `${m.currency}${toSwiftAmount(m.amount)}`;
/**
 * 77J (70*50z): every discrepancy with its code, article and message; when that needs more than 70 lines, every
 * discrepancy by its code and article alone (the stable part), so the notice still lists each one (UCP 16(c)(ii)).
 */
const discrepancyLines = (discrepancies: readonly Readonly<{ code: string; article: string; message: string }>[]) => {
  const full = discrepancies.flatMap((d) =>
    wrap(swiftText(`${d.code} (UCP 600 ART. ${d.article}): ${d.message}`, 'z'), 50),
  );
  if (full.length <= 70) return full;
  return lines(
    discrepancies.map((d) => `${d.code} (UCP 600 ART. ${d.article})`),
    50,
    70,
    '77J',
  );
};

/** Lines of a narrative field (72Z 6*35z, 77J 70*50z), at most `max` of `width`. */
const lines = (texts: readonly string[], width: number, max: number, tag: string): string[] => {
  const out = texts.flatMap((t) => wrap(swiftText(t, 'z'), width));
  if (out.length > max) throw new MessageDoesNotFit(tag, `needs ${out.length} lines of ${width}, at most ${max}`);
  return out;
};

/** MT734 77B: the UCP 16(c)(iii) disposal as its code (docs/swift-messages.md). */
const DISPOSAL_CODES = {
  holding_pending_instructions: ['/HOLD/', 'DOCUMENTS HELD PENDING YOUR INSTRUCTIONS'],
  holding_until_waiver: ['/NOTIFY/', 'DOCUMENTS HELD UNTIL APPLICANT', 'WAIVER OR YOUR PRIOR INSTRUCTIONS'],
  returning: ['/RETURN/', 'DOCUMENTS BEING RETURNED'],
  per_previous_instructions: ['/PREVINST/', 'ACTING PER YOUR PREVIOUS INSTRUCTIONS'],
} as const;

/** MT752 23: what the issuing bank authorises (docs/swift-messages.md). */
const AUTHORISATION = {
  sight_payment: 'REIMBURSE',
  deferred_payment: 'REIMBURSE',
  acceptance: 'ACCEPT',
  negotiation: 'NEGOTIATE',
} as const;

const presentationOf = (credit: Credit, id: string): Presentation | undefined =>
  credit.presentations.find((p) => p.id === id);

/** MT707: the changes of a proposed amendment, in the message's field order; the note as 72Z. */
const amendmentFields = (credit: Credit, changes: CreditChanges, parties: PartyDirectory): FinField[] => {
  const next = applyCreditChanges(credit.terms, changes);
  const out: FinField[] = [];
  if (changes.expiry !== undefined)
    out.push(field('31D', [`${toYymmdd(next.expiry.date)}${swiftText(next.expiry.place).slice(0, 29)}`]));
  if (changes.beneficiary !== undefined)
    out.push(field('59', partyLines(parties[next.beneficiary], next.beneficiary, '59')));
  if (changes.amount !== undefined) {
    const [before, after] = [credit.terms.amount.amount, next.amount.amount];
    const delta = decimal.sub(after, before);
    if (delta.startsWith('-')) out.push(field('33B', [amount({ ...next.amount, amount: delta.slice(1) })]));
    else if (decimal.cmp(delta, '0') !== 0) out.push(field('32B', [amount({ ...next.amount, amount: delta })]));
  }
  if (changes.tolerance !== undefined && next.tolerance !== undefined)
    out.push(
      field('39A', [
        `${String(next.tolerance.plusPercent).padStart(2, '0')}/${String(next.tolerance.minusPercent).padStart(2, '0')}`,
      ]),
    );
  if (changes.availableBy !== undefined || changes.nominatedBank !== undefined)
    out.push(field('41A', [bicOf(parties, next.nominatedBank ?? next.advisingBank), AVAILABLE_BY[next.availableBy]]));
  if (changes.tenor !== undefined && next.tenor !== undefined)
    out.push(
      field(
        next.availableBy === 'acceptance' ? '42C' : '42P',
        wrap(`${next.tenor.days} DAYS AFTER ${TENOR_FROM[next.tenor.from]}`, 35),
      ),
    );
  if (changes.partialShipments !== undefined) out.push(field('43P', [ALLOWANCE[next.partialShipments]]));
  if (changes.transshipment !== undefined) out.push(field('43T', [ALLOWANCE[next.transshipment]]));
  if (changes.placeOfReceipt !== undefined || changes.placeOfDispatch !== undefined)
    out.push(field('44A', wrap(placeText(next.placeOfReceipt ?? next.placeOfDispatch), 140)));
  if (changes.placeOfFinalDestination !== undefined)
    out.push(field('44B', wrap(placeText(next.placeOfFinalDestination), 140)));
  if (changes.latestShipmentDate !== undefined) out.push(field('44C', [toYymmdd(next.latestShipmentDate)]));
  if (changes.goodsDescription !== undefined)
    out.push(field('45B', ['/REPALL/', ...items([next.goodsDescription])].slice(0, 100)));
  if (changes.documentsRequired !== undefined) {
    const input = { terms: next, issuedOn: credit.issuedOn, parties };
    out.push(
      field('46B', ['/REPALL/', ...items(next.documentsRequired.map((d) => documentText(d, input)))].slice(0, 100)),
    );
  }
  if (changes.additionalConditions !== undefined)
    out.push(field('47B', ['/REPALL/', ...items(next.additionalConditions)].slice(0, 100)));
  if (changes.presentationPeriodDays !== undefined) out.push(field('48', [String(next.presentationPeriodDays)]));
  if (changes.confirmation !== undefined) out.push(field('49', [CONFIRMATION[next.confirmation]]));
  return out;
};

export type MessageContext = Readonly<{
  /** The credit before the event (the state the event applies to); none before `lc.issued`. */
  credit: Credit | undefined;
  event: LcEvent;
  /** The LC date of the event (field 30, 31C). */
  on: LocalDate;
  parties: PartyDirectory;
}>;

/**
 * The messages one event of the credit's life produces, each in its direction (docs/swift-messages.md §2). A bank never sends itself a message: a step between a bank and itself (a presentation made
 * to the issuing bank directly) produces none. Throws MessageDoesNotFit naming a field that cannot fit.
 */
export const messagesFor = ({ credit, event, on, parties }: MessageContext): BankMessage[] => {
  if (event.type === 'lc.issued') {
    const { creditNumber: _c, issuedBy: _b, issuedOn, ...issuedTerms } = event.data;
    const series = renderMt700Series({ terms: issuedTerms, issuedOn, parties });
    return series.map((text, i) => ({
      mt: i === 0 ? 'MT700' : 'MT701',
      sender: issuedTerms.issuingBank,
      receiver: issuedTerms.advisingBank,
      text,
    }));
  }
  if (credit === undefined) return [];
  const { terms } = credit;
  const issuing = terms.issuingBank;
  // a bank without a BIC has no SWIFT address: the step is recorded, no message is written
  const message = (mt: string, sender: string, receiver: string, fields: () => readonly FinField[]): BankMessage[] => {
    const [from, to] = [parties[sender]?.bic, parties[receiver]?.bic];
    if (sender === receiver || from === undefined || to === undefined) return [];
    return [{ mt: `MT${mt}`, sender, receiver, text: finMessage(mt, from, to, fields()) }];
  };
  switch (event.type) {
    case 'lc.amendment_proposed': {
      const note = event.data.note === undefined ? [] : [field('72Z', lines([event.data.note], 35, 6, '72Z'))];
      return message('707', issuing, terms.advisingBank, () => [
        field('27', ['1/1']),
        field('20', [terms.number]),
        field('21', ['NONREF']),
        field('23', [terms.number]),
        field('31C', [toYymmdd(credit.issuedOn)]),
        field('26E', [String(event.data.n)]),
        field('30', [toYymmdd(on)]),
        field('22A', ['ISSU']),
        ...amendmentFields(credit, event.data.changes, parties),
        ...note,
      ]);
    }
    case 'lc.advised':
      return message('730', terms.advisingBank, issuing, () => [
        field('20', [terms.number]),
        field('21', [terms.number]),
        field('30', [toYymmdd(on)]),
        field('72Z', ['/BENACC/', 'CREDIT ADVISED TO THE BENEFICIARY']),
      ]);
    case 'lc.examined': {
      const p = presentationOf(credit, event.data.presentationId);
      if (event.data.result !== 'discrepant' || p === undefined) return [];
      return message('750', p.presentedTo, issuing, () => [
        field('20', [reference(p.id)]),
        field('21', [terms.number]),
        field('32B', [amount(p.invoice.amount)]),
        field('77J', discrepancyLines(event.data.discrepancies)),
      ]);
    }
    case 'lc.refused': {
      const p = presentationOf(credit, event.data.presentationId);
      if (p === undefined) return [];
      return message('734', event.data.by, p.presentedTo, () => [
        field('20', [terms.number]),
        field('21', [reference(p.id)]),
        field('32A', [`${toYymmdd(p.presentedOn)}${amount(p.invoice.amount)}`]),
        field('77J', discrepancyLines(event.data.discrepancies)),
        field('77B', [...DISPOSAL_CODES[event.data.disposal]]),
      ]);
    }
    case 'lc.discrepancies_waived': {
      const p = presentationOf(credit, event.data.presentationId);
      if (p === undefined) return [];
      return message('752', issuing, p.presentedTo, () => [
        field('20', [terms.number]),
        field('21', [reference(p.id)]),
        field('23', [AUTHORISATION[terms.availableBy]]),
        field('30', [toYymmdd(on)]),
        field('32B', [amount(p.invoice.amount)]),
        field('72Z', ['/PHONBEN/', 'DISCREPANCIES WAIVED BY APPLICANT']),
      ]);
    }
    case 'lc.honoured': {
      const p = presentationOf(credit, event.data.presentationId);
      if (p === undefined) return [];
      const maturity = event.data.maturityDate;
      return message('754', event.data.by, issuing, () => [
        field('20', [reference(p.id)]),
        field('21', [terms.number]),
        field(maturity === undefined ? '32B' : '32A', [
          maturity === undefined ? amount(event.data.amount) : `${toYymmdd(maturity)}${amount(event.data.amount)}`,
        ]),
      ]);
    }
    case 'lc.paid': {
      const p = presentationOf(credit, event.data.presentationId);
      if (p === undefined) return [];
      const honouredBy = p.presentedTo;
      return message('756', issuing, honouredBy, () => [
        field('20', [terms.number]),
        field('21', [reference(p.id)]),
        field('32B', [amount(event.data.amount)]),
        field('33A', [`${toYymmdd(on)}${amount(event.data.amount)}`]),
      ]);
    }
    default:
      return [];
  }
};
