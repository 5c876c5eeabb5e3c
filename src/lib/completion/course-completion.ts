import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import { courseSubject, issueOnce } from '../certificates/issue.ts';
import { beijingIsoDate } from '../hours/beijing-year.ts';
import { creditOnce } from '../hours/ledger.ts';

/** What completion needs to know of a course, taken from the catalog by the caller. */
export interface CompletableCourse {
  id: string;
  title: string;
  hoursTenths: number;
  hasQuiz: boolean;
}

export interface CompletionOutcome {
  completed: boolean;
  /** True only for the one call that wrote the ledger credit. */
  credited: boolean;
}

/**
 * Completes the course when every lesson is done and its quiz (if any) is passed: one ledger credit
 * of the course's hours (`course:<id>`, exactly once whatever races, by the ledger's unique source),
 * the enrolment's completion time, and the course certificate. Called after the beat that finishes
 * the lessons and after a passed attempt; calling it again changes nothing.
 */
export async function completeCourseIfDone(db: Kysely<Database>, userId: string, course: CompletableCourse, now = new Date()): Promise<CompletionOutcome> {
  const enrollment = await db
    .selectFrom('enrollments')
    .select(['lessons_completed_at', 'quiz_passed_at', 'completed_at', 'required'])
    .where('user_id', '=', userId)
    .where('course_id', '=', course.id)
    .executeTakeFirst();
  if (!enrollment?.lessons_completed_at || (course.hasQuiz && !enrollment.quiz_passed_at)) return { completed: false, credited: false };

  const credited = await creditOnce(
    db,
    { userId, kind: 'course', source: courseSubject(course.id), sourceTitle: course.title, hoursTenths: course.hoursTenths, countsAsRequired: Boolean(enrollment.required) },
    now,
  );
  const stamp = now.toISOString();
  await db.updateTable('enrollments').set({ completed_at: stamp }).where('user_id', '=', userId).where('course_id', '=', course.id).where('completed_at', 'is', null).execute();
  const completedAt = enrollment.completed_at ?? stamp;
  await issueOnce(db, { kind: 'course', userId, subject: courseSubject(course.id), title: course.title, hoursTenths: course.hoursTenths, completedOn: beijingIsoDate(completedAt) }, now);
  return { completed: true, credited };
}
