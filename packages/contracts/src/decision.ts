/** Why a command was refused; mapped to HTTP only at the edge (platform/http/problems.ts). */
export type DomainErrorKind = 'not_found' | 'forbidden' | 'conflict' | 'rule';
export type DomainError = Readonly<{ kind: DomainErrorKind; code: string; detail: string }>;

/** Outcome of `decide`: the events to append, or a typed refusal. `decide` never throws for expected outcomes. */
export type Decision<E> = Readonly<{ ok: true; events: readonly E[] }> | Readonly<{ ok: false; error: DomainError }>;

/** The Decider triple (emmett / Jérémie Chassaing). */
export type Decider<S, C, E> = Readonly<{
  initialState: S;
  decide: (command: C, state: S) => Decision<E>;
  evolve: (state: S, event: E) => S;
}>;

export const accept = <E>(...events: readonly E[]): Decision<E> => ({ ok: true, events });

export const reject = <E = never>(kind: DomainErrorKind, code: string, detail: string): Decision<E> => ({
  ok: false,
  error: { kind, code, detail },
});

/** Exhaustiveness check for `switch` over a union. */
export const assertNever = (value: never): never => {
  throw new Error(`unexpected value: ${JSON.stringify(value)}`);
};
