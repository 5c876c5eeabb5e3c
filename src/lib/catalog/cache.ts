import { buildCatalog, type Catalog, type CourseSource, type LessonSource } from './catalog.ts';

/** A content entry as the content layer reports it, with the digest that changes with the file. */
interface Versioned {
  filePath: string;
  digest?: string | number;
}

let cached: { key: string; catalog: Catalog } | null = null;

function keyOf(entries: Versioned[]): string {
  return entries.map((e) => `${e.filePath}#${e.digest ?? ''}`).sort().join('\n');
}

/**
 * The catalog for these entries, built once per process and rebuilt only when an entry changes
 * (its digest), so `astro dev` picks up edits while the built server builds it (and its search
 * index) exactly once.
 */
export function catalogFor(courses: Array<CourseSource & Versioned>, lessons: Array<LessonSource & Versioned>): Catalog {
  const key = keyOf([...courses, ...lessons]);
  if (cached?.key !== key) cached = { key, catalog: buildCatalog(courses, lessons) };
  return cached.catalog;
}
