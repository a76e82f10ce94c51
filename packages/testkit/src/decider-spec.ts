import type { Decider, Decision, DomainErrorKind } from '@railbill/contracts';
import { expect, it } from 'vitest';

/** Every document's events are a union discriminated on `type`. */
type Event = Readonly<{ type: string }>;

/** What a test asserts about one decided command (docs/architecture.md §4). */
export type Outcome<S, E extends Event> = Readonly<{
  /** The command is accepted with exactly these events. */
  then: (...expected: readonly E[]) => void;
  /** The command is refused with this kind and code (the detail is prose and not asserted). */
  thenRejects: (kind: DomainErrorKind, code: string) => void;
  /** The command is accepted; `check` looks at a part of the events. */
  thenEvents: (check: (events: readonly E[]) => void) => void;
  /** The command is accepted with events of exactly these types, returned for field-by-field checks. */
  thenTypes: (...types: readonly E['type'][]) => readonly E[];
  /** The command is accepted; `check` looks at the state after the history and the decided events. */
  thenState: (check: (state: S) => void) => void;
}>;

/** One way a command is refused: what it is (the test's name after "refuses"), the command, the refusal. */
export type Refusal<C> = readonly [what: string, command: C, kind: DomainErrorKind, code: string];

export type DeciderSpec<S, C, E extends Event> = Readonly<{
  /** `given(...events).when(command).then(...events)` / `.thenRejects(kind, code)` / `.thenState(check)`. */
  given: (...history: readonly E[]) => Readonly<{ when: (command: C) => Outcome<S, E> }>;
  /** Runs commands one after another from `history` and returns every event; a refusal fails the test. */
  play: (history: readonly E[], ...commands: readonly C[]) => readonly E[];
  /** One test per row, `refuses <what> (<kind> <code>)`: `given(...history).when(command).thenRejects(kind, code)`. */
  refuses: (history: readonly E[], refusals: readonly Refusal<C>[]) => void;
}>;

/** The accepted events, or a failed assertion that shows the refusal. */
const accepted = <E>(decision: Decision<E>): readonly E[] => {
  expect(decision.ok ? 'accepted' : decision.error).toBe('accepted');
  return decision.ok ? decision.events : [];
};

/** The one given/when/then of the domain tests, over any document's Decider (packages/contracts/src/decision.ts). */
export const deciderSpec = <S, C, E extends Event>(decider: Decider<S, C, E>): DeciderSpec<S, C, E> => {
  const fold = (events: readonly E[]): S => events.reduce(decider.evolve, decider.initialState);
  const given: DeciderSpec<S, C, E>['given'] = (...history) => ({
    when: (command) => {
      const decision = decider.decide(command, fold(history));
      return {
        // biome-ignore lint/suspicious/noThenProperty: docs/architecture.md §4 given/when/then; this object is never awaited.
        then: (...expected) => {
          expect(decision).toEqual({ ok: true, events: expected });
        },
        thenRejects: (kind, code) => {
          expect(decision.ok ? decision : { ok: false, kind: decision.error.kind, code: decision.error.code }).toEqual({
            ok: false,
            kind,
            code,
          });
        },
        thenEvents: (check) => check(accepted(decision)),
        thenTypes: (...types) => {
          const events = accepted(decision);
          expect(events.map((e) => e.type)).toEqual(types);
          return events;
        },
        thenState: (check) => check(fold([...history, ...accepted(decision)])),
      };
    },
  });
  return {
    given,
    refuses: (history, refusals) =>
      it.each(refusals.map(([what, command, kind, code]) => ({ what, command, kind, code })))(
        'refuses $what ($kind $code)',
        ({ command, kind, code }) =>
          given(...history)
            .when(command)
            .thenRejects(kind, code),
      ),
    play: (history, ...commands) => {
      const events = [...history];
      for (const command of commands) events.push(...accepted(decider.decide(command, fold(events))));
      return events;
    },
  };
};
