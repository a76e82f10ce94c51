import { describe } from 'vitest';
import { inputA, withBill } from '../../testing/examination-input.ts';
import { ruleCases } from '../../testing/rule-cases.ts';
import { billA, party } from '../../testing/shipments.ts';
import { consigneeNotAsRequired } from './14a-consignee-not-as-required.ts';

const blankEndorsedWanted = (bill: typeof billA) =>
  inputA({
    bill,
    terms: { ...inputA().terms, documentsRequired: [{ kind: 'railway_bill_of_lading', blankEndorsed: true }] },
  });

describe('CONSIGNEE_NOT_AS_REQUIRED', () =>
  ruleCases(consigneeNotAsRequired, [
    ['complies when to order of the required party', inputA(), 'complies'],
    ['fires when to order of another party', inputA(withBill({ toOrderOf: party.yzcb })), { contains: party.yzcb }],
    [
      'accepts a bearer bill when the credit wants the bill endorsed in blank (docs/title.md)',
      blankEndorsedWanted({ ...billA, orderOf: null }),
      'complies',
    ],
    [
      'fires for an order bill when the credit wants the bill endorsed in blank (docs/title.md)',
      blankEndorsedWanted({ ...billA, orderOf: party.rrhb }),
      { contains: 'not endorsed in blank' },
    ],
    ['fires for a straight waybill', inputA(withBill({ type: 'waybill', toOrderOf: null })), 'fires'],
  ]));
