import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import { ConflictError, DomainError, ForbiddenError, NotFoundError, ValidationError } from '../errors.ts';
import type { ScopeSubject } from '../org/scope.ts';
import type { Role } from '../users/users.table.ts';
import { nowIso } from '../util/time.ts';
import { type AuthoredCourseRecord, mayAuthor, requireEditableCourse } from './access.ts';
import { type AuthoredLesson, COURSE_SLUG, type CourseContent, storedContentSchema } from './content.ts';
import { type CourseVersion, findOpenVersion, findVersion, insertVersion, nextVersionNumber, recordCourseEvent, updateVersionIf } from './versions.repository.ts';

export interface Author extends ScopeSubject {
  role: Role;
}

/** A new course's first draft: the fields course.yaml requires, with the trainer's title. */
export function blankContent(title: string): CourseContent {
  return {
    course: { title, summary: '', category: '理论教育', format: 'online', tags: [], hours: 1, audience: '全县党员干部', open: true, order: 100, references: [] },
    lessons: [{ slug: 'lesson-1', title: '第一课', minutes: 10, summary: '', body: '' }],
    quiz: null,
  };
}

/**
 * Starts a course in the browser. Its slug becomes its address (/courses/<slug>) and the key of
 * study records, so it is chosen once; `slugTaken` says whether content/courses/ already has it.
 */
export async function createAuthoredCourse(
  db: Kysely<Database>,
  actor: Author,
  input: { slug: string; title: string; content?: CourseContent; action?: 'created' | 'imported'; comment?: string },
  slugTaken: (slug: string) => boolean,
): Promise<{ slug: string }> {
  if (!mayAuthor(actor.role)) throw new ForbiddenError('只有教师和组织部工作人员可以编写课程。');
  const slug = input.slug.trim();
  if (!COURSE_SLUG.test(slug)) {
    throw new ValidationError('课程英文名只能用小写英文字母、数字和单个连字符，2—60 个字符，例如 village-governance-2026。它会成为课程的网址，发布后不能再改。', { field: 'slug' });
  }
  const title = input.title.trim();
  if (!title || [...title].length > 60) throw new ValidationError('请填写课程标题（不超过 60 字）。', { field: 'title' });
  if (slugTaken(slug)) throw new ConflictError(`已有英文名为“${slug}”的课程，请换一个。`);
  const at = nowIso();
  const content = input.content ?? blankContent(title);
  try {
    await db.transaction().execute(async (trx) => {
      await trx.insertInto('authored_courses').values({ slug, author_id: actor.id, published_version: null, created_at: at }).execute();
      await insertVersion(trx, { slug, number: 1, status: 'draft', content, basedOn: null, actorId: actor.id, at });
      await recordCourseEvent(trx, { slug, version: 1, action: input.action ?? 'created', actorId: actor.id, comment: input.comment, at });
    });
  } catch (error) {
    if (await db.selectFrom('authored_courses').select('slug').where('slug', '=', slug).executeTakeFirst()) {
      throw new ConflictError(`已有英文名为“${slug}”的课程，请换一个。`);
    }
    throw error;
  }
  return { slug };
}

/**
 * The version the author is working on: the open one, or a new draft copied from the published
 * version (a published version itself never changes).
 */
export async function workingVersion(db: Kysely<Database>, actor: Author, course: AuthoredCourseRecord): Promise<{ version: CourseVersion; created: boolean }> {
  const open = await findOpenVersion(db, course.slug);
  if (open) return { version: open, created: false };
  const published = course.published_version === null ? null : await findVersion(db, course.slug, course.published_version);
  if (!published) throw new NotFoundError('这门课程没有可编辑的版本。');
  const at = nowIso();
  const number = await nextVersionNumber(db, course.slug);
  try {
    await db.transaction().execute(async (trx) => {
      await insertVersion(trx, { slug: course.slug, number, status: 'draft', content: published.content, basedOn: published.number, actorId: actor.id, at });
      await recordCourseEvent(trx, { slug: course.slug, version: number, action: 'new_version', actorId: actor.id, comment: `以第 ${published.number} 版为基础`, at });
    });
  } catch (error) {
    // Two tabs started the new draft at once: the other one's draft is the working version.
    const other = await findOpenVersion(db, course.slug);
    if (other) return { version: other, created: false };
    throw error;
  }
  const created = await findOpenVersion(db, course.slug);
  if (!created) throw new ConflictError('新版本没有建成，请重试。');
  return { version: created, created: true };
}

export interface DraftEdit {
  /** updated_at the editor last saw; a save over someone else's newer save is refused (409). */
  baseUpdatedAt?: string;
  change: (content: CourseContent) => CourseContent;
}

/**
 * Applies an edit to the author's working version. A submitted version is frozen until the
 * reviewer decides; a returned one goes back to draft with the edit.
 */
export async function editDraft(db: Kysely<Database>, actor: Author, slug: string, edit: DraftEdit): Promise<{ version: number; updatedAt: string; content: CourseContent }> {
  const course = await requireEditableCourse(db, actor, slug);
  const { version, created } = await workingVersion(db, actor, course);
  if (version.status === 'submitted') throw new ConflictError(`第 ${version.number} 版已送审，审核人退回或发布之前不能修改。`);
  // A draft made just now from the published version holds what the editor was showing; only an older draft can be stale.
  if (!created && edit.baseUpdatedAt && edit.baseUpdatedAt !== version.updated_at) throw new StaleDraftError(version.updated_at);
  const content = edit.change(structuredClone(version.content));
  // The stored shape is checked on every read, so nothing that breaks it may be written.
  const shape = storedContentSchema.safeParse(content);
  if (!shape.success) throw new ValidationError(shape.error.issues[0]?.message ?? '内容格式不对。');
  const updatedAt = laterThan(version.updated_at);
  const saved = await updateVersionIf(db, slug, version.number, { statuses: ['draft', 'returned'], updatedAt: version.updated_at }, { status: 'draft', content, updatedAt });
  if (!saved) throw new StaleDraftError(version.updated_at);
  return { version: version.number, updatedAt, content };
}

/** Refuses a save made over a newer one; the editor offers to load the newer text. */
export class StaleDraftError extends DomainError {
  constructor(currentUpdatedAt: string) {
    super('conflict', '这份草稿已在别处（另一个窗口或设备）保存过更新的内容。请先载入最新内容再修改，以免覆盖。', { currentUpdatedAt });
  }
}

/** A timestamp strictly after `previous`, so two saves in one millisecond still differ. */
function laterThan(previous: string): string {
  const now = nowIso();
  return now > previous ? now : new Date(Date.parse(previous) + 1).toISOString();
}

export function findLesson(content: CourseContent, lessonSlug: string): AuthoredLesson {
  const lesson = content.lessons.find((l) => l.slug === lessonSlug);
  if (!lesson) throw new NotFoundError('这门课程里没有这一课。');
  return lesson;
}

/** A lesson slug not used by any lesson of any version, so a removed lesson's study records never attach to a new one. */
export function newLessonSlug(usedSlugs: Iterable<string>): string {
  const used = new Set(usedSlugs);
  for (let n = 1; ; n++) if (!used.has(`lesson-${n}`)) return `lesson-${n}`;
}

/** Every lesson slug any version of the course has used. */
export async function usedLessonSlugs(db: Kysely<Database>, slug: string): Promise<Set<string>> {
  const rows = await db.selectFrom('course_versions').select('content').where('course_slug', '=', slug).execute();
  return new Set(rows.flatMap((r) => (JSON.parse(r.content) as CourseContent).lessons.map((l) => l.slug)));
}
