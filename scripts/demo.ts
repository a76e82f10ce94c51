/**
 * Plays shipments (a) Chongqing → Duisburg and (b) Chongqing → Qinzhou → Singapore of docs/shipments.md
 * against a running system (`pnpm start`), through the REST APIs, as their parties would:
 *
 *   pnpm demo                         # then watch http://127.0.0.1:3000 with the operator token
 *
 * Env: WAYBILL_URL, LC_URL, CUSTOMS_URL (defaults 127.0.0.1:3001/3002/3003), RAILBILL_PARTIES (default
 * infra/parties.local.json; the cast is found by the ids of docs/shipments.md). A refused step is printed and skipped.
 */
import { fileURLToPath } from 'node:url';
import { loadCast } from './demo/cast.ts';
import { playShipment } from './demo/play.ts';
import { duisburg, singapore } from './demo/shipments.ts';

const partiesFile =
  process.env.RAILBILL_PARTIES ?? fileURLToPath(new URL('../infra/parties.local.json', import.meta.url));
const urls = {
  waybill: process.env.WAYBILL_URL ?? 'http://127.0.0.1:3001',
  lc: process.env.LC_URL ?? 'http://127.0.0.1:3002',
  customs: process.env.CUSTOMS_URL ?? 'http://127.0.0.1:3003',
};
const say = (line: string) => console.log(line);
const ctx = { urls, cast: loadCast(partiesFile), say };

const a = await playShipment(ctx, duisburg);
const b = await playShipment(ctx, singapore);
say('\nDone. In the console (http://127.0.0.1:3000), open the shipments:');
say(`  (a) ${a ?? 'not created'}\n  (b) ${b ?? 'not created'}`);
