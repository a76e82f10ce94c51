import { hit, type RiskRule } from '../rule.ts';

/** Restricted goods (e.g. dual-use headings) by HS prefix force the configured channel, red by default. */
export const restrictedHsCodeRule: RiskRule = {
  id: 'restricted-hs-code',
  assess: ({ subject }, { restrictedHsCodes: config }) =>
    subject.goods.flatMap((item, index) => {
      const match = config.prefixes.find((p) => item.hsCode.startsWith(p.prefix));
      if (match === undefined) return [];
      const why = `item ${index + 1} HS ${item.hsCode} is restricted (${match.prefix}: ${match.label})`;
      return [hit('restricted-hs-code', config.score, `restricted-hs-code: ${why}`, config.channel)];
    }),
};
