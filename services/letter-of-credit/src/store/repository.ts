import { LC_TOPIC, type LcEvent } from '@railbill/contracts';
import { conflict, type DocumentCommit, documentStore, type StoredDocument, type Tx } from '@railbill/platform';
import { eq } from 'drizzle-orm';
import { partiesOf } from '../domain/access.ts';
import type { Command } from '../domain/commands.ts';
import { type Credit, initialState, type State } from '../domain/state.ts';
import { billNamingCredit } from './facts.ts';
import { creditIndex, pendingPresentations } from './schema.ts';

export const CREDIT_KIND = 'credit';
export const CREDIT_SOURCE = '/railbill/letter-of-credit';

export type LoadedCredit = StoredDocument<State>;

type CreditCommit = DocumentCommit<Credit, Command, LcEvent, LoadedCredit>;

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

/** The credit's row, its events and their outbox rows; its index and waiting presentations alongside. */
export const creditStore = documentStore<State, Credit, Command, LcEvent>({
  kind: CREDIT_KIND,
  topic: LC_TOPIC,
  source: CREDIT_SOURCE,
  initialState,
  correlationId: correlationOf,
  alongside: async (tx, c) => {
    await indexCredit(tx, c);
    await syncPending(tx, c);
  },
});

export const loadCredit = creditStore.load;
