import { CUSTOMS_TOPIC, LC_TOPIC, WAYBILL_TOPIC } from '@railbill/contracts';
import { dlqTopicOf } from '@railbill/platform';
import { queryOnce, type TestParties } from '@railbill/testkit';
import type { Kafka } from 'kafkajs';
import { SERVICES, type ServiceName } from './instances.ts';
import type { Ack } from './load.ts';

const TOPIC_OF: Record<ServiceName, string> = {
  waybill: WAYBILL_TOPIC,
  'letter-of-credit': LC_TOPIC,
  'customs-clearance': CUSTOMS_TOPIC,
};

export type Check = Readonly<{ name: string; ok: boolean; detail: unknown }>;

type Record_ = Readonly<{ key: string; id: string; sequence: number }>;

/** Reads a topic from the beginning to its end offsets (a fresh group, nothing committed). */
const readTopic = async (kafka: Kafka, topic: string): Promise<Record_[]> => {
  const admin = kafka.admin();
  await admin.connect();
  const ends = await admin.fetchTopicOffsets(topic);
  await admin.disconnect();
  const wanted = new Map(ends.map((e) => [e.partition, BigInt(e.high)]));
  const total = [...wanted.values()].reduce((a, b) => a + b, 0n);
  const records: (Record_ & { partition: number; offset: bigint })[] = [];
  if (total === 0n) return [];
  const consumer = kafka.consumer({ groupId: `chaos-check-${Date.now()}-${Math.random()}` });
  await consumer.connect();
  await consumer.subscribe({ topics: [topic], fromBeginning: true });
  const seen = new Map<number, bigint>();
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`reading ${topic} timed out`)), 120_000);
    consumer
      .run({
        eachMessage: async ({ partition, message }) => {
          const envelope = JSON.parse(message.value?.toString('utf8') ?? '{}') as { id: string; sequence: string };
          records.push({
            partition,
            offset: BigInt(message.offset),
            key: message.key?.toString() ?? '',
            id: envelope.id,
            sequence: Number(envelope.sequence),
          });
          seen.set(partition, BigInt(message.offset) + 1n);
          if ([...wanted].every(([p, high]) => (seen.get(p) ?? 0n) >= high)) {
            clearTimeout(timer);
            resolve();
          }
        },
      })
      .catch(reject);
  });
  await consumer.disconnect();
  return records.sort((a, b) => a.partition - b.partition || Number(a.offset - b.offset));
};

/** Messages waiting on a topic: the sum of its partitions' high watermarks (no group has read from a DLQ here). */
const topicSize = async (kafka: Kafka, topic: string): Promise<number> => {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const topics = await admin.listTopics();
    if (!topics.includes(topic)) return 0;
    return (await admin.fetchTopicOffsets(topic)).reduce((n, p) => n + Number(p.high) - Number(p.low), 0);
  } finally {
    await admin.disconnect();
  }
};

const lagOf = async (kafka: Kafka, group: string, topics: readonly string[]): Promise<number> => {
  const admin = kafka.admin();
  await admin.connect();
  try {
    let lag = 0;
    const committed = await admin.fetchOffsets({ groupId: group, topics: [...topics] });
    for (const t of committed) {
      const ends = await admin.fetchTopicOffsets(t.topic);
      for (const end of ends) {
        const at = t.partitions.find((p) => p.partition === end.partition)?.offset ?? '-1';
        const from = Number(at) < 0 ? Number(end.low) : Number(at);
        lag += Number(end.high) - from;
      }
    }
    return lag;
  } finally {
    await admin.disconnect();
  }
};

/**
 * The checker (docs/reliability.md): from the databases and the topics, after the load and the faults.
 */
export const checkSystem = async (
  o: Readonly<{
    kafka: Kafka;
    prefix: string;
    databaseUrls: Readonly<Record<ServiceName, string>>;
    acks: readonly Ack[];
    bills: readonly string[];
    parties: TestParties;
    waybillUrl: () => string | undefined;
  }>,
): Promise<Check[]> => {
  const checks: Check[] = [];
  const db = o.databaseUrls;

  // 1. every acknowledged change present: its document holds an event of the acknowledged type
  const missing: Ack[] = [];
  for (const service of SERVICES) {
    const acks = o.acks.filter((a) => a.service === service);
    const rows = await queryOnce<{ document_id: string; type: string; n: number }>(
      db[service],
      'select document_id::text, type, count(*)::int as n from document_events group by document_id, type',
    );
    const have = new Map(rows.map((r) => [`${r.document_id} ${r.type}`, r.n]));
    for (const a of acks) if ((have.get(`${a.id} ${a.event}`) ?? 0) === 0) missing.push(a);
  }
  checks.push({
    name: 'every acknowledged change is present',
    ok: missing.length === 0,
    detail: { acknowledged: o.acks.length, missing },
  });

  // 2. no duplicated effect: each once-only event at most once per document; one release per payment;
  // one declaration per bill and type; milestones once each
  const once = [
    'waybill.submitted',
    'waybill.issued',
    'waybill.surrendered',
    'waybill.accomplished',
    'lc.issued',
    'lc.advised',
    'lc.presented',
    'lc.honoured',
    'lc.paid',
  ];
  const duplicated: unknown[] = [];
  for (const service of ['waybill', 'letter-of-credit'] as const)
    duplicated.push(
      ...(await queryOnce(
        db[service],
        'select document_id::text, type, count(*)::int as n from document_events where type = any($1) group by 1, 2 having count(*) > 1',
        [once],
      )),
    );
  duplicated.push(
    ...(await queryOnce(
      db.waybill,
      `select document_id::text, data->>'event' as event, data->>'location' as location, count(*)::int as n
       from document_events where type = 'waybill.milestone_recorded' group by 1, 2, 3 having count(*) > 1`,
    )),
    ...(await queryOnce(
      db.waybill,
      `select causation_id, count(*)::int as n from document_events
       where type = 'waybill.endorsed' and causation_id is not null group by 1 having count(*) > 1`,
    )),
    ...(await queryOnce(
      db['customs-clearance'],
      `select state->>'waybillId' as waybill, state->>'type' as type, count(*)::int as n from documents
       group by 1, 2 having count(*) > 1`,
    )),
  );
  checks.push({ name: 'no duplicated effect', ok: duplicated.length === 0, detail: { duplicated } });

  // 3. outboxes drained, every stored event on its topic, in per-key order
  const outboxes: Record<string, unknown> = {};
  let drained = true;
  let onTopics = true;
  let ordered = true;
  for (const service of SERVICES) {
    const [left] = await queryOnce<{ n: number; dead: number }>(
      db[service],
      `select count(*) filter (where published_at is null)::int as n,
              count(*) filter (where headers ? 'dlq-reason')::int as dead from outbox`,
    );
    const stored = await queryOnce<{ document_id: string; event_id: string; sequence: number }>(
      db[service],
      'select document_id::text, event_id::text, sequence from document_events',
    );
    const records = await readTopic(o.kafka, `${o.prefix}${TOPIC_OF[service]}`);
    const ids = new Set(records.map((r) => r.id));
    const absent = stored.filter((e) => !ids.has(e.event_id));
    // per key, the first delivery of each sequence comes in increasing order (redeliveries may repeat an earlier one)
    const outOfOrder: string[] = [];
    const lastFirst = new Map<string, number>();
    const firstSeen = new Set<string>();
    for (const r of records) {
      if (firstSeen.has(r.id)) continue;
      firstSeen.add(r.id);
      const before = lastFirst.get(r.key) ?? 0;
      if (r.sequence <= before) outOfOrder.push(`${r.key}: ${r.sequence} after ${before}`);
      lastFirst.set(r.key, Math.max(before, r.sequence));
    }
    drained &&= (left?.n ?? 0) === 0 && (left?.dead ?? 0) === 0;
    onTopics &&= absent.length === 0;
    ordered &&= outOfOrder.length === 0;
    outboxes[service] = {
      unpublished: left?.n,
      deadLettered: left?.dead,
      storedEvents: stored.length,
      records: records.length,
      redelivered: records.length - firstSeen.size,
      absentFromTopic: absent.slice(0, 10),
      outOfOrder: outOfOrder.slice(0, 10),
    };
  }
  checks.push({ name: 'outboxes drained', ok: drained, detail: outboxes });
  checks.push({ name: 'every stored event is on its topic', ok: onTopics, detail: 'see outboxes drained' });
  checks.push({ name: 'per-key order on every topic', ok: ordered, detail: 'see outboxes drained' });

  // 4. every bill's hash chain and carrier signature verify
  const invalid: unknown[] = [];
  for (const id of o.bills) {
    let verdict: { valid?: boolean; signature?: { valid?: boolean } | null } | string | undefined;
    for (let attempt = 0; attempt < 5 && (verdict === undefined || typeof verdict === 'string'); attempt++) {
      const res = await fetch(`${o.waybillUrl()}/waybills/${id}/verify`, {
        headers: { authorization: `Bearer ${o.parties.token('operator')}` },
      }).catch((error: unknown) => String(error));
      if (typeof res === 'string') verdict = res;
      else
        verdict =
          res.status === 200 ? ((await res.json()) as { valid?: boolean }) : `${res.status} ${await res.text()}`;
      if (typeof verdict === 'string') await new Promise((r) => setTimeout(r, 500));
    }
    const ok =
      typeof verdict === 'object' &&
      verdict.valid === true &&
      (verdict.signature === null || verdict.signature?.valid === true);
    if (!ok) invalid.push({ id, verdict });
  }
  checks.push({
    name: 'every bill chain and signature valid',
    ok: invalid.length === 0,
    detail: { bills: o.bills.length, invalid },
  });

  // 5. no dead letters; 6. consumer lag back to zero
  const dead: Record<string, number> = {};
  for (const service of SERVICES) dead[service] = await topicSize(o.kafka, `${o.prefix}${dlqTopicOf(service)}`);
  checks.push({ name: 'no dead letters', ok: Object.values(dead).every((n) => n === 0), detail: dead });
  const consumed: Record<ServiceName, string[]> = {
    waybill: [LC_TOPIC, CUSTOMS_TOPIC],
    'letter-of-credit': [WAYBILL_TOPIC],
    'customs-clearance': [WAYBILL_TOPIC],
  };
  const lag: Record<string, number> = {};
  for (const service of SERVICES)
    lag[service] = await lagOf(
      o.kafka,
      `${o.prefix}${service}`,
      consumed[service].map((t) => `${o.prefix}${t}`),
    );
  checks.push({ name: 'consumer lag zero', ok: Object.values(lag).every((n) => n === 0), detail: lag });
  return checks;
};
