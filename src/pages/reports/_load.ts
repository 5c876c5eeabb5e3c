import type { z } from 'zod';
import type { ReportQuery } from '@/lib/api/schemas/reports.ts';
import type { CurrentUser } from '@/lib/auth/session.ts';
import { beijingYear } from '@/lib/hours/beijing-year.ts';
import { scopeOf } from '@/lib/org/scope.ts';
import { completionReport } from '@/lib/reports/completion.ts';
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';

/** Runs the completion report for a signed-in manager with a parsed query; the scope comes from the user, never the query. */
export async function loadReport(db: Kysely<Database>, user: CurrentUser, query: z.output<typeof ReportQuery>) {
  const report = await completionReport(db, scopeOf(user), {
    year: query.year ?? beijingYear(new Date()),
    unitId: query.orgUnit,
    position: query.position,
    courseId: query.course,
  });
  const rootName = report.units[0]?.name ?? user.scopeUnitName;
  return { report, rootName };
}
