import { getCollection, getEntry, render } from 'astro:content';
import { catalogFor } from '@/lib/catalog/cache.ts';
import type { Catalog, Lesson } from '@/lib/catalog/catalog.ts';

/**
 * The one place that reads the content layer for the catalog pages; everything else is plain
 * src/lib/catalog. (Lives beside the pages because src/lib stays free of `astro:` imports; the
 * API endpoints may import it too.)
 */
export async function loadCatalog(): Promise<Catalog> {
  const [courses, lessons] = await Promise.all([getCollection('courses'), getCollection('lessons')]);
  return catalogFor(
    courses.map((e) => ({ filePath: e.filePath ?? e.id, digest: e.digest, data: e.data })),
    lessons.map((e) => ({ filePath: e.filePath ?? e.id, digest: e.digest, data: e.data, body: e.body ?? '' })),
  );
}

/** The compiled MDX of a lesson, ready to render with the lesson components. */
export async function renderLesson(lesson: Lesson) {
  const entry = await getEntry('lessons', lesson.id);
  if (!entry) throw new Error(`Lesson ${lesson.id} is in the catalog but not in the content layer.`);
  return render(entry);
}
