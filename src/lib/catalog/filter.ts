import { z } from 'zod';
import type { Catalog, Course } from './catalog.ts';
import { COURSE_CATEGORIES, type CourseCategory } from './schema.ts';
import { searchIndexFor, type CourseMatch } from './search.ts';

/** Longest query accepted; longer input is cut, not refused (a pasted sentence still searches). */
export const MAX_QUERY_CHARS = 50;

export interface CatalogQuery {
  /** Search words; '' lists every course. */
  q: string;
  category: CourseCategory | null;
  tag: string | null;
}

const blankToNull = (v: string) => (v === '' ? null : v);
const queryParams = z.object({
  q: z.string().trim().transform((q) => q.slice(0, MAX_QUERY_CHARS)).catch(''),
  category: z.enum(COURSE_CATEGORIES).nullable().catch(null),
  tag: z.string().trim().max(20).transform(blankToNull).nullable().catch(null),
});

/** Reads `?q=&category=&tag=` from a catalog URL; unknown or malformed values are ignored. */
export function catalogQueryFromUrl(url: URL): CatalogQuery {
  const get = (name: string) => url.searchParams.get(name) ?? '';
  return queryParams.parse({ q: get('q'), category: blankToNull(get('category')), tag: get('tag') });
}

/** True when the query narrows the list (the page then offers to clear it). */
export function isFiltered(query: CatalogQuery): boolean {
  return query.q !== '' || query.category !== null || query.tag !== null;
}

function keeps(course: Course, query: CatalogQuery): boolean {
  return (!query.category || course.category === query.category) && (!query.tag || course.tags.includes(query.tag));
}

/**
 * Courses for a catalog query: with search words, those matching them best first (see search.ts);
 * without, every course in catalog order. Category and tag narrow either list.
 */
export function findCourses(catalog: Catalog, query: CatalogQuery): CourseMatch[] {
  const found = query.q ? searchIndexFor(catalog).search(query.q) : catalog.courses.map((course) => ({ course, lessons: [] }));
  return found.filter((m) => keeps(m.course, query));
}
