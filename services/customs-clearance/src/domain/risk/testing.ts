import { type GoodsItem, money } from '@railbill/contracts';
import type { RiskInput, RiskSubject } from './rule.ts';

export const item = (change: Partial<GoodsItem> = {}): GoodsItem => ({
  hsCode: '847130',
  description: 'laptops',
  origin: 'CN',
  customsValue: money('100000', 'USD'),
  grossKg: '1000.0',
  packages: 10,
  ...change,
});

export const input = (subject: Partial<RiskSubject> = {}, change: Partial<RiskInput> = {}): RiskInput => ({
  declarationId: '019d2a00-0000-7000-8000-0000000000c1',
  subject: {
    type: 'export',
    goods: [item()],
    declarant: { id: 'shipper', aeo: false },
    exporter: { id: 'shipper', aeo: false },
    ...subject,
  },
  ...change,
});
