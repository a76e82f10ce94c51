import { assertNever, type Channel, type DeclarationType, type GoodsItem, type Trader } from '@railbill/contracts';
import type { RiskConfig } from './config.ts';

/** What the risk engine reads of a declaration. */
export type RiskSubject = Readonly<{
  type: DeclarationType;
  goods: readonly GoodsItem[];
  declarant: Trader;
  exporter?: Trader | undefined;
  importer?: Trader | undefined;
}>;

/** A mass an officer observed: of one goods item (1-based), or of the whole consignment. */
export type MassObservation = Readonly<{ massKg: string; item?: number | undefined }>;

export type RiskInput = Readonly<{
  /** Seeds the sampler with the configured seed: the same declaration always draws the same. */
  declarationId: string;
  subject: RiskSubject;
  observation?: MassObservation | undefined;
}>;

/** One reason a rule fired: its score, and a channel it forces at the least. */
export type RuleHit = Readonly<{ rule: string; score: number; floor?: Channel; reason: string }>;

export type RiskRule = Readonly<{ id: string; assess: (input: RiskInput, config: RiskConfig) => readonly RuleHit[] }>;

export const hit = (rule: string, score: number, reason: string, floor?: Channel): RuleHit =>
  floor === undefined ? { rule, score, reason } : { rule, score, reason, floor };

/** The party answerable for the declaration: exporter on export, importer on import, the holder on transit. */
export const principalOf = (subject: RiskSubject): Trader => {
  switch (subject.type) {
    case 'export':
      return subject.exporter ?? subject.declarant;
    case 'import':
      return subject.importer ?? subject.declarant;
    case 'transit':
      return subject.declarant;
    default:
      return assertNever(subject.type);
  }
};
