import { describe, expect, test } from 'vitest';
import { courseSlugFromPath, lessonIdFromPath } from '../../../src/lib/catalog/ids.ts';

describe('courseSlugFromPath', () => {
  test('takes the folder name of a course.yaml', () => {
    expect(courseSlugFromPath('content/courses/red-army-eastern-expedition/course.yaml')).toBe('red-army-eastern-expedition');
  });

  test('refuses a folder name that is not lower-case latin, saying how to name it', () => {
    expect(() => courseSlugFromPath('content/courses/红军东征/course.yaml')).toThrow(/红军东征.*小写英文字母/);
    expect(() => courseSlugFromPath('content/courses/Red_Army/course.yaml')).toThrow(/Red_Army/);
  });
});

describe('lessonIdFromPath', () => {
  test('drops the number prefix of the file name', () => {
    expect(lessonIdFromPath('content/courses/x/01-strategic-decision.mdx')).toBe('x/strategic-decision');
  });

  test('accepts a file without a number prefix', () => {
    expect(lessonIdFromPath('tests/fixtures/content/courses/x/intro.mdx')).toBe('x/intro');
  });

  test('refuses a file name with spaces or capitals, naming the file', () => {
    expect(() => lessonIdFromPath('content/courses/x/01 Intro.mdx')).toThrow(/01 Intro\.mdx/);
  });
});
