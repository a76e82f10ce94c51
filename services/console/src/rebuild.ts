/**
 * Rebuilds the console's projection from the topics (docs/contract.md §6 "Replay"):
 *
 *   pnpm --filter @railbill/console rebuild      # with the console STOPPED; same env as the console
 *
 * 1. refuses while a member of the console's groups is running (stop the console first);
 * 2. empties `events`, `shipments`, `dead_letters` and the console's inbox rows;
 * 3. deletes the consumer groups `console` and `console-dead-letters`, so the next consumers are fresh groups that
 *    start from the beginning of every topic (fromBeginning);
 * 4. runs the console's own consumers until they reach the ends the topics had when the rebuild started, then
 *    stops them, their offsets committed: the console started afterwards continues from there.
 */
import { CUSTOMS_TOPIC, LC_TOPIC, WAYBILL_TOPIC } from '@railbill/contracts';
import {
  brokersOf,
  buildService,
  createDb,
  createKafka,
  createLogger,
  createPool,
  dlqTopicOf,
  ensureDatabase,
  runMigrations,
} from '@railbill/platform';
import type { Admin } from 'kafkajs';
import { loadConsoleConfig, watchedGroups } from './config.ts';
import { CONSOLE_GROUP, consoleService, DEAD_LETTER_GROUP } from './service.ts';

const config = loadConsoleConfig();
const log = createLogger('console-rebuild', config.LOG_LEVEL);
const name = (t: string) => `${config.KAFKA_TOPIC_PREFIX}${t}`;
const groups = [name(CONSOLE_GROUP), name(DEAD_LETTER_GROUP)];
const timeoutMs = 10 * 60_000;

/** Waits until `groupId` has committed up to `ends` (the topics' ends at the start) on every partition. */
const caughtUp = async (admin: Admin, groupId: string, topics: readonly string[]): Promise<void> => {
  const targets = await Promise.all(
    topics.map(async (topic) => ({ topic, ends: await admin.fetchTopicOffsets(topic) })),
  );
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const committed = await admin.fetchOffsets({ groupId, topics: [...topics] });
    const behind = targets.flatMap(({ topic, ends }) =>
      ends.filter((e) => {
        if (e.high === e.low) return false;
        const c = committed.find((t) => t.topic === topic)?.partitions.find((p) => p.partition === e.partition);
        return c === undefined || BigInt(c.offset) < BigInt(e.high);
      }),
    );
    if (behind.length === 0) return;
    if (Date.now() > deadline) throw new Error(`${groupId} did not catch up within ${timeoutMs / 1000}s`);
    await new Promise((r) => setTimeout(r, 500));
  }
};

const kafka = createKafka('console-rebuild', brokersOf(config.KAFKA_BROKERS), log);
const admin = kafka.admin();
await admin.connect();
try {
  const described = await admin.describeGroups(groups);
  const busy = described.groups.filter((g) => g.members.length > 0).map((g) => g.groupId);
  if (busy.length > 0)
    throw new Error(`consumer group(s) ${busy.join(', ')} still have members: stop the console first`);

  await ensureDatabase(config.DATABASE_URL);
  const pool = createPool(config.DATABASE_URL, 1);
  await runMigrations(createDb(pool), new URL('../migrations', import.meta.url).pathname);
  await pool.query('truncate events, dead_letters, shipments');
  await pool.query('delete from inbox where consumer = $1', [CONSOLE_GROUP]);
  await pool.end();
  log.info('projection emptied');

  const existing = new Set((await admin.listGroups()).groups.map((g) => g.groupId));
  const stale = groups.filter((g) => existing.has(g));
  if (stale.length > 0) await admin.deleteGroups(stale);
  log.info({ groups: stale }, 'consumer groups deleted');

  const service = await buildService(consoleService(config));
  try {
    await caughtUp(admin, name(CONSOLE_GROUP), [WAYBILL_TOPIC, LC_TOPIC, CUSTOMS_TOPIC].map(name));
    await caughtUp(
      admin,
      name(DEAD_LETTER_GROUP),
      watchedGroups.map((g) => name(dlqTopicOf(g))),
    );
    const counts = await service.deps.pool.query<{ events: string; deadLetters: string }>(
      'select (select count(*) from events) as events, (select count(*) from dead_letters) as "deadLetters"',
    );
    log.info(counts.rows[0], 'replay finished: the console may be started');
  } finally {
    await service.stop();
  }
} finally {
  await admin.disconnect();
}
