import type { AvailableBy, CreditTerms, DocumentKind, DocumentRequirement, LocalDate } from '@railbill/contracts';
import { fromSwiftAmount, fromYymmdd, locodeIn, type PartyDirectory, swiftText } from './format.ts';
import { ALLOWANCE, AVAILABLE_BY, CONFIRMATION, DOCUMENT_TITLES } from './render.ts';

export type ParsedMt700 = Readonly<{ terms: CreditTerms; issuedOn: LocalDate }>;

/** Block 4 as tag → lines; a field runs until the next `:tag:` line or the closing `-}`. */
const fieldsOf = (text: string): Map<string, string[]> => {
  const fields = new Map<string, string[]>();
  let current: string[] | undefined;
  const body = text.slice(text.indexOf('{4:') + 3);
  for (const line of body.split(/\r?\n/)) {
    if (line === '-}') break;
    const tagged = /^:(\w{2,3}):(.*)$/.exec(line);
    if (tagged) {
      current = [tagged[2] ?? ''];
      fields.set(tagged[1] ?? '', current);
    } else current?.push(line);
  }
  return fields;
};

const invert = <K extends string>(map: Readonly<Record<K, string>>, value: string): K | undefined =>
  (Object.keys(map) as K[]).find((k) => map[k] === value);

/** Finds a party by BIC or by the first line of its name as rendered. */
const partyBy = (parties: PartyDirectory, probe: (entry: PartyDirectory[string]) => boolean): string | undefined =>
  Object.keys(parties).find((id) => {
    const entry = parties[id];
    return entry !== undefined && probe(entry);
  });

const byBic = (parties: PartyDirectory, bic: string) => partyBy(parties, (p) => p.bic?.slice(0, 8) === bic.slice(0, 8));
const byName = (parties: PartyDirectory, name: string) =>
  partyBy(parties, (p) => {
    const full = swiftText(p.lines[0] ?? '');
    return full === name.trim() || name.trim().startsWith(full);
  });

/** Items of 45A/46A/47A: lines joined, split on a leading `+`. */
const itemsOf = (lines: readonly string[] | undefined): string[] =>
  (lines ?? [])
    .join(' ')
    .split(/(?:^|\s)\+/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);

const documentOf = (item: string, parties: PartyDirectory): DocumentRequirement | undefined => {
  const kind = (Object.keys(DOCUMENT_TITLES) as DocumentKind[]).find((k) => item.startsWith(DOCUMENT_TITLES[k]));
  if (kind === undefined) return undefined;
  const toOrderOf = /MADE OUT TO ORDER OF ([^;]+)/.exec(item)?.[1];
  const originals = /IN (\d+) ORIGINALS/.exec(item)?.[1];
  const copies = /(\d+) COPIES/.exec(item)?.[1];
  const party = toOrderOf === undefined ? undefined : byName(parties, toOrderOf);
  return {
    kind,
    ...(originals === undefined ? {} : { originals: Number.parseInt(originals, 10) }),
    ...(copies === undefined ? {} : { copies: Number.parseInt(copies, 10) }),
    ...(party === undefined ? {} : { consignedToOrderOf: party }),
  };
};

const required = (fields: Map<string, string[]>, tag: string): string[] => {
  const lines = fields.get(tag);
  if (lines === undefined) throw new Error(`MT700 field ${tag} is missing`);
  return lines;
};

/**
 * Reads back an MT700 rendered by `renderMt700` with the same party directory. Narratives come back in upper case;
 * 44A gives `placeOfDispatch`, 41A `nominatedBank`. Throws on a text that lacks a mandatory field.
 */
export const parseMt700 = (text: string, parties: PartyDirectory): ParsedMt700 => {
  const fields = fieldsOf(text);
  const one = (tag: string) => required(fields, tag)[0] ?? '';
  const sender = /\{1:F01(\w{8})/.exec(text)?.[1] ?? '';
  const receiver = /\{2:I700(\w{8})/.exec(text)?.[1] ?? '';
  const [bank41 = '', by41 = ''] = required(fields, '41A');
  const amount = /^([A-Z]{3})(.+)$/.exec(one('32B'));
  const tolerance = fields.get('39A')?.[0]?.split('/');
  // 50/59: the name wraps over lines, the address follows
  const party = (tag: string) => byName(parties, required(fields, tag).join(' ')) ?? '';
  const terms = {
    number: one('20'),
    issuingBank: byBic(parties, sender) ?? '',
    advisingBank: byBic(parties, receiver) ?? '',
    nominatedBank: byBic(parties, bank41) ?? '',
    applicant: party('50'),
    beneficiary: party('59'),
    amount: { amount: fromSwiftAmount(amount?.[2] ?? ''), currency: amount?.[1] ?? '' },
    ...(tolerance === undefined
      ? {}
      : { tolerance: { plusPercent: Number(tolerance[0]), minusPercent: Number(tolerance[1]) } }),
    expiry: { date: fromYymmdd(one('31D').slice(0, 6)), place: one('31D').slice(6) },
    availableBy: invert(AVAILABLE_BY, by41) as AvailableBy,
    partialShipments: invert(ALLOWANCE, one('43P')),
    transshipment: invert(ALLOWANCE, one('43T')),
    placeOfDispatch: locodeIn(required(fields, '44A').join(' ')) ?? '',
    placeOfFinalDestination: locodeIn(required(fields, '44B').join(' ')) ?? '',
    latestShipmentDate: fromYymmdd(one('44C')),
    goodsDescription: itemsOf(fields.get('45A')).join(' '),
    documentsRequired: itemsOf(fields.get('46A')).flatMap((item) => documentOf(item, parties) ?? []),
    additionalConditions: itemsOf(fields.get('47A')),
    presentationPeriodDays: Number.parseInt(fields.get('48')?.[0] ?? '21', 10),
    confirmation: invert(CONFIRMATION, one('49')),
  } as CreditTerms;
  return { terms, issuedOn: fromYymmdd(one('31C')) };
};
