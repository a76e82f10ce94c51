import { issuedBill, type Rule } from '../context.ts';
import { goodsConflicts } from '../goods-description.ts';

/** HS headings the credit's description cites ("HS 8471.30" → "8471"). */
const citedHeadings = (text: string): string[] =>
  [...text.matchAll(/\bHS\s*(\d{4})/gi)].map((m) => m[1] ?? '').filter((h) => h.length === 4);

/**
 * UCP 18(c), 14(d)/(e), 30; ISBP 821 C3–C4 (docs/ucp600.md): the invoice's goods description corresponds with the
 * credit's (it need not mirror it, and may add e.g. a unit price) and shows no goods of another kind or condition,
 * no conflicting figure or model, and quantity and unit price within UCP 30; a bill goods line under an HS heading
 * the credit does not cite conflicts.
 */
export const goodsMismatch: Rule = {
  code: 'GOODS_MISMATCH',
  article: '18(c); 14(d)/(e); 30',
  check: (input) => {
    const problems = goodsConflicts(input.terms.goodsDescription, input.presentation.invoice.goodsDescription, {
      partialShipmentsAllowed: input.terms.partialShipments === 'allowed',
    });
    if (problems.length > 0) return `the invoice's goods description does not correspond: ${problems.join('; ')}`;
    const headings = citedHeadings(input.terms.goodsDescription);
    const conflicting = issuedBill(input)?.goods.find(
      (line) => headings.length > 0 && !headings.includes(line.hsCode.slice(0, 4)),
    );
    return conflicting === undefined
      ? undefined
      : `the bill's goods line "${conflicting.description}" (HS ${conflicting.hsCode}) conflicts with the credit`;
  },
};
