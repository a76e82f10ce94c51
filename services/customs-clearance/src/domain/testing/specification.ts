import type { CustomsEvent, DomainErrorKind } from '@railbill/contracts';
import { expect } from 'vitest';
import type { Command } from '../commands.ts';
import { decide } from '../decide.ts';
import type { DecideEnv } from '../env.ts';
import { foldEvents, type State } from '../state.ts';
import { env as defaultEnv } from './fixtures.ts';

/** docs/architecture.md §4: `given(...events).when(command).then(...events)` / `.thenRejects(kind, code)`. */
export const given = (...history: readonly CustomsEvent[]) => ({
  when: (command: Command, env: DecideEnv = defaultEnv) => {
    const decision = decide(command, foldEvents(history), env);
    const events = (): readonly CustomsEvent[] => {
      expect(decision.ok ? decision.ok : decision.error).toBe(true);
      return decision.ok ? decision.events : [];
    };
    return {
      // biome-ignore lint/suspicious/noThenProperty: docs/architecture.md §4 given/when/then; this object is never awaited.
      then: (...expected: readonly CustomsEvent[]): void => {
        expect(decision).toEqual({ ok: true, events: expected });
      },
      /** The types of the events decided, for multi-event outcomes checked field by field elsewhere. */
      thenTypes: (...types: readonly CustomsEvent['type'][]): readonly CustomsEvent[] => {
        expect(events().map((e) => e.type)).toEqual(types);
        return events();
      },
      thenRejects: (kind: DomainErrorKind, code: string): void => {
        expect(decision.ok ? decision : { ok: false, kind: decision.error.kind, code: decision.error.code }).toEqual({
          ok: false,
          kind,
          code,
        });
      },
      /** The state after the decided events, for assertions on `evolve`. */
      thenState: (check: (state: State) => void): void => check(foldEvents([...history, ...events()])),
    };
  },
});
