import { isDeepStrictEqual } from 'node:util';
import {
  type CustomsEvent,
  foldBillSummary,
  isWaybillEvent,
  type LcEvent,
  parseEnvelope,
  WAYBILL_TOPIC,
  type WaybillEvent,
} from '@railbill/contracts';
import { queryOnce } from '@railbill/testkit';
import pg from 'pg';
import { expect, it } from 'vitest';
import { foldEvents as foldDeclaration } from '../services/customs-clearance/src/domain/state.ts';
import { foldEvents as foldCredit } from '../services/letter-of-credit/src/domain/state.ts';
import { foldEvents as foldBill } from '../services/waybill/src/domain/state.ts';

/** An event as `document_events` stores it (packages/platform/src/store/schema.ts): what `evolve` reads. */
type StoredEvent = Readonly<{ type: string; data: unknown }>;

/**
 * Each document kind's fold (its service's `domain/state.ts`), by the `kind` its repository writes in `documents`.
 * The stored data is what `decide` produced and `commitEvents` wrote, read back as the repositories read state.
 */
const folds: Readonly<Record<string, (events: readonly StoredEvent[]) => unknown>> = {
  waybill: (events) => foldBill(events as readonly WaybillEvent[]),
  credit: (events) => foldCredit(events as readonly LcEvent[]),
  declaration: (events) => foldDeclaration(events as readonly CustomsEvent[]),
};

/** The first path at which two JSON values differ, for a message that points at the field. */
const firstDifference = (a: unknown, b: unknown, path = '$'): string => {
  if (typeof a === 'object' && a !== null && typeof b === 'object' && b !== null) {
    for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
      const x = (a as Record<string, unknown>)[key];
      const y = (b as Record<string, unknown>)[key];
      if (!isDeepStrictEqual(x, y)) return firstDifference(x, y, `${path}.${key}`);
    }
  }
  return `${path}: stored ${JSON.stringify(a)}, folded ${JSON.stringify(b)}`;
};

type DocumentRow = { id: string; kind: string; version: number; status: string; state: unknown };
type EventRow = { document_id: string; sequence: number; type: string; data: unknown };

/**
 * docs/architecture.md §2: "the event rows are the truth; the document row is a cache written in the same
 * transaction". Reads one snapshot of a service's database and answers, for every document, where its row
 * (state, status, version) differs from the fold of its stored events; also events of no document.
 */
export const documentMismatches = async (
  databaseUrl: string,
): Promise<Readonly<{ checked: number; mismatches: string[] }>> => {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query('begin isolation level repeatable read read only');
    const documents = await client.query<DocumentRow>('select id, kind, version, status, state from documents');
    const events = await client.query<EventRow>(
      'select document_id, sequence, type, data from document_events order by document_id, sequence',
    );
    await client.query('commit');
    const byDocument = Map.groupBy(events.rows, (e) => e.document_id);
    const mismatches: string[] = [];
    const ids = new Set(documents.rows.map((d) => d.id));
    for (const orphan of byDocument.keys())
      if (!ids.has(orphan)) mismatches.push(`events of ${orphan}, which has no row`);
    for (const doc of documents.rows) {
      const stored = byDocument.get(doc.id) ?? [];
      const where = `${doc.kind} ${doc.id}`;
      const fold = folds[doc.kind];
      if (fold === undefined) {
        mismatches.push(`${where}: no fold for its kind`);
        continue;
      }
      const sequences = stored.map((e) => e.sequence);
      if (
        !isDeepStrictEqual(
          sequences,
          stored.map((_, i) => i + 1),
        )
      )
        mismatches.push(`${where}: event sequences ${sequences.join(',')}`);
      if (doc.version !== stored.length) mismatches.push(`${where}: version ${doc.version}, ${stored.length} events`);
      // the fold as the row holds it: through JSON, as `commitEvents` writes the state and `loadDocument` reads it
      const folded: unknown = JSON.parse(JSON.stringify(fold(stored.map((e) => ({ type: e.type, data: e.data })))));
      if (!isDeepStrictEqual(doc.state, folded)) mismatches.push(`${where}: ${firstDifference(doc.state, folded)}`);
      const status = (folded as { status?: unknown }).status;
      if (doc.status !== status) mismatches.push(`${where}: status column ${doc.status}, folded ${String(status)}`);
    }
    return { checked: documents.rows.length, mismatches };
  } finally {
    await client.end();
  }
};

/** One query on each database, side by side; answers each database's rows beside its URL. */
const readAll = <R extends pg.QueryResultRow>(urls: readonly string[], text: string) =>
  Promise.all(urls.map(async (url) => ({ url, rows: await queryOnce<R>(url, text) })));

/**
 * docs/architecture.md §2 (the path of an event): the services that consume a bill's events keep the contracts'
 * public fold of them (`packages/contracts/src/projections/bill-summary.ts`) in their `bills` projection. Answers,
 * for every such row in `databaseUrls`, where it differs from that fold of the bill's events as the waybill service
 * published them (its outbox, kept a day), up to the row's `version` (the sequence of the last event it applied), so
 * a consumer that is behind is still checked against what it has seen.
 */
export const consumedBillMismatches = async (
  databaseUrls: readonly string[],
): Promise<Readonly<{ checked: number; mismatches: string[] }>> => {
  // every service's database has both tables (packages/platform's migrations); only the waybill's outbox has rows
  // of its topic, and only the consumers of that topic have `bills` rows. The copies are read first: every event
  // they applied was in the outbox before it was published, so the outbox read after them holds it.
  const copies = await readAll<{ id: string; version: number; state: unknown }>(
    databaseUrls,
    `select id, version, state from projections where name = 'bills'`,
  );
  const published = (
    await readAll<{ envelope: string }>(
      databaseUrls,
      `select envelope from outbox where topic like '%${WAYBILL_TOPIC}' order by id`,
    )
  ).flatMap(({ rows }) =>
    rows.map(({ envelope }) => {
      const parsed = parseEnvelope(envelope);
      if (!parsed.ok || !isWaybillEvent(parsed.event)) throw new Error(`unreadable waybill outbox row: ${envelope}`);
      const { envelope: e } = parsed.event;
      return { bill: e.subject, sequence: Number(e.sequence), event: parsed.event, time: e.time };
    }),
  );
  const byBill = Map.groupBy(published, (e) => e.bill);
  const mismatches: string[] = [];
  let checked = 0;
  for (const { url, rows } of copies)
    for (const row of rows) {
      checked += 1;
      const seen = (byBill.get(row.id) ?? []).filter((e) => e.sequence <= row.version);
      const folded: unknown = JSON.parse(JSON.stringify(foldBillSummary(row.id, seen) ?? null));
      if (!isDeepStrictEqual(row.state, folded))
        mismatches.push(`${new URL(url).pathname} bill ${row.id}: ${firstDifference(row.state, folded)}`);
    }
  return { checked, mismatches };
};

/**
 * The last tests of a scenario file: every document the scenarios made (in every database of the system) is stored
 * as the fold of its events, and there was at least one; every consumer's copy of a bill is the public fold of the
 * bill's published events.
 */
export const documentsFoldTheirEvents = (system: Readonly<{ databaseUrls: () => readonly string[] }>): void => {
  it('left every stored document equal to the fold of its stored events', async () => {
    let checked = 0;
    for (const url of system.databaseUrls()) {
      const found = await documentMismatches(url);
      expect(found.mismatches, new URL(url).pathname).toEqual([]);
      checked += found.checked;
    }
    expect(checked).toBeGreaterThan(0);
  });
  it('left every consumed copy of a bill equal to the public fold of its published events', async () => {
    const found = await consumedBillMismatches(system.databaseUrls());
    expect(found.mismatches).toEqual([]);
    expect(found.checked).toBeGreaterThan(0);
  });
};
