import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { generatedFiles } from './generated-files.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', 'generated');

describe('generated contracts', () => {
  const expected = generatedFiles();

  it('match the zod schemas (run `pnpm contracts:generate` when this fails)', () => {
    for (const [path, content] of expected) expect(readFileSync(join(root, path), 'utf8'), path).toBe(content);
  });

  it('contain no schema of an event type that no longer exists', () => {
    const onDisk = readdirSync(join(root, 'schemas')).map((f) => `schemas/${f}`);
    expect(onDisk.sort()).toEqual([...expected.keys()].filter((p) => p.startsWith('schemas/')).sort());
  });

  it('describe every event type in the AsyncAPI document', () => {
    const asyncapi = expected.get('asyncapi.yaml') ?? '';
    expect(asyncapi).toContain('asyncapi: 3.0.0');
    expect(asyncapi).toContain('waybill.submitted');
  });
});
