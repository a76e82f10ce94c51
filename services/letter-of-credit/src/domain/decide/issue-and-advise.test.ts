import { deciderSpec } from '@railbill/testkit/domain';
import { describe, expect, it } from 'vitest';
import { decider } from '../decide.ts';
import { actor, advised, command, issued, operator } from '../testing/builders.ts';
import { creditA, party } from '../testing/shipments.ts';

const { given, refuses } = deciderSpec(decider);

describe('issue', () => {
  it('issues the credit with its terms, issuer and date', () =>
    given().when(command.issue(creditA)).then(issued(creditA)));
  refuses(
    [],
    [
      [
        'a bank that is not the issuing bank with forbidden/not-in-role',
        command.issue(creditA, '2026-03-02', actor(party.yzcb)),
        'forbidden',
        'not-in-role',
      ],
      ['an operator', command.issue(creditA, '2026-03-02', operator), 'forbidden', 'not-in-role'],
    ],
  );
  it('refuses a second issue with conflict/already-issued', () =>
    given(issued(creditA)).when(command.issue(creditA)).thenRejects('conflict', 'already-issued'));
  it('refuses an expiry in the past, allows expiry today', () => {
    given().when(command.issue(creditA, '2026-05-13')).thenRejects('rule', 'expiry-in-past');
    given()
      .when(command.issue(creditA, '2026-05-12'))
      .thenEvents((e) => expect(e).toHaveLength(1));
  });
  it('refuses a latest shipment date after expiry, allows it on the expiry date', () => {
    given()
      .when(command.issue({ ...creditA, latestShipmentDate: '2026-05-13' }))
      .thenRejects('rule', 'shipment-after-expiry');
    given()
      .when(command.issue({ ...creditA, latestShipmentDate: '2026-05-12' }))
      .thenEvents((e) => expect(e).toHaveLength(1));
  });
  it('allows a tolerance above 10 % (not capped), refuses one 39A cannot carry', () => {
    given()
      .when(command.issue({ ...creditA, tolerance: { plusPercent: 100, minusPercent: 0 } }))
      .thenRejects('rule', 'tolerance-out-of-range');
    given()
      .when(command.issue({ ...creditA, tolerance: { plusPercent: 25, minusPercent: 15 } }))
      .thenEvents((e) => expect(e).toHaveLength(1));
  });
  refuses(
    [],
    [
      [
        'terms without a railway bill of lading or invoice',
        command.issue({ ...creditA, documentsRequired: [{ kind: 'commercial_invoice' }] }),
        'rule',
        'documents-required-incomplete',
      ],
      [
        'a zero amount',
        command.issue({ ...creditA, amount: { amount: '0.00', currency: 'USD' } }),
        'rule',
        'amount-not-positive',
      ],
    ],
  );
  it('refuses parties out of their roles or unknown', () => {
    given()
      .when(command.issue({ ...creditA, advisingBank: party.silkrail }))
      .thenRejects('rule', 'party-not-in-role');
    given()
      .when(command.issue({ ...creditA, beneficiary: 'nobody' }))
      .thenRejects('rule', 'unknown-party');
  });
});

describe('advise', () => {
  it('advises an issued credit', () =>
    given(issued(creditA))
      .when(command.advise(actor(party.yzcb)))
      .then(advised(creditA)));
  it('refuses anyone but the advising bank', () =>
    given(issued(creditA))
      .when(command.advise(actor(party.rrhb)))
      .thenRejects('forbidden', 'not-in-role'));
  it('refuses a second advice', () =>
    given(issued(creditA), advised(creditA))
      .when(command.advise(actor(party.yzcb)))
      .thenRejects('conflict', 'not-issued'));
  it('refuses an unknown credit with not_found', () =>
    given()
      .when(command.advise(actor(party.yzcb)))
      .thenRejects('not_found', 'credit-not-found'));
});
