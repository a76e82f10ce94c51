#!/usr/bin/env node
// Offline verification of a bill's history (docs/contract.md §3): node services/waybill/bin/verify-history.ts <history.json>
// <jwks.json> [--waybill-id ID]. Prints the verdict as JSON; exit 0 when valid, 1 when not, 2 on bad usage.
import { readFile } from 'node:fs/promises';
import { History, JwksFile, verifyHistory } from '../src/history/verify-history.ts';

const usage = 'usage: verify-history <history.json> <jwks.json> [--waybill-id ID]\n';

const parseArgs = (args: readonly string[]): { history: string; jwks: string; waybillId?: string } | undefined => {
  const positional: string[] = [];
  let waybillId: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--waybill-id') waybillId = args[++i];
    else if (arg?.startsWith('--waybill-id=')) waybillId = arg.slice('--waybill-id='.length);
    else if (arg !== undefined) positional.push(arg);
  }
  const [history, jwks] = positional;
  if (history === undefined || jwks === undefined || positional.length > 2 || waybillId === '') return undefined;
  return { history, jwks, ...(waybillId === undefined ? {} : { waybillId }) };
};

/** GET /history answers an array; a wrapped `{ items }` or `{ history }` is accepted too. */
const unwrap = (json: unknown): unknown => {
  if (Array.isArray(json) || typeof json !== 'object' || json === null) return json;
  if ('items' in json) return json.items;
  if ('history' in json) return json.history;
  return json;
};

const main = async (): Promise<number> => {
  const args = parseArgs(process.argv.slice(2));
  if (args === undefined) {
    process.stderr.write(usage);
    return 2;
  }
  const history = History.safeParse(unwrap(JSON.parse(await readFile(args.history, 'utf8'))));
  const jwks = JwksFile.safeParse(JSON.parse(await readFile(args.jwks, 'utf8')));
  if (!history.success || !jwks.success) {
    const which = history.success ? 'JWKS' : 'history';
    process.stdout.write(
      `${JSON.stringify({ valid: false, events: 0, signature: { valid: false, keyId: null }, problems: [`${which} file is not in the expected shape`] }, null, 2)}\n`,
    );
    return 1;
  }
  const verdict = await verifyHistory(history.data, jwks.data, args.waybillId);
  process.stdout.write(`${JSON.stringify(verdict, null, 2)}\n`);
  return verdict.valid ? 0 : 1;
};

process.exitCode = await main();
