import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import { MEDIA_COVERAGE_REQUIRED, type StudyLesson } from './lesson-ref.ts';
import { coveredSeconds, type Range } from './watched-ranges.ts';

export interface LessonProgress {
  lessonId: string;
  studiedSeconds: number;
  requiredSeconds: number;
  watchedSeconds: number | null;
  mediaSeconds: number | null;
  completed: boolean;
}

/** A lesson is complete when its study minutes are met and, with media, 90 % of it was watched. */
export function isLessonComplete(lesson: StudyLesson, studiedSeconds: number, watched: Range[]): boolean {
  if (studiedSeconds < lesson.requiredSeconds) return false;
  if (lesson.mediaSeconds === null) return true;
  return coveredSeconds(watched) >= Math.floor(lesson.mediaSeconds * MEDIA_COVERAGE_REQUIRED);
}

/** The person's progress in each lesson of a course (lessons never studied show zero). */
export async function courseProgress(db: Kysely<Database>, userId: string, lessons: StudyLesson[]): Promise<LessonProgress[]> {
  const rows = lessons.length
    ? await db
        .selectFrom('lesson_progress')
        .select(['lesson_id', 'studied_seconds', 'watched_ranges', 'completed_at'])
        .where('user_id', '=', userId)
        .where('course_id', '=', lessons[0]!.courseId)
        .execute()
    : [];
  const byLesson = new Map(rows.map((r) => [r.lesson_id, r]));
  return lessons.map((lesson) => {
    const row = byLesson.get(lesson.id);
    const watched = row ? (JSON.parse(row.watched_ranges) as Range[]) : [];
    return {
      lessonId: lesson.id,
      studiedSeconds: row?.studied_seconds ?? 0,
      requiredSeconds: lesson.requiredSeconds,
      watchedSeconds: lesson.mediaSeconds === null ? null : coveredSeconds(watched),
      mediaSeconds: lesson.mediaSeconds,
      completed: Boolean(row?.completed_at),
    };
  });
}

/** Share of a course's required study time already done, 0–1 (each lesson counts up to its requirement). */
export function courseShareDone(progress: LessonProgress[]): number {
  const required = progress.reduce((sum, p) => sum + p.requiredSeconds, 0);
  if (required === 0) return 0;
  const done = progress.reduce((sum, p) => sum + Math.min(p.studiedSeconds, p.requiredSeconds), 0);
  return done / required;
}
