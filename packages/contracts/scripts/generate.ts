import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generatedFiles } from './generated-files.ts';

// `pnpm contracts:generate`: JSON Schema per event and AsyncAPI, committed under generated/ (docs/architecture.md §2).
const root = join(dirname(fileURLToPath(import.meta.url)), '..', 'generated');
rmSync(join(root, 'schemas'), { recursive: true, force: true });
const files = generatedFiles();
for (const [path, content] of files) {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), content);
}
console.log(`wrote ${files.size} files to ${root} (${readdirSync(join(root, 'schemas')).length} schemas)`);
