import type { DomainErrorKind, LcEvent } from '@railbill/contracts';
import { expect } from 'vitest';
import type { Command } from '../commands.ts';
import { decide } from '../decide.ts';
import { foldEvents, type State } from '../state.ts';

/** docs/architecture.md §4: `given(...events).when(command).then(...events)` / `.thenRejects(kind, code)`. */
export const given = (...history: readonly LcEvent[]) => ({
  when: (command: Command) => {
    const decision = decide(command, foldEvents(history));
    return {
      // biome-ignore lint/suspicious/noThenProperty: docs/architecture.md §4 given/when/then; this object is never awaited.
      then: (...expected: readonly LcEvent[]): void => {
        expect(decision).toEqual({ ok: true, events: expected });
      },
      thenRejects: (kind: DomainErrorKind, code: string): void => {
        expect(decision.ok ? decision : { ok: false, kind: decision.error.kind, code: decision.error.code }).toEqual({
          ok: false,
          kind,
          code,
        });
      },
      /** The accepted events, for assertions on a part of them. */
      thenEvents: (check: (events: readonly LcEvent[]) => void): void => {
        expect(decision.ok ? 'accepted' : decision.error).toBe('accepted');
        if (decision.ok) check(decision.events);
      },
      thenState: (check: (state: State) => void): void => {
        expect(decision.ok ? 'accepted' : decision.error).toBe('accepted');
        if (decision.ok) check(foldEvents([...history, ...decision.events]));
      },
    };
  },
});

/** Runs commands one after another from `history`, returning every event; a refusal fails the test. */
export const play = (history: readonly LcEvent[], ...commands: readonly Command[]): readonly LcEvent[] => {
  const events = [...history];
  for (const cmd of commands) {
    const decision = decide(cmd, foldEvents(events));
    expect(decision.ok ? 'accepted' : decision.error).toBe('accepted');
    if (decision.ok) events.push(...decision.events);
  }
  return events;
};
