import type { DomainError, WaybillChanges, WaybillContent } from '@railbill/contracts';
import { isKnownLocode, samePlace } from '@railbill/contracts';
import type { Role, Roles } from '../commands.ts';

const ruleError = (code: string, detail: string): DomainError => ({ kind: 'rule', code, detail });

/** docs/contract.md §3: legs chain — sequences 1..n, first from the place of receipt, each from the previous `to`, last at delivery. */
export const legsChainProblem = (content: WaybillContent): DomainError | undefined => {
  const legs = [...content.legs].sort((a, b) => a.sequence - b.sequence);
  const broken = (detail: string) => ruleError('legs-do-not-chain', detail);
  for (const [i, leg] of legs.entries()) {
    if (leg.sequence !== i + 1) return broken(`leg sequences must run 1..${legs.length} without gaps or repeats`);
    const previous = legs[i - 1];
    const expectedFrom = previous === undefined ? content.placeOfReceipt : previous.to;
    const where = previous === undefined ? 'the place of receipt' : `where leg ${previous.sequence} ends`;
    if (!samePlace(leg.from, expectedFrom))
      return broken(`leg ${leg.sequence} starts at ${leg.from}, not at ${where} (${expectedFrom})`);
  }
  const last = legs.at(-1);
  if (last !== undefined && !samePlace(last.to, content.placeOfDelivery))
    return broken(`the last leg ends at ${last.to}, not at the place of delivery (${content.placeOfDelivery})`);
  return undefined;
};

/** docs/contract.md §3/§8: a bill of lading is consigned to order; a straight waybill is not (the edge enforces it on submit). */
export const consignmentProblem = (content: WaybillContent): DomainError | undefined => {
  if (content.type === 'bill_of_lading' && content.toOrderOf === undefined)
    return ruleError('consignment-mismatch', 'a bill of lading is consigned to order: toOrderOf is required');
  if (content.type === 'waybill' && content.toOrderOf !== undefined)
    return ruleError('consignment-mismatch', 'a straight waybill is not consigned to order: toOrderOf must be absent');
  return undefined;
};

type Expectation = Readonly<{ field: string; party: string; roles: readonly Role[] | 'any' }>;

const expectations = (c: WaybillContent): Expectation[] => [
  { field: 'shipper', party: c.shipper, roles: ['shipper'] },
  { field: 'consignee', party: c.consignee, roles: ['consignee'] },
  { field: 'carrier', party: c.carrier, roles: ['carrier'] },
  ...c.legs.map((leg, i) => ({ field: `legs[${i}].carrier`, party: leg.carrier, roles: ['carrier'] as const })),
  ...(c.toOrderOf === undefined ? [] : [{ field: 'toOrderOf', party: c.toOrderOf, roles: 'any' as const }]),
  ...(c.notifyParty === undefined ? [] : [{ field: 'notifyParty', party: c.notifyParty, roles: 'any' as const }]),
];

/** Each party named is known, and in its role (docs/contract.md §2: parties act only in their role). */
export const partyRolesProblem = (content: WaybillContent, roles: Roles): DomainError | undefined => {
  for (const { field, party, roles: allowed } of expectations(content)) {
    const role = roles[party];
    if (role === undefined) return ruleError('unknown-party', `${field}: ${party} is not a known party`);
    if (allowed !== 'any' && !allowed.includes(role))
      return ruleError('party-role-mismatch', `${field}: ${party} is a ${role}, not a ${allowed.join(' or ')}`);
  }
  return undefined;
};

/** docs/contract.md §8: a well-formed UN/LOCODE the code table does not know is accepted and listed in `warnings[]`. */
export const locodeWarnings = (content: WaybillContent): string[] => {
  const places: [string, string][] = [
    ['placeOfReceipt', content.placeOfReceipt],
    ['placeOfDelivery', content.placeOfDelivery],
    ...content.legs.flatMap((leg, i): [string, string][] => [
      [`legs[${i}].from`, leg.from],
      [`legs[${i}].to`, leg.to],
      ...(leg.borderCrossings ?? []).map((b, j): [string, string] => [
        `legs[${i}].borderCrossings[${j}].station`,
        b.station,
      ]),
    ]),
  ];
  return places
    .filter(([, code]) => !isKnownLocode(code))
    .map(([path, code]) => `unknown UN/LOCODE ${code} at ${path}`);
};

/** All content rules of a submission or an amended version; returns the warnings when it passes. */
export const checkContent = (
  content: WaybillContent,
  roles: Roles,
): { ok: true; warnings: string[] } | { ok: false; error: DomainError } => {
  const error = consignmentProblem(content) ?? legsChainProblem(content) ?? partyRolesProblem(content, roles);
  return error === undefined ? { ok: true, warnings: locodeWarnings(content) } : { ok: false, error };
};

/** Changes with no defined value change nothing. */
export const isEmptyChange = (changes: WaybillChanges): boolean => Object.values(changes).every((v) => v === undefined);

/** The fields an amendment may not touch: the shipper never (a switch bill), type and carrier once issued. */
export const immutableFieldProblem = (
  content: WaybillContent,
  changes: WaybillChanges,
  issued: boolean,
): DomainError | undefined => {
  const fixed = issued ? (['shipper', 'type', 'carrier'] as const) : (['shipper'] as const);
  const touched = fixed.find((f) => changes[f] !== undefined && changes[f] !== content[f]);
  if (touched === undefined) return undefined;
  return ruleError('immutable-field', `${touched} cannot be changed${issued ? ' once the bill is issued' : ''}`);
};
