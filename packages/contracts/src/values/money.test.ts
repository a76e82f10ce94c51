import { describe, expect, it } from 'vitest';
import { minMoney, money, subtractMoney } from './money.ts';

describe('subtractMoney', () => {
  it('subtracts in the currency minor units', () =>
    expect(subtractMoney(money('1310400', 'USD'), money('1248000.5', 'USD'))).toEqual(money('62399.50', 'USD')));
  it('goes below zero', () => expect(subtractMoney(money('1', 'USD'), money('2', 'USD')).amount).toBe('-1.00'));
  it('refuses two currencies', () => expect(() => subtractMoney(money('1', 'USD'), money('1', 'EUR'))).toThrow());
});

describe('minMoney', () => {
  it('returns the smaller amount', () =>
    expect(minMoney(money('552000', 'USD'), money('525000', 'USD'))).toEqual(money('525000', 'USD')));
  it('compares as decimals, not strings', () =>
    expect(minMoney(money('9.00', 'USD'), money('10.00', 'USD'))).toEqual(money('9', 'USD')));
});
