import { describe, expect, test } from 'vitest';
import { buildCatalog } from '../../../src/lib/catalog/catalog.ts';
import { buildSearchIndex, searchIndexFor } from '../../../src/lib/catalog/search.ts';
import { courseSource, lessonSource } from './factories.ts';

const catalog = buildCatalog(
  [
    courseSource('in-body', { order: 1, title: '党史专题', summary: '学习党的历史。' }),
    courseSource('in-summary', { order: 2, title: '读书班', summary: '第二周读全会决定，联系三中全会精神写心得。' }),
    courseSource('in-title', { order: 3, title: '学习贯彻三中全会精神', summary: '把握全会总体框架。' }),
    courseSource('in-lesson-title', { order: 4, title: '党务实务', summary: '支部工作规范。' }),
  ],
  [
    lessonSource('in-body', '01-a.mdx', { title: '回顾', summary: '历史回顾。' }, '全会以后，二十届三中全会作出部署。'),
    lessonSource('in-lesson-title', '01-b.mdx', { title: '三中全会与基层党建', summary: '基层党组织。' }, '正文。'),
    lessonSource('in-lesson-title', '02-c.mdx', { order: 2, title: '主题党日', summary: '每月一次。' }, '策划一次主题党日，做好记录。'),
  ],
);
const index = buildSearchIndex(catalog);
const slugs = (query: string) => index.search(query).map((m) => m.course.slug);

describe('search', () => {
  test('ranks a title hit above a lesson title, a summary and a body hit', () => {
    expect(slugs('三中全会')).toEqual(['in-title', 'in-lesson-title', 'in-summary', 'in-body']);
  });

  test('finds a two-character word anywhere in the text', () => {
    expect(slugs('记录')).toEqual(['in-lesson-title']);
  });

  test('needs every word of the query in one course or lesson', () => {
    expect(slugs('主题党日 记录')).toEqual(['in-lesson-title']);
    expect(slugs('主题党日 瓦窑堡')).toEqual([]);
  });

  test('finds courses by a single character', () => {
    expect(slugs('党')).toEqual(expect.arrayContaining(['in-body', 'in-lesson-title']));
  });

  test('shows the matching lessons, with an excerpt when the hit is in the text', () => {
    const [match] = index.search('部署');
    expect(match?.lessons).toEqual([
      { lesson: expect.objectContaining({ slug: 'a' }), excerpt: { before: '全会以后，二十届三中全会作出', match: '部署', after: '。' } },
    ]);
  });

  test('gives no excerpt when the lesson title already shows the hit', () => {
    const match = index.search('三中全会').find((m) => m.course.slug === 'in-lesson-title');
    expect(match?.lessons[0]).toMatchObject({ lesson: { slug: 'b' }, excerpt: null });
  });

  test('matches nothing for an empty query or one made of punctuation', () => {
    expect(slugs('  ')).toEqual([]);
    expect(slugs('，。')).toEqual([]);
  });

  test('finds full-width Latin letters typed on a phone keyboard', () => {
    const withLatin = buildSearchIndex(buildCatalog([courseSource('ppt', { title: 'PPT 制作' })], []));
    expect(withLatin.search('ＰＰＴ').map((m) => m.course.slug)).toEqual(['ppt']);
  });
});

describe('searchIndexFor', () => {
  test('builds the index of a catalog once and reuses it', () => {
    expect(searchIndexFor(catalog)).toBe(searchIndexFor(catalog));
  });
});
