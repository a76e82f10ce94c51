import { knownLocodes, type LocalDate } from '@railbill/contracts';

/** How a party appears in a message: name then address lines (50, 59) and, for a bank, its BIC (41A, 58A). */
export type PartyDirectory = Readonly<Record<string, Readonly<{ lines: readonly string[]; bic?: string }>>>;

/** docs/swift-messages.md: YYMMDD (2026-04-15 → 260415); railbill credits are 21st-century. */
export const toYymmdd = (date: LocalDate): string => date.slice(2).replaceAll('-', '');
export const fromYymmdd = (yymmdd: string): LocalDate =>
  `20${yymmdd.slice(0, 2)}-${yymmdd.slice(2, 4)}-${yymmdd.slice(4, 6)}`;

/** 32B, 33A, 33B: decimal comma always, never a point: `1248000.00` → `1248000,00`, `1248000` → `1248000,`. */
export const toSwiftAmount = (amount: string): string =>
  amount.includes('.') ? amount.replace('.', ',') : `${amount},`;
export const fromSwiftAmount = (amount: string): string => {
  const [whole = '0', fraction = ''] = amount.split(',');
  return fraction === '' ? whole : `${whole}.${fraction}`;
};

const Z_EXTRA = `=!"%&*<>;{@#_`;

/** docs/swift-messages.md: upper-case text in the x (or z) character set; other characters become spaces. */
export const swiftText = (text: string, set: 'x' | 'z' = 'x'): string =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toUpperCase()
    .split('')
    .map((c) => (/[A-Z0-9/\-?:().,'+ ]/.test(c) || (set === 'z' && Z_EXTRA.includes(c)) ? c : ' '))
    .join('')
    .replace(/ {2,}/g, ' ')
    .trim();

/** A field whose content cannot fit SWIFT's limits: the credit is refused with 422 naming the field. */
export class MessageDoesNotFit extends Error {
  readonly field: string;
  constructor(field: string, detail: string) {
    super(`field ${field} cannot fit: ${detail}`);
    this.field = field;
  }
}

const X_CHARS = /^[A-Za-z0-9/\-?:().,'+ ]*$/;

/** Upper case, diacritics dropped (é → E); a character still outside the x set cannot be rendered. */
export const swiftName = (text: string, field: string): string => {
  const upper = text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toUpperCase()
    .replace(/\s+/g, ' ')
    .trim();
  const bad = [...upper].find((c) => !X_CHARS.test(c));
  if (bad !== undefined) throw new MessageDoesNotFit(field, `character '${bad}' is outside SWIFT's x character set`);
  return upper;
};

/**
 * 50, 59 (4*35x): the party's name and address lines, each wrapped at 35 (never cut); more than 4 lines does not
 * fit (docs/swift-messages.md).
 */
export const partyLines = (entry: Readonly<{ lines: readonly string[] }> | undefined, id: string, field: string) => {
  const lines = (entry?.lines ?? [id]).flatMap((l) => wrap(swiftName(l, field), 35));
  if (lines.length > 4)
    throw new MessageDoesNotFit(field, `name and address need ${lines.length} lines of 35, at most 4 fit`);
  return lines;
};

/**
 * Block 1/2 logical terminal: BIC8 + terminal code + branch (`XXX` when the BIC has none); the receiver's terminal
 * code is `X` (docs/swift-messages.md).
 */
export const logicalTerminal = (bic: string, terminal: 'A' | 'X'): string =>
  `${bic.slice(0, 8)}${terminal}${bic.length === 11 ? bic.slice(8, 11) : 'XXX'}`;

/** Wraps at spaces into lines of at most `width`; no line starts with `:` or `-` (they delimit the block). */
export const wrap = (text: string, width: number): string[] => {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    for (let rest = word; rest.length > 0; rest = rest.slice(width)) {
      const piece = rest.slice(0, width);
      if (line === '') line = piece;
      else if (line.length + 1 + piece.length <= width) line = `${line} ${piece}`;
      else {
        lines.push(line);
        line = piece;
      }
    }
  }
  if (line !== '') lines.push(line);
  return lines.map((l) => (l.startsWith(':') || l.startsWith('-') ? ` ${l}`.slice(0, width) : l));
};

const countries: Readonly<Record<string, string>> = {
  CN: 'CHINA',
  DE: 'GERMANY',
  SG: 'SINGAPORE',
  PL: 'POLAND',
  BY: 'BELARUS',
  KZ: 'KAZAKHSTAN',
};

/** 44A/44B: "CHONGQING (UN/LOCODE CNCQI), CHINA" (docs/swift-messages.md). */
export const placeText = (locode: string): string => {
  const name = knownLocodes[locode];
  const country = countries[locode.slice(0, 2)];
  const place = name === undefined ? `UN/LOCODE ${locode}` : `${swiftText(name)} (UN/LOCODE ${locode})`;
  return country === undefined ? place : `${place}, ${country}`;
};

export const locodeIn = (text: string): string | undefined => /UN\/LOCODE ([A-Z]{2}[A-Z2-9]{3})/.exec(text)?.[1];
