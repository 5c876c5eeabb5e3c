import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import { ConflictError, DomainError, ValidationError } from '../errors.ts';
import type { ScopeSubject } from '../org/scope.ts';
import { requireViewableCourse } from './access.ts';
import { COURSE_SLUG, type CourseContent } from './content.ts';
import { createAuthoredCourse } from './drafting.ts';
import { exportCourseZip, type ExportMedia } from './zip/export.ts';
import { rewriteMediaRefs } from './zip/media-refs.ts';
import { readCourseZip } from './zip/read.ts';
import { findVersion } from './versions.repository.ts';

/** What moving courses needs of the media library (src/lib/media), passed in so this module stays about courses. */
export interface MediaTransfer {
  /** The ready files with these ids, named `<id>.<ext>`; unknown ids are left out. */
  filesFor(ids: string[]): Promise<ExportMedia[]>;
  /** Stores a file from a course zip as a new upload of the course (type from its content, images resized); its URL, or why not. */
  store(file: { filename: string; bytes: Uint8Array }, courseSlug: string, ownerId: string): Promise<{ url: string } | { problem: string }>;
}

/** Ids of the uploaded files a version refers to (`/media/<id>` anywhere in its text or fields). */
export function mediaIdsIn(content: CourseContent): string[] {
  const ids = new Set<string>();
  for (const match of JSON.stringify(content).matchAll(/(?<![\w/.-])\/media\/([a-z0-9]{8,64})(?![A-Za-z0-9_-])/g)) ids.add(match[1]!);
  return [...ids];
}

/** The zip of one version (the working one unless a number is given) with the uploaded files it uses. */
export async function exportCourse(db: Kysely<Database>, actor: ScopeSubject, slug: string, media: MediaTransfer, number?: number): Promise<{ filename: string; bytes: Uint8Array }> {
  const course = await requireViewableCourse(db, actor, slug);
  const wanted = number ?? (await db.selectFrom('course_versions').select((eb) => eb.fn.max('number').as('n')).where('course_slug', '=', slug).executeTakeFirst())?.n;
  const version = wanted === undefined || wanted === null ? null : await findVersion(db, course.slug, Number(wanted));
  if (!version) throw new DomainError('not_found', '没有这个版本。');
  const files = await media.filesFor(mediaIdsIn(version.content));
  return { filename: `${slug}-v${version.number}.zip`, bytes: exportCourseZip(slug, version.content, files) };
}

/** Why a course zip cannot be imported, every problem in Chinese. */
export class CourseZipRejectedError extends DomainError {
  readonly problems: string[];
  constructor(problems: string[]) {
    super('validation_failed', `课程包有 ${problems.length} 处问题，没有导入。`, { problems });
    this.problems = problems;
  }
}

/**
 * A course zip (from an export, the repository or another county) becomes a new course whose first
 * version is a draft of the importer's: it is reviewed like any other before cadres see it.
 */
export async function importCourse(
  db: Kysely<Database>,
  actor: ScopeSubject,
  bytes: Uint8Array,
  options: { slug?: string; slugTaken: (slug: string) => boolean; media: MediaTransfer },
): Promise<{ slug: string; notices: string[] }> {
  const read = readCourseZip(bytes);
  if (!read.ok) throw new CourseZipRejectedError(read.problems);
  const slug = options.slug?.trim() || read.slug;
  if (!COURSE_SLUG.test(slug)) throw new ValidationError('课程英文名只能用小写英文字母、数字和单个连字符，2—60 个字符。', { field: 'slug' });
  const taken = options.slugTaken(slug) || (await db.selectFrom('authored_courses').select('slug').where('slug', '=', slug).executeTakeFirst()) !== undefined;
  if (taken) throw new ConflictError(`已有英文名为“${slug}”的课程：请填一个新的英文名再导入。`);
  const title = String(read.content.course.title ?? slug);
  if (!title.trim()) throw new ValidationError('课程包的 course.yaml 缺少课程标题。');

  const urls = new Map<string, string>();
  const problems: string[] = [];
  for (const file of read.media) {
    const stored = await options.media.store(file, slug, actor.id);
    if ('url' in stored) urls.set(file.ref, stored.url);
    else problems.push(`media/${file.filename}：${stored.problem}`);
  }
  if (problems.length) throw new CourseZipRejectedError(problems);
  const content = rewriteMediaRefs(read.content, urls);
  await createAuthoredCourse(db, actor, { slug, title, content, action: 'imported', comment: `从课程包导入${read.media.length ? `（含 ${read.media.length} 个媒体文件）` : ''}` }, options.slugTaken);
  return { slug, notices: read.notices };
}
