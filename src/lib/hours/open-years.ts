import { ValidationError } from '../errors.ts';
import { beijingYear } from './beijing-year.ts';

/**
 * Years whose ledger may still be corrected (adjustments, reversals): this year and, for the
 * annual report made early in the next year, the previous one. Older years are closed: the
 * department has reported them upward, so their totals must not change (decision record 007).
 */
export function correctableYears(now: Date): number[] {
  const year = beijingYear(now);
  return [year, year - 1];
}

/** The year if its ledger may still be corrected, else a ValidationError on `field`. */
export function requireCorrectableYear(year: number, now: Date, field = 'year'): number {
  const open = correctableYears(now);
  if (!open.includes(year)) throw new ValidationError(`只能更正 ${open[1]} 年或 ${open[0]} 年的学时；${year} 年已经结账。`, { field });
  return year;
}

/** Years whose targets may be set: next year (planning), this year and the previous one. */
export function targetYears(now: Date): number[] {
  const year = beijingYear(now);
  return [year + 1, year, year - 1];
}

/** The year if its targets may still be changed, else a ValidationError on `field`. */
export function requireTargetYear(year: number, now: Date, field = 'year'): number {
  const open = targetYears(now);
  if (!open.includes(year)) throw new ValidationError(`只能设定 ${open[2]}–${open[0]} 年的学时目标；${year} 年不在其中。`, { field });
  return year;
}
