import { describe, expect, it } from 'vitest';
import { canSee } from './access.ts';
import type { Actor } from './commands.ts';
import { foldEvents, initialState } from './state.ts';
import { lodged, lodgeExport, lodgeImport, openTransit } from './testing/builders.ts';
import { billA, parties } from './testing/fixtures.ts';

const transit = foldEvents(lodged(openTransit(billA())));
const imported = foldEvents(lodged(lodgeImport(billA(), parties.rheinhafen)));

describe('canSee', () => {
  it.each([
    ['the operator', parties.operator],
    ['customs at the office of departure', parties.customsPl],
    ['customs at the office of destination', parties.customsDe],
    ['the declarant (carrier)', parties.silkrail],
    ['the exporter', parties.yunxi],
    ['the importer', parties.rheinhafen],
  ] as const)('lets %s see a transit', (_, party) => expect(canSee(party, transit)).toBe(true));

  it.each([
    ['customs of another office', parties.customsSg],
    ['the bank the bill is to the order of', parties.rrhb],
    ['a stranger', { id: 'someone', role: 'shipper' } satisfies Actor],
  ] as const)('hides a transit from %s', (_, party) => expect(canSee(party, transit)).toBe(false));

  it('lets customs see by an alias of its office (CNCKG ≡ CNCQI)', () =>
    expect(canSee({ id: 'c', role: 'customs', offices: ['CNCKG'] }, foldEvents(lodged(lodgeExport(billA()))))).toBe(
      true,
    ));

  it('hides an import from customs at the office of departure of the transit', () =>
    expect(canSee(parties.customsPl, imported)).toBe(false));

  it('lets nobody see a declaration that does not exist', () =>
    expect(canSee(parties.operator, initialState)).toBe(false));
});
