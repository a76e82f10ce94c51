import { decimal } from '@railbill/contracts';
import { hit, type RiskRule } from '../rule.ts';

/** Declared gross mass of the observed item, or of the whole consignment when no item is named. */
const declaredMass = (goods: readonly { grossKg: string }[], item: number | undefined): string | undefined =>
  item === undefined ? goods.reduce((sum, g) => decimal.add(sum, g.grossKg), '0') : goods[item - 1]?.grossKg;

/** Percentage by which `observed` departs from `declared`, both decimal strings. */
export const massDeviationPercent = (declared: string, observed: string): string => {
  const gap = decimal.cmp(observed, declared) >= 0 ? decimal.sub(observed, declared) : decimal.sub(declared, observed);
  return decimal.div(decimal.mul(gap, '100'), declared, 2);
};

/** docs/shipments.md (d): an observed mass more than the tolerance (10 %) off the declared one raises the risk. */
export const massDiscrepancyRule: RiskRule = {
  id: 'mass-discrepancy',
  assess: ({ subject, observation }, { massDiscrepancy: config }) => {
    if (observation === undefined) return [];
    const declared = declaredMass(subject.goods, observation.item);
    if (declared === undefined || decimal.cmp(declared, '0') <= 0) return [];
    const deviation = massDeviationPercent(declared, observation.massKg);
    if (decimal.cmp(deviation, config.tolerancePercent) <= 0) return [];
    const what = observation.item === undefined ? 'consignment' : `item ${observation.item}`;
    const why = `${what} weighed ${observation.massKg} kg against ${declared} kg declared (${deviation} % > ${config.tolerancePercent} %)`;
    return [hit('mass-discrepancy', config.score, `mass-discrepancy: ${why}`)];
  },
};
