import { type Decision, type DomainError, type DomainErrorKind, reject, type WaybillEvent } from '@railbill/contracts';

/** Turns a rule's DomainError into the refusal `decide` returns. */
export const refuse = (error: DomainError): Decision<WaybillEvent> => reject(error.kind, error.code, error.detail);

/** The first problem found, if any. */
export const firstProblem = (...checks: readonly (() => DomainError | undefined)[]): DomainError | undefined => {
  for (const check of checks) {
    const problem = check();
    if (problem !== undefined) return problem;
  }
  return undefined;
};

/** `conflict/not-issued` unless the bill is issued; `what` ends the sentence (`a surrendered bill <what>`). */
export const notIssued = (bill: Readonly<{ status: string }>, what: string): DomainError | undefined =>
  bill.status === 'issued'
    ? undefined
    : { kind: 'conflict', code: 'not-issued', detail: `a ${bill.status} bill ${what}` };

/** `conflict/already-departed` once the bill has departed: its content is fixed from then on (docs/contract.md §3). */
export const departed = (bill: Readonly<{ firstDepartureAt?: string | undefined }>): DomainError | undefined =>
  bill.firstDepartureAt === undefined
    ? undefined
    : { kind: 'conflict', code: 'already-departed', detail: 'the bill cannot be amended after the first departure' };

/** The problem `kind`/`code`/`detail` unless `ok` holds (a check for `firstProblem`). */
export const unless = (ok: boolean, kind: DomainErrorKind, code: string, detail: string): DomainError | undefined =>
  ok ? undefined : { kind, code, detail };
