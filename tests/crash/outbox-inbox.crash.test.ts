import { CloudEvent, WAYBILL_TOPIC } from '@railbill/contracts';
import { isValidTraceparent } from '@railbill/platform';
import {
  chongqingDuisburgBill,
  createTestTopics,
  eventually,
  makeParties,
  type RunningProcess,
  recordTopics,
  startServiceProcess,
  systemEnv,
  testKafka,
} from '@railbill/testkit';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { documentsFoldTheirEvents } from '../consistency.ts';
import { countRows, json, projectionRow } from '../support.ts';

// Issue #3: crash tests SIGKILL a real service process at a named failpoint, restart it without the failpoint, and
// check from Kafka and PostgreSQL that the effect happened exactly once.
const parties = makeParties();
const kafka = testKafka(inject('kafkaBrokers'));
const running: RunningProcess[] = [];
const start = async (...args: Parameters<typeof startServiceProcess>) => {
  const p = await startServiceProcess(...args);
  running.push(p);
  return p;
};

afterAll(async () => {
  await Promise.all(running.map((r) => r.process.kill('SIGKILL')));
});

const submit = async (waybill: RunningProcess) => {
  const res = await fetch(`${waybill.url}/waybills`, {
    method: 'POST',
    headers: json(parties.token('shipper')),
    body: JSON.stringify(chongqingDuisburgBill(parties)),
  });
  expect(res.status).toBe(201);
  return ((await res.json()) as { id: string }).id;
};

describe('a crash', () => {
  it('after the broker acknowledged but before the outbox row was marked: twice on the wire, applied once', async () => {
    const env = systemEnv(inject('databaseUrl'), inject('kafkaBrokers'), parties.file);
    await createTestTopics(kafka, [`${env.topicPrefix}${WAYBILL_TOPIC}`]);
    const recorder = await recordTopics(kafka, [`${env.topicPrefix}${WAYBILL_TOPIC}`]);
    const lc = await start(env, 'letter-of-credit');
    const crashing = await start(env, 'waybill', { failpoints: 'relay.after-send' });
    const id = await submit(crashing);
    expect((await crashing.process.exited).signal).toBe('SIGKILL');

    const restarted = await start(env, 'waybill', { databaseUrl: crashing.databaseUrl });
    const copies = await eventually(
      async () => {
        const found = recorder.received.filter((m) => m.key === id);
        return found.length >= 2 ? found : undefined;
      },
      20_000,
      'the republished event',
    );
    const ids = copies.map((m) => CloudEvent.parse(JSON.parse(m.value)).id);
    expect(new Set(ids).size).toBe(1);
    // the trace context is stored with the row: the republished copy carries the same one, not the new relay's
    expect(isValidTraceparent(copies[0]?.headers.traceparent)).toBe(true);
    expect(new Set(copies.map((m) => m.headers.traceparent)).size).toBe(1);
    await eventually(async () =>
      (await countRows(restarted, 'select count(*)::int as n from outbox where published_at is null', [])) === 0
        ? true
        : undefined,
    );

    const row = await eventually(async () => projectionRow(lc, 'bills', id), 10_000, 'the projection');
    // let the second copy reach the consumer, then check it had no effect
    await eventually(async () =>
      (await countRows(lc, 'select count(*)::int as n from inbox where event_id = $1', [ids[0]])) === 1
        ? true
        : undefined,
    );
    await new Promise((r) => setTimeout(r, 1000));
    expect(row.applied).toBe(1);
    expect((await projectionRow(lc, 'bills', id))?.applied).toBe(1);
    await recorder.stop();
  });

  it('after the consumer committed its transaction but before the offset commit: no double effect', async () => {
    const env = systemEnv(inject('databaseUrl'), inject('kafkaBrokers'), parties.file);
    const waybill = await start(env, 'waybill');
    const crashing = await start(env, 'letter-of-credit', { failpoints: 'inbox.after-commit' });
    const id = await submit(waybill);
    expect((await crashing.process.exited).signal).toBe('SIGKILL');
    // the transaction committed before the kill: the effect is there once, the offset is not
    expect((await projectionRow(crashing, 'bills', id))?.applied).toBe(1);

    const restarted = await start(env, 'letter-of-credit', { databaseUrl: crashing.databaseUrl });
    const admin = kafka.admin();
    await admin.connect();
    try {
      // the restarted consumer sees the message again, skips it through the inbox, and commits the offset
      await eventually(
        async () => {
          const offsets = await admin.fetchOffsets({
            groupId: `${env.topicPrefix}letter-of-credit`,
            topics: [`${env.topicPrefix}${WAYBILL_TOPIC}`],
          });
          const committed = offsets.flatMap((t) => t.partitions).some((p) => Number(p.offset) > 0);
          return committed ? true : undefined;
        },
        30_000,
        'the offset commit after restart',
      );
    } finally {
      await admin.disconnect();
    }
    expect((await projectionRow(restarted, 'bills', id))?.applied).toBe(1);
    expect(await countRows(restarted, 'select count(*)::int as n from inbox', [])).toBe(1);
  });
});

documentsFoldTheirEvents({ databaseUrls: () => [...new Set(running.map((r) => r.databaseUrl))] });
