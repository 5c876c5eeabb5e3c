import type { CourseSource, LessonSource } from '../catalog/catalog.ts';
import type { PublishedCourse } from './published.ts';

/**
 * Published browser-authored courses as catalog entries, with paths shaped like content/ so the
 * one catalog builder derives the same slugs and lesson ids (`<course>/<lesson>`). The digest is
 * `slug@version`: an approval or a rollback changes it and the catalog is rebuilt.
 */
export function authoredCatalogSources(courses: PublishedCourse[]): {
  courses: Array<CourseSource & { digest: string }>;
  lessons: Array<LessonSource & { digest: string }>;
} {
  return {
    courses: courses.map((c) => ({ filePath: `authored/${c.slug}/course.yaml`, digest: `${c.slug}@${c.version}`, data: c.content.course })),
    lessons: courses.flatMap((c) =>
      c.content.lessons.map(({ slug, body, ...data }) => ({
        filePath: `authored/${c.slug}/${String(data.order).padStart(2, '0')}-${slug}.mdx`,
        digest: `${c.slug}@${c.version}`,
        data,
        body,
        authored: true,
      })),
    ),
  };
}
