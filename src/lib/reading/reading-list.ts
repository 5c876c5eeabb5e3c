import type { CourseData } from '../catalog/schema.ts';

/** One reading of a reading class's list, with the key its notes are stored under. */
export interface Reading {
  /**
   * `week-<week>-<n>`: the week from course.yaml and the reading's 1-based place among that week's
   * readings, in file order (`week-3-1`, `week-3-2` …). Stable when readings of other weeks are
   * added or removed; reordering readings *within* a week changes keys, so trainers append instead.
   */
  key: string;
  week: number;
  title: string;
  guidance: string;
}

/** The reading list of a 读书班 course (empty for any other course). */
export function readingListOf(course: Pick<CourseData, 'readings'>): Reading[] {
  const seen = new Map<number, number>();
  return (course.readings ?? []).map((r) => {
    const n = (seen.get(r.week) ?? 0) + 1;
    seen.set(r.week, n);
    return { key: readingKey(r.week, n), week: r.week, title: r.title, guidance: r.guidance };
  });
}

/** The key of the n-th reading (1-based) of a week. */
export function readingKey(week: number, n: number): string {
  return `week-${week}-${n}`;
}

/** Reading keys as they may appear in a URL: anything else is refused before a lookup. */
export const READING_KEY_PATTERN = /^week-\d{1,2}-\d{1,2}$/;

/** The reading list of a class's 读书班 course, by course id; undefined when the course is not in the catalog. */
export type ReadingLookup = (courseId: string) => Reading[] | undefined;
