import { deciderSpec } from '@railbill/testkit/domain';
import { describe, it } from 'vitest';
import type { Actor, Endorse, ReleaseToApplicant } from '../commands.ts';
import { decider } from '../decide.ts';
import { endorsed, issued, submitted, t, transferred } from '../testing/builders.ts';
import { chongqingDuisburg, parties, straightWaybillHamburg } from '../testing/shipments.ts';

const { given, refuses } = deciderSpec(decider);

// docs/title.md: the bill of shipment (a) is to the order of rrhb; the shipper holds it but is not entitled.
const bol = chongqingDuisburg();
// the same bill made out to the order of the shipper: the shipper is the entitled holder at issue
const ownOrder = chongqingDuisburg({ toOrderOf: parties.yunxi.id });
const { yunxi, yzcb, rheinhafen, rrhb, silkrail, customsCq, operator } = parties;

const endorse = (by: Actor, to: Actor | { id: string; role?: undefined }): Endorse => ({
  type: 'endorse',
  by,
  at: t.endorsed,
  to: to.id,
  toRole: to.role,
});

const paid = (causationId = 'lc-paid-event-1'): ReleaseToApplicant => ({
  type: 'releaseToApplicant',
  by: rrhb,
  at: t.paid,
  banks: [rrhb.id, yzcb.id],
  applicant: rheinhafen.id,
  causationId,
});

describe('endorse', () => {
  it('makes the endorsee the holder and the order party', () =>
    given(submitted(ownOrder), issued(ownOrder)).when(endorse(yunxi, yzcb)).then(endorsed(yunxi.id, yzcb.id)));

  it('lets the new entitled holder endorse on', () =>
    given(submitted(ownOrder), issued(ownOrder), endorsed(yunxi.id, yzcb.id))
      .when(endorse(yzcb, rheinhafen))
      .then(endorsed(yzcb.id, rheinhafen.id)));

  it('refuses a holder that is not the order party: "to order" has effect (conflict)', () =>
    given(submitted(bol), issued(bol)).when(endorse(yunxi, rheinhafen)).thenRejects('conflict', 'not-entitled'));

  it('lets the order party endorse once it holds the bill', () =>
    given(submitted(bol), issued(bol), transferred(yunxi.id, rrhb.id))
      .when(endorse(rrhb, rheinhafen))
      .then(endorsed(rrhb.id, rheinhafen.id)));

  it('endorses in blank: a bearer bill, the holder keeps it', () =>
    given(submitted(ownOrder), issued(ownOrder))
      .when({ type: 'endorse', by: yunxi, at: t.endorsed, blank: true })
      .then({ type: 'waybill.endorsed', data: { from: yunxi.id, to: yunxi.id, at: t.endorsed, blank: true } }));

  it('refuses a former holder (conflict)', () =>
    given(submitted(ownOrder), issued(ownOrder), endorsed(yunxi.id, yzcb.id))
      .when(endorse(yunxi, rheinhafen))
      .thenRejects('conflict', 'not-holder'));

  refuses(
    [submitted(bol), issued(bol)],
    [
      ['a carrier, who never holds a bill', endorse(silkrail, yzcb), 'forbidden', 'not-holder'],
      ['an operator', endorse(operator, yzcb), 'forbidden', 'read-only'],
    ],
  );

  refuses(
    [submitted(ownOrder), issued(ownOrder)],
    [
      ['endorsing to the holder itself', endorse(yunxi, yunxi), 'rule', 'to-self'],
      ['an unknown endorsee', endorse(yunxi, { id: 'nobody' }), 'rule', 'unknown-party'],
      ['an endorsee whose role cannot hold title', endorse(yunxi, customsCq), 'rule', 'receiver-role'],
    ],
  );

  it('refuses a straight waybill (rule)', () => {
    const waybill = straightWaybillHamburg();
    given(submitted(waybill), issued(waybill))
      .when(endorse(parties.bayu, parties.elbufer))
      .thenRejects('rule', 'not-negotiable');
  });

  it('refuses a bill not yet issued (conflict)', () =>
    given(submitted(bol)).when(endorse(yunxi, yzcb)).thenRejects('conflict', 'not-issued'));

  it('refuses a surrendered bill (conflict)', () =>
    given(submitted(ownOrder), issued(ownOrder), { type: 'waybill.surrendered', data: { surrenderedBy: yunxi.id } })
      .when(endorse(yunxi, yzcb))
      .thenRejects('conflict', 'not-issued'));
});

describe('release to the applicant on payment', () => {
  const withIssuingBank = [submitted(bol), issued(bol), transferred(yunxi.id, rrhb.id)] as const;

  it('endorses the bill from the entitled bank to the applicant, caused by the payment', () =>
    given(...withIssuingBank)
      .when(paid())
      .then({
        type: 'waybill.endorsed',
        data: { from: rrhb.id, to: rheinhafen.id, at: t.paid, causationId: 'lc-paid-event-1' },
      }));

  it('changes nothing when the same payment is delivered again', () =>
    given(...withIssuingBank, {
      type: 'waybill.endorsed',
      data: { from: rrhb.id, to: rheinhafen.id, at: t.paid, causationId: 'lc-paid-event-1' },
    })
      .when(paid())
      .then());

  it('waits while the bank holding the bill is not entitled (the nominated bank before the forward)', () =>
    given(submitted(bol), issued(bol), transferred(yunxi.id, yzcb.id))
      .when(paid())
      .thenRejects('conflict', 'release-waits'));

  it('waits while the shipper still holds the bill', () =>
    given(submitted(bol), issued(bol)).when(paid()).thenRejects('conflict', 'release-waits'));

  it('transfers a bearer bill', () =>
    given(
      submitted(ownOrder),
      issued(ownOrder),
      { type: 'waybill.endorsed', data: { from: yunxi.id, to: yunxi.id, at: t.endorsed, blank: true } },
      transferred(yunxi.id, yzcb.id),
    )
      .when(paid())
      .then({
        type: 'waybill.transferred',
        data: { from: yzcb.id, to: rheinhafen.id, at: t.paid, causationId: 'lc-paid-event-1' },
      }));

  it('refuses a straight waybill (rule)', () => {
    const waybill = straightWaybillHamburg();
    given(submitted(waybill), issued(waybill)).when(paid()).thenRejects('rule', 'not-negotiable');
  });

  it('refuses an accomplished bill (conflict)', () =>
    given(...withIssuingBank, {
      type: 'waybill.accomplished',
      data: { deliveredTo: yzcb.id, deliveredBy: silkrail.id },
    })
      .when(paid())
      .thenRejects('conflict', 'already-accomplished'));
});

describe('the acts the credit causes (docs/title.md "Banks and title")', () => {
  const forward = (causationId = 'fwd-1') =>
    ({ type: 'forwardToIssuingBank', by: yzcb, at: t.paid, from: yzcb.id, to: rrhb.id, causationId }) as const;
  const withNominated = [submitted(bol), issued(bol), transferred(yunxi.id, yzcb.id)] as const;

  it('passes the bill from the nominated to the issuing bank by transfer when the nominated bank is not its order party', () =>
    given(...withNominated)
      .when(forward())
      .then({ type: 'waybill.transferred', data: { from: yzcb.id, to: rrhb.id, at: t.paid, causationId: 'fwd-1' } }));

  it('endorses it specially when the nominated bank is the order party', () => {
    const toNominated = chongqingDuisburg({ toOrderOf: yzcb.id });
    given(submitted(toNominated), issued(toNominated), transferred(yunxi.id, yzcb.id))
      .when(forward())
      .then({ type: 'waybill.endorsed', data: { from: yzcb.id, to: rrhb.id, at: t.paid, causationId: 'fwd-1' } });
  });

  it('changes nothing when the issuing bank already holds the bill, or the forward is redelivered', () => {
    given(submitted(bol), issued(bol), transferred(yunxi.id, rrhb.id)).when(forward()).then();
    given(...withNominated, {
      type: 'waybill.transferred',
      data: { from: yzcb.id, to: rrhb.id, at: t.paid, causationId: 'fwd-1' },
    })
      .when(forward())
      .then();
  });

  it('refuses a forward of a bill the nominated bank does not hold (conflict)', () =>
    given(submitted(bol), issued(bol)).when(forward()).thenRejects('conflict', 'not-holder'));

  it('gives the bill back to the presenter on a refusal that returns the documents', () =>
    given(...withNominated)
      .when({
        type: 'returnToPresenter',
        by: yzcb,
        at: t.paid,
        banks: [yzcb.id, rrhb.id],
        presenter: yunxi.id,
        causationId: 'refused-1',
      })
      .then({
        type: 'waybill.transferred',
        data: { from: yzcb.id, to: yunxi.id, at: t.paid, causationId: 'refused-1' },
      }));
});
