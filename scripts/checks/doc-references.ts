/**
 * The repository documents itself: no file may point at material a person who clones it does not have. Fails
 * (exit 1) listing each offending line of a tracked source, script, SQL or Markdown file that mentions the steering folder above
 * the repository, cites the contract or the style guide by their outside names (see `outside` below) or names the
 * outside sample file (other than as docs/ + its name, or by a link that resolves), and each relative Markdown link
 * that resolves to no file in the repository. The patterns are assembled from pieces so that the grep does
 * not find this file.
 *
 *   node scripts/checks/doc-references.ts           # the check (pnpm check:docs)
 *   node scripts/checks/doc-references.ts --list    # print the findings, exit 0
 *
 * ALLOWED lists paths exempt from the rule and PENDING documents that count as present before they exist (both
 * empty: the rule holds everywhere; they are for a migration in progress).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

const root = resolve(dirname(new URL(import.meta.url).pathname), '../..');

/** Path prefixes not (yet) held to the rule. */
export const ALLOWED: readonly string[] = [];

/** Documents other branches write; links to them count as resolving until they are merged (then empty this). */
export const PENDING: readonly string[] = [];

/** The kinds of file held to the rule: everything a person reads in the repository but data and images. */
const CHECKED = ['*.ts', '*.md', '*.js', '*.sql', '*.sh', '*.html', '*.css', '*.yaml', '*.yml'];

/** This check and its test, which name the patterns. */
const CHECKS = 'scripts/checks/';
const SELF = `${CHECKS}doc-references.ts`;
const SAMPLES = ['shipments', 'md'].join('.');
const outside = [
  new RegExp(['\\.\\.', 'shared'].join('/')),
  new RegExp(['SPEC', '§'].join(' ')),
  new RegExp(['STYLE', '§'].join(' ')),
  new RegExp(SAMPLES.replace('.', '\\.')),
];

export type Finding = Readonly<{ file: string; line: number; text: string; why: string }>;

const markdownLinks = (text: string) => [...text.matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1] ?? '');

export const findingsIn = (file: string, content: string, exists: (path: string) => boolean): Finding[] => {
  const out: Finding[] = [];
  const resolves = (link: string) => exists(join(dirname(file), link.split('#')[0] ?? ''));
  content.split('\n').forEach((text, i) => {
    const links = file.endsWith('.md')
      ? markdownLinks(text).filter((l) => !/^[a-z]+:/i.test(l) && !l.startsWith('#'))
      : [];
    // the repository's own sample file may be named, under docs/ or by a link that resolves
    let scrubbed = text.replaceAll(`docs/${SAMPLES}`, '');
    for (const link of links)
      if (resolves(link))
        scrubbed = scrubbed
          .split(`](${link})`)
          .map((part) => part.replace(/\[[^\]]*$/, ''))
          .join('');
    for (const pattern of outside)
      if (pattern.test(scrubbed)) out.push({ file, line: i + 1, text: text.trim(), why: `mentions ${pattern.source}` });
    for (const link of links)
      if (!resolves(link))
        out.push({ file, line: i + 1, text: text.trim(), why: `links ${link}, not in the repository` });
  });
  return out;
};

const main = () => {
  const files = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', ...CHECKED], {
    cwd: root,
    encoding: 'utf8',
  })
    .split('\n')
    .filter((f) => f !== '' && !f.startsWith(CHECKS) && existsSync(join(root, f)))
    .filter((f) => !ALLOWED.some((prefix) => f.startsWith(prefix)));
  const findings = files.flatMap((f) =>
    findingsIn(f, readFileSync(join(root, f), 'utf8'), (p) => existsSync(join(root, p)) || PENDING.includes(p)),
  );
  for (const f of findings) console.log(`${f.file}:${f.line}: ${f.why}: ${f.text.slice(0, 160)}`);
  if (findings.length > 0 && !process.argv.includes('--list')) {
    console.error(`${findings.length} reference(s) to files outside the repository`);
    process.exit(1);
  }
};

if (process.argv[1] !== undefined && resolve(process.argv[1]) === resolve(root, SELF)) main();
