import http from 'node:http';
import { chongqingDuisburgBill, type TestParties } from '@railbill/testkit';
import { wallMs } from './stats.ts';

/** A call's answer: status, the wall-clock instant it arrived, its latency and the parsed body. */
export type Answer = Readonly<{ status: number; at: number; ms: number; body: Record<string, unknown> }>;

/**
 * One keep-alive agent for every call (sockets reused). Node's `http` client, not `fetch`: the bench
 * client shares the cores with what it measures, and `fetch` (undici's streams and WHATWG bodies) cost it about twice
 * the CPU per request (bench/README.md).
 */
const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });

/** POSTs JSON with a bearer token and reads the whole body. */
export const post = (url: string, token: string, body: unknown): Promise<Answer> =>
  new Promise((resolve, reject) => {
    const start = wallMs();
    const payload = JSON.stringify(body);
    const req = http.request(
      url,
      {
        method: 'POST',
        agent,
        headers: {
          authorization: `Bearer ${token}`,
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(payload),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', reject);
        res.on('end', () => {
          try {
            const json = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>;
            const at = wallMs();
            resolve({ status: res.statusCode ?? 0, at, ms: at - start, body: json });
          } catch (error) {
            reject(error);
          }
        });
      },
    );
    req.on('error', reject);
    req.end(payload);
  });

export type Waybills = Readonly<{
  submit: () => Promise<Answer>;
  issue: (id: string) => Promise<Answer>;
}>;

/** The two commands of scenario 1 and 2: the shipper submits the Chongqing → Duisburg bill, the carrier issues it. */
export const waybills = (baseUrl: string, parties: Pick<TestParties, 'id' | 'token'>): Waybills => {
  const bill = chongqingDuisburgBill(parties as TestParties);
  const expect = (what: string, status: number) => (a: Answer) => {
    if (a.status !== status) throw new Error(`${what} answered ${a.status}: ${JSON.stringify(a.body).slice(0, 500)}`);
    return a;
  };
  return {
    submit: () => post(`${baseUrl}/waybills`, parties.token('shipper'), bill).then(expect('submit', 201)),
    issue: (id) => post(`${baseUrl}/waybills/${id}/issue`, parties.token('carrier'), {}).then(expect('issue', 200)),
  };
};
