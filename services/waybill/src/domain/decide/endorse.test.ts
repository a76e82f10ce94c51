import { describe, it } from 'vitest';
import type { Actor, Endorse, EndorseOnPayment } from '../commands.ts';
import { endorsed, issued, submitted, t } from '../testing/builders.ts';
import { chongqingDuisburg, parties, straightWaybillHamburg } from '../testing/shipments.ts';
import { given } from '../testing/specification.ts';

const bol = chongqingDuisburg();
const { yunxi, yzcb, rheinhafen, rrhb, silkrail, customsCq, operator } = parties;

const endorse = (by: Actor, to: Actor | { id: string; role?: undefined }): Endorse => ({
  type: 'endorse',
  by,
  at: t.endorsed,
  to: to.id,
  toRole: to.role,
});

const paid = (bank = yzcb.id, causationId = 'lc-paid-event-1'): EndorseOnPayment => ({
  type: 'endorseOnPayment',
  by: { id: bank, role: 'bank' },
  at: t.paid,
  bank,
  applicant: rheinhafen.id,
  causationId,
});

describe('endorse', () => {
  it('makes the endorsee the holder', () =>
    given(submitted(bol), issued(bol)).when(endorse(yunxi, yzcb)).then(endorsed(yunxi.id, yzcb.id)));

  it('lets the new holder endorse on', () =>
    given(submitted(bol), issued(bol), endorsed(yunxi.id, yzcb.id))
      .when(endorse(yzcb, rheinhafen))
      .then(endorsed(yzcb.id, rheinhafen.id)));

  it('refuses a former holder (conflict)', () =>
    given(submitted(bol), issued(bol), endorsed(yunxi.id, yzcb.id))
      .when(endorse(yunxi, rheinhafen))
      .thenRejects('conflict', 'not-holder'));

  it('refuses a bank that does not hold the bill yet (conflict)', () =>
    given(submitted(bol), issued(bol)).when(endorse(rrhb, rheinhafen)).thenRejects('conflict', 'not-holder'));

  it('refuses a carrier, who never holds a bill (forbidden)', () =>
    given(submitted(bol), issued(bol)).when(endorse(silkrail, yzcb)).thenRejects('forbidden', 'not-holder'));

  it('refuses an operator (forbidden)', () =>
    given(submitted(bol), issued(bol)).when(endorse(operator, yzcb)).thenRejects('forbidden', 'read-only'));

  it('refuses endorsing to the holder itself (rule)', () =>
    given(submitted(bol), issued(bol)).when(endorse(yunxi, yunxi)).thenRejects('rule', 'endorse-to-self'));

  it('refuses an unknown endorsee (rule)', () =>
    given(submitted(bol), issued(bol))
      .when(endorse(yunxi, { id: 'nobody' }))
      .thenRejects('rule', 'unknown-party'));

  it('refuses an endorsee whose role cannot hold title (rule)', () =>
    given(submitted(bol), issued(bol)).when(endorse(yunxi, customsCq)).thenRejects('rule', 'endorsee-role'));

  it('refuses a straight waybill (rule)', () => {
    const waybill = straightWaybillHamburg();
    given(submitted(waybill), issued(waybill))
      .when(endorse(parties.bayu, parties.elbufer))
      .thenRejects('rule', 'not-negotiable');
  });

  it('refuses a bill not yet issued (conflict)', () =>
    given(submitted(bol)).when(endorse(yunxi, yzcb)).thenRejects('conflict', 'not-issued'));

  it('refuses a surrendered bill (conflict)', () =>
    given(submitted(bol), issued(bol), { type: 'waybill.surrendered', data: { surrenderedBy: yunxi.id } })
      .when(endorse(yunxi, yzcb))
      .thenRejects('conflict', 'not-issued'));
});

describe('endorseOnPayment', () => {
  const heldByBank = [submitted(bol), issued(bol), endorsed(yunxi.id, yzcb.id)] as const;

  it('endorses the bill from the paid bank to the applicant, caused by the payment', () =>
    given(...heldByBank)
      .when(paid())
      .then({
        type: 'waybill.endorsed',
        data: { from: yzcb.id, to: rheinhafen.id, at: t.paid, causationId: 'lc-paid-event-1' },
      }));

  it('changes nothing when the same payment is delivered again', () =>
    given(...heldByBank, {
      type: 'waybill.endorsed',
      data: { from: yzcb.id, to: rheinhafen.id, at: t.paid, causationId: 'lc-paid-event-1' },
    })
      .when(paid())
      .then());

  it('refuses when the bank no longer holds the bill (conflict)', () =>
    given(...heldByBank, endorsed(yzcb.id, rrhb.id))
      .when(paid())
      .thenRejects('conflict', 'not-holder'));

  it('refuses a bank that never held the bill (conflict)', () =>
    given(submitted(bol), issued(bol)).when(paid()).thenRejects('conflict', 'not-holder'));

  it('refuses a straight waybill (rule)', () => {
    const waybill = straightWaybillHamburg();
    given(submitted(waybill), issued(waybill)).when(paid()).thenRejects('rule', 'not-negotiable');
  });

  it('refuses an accomplished bill (conflict)', () =>
    given(...heldByBank, { type: 'waybill.accomplished', data: { deliveredTo: yzcb.id, deliveredBy: silkrail.id } })
      .when(paid())
      .thenRejects('conflict', 'already-accomplished'));
});
