/**
 * A FIN syntax checker for the tests, written from docs/swift-messages.md independently of the renderers: block
 * structure, logical terminals, tag order, mandatory fields, line widths and counts, character sets, dates and the
 * decimal comma. Answers every problem found (empty when the message is well formed).
 */

type Format = Readonly<{ lines: number; width: number; set: 'x' | 'z' | 'n' | 'c'; pattern?: RegExp }>;
type FieldSpec = Readonly<{ tag: string; mandatory: boolean; format: Format }>;

const X = /^[A-Za-z0-9/\-?:().,'+ ]*$/;
const Z = /^[A-Za-z0-9/\-?:().,'+ =!"%&*<>;{@#_]*$/;
const N = /^[0-9]*$/;
const C = /^[A-Z0-9]*$/;
const DATE = /^\d{2}(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])$/;
/** 15d: integer part, the decimal comma always, at most 15 characters with it. */
const AMOUNT = /^[A-Z]{3}(?=[\d,]{2,15}$)\d+,\d{0,3}$/;
const DATE_AMOUNT = /^\d{6}[A-Z]{3}(?=[\d,]{2,15}$)\d+,\d{0,3}$/;

const f = (lines: number, width: number, set: Format['set'], pattern?: RegExp): Format =>
  pattern === undefined ? { lines, width, set } : { lines, width, set, pattern };
const x16 = f(1, 16, 'x', /^(?!\/)(?!.*\/\/).*[^/]$/);
const date = f(1, 6, 'n', DATE);
const amount = f(1, 18, 'x', AMOUNT);
const dateAmount = f(1, 24, 'x', DATE_AMOUNT);
const bicLines = f(2, 35, 'x', /^[A-Z]{6}[A-Z0-9]{2}([A-Z0-9]{3})?$/);
const narrative = f(100, 65, 'z');
const sender72 = f(6, 35, 'z');
const text79 = f(35, 50, 'z');

const FORMATS: Readonly<Record<string, Format>> = {
  '20': x16,
  '21': x16,
  '23': f(1, 16, 'x'),
  '25': f(1, 35, 'x'),
  '26E': f(1, 3, 'n', /^\d{1,3}$/),
  '27': f(1, 3, 'x', /^[1-8]\/[1-8]$/),
  '22A': f(1, 4, 'c', /^[A-Z0-9]{4}$/),
  '23S': f(1, 6, 'x'),
  '30': date,
  '31C': date,
  '31D': f(1, 35, 'x', /^\d{6}.{1,29}$/),
  '32A': dateAmount,
  '32B': amount,
  '33A': dateAmount,
  '33B': amount,
  '34A': dateAmount,
  '34B': amount,
  '39A': f(1, 5, 'x', /^\d{1,2}\/\d{1,2}$/),
  '39C': f(4, 35, 'x'),
  '40A': f(1, 24, 'x', /^(IRREVOCABLE|IRREVOCABLE TRANSFERABLE)$/),
  '40E': f(2, 35, 'x', /^(UCP LATEST VERSION|EUCP LATEST VERSION|UCPURR LATEST VERSION|EUCPURR LATEST VERSION|OTHR)/),
  '41A': f(2, 14, 'x'),
  '42A': bicLines,
  '42C': f(3, 35, 'x'),
  '42M': f(4, 35, 'x'),
  '42P': f(4, 35, 'x'),
  '43P': f(1, 11, 'x', /^(ALLOWED|NOT ALLOWED|CONDITIONAL)$/),
  '43T': f(1, 11, 'x', /^(ALLOWED|NOT ALLOWED|CONDITIONAL)$/),
  '44A': f(1, 140, 'z'),
  '44B': f(1, 140, 'z'),
  '44C': date,
  '44D': f(6, 65, 'x'),
  '44E': f(1, 140, 'z'),
  '44F': f(1, 140, 'z'),
  '45A': narrative,
  '45B': narrative,
  '46A': narrative,
  '46B': narrative,
  '47A': narrative,
  '47B': narrative,
  '48': f(1, 39, 'x', /^\d{1,3}(\/.{1,35})?$/),
  '49': f(1, 7, 'x', /^(CONFIRM|MAY ADD|WITHOUT)$/),
  '50': f(4, 35, 'x'),
  '50B': f(4, 35, 'x'),
  '51A': bicLines,
  '52A': bicLines,
  '53A': bicLines,
  '54A': bicLines,
  '57A': bicLines,
  '58A': bicLines,
  '59': f(5, 35, 'x'),
  '71D': f(6, 35, 'z'),
  '71N': f(7, 35, 'z'),
  '72Z': sender72,
  '73A': f(6, 35, 'x'),
  '77': f(20, 35, 'x'),
  '77B': f(3, 35, 'x'),
  '77J': f(70, 50, 'z'),
  '78': f(12, 65, 'x'),
  '79Z': text79,
};

const spec = (list: string): FieldSpec[] =>
  list.split(' ').map((t) => {
    const mandatory = t.endsWith('!');
    const tag = mandatory ? t.slice(0, -1) : t;
    const format = FORMATS[tag];
    if (format === undefined) throw new Error(`no format for field ${tag}`);
    return { tag, mandatory, format };
  });

/** docs/swift-messages.md: each message's fields in order; `!` marks a mandatory field. */
export const MESSAGE_FIELDS: Readonly<Record<string, readonly FieldSpec[]>> = {
  '700': spec(
    '27! 40A! 20! 23 31C! 40E! 31D! 51A 50! 59! 32B! 39A 39C 41A! 42C 42A 42M 42P 43P 43T 44A 44E 44F 44B 44C 44D 45A 46A 47A 71D 48 49! 58A 53A 78 57A 72Z',
  ),
  '701': spec('27! 20! 45A 46A 47A'),
  '707': spec(
    '27! 20! 21! 23! 52A 50B 31C! 26E! 30! 22A! 23S 40A 40E 31D 50 59 32B 33B 39A 39C 41A 42C 42A 42M 42P 43P 43T 44A 44E 44F 44B 44C 44D 45B 46B 47B 71D 71N 48 49 58A 53A 78 57A 72Z',
  ),
  '730': spec('20! 21! 25 30! 32B 57A 71D 72Z 79Z'),
  '734': spec('20! 21! 32A! 73A 33A 57A 72Z 77J! 77B!'),
  '750': spec('20! 21! 32B! 33B 71D 73A 34B 57A 72Z 77J!'),
  '752': spec('20! 21! 23! 30! 32B 71D 33A 53A 54A 72Z 79Z'),
  '754': spec('20! 21! 32A 32B 33B 71D 73A 34A 34B 53A 57A 58A 72Z 77'),
  '756': spec('20! 21! 32B! 33A! 53A 54A 72Z 79Z'),
};

const SETS = { x: X, z: Z, n: N, c: C } as const;
const LT = /^[A-Z]{6}[A-Z0-9]{2}[A-Z0-9][A-Z0-9]{3}$/;

/** Every syntax problem of one FIN message (blocks 1, 2 and 4). */
export const finProblems = (text: string): string[] => {
  const m = /^\{1:F01([A-Z0-9]{12})(\d{10})\}\{2:I(\d{3})([A-Z0-9]{12})([SUN])\}\{4:\n([\s\S]*)\n-\}$/.exec(text);
  if (m === null) return ['block structure: not {1:F01…}{2:I…}{4:\\n…\\n-}'];
  const [, sender = '', , mt = '', receiver = '', , body = ''] = m;
  const problems: string[] = [];
  if (!LT.test(sender)) problems.push(`block 1: ${sender} is no logical terminal`);
  if (!LT.test(receiver) || receiver[8] !== 'X') problems.push(`block 2: ${receiver} is not BIC8 + X + branch`);
  if (body.length > 10_000) problems.push(`block 4: ${body.length} characters, at most 10000`);
  const fields = MESSAGE_FIELDS[mt];
  if (fields === undefined) return [...problems, `MT${mt}: not a documentary-credit message railbill knows`];
  const seen: { tag: string; lines: string[] }[] = [];
  for (const line of body.split('\n')) {
    const tagged = /^:(\d{2}[A-Z]?):(.*)$/.exec(line);
    if (tagged !== null) seen.push({ tag: tagged[1] ?? '', lines: [tagged[2] ?? ''] });
    else if (seen.length === 0) problems.push(`block 4 starts with "${line}", not a field`);
    else seen.at(-1)?.lines.push(line);
  }
  let position = -1;
  for (const { tag, lines } of seen) {
    const index = fields.findIndex((s) => s.tag === tag);
    if (index < 0) {
      problems.push(`${tag}: not a field of MT${mt}`);
      continue;
    }
    if (index <= position) problems.push(`${tag}: out of order`);
    position = Math.max(position, index);
    const { format } = fields[index] as FieldSpec;
    if (lines.length > format.lines) problems.push(`${tag}: ${lines.length} lines, at most ${format.lines}`);
    for (const [i, l] of lines.entries()) {
      if (l.length > format.width)
        problems.push(`${tag}: line ${i + 1} has ${l.length} characters, at most ${format.width}`);
      if (l.length === 0) problems.push(`${tag}: line ${i + 1} is empty`);
      if (i > 0 && (l.startsWith(':') || l.startsWith('-'))) problems.push(`${tag}: line ${i + 1} starts with ${l[0]}`);
      const bad = [...l].find((c) => !SETS[format.set === 'n' || format.set === 'c' ? 'x' : format.set].test(c));
      if (bad !== undefined) problems.push(`${tag}: character '${bad}' outside the ${format.set} set`);
    }
    if (
      format.pattern !== undefined &&
      !format.pattern.test(
        tag === '41A' || (tag.endsWith('A') && format === bicLines) ? (lines[0] ?? '') : lines.join('\n'),
      )
    )
      problems.push(`${tag}: "${lines.join('/')}" does not match its format`);
  }
  for (const s of fields)
    if (s.mandatory && !seen.some((f) => f.tag === s.tag)) problems.push(`${s.tag}: mandatory field missing`);
  if (mt === '754' && !seen.some((f) => f.tag === '32A' || f.tag === '32B'))
    problems.push('32a: mandatory field missing');
  return problems;
};
