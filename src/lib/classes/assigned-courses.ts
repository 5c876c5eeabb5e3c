import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import { recordAudit } from '../audit/audit.ts';
import { NotFoundError, ValidationError } from '../errors.ts';
import type { ScopeSubject } from '../org/scope.ts';
import { isCalendarDate } from '../util/beijing-time.ts';
import { newId } from '../util/ids.ts';
import { requireManagedClass } from './access.ts';
import type { ContentLookup } from './content-lookup.ts';

/** Statements carry at most this many ids in an `in (…)` list. */
const ID_CHUNK = 500;

function chunks<T>(items: T[], size = ID_CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

export interface ClassCourse {
  courseId: string;
  title: string;
  dueOn: string | null;
}

/** The required courses assigned to a class's roster, with their deadlines. */
export async function listClassCourses(db: Kysely<Database>, classId: string, content: ContentLookup): Promise<ClassCourse[]> {
  const rows = await db.selectFrom('class_courses').select(['course_id', 'due_on']).where('class_id', '=', classId).orderBy('assigned_at').execute();
  return rows.map((r) => ({ courseId: r.course_id, title: content.course(r.course_id)?.title ?? r.course_id, dueOn: r.due_on }));
}

/**
 * Makes every member of the class enrolled in the course as required (origin 'assigned'): missing
 * enrolments are created, existing ones (self-enrolled, or assigned before) become required. The
 * deadline is the earliest one among the person's classes that assign the course, so being in two
 * classes never extends a deadline. Idempotent; returns how many enrolments it created and changed.
 */
export async function syncCourseEnrollments(db: Kysely<Database>, classId: string, courseId: string, actorId: string, now = new Date()) {
  const members = (await db.selectFrom('class_members').select('user_id').where('class_id', '=', classId).execute()).map((r) => r.user_id);
  let created = 0;
  let updated = 0;
  for (const part of chunks(members)) {
    const deadlines = await db
      .selectFrom('class_members')
      .innerJoin('class_courses', 'class_courses.class_id', 'class_members.class_id')
      .select(['class_members.user_id', (eb) => eb.fn.min('class_courses.due_on').as('due_on')])
      .where('class_courses.course_id', '=', courseId)
      .where('class_members.user_id', 'in', part)
      .groupBy('class_members.user_id')
      .execute();
    const dueOf = new Map(deadlines.map((d) => [d.user_id, (d.due_on as string | null) ?? null]));
    const existing = await db.selectFrom('enrollments').select(['user_id', 'origin', 'required', 'due_on']).where('course_id', '=', courseId).where('user_id', 'in', part).execute();
    const enrolled = new Map(existing.map((e) => [e.user_id, e]));
    const missing = part.filter((id) => !enrolled.has(id));
    if (missing.length) {
      const result = await db
        .insertInto('enrollments')
        .values(missing.map((userId) => ({
          id: newId(), user_id: userId, course_id: courseId, origin: 'assigned' as const, required: 1, assigned_by: actorId, due_on: dueOf.get(userId) ?? null,
          enrolled_at: now.toISOString(), lessons_completed_at: null, last_lesson_id: null, last_studied_at: null,
        })))
        .onConflict((oc) => oc.columns(['user_id', 'course_id']).doNothing())
        .executeTakeFirst();
      created += Number(result.numInsertedOrUpdatedRows ?? 0);
    }
    for (const e of existing) {
      const due = dueOf.get(e.user_id) ?? null;
      if (e.origin === 'assigned' && Number(e.required) === 1 && e.due_on === due) continue;
      await db
        .updateTable('enrollments')
        .set({ origin: 'assigned', required: 1, due_on: due, assigned_by: actorId })
        .where('user_id', '=', e.user_id)
        .where('course_id', '=', courseId)
        .execute();
      updated++;
    }
  }
  return { created, updated };
}

/** Brings every assigned course of the class to its members (after members were added). */
export async function syncClassEnrollments(db: Kysely<Database>, classId: string, actorId: string, now = new Date()): Promise<void> {
  const courses = await db.selectFrom('class_courses').select('course_id').where('class_id', '=', classId).execute();
  for (const { course_id } of courses) await syncCourseEnrollments(db, classId, course_id, actorId, now);
}

/**
 * Assigns a required course to the class's roster with a deadline (or changes the deadline), and
 * enrols every member, now and later (members added afterwards get it too). Audited.
 */
export async function assignCourse(db: Kysely<Database>, actor: ScopeSubject, classId: string, input: { courseId: string; dueOn: string | null }, content: ContentLookup, now = new Date()) {
  const cls = await requireManagedClass(db, actor, classId);
  const course = content.course(input.courseId);
  if (!course) throw new NotFoundError('没有这门课程。');
  if (input.dueOn !== null && !isCalendarDate(input.dueOn)) throw new ValidationError('完成期限不是有效的日期。', { field: 'dueOn' });
  if (input.dueOn !== null && input.dueOn < cls.starts_on) throw new ValidationError('完成期限不能早于班次开始日期。', { field: 'dueOn' });
  return db.transaction().execute(async (trx) => {
    await trx
      .insertInto('class_courses')
      .values({ class_id: classId, course_id: input.courseId, due_on: input.dueOn, assigned_by: actor.id, assigned_at: now.toISOString() })
      .onConflict((oc) => oc.columns(['class_id', 'course_id']).doUpdateSet({ due_on: input.dueOn, assigned_by: actor.id }))
      .execute();
    const counts = await syncCourseEnrollments(trx, classId, input.courseId, actor.id, now);
    const detail = { courseId: input.courseId, title: course.title, dueOn: input.dueOn, ...counts };
    await recordAudit(trx, { actorId: actor.id, action: 'class.course.assign', targetType: 'class', targetId: classId, detail }, now);
    return counts;
  });
}
