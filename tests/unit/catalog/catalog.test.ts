import { describe, expect, test } from 'vitest';
import { buildCatalog, getLesson } from '../../../src/lib/catalog/catalog.ts';
import { CatalogError } from '../../../src/lib/catalog/ids.ts';
import { courseSource, lessonSource } from './factories.ts';

describe('buildCatalog', () => {
  test('lists courses by their order, whatever order the files come in', () => {
    const catalog = buildCatalog([courseSource('b', { order: 2 }), courseSource('a', { order: 3 }), courseSource('c', { order: 1 })], []);
    expect(catalog.courses.map((c) => c.slug)).toEqual(['c', 'b', 'a']);
  });

  test('puts lessons in their order and numbers their positions from 1', () => {
    const catalog = buildCatalog(
      [courseSource('x')],
      [lessonSource('x', '02-second.mdx', { order: 2 }), lessonSource('x', '01-first.mdx', { order: 1 }), lessonSource('x', '10-last.mdx', { order: 10 })],
    );
    const lessons = catalog.courses[0]!.lessons;
    expect(lessons.map((l) => [l.position, l.slug])).toEqual([[1, 'first'], [2, 'second'], [3, 'last']]);
  });

  test('adds up the required minutes of a course', () => {
    const catalog = buildCatalog(
      [courseSource('x')],
      [lessonSource('x', '01-a.mdx', { order: 1, minutes: 15 }), lessonSource('x', '02-b.mdx', { order: 2, minutes: 20 })],
    );
    expect(catalog.courses[0]!.totalMinutes).toBe(35);
  });

  test('names a lesson after its course and file name without the number, so renumbering keeps the id', () => {
    const catalog = buildCatalog([courseSource('red-army')], [lessonSource('red-army', '03-crossing.mdx')]);
    expect(catalog.courses[0]!.lessons[0]!.id).toBe('red-army/crossing');
  });

  test('keeps a course without lessons, such as a lecture series', () => {
    const catalog = buildCatalog([courseSource('lectures')], []);
    expect(catalog.courses[0]).toMatchObject({ slug: 'lectures', lessons: [], totalMinutes: 0 });
  });

  test('refuses a lesson whose folder has no course.yaml, naming the file', () => {
    expect(() => buildCatalog([], [lessonSource('lost', '01-a.mdx')])).toThrow(/content\/courses\/lost\/01-a\.mdx.*course\.yaml/);
  });

  test('refuses two lessons with the same order in one course', () => {
    const build = () => buildCatalog([courseSource('x')], [lessonSource('x', '01-a.mdx', { order: 1 }), lessonSource('x', '02-b.mdx', { order: 1 })]);
    expect(build).toThrow(CatalogError);
    expect(build).toThrow(/order: 1/);
  });

  test('collects each lesson’s glossary terms and plain text', () => {
    const body = '## 会议\n\n<Term def="1935年12月召开的会议。">瓦窑堡会议</Term>确定了**方针**。';
    const lesson = buildCatalog([courseSource('x')], [lessonSource('x', '01-a.mdx', {}, body)]).courses[0]!.lessons[0]!;
    expect(lesson.terms).toEqual([{ term: '瓦窑堡会议', def: '1935年12月召开的会议。' }]);
    expect(lesson.text).toBe('会议 瓦窑堡会议确定了方针。');
  });

  test('lists the tags in use, most used first', () => {
    const catalog = buildCatalog([courseSource('a', { tags: ['党史学习', '红色资源'] }), courseSource('b', { tags: ['红色资源'] })], []);
    expect(catalog.tags).toEqual(['红色资源', '党史学习']);
  });
});

describe('getLesson', () => {
  const catalog = buildCatalog(
    [courseSource('x')],
    [1, 2, 3].map((n) => lessonSource('x', `0${n}-l${n}.mdx`, { order: n })),
  );

  test('gives a lesson in the middle both neighbours', () => {
    const place = getLesson(catalog, 'x', 'l2');
    expect([place?.previous?.slug, place?.lesson.slug, place?.next?.slug]).toEqual(['l1', 'l2', 'l3']);
  });

  test('gives the first lesson no previous one and the last no next one', () => {
    expect(getLesson(catalog, 'x', 'l1')?.previous).toBeNull();
    expect(getLesson(catalog, 'x', 'l3')?.next).toBeNull();
  });

  test('returns null for an unknown course or lesson', () => {
    expect(getLesson(catalog, 'nope', 'l1')).toBeNull();
    expect(getLesson(catalog, 'x', 'nope')).toBeNull();
  });
});
