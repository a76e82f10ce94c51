import { decimal } from '@railbill/contracts';

/**
 * A goods description read as a document examiner reads it (ISBP 821 C3–C4, docs/ucp600.md): case, punctuation,
 * thousands separators, singular/plural and word order do not matter; figures with a unit ("14 inch"), model and
 * article numbers ("YX-14"), the quantity ("2400 units") and a unit price ("USD 520.00 per unit") are kept apart
 * from the words so they can be compared as figures.
 */
export type GoodsDescription = Readonly<{
  words: ReadonlySet<string>;
  numbers: ReadonlySet<string>;
  codes: ReadonlySet<string>;
  /** Codes a "model"/"type"/"part no" names: another one on the invoice is other goods. */
  models: ReadonlySet<string>;
  figures: readonly Figure[];
  quantity: Quantity | undefined;
  unitPrice: UnitPrice | undefined;
}>;
export type Figure = Readonly<{ value: string; unit: string }>;
export type Quantity = Readonly<{ value: string; unit: string; about: boolean; items: boolean }>;
export type UnitPrice = Readonly<{ currency: string; value: string; about: boolean }>;

/** Units of a dimension or rating: a different figure in the same unit is other goods. */
const FIGURE_UNITS: Readonly<Record<string, string>> = {
  inch: 'inch',
  inche: 'inch',
  cm: 'cm',
  mm: 'mm',
  gb: 'gb',
  tb: 'tb',
  ghz: 'ghz',
  mhz: 'mhz',
  w: 'w',
  kw: 'kw',
  v: 'v',
  cc: 'cc',
  hp: 'hp',
  mah: 'mah',
};
/** Units of a quantity; `true` where it counts items or packing units (UCP 30(b) gives those no 5 %). */
const QUANTITY_UNITS: Readonly<Record<string, boolean>> = {
  unit: true,
  piece: true,
  pc: true,
  pcs: true,
  set: true,
  carton: true,
  box: true,
  pallet: true,
  bag: true,
  drum: true,
  case: true,
  tonne: false,
  ton: false,
  mt: false,
  kg: false,
  kgs: false,
  litre: false,
  liter: false,
  metre: false,
  meter: false,
};
const ABOUT = new Set(['about', 'approximately', 'approx', 'circa', 'ca']);
const MODEL_MARKERS = new Set(['model', 'type', 'part', 'article', 'art', 'ref', 'item']);
/** Filler that carries no goods meaning ("of", "and", "at … per"). */
const STOP = new Set(['a', 'an', 'the', 'of', 'and', 'with', 'for', 'at', 'per', 'no', 'number', 'each', 'to']);
/** ISBP 821 C3: goods of another condition than the credit's. */
export const CONDITION_WORDS = new Set([
  'used',
  'secondhand',
  'refurbished',
  'reconditioned',
  'remanufactured',
  'rebuilt',
  'damaged',
  'defective',
  'faulty',
  'returned',
  'salvage',
  'salvaged',
  'scrap',
  'obsolete',
  'demo',
  'graded',
  'bgrade',
  'cgrade',
  'openbox',
]);

/** Singular of an English plural ("laptops" → "laptop", "boxes" → "box", "batteries" → "battery"). */
export const singular = (word: string): string => {
  if (word.length <= 3 || /\d/.test(word)) return word;
  if (word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (/(ches|shes|xes|sses|zes)$/.test(word)) return word.slice(0, -2);
  if (word.endsWith('s') && !word.endsWith('ss') && !word.endsWith('us')) return word.slice(0, -1);
  return word;
};

const isNumber = (token: string): boolean => /^\d+(\.\d+)?$/.test(token);
const canonicalNumber = (token: string): string => decimal.add(token, '0');

const normalise = (text: string): string =>
  text
    .normalize('NFKC')
    .toLowerCase()
    // thousands separators: "2,400", "1 248 000", "1'248'000" (a decimal comma with 3 decimals is rare in goods)
    .replace(/(\d)[,' ](?=\d{3}(?!\d))/g, '$1')
    .replace(/(\d)[,' ](?=\d{3}(?!\d))/g, '$1')
    // a decimal comma "520,00" → "520.00"
    .replace(/(\d),(\d{1,2})(?!\d)/g, '$1.$2')
    // 14" = 14 inch
    .replace(/(\d)\s*(″|")/g, '$1 inch ');

const tokens = (text: string): string[] =>
  [...normalise(text).matchAll(/[a-z0-9]+(?:[-/.][a-z0-9]+)*/g)].map((m) => m[0].replace(/[/.]$/, ''));

/** Reads a goods description; pure. */
export const readGoods = (text: string): GoodsDescription => {
  const words = new Set<string>();
  const numbers = new Set<string>();
  const codes = new Set<string>();
  const models = new Set<string>();
  const figures: Figure[] = [];
  let quantity: Quantity | undefined;
  let unitPrice: UnitPrice | undefined;
  const list = tokens(text);
  let i = 0;
  const at = (k: number): string => list[k] ?? '';
  while (i < list.length) {
    const token = at(i);
    const about = ABOUT.has(at(i - 1));
    // a unit price: USD 520.00 per unit / USD 520.00/unit
    if (/^[a-z]{3}$/.test(token) && isNumber(at(i + 1)) && (at(i + 2) === 'per' || at(i + 2) === 'each')) {
      unitPrice ??= { currency: token.toUpperCase(), value: canonicalNumber(at(i + 1)), about };
      i += at(i + 2) === 'per' ? 4 : 3;
      continue;
    }
    if (isNumber(token)) {
      const next = singular(at(i + 1));
      const figureUnit = FIGURE_UNITS[next];
      if (figureUnit !== undefined) {
        figures.push({ value: canonicalNumber(token), unit: figureUnit });
        i += 2;
        continue;
      }
      const items = QUANTITY_UNITS[next];
      if (items !== undefined && quantity === undefined) {
        quantity = { value: canonicalNumber(token), unit: next, about, items };
        i += 2;
        continue;
      }
      numbers.add(token.includes('.') && /^\d{4}\.\d+$/.test(token) ? token : canonicalNumber(token));
      i += 1;
      continue;
    }
    const compact = token.replace(/[-/.]/g, '');
    if (/\d/.test(token) && /[a-z]/.test(token)) {
      codes.add(compact);
      if (MODEL_MARKERS.has(at(i - 1))) models.add(compact);
      i += 1;
      continue;
    }
    // "model YX 14": letters then digits after a model marker read as one code
    if (MODEL_MARKERS.has(at(i - 1)) && /^[a-z]{1,4}$/.test(token) && isNumber(at(i + 1))) {
      const code = `${token}${at(i + 1)}`;
      codes.add(code);
      models.add(code);
      i += 2;
      continue;
    }
    if (ABOUT.has(compact) || STOP.has(compact)) {
      i += 1;
      continue;
    }
    // "second-hand" = "secondhand" = "second hand"
    if (compact === 'second' && at(i + 1) === 'hand') {
      words.add('secondhand');
      i += 2;
      continue;
    }
    words.add(singular(compact));
    i += 1;
  }
  return { words, numbers, codes, models, figures, quantity, unitPrice };
};

/** UCP 30(a)/(b): the band a stated figure allows. `about` ±10 %; a bulk quantity ±5 %; items and prices exact. */
const band = (value: string, percent: number): { min: string; max: string } => {
  const delta = decimal.mul(value, decimal.div(String(percent), '100'));
  return { min: decimal.sub(value, delta), max: decimal.add(value, delta) };
};

export type CorrespondenceOptions = Readonly<{ partialShipmentsAllowed: boolean }>;

/**
 * ISBP 821 C3–C4 and UCP 18(c), 30: every reason the invoice's description does not correspond with the credit's
 * (empty when it corresponds).
 */
export const goodsConflicts = (credit: string, invoice: string, options: CorrespondenceOptions): string[] => {
  const c = readGoods(credit);
  const i = readGoods(invoice);
  const problems: string[] = [];
  const missingWords = [...c.words].filter((w) => !i.words.has(w));
  if (missingWords.length > 0) problems.push(`missing ${missingWords.join(', ')}`);
  const missingNumbers = [...c.numbers].filter((n) => !i.numbers.has(n));
  if (missingNumbers.length > 0) problems.push(`missing ${missingNumbers.join(', ')}`);
  const missingCodes = [...c.codes].filter((code) => !i.codes.has(code));
  if (missingCodes.length > 0) problems.push(`missing model or article ${missingCodes.join(', ')}`);
  const otherModels = [...i.models].filter((m) => !c.codes.has(m));
  if (otherModels.length > 0) problems.push(`another model ${otherModels.join(', ')}`);
  const condition = [...i.words].filter((w) => CONDITION_WORDS.has(w) && !c.words.has(w));
  if (condition.length > 0) problems.push(`goods of another condition: ${condition.join(', ')}`);
  for (const figure of c.figures) {
    const same = i.figures.filter((f) => f.unit === figure.unit);
    const other = same.find((f) => decimal.cmp(f.value, figure.value) !== 0);
    if (other !== undefined)
      problems.push(`${other.value} ${other.unit} conflicts with ${figure.value} ${figure.unit}`);
    else if (same.length === 0) problems.push(`missing ${figure.value} ${figure.unit}`);
  }
  if (c.quantity !== undefined) problems.push(...quantityConflicts(c.quantity, i.quantity, options));
  if (c.unitPrice !== undefined) problems.push(...unitPriceConflicts(c.unitPrice, i.unitPrice));
  return problems;
};

const quantityConflicts = (
  stated: Quantity,
  invoiced: Quantity | undefined,
  { partialShipmentsAllowed }: CorrespondenceOptions,
): string[] => {
  if (invoiced === undefined) return [`the quantity ${stated.value} ${stated.unit} is not shown`];
  if (invoiced.unit !== stated.unit) return [`the quantity is in ${invoiced.unit}, the credit states ${stated.unit}`];
  const { min, max } = band(stated.value, stated.about ? 10 : stated.items ? 0 : 5);
  if (decimal.cmp(invoiced.value, max) > 0)
    return [`${invoiced.value} ${invoiced.unit} is more than the credit allows (${max}, UCP 30)`];
  if (!partialShipmentsAllowed && decimal.cmp(invoiced.value, min) < 0)
    return [`${invoiced.value} ${invoiced.unit} is less than the credit allows (${min}, UCP 30)`];
  return [];
};

const unitPriceConflicts = (stated: UnitPrice, invoiced: UnitPrice | undefined): string[] => {
  if (invoiced === undefined) return [`the unit price ${stated.currency} ${stated.value} is not shown`];
  if (invoiced.currency !== stated.currency) return [`the unit price is in ${invoiced.currency}`];
  const { min, max } = band(stated.value, stated.about ? 10 : 0);
  return decimal.cmp(invoiced.value, min) < 0 || decimal.cmp(invoiced.value, max) > 0
    ? [`the unit price ${invoiced.currency} ${invoiced.value} is outside ${min}–${max} (UCP 30)`]
    : [];
};
