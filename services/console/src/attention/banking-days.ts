/**
 * Banking days as the console counts them for its attention panel: Monday to Friday. The console knows no bank's
 * holiday calendar (the credit service does, docs/contract.md §4); near a holiday the panel warns a day early,
 * never late.
 */
const isWeekday = (d: Date): boolean => d.getUTCDay() !== 0 && d.getUTCDay() !== 6;

/** The local date (YYYY-MM-DD) `n` banking days after `date`. */
export const addBankingDays = (date: string, n: number): string => {
  const d = new Date(`${date}T00:00:00Z`);
  for (let left = n; left > 0; ) {
    d.setUTCDate(d.getUTCDate() + 1);
    if (isWeekday(d)) left--;
  }
  return d.toISOString().slice(0, 10);
};

/** Is `deadline` at most `n` banking days after `today` (or already past)? */
export const dueWithin = (deadline: string, today: string, n: number): boolean => deadline <= addBankingDays(today, n);
