import { LC_TOPIC, type LcEvent } from '@railbill/contracts';
import { commitEvents, conflict, type Executor, loadDocument, type NewEvent, type Tx } from '@railbill/platform';
import { eq } from 'drizzle-orm';
import { partiesOf } from '../domain/access.ts';
import { type Credit, initialState, type State } from '../domain/state.ts';
import { billNamingCredit } from './facts.ts';
import { creditIndex, pendingPresentations } from './schema.ts';

export const CREDIT_KIND = 'credit';
export const CREDIT_SOURCE = '/railbill/letter-of-credit';

export type LoadedCredit = Readonly<{
  id: string;
  state: State;
  version: number;
  createdAt: string | null;
  updatedAt: string | null;
}>;

/** The credit's cached state (the event rows are the truth, docs/architecture.md §2) and its version. */
export const loadCredit = async (db: Executor, id: string): Promise<LoadedCredit> => {
  const row = await loadDocument(db, id);
  return row === undefined
    ? { id, state: initialState, version: 0, createdAt: null, updatedAt: null }
    : { id, state: row.state as State, version: row.version, createdAt: row.createdAt, updatedAt: row.updatedAt };
};

export type CreditCommit = Readonly<{
  loaded: LoadedCredit;
  next: Credit;
  events: readonly (NewEvent & { type: LcEvent['type'] })[];
  traceparent?: string | undefined;
  at: string;
}>;

const UNIQUE_VIOLATION = '23505';
const isUniqueViolation = (error: unknown): boolean => {
  const e = error as { code?: unknown; cause?: { code?: unknown } } | undefined;
  return e?.code === UNIQUE_VIOLATION || e?.cause?.code === UNIQUE_VIOLATION;
};

const numberTaken = (number: string) => conflict('credit-number-taken', `a credit numbered ${number} already exists`);

/** Writes the index row; a new credit with a number already in use is a conflict (one credit per MT700 field 20). */
const indexCredit = async (tx: Tx, c: CreditCommit): Promise<void> => {
  const row = {
    status: c.next.status,
    parties: [...partiesOf(c.next)],
    expiryDate: c.next.terms.expiry.date,
    updatedAt: c.at,
  };
  if (c.loaded.version > 0) {
    await tx.update(creditIndex).set(row).where(eq(creditIndex.creditId, c.loaded.id));
    return;
  }
  const taken = await tx
    .select({ id: creditIndex.creditId })
    .from(creditIndex)
    .where(eq(creditIndex.number, c.next.terms.number));
  if (taken.length > 0) throw numberTaken(c.next.terms.number);
  try {
    // a savepoint, so a lost race on the number fails this statement only and maps to the same conflict
    await tx.transaction((sp) =>
      sp.insert(creditIndex).values({ creditId: c.loaded.id, number: c.next.terms.number, ...row }),
    );
  } catch (error) {
    if (isUniqueViolation(error)) throw numberTaken(c.next.terms.number);
    throw error;
  }
};

/** The presentations still waiting for their bill, so the waybill consumer finds them by bill. */
const syncPending = async (tx: Tx, c: CreditCommit): Promise<void> => {
  await tx.delete(pendingPresentations).where(eq(pendingPresentations.creditId, c.loaded.id));
  const waiting = c.next.presentations.filter((p) => p.status === 'awaiting_documents');
  if (waiting.length === 0) return;
  await tx.insert(pendingPresentations).values(
    waiting.map((p) => ({
      presentationId: p.id,
      creditId: c.loaded.id,
      waybillId: p.waybillId,
      presentedAt: p.presentedAt,
    })),
  );
};

/**
 * docs/contract.md §6: the shipment a credit's events belong to. The bill it was last presented under; else the consumed bill
 * that names it by `creditNumber` (read in the committing transaction); else, until either exists, its own id.
 */
const correlationOf = async (tx: Tx, c: CreditCommit): Promise<string> =>
  c.next.waybillId ?? (await billNamingCredit(tx, c.next.terms.number)) ?? c.loaded.id;

/**
 * One transaction: the document row (version-guarded), its events, their outbox rows, the index and the pending
 * presentations.
 */
export const commitCredit = async (tx: Tx, c: CreditCommit): Promise<void> => {
  await commitEvents(tx, {
    documentId: c.loaded.id,
    kind: CREDIT_KIND,
    expectedVersion: c.loaded.version,
    status: c.next.status,
    state: c.next,
    correlationId: await correlationOf(tx, c),
    events: c.events,
    topic: LC_TOPIC,
    source: CREDIT_SOURCE,
    traceparent: c.traceparent,
    at: c.at,
  });
  await indexCredit(tx, c);
  await syncPending(tx, c);
};
