import { expect, it } from 'vitest';
import type { ExaminationInput, Rule } from '../examination/context.ts';

/**
 * What a rule's check says of one input: `complies` (undefined), `fires` (any message), or a message that `is`
 * exactly, or `contains`, the text.
 */
export type Finding = 'complies' | 'fires' | Readonly<{ is: string }> | Readonly<{ contains: string }>;

/** One case of a rule test: what it shows, the input examined (shipment (a) with a field changed), the finding. */
export type RuleCase = readonly [name: string, input: ExaminationInput, finding: Finding];

const expectFinding = (message: string | undefined, finding: Finding): void => {
  if (finding === 'complies') expect(message).toBeUndefined();
  else if (finding === 'fires') expect(message).toBeDefined();
  else if ('is' in finding) expect(message).toBe(finding.is);
  else expect(message).toContain(finding.contains);
};

/** One test per case: `rule.check(input)` gives the finding. */
export const ruleCases = (rule: Rule, cases: readonly RuleCase[]): void =>
  it.each(cases)('%s', (_name, input, finding) => expectFinding(rule.check(input), finding));
