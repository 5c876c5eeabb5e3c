import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import { ValidationError } from '../errors.ts';
import { beijingIsoDate, beijingYear } from '../hours/beijing-year.ts';
import { yearTotals } from '../hours/ledger.ts';
import { issueOnce, yearlySubject } from './issue.ts';
import { YEARLY_STATEMENT_TITLE } from './wording.ts';

/**
 * Issues the person's statement of a year's hours as they stand now. Asking again with the same
 * total returns the same document; once more hours are credited, a new statement with a new code.
 */
export async function issueYearlyStatement(db: Kysely<Database>, userId: string, year: number, now = new Date()) {
  const current = beijingYear(now);
  if (!Number.isInteger(year) || year < 2000 || year > current) throw new ValidationError(`只能开具 2000 年至 ${current} 年的学时证明。`, { field: 'year' });
  const totals = await yearTotals(db, userId, year);
  return issueOnce(
    db,
    { kind: 'yearly', userId, subject: yearlySubject(year, totals.totalTenths), title: `${year}${YEARLY_STATEMENT_TITLE}`, hoursTenths: totals.totalTenths, completedOn: beijingIsoDate(now) },
    now,
  );
}
