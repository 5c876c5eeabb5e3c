import { getCollection, getEntry, render } from 'astro:content';
import { authoredCatalogSources } from '@/lib/authoring/catalog-sources.ts';
import { compileLessonMdxCached } from '@/lib/authoring/mdx/compile.ts';
import { loadPublished, type PublishedCourse, publishedKeys } from '@/lib/authoring/published.ts';
import { catalogFor } from '@/lib/catalog/cache.ts';
import type { Catalog, Lesson } from '@/lib/catalog/catalog.ts';
import { database } from '@/lib/db.ts';

/**
 * The one place that reads the content layer for the catalog pages; everything else is plain
 * src/lib/catalog. (Lives beside the pages because src/lib stays free of `astro:` imports; the
 * API endpoints may import it too.) One catalog: content/ courses and the published versions of
 * courses written in the browser; a content/ course wins a clash of slugs.
 */
export async function loadCatalog(): Promise<Catalog> {
  const db = await database();
  const [courses, lessons, keys] = await Promise.all([getCollection('courses'), getCollection('lessons'), publishedKeys(db)]);
  const contentSlugs = new Set(courses.map((e) => e.id));
  const published = await Promise.all(keys.filter((k) => !contentSlugs.has(k.slug)).map((k) => loadPublished(db, k)));
  const authored = authoredCatalogSources(published.filter((p): p is PublishedCourse => p !== null));
  return catalogFor(
    [...courses.map((e) => ({ filePath: e.filePath ?? e.id, digest: e.digest, data: e.data })), ...authored.courses],
    [...lessons.map((e) => ({ filePath: e.filePath ?? e.id, digest: e.digest, data: e.data, body: e.body ?? '' })), ...authored.lessons],
  );
}

export type RenderedLesson = { kind: 'content'; Content: Awaited<ReturnType<typeof render>>['Content'] } | { kind: 'authored'; nodes: import('@/lib/authoring/mdx/compile.ts').RenderNode[] };

/** A lesson ready to render: compiled MDX from content/, or the cached safe compilation of a browser-authored body. */
export async function renderLesson(lesson: Lesson): Promise<RenderedLesson> {
  if (lesson.authoredBody !== undefined) {
    const compiled = compileLessonMdxCached(lesson.authoredBody);
    // Published bodies passed the compiler at approval; nothing of a refused one is ever rendered.
    return { kind: 'authored', nodes: compiled.ok ? compiled.nodes : [] };
  }
  const entry = await getEntry('lessons', lesson.id);
  if (!entry) throw new Error(`Lesson ${lesson.id} is in the catalog but not in the content layer.`);
  return { kind: 'content', Content: (await render(entry)).Content };
}
