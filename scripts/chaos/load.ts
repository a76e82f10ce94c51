import { randomUUID } from 'node:crypto';
import { chongqingDuisburgBill, creditA, daysAgo, presentation, type TestParties } from '@railbill/testkit';
import type { Cluster, ServiceName } from './instances.ts';

type Member = Parameters<TestParties['token']>[0];
type Answer = Readonly<{ status: number; body: Record<string, unknown> }>;

/** A change the system acknowledged (2xx) or that a read-back found done after a lost answer. */
export type Ack = Readonly<{ shipment: number; step: string; service: ServiceName; id: string; event: string }>;

export type LoadResult = {
  acks: Ack[];
  shipments: {
    started: number;
    completed: number;
    stalled: Record<string, number>;
    /** The first reasons a shipment stopped (a step that timed out, or an answer the load did not expect). */
    why: string[];
    discrepant: number;
  };
  requests: { sent: number; failedInFlight: number; retried: number; errors: Record<string, number> };
  bills: string[];
  credits: string[];
};

class Stalled extends Error {}

/** A kind of document: the service that keeps it and the path of its collection. */
type Kind = Readonly<{ service: ServiceName; path: string }>;
const CREDITS: Kind = { service: 'letter-of-credit', path: '/credits' };
const BILLS: Kind = { service: 'waybill', path: '/waybills' };
const DECLARATIONS: Kind = { service: 'customs-clearance', path: '/declarations' };

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Workers playing the sample shipment (a) (docs/shipments.md) end to end against the instances, with retries
 * that are safe: a create carries an Idempotency-Key and is repeated with the same key; an action is retried only
 * after a read-back shows it was not applied (docs/reliability.md).
 */
export const runLoad = async (
  o: Readonly<{ cluster: Cluster; parties: TestParties; workers: number; until: number; stepTimeoutMs: number }>,
): Promise<LoadResult> => {
  const result: LoadResult = {
    acks: [],
    shipments: { started: 0, completed: 0, stalled: {}, why: [], discrepant: 0 },
    requests: { sent: 0, failedInFlight: 0, retried: 0, errors: {} },
    bills: [],
    credits: [],
  };
  const p = o.parties;

  const request = async (
    service: ServiceName,
    as: Member,
    method: 'GET' | 'POST',
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<Answer | undefined> => {
    const url = o.cluster.urlOf(service);
    if (url === undefined) return undefined;
    result.requests.sent += 1;
    try {
      const res = await fetch(`${url}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${p.token(as)}`,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...headers,
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        signal: AbortSignal.timeout(8000),
      });
      const text = await res.text();
      return { status: res.status, body: text === '' ? {} : (JSON.parse(text) as Record<string, unknown>) };
    } catch (error) {
      // connection refused or reset (a killed instance), or no answer: the outcome is unknown
      result.requests.failedInFlight += 1;
      const cause = (error as { cause?: { code?: string } }).cause?.code ?? (error as Error).name;
      result.requests.errors[cause] = (result.requests.errors[cause] ?? 0) + 1;
      return undefined;
    }
  };

  const get = async (service: ServiceName, as: Member, path: string): Promise<Record<string, unknown> | undefined> => {
    const r = await request(service, as, 'GET', path);
    return r?.status === 200 ? r.body : undefined;
  };

  const until = async <T>(what: string, probe: () => Promise<T | undefined>): Promise<T> => {
    const deadline = Date.now() + o.stepTimeoutMs;
    for (;;) {
      const v = await probe().catch(() => undefined);
      if (v !== undefined) return v;
      if (Date.now() > deadline) throw new Stalled(what);
      await sleep(250);
    }
  };

  /** A create: the same Idempotency-Key on every try, so a lost answer is replayed, never created twice. */
  const create = async (n: number, kind: Kind, step: string, event: string, as: Member, body: unknown) => {
    const key = randomUUID();
    const created = await until(step, async () => {
      const r = await request(kind.service, as, 'POST', kind.path, body, { 'idempotency-key': key });
      if (r === undefined || r.status >= 500 || r.status === 409) {
        result.requests.retried += 1;
        return undefined;
      }
      if (r.status !== 201) throw new Stalled(`${step}: ${r.status} ${JSON.stringify(r.body).slice(0, 200)}`);
      return r.body;
    });
    const id = created.id as string;
    result.acks.push({ shipment: n, step, service: kind.service, id, event });
    return id;
  };

  /**
   * The actions of shipment `n` on one document, each a POST to `action` below it: read back first; act only while
   * the effect is absent; a lost race or a lost answer → read again.
   */
  const actionsOn =
    (n: number, kind: Kind, id: string) =>
    async (step: string, event: string, as: Member, action: string, body: unknown, done: () => Promise<boolean>) => {
      await until(step, async () => {
        if (await done()) return true;
        const r = await request(kind.service, as, 'POST', `${kind.path}/${id}${action}`, body);
        if (r !== undefined && r.status < 300) return true;
        if (r !== undefined && r.status < 500 && r.status !== 409 && r.status !== 429)
          throw new Stalled(`${step}: ${r.status} ${JSON.stringify(r.body).slice(0, 200)}`);
        result.requests.retried += 1;
        return undefined;
      });
      result.acks.push({ shipment: n, step, service: kind.service, id, event });
    };

  const bill = (id: string) => get('waybill', 'operator', `/waybills/${id}`);
  const creditView = (id: string) => get('letter-of-credit', 'operator', `/credits/${id}`);
  type Presentation = { id: string; status: string; result: string | null };
  const presentations = async (id: string) => ((await creditView(id))?.presentations ?? []) as Presentation[];
  const milestones = async (id: string) =>
    (((await bill(id))?.legs as { milestones: { event: string; location: string }[] }[] | undefined)?.[0]?.milestones ??
      []) as { event: string; location: string }[];

  const shipment = async (n: number) => {
    const number = `CH${process.pid % 100}X${n}`;
    const creditId = await create(n, CREDITS, 'issue credit', 'lc.issued', 'bank', creditA(p, { number }));
    result.credits.push(creditId);
    const onCredit = actionsOn(n, CREDITS, creditId);
    await onCredit(
      'advise',
      'lc.advised',
      'nominatedBank',
      '/advise',
      {},
      async () => (await creditView(creditId))?.status !== 'issued',
    );
    const submission = chongqingDuisburgBill(p, { creditNumber: number });
    const id = await create(n, BILLS, 'submit', 'waybill.submitted', 'shipper', submission);
    result.bills.push(id);
    const onBill = actionsOn(n, BILLS, id);
    await onBill('issue', 'waybill.issued', 'carrier', '/issue', {}, async () => (await bill(id))?.status === 'issued');
    await until('export released', async () =>
      ((await bill(id))?.customs as { export?: string } | undefined)?.export === 'released' ? true : undefined,
    );
    for (const m of [
      { leg: 1, event: 'gate_in', at: daysAgo(3), location: 'CNCQI' },
      { leg: 1, event: 'departed', at: daysAgo(2), location: 'CNCQI' },
      { leg: 1, event: 'border_crossed', at: daysAgo(1, 1), location: 'CNAKL' },
    ])
      await onBill(`milestone ${m.event}`, 'waybill.milestone_recorded', 'carrier', '/milestones', m, async () =>
        (await milestones(id)).some((x) => x.event === m.event && x.location === m.location),
      );
    // docs/title.md: the beneficiary puts the bill (to the order of the issuing bank) under the nominated bank's control
    const banks = [p.id('nominatedBank'), p.id('bank'), p.id('consignee')];
    await onBill(
      'transfer to the nominated bank',
      'waybill.transferred',
      'shipper',
      '/transfer',
      { to: p.id('nominatedBank') },
      async () => {
        const b = await bill(id);
        return b !== undefined && (banks.includes(String(b.holder)) || b.status !== 'issued');
      },
    );
    const goods = creditA(p).goodsDescription;
    await onCredit(
      'present',
      'lc.presented',
      'shipper',
      '/presentations',
      presentation(p, { waybillId: id, amount: '1248000.00', goods }),
      async () => (await presentations(creditId)).length > 0,
    );
    const examined = await until('examination', async () => {
      const first = (await presentations(creditId))[0];
      return first === undefined || first.result === null ? undefined : first;
    });
    if (examined.result !== 'complying') {
      result.shipments.discrepant += 1;
      return;
    }
    const at = `/presentations/${examined.id}`;
    const status = async () => (await presentations(creditId))[0]?.status;
    await onCredit('honour', 'lc.honoured', 'nominatedBank', `${at}/honour`, {}, async () =>
      ['honoured', 'paid'].includes((await status()) ?? ''),
    );
    // the nominated bank forwards the documents; the bill passes to the issuing bank, its order party
    await onCredit('forward', 'lc.documents_forwarded', 'nominatedBank', `${at}/forward`, {}, async () => {
      const first = ((await creditView(creditId))?.presentations as { forwarded?: boolean }[] | undefined)?.[0];
      return first?.forwarded === true;
    });
    await onCredit('pay', 'lc.paid', 'bank', `${at}/pay`, {}, async () => (await status()) === 'paid');
    await until('bill released to the applicant', async () =>
      (await bill(id))?.holder === p.id('consignee') ? true : undefined,
    );
    const arrived = { leg: 1, event: 'arrived', at: daysAgo(0, 0), location: 'DEDUI' };
    await onBill('milestone arrived', 'waybill.milestone_recorded', 'carrier', '/milestones', arrived, async () =>
      (await milestones(id)).some((x) => x.event === 'arrived'),
    );
    // customs learns the bill's holder from the waybill's events: until then the importer gets 409 and retries
    const importOf = { type: 'import', waybillId: id, office: 'DEDUI' };
    const declarationId = await create(n, DECLARATIONS, 'lodge import', 'customs.lodged', 'consignee', importOf);
    // docs/customs.md §7: duty and VAT are paid before the goods are released
    const payment = { method: 'paid', reference: `CHAOS-${declarationId.slice(-8)}` };
    await actionsOn(n, DECLARATIONS, declarationId)(
      'pay duties',
      'customs.duties_paid',
      'consignee',
      '/payment',
      payment,
      async () => {
        const d = await get('customs-clearance', 'operator', `/declarations/${declarationId}`);
        const status = (d?.duties as { status?: string } | undefined)?.status;
        return status === 'paid' || status === 'guaranteed';
      },
    );
    await until('import released', async () =>
      ((await bill(id))?.customs as { import?: string } | undefined)?.import === 'released' ? true : undefined,
    );
    await onBill('surrender', 'waybill.surrendered', 'consignee', '/surrender', {}, async () =>
      ['surrendered', 'accomplished'].includes(String((await bill(id))?.status)),
    );
    await onBill(
      'deliver',
      'waybill.accomplished',
      'carrier',
      '/deliver',
      {},
      async () => (await bill(id))?.status === 'accomplished',
    );
    result.shipments.completed += 1;
  };

  let next = 0;
  await Promise.all(
    Array.from({ length: o.workers }, async () => {
      while (Date.now() < o.until) {
        const n = ++next;
        result.shipments.started += 1;
        try {
          await shipment(n);
        } catch (error) {
          const message = error instanceof Error ? error.message : String(error);
          const what = error instanceof Stalled ? (message.split(':')[0] ?? 'unknown') : message;
          result.shipments.stalled[what] = (result.shipments.stalled[what] ?? 0) + 1;
          if (result.shipments.why.length < 20) result.shipments.why.push(message.slice(0, 300));
        }
      }
    }),
  );
  return result;
};
