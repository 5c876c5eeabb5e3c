import type { Catalog } from '../catalog/catalog.ts';
import { readingListOf } from '../reading/reading-list.ts';
import type { ClassCatalog } from './completion.ts';

/** The classes' view of the content catalog: reading lists, course titles, which courses have a quiz. */
export function classCatalogOf(catalog: Pick<Catalog, 'bySlug'>, quizCourseIds: ReadonlySet<string>): ClassCatalog {
  return {
    readings: (courseId) => {
      const course = catalog.bySlug.get(courseId);
      return course ? readingListOf(course) : undefined;
    },
    course: (courseId) => {
      const course = catalog.bySlug.get(courseId);
      return course && { title: course.title, hasQuiz: quizCourseIds.has(courseId) };
    },
  };
}
