import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { courseSlugFromPath, lessonIdFromPath } from './lib/catalog/ids.ts';
import { courseSchema, lessonSchema } from './lib/catalog/schema.ts';
import { quizBankSchema } from './lib/quiz/bank-schema.ts';

/**
 * Courses live in `content/courses/<slug>/`: `course.yaml` plus ordered `NN-<lesson>.mdx` files
 * (trainer's guide: content/README.md). Test fixture courses live in `tests/fixtures/content/courses/`
 * and join only builds made with `JIANGTANG_FIXTURES=1`, so they never reach a real deployment.
 */
const ROOTS = ['content/courses', ...(process.env.JIANGTANG_FIXTURES === '1' ? ['tests/fixtures/content/courses'] : [])];

/** Public files must exist, so a misspelt cover path fails the build instead of showing a broken image. */
const inPublic = (path: string | undefined) => !path || path.startsWith('https://') || existsSync(join(process.cwd(), 'public', path));

const courses = defineCollection({
  loader: glob({
    base: '.',
    pattern: ROOTS.map((root) => `${root}/*/course.yaml`),
    generateId: ({ entry }) => courseSlugFromPath(entry),
  }),
  schema: courseSchema.refine((course) => inPublic(course.cover), {
    path: ['cover'],
    error: '封面图片（cover）指向的文件在 public/ 下找不到：请把图片放进 public/courses/课程目录名/，或改正路径。',
  }),
});

const lessons = defineCollection({
  loader: glob({
    base: '.',
    pattern: ROOTS.map((root) => `${root}/*/*.mdx`),
    generateId: ({ entry }) => lessonIdFromPath(entry),
  }),
  schema: lessonSchema.refine((lesson) => inPublic(lesson.media?.src) && inPublic(lesson.media?.captions), {
    path: ['media'],
    error: '媒体文件（media.src 或 media.captions）在 public/ 下找不到：请把文件放进 public/courses/课程目录名/，或改正路径。',
  }),
});

/**
 * Question banks (`quiz.yaml` beside `course.yaml`). Read only on the server: no page or island
 * receives a bank, only papers made from it (src/lib/quiz/present.ts).
 */
const quizzes = defineCollection({
  loader: glob({
    base: '.',
    pattern: ROOTS.map((root) => `${root}/*/quiz.yaml`),
    generateId: ({ entry }) => courseSlugFromPath(entry),
  }),
  schema: quizBankSchema,
});

export const collections = { courses, lessons, quizzes };
