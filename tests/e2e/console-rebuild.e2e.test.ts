import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { WAYBILL_TOPIC } from '@railbill/contracts';
import {
  createTestTopics,
  eventually,
  makeParties,
  publishAll,
  repoRoot,
  spawnNode,
  startServiceProcess,
  systemEnv,
  testKafka,
} from '@railbill/testkit';
import { infrastructure } from '@railbill/testkit/vitest';
import { describe, expect, it } from 'vitest';
import { countRows, untracedRecords } from '../support.ts';

// Issue #7: the console's projection can be rebuilt from the topics with one command (docs/contract.md §6 "Replay").
const parties = makeParties();
const { databaseServerUrl, kafkaBrokers } = infrastructure();
const env = systemEnv(databaseServerUrl, kafkaBrokers, parties.file);

describe('the console rebuild', () => {
  it('empties the projection and replays every event from the topics, once', async () => {
    await createTestTopics(testKafka(env.kafkaBrokers), [`${env.topicPrefix}${WAYBILL_TOPIC}`]);
    const console = await startServiceProcess(env, 'console');
    const subjects = [randomUUID(), randomUUID(), randomUUID()];
    await publishAll(
      env,
      subjects.map((subject) => ({
        topic: WAYBILL_TOPIC,
        type: 'waybill.voided',
        subject,
        version: 1,
        data: { voidedBy: parties.id('shipper') },
      })),
    );
    const count = () => countRows(console, 'select count(*)::int as n from events', []);
    await eventually(async () => ((await count()) === 3 ? true : undefined), 20_000, 'the console projection');
    await countRows(console, 'delete from events where subject = $1', [subjects[0]]);
    expect(await count()).toBe(2);
    await console.process.kill('SIGTERM');

    const rebuild = spawnNode(join(repoRoot, 'services/console/src/rebuild.ts'), {
      DATABASE_URL: console.databaseUrl,
      KAFKA_BROKERS: env.kafkaBrokers,
      KAFKA_TOPIC_PREFIX: env.topicPrefix,
      RAILBILL_PARTIES: env.partiesFile,
      LOG_LEVEL: 'info',
    });
    const exit = await rebuild.exited;
    expect(exit, rebuild.output().slice(-3000)).toEqual({ code: 0, signal: null });
    expect(await count()).toBe(3);
    const distinct = await countRows(console, 'select count(distinct subject)::int as n from events', []);
    expect(distinct).toBe(3);
    const traced = await untracedRecords(env);
    expect(traced.count).toBe(3);
    expect(traced.untraced).toEqual([]);
  });
});
