import type { Kysely, Transaction } from 'kysely';
import { isPostgres } from '../../../db/connection.ts';
import type { Database } from '../../../db/schema.ts';
import { DomainError } from '../errors.ts';
import { decideHeartbeat, REFUSAL_MESSAGES, type RefusalReason } from './crediting.ts';
import type { StudyCourse, StudyLesson } from './lesson-ref.ts';
import { isLessonComplete } from './progress.ts';
import { acceptReportedRanges, coveredSeconds, mergeRanges, type Range } from './watched-ranges.ts';

export interface HeartbeatInput {
  /** Random id made by the browser for this beat; a second beat with the same id is a replay. */
  beatId: string;
  recordedAt: number;
  sentAt: number;
  /** Media ranges watched since the previous beat (media lessons only). */
  watched?: Range[];
}

export interface HeartbeatResult {
  creditedSeconds: number;
  studiedSeconds: number;
  requiredSeconds: number;
  watchedSeconds: number | null;
  lessonCompleted: boolean;
  courseLessonsCompleted: boolean;
  /** True on the one beat that completed the course's last lesson: the caller then tries to complete the course. */
  courseLessonsJustCompleted: boolean;
}

export class HeartbeatRefusedError extends DomainError {
  readonly reason: RefusalReason | 'replayed';
  constructor(reason: RefusalReason | 'replayed') {
    super('heartbeat_refused', REFUSAL_MESSAGES[reason], { reason });
    this.reason = reason;
  }
}

export class NotEnrolledError extends DomainError {
  constructor() {
    super('not_enrolled', '请先报名参加本课程，学习时间才能计入。');
  }
}

type Outcome = HeartbeatResult | { refused: RefusalReason | 'replayed' };

/**
 * Records one heartbeat of a lesson page: checks enrolment and replay, applies the crediting rule,
 * adds the credited seconds and watched ranges, and marks the lesson (and the course's lessons) complete.
 * One transaction per beat, holding the person's study-clock row, so concurrent tabs cannot double count.
 */
export async function recordHeartbeat(
  db: Kysely<Database>,
  userId: string,
  course: StudyCourse,
  lesson: StudyLesson,
  beat: HeartbeatInput,
  now = Date.now(),
): Promise<HeartbeatResult> {
  const outcome: Outcome = await db.transaction().execute(async (trx) => {
    const enrollment = await trx.selectFrom('enrollments').select('lessons_completed_at').where('user_id', '=', userId).where('course_id', '=', course.id).executeTakeFirst();
    if (!enrollment) throw new NotEnrolledError();
    const clock = await lockClock(trx, userId);
    const seen = await trx.selectFrom('study_beats').select('outcome').where('user_id', '=', userId).where('beat_id', '=', beat.beatId).executeTakeFirst();
    if (seen) return { refused: 'replayed' as const };

    const decision = decideHeartbeat(clock ? { lessonId: clock.lesson_id, lastBeatAt: Date.parse(clock.last_beat_at) } : null, { lessonId: lesson.id, ...beat }, now);
    const receivedAt = new Date(now).toISOString();
    await trx
      .insertInto('study_beats')
      .values({ user_id: userId, beat_id: beat.beatId, lesson_id: lesson.id, received_at: receivedAt, credited_seconds: decision.accepted ? decision.creditedSeconds : 0, outcome: decision.accepted ? 'accepted' : decision.reason })
      .execute();
    if (!decision.accepted) return { refused: decision.reason };

    const clockRow = { lesson_id: lesson.id, last_beat_at: new Date(decision.at).toISOString() };
    await trx
      .insertInto('study_clock')
      .values({ user_id: userId, ...clockRow })
      .onConflict((oc) => oc.column('user_id').doUpdateSet(clockRow))
      .execute();
    return creditLesson(trx, userId, course, lesson, decision.creditedSeconds, beat.watched ?? [], receivedAt, enrollment.lessons_completed_at !== null);
  });
  if ('refused' in outcome) throw new HeartbeatRefusedError(outcome.refused);
  return outcome;
}

/** Reads the person's clock row, locking it on PostgreSQL (SQLite runs one write transaction at a time). */
async function lockClock(trx: Transaction<Database>, userId: string) {
  let query = trx.selectFrom('study_clock').select(['lesson_id', 'last_beat_at']).where('user_id', '=', userId);
  if (isPostgres(trx)) {
    // Make sure a row exists to lock, so two first beats cannot both see "no clock".
    await trx.insertInto('study_clock').values({ user_id: userId, lesson_id: '', last_beat_at: '1970-01-01T00:00:00.000Z' }).onConflict((oc) => oc.column('user_id').doNothing()).execute();
    query = query.forUpdate();
  }
  const row = await query.executeTakeFirst();
  return row && row.lesson_id !== '' ? row : undefined;
}

async function creditLesson(
  trx: Transaction<Database>,
  userId: string,
  course: StudyCourse,
  lesson: StudyLesson,
  creditedSeconds: number,
  reported: Range[],
  stamp: string,
  courseAlreadyCompleted: boolean,
): Promise<HeartbeatResult> {
  const row = await trx.selectFrom('lesson_progress').select(['studied_seconds', 'watched_ranges', 'completed_at']).where('user_id', '=', userId).where('lesson_id', '=', lesson.id).executeTakeFirst();
  const studiedSeconds = (row?.studied_seconds ?? 0) + creditedSeconds;
  let watched = row ? (JSON.parse(row.watched_ranges) as Range[]) : [];
  if (lesson.mediaSeconds !== null) watched = mergeRanges([...watched, ...acceptReportedRanges(reported, creditedSeconds, lesson.mediaSeconds)]);
  const completedAt = row?.completed_at ?? (isLessonComplete(lesson, studiedSeconds, watched) ? stamp : null);
  const values = { studied_seconds: studiedSeconds, watched_ranges: JSON.stringify(watched), completed_at: completedAt, updated_at: stamp };
  if (row) await trx.updateTable('lesson_progress').set(values).where('user_id', '=', userId).where('lesson_id', '=', lesson.id).execute();
  else await trx.insertInto('lesson_progress').values({ user_id: userId, lesson_id: lesson.id, course_id: course.id, ...values }).execute();

  // The course can only become complete on the beat that completes one of its lessons: look then, not on every beat.
  const justCompletedLesson = completedAt !== null && !row?.completed_at;
  const courseLessonsCompleted = courseAlreadyCompleted || (justCompletedLesson && (await allLessonsCompleted(trx, userId, course)));
  await trx
    .updateTable('enrollments')
    .set({
      last_lesson_id: lesson.id,
      last_studied_at: stamp,
      ...(courseLessonsCompleted && !courseAlreadyCompleted ? { lessons_completed_at: stamp } : {}),
    })
    .where('user_id', '=', userId)
    .where('course_id', '=', course.id)
    .execute();
  return {
    creditedSeconds,
    studiedSeconds,
    requiredSeconds: lesson.requiredSeconds,
    watchedSeconds: lesson.mediaSeconds === null ? null : coveredSeconds(watched),
    lessonCompleted: completedAt !== null,
    courseLessonsCompleted,
    courseLessonsJustCompleted: courseLessonsCompleted && !courseAlreadyCompleted,
  };
}

async function allLessonsCompleted(trx: Transaction<Database>, userId: string, course: StudyCourse): Promise<boolean> {
  const rows = await trx
    .selectFrom('lesson_progress')
    .select('lesson_id')
    .where('user_id', '=', userId)
    .where('course_id', '=', course.id)
    .where('completed_at', 'is not', null)
    .execute();
  const done = new Set(rows.map((r) => r.lesson_id));
  return course.lessons.every((l) => done.has(l.id));
}
