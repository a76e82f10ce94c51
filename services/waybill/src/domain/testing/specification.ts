import type { DomainErrorKind, WaybillEvent } from '@railbill/contracts';
import { expect } from 'vitest';
import type { Command } from '../commands.ts';
import { decide } from '../decide.ts';
import { foldEvents, type State } from '../state.ts';

/** docs/architecture.md §4: `given(...events).when(command).then(...events)` / `.thenRejects(kind, code)`. */
export const given = (...history: readonly WaybillEvent[]) => ({
  when: (command: Command) => {
    const state = foldEvents(history);
    const decision = decide(command, state);
    return {
      // biome-ignore lint/suspicious/noThenProperty: docs/architecture.md §4 given/when/then; this object is never awaited.
      then: (...expected: readonly WaybillEvent[]): void => {
        expect(decision).toEqual({ ok: true, events: expected });
      },
      thenRejects: (kind: DomainErrorKind, code: string): void => {
        expect(decision.ok ? decision : { ok: false, kind: decision.error.kind, code: decision.error.code }).toEqual({
          ok: false,
          kind,
          code,
        });
      },
      /** The state after the accepted events, for assertions on `evolve`. */
      thenState: (check: (state: State) => void): void => {
        expect(decision.ok).toBe(true);
        if (decision.ok) check(foldEvents([...history, ...decision.events]));
      },
    };
  },
});
