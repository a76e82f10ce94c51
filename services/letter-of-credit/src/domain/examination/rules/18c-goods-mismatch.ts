import { issuedBill, type Rule } from '../context.ts';

const words = (text: string): Set<string> =>
  new Set(
    text
      .toLowerCase()
      .replace(/(\d)\.(\d)/g, '$1$2')
      .split(/[^a-z0-9]+/)
      .filter((w) => w.length > 0),
  );

/** HS headings the credit's description cites ("HS 8471.30" → "8471"). */
const citedHeadings = (text: string): string[] =>
  [...text.matchAll(/\bHS\s*(\d{4})/gi)].map((m) => m[1] ?? '').filter((h) => h.length === 4);

/**
 * UCP 18(c), 14(d)/(e): the invoice's goods description corresponds with the credit's: it contains every word of
 * it (it may add, e.g. a unit price); a bill goods line under an HS heading the credit does not cite conflicts.
 */
export const goodsMismatch: Rule = {
  code: 'GOODS_MISMATCH',
  article: '18(c); 14(d)/(e)',
  check: (input) => {
    const invoiced = words(input.presentation.invoice.goodsDescription);
    const missing = [...words(input.terms.goodsDescription)].filter((w) => !invoiced.has(w));
    if (missing.length > 0) return `the invoice's goods description does not correspond: missing ${missing.join(', ')}`;
    const headings = citedHeadings(input.terms.goodsDescription);
    const conflicting = issuedBill(input)?.goods.find(
      (line) => headings.length > 0 && !headings.includes(line.hsCode.slice(0, 4)),
    );
    return conflicting === undefined
      ? undefined
      : `the bill's goods line "${conflicting.description}" (HS ${conflicting.hsCode}) conflicts with the credit`;
  },
};
