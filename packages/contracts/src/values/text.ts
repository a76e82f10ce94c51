import { z } from 'zod';

/**
 * Text that PostgreSQL can store and the canonical JSON of a hash chain can encode: no NUL character and no
 * unpaired UTF-16 surrogate (docs/reliability.md). Otherwise a body answered 500 instead of 400.
 */
export const isStorableText = (s: string): boolean => !s.includes('\u0000') && s.isWellFormed();

export const STORABLE_TEXT_MESSAGE = 'must not contain NUL characters or unpaired UTF-16 surrogates';

/** A free text of `min`–`max` characters (trimmed unless `trim: false`), storable as above. */
export const text = (max: number, o: Readonly<{ min?: number; trim?: boolean }> = {}) =>
  (o.trim === false ? z.string() : z.string().trim())
    .min(o.min ?? 1)
    .max(max)
    .refine(isStorableText, STORABLE_TEXT_MESSAGE);
