import {
  accept,
  type CustomsEvent,
  type Decision,
  type DeclarationType,
  type GoodsItem,
  type Instant,
  type Locode,
  type PartyId,
  reject,
  type Trader,
} from '@railbill/contracts';
import type { AeoFlags } from '../commands.ts';
import { assessDuties } from '../duties/assess.ts';
import type { DecideEnv } from '../env.ts';
import { assessRisk } from '../risk/assess.ts';
import { owesDuties } from './pay-duties.ts';

/** A declaration ready to lodge, whatever lodged it. */
export type Draft = Readonly<{
  declarationId: string;
  at: Instant;
  lodgedBy: PartyId;
  type: DeclarationType;
  waybillId: string;
  office: Locode;
  destinationOffice?: Locode | undefined;
  goods: readonly GoodsItem[];
  declarant: Trader;
  exporter?: Trader | undefined;
  importer?: Trader | undefined;
  billNumber: string | null;
  billParties: readonly PartyId[];
}>;

export const trader = (id: PartyId, aeo: AeoFlags): Trader => ({ id, aeo: aeo[id] === true });

const optional = <K extends string, V>(key: K, value: V | undefined | null): { [P in K]?: V } =>
  (value === undefined || value === null ? {} : { [key]: value }) as { [P in K]?: V };

/**
 * docs/contract.md §5: lodged → accepted → (import: duties assessed) → risk assessed → released with no officer when green,
 * or left `under_control` on its channel for an officer. One command, several events.
 */
export const lodge = (draft: Draft, env: DecideEnv): Decision<CustomsEvent> => {
  const { waybillId, type: declarationType, office, at } = draft;
  const ref = (status: 'lodged' | 'accepted' | 'under_control' | 'released') => ({
    waybillId,
    declarationType,
    office,
    status,
    at,
  });
  const duties = declarationType === 'import' ? assessDuties(draft.goods, office, env.tariff) : undefined;
  if (duties !== undefined && !duties.ok) return reject('rule', duties.code, duties.detail);
  const risk = assessRisk({ declarationId: draft.declarationId, subject: draft }, env.risk);
  const green = risk.channel === 'green';
  // docs/contract.md §5: duty and VAT are payable before release, so a green import that owes some waits, accepted.
  const released = green && (duties === undefined || !owesDuties(duties.duties));
  return accept<CustomsEvent>(
    {
      type: 'customs.lodged',
      data: {
        ...ref('lodged'),
        lodgedBy: draft.lodgedBy,
        declarant: draft.declarant,
        ...optional('exporter', draft.exporter),
        ...optional('importer', draft.importer),
        ...optional('destinationOffice', draft.destinationOffice),
        goods: [...draft.goods],
        ...optional('billNumber', draft.billNumber),
        billParties: [...draft.billParties],
      },
    },
    { type: 'customs.accepted', data: ref('accepted') },
    ...(duties === undefined
      ? []
      : [{ type: 'customs.duties_assessed' as const, data: { ...ref('accepted'), ...duties.duties } }]),
    {
      type: 'customs.risk_assessed',
      data: {
        ...ref(green ? 'accepted' : 'under_control'),
        channel: risk.channel,
        riskReasons: [...risk.reasons],
        score: risk.score,
      },
    },
    ...(released
      ? [
          {
            type: 'customs.released' as const,
            data: { ...ref('released'), reason: 'green channel: released without control' },
          },
        ]
      : []),
  );
};
