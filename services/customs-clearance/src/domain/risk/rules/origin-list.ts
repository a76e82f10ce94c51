import { hit, type RiskRule } from '../rule.ts';

/** Goods originating in a listed country raise the risk, once per country. */
export const originListRule: RiskRule = {
  id: 'origin-list',
  assess: ({ subject }, { originList: config }) => {
    const origins = [...new Set(subject.goods.map((g) => g.origin))].filter((c) => config.countries.includes(c));
    return origins.map((country) => hit('origin-list', config.score, `origin-list: goods originate in ${country}`));
  },
};
