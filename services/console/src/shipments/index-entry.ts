import type { ShipmentSummary } from '../timeline/summarize.ts';

/** What needs an operator on a shipment, as stored flags (the attention panel adds deadlines, dead letters, lag). */
export type AttentionFlag =
  | 'declaration_held'
  | 'declaration_under_control'
  | 'bill_stopped'
  | 'instruction_open'
  | 'presentation_open';

/** The search columns and attention flags of one shipment, derived from its summary (pure). */
export type IndexEntry = Readonly<{
  billNumber: string | null;
  status: string | null;
  containers: string[];
  creditNumbers: string[];
  parties: string[];
  places: string[];
  attention: AttentionFlag[];
  decisionDeadline: string | null;
}>;

const uniq = (xs: readonly (string | null | undefined)[]): string[] =>
  [...new Set(xs.filter((x): x is string => typeof x === 'string' && x !== ''))].sort();

/** A presentation waits for a decision until it is honoured, refused, forwarded or paid. */
const DECIDED = new Set(['honoured', 'refused', 'forwarded', 'paid']);

export const indexEntry = (s: ShipmentSummary): IndexEntry => {
  const c = s.content;
  const open = s.credits.flatMap((cr) =>
    cr.presentations.filter((p) => !DECIDED.has(p.status) && p.decisionDeadline !== undefined),
  );
  const deadline = open.map((p) => p.decisionDeadline as string).sort()[0] ?? null;
  const attention: AttentionFlag[] = [];
  if (s.declarations.some((d) => d.status === 'held')) attention.push('declaration_held');
  if (s.declarations.some((d) => d.status === 'under_control')) attention.push('declaration_under_control');
  if (s.stopped) attention.push('bill_stopped');
  if (s.instructions.some((i) => i.status === 'requested')) attention.push('instruction_open');
  if (open.length > 0) attention.push('presentation_open');
  return {
    billNumber: s.billNumber,
    status: s.status,
    containers: uniq((c?.goods ?? []).map((g) => g.containerNumber?.toUpperCase())),
    creditNumbers: uniq([c?.creditNumber, ...s.credits.map((cr) => cr.number)]),
    parties: uniq([
      c?.shipper,
      c?.consignee,
      c?.toOrderOf,
      c?.notifyParty,
      c?.carrier,
      ...(c?.legs ?? []).map((l) => l.carrier),
      ...s.holders.map((h) => h.holder),
      ...s.credits.flatMap((cr) => [cr.applicant, cr.beneficiary, cr.issuingBank, cr.nominatedBank]),
    ]),
    places: uniq([
      c?.placeOfReceipt,
      c?.placeOfDelivery,
      ...(c?.legs ?? []).flatMap((l) => [l.from, l.to, ...(l.borderCrossings ?? []).map((b) => b.station)]),
      ...s.declarations.flatMap((d) => [d.office, d.destinationOffice]),
    ]),
    attention,
    decisionDeadline: deadline,
  };
};
