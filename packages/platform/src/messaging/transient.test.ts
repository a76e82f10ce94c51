import { describe, expect, it } from 'vitest';
import { conflict, notFound } from '../errors.ts';
import { PermanentFailure } from './inbox-consumer.ts';
import { isTransient, transientBackoffMs } from './transient.ts';

describe('a transient failure of an event-caused command', () => {
  it('is a version conflict, even wrapped in a PermanentFailure by a handler', () => {
    const lost = conflict('version-conflict', 'changed concurrently');
    expect(isTransient(lost)).toBe(true);
    expect(isTransient(new PermanentFailure('version-conflict', { cause: lost }))).toBe(true);
  });

  it('is a serialization failure or a deadlock, and nothing deterministic', () => {
    expect(isTransient(Object.assign(new Error('could not serialize'), { code: '40001' }))).toBe(true);
    expect(isTransient(Object.assign(new Error('deadlock detected'), { code: '40P01' }))).toBe(true);
    expect(isTransient(conflict('already-surrendered', 'no'))).toBe(false);
    expect(isTransient(notFound())).toBe(false);
    expect(isTransient(new PermanentFailure('the domain refused it'))).toBe(false);
    expect(isTransient(Object.assign(new Error('null value'), { code: '23502' }))).toBe(false);
  });

  it('backs off briefly and never beyond two seconds', () => {
    for (let attempt = 1; attempt < 40; attempt++) {
      const ms = transientBackoffMs(attempt);
      expect(ms).toBeGreaterThan(0);
      expect(ms).toBeLessThanOrEqual(2000);
    }
  });
});
