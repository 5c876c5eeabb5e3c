import type { Course } from '../catalog/catalog.ts';
import type { StudyCourse } from './lesson-ref.ts';

/** The study rules' view of a catalog course: ids, open flag, each lesson's requirement in seconds. */
export function studyCourseOf(course: Course): StudyCourse {
  return {
    id: course.slug,
    open: course.open,
    lessons: course.lessons.map((lesson) => ({
      id: lesson.id,
      courseId: course.slug,
      requiredSeconds: lesson.minutes * 60,
      mediaSeconds: lesson.media?.durationSeconds ?? null,
    })),
  };
}
