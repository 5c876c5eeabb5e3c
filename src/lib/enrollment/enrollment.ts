import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import { DomainError } from '../errors.ts';
import type { StudyCourse } from '../study/lesson-ref.ts';
import { newId } from '../util/ids.ts';
import type { EnrollmentsTable } from './enrollment.table.ts';

export class CourseClosedError extends DomainError {
  constructor() {
    super('course_closed', '本课程不开放自主报名，请等待组织部门或教师统一安排。');
  }
}

export interface Enrollment {
  id: string;
  courseId: string;
  origin: 'self' | 'assigned';
  required: boolean;
  dueOn: string | null;
  enrolledAt: string;
  lessonsCompletedAt: string | null;
  quizPassedAt: string | null;
  completedAt: string | null;
  lastLessonId: string | null;
  lastStudiedAt: string | null;
}

export function toEnrollment(row: EnrollmentsTable): Enrollment {
  return {
    id: row.id,
    courseId: row.course_id,
    origin: row.origin,
    required: Boolean(row.required),
    dueOn: row.due_on,
    enrolledAt: row.enrolled_at,
    lessonsCompletedAt: row.lessons_completed_at,
    quizPassedAt: row.quiz_passed_at,
    completedAt: row.completed_at,
    lastLessonId: row.last_lesson_id,
    lastStudiedAt: row.last_studied_at,
  };
}

/**
 * Self-enrolment in an open course. Idempotent: enrolling again returns the existing enrolment
 * (also one made by assignment) and `created: false`; a race between two requests is settled by the
 * unique (user, course) constraint.
 */
export async function enrollSelf(db: Kysely<Database>, userId: string, course: Pick<StudyCourse, 'id' | 'open'>, now = new Date()) {
  const existing = await findEnrollment(db, userId, course.id);
  if (existing) return { enrollment: existing, created: false };
  if (!course.open) throw new CourseClosedError();
  const result = await db
    .insertInto('enrollments')
    .values({
      id: newId(),
      user_id: userId,
      course_id: course.id,
      origin: 'self',
      required: 0,
      assigned_by: null,
      due_on: null,
      enrolled_at: now.toISOString(),
      lessons_completed_at: null,
      last_lesson_id: null,
      last_studied_at: null,
    })
    .onConflict((oc) => oc.columns(['user_id', 'course_id']).doNothing())
    .executeTakeFirst();
  const enrollment = (await findEnrollment(db, userId, course.id))!;
  return { enrollment, created: Number(result.numInsertedOrUpdatedRows ?? 0) > 0 };
}

export async function findEnrollment(db: Kysely<Database>, userId: string, courseId: string): Promise<Enrollment | null> {
  const row = await db.selectFrom('enrollments').selectAll().where('user_id', '=', userId).where('course_id', '=', courseId).executeTakeFirst();
  return row ? toEnrollment(row) : null;
}

/** The person's enrolments: required first, then the most recently studied. */
export async function listEnrollments(db: Kysely<Database>, userId: string): Promise<Enrollment[]> {
  const rows = await db.selectFrom('enrollments').selectAll().where('user_id', '=', userId).execute();
  return rows
    .map(toEnrollment)
    .sort((a, b) => Number(b.required) - Number(a.required) || (b.lastStudiedAt ?? b.enrolledAt).localeCompare(a.lastStudiedAt ?? a.enrolledAt));
}

/** Seconds studied per course for the person (for progress bars in lists). */
export async function studiedSecondsByCourse(db: Kysely<Database>, userId: string): Promise<Map<string, Map<string, number>>> {
  const rows = await db.selectFrom('lesson_progress').select(['course_id', 'lesson_id', 'studied_seconds']).where('user_id', '=', userId).execute();
  const byCourse = new Map<string, Map<string, number>>();
  for (const row of rows) {
    const lessons = byCourse.get(row.course_id) ?? new Map<string, number>();
    lessons.set(row.lesson_id, row.studied_seconds);
    byCourse.set(row.course_id, lessons);
  }
  return byCourse;
}
