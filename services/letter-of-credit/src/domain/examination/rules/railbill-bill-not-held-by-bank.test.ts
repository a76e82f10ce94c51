import { describe } from 'vitest';
import { inputA, withBill } from '../../testing/examination-input.ts';
import { ruleCases } from '../../testing/rule-cases.ts';
import { party } from '../../testing/shipments.ts';
import { billNotHeldByBank } from './railbill-bill-not-held-by-bank.ts';

describe('BILL_NOT_HELD_BY_BANK', () =>
  ruleCases(billNotHeldByBank, [
    ['complies when the nominated bank holds the bill', inputA(), 'complies'],
    ['complies when the issuing bank holds it', inputA(withBill({ holder: party.rrhb })), 'complies'],
    [
      'fires while the shipper still holds it (docs/shipments.md negative fixture)',
      inputA(withBill({ holder: party.yunxi })),
      { contains: party.yunxi },
    ],
    [
      'fires for an advising bank that does not confirm',
      inputA(withBill({ holder: party.yzcb }), { nominatedBank: party.rrhb, confirmation: 'without' }),
      'fires',
    ],
  ]));
