import { describe, expect, it } from 'vitest';
import { isStorableText, text } from './text.ts';

describe('storable text', () => {
  it('refuses NUL and unpaired surrogates, accepts pairs and any other character', () => {
    expect(isStorableText('Ноутбуки 笔记本电脑 💻')).toBe(true);
    expect(isStorableText('a\u0000b')).toBe(false);
    expect(isStorableText('a\ud800')).toBe(false);
    expect(isStorableText('\udc00a')).toBe(false);
    expect(isStorableText('\ud83d\udcbb')).toBe(true);
  });

  it('trims, bounds the length and names the rule', () => {
    expect(text(5).parse('  abc  ')).toBe('abc');
    expect(text(5).safeParse('abcdef').success).toBe(false);
    expect(text(5).safeParse('   ').success).toBe(false);
    expect(text(5, { trim: false }).parse(' ab ')).toBe(' ab ');
    const refused = text(50).safeParse('x\u0000');
    expect(refused.success).toBe(false);
    expect(refused.error?.issues[0]?.message).toMatch(/NUL/);
  });
});
