import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import { beijingYearStart } from '../hours/beijing-year.ts';
import type { CadreYearRow } from './standing.ts';

export interface CadreQuery {
  year: number;
  /** Path of the subtree to report on. Null for every unit (admin, whole database). */
  unitPath: string | null;
  position?: string;
  /** Only cadres enrolled in this course, with whether they completed it. */
  courseId?: string;
}

/** The instants bounding a Beijing-time calendar year, as stored ISO strings. */
export function beijingYearBounds(year: number): [string, string] {
  return [beijingYearStart(year).toISOString(), beijingYearStart(year + 1).toISOString()];
}

/**
 * Every active cadre of the subtree with their year's hours and required-course figures, in one
 * statement: ledger sums and required enrolments are aggregated per person in subqueries, so the
 * database does the heavy work once and JavaScript only walks 10,000 small rows.
 */
export async function cadreYearRows(db: Kysely<Database>, q: CadreQuery): Promise<CadreYearRow[]> {
  const [from, to] = beijingYearBounds(q.year);
  let query = db
    .selectFrom('users')
    .innerJoin('org_units', 'org_units.id', 'users.org_unit_id')
    .leftJoin(
      (eb) =>
        eb
          .selectFrom('hours_ledger')
          .select([
            'user_id',
            sql<number>`sum(hours_tenths)`.as('total'),
            sql<number>`sum(case when counts_as_required = 1 then hours_tenths else 0 end)`.as('required'),
          ])
          .where('year', '=', q.year)
          .groupBy('user_id')
          .as('ledger'),
      (join) => join.onRef('ledger.user_id', '=', 'users.id'),
    )
    .leftJoin(
      (eb) =>
        eb
          .selectFrom('enrollments')
          .select(['user_id', sql<number>`count(*)`.as('assigned'), sql<number>`count(completed_at)`.as('completed')])
          .where('required', '=', 1)
          .where('enrolled_at', '>=', from)
          .where('enrolled_at', '<', to)
          .groupBy('user_id')
          .as('required_courses'),
      (join) => join.onRef('required_courses.user_id', '=', 'users.id'),
    )
    .select([
      'users.id',
      'users.name',
      'users.login',
      'users.position',
      'users.phone',
      'org_units.id as unit_id',
      'org_units.name as unit_name',
      'org_units.path as unit_path',
      'ledger.total',
      'ledger.required',
      'required_courses.assigned',
      'required_courses.completed',
    ])
    .where('users.role', '=', 'cadre')
    .where('users.active', '=', 1);
  if (q.unitPath) query = query.where('org_units.path', 'like', `${q.unitPath}%`);
  if (q.position) query = query.where('users.position', '=', q.position);
  const courseId = q.courseId;
  const rows = courseId
    ? await query
        .innerJoin('enrollments as course_enrollment', (join) => join.onRef('course_enrollment.user_id', '=', 'users.id').on('course_enrollment.course_id', '=', courseId))
        .select('course_enrollment.completed_at as course_completed_at')
        .execute()
    : await query.execute();
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    login: r.login,
    position: r.position,
    phone: r.phone,
    unitId: r.unit_id,
    unitName: r.unit_name,
    unitPath: r.unit_path,
    totalTenths: Number(r.total ?? 0),
    requiredTenths: Number(r.required ?? 0),
    requiredAssigned: Number(r.assigned ?? 0),
    requiredCompleted: Number(r.completed ?? 0),
    courseCompleted: courseId ? ('course_completed_at' in r && r.course_completed_at !== null) : null,
  }));
}
