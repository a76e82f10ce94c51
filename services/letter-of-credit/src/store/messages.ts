import type { Executor, Tx } from '@railbill/platform';
import { and, asc, eq, gt, sql } from 'drizzle-orm';
import type { BankMessage } from '../domain/messages/lifecycle.ts';
import { bankMessages } from './schema.ts';

export type StoredMessage = BankMessage & Readonly<{ eventId: string; eventType: string }>;

/** Appends a credit's new messages, numbered after the last, in the transaction of their events. */
export const appendMessages = async (
  tx: Tx,
  creditId: string,
  messages: readonly StoredMessage[],
  at: string,
): Promise<void> => {
  if (messages.length === 0) return;
  const [last] = await tx
    .select({ n: sql<number>`coalesce(max(${bankMessages.n}), 0)` })
    .from(bankMessages)
    .where(eq(bankMessages.creditId, creditId));
  const first = Number(last?.n ?? 0) + 1;
  await tx.insert(bankMessages).values(
    messages.map((m, i) => ({
      creditId,
      n: first + i,
      mt: m.mt,
      sender: m.sender,
      receiver: m.receiver,
      eventId: m.eventId,
      eventType: m.eventType,
      part: i,
      text: m.text,
      createdAt: at,
    })),
  );
};

const columns = {
  n: bankMessages.n,
  mt: bankMessages.mt,
  sender: bankMessages.sender,
  receiver: bankMessages.receiver,
  eventId: bankMessages.eventId,
  eventType: bankMessages.eventType,
  createdAt: bankMessages.createdAt,
};

/** A credit's messages after number `after`, oldest first, at most `limit`, without their text. */
export const listMessages = (db: Executor, creditId: string, after = 0, limit = 100) =>
  db
    .select(columns)
    .from(bankMessages)
    .where(and(eq(bankMessages.creditId, creditId), gt(bankMessages.n, after)))
    .orderBy(asc(bankMessages.n))
    .limit(limit);

/** One message with its FIN text. */
export const loadMessage = async (db: Executor, creditId: string, n: number) => {
  const [row] = await db
    .select({ ...columns, text: bankMessages.text })
    .from(bankMessages)
    .where(and(eq(bankMessages.creditId, creditId), eq(bankMessages.n, n)));
  return row;
};
