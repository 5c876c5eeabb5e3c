import type { Course } from '../catalog/catalog.ts';
import { toTenths } from '../hours/units.ts';
import type { CompletableCourse } from './course-completion.ts';

/** The completion rule's view of a catalog course. */
export function completableCourseOf(course: Course, hasQuiz: boolean): CompletableCourse {
  return { id: course.slug, title: course.title, hoursTenths: toTenths(course.hours), hasQuiz };
}
