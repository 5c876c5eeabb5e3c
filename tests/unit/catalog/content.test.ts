import { describe, expect, test } from 'vitest';
import { buildCatalog } from '../../../src/lib/catalog/catalog.ts';
import { lintLessonBody } from '../../../src/lib/catalog/lint.ts';
import { buildSearchIndex } from '../../../src/lib/catalog/search.ts';
import { CONTENT_ROOTS, readContent } from './content-files.ts';

/** The real courses in content/ (and the test fixtures) against the catalog's rules and search. */
describe.each(CONTENT_ROOTS)('content in %s', (root) => {
  const { courses, lessons } = readContent(root);

  test('builds into a catalog with every lesson in a course', () => {
    const catalog = buildCatalog(courses, lessons);
    expect(catalog.courses.flatMap((c) => c.lessons)).toHaveLength(lessons.length);
  });

  test.each(lessons.map((l) => [l.filePath, l] as const))('%s follows the MDX rules for trainers', (_path, lesson) => {
    expect(lintLessonBody(lesson.body, lesson.bodyLine)).toEqual([]);
  });
});

describe('search over the real courses', () => {
  const { courses, lessons } = readContent('content/courses');
  const index = buildSearchIndex(buildCatalog(courses, lessons));
  const first = (query: string) => index.search(query)[0]?.course.slug;

  test.each([
    ['瓦窑堡', 'red-army-eastern-expedition'],
    ['东征', 'red-army-eastern-expedition'],
    ['铁罗关', 'red-army-eastern-expedition'],
    ['三中全会', 'third-plenum-study'],
    ['组织生活会', 'party-branch-practice'],
    ['主题党日', 'party-branch-practice'],
    ['发展党员', 'party-branch-practice'],
    ['读书心得', 'reading-class-2026'],
  ])('finds %s in the course %s first', (query, slug) => {
    expect(first(query)).toBe(slug);
  });
});
