import { CatalogError, lessonIdFromPath, splitLessonId } from '../../catalog/ids.ts';
import { courseSchema, lessonSchema, type LessonData } from '../../catalog/schema.ts';
import { quizBankSchema } from '../../quiz/bank-schema.ts';
import { LESSON_SLUG, type AuthoredLesson, type CourseContent } from '../content.ts';
import { FRONTMATTER_LINE_OFFSET, splitFrontmatter } from './frontmatter.ts';
import { COURSE_FILE, MEDIA_FILE, MEDIA_URL_PREFIX, QUIZ_FILE } from './layout.ts';
import { parseYaml, schemaProblems } from './problems.ts';
import { COURSE_ZIP_LIMITS, unpackCourseFolder, type CourseZipLimits } from './unpack.ts';

/** A file of the zip's `media/` folder; `ref` is how the course refers to it, `/media/<id>`. */
export interface ImportedMedia {
  ref: string;
  filename: string;
  bytes: Uint8Array;
}

export type CourseZipResult =
  | { ok: true; slug: string; content: CourseContent; media: ImportedMedia[]; notices: string[] }
  | { ok: false; problems: string[] };

/** The limits of the stored content shape (storedContentSchema), said in Chinese before the database says no. */
const MAX_LESSONS = 60;
const MAX_TEXT_CHARS = 200_000;

const utf8 = new TextDecoder('utf-8', { fatal: true });

function decode(file: string, bytes: Uint8Array, problems: string[]): string | null {
  try {
    return utf8.decode(bytes);
  } catch {
    problems.push(`${file} 不是 UTF-8 编码的文本：请用记事本或 VS Code 打开，另存为 UTF-8 编码后重新压缩。`);
    return null;
  }
}

type ParsedLesson = { file: string; slug: string; data: LessonData; body: string };

function readLesson(courseSlug: string, file: string, source: string, problems: string[]): ParsedLesson | null {
  let slug: string | null = null;
  try {
    slug = splitLessonId(lessonIdFromPath(`${courseSlug}/${file}`)).lessonSlug;
    if (!LESSON_SLUG.test(slug)) {
      problems.push(`课节文件名“${file}”里的英文名太长：去掉序号后不超过 40 个字符。`);
      slug = null;
    }
  } catch (error) {
    if (!(error instanceof CatalogError)) throw error;
    problems.push(error.message);
  }
  const split = splitFrontmatter(source);
  if (!split) {
    problems.push(`${file} 开头缺少课节信息：文件应以 --- 开头，两行 --- 之间写 title、order、minutes、summary（见 content/README.md）。`);
    return null;
  }
  if (split.body.length > MAX_TEXT_CHARS) problems.push(`${file} 的正文太长：不超过 ${MAX_TEXT_CHARS} 个字符，请拆成几课。`);
  const yaml = parseYaml(file, split.yaml, FRONTMATTER_LINE_OFFSET);
  if (!yaml.ok) {
    problems.push(...yaml.problems);
    return null;
  }
  const parsed = lessonSchema.safeParse(yaml.value);
  if (!parsed.success) {
    problems.push(...schemaProblems(file, parsed.error));
    return null;
  }
  return slug === null ? null : { file, slug, data: parsed.data, body: split.body };
}

/** Orders lessons by their `order` field, reporting repeated orders and lesson slugs. */
function outline(lessons: ParsedLesson[], problems: string[]): AuthoredLesson[] {
  const sorted = [...lessons].sort((a, b) => a.data.order - b.data.order || a.file.localeCompare(b.file));
  sorted.forEach((lesson, i) => {
    const before = sorted.slice(0, i);
    const sameOrder = before.find((other) => other.data.order === lesson.data.order);
    if (sameOrder) problems.push(`${sameOrder.file} 和 ${lesson.file} 的课节顺序（order）都是 ${lesson.data.order}：同一课程内不能重复。`);
    const sameSlug = before.find((other) => other.slug === lesson.slug);
    if (sameSlug) problems.push(`${sameSlug.file} 和 ${lesson.file} 去掉序号后英文名相同（${lesson.slug}）：请给其中一课换个英文名。`);
  });
  return sorted.map(({ slug, data, body }) => ({
    slug,
    title: data.title,
    minutes: data.minutes,
    summary: data.summary,
    ...(data.media ? { media: data.media } : {}),
    body,
  }));
}

function readMedia(files: Map<string, Uint8Array>, problems: string[]): ImportedMedia[] {
  const media = [...files].sort(([a], [b]) => a.localeCompare(b)).map(([filename, bytes]) => ({ ref: MEDIA_URL_PREFIX + MEDIA_FILE.exec(filename)![1], filename, bytes }));
  media.forEach((file, i) => {
    const same = media.slice(0, i).find((other) => other.ref === file.ref);
    if (same) problems.push(`media/${same.filename} 和 media/${file.filename} 的编号相同，课程里的 ${file.ref} 分不清指哪一个：请给其中一个改名。`);
  });
  return media;
}

/**
 * Reads a zip holding one course folder in the `content/courses/<slug>/` layout (as exported, or
 * zipped straight from the repository) into the content of a new draft. Checks course.yaml, each
 * lesson's frontmatter and quiz.yaml against the content schemas and gathers every problem; MDX
 * bodies are not compiled here. Only files in the folder's `media/` come back as media to upload.
 */
export function readCourseZip(bytes: Uint8Array, limits: CourseZipLimits = COURSE_ZIP_LIMITS): CourseZipResult {
  const folder = unpackCourseFolder(bytes, limits);
  if (!folder.ok) return folder;
  const { slug, texts } = folder;
  const problems: string[] = [];

  const courseSource = decode(COURSE_FILE, texts.get(COURSE_FILE)!, problems);
  let course: Record<string, unknown> = {};
  if (courseSource !== null) {
    const yaml = parseYaml(COURSE_FILE, courseSource);
    if (!yaml.ok) problems.push(...yaml.problems);
    else {
      const parsed = courseSchema.safeParse(yaml.value);
      if (!parsed.success) problems.push(...schemaProblems(COURSE_FILE, parsed.error));
      else course = yaml.value as Record<string, unknown>;
    }
  }

  const lessonFiles = [...texts.keys()].filter((name) => name.endsWith('.mdx')).sort();
  if (lessonFiles.length > MAX_LESSONS) problems.push(`课程最多 ${MAX_LESSONS} 课，压缩包里有 ${lessonFiles.length} 个 .mdx 文件。`);
  const parsedLessons: ParsedLesson[] = [];
  for (const file of lessonFiles) {
    const source = decode(file, texts.get(file)!, problems);
    const lesson = source === null ? null : readLesson(slug, file, source, problems);
    if (lesson) parsedLessons.push(lesson);
  }
  const lessons = outline(parsedLessons, problems);

  let quiz: string | null = null;
  const quizBytes = texts.get(QUIZ_FILE);
  if (quizBytes) {
    quiz = decode(QUIZ_FILE, quizBytes, problems);
    if (quiz !== null && quiz.length > MAX_TEXT_CHARS) problems.push(`${QUIZ_FILE} 太长：不超过 ${MAX_TEXT_CHARS} 个字符。`);
    const yaml = quiz === null ? null : parseYaml(QUIZ_FILE, quiz);
    if (yaml && !yaml.ok) problems.push(...yaml.problems);
    if (yaml?.ok) {
      const parsed = quizBankSchema.safeParse(yaml.value);
      if (!parsed.success) problems.push(...schemaProblems(QUIZ_FILE, parsed.error));
    }
  }

  const media = readMedia(folder.media, problems);
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, slug, content: { course, lessons, quiz }, media, notices: folder.notices };
}
