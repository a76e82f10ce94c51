import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type CloudEvent, CUSTOMS_TOPIC, WAYBILL_TOPIC, type WaybillSubmission } from '@railbill/contracts';
import { type BuiltService, buildService, createIdempotentProducer } from '@railbill/platform';
import {
  createTestTopics,
  freshDatabase,
  injectAs,
  makeParties,
  publishEvent,
  recordTopics,
  serviceEnv,
  type TestParties,
  testKafka,
  testPrefix,
} from '@railbill/testkit';
import type { Producer } from 'kafkajs';
import { v7 as uuidv7 } from 'uuid';
import riskRules from '../../config/risk-rules.json' with { type: 'json' };
import { loadCustomsConfig } from '../config.ts';
import { customsService } from '../service.ts';

const migrations = new URL('../../migrations', import.meta.url).pathname;

export type Sampling = Readonly<{ seed: string; yellowRate: number; redRate: number; aeoExempt: boolean }>;

/** The repo's rules with the sampling a test wants (default: none, so channels follow the other rules only). */
const rulesFile = (sampling: Sampling): string => {
  const file = join(mkdtempSync(join(tmpdir(), 'railbill-risk-')), 'risk-rules.json');
  writeFileSync(file, JSON.stringify({ ...riskRules, sampling }));
  return file;
};

export type HarnessOptions = Readonly<{ parties?: TestParties; sampling?: Sampling }>;
export type Harness = Awaited<ReturnType<typeof startHarness>>;

/**
 * The customs-clearance service in-process on the real broker and PostgreSQL: a producer of waybill events as the
 * waybill service would publish them, and a recorder of the service's `customs.events.v1`.
 */
export const startHarness = async (databaseServerUrl: string, kafkaBrokers: string, o: HarnessOptions = {}) => {
  const parties = o.parties ?? makeParties();
  const prefix = testPrefix();
  const kafka = testKafka(kafkaBrokers);
  await createTestTopics(kafka, [`${prefix}${WAYBILL_TOPIC}`, `${prefix}${CUSTOMS_TOPIC}`]);
  const env = serviceEnv({
    databaseUrl: await freshDatabase(databaseServerUrl, 'customs-clearance', migrations),
    kafkaBrokers,
    partiesFile: parties.file,
    prefix,
  });
  const sampling = o.sampling ?? { seed: 'test', yellowRate: 0, redRate: 0, aeoExempt: true };
  const service: BuiltService = await buildService(
    customsService(loadCustomsConfig({ ...env, RISK_RULES_FILE: rulesFile(sampling) })),
  );
  const producer: Producer = createIdempotentProducer(kafka);
  await producer.connect();
  const recorder = await recordTopics(kafka, [`${prefix}${CUSTOMS_TOPIC}`]);

  const call = injectAs(service.app, parties);

  /** Publishes a waybill event as the waybill service's relay would; `id` repeats a delivery of one event. */
  const waybillEvent = (
    waybillId: string,
    e: Readonly<{ type: string; version: number; data: unknown; id?: string }>,
  ): Promise<string> =>
    publishEvent(producer, `${prefix}${WAYBILL_TOPIC}`, { ...e, subject: waybillId, correlationId: waybillId });

  /** `waybill.submitted` then `waybill.issued` for a new bill; answers its id and the issued event. */
  const issueBill = async (bill: WaybillSubmission, waybillId: string = uuidv7()) => {
    await waybillEvent(waybillId, {
      type: 'waybill.submitted',
      version: 1,
      data: { ...bill, submittedBy: bill.shipper, warnings: [] },
    });
    const issued = {
      type: 'waybill.issued',
      version: 2,
      data: { billNumber: `SILKRAIL-2026-${waybillId.slice(-6)}`, issuedBy: bill.carrier, holder: bill.shipper },
    };
    const issuedId = await waybillEvent(waybillId, issued);
    return { waybillId, issued: { ...issued, id: issuedId } };
  };

  /** The service's published customs events, parsed, optionally of one bill (correlation id). */
  const published = (waybillId?: string): CloudEvent[] =>
    recorder.received
      .map((m) => JSON.parse(m.value) as CloudEvent)
      .filter((e) => waybillId === undefined || e.correlationid === waybillId);

  const stop = async () => {
    await recorder.stop();
    await producer.disconnect();
    await service.stop();
  };
  return { parties, prefix, service, call, waybillEvent, issueBill, published, stop, db: service.deps.db };
};
