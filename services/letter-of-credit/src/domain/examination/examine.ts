import type { Discrepancy } from '@railbill/contracts';
import { type ExaminationInput, transportArticle } from './context.ts';
import { rules } from './rules/index.ts';

/** UCP 14(a): examine on the documents alone; every failing rule is one coded discrepancy (docs/ucp600.md). */
export const examine = (input: ExaminationInput): readonly Discrepancy[] => {
  const transport = transportArticle(input.bill);
  return rules.flatMap((rule) => {
    const message = rule.check(input);
    if (message === undefined) return [];
    const article = typeof rule.article === 'string' ? rule.article : rule.article(transport);
    return [{ code: rule.code, article, message }];
  });
};
