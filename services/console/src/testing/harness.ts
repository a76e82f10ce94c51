import type { AddressInfo } from 'node:net';
import { CUSTOMS_TOPIC, LC_TOPIC, WAYBILL_TOPIC } from '@railbill/contracts';
import { type BuiltService, buildService, createIdempotentProducer, dlqTopicOf } from '@railbill/platform';
import {
  type CastMember,
  createTestTopics,
  makeParties,
  newDatabaseUrl,
  publishEvent,
  serviceEnv,
  testKafka,
  testPrefix,
} from '@railbill/testkit';
import type { Producer } from 'kafkajs';
import { loadConsoleConfig, watchedGroups } from '../config.ts';
import { consoleService } from '../service.ts';
import type { ScriptedEvent } from './shipment-events.ts';

export type Harness = Awaited<ReturnType<typeof startHarness>>;

/** The console in-process on the real broker and PostgreSQL, listening on a free port (the stream needs a socket). */
export const startHarness = async (databaseServerUrl: string, kafkaBrokers: string) => {
  const parties = makeParties();
  const prefix = testPrefix();
  const kafka = testKafka(kafkaBrokers);
  await createTestTopics(kafka, [
    ...[WAYBILL_TOPIC, LC_TOPIC, CUSTOMS_TOPIC].map((t) => `${prefix}${t}`),
    ...watchedGroups.map((g) => `${prefix}${dlqTopicOf(g)}`),
  ]);
  const service: BuiltService = await buildService(
    consoleService(
      loadConsoleConfig({
        ...serviceEnv({
          databaseUrl: newDatabaseUrl(databaseServerUrl, 'console'),
          kafkaBrokers,
          partiesFile: parties.file,
          prefix,
        }),
        STREAM_HEARTBEAT_MS: '1000',
      }),
    ),
  );
  await service.app.listen({ port: 0, host: '127.0.0.1' });
  const url = `http://127.0.0.1:${(service.app.server.address() as AddressInfo).port}`;
  const producer: Producer = createIdempotentProducer(kafka);
  await producer.connect();

  const get = async (as: CastMember | undefined, path: string) => {
    const res = await fetch(`${url}${path}`, {
      headers: as === undefined ? {} : { authorization: `Bearer ${parties.token(as)}` },
    });
    return { status: res.status, type: res.headers.get('content-type') ?? '', body: (await res.json()) as never };
  };
  const publish = (e: ScriptedEvent) => publishEvent(producer, `${prefix}${e.topic}`, e);
  const stop = async () => {
    await producer.disconnect();
    await service.stop();
  };
  return { parties, prefix, service, url, producer, get, publish, stop };
};

export type StreamClient = Readonly<{
  status: number;
  contentType: string;
  received: { id: string; type: string; subject: string; correlationId: string; seq: number }[];
  close: () => void;
}>;

/** A minimal Server-Sent Events reader over fetch (what EventSource does, with headers). */
export const openStream = async (url: string, headers: Record<string, string> = {}): Promise<StreamClient> => {
  const abort = new AbortController();
  const res = await fetch(url, { headers: { accept: 'text/event-stream', ...headers }, signal: abort.signal });
  const received: StreamClient['received'] = [];
  if (res.status === 200 && res.body !== null) {
    const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    const pump = async () => {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        buffer += value;
        for (let i = buffer.indexOf('\n\n'); i >= 0; i = buffer.indexOf('\n\n')) {
          const frame = buffer.slice(0, i);
          buffer = buffer.slice(i + 2);
          const data = frame
            .split('\n')
            .filter((l) => l.startsWith('data: '))
            .map((l) => l.slice(6))
            .join('\n');
          if (data !== '') received.push(JSON.parse(data));
        }
      }
    };
    pump().catch(() => undefined);
  } else await res.body?.cancel();
  return {
    status: res.status,
    contentType: res.headers.get('content-type') ?? '',
    received,
    close: () => abort.abort(),
  };
};
