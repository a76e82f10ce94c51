import { chongqingDuisburgBill, type TestParties } from '@railbill/testkit';
import { wallMs } from './stats.ts';

/** A call's answer: status, the wall-clock instant it arrived, its latency and the parsed body. */
export type Answer = Readonly<{ status: number; at: number; ms: number; body: Record<string, unknown> }>;

/** POSTs JSON with a bearer token over Node's keep-alive fetch (undici's global agent) and reads the whole body. */
export const post = async (url: string, token: string, body: unknown): Promise<Answer> => {
  const start = wallMs();
  const res = await fetch(url, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const json = (await res.json()) as Record<string, unknown>;
  const at = wallMs();
  return { status: res.status, at, ms: at - start, body: json };
};

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
