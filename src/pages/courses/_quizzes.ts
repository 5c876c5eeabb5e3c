import { getEntry } from 'astro:content';
import { publishedQuiz } from '@/lib/authoring/published.ts';
import { database } from '@/lib/db.ts';
import type { Course } from '@/lib/catalog/catalog.ts';
import { completableCourseOf } from '@/lib/completion/from-catalog.ts';
import type { CompletableCourse } from '@/lib/completion/course-completion.ts';
import type { CourseQuiz } from '@/lib/quiz/attempts.ts';

/** The course's question bank, or null when the course has no quiz. Server-side only: never pass a bank to a page or island. */
export async function loadQuiz(courseId: string): Promise<CourseQuiz | null> {
  const entry = await getEntry('quizzes', courseId);
  if (entry) return { courseId, bank: entry.data };
  const bank = await publishedQuiz(await database(), courseId);
  return bank ? { courseId, bank } : null;
}

/** The course as the completion rule needs it (whether it has a quiz decides what completion requires). */
export async function completableCourse(course: Course): Promise<CompletableCourse> {
  return completableCourseOf(course, (await loadQuiz(course.slug)) !== null);
}
