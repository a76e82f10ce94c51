import { describe, expect, it } from 'vitest';
import { findingsIn } from './doc-references.ts';

// the outside names, assembled so that this file does not match them itself
const SHARED = ['..', 'shared'].join('/');
const SPEC = ['SPEC', '§'].join(' ');
const STYLE = ['STYLE', '§'].join(' ');
const SAMPLES = ['shipments', 'md'].join('.');

const exists = (path: string) => ['docs/contract.md', `docs/${SAMPLES}`, 'README.md'].includes(path);

describe('references to files outside the repository', () => {
  it('finds the steering folder, the outside names and links that resolve to nothing', () => {
    const text = [
      `See [the contract](${SHARED}/SPEC.md).`,
      `// ${SPEC}3: only the carrier issues`,
      `// ${STYLE}4 tests`,
      `the cast of ${SAMPLES} (a)`,
      'as in [the samples](docs/missing.md)',
    ].join('\n');
    expect(findingsIn('README.md', text, exists).map((f) => [f.line, f.why])).toEqual([
      [1, 'mentions \\.\\.\\/shared'],
      [1, `links ${SHARED}/SPEC.md, not in the repository`],
      [2, `mentions ${SPEC}`],
      [3, `mentions ${STYLE}`],
      [4, 'mentions shipments\\.md'],
      [5, 'links docs/missing.md, not in the repository'],
    ]);
  });

  it('accepts the repository’s own documents', () => {
    const text = [
      'The contract is [docs/contract.md](contract.md) §3.',
      `Samples: [shipments](${SAMPLES}) and docs/${SAMPLES} (a), also [${SAMPLES}](${SAMPLES}).`,
      '// docs/contract.md §7: 415',
    ].join('\n');
    expect(findingsIn('docs/x.md', text, exists)).toEqual([]);
  });
});
