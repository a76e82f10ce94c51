import { describe, expect, it } from 'vitest';
import { canSee, partiesOf } from './access.ts';
import { foldEvents, initialState } from './state.ts';
import { endorsed, issued, submitted } from './testing/builders.ts';
import { chongqingDuisburg, chongqingQinzhouSingapore, parties } from './testing/shipments.ts';

const bol = chongqingDuisburg();
const endorsedToBank = foldEvents([submitted(bol), issued(bol), endorsed(parties.yunxi.id, parties.yzcb.id)]);

describe('canSee', () => {
  it('lets every party named on the bill see it', () => {
    for (const p of [parties.yunxi, parties.rheinhafen, parties.rrhb, parties.silkrail])
      expect(canSee(p, endorsedToBank)).toBe(true);
  });
  it('lets a party that only came in by endorsement see it', () =>
    expect(canSee(parties.yzcb, endorsedToBank)).toBe(true));
  it('lets the carrier of a leg see the bill', () =>
    expect(canSee(parties.beibu, foldEvents([submitted(chongqingQinzhouSingapore())]))).toBe(true));
  it('lets an operator see every bill', () => expect(canSee(parties.operator, endorsedToBank)).toBe(true));
  it('hides the bill from a party not on it', () => {
    expect(canSee(parties.smbl, endorsedToBank)).toBe(false);
    expect(canSee(parties.customsCq, endorsedToBank)).toBe(false);
  });
  it('shows no one a bill that does not exist', () => expect(canSee(parties.operator, initialState)).toBe(false));
});

describe('partiesOf', () => {
  it('lists each party once', () => {
    const state = foldEvents([submitted(bol)]);
    expect(state.status === 'initial' ? [] : partiesOf(state).sort()).toEqual(
      [parties.yunxi.id, parties.rheinhafen.id, parties.rrhb.id, parties.silkrail.id].sort(),
    );
  });
});
