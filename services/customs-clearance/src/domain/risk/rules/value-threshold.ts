import { type CurrencyCode, compareAmounts, sumMoney } from '@railbill/contracts';
import { hit, type RiskRule } from '../rule.ts';

/** A consignment worth more than the configured threshold in its currency raises the risk. */
export const valueThresholdRule: RiskRule = {
  id: 'value-threshold',
  assess: ({ subject }, { valueThreshold: config }) => {
    const currencies = [...new Set(subject.goods.map((g) => g.customsValue.currency))];
    return currencies.flatMap((currency: CurrencyCode) => {
      const threshold = config.thresholds[currency];
      if (threshold === undefined) return [];
      const total = sumMoney(
        subject.goods.filter((g) => g.customsValue.currency === currency).map((g) => g.customsValue),
        currency,
      );
      if (compareAmounts(total.amount, threshold) <= 0) return [];
      const why = `customs value ${currency} ${total.amount} is above ${currency} ${threshold}`;
      return [hit('value-threshold', config.score, `value-threshold: ${why}`)];
    });
  },
};
