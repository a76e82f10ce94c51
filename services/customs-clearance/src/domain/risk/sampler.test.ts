import { describe, expect, it } from 'vitest';
import { sampleDraw } from './sampler.ts';

const id = (n: number) => `019d2a00-0000-7000-8000-${n.toString(16).padStart(12, '0')}`;

describe('sampleDraw', () => {
  it('draws the same number for the same seed and id', () =>
    expect(sampleDraw('railbill-2026', id(42))).toBe(sampleDraw('railbill-2026', id(42))));

  it('draws differently for another seed', () =>
    expect(sampleDraw('railbill-2026', id(42))).not.toBe(sampleDraw('other-seed', id(42))));

  it('draws in [0, 1)', () => {
    for (let n = 0; n < 1000; n++) {
      const draw = sampleDraw('s', id(n));
      expect(draw >= 0 && draw < 1).toBe(true);
    }
  });

  it.each([0.01, 0.05, 0.2])('selects a share of about %s of 10 000 sequential ids', (rate) => {
    const selected = Array.from({ length: 10_000 }, (_, n) => sampleDraw('railbill-2026', id(n))).filter(
      (d) => d < rate,
    ).length;
    expect(Math.abs(selected / 10_000 - rate)).toBeLessThan(0.01);
  });
});
