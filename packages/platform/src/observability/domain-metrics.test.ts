import { describe, expect, it } from 'vitest';
import { lagOf } from './domain-metrics.ts';

describe('a consumer group’s lag on a topic', () => {
  it('adds, per partition, the end minus the committed offset', () => {
    const ends = [
      { partition: 0, low: '0', high: '10' },
      { partition: 1, low: '0', high: '4' },
      { partition: 2, low: '0', high: '0' },
    ];
    expect(
      lagOf(ends, [
        { partition: 0, offset: '7' },
        { partition: 1, offset: '4' },
        { partition: 2, offset: '-1' },
      ]),
    ).toBe(3);
  });

  it('counts a partition the group never committed from its first retained record', () => {
    expect(lagOf([{ partition: 0, low: '5', high: '12' }], [{ partition: 0, offset: '-1' }])).toBe(7);
    expect(lagOf([{ partition: 0, low: '5', high: '12' }], [])).toBe(7);
    // a committed offset below the retained start counts from the start
    expect(lagOf([{ partition: 0, low: '5', high: '12' }], [{ partition: 0, offset: '2' }])).toBe(7);
  });
});
