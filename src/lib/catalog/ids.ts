/**
 * Ids of courses and lessons, derived from file paths. A lesson's id drops the `NN-` ordering prefix
 * of its file name, so study records keyed by it survive when a trainer renumbers files to insert a
 * lesson (the order itself comes from the `order` field).
 */

/** A problem in course content; the message names the file and says how to fix it. */
export class CatalogError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CatalogError';
  }
}

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const LESSON_FILE = /^(?:\d+-)?([a-z0-9]+(?:-[a-z0-9]+)*)\.mdx$/;

function parts(entryPath: string): string[] {
  return entryPath.replaceAll('\\', '/').split('/').filter(Boolean);
}

/** `content/courses/red-army-eastern-expedition/course.yaml` → `red-army-eastern-expedition`. */
export function courseSlugFromPath(entryPath: string): string {
  const segments = parts(entryPath);
  const slug = segments.at(-2) ?? '';
  if (!SLUG.test(slug)) {
    throw new CatalogError(
      `课程目录名“${slug}”（${entryPath}）不合法：只能用小写英文字母、数字和连字符，例如 red-army-eastern-expedition。请改目录名。`,
    );
  }
  return slug;
}

/** `content/courses/red-army-eastern-expedition/01-strategic-decision.mdx` → `red-army-eastern-expedition/strategic-decision`. */
export function lessonIdFromPath(entryPath: string): string {
  const file = parts(entryPath).at(-1) ?? '';
  const match = LESSON_FILE.exec(file);
  if (!match) {
    throw new CatalogError(
      `课节文件名“${file}”（${entryPath}）不合法：应为“两位序号-英文名.mdx”，只用小写英文字母、数字和连字符，例如 01-strategic-decision.mdx。`,
    );
  }
  return `${courseSlugFromPath(entryPath)}/${match[1]}`;
}

/** Splits a lesson id into its course slug and lesson slug. */
export function splitLessonId(lessonId: string): { courseSlug: string; lessonSlug: string } {
  const [courseSlug = '', lessonSlug = ''] = lessonId.split('/');
  return { courseSlug, lessonSlug };
}
