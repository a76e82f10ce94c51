import type { Trader } from '@railbill/contracts';
import { hit, principalOf, type RiskRule } from '../rule.ts';

/** docs/customs.md: AEO status earns risk-assessment credit (fewer document and physical controls). */
export const aeoRule: RiskRule = {
  id: 'aeo',
  assess: ({ subject }, config) => {
    const principal = principalOf(subject);
    const parties = [subject.declarant, subject.exporter, subject.importer].filter((t): t is Trader => t !== undefined);
    const others = [...new Set(parties.filter((t) => t.aeo && t.id !== principal.id).map((t) => t.id))];
    return [
      ...(principal.aeo
        ? [hit('aeo', config.aeo.principalScore, `aeo: ${principal.id} (principal) is an authorised economic operator`)]
        : []),
      ...others.map((id) => hit('aeo', config.aeo.otherPartyScore, `aeo: ${id} is an authorised economic operator`)),
    ];
  },
};
