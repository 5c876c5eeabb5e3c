import { parse as parseYaml, YAMLParseError } from 'yaml';
import type { z } from 'zod';
import { courseSchema, type CourseData, lessonSchema, type LessonData } from '../catalog/schema.ts';
import { quizBankSchema, type QuizBank } from '../quiz/bank-schema.ts';
import type { CourseContent } from './content.ts';
import { compileLessonMdx } from './mdx/compile.ts';

/** One thing that keeps a version from being submitted: where it is, and what to do about it. */
export interface ContentProblem {
  /** 课程信息, 第 2 课《…》, 测验题库 … */
  where: string;
  /** Set for problems inside a lesson body or quiz.yaml. */
  line?: number;
  column?: number;
  message: string;
}

/** A version that passed every rule, in the shapes the catalog and the quiz engine use. */
export interface CheckedContent {
  course: CourseData;
  lessons: Array<LessonData & { slug: string; body: string }>;
  quiz: QuizBank | null;
}

function issueMessages(error: z.ZodError): string[] {
  return error.issues.map((issue) => issue.message);
}

export function lessonPlace(position: number, title: string): string {
  return `第 ${position} 课《${title || '未命名'}》`;
}

/** Reads quiz.yaml text: the bank, or problems with the line where YAML or a rule broke. */
export function checkQuizText(text: string): { bank: QuizBank; problems: [] } | { bank: null; problems: ContentProblem[] } {
  const where = '测验题库';
  let raw: unknown;
  try {
    raw = parseYaml(text);
  } catch (error) {
    if (error instanceof YAMLParseError) {
      const [line, column] = error.linePos?.[0] ? [error.linePos[0].line, error.linePos[0].col] : [undefined, undefined];
      return { bank: null, problems: [{ where, line, column, message: `YAML 格式错误：${error.message.split('\n')[0]}（常见原因：冒号后少了空格、缩进用了 Tab 或不齐）。` }] };
    }
    throw error;
  }
  const parsed = quizBankSchema.safeParse(raw);
  if (!parsed.success) return { bank: null, problems: issueMessages(parsed.error).map((message) => ({ where, message })) };
  return { bank: parsed.data, problems: [] };
}

/**
 * Checks a version against the rules of content/courses/: course.yaml and lesson frontmatter by
 * the same schemas, each lesson body by the safe MDX compiler, the quiz by the quiz bank schema.
 */
export function checkContent(content: CourseContent): { ok: true; checked: CheckedContent } | { ok: false; problems: ContentProblem[] } {
  const problems: ContentProblem[] = [];
  const course = courseSchema.safeParse(content.course);
  if (!course.success) problems.push(...issueMessages(course.error).map((message) => ({ where: '课程信息', message })));
  if (content.lessons.length === 0) problems.push({ where: '课节', message: '课程至少要有一课。' });

  const lessons: CheckedContent['lessons'] = [];
  content.lessons.forEach((lesson, index) => {
    const where = lessonPlace(index + 1, lesson.title);
    const data = lessonSchema.safeParse({ title: lesson.title, order: index + 1, minutes: lesson.minutes, summary: lesson.summary, ...(lesson.media ? { media: lesson.media } : {}) });
    if (!data.success) problems.push(...issueMessages(data.error).map((message) => ({ where, message })));
    if (!lesson.body.trim()) problems.push({ where, message: '正文是空的。' });
    const compiled = compileLessonMdx(lesson.body);
    if (!compiled.ok) problems.push(...compiled.problems.map((p) => ({ where, line: p.line, column: p.column, message: p.message })));
    if (data.success) lessons.push({ ...data.data, slug: lesson.slug, body: lesson.body });
  });

  let quiz: QuizBank | null = null;
  if (content.quiz !== null) {
    const checked = checkQuizText(content.quiz);
    if (checked.bank) quiz = checked.bank;
    else problems.push(...checked.problems);
  }
  if (problems.length > 0 || !course.success) return { ok: false, problems };
  return { ok: true, checked: { course: course.data, lessons, quiz } };
}
