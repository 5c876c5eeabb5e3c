import { beijingYear, shareOfYearElapsed } from '../hours/beijing-year.ts';

/**
 * How much of a year's target should be earned by `now` at an even pace: all of it for a past year,
 * none for a future one, the elapsed share of the current Beijing-time year otherwise.
 */
export function paceShare(year: number, now: Date): number {
  const current = beijingYear(now);
  if (year < current) return 1;
  if (year > current) return 0;
  return shareOfYearElapsed(now);
}
