/**
 * An instant `days` before now at `hour` UTC, for timelines that end just before now (docs/contract.md §8: a
 * milestone may not be in the future).
 */
export const daysAgo = (days: number, hour = 2): string => {
  const d = new Date(Date.now() - days * 86_400_000);
  d.setUTCHours(hour, 0, 0, 0);
  return d.toISOString();
};
