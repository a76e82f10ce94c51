import type { LcEvent } from '@railbill/contracts';
import { deciderSpec } from '@railbill/testkit/domain';
import { describe, expect, it } from 'vitest';
import { decider } from '../decide.ts';
import { actor, advised, command, issued, presentCmd } from '../testing/builders.ts';
import { billA, creditA, invoiceA, party, waybillIds } from '../testing/shipments.ts';

const { given, play, refuses } = deciderSpec(decider);

const proposed = (n: number, changes: object): LcEvent => ({
  type: 'lc.amendment_proposed',
  data: { creditNumber: creditA.number, n, changes, proposedBy: party.rrhb },
});
const base = [issued(creditA), advised(creditA)];
const later = { latestShipmentDate: '2026-04-05' };

describe('proposeAmendment', () => {
  it('proposes an amendment numbered in sequence', () =>
    given(...base, proposed(1, later))
      .when(command.propose(actor(party.rrhb), { amount: { amount: '1300000.00', currency: 'USD' } }))
      .then(proposed(2, { amount: { amount: '1300000.00', currency: 'USD' } })));
  it('leaves the terms in force unchanged (UCP 10(c))', () =>
    given(...base)
      .when(command.propose(actor(party.rrhb), later))
      .thenState((s) => expect(s.status !== 'initial' && s.terms.latestShipmentDate).toBe('2026-04-15')));
  refuses(base, [
    ['anyone but the issuing bank', command.propose(actor(party.yunxi, 'shipper'), later), 'forbidden', 'not-in-role'],
    ['an empty amendment', command.propose(actor(party.rrhb), {}), 'rule', 'empty-amendment'],
    [
      'a new currency',
      command.propose(actor(party.rrhb), { amount: { amount: '1.00', currency: 'EUR' } }),
      'rule',
      'currency-change',
    ],
    [
      'a latest shipment date after the expiry',
      command.propose(actor(party.rrhb), { latestShipmentDate: '2026-06-01' }),
      'rule',
      'shipment-after-expiry',
    ],
    [
      'a nominated bank that is not a bank',
      command.propose(actor(party.rrhb), { nominatedBank: party.yunxi }),
      'rule',
      'party-not-in-role',
    ],
  ]);
});

describe('acceptAmendment / rejectAmendment', () => {
  const withProposal = [...base, proposed(1, later)];
  it.each([
    ['accepts', 'changes', command.acceptAmendment, '2026-04-05', 'accepted'],
    ['rejects', 'leaves', command.rejectAmendment, '2026-04-15', 'rejected'],
  ] as const)('%s a proposed amendment, which %s the terms', (_verb, _effect, answer, latestShipmentDate, status) =>
    given(...withProposal)
      .when(answer(actor(party.yunxi, 'shipper'), 1))
      .thenState((s) => {
        expect(s.status !== 'initial' && s.terms.latestShipmentDate).toBe(latestShipmentDate);
        expect(s.status !== 'initial' && s.amendments[0]?.status).toBe(status);
      }),
  );
  refuses(withProposal, [
    ['anyone but the beneficiary', command.acceptAmendment(actor(party.rrhb), 1), 'forbidden', 'not-in-role'],
    [
      'an unknown amendment',
      command.acceptAmendment(actor(party.yunxi, 'shipper'), 2),
      'not_found',
      'amendment-not-found',
    ],
  ]);
  it('refuses an amendment already answered (conflict)', () => {
    const answered = play(withProposal, command.rejectAmendment(actor(party.yunxi, 'shipper'), 1));
    given(...answered)
      .when(command.acceptAmendment(actor(party.yunxi, 'shipper'), 1))
      .thenRejects('conflict', 'amendment-not-proposed');
  });

  const examination = (history: readonly LcEvent[]) => {
    const events = play(
      history,
      presentCmd(creditA, { waybillId: waybillIds.a, invoice: invoiceA, today: '2026-04-14', bill: billA }),
    );
    const examined = events.at(-1);
    return examined?.type === 'lc.examined' ? examined.data.discrepancies.map((d) => d.code) : [];
  };
  it('an accepted amendment governs a later examination: shipped 04-08 is late against 04-05', () =>
    expect(examination(play(withProposal, command.acceptAmendment(actor(party.yunxi, 'shipper'), 1)))).toEqual([
      'LATE_SHIPMENT',
    ]));
  it('a rejected or pending amendment does not', () => {
    expect(examination(play(withProposal, command.rejectAmendment(actor(party.yunxi, 'shipper'), 1)))).toEqual([]);
    expect(examination(withProposal)).toEqual([]);
  });
});
