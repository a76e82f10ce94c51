import { describe } from 'vitest';
import { inputA, withInvoice } from '../../testing/examination-input.ts';
import { type RuleCase, ruleCases } from '../../testing/rule-cases.ts';
import { billA } from '../../testing/shipments.ts';
import { goodsMismatch } from './18c-goods-mismatch.ts';

const CREDIT = '2400 units portable computers (laptops) 14 inch model YX-14, CIP Duisburg Incoterms 2020';
const invoiced = (goodsDescription: string, terms = {}) => inputA(withInvoice({ goodsDescription }), terms);
const partial = '1200 units portable computers (laptops) 14 inch model YX-14, CIP Duisburg Incoterms 2020';
const about = { goodsDescription: 'about 1000 units steel wheels', partialShipments: 'not_allowed' };
const bulk = { goodsDescription: '500 tonnes steel billets', partialShipments: 'not_allowed' };
const priced = { goodsDescription: '2400 units laptops at USD 520.00 per unit' };
const aboutPriced = { goodsDescription: '2400 units laptops at about USD 520.00 per unit' };
const hsTerms = { goodsDescription: 'Portable computers HS 8471.30' };
const hsInvoice = withInvoice({ goodsDescription: 'Portable computers HS 8471.30' });

describe('GOODS_MISMATCH (ISBP 821 C3–C4)', () =>
  ruleCases(goodsMismatch, [
    ['complies when the invoice adds a unit price to the credit description', inputA(), 'complies'],
    [
      'ignores case and punctuation',
      invoiced('2400 UNITS PORTABLE COMPUTERS LAPTOPS 14 INCH MODEL YX 14 CIP DUISBURG INCOTERMS 2020'),
      'complies',
    ],
    [
      'ignores thousands separators: "2,400" corresponds to "2400"',
      invoiced('2,400 units portable computers (laptops) 14 inch model YX-14, CIP Duisburg Incoterms 2020'),
      'complies',
    ],
    [
      'ignores singular and plural: "laptop" corresponds to "laptops"',
      invoiced('2400 units portable computer (laptop) 14 inch model YX-14, CIP Duisburg Incoterm 2020'),
      'complies',
    ],
    [
      'ignores word order',
      invoiced('Laptops, portable computers, model YX-14, 14 inch: 2400 units; Incoterms 2020 CIP Duisburg'),
      'complies',
    ],
    [
      'fires when a word of the credit description is missing (another kind of goods)',
      invoiced('2400 units tablet computers 14 inch model YX-14, CIP Duisburg Incoterms 2020'),
      { contains: 'portable' },
    ],
    [
      'fires for "15 inch" against "14 inch model YX-14": the 14 of the model number is no size',
      invoiced('2400 units portable computers (laptops) 15 inch model YX-14, CIP Duisburg Incoterms 2020'),
      { contains: '15 inch conflicts with 14 inch' },
    ],
    [
      'fires for another model number',
      invoiced(
        '2400 units portable computers (laptops) 14 inch model YX-15, YX-14 series, CIP Duisburg Incoterms 2020',
      ),
      { contains: 'another model yx15' },
    ],
    ...['used', 'refurbished', 'second-hand', 'reconditioned'].map(
      (word): RuleCase => [
        `fires for goods of another condition: ${word}`,
        invoiced(`2400 units ${word} portable computers (laptops) 14 inch model YX-14, CIP Duisburg Incoterms 2020`),
        { contains: 'another condition' },
      ],
    ),
    [
      'accepts a condition word the credit itself states',
      invoiced('2400 units used laptops', { goodsDescription: '2400 units used laptops' }),
      'complies',
    ],
    [
      'fires for a quantity above the credit\u2019s in units (no 5 % for items, UCP 30(b))',
      invoiced('2410 units portable computers (laptops) 14 inch model YX-14, CIP Duisburg Incoterms 2020'),
      { contains: 'more than the credit allows' },
    ],
    [
      'allows a smaller quantity when partial shipments are allowed',
      invoiced(partial, { partialShipments: 'allowed' }),
      'complies',
    ],
    [
      'does not allow a smaller quantity when partial shipments are prohibited',
      invoiced(partial, { partialShipments: 'not_allowed' }),
      { contains: 'less than the credit allows' },
    ],
    ['keeps UCP 30(a) "about" +10 %', invoiced('1100 units steel wheels', about), 'complies'],
    ['fires above "about" +10 %', invoiced('1101 units steel wheels', about), { contains: 'more than' }],
    ['fires below "about" −10 %', invoiced('899 units steel wheels', about), { contains: 'less than' }],
    ['keeps 30(b) +5 % for bulk quantities', invoiced('525 tonnes steel billets', bulk), 'complies'],
    ['fires above 30(b) +5 % for bulk', invoiced('526 tonnes steel billets', bulk), { contains: 'more than' }],
    ['fires below 30(b) −5 % for bulk', invoiced('474 tonnes steel billets', bulk), { contains: 'less than' }],
    [
      'checks a unit price the credit states, exactly',
      invoiced('2400 units laptops at USD 520,00 per unit', priced),
      'complies',
    ],
    [
      'fires for another unit price',
      invoiced('2400 units laptops at USD 530.00 per unit', priced),
      { contains: 'outside' },
    ],
    ['fires for a missing unit price', invoiced('2400 units laptops', priced), { contains: 'unit price' }],
    [
      'checks a unit price within "about" ±10 %',
      invoiced('2400 units laptops at USD 570.00 per unit', aboutPriced),
      'complies',
    ],
    [
      'fires for a unit price beyond "about" ±10 %',
      invoiced('2400 units laptops at USD 573.00 per unit', aboutPriced),
      { contains: 'outside' },
    ],
    ['reads the credit description of shipment (a) as the fixtures state it', invoiced(CREDIT), 'complies'],
    ['complies for a goods line under the HS heading the credit cites', inputA(hsInvoice, hsTerms), 'complies'],
    [
      'fires for a bill goods line under an HS heading the credit does not cite',
      inputA({ ...hsInvoice, bill: { ...billA, goods: [{ description: 'Monitors', hsCode: '852852' }] } }, hsTerms),
      { contains: '852852' },
    ],
  ]));
