import type { Catalog } from '../catalog/catalog.ts';
import type { CourseFormat } from '../catalog/schema.ts';

/**
 * What the class rules need to know of the content: courses (for assignments and a reading class's
 * reading course) and lessons (a recorded lecture). The catalog lives in the content layer, so pages
 * and endpoints pass this lookup in.
 */
export interface ContentLookup {
  course(id: string): { title: string; format: CourseFormat } | undefined;
  lesson(id: string): { title: string; courseTitle: string; hasVideo: boolean } | undefined;
  /** Courses that may be assigned or chosen, in catalog order. */
  courses(): Array<{ id: string; title: string; format: CourseFormat }>;
  /** Lessons with a video, for attaching a recorded lecture. */
  videoLessons(): Array<{ id: string; title: string; courseTitle: string }>;
}

/** The lookup over the built catalog (`loadCatalog()` in pages and endpoints). */
export function contentLookup(catalog: Pick<Catalog, 'courses' | 'bySlug'>): ContentLookup {
  const lessons = new Map(catalog.courses.flatMap((c) => c.lessons.map((l) => [l.id, { title: l.title, courseTitle: c.title, hasVideo: l.media?.kind === 'video' }] as const)));
  return {
    course: (id) => {
      const course = catalog.bySlug.get(id);
      return course && { title: course.title, format: course.format };
    },
    lesson: (id) => lessons.get(id),
    courses: () => catalog.courses.map((c) => ({ id: c.slug, title: c.title, format: c.format })),
    videoLessons: () => [...lessons].filter(([, l]) => l.hasVideo).map(([id, l]) => ({ id, title: l.title, courseTitle: l.courseTitle })),
  };
}
