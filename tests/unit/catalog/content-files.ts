import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import yaml from 'js-yaml';
import type { CourseSource, LessonSource } from '../../../src/lib/catalog/catalog.ts';
import { courseSchema, lessonSchema } from '../../../src/lib/catalog/schema.ts';

/**
 * Reads course folders from disk the way the content layer does (js-yaml, as Astro uses, and the
 * same schemas), so unit tests can run the catalog and its search on the real content.
 */

export const ROOT = path.resolve(import.meta.dirname, '../../..');
export const CONTENT_ROOTS = ['content/courses', 'tests/fixtures/content/courses'];

const FRONTMATTER = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/;

export interface LessonFile extends LessonSource {
  /** 1-based line of the file where the body starts (after the frontmatter). */
  bodyLine: number;
}

/** Course and lesson entries of one content root, validated by the content schemas. */
export function readContent(root: string): { courses: CourseSource[]; lessons: LessonFile[] } {
  const courses: CourseSource[] = [];
  const lessons: LessonFile[] = [];
  for (const slug of readdirSync(path.join(ROOT, root)).sort()) {
    const dir = path.join(root, slug);
    const files = readdirSync(path.join(ROOT, dir));
    if (!files.includes('course.yaml')) continue;
    const coursePath = `${dir}/course.yaml`;
    courses.push({ filePath: coursePath, data: courseSchema.parse(yaml.load(readFileSync(path.join(ROOT, coursePath), 'utf8'))) });
    for (const file of files.filter((f) => f.endsWith('.mdx')).sort()) {
      const filePath = `${dir}/${file}`;
      const source = readFileSync(path.join(ROOT, filePath), 'utf8');
      const match = FRONTMATTER.exec(source);
      if (!match) throw new Error(`${filePath} has no frontmatter`);
      lessons.push({
        filePath,
        data: lessonSchema.parse(yaml.load(match[1]!)),
        body: source.slice(match[0].length),
        bodyLine: match[0].split('\n').length,
      });
    }
  }
  return { courses, lessons };
}
