import { describe, expect, it } from 'vitest';
import { canSee } from './access.ts';
import { foldEvents, initialState } from './state.ts';
import { issued } from './testing/builders.ts';
import { creditA, party } from './testing/shipments.ts';

const credit = foldEvents([issued(creditA)]);

describe('canSee', () => {
  it.each([party.rrhb, party.yzcb, party.rheinhafen, party.yunxi])('lets %s, named on the credit, see it', (id) =>
    expect(canSee({ id, role: 'bank' }, credit)).toBe(true),
  );
  it('lets an operator see any credit', () => expect(canSee({ id: 'ops', role: 'operator' }, credit)).toBe(true));
  it('hides it from a party not named on it', () =>
    expect(canSee({ id: party.smbl, role: 'bank' }, credit)).toBe(false));
  it('hides a credit that does not exist, even from an operator', () =>
    expect(canSee({ id: 'ops', role: 'operator' }, initialState)).toBe(false));
});
