import { getEntry } from 'astro:content';
import type { Course } from '@/lib/catalog/catalog.ts';
import { completableCourseOf } from '@/lib/completion/from-catalog.ts';
import type { CompletableCourse } from '@/lib/completion/course-completion.ts';
import type { CourseQuiz } from '@/lib/quiz/attempts.ts';

/** The course's question bank, or null when the course has no quiz. Server-side only: never pass a bank to a page or island. */
export async function loadQuiz(courseId: string): Promise<CourseQuiz | null> {
  const entry = await getEntry('quizzes', courseId);
  return entry ? { courseId, bank: entry.data } : null;
}

/** The course as the completion rule needs it (whether it has a quiz decides what completion requires). */
export async function completableCourse(course: Course): Promise<CompletableCourse> {
  return completableCourseOf(course, (await loadQuiz(course.slug)) !== null);
}
