import type { WaybillEvent } from '@railbill/contracts';
import { deciderSpec } from '@railbill/testkit/domain';
import { describe, it } from 'vitest';
import type { Issue, Void } from '../commands.ts';
import { decider } from '../decide.ts';
import { billNumber, issued, submitted, t } from '../testing/builders.ts';
import { chongqingDuisburg, chongqingQinzhouSingapore, parties } from '../testing/shipments.ts';

const { given, refuses } = deciderSpec(decider);

const voided: WaybillEvent = { type: 'waybill.voided', data: { voidedBy: parties.yunxi.id } };

const bol = chongqingDuisburg();
const issue = (by: Issue['by'] = parties.silkrail): Issue => ({ type: 'issue', by, at: t.issued, billNumber });
const voidIt = (by: Void['by'] = parties.yunxi, reason?: string): Void => ({
  type: 'void',
  by,
  at: t.issued,
  ...(reason === undefined ? {} : { reason }),
});

describe('issue', () => {
  it('assigns the bill number and makes the shipper the holder', () =>
    given(submitted(bol))
      .when(issue())
      .then({
        type: 'waybill.issued',
        data: { billNumber, issuedBy: parties.silkrail.id, holder: parties.yunxi.id, at: t.issued },
      }));

  it('refuses a leg carrier that is not the named carrier (forbidden)', () =>
    given(submitted(chongqingQinzhouSingapore())).when(issue(parties.beibu)).thenRejects('forbidden', 'not-carrier'));

  refuses(
    [submitted(bol)],
    [
      ['the shipper', issue(parties.yunxi), 'forbidden', 'not-carrier'],
      ['an operator', issue(parties.operator), 'forbidden', 'read-only'],
    ],
  );

  it('refuses a bill already issued (conflict)', () =>
    given(submitted(bol), issued(bol)).when(issue()).thenRejects('conflict', 'already-issued'));

  it('refuses a void bill (conflict)', () =>
    given(submitted(bol), voided).when(issue()).thenRejects('conflict', 'already-void'));

  it('refuses a bill that does not exist (not found)', () =>
    given().when(issue()).thenRejects('not_found', 'waybill-not-found'));
});

describe('void', () => {
  it('cancels a submitted bill, with the reason given', () =>
    given(submitted(bol))
      .when(voidIt(parties.yunxi, 'order cancelled'))
      .then({ type: 'waybill.voided', data: { voidedBy: parties.yunxi.id, reason: 'order cancelled' } }));

  it('refuses the carrier (forbidden)', () =>
    given(submitted(bol)).when(voidIt(parties.silkrail)).thenRejects('forbidden', 'not-shipper'));

  it('refuses an issued bill (conflict)', () =>
    given(submitted(bol), issued(bol)).when(voidIt()).thenRejects('conflict', 'already-issued'));

  it('refuses a void bill (conflict)', () =>
    given(submitted(bol), voided).when(voidIt()).thenRejects('conflict', 'already-void'));
});
