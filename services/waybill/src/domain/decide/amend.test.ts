import type { WaybillChanges, WaybillEvent } from '@railbill/contracts';
import { deciderSpec } from '@railbill/testkit/domain';
import { describe, it } from 'vitest';
import type { Actor, Amend, RejectAmendmentRequest, RequestAmendment } from '../commands.ts';
import { decider } from '../decide.ts';
import { endorsed, issued, milestone, submitted, t } from '../testing/builders.ts';
import { chongqingDuisburg, parties, roles, straightWaybillHamburg } from '../testing/shipments.ts';

const { given, refuses } = deciderSpec(decider);

const { yunxi, yzcb, rheinhafen, silkrail, elbufer, bayu } = parties;
const bol = chongqingDuisburg();
const waybill = straightWaybillHamburg();
const railTo = (to: string) => [{ sequence: 1, mode: 'rail', carrier: silkrail.id, from: 'CNCQI', to }] as const;
const toHamburg: WaybillChanges = { placeOfDelivery: 'DEHAM', legs: [...railTo('DEHAM')] };

const amend = (by: Actor, changes: WaybillChanges, request?: number): Amend => ({
  type: 'amend',
  by,
  at: t.issued,
  changes,
  roles,
  ...(request === undefined ? {} : { request }),
});
const amended = (by: Actor, changes: WaybillChanges, request?: number): WaybillEvent => ({
  type: 'waybill.amended',
  data: { changes, amendedBy: by.id, ...(request === undefined ? {} : { request }), warnings: [] },
});
const requestAmendment = (by: Actor, changes: WaybillChanges, n?: number): RequestAmendment => ({
  type: 'requestAmendment',
  by,
  at: t.issued,
  changes,
  ...(n === undefined ? {} : { n }),
});
const requested = (n: number, by: Actor, changes: WaybillChanges): WaybillEvent => ({
  type: 'waybill.amendment_requested',
  data: { n, changes, requestedBy: by.id },
});
const rejectRequest = (by: Actor, n: number): RejectAmendmentRequest => ({
  type: 'rejectAmendmentRequest',
  by,
  at: t.issued,
  n,
  reason: 'train already booked',
});

const issuedBol = [submitted(bol), issued(bol)] as const;
const heldByBank = [...issuedBol, endorsed(yunxi.id, yzcb.id)] as const;
const collect: WaybillChanges = { freight: 'collect' };
const collectRequested = requested(1, yzcb, collect);

describe('amend', () => {
  describe('before issue', () => {
    it('lets the shipper amend', () =>
      given(submitted(bol)).when(amend(yunxi, toHamburg)).then(amended(yunxi, toHamburg)));
    it('lets the carrier amend', () =>
      given(submitted(bol))
        .when(amend(silkrail, { freight: 'collect' }))
        .then(amended(silkrail, { freight: 'collect' })));
    it('lets the type change', () =>
      given(submitted(waybill))
        .when(amend(bayu, { type: 'bill_of_lading', toOrderOf: elbufer.id }))
        .then(amended(bayu, { type: 'bill_of_lading', toOrderOf: elbufer.id })));
    it('lists unknown UN/LOCODEs of the new version as warnings', () => {
      const changes: WaybillChanges = { placeOfDelivery: 'DEXYZ', legs: [...railTo('DEXYZ')] };
      given(submitted(bol))
        .when(amend(yunxi, changes))
        .then({
          type: 'waybill.amended',
          data: {
            changes,
            amendedBy: yunxi.id,
            warnings: ['unknown UN/LOCODE DEXYZ at placeOfDelivery', 'unknown UN/LOCODE DEXYZ at legs[0].to'],
          },
        });
    });
    refuses(
      [submitted(bol)],
      [
        ['changes that break the leg chain', amend(yunxi, { placeOfDelivery: 'DEHAM' }), 'rule', 'legs-do-not-chain'],
        ['a party in the wrong role', amend(yunxi, { consignee: yzcb.id }), 'rule', 'party-role-mismatch'],
        ['a change of shipper', amend(yunxi, { shipper: bayu.id }), 'rule', 'immutable-field'],
        ['an empty amendment', amend(yunxi, {}), 'rule', 'no-changes'],
        ['the consignee', amend(rheinhafen, { freight: 'collect' }), 'forbidden', 'not-amending-party'],
      ],
    );
  });

  describe('after issue of a bill of lading', () => {
    it('grants the holder’s open request with its changes', () =>
      given(...heldByBank, collectRequested)
        .when(amend(silkrail, {}, 1))
        .then(amended(silkrail, { freight: 'collect' }, 1)));
    it('grants a request with the same changes restated', () =>
      given(...heldByBank, requested(1, yzcb, toHamburg))
        .when(amend(silkrail, toHamburg, 1))
        .then(amended(silkrail, toHamburg, 1)));
    it('refuses changes beyond the request (rule)', () =>
      given(...heldByBank, collectRequested)
        .when(amend(silkrail, { incoterm: 'DAP' }, 1))
        .thenRejects('rule', 'amendment-differs-from-request'));
    it('refuses a request of a former holder (conflict)', () =>
      given(...issuedBol, requested(1, yunxi, { freight: 'collect' }), endorsed(yunxi.id, yzcb.id))
        .when(amend(silkrail, {}, 1))
        .thenRejects('conflict', 'not-holder'));
    it('refuses a rejected request (conflict)', () =>
      given(...heldByBank, collectRequested, {
        type: 'waybill.amendment_rejected',
        data: { n: 1, rejectedBy: silkrail.id },
      })
        .when(amend(silkrail, {}, 1))
        .thenRejects('conflict', 'amendment-request-closed'));
    it('refuses a change of type even when requested (rule)', () =>
      given(...heldByBank, requested(1, yzcb, { type: 'waybill' }))
        .when(amend(silkrail, {}, 1))
        .thenRejects('rule', 'immutable-field'));
    it('refuses the shipper (conflict: only the carrier amends once issued)', () =>
      given(...issuedBol)
        .when(amend(yunxi, { freight: 'collect' }))
        .thenRejects('conflict', 'already-issued'));
    it('refuses after the first departure (conflict)', () =>
      given(...heldByBank, collectRequested, milestone(1, 'departed', t.departed, 'CNCQI'))
        .when(amend(silkrail, {}, 1))
        .thenRejects('conflict', 'already-departed'));
    refuses(heldByBank, [
      ['without a request of the holder', amend(silkrail, collect), 'conflict', 'amendment-request-required'],
      ['an unknown request', amend(silkrail, {}, 7), 'not_found', 'amendment-request-not-found'],
    ]);
  });

  describe('after issue of a straight waybill', () => {
    it('lets the carrier amend before departure without a request', () =>
      given(submitted(waybill), issued(waybill))
        .when(amend(silkrail, { freight: 'collect' }))
        .then(amended(silkrail, { freight: 'collect' })));
    it('refuses a change of type (rule)', () =>
      given(submitted(waybill), issued(waybill))
        .when(amend(silkrail, { type: 'bill_of_lading' }))
        .thenRejects('rule', 'immutable-field'));
  });

  it('refuses a surrendered bill (conflict)', () =>
    given(...heldByBank, { type: 'waybill.surrendered', data: { surrenderedBy: yzcb.id } })
      .when(amend(silkrail, {}, 1))
      .thenRejects('conflict', 'not-amendable'));
});

describe('requestAmendment', () => {
  it('numbers the holder’s request 1', () =>
    given(...heldByBank)
      .when(requestAmendment(yzcb, { freight: 'collect' }))
      .then(requested(1, yzcb, { freight: 'collect' })));
  it('numbers the next request after the previous ones', () =>
    given(...heldByBank, collectRequested)
      .when(requestAmendment(yzcb, { incoterm: 'DAP' }, 2))
      .then(requested(2, yzcb, { incoterm: 'DAP' })));
  it('refuses a straight waybill (rule)', () =>
    given(submitted(waybill), issued(waybill))
      .when(requestAmendment(bayu, { freight: 'collect' }))
      .thenRejects('rule', 'not-negotiable'));
  it('refuses a bill not yet issued (conflict)', () =>
    given(submitted(bol))
      .when(requestAmendment(yunxi, { freight: 'collect' }))
      .thenRejects('conflict', 'not-issued'));
  it('refuses after the first departure (conflict)', () =>
    given(...heldByBank, milestone(1, 'departed', t.departed, 'CNCQI'))
      .when(requestAmendment(yzcb, { freight: 'collect' }))
      .thenRejects('conflict', 'already-departed'));
  it('refuses a number already taken (conflict)', () =>
    given(...heldByBank, collectRequested)
      .when(requestAmendment(yzcb, { incoterm: 'DAP' }, 1))
      .thenRejects('conflict', 'amendment-request-exists'));
  refuses(heldByBank, [
    ['a party that is not the holder', requestAmendment(yunxi, { freight: 'collect' }), 'conflict', 'not-holder'],
    ['a change of type', requestAmendment(yzcb, { type: 'waybill' }), 'rule', 'immutable-field'],
    [
      'changes that break the leg chain',
      requestAmendment(yzcb, { placeOfDelivery: 'DEHAM' }),
      'rule',
      'legs-do-not-chain',
    ],
    ['an empty request', requestAmendment(yzcb, {}), 'rule', 'no-changes'],
  ]);
});

describe('rejectAmendmentRequest', () => {
  const open = [...heldByBank, collectRequested] as const;
  it('rejects the open request with the carrier’s reason', () =>
    given(...open)
      .when(rejectRequest(silkrail, 1))
      .then({
        type: 'waybill.amendment_rejected',
        data: { n: 1, rejectedBy: silkrail.id, reason: 'train already booked' },
      }));
  it('refuses a request already answered (conflict)', () =>
    given(...open, amended(silkrail, { freight: 'collect' }, 1))
      .when(rejectRequest(silkrail, 1))
      .thenRejects('conflict', 'amendment-request-closed'));
  refuses(open, [
    ['an unknown request', rejectRequest(silkrail, 2), 'not_found', 'amendment-request-not-found'],
    ['the holder', rejectRequest(yzcb, 1), 'forbidden', 'not-carrier'],
  ]);
});
