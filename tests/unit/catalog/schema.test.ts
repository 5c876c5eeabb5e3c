import { describe, expect, test } from 'vitest';
import { courseSchema, lessonSchema } from '../../../src/lib/catalog/schema.ts';
import { courseSource } from './factories.ts';

const validCourse = () => ({ ...courseSource('x').data });
const messages = (result: { success: boolean; error?: { issues: Array<{ path: PropertyKey[]; message: string }> } }) =>
  result.error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`) ?? [];

describe('courseSchema', () => {
  test('accepts a complete course and fills in the optional lists', () => {
    const { tags, references, ...rest } = validCourse();
    const parsed = courseSchema.parse(rest);
    expect(parsed).toMatchObject({ tags: [], references: [] });
  });

  test('names a misspelt field and says to check the spelling', () => {
    expect(messages(courseSchema.safeParse({ ...validCourse(), titel: '错字' }))).toEqual([expect.stringMatching(/^titel: .*没有“titel”这个字段.*拼写/)]);
  });

  test('names a missing field in Chinese', () => {
    const { audience, ...rest } = validCourse();
    expect(messages(courseSchema.safeParse(rest))).toEqual(['audience: 缺少培训对象（audience）。']);
  });

  test('lists the four categories when the category is unknown', () => {
    expect(messages(courseSchema.safeParse({ ...validCourse(), category: '党史' }))[0]).toMatch(/理论教育、党性教育、专业能力、业务技能/);
  });

  test('accepts half hours but not other fractions', () => {
    expect(courseSchema.safeParse({ ...validCourse(), hours: 1.5 }).success).toBe(true);
    expect(messages(courseSchema.safeParse({ ...validCourse(), hours: 1.3 }))[0]).toMatch(/0\.5 的整数倍/);
  });

  test('requires weeks and readings for a reading class', () => {
    expect(messages(courseSchema.safeParse({ ...validCourse(), format: 'reading' }))[0]).toMatch(/^readings: .*weeks/);
  });

  test('refuses a reading scheduled after the last week', () => {
    const course = { ...validCourse(), format: 'reading', weeks: 2, readings: [{ week: 3, title: '《摆脱贫困》', guidance: '通读。' }] };
    expect(messages(courseSchema.safeParse(course))).toEqual([expect.stringMatching(/^readings\.0\.week: 第 3 周超出了 weeks: 2/)]);
  });

  test('refuses an unknown field inside a reference too', () => {
    const course = { ...validCourse(), references: [{ title: '《中国共产党章程》', auther: '无' }] };
    expect(messages(courseSchema.safeParse(course))[0]).toMatch(/^references\.0\.auther: /);
  });

  test('wants a cover path under public/ or an https address', () => {
    expect(courseSchema.safeParse({ ...validCourse(), cover: 'cover.svg' }).success).toBe(false);
    expect(courseSchema.safeParse({ ...validCourse(), cover: '/courses/x/cover.svg' }).success).toBe(true);
  });
});

describe('lessonSchema', () => {
  const lesson = { title: '开好组织生活会', order: 1, minutes: 15, summary: '会前、会上、会后。' };

  test('accepts a lesson with audio', () => {
    expect(lessonSchema.safeParse({ ...lesson, media: { kind: 'audio', src: '/courses/x/talk.mp3', durationSeconds: 480 } }).success).toBe(true);
  });

  test('requires whole minutes', () => {
    expect(messages(lessonSchema.safeParse({ ...lesson, minutes: 7.5 }))).toEqual([expect.stringMatching(/^minutes: .*整数/)]);
  });

  test('needs the length of its media, which the server uses to judge playback', () => {
    expect(messages(lessonSchema.safeParse({ ...lesson, media: { kind: 'video', src: '/courses/x/a.mp4' } }))[0]).toMatch(/^media\.durationSeconds: 缺少媒体时长/);
  });

  test('allows only video or audio as media', () => {
    expect(messages(lessonSchema.safeParse({ ...lesson, media: { kind: 'pdf', src: '/x.pdf' } }))[0]).toMatch(/^media\.kind: .*video.*audio/);
  });
});
