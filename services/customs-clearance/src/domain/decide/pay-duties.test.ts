import { money } from '@railbill/contracts';
import { deciderSpec } from '@railbill/testkit/domain';
import { describe, expect, it } from 'vitest';
import { customsDecider } from '../decide.ts';
import { lodged, lodgeExport, lodgeImport, paidBy, payDuties, sampledTo } from '../testing/builders.ts';
import { billA, billD, env, ids, parties, t } from '../testing/fixtures.ts';

const { given, refuses } = deciderSpec(customsDecider(env));

const { elbufer, rheinhafen, yunxi } = parties;
/** docs/shipments.md (a): the AEO importer's green import, accepted and waiting for its VAT (docs/contract.md §5). */
const green = lodged(lodgeImport(billA(), rheinhafen));
const ref = { waybillId: ids.waybillA, declarationType: 'import', office: 'DEDUI', at: t.decided } as const;

describe('payDuties on a green import waiting for its duties', () => {
  it('records the payment and releases the goods', () =>
    given(...green)
      .when(payDuties(rheinhafen))
      .then(
        {
          type: 'customs.duties_paid',
          data: {
            ...ref,
            status: 'accepted',
            by: 'rheinhafen-computer',
            method: 'paid',
            reference: 'PAY-rheinhafen-computer',
            duty: money('0', 'EUR'),
            vat: money('218150.40', 'EUR'),
          },
        },
        { type: 'customs.released', data: { ...ref, status: 'released', reason: 'duties paid: released' } },
      ));

  it('shows a guarantee as guaranteed, with how and by whom', () =>
    given(...green)
      .when(payDuties(rheinhafen, 'guarantee'))
      .thenState((s) =>
        expect(s).toMatchObject({
          status: 'released',
          duties: {
            status: 'guaranteed',
            payment: {
              method: 'guarantee',
              reference: 'PAY-rheinhafen-computer',
              by: 'rheinhafen-computer',
              at: t.decided,
            },
          },
        }),
      ));

  refuses(green, [
    ['a party on the bill that is not the importer', payDuties(yunxi), 'forbidden', 'not-importer'],
    ['an operator', payDuties(parties.operator), 'forbidden', 'read-only'],
  ]);

  it('refuses a second payment (conflict)', () =>
    given(...paidBy(rheinhafen, green))
      .when(payDuties(rheinhafen, 'guarantee'))
      .thenRejects('conflict', 'duties-settled'));
});

describe('payDuties on a case under control', () => {
  it('records the payment and leaves the release to the officer', () =>
    given(...lodged(lodgeImport(billD(), elbufer), sampledTo('yellow')))
      .when(payDuties(elbufer))
      .thenTypes('customs.duties_paid'));
});

describe('payDuties on a declaration without duties', () => {
  it('refuses an import that owes nothing (conflict): released green at lodging', () => {
    const free = lodged(lodgeImport(billA({ declaredValue: money('0.00', 'USD') }), rheinhafen));
    expect(free.map((e) => e.type)).toContain('customs.released');
    given(...free)
      .when(payDuties(rheinhafen))
      .thenRejects('conflict', 'nothing-to-pay');
  });

  it('refuses a rejected import (conflict)', () => {
    const yellow = lodged(lodgeImport(billD(), elbufer), sampledTo('yellow'));
    const rejected = {
      type: 'customs.rejected',
      data: { ...ref, waybillId: ids.waybillD, office: 'DEHAM', by: 'customs-de', reason: 'no', status: 'rejected' },
    } as const;
    given(...yellow, rejected)
      .when(payDuties(elbufer))
      .thenRejects('conflict', 'declaration-rejected');
  });

  it('refuses an export (rule)', () =>
    given(...lodged(lodgeExport(billA()), sampledTo('yellow')))
      .when(payDuties(yunxi))
      .thenRejects('rule', 'no-duties'));
});
