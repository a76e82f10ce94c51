import { type Decision, type DomainError, reject } from '@railbill/contracts';
import type { Actor } from '../commands.ts';
import type { Credit, Presentation, PresentationStatus, State } from '../state.ts';

export const refusal = <E>(error: DomainError): Decision<E> => reject(error.kind, error.code, error.detail);

/** Runs `then` on an issued credit; a credit that does not exist is `not_found`. */
export const onCredit = <E>(state: State, then: (credit: Credit) => Decision<E>): Decision<E> =>
  state.status === 'initial' ? reject('not_found', 'credit-not-found', 'no such credit') : then(state);

/** docs/architecture.md §3: a role the party never has on this credit is `forbidden`. */
export const actsAs = (by: Actor, parties: readonly (string | undefined)[], role: string): DomainError | undefined =>
  by.role !== 'operator' && parties.includes(by.id)
    ? undefined
    : { kind: 'forbidden', code: 'not-in-role', detail: `only the ${role} may do this` };

export const isTerminal = (credit: Credit): boolean => credit.status === 'closed' || credit.status === 'expired';

export const onPresentation = <E>(
  credit: Credit,
  id: string,
  then: (presentation: Presentation) => Decision<E>,
): Decision<E> => {
  const presentation = credit.presentations.find((p) => p.id === id);
  return presentation === undefined
    ? reject('not_found', 'presentation-not-found', `no presentation ${id} under this credit`)
    : then(presentation);
};

export const creditNumberOf = (credit: Credit) => ({ creditNumber: credit.terms.number });

/** The fields every event about one presentation starts with. */
export const ofPresentation = (credit: Credit, presentation: Presentation) => ({
  ...creditNumberOf(credit),
  presentationId: presentation.id,
});

/** What a bank does to a presentation, refused when the presentation is in another status (`conflict`). */
type PresentationAct = Readonly<{
  /** The statuses the presentation may be in. */
  from: readonly PresentationStatus[];
  code: string;
  /** "a <status> presentation <refused>", e.g. "cannot be paid". */
  refused: string;
}>;

/**
 * A bank of the credit acts on one of its presentations: the credit exists, the actor is one of `banks` (else
 * `forbidden`), the presentation exists and is in one of `act.from` (else `conflict`); then `then`.
 */
export const bankActsOn = <E>(
  state: State,
  cmd: Readonly<{ by: Actor; presentationId: string }>,
  banks: Readonly<{ of: (credit: Credit) => readonly (string | undefined)[]; role: string }>,
  act: PresentationAct,
  then: (credit: Credit, presentation: Presentation) => Decision<E>,
): Decision<E> =>
  onCredit(state, (credit) => {
    const notInRole = actsAs(cmd.by, banks.of(credit), banks.role);
    if (notInRole !== undefined) return refusal(notInRole);
    return onPresentation(credit, cmd.presentationId, (presentation) =>
      act.from.includes(presentation.status)
        ? then(credit, presentation)
        : reject('conflict', act.code, `a ${presentation.status} presentation ${act.refused}`),
    );
  });
