import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { creditOnce } from '../../src/lib/hours/ledger.ts';
import { newId } from '../../src/lib/util/ids.ts';

/**
 * Learning records written straight into the tables, for tests that read them (archive, reports):
 * the study, quiz and certificate flows have tests of their own.
 */
const stamp = (at: Date) => at.toISOString();

export async function enrol(db: Kysely<Database>, userId: string, courseId: string, extra: { required?: boolean; completedAt?: Date; quizPassedAt?: Date } = {}, at = new Date()) {
  await db
    .insertInto('enrollments')
    .values({
      id: newId(),
      user_id: userId,
      course_id: courseId,
      origin: extra.required ? 'assigned' : 'self',
      required: extra.required ? 1 : 0,
      assigned_by: null,
      due_on: null,
      enrolled_at: stamp(at),
      lessons_completed_at: extra.completedAt ? stamp(extra.completedAt) : null,
      quiz_passed_at: extra.quizPassedAt ? stamp(extra.quizPassedAt) : null,
      completed_at: extra.completedAt ? stamp(extra.completedAt) : null,
      last_lesson_id: null,
      last_studied_at: null,
    })
    .execute();
}

export async function completeLesson(db: Kysely<Database>, userId: string, lessonId: string, at = new Date()) {
  await db
    .insertInto('lesson_progress')
    .values({ user_id: userId, lesson_id: lessonId, course_id: lessonId.split('/')[0]!, studied_seconds: 60, watched_ranges: '[]', completed_at: stamp(at), updated_at: stamp(at) })
    .execute();
}

/** A submitted attempt whose stored paper and answers hold `secret`, so a test can prove they never leave the server. */
export async function submittedAttempt(db: Kysely<Database>, userId: string, courseId: string, scorePercent: number, secret: string, at = new Date()) {
  await db
    .insertInto('quiz_attempts')
    .values({
      id: newId(),
      user_id: userId,
      course_id: courseId,
      paper: JSON.stringify({ key: secret }),
      status: 'submitted',
      started_at: stamp(at),
      deadline_at: null,
      submitted_at: stamp(at),
      answers: JSON.stringify([secret]),
      correct_count: Math.round(scorePercent / 10),
      question_count: 10,
      score_percent: scorePercent,
      pass_mark: 60,
      passed: scorePercent >= 60 ? 1 : 0,
    })
    .execute();
}

export async function certificate(db: Kysely<Database>, userId: string, values: { code: string; title: string; hoursTenths: number }, at = new Date()) {
  await db
    .insertInto('certificates')
    .values({ id: newId(), code: values.code, kind: 'course', user_id: userId, subject: `course:${values.code}`, title: values.title, hours_tenths: values.hoursTenths, completed_on: stamp(at).slice(0, 10), issued_at: stamp(at) })
    .execute();
}

/** A course credit in the ledger, dated `at` (its Beijing year decides the ledger year). */
export async function courseCredit(db: Kysely<Database>, userId: string, courseId: string, title: string, hoursTenths: number, at = new Date()) {
  await creditOnce(db, { userId, kind: 'course', source: `course:${courseId}`, sourceTitle: title, hoursTenths, countsAsRequired: true }, at);
}
