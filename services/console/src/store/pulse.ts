import type { Executor } from '@railbill/platform';
import { sql } from 'drizzle-orm';

export type Pulse = Readonly<{
  /** The first minute shown (ISO, UTC); one count per minute from there, the last being the current minute. */
  from: string;
  minutes: number;
  topics: Readonly<Record<string, number[]>>;
}>;

/** Events received per minute per topic over the last `minutes` minutes (the console's own receipt times). */
export const pulse = async (
  db: Executor,
  topics: readonly string[],
  minutes: number,
  now = new Date(),
): Promise<Pulse> => {
  const current = Math.floor(now.getTime() / 60_000) * 60_000;
  const from = new Date(current - (minutes - 1) * 60_000);
  const rows = await db.execute<{ topic: string; minute: string; n: string }>(sql`
    select topic, to_char(date_trunc('minute', received_at at time zone 'UTC'), 'YYYY-MM-DD"T"HH24:MI') as minute,
           count(*) as n
    from events where received_at >= ${from.toISOString()}::timestamptz
    group by 1, 2`);
  const counts = Object.fromEntries(topics.map((t) => [t, new Array<number>(minutes).fill(0)]));
  for (const r of rows.rows) {
    const i = Math.round((Date.parse(`${r.minute}:00Z`) - from.getTime()) / 60_000);
    const series = counts[r.topic];
    if (series !== undefined && i >= 0 && i < minutes) series[i] = Number(r.n);
  }
  return { from: from.toISOString(), minutes, topics: counts };
};
