import { z } from 'zod';
import { mediaSchema } from '../catalog/schema.ts';

/**
 * What one version of a browser-authored course holds: the same three things as a
 * `content/courses/<slug>/` folder. `course` is the course.yaml object and `quiz` the quiz.yaml text,
 * kept as the trainer wrote them so a half-finished draft can be saved; they are checked against the
 * very schemas of `content/` when the version is submitted (src/lib/authoring/validate.ts).
 */
export interface AuthoredLesson {
  /** Stable for the life of the course: study records are keyed `<course slug>/<lesson slug>`. */
  slug: string;
  title: string;
  minutes: number;
  summary: string;
  media?: z.output<typeof mediaSchema>;
  /** The MDX body (no frontmatter). */
  body: string;
}

export interface CourseContent {
  course: Record<string, unknown>;
  /** In outline order; a lesson's `order` is its place here. */
  lessons: AuthoredLesson[];
  /** quiz.yaml text, or null for a course without a quiz. */
  quiz: string | null;
}

/** The same rule as folder and file names under content/courses/ (src/lib/catalog/ids.ts). */
export const LESSON_SLUG = /^(?=.{1,40}$)[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const COURSE_SLUG = /^(?=.{2,60}$)[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Shape check for stored or uploaded content (not the rules: those apply at submission). */
export const storedContentSchema = z.object({
  course: z.record(z.string(), z.unknown(), { error: '课程信息应是一组字段。' }),
  lessons: z
    .array(
      z.object({
        slug: z.string().regex(LESSON_SLUG, { error: '课节英文名只能用小写英文字母、数字和单个连字符。' }),
        title: z.string().max(200, { error: '课节标题太长。' }),
        minutes: z.number().int().min(0).max(600, { error: '要求学习时长应为 0—600 分钟。' }),
        summary: z.string().max(1000, { error: '课节简介太长。' }),
        media: mediaSchema.optional(),
        body: z.string().max(200_000, { error: '正文太长：一课不超过 200000 个字符。' }),
      }),
    )
    .max(60, { error: '一门课程最多 60 课。' }),
  quiz: z.string().max(200_000, { error: '题库太长。' }).nullable(),
});

export function parseStoredContent(json: string): CourseContent {
  return storedContentSchema.parse(JSON.parse(json)) as CourseContent;
}

export function serializeContent(content: CourseContent): string {
  return JSON.stringify(content);
}

/** JSON bodies carrying a lesson or a quiz bank (up to 200,000 characters) stay under the server's 1 MB limit. */
export const AUTHORING_JSON_MAX_BYTES = 900 * 1024;
