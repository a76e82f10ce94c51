import type { CustomsEvent, DecisionOutcome, ImportGoodsInput, Locode } from '@railbill/contracts';
import { deciderSpec } from '@railbill/testkit/domain';
import type { BillFacts } from '../bill-facts.ts';
import type {
  Actor,
  Discharge,
  LodgeExport,
  LodgeImport,
  OpenTransit,
  PayDuties,
  RecordDecision,
} from '../commands.ts';
import { customsDecider } from '../decide.ts';
import type { DecideEnv } from '../env.ts';
import { aeo, env, ids, parties, t } from './fixtures.ts';

export const lodgeExport = (bill: BillFacts, change: Partial<LodgeExport> = {}): LodgeExport => ({
  type: 'lodgeExport',
  declarationId: ids.declaration,
  at: t.issued,
  by: 'customs-clearance',
  bill,
  aeo,
  shipperCountry: 'CN',
  ...change,
});

export const openTransit = (
  bill: BillFacts,
  station: Locode = 'PLMAA',
  change: Partial<OpenTransit> = {},
): OpenTransit => ({
  type: 'openTransit',
  declarationId: ids.declaration,
  at: t.crossed,
  by: 'customs-clearance',
  bill,
  leg: 1,
  station,
  aeo,
  shipperCountry: 'CN',
  ...change,
});

export const lodgeImport = (
  bill: BillFacts | undefined,
  by: Actor,
  change: Partial<Omit<LodgeImport, 'goods'>> & { goods?: readonly ImportGoodsInput[] } = {},
): LodgeImport => ({
  type: 'lodgeImport',
  declarationId: ids.declaration,
  at: t.arrived,
  by,
  bill,
  aeo,
  siblings: [],
  shipperCountry: 'CN',
  ...change,
});

export const decision = (
  by: Actor,
  outcome: DecisionOutcome,
  observed: { observedMassKg?: string; item?: number } = {},
): RecordDecision => ({
  type: 'recordDecision',
  declarationId: ids.declaration,
  at: t.decided,
  by,
  outcome,
  reason: `${outcome} by ${by.id}`,
  ...observed,
});

export const discharge = (by: Actor = parties.customsDe): Discharge => ({
  type: 'discharge',
  declarationId: ids.declaration,
  at: t.decided,
  by,
});

/** The events a lodging command decides, to start a given/when/then from a lodged declaration. */
export const lodged = (
  command: LodgeExport | OpenTransit | LodgeImport,
  with_: DecideEnv = env,
): readonly CustomsEvent[] => deciderSpec(customsDecider(with_)).play([], command);

/** A risk configuration that sends every non-exempt declaration to `channel` by sampling. */
export const sampledTo = (channel: 'yellow' | 'red'): DecideEnv => ({
  ...env,
  risk: {
    ...env.risk,
    sampling: { ...env.risk.sampling, yellowRate: channel === 'yellow' ? 1 : 0, redRate: channel === 'red' ? 1 : 0 },
  },
});

export const payDuties = (by: Actor, method: PayDuties['method'] = 'paid'): PayDuties => ({
  type: 'payDuties',
  declarationId: ids.declaration,
  at: t.decided,
  by,
  method,
  reference: `PAY-${by.id}`,
});

/** `events` followed by the importer's payment of the duties they assessed (docs/contract.md §5). */
export const paidBy = (by: Actor, events: readonly CustomsEvent[]): readonly CustomsEvent[] =>
  deciderSpec(customsDecider(env)).play(events, payDuties(by));
