import { createHash, randomBytes } from 'node:crypto';
import type { Executor } from '@railbill/platform';
import { lt, sql } from 'drizzle-orm';
import { streamTickets } from '../store/schema.ts';

/**
 * Stream tickets (docs/console.md "Live stream"): EventSource cannot send an Authorization header, and a bearer
 * token in a URL ends up in proxies' and browsers' logs. The authenticated operator POSTs for a ticket — random,
 * single-use, valid for seconds — and opens the stream with `?ticket=`. Only its SHA-256 is stored, so a database
 * read does not yield a usable ticket; tickets live in the console's database so any console instance can redeem them.
 */
const digest = (ticket: string) => createHash('sha256').update(ticket, 'utf8').digest('hex');

export const issueTicket = async (
  db: Executor,
  partyId: string,
  ttlMs: number,
  now = new Date(),
): Promise<{ ticket: string; expiresAt: string }> => {
  const ticket = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + ttlMs).toISOString();
  await db.delete(streamTickets).where(lt(streamTickets.expiresAt, now.toISOString()));
  await db.insert(streamTickets).values({ ticketHash: digest(ticket), partyId, expiresAt });
  return { ticket, expiresAt };
};

/** Redeems a ticket once: the party it was issued to, or undefined (unknown, used or expired). */
export const redeemTicket = async (db: Executor, ticket: string): Promise<string | undefined> => {
  const rows = await db
    .delete(streamTickets)
    .where(sql`${streamTickets.ticketHash} = ${digest(ticket)} and ${streamTickets.expiresAt} > now()`)
    .returning({ partyId: streamTickets.partyId });
  return rows[0]?.partyId;
};
