/** Small numeric helpers shared by the scenarios: percentiles, rates and rounding for the report. */

export type Percentiles = Readonly<{ count: number; p50: number; p95: number; p99: number; max: number }>;

/** Nearest-rank percentiles of `samples` (milliseconds), rounded to 0.01. */
export const percentiles = (samples: readonly number[]): Percentiles => {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number): number => {
    if (sorted.length === 0) return Number.NaN;
    const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
    return round(sorted[i] ?? Number.NaN);
  };
  return { count: sorted.length, p50: at(0.5), p95: at(0.95), p99: at(0.99), max: at(1) };
};

export const round = (n: number, digits = 2): number => {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
};

/** Events per second over `ms` milliseconds. */
export const rate = (count: number, ms: number): number => (ms <= 0 ? 0 : round((count * 1000) / ms, 1));

export const ratio = (value: number, baseline: number): number => (baseline > 0 ? round(value / baseline, 3) : 0);

/** Wall-clock milliseconds with sub-millisecond precision (comparable with PostgreSQL `now()` on this machine). */
export const wallMs = (): number => performance.timeOrigin + performance.now();

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `probe` until it returns true or `timeoutMs` passes; returns whether it did. */
export const until = async (probe: () => Promise<boolean>, timeoutMs: number, everyMs = 100): Promise<boolean> => {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await probe()) return true;
    if (Date.now() > deadline) return false;
    await sleep(everyMs);
  }
};
