import { randomUUID } from 'node:crypto';

export type Member = Readonly<{ id: string; token: string }>;
export type Answer = Readonly<{ ok: boolean; status: number; body: Record<string, unknown> & { id?: string } }>;
export type Say = (line: string) => void;

/** One REST call as a party; a refusal is printed (problem title/detail) and returned, never thrown. */
export const call = async (
  say: Say,
  as: Member,
  method: 'GET' | 'POST',
  url: string,
  body?: unknown,
): Promise<Answer> => {
  try {
    const res = await fetch(url, {
      method,
      headers: {
        authorization: `Bearer ${as.token}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json', 'idempotency-key': randomUUID() }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    const parsed = text === '' ? {} : (JSON.parse(text) as Answer['body']);
    if (!res.ok) {
      const errors = Array.isArray(parsed.errors) ? ` ${JSON.stringify(parsed.errors).slice(0, 300)}` : '';
      say(
        `    ✗ ${method} ${new URL(url).pathname} → ${res.status} ${String(parsed.code ?? '')}: ${String(parsed.detail ?? text.slice(0, 200))}${errors}`,
      );
    }
    return { ok: res.ok, status: res.status, body: parsed };
  } catch (error) {
    say(`    ✗ ${method} ${url} → ${(error as Error).message}`);
    return { ok: false, status: 0, body: {} };
  }
};

/** Polls `probe` every 300 ms until it returns a value or `ms` pass; undefined on time-out. */
export const waitFor = async <T>(probe: () => Promise<T | undefined>, ms = 30_000): Promise<T | undefined> => {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    const v = await probe().catch(() => undefined);
    if (v !== undefined) return v;
    await new Promise((r) => setTimeout(r, 300));
  }
  return undefined;
};

/**
 * Shifts the scenario's dates (docs/shipments.md, spring/summer 2026) by whole days so that `anchor` lands on
 * yesterday: every interval stays as written, and no milestone is in the future.
 */
export const dateShifter = (anchor: string, now = new Date()) => {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const offset = today - 86_400_000 - Date.parse(`${anchor}T00:00:00Z`);
  const shifted = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) + offset);
  return {
    date: (d: string) => shifted(d).toISOString().slice(0, 10),
    at: (d: string, hour = 2) => new Date(shifted(d).getTime() + hour * 3_600_000).toISOString(),
  };
};
