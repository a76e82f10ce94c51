import type { WaybillEvent } from '@railbill/contracts';
import { deciderSpec } from '@railbill/testkit/domain';
import { describe, expect, it } from 'vitest';
import type { Issue } from '../commands.ts';
import { decider } from '../decide.ts';
import { foldEvents } from '../state.ts';
import { billNumber, issued, recordMilestone, submitted, t } from '../testing/builders.ts';
import { chongqingDuisburg, parties } from '../testing/shipments.ts';

const { given } = deciderSpec(decider);

/** A loaded milestone noting a clause (UCP 27: the bill is then claused). */
const loadedWet: WaybillEvent = {
  type: 'waybill.milestone_recorded',
  data: {
    leg: 1,
    event: 'loaded',
    at: t.departed,
    location: 'CNCQI',
    recordedBy: parties.silkrail.id,
    clauses: ['1 pallet wet'],
  },
};

// docs/ucp600.md §4 (UCP 27): the carrier's clauses on the goods or packaging, at issue or with a `loaded` milestone.
const bol = chongqingDuisburg();

describe('clauses', () => {
  it('are carried by waybill.issued when the carrier adds them at issue', () => {
    const issue: Issue = { type: 'issue', by: parties.silkrail, at: t.issued, billNumber, clauses: ['2 cartons torn'] };
    given(submitted(bol))
      .when(issue)
      .then({
        type: 'waybill.issued',
        data: {
          billNumber,
          issuedBy: parties.silkrail.id,
          holder: parties.yunxi.id,
          at: t.issued,
          clauses: ['2 cartons torn'],
        },
      });
  });
  it('are carried by a loaded milestone', () =>
    given(submitted(bol), issued(bol))
      .when(recordMilestone(1, 'loaded', t.departed, 'CNCQI', { clauses: ['1 pallet wet'] }))
      .then(loadedWet));
  it('are refused with any other milestone', () =>
    given(submitted(bol), issued(bol))
      .when(recordMilestone(1, 'departed', t.departed, 'CNCQI', { clauses: ['1 pallet wet'] }))
      .thenRejects('rule', 'clauses-only-when-loaded'));
  it('are kept on the bill, at issue and from loaded milestones', () => {
    const state = foldEvents([
      submitted(bol),
      {
        type: 'waybill.issued',
        data: { billNumber, issuedBy: parties.silkrail.id, holder: parties.yunxi.id, clauses: ['2 cartons torn'] },
      },
      loadedWet,
    ]);
    expect(state.status !== 'initial' && state.clauses).toEqual(['2 cartons torn', '1 pallet wet']);
  });
});
