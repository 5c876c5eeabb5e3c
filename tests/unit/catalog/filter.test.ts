import { describe, expect, test } from 'vitest';
import { buildCatalog } from '../../../src/lib/catalog/catalog.ts';
import { catalogQueryFromUrl, findCourses, isFiltered, MAX_QUERY_CHARS } from '../../../src/lib/catalog/filter.ts';
import { courseSource } from './factories.ts';

const catalog = buildCatalog(
  [
    courseSource('red', { order: 1, title: '红军东征与永和', category: '党性教育', tags: ['红色资源', '党史学习'] }),
    courseSource('plenum', { order: 2, title: '三中全会精神', category: '理论教育', tags: ['理论学习'] }),
    courseSource('party', { order: 3, title: '基层党务', category: '业务技能', tags: ['党史学习'] }),
  ],
  [],
);
const find = (params: string) => findCourses(catalog, catalogQueryFromUrl(new URL(`http://x/courses?${params}`))).map((m) => m.course.slug);

describe('findCourses', () => {
  test('lists every course in catalog order when nothing is chosen', () => {
    expect(find('')).toEqual(['red', 'plenum', 'party']);
  });

  test('keeps only the chosen category', () => {
    expect(find(`category=${encodeURIComponent('理论教育')}`)).toEqual(['plenum']);
  });

  test('keeps only courses with the chosen tag', () => {
    expect(find(`tag=${encodeURIComponent('党史学习')}`)).toEqual(['red', 'party']);
  });

  test('combines search, category and tag', () => {
    expect(find(`q=${encodeURIComponent('东征')}&tag=${encodeURIComponent('党史学习')}`)).toEqual(['red']);
    expect(find(`q=${encodeURIComponent('东征')}&category=${encodeURIComponent('业务技能')}`)).toEqual([]);
  });
});

describe('catalogQueryFromUrl', () => {
  test('ignores a category that does not exist instead of failing', () => {
    expect(catalogQueryFromUrl(new URL('http://x/courses?category=nonsense'))).toEqual({ q: '', category: null, tag: null });
  });

  test('trims the query and cuts it to the longest length accepted', () => {
    const long = '东'.repeat(MAX_QUERY_CHARS + 10);
    expect(catalogQueryFromUrl(new URL(`http://x/courses?q=${encodeURIComponent(`  ${long}  `)}`)).q).toHaveLength(MAX_QUERY_CHARS);
  });

  test('treats empty form fields as not chosen', () => {
    const query = catalogQueryFromUrl(new URL('http://x/courses?q=&category=&tag='));
    expect(isFiltered(query)).toBe(false);
  });
});
