import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import { recordAudit } from '../audit/audit.ts';
import { ConflictError, DomainError, ForbiddenError, NotFoundError, ValidationError } from '../errors.ts';
import type { ScopeSubject } from '../org/scope.ts';
import { nowIso } from '../util/time.ts';
import { requireEditableCourse, requireReviewableCourse } from './access.ts';
import { forgetPublishedKeys } from './published.ts';
import type { VersionStatus } from './authoring.table.ts';
import { type ContentProblem, checkContent } from './validate.ts';
import { findOpenVersion, findVersion, recordCourseEvent, updateVersionIf } from './versions.repository.ts';

export const STATUS_LABELS: Record<VersionStatus, string> = { draft: '草稿', submitted: '已送审', returned: '已退回', published: '已发布' };

export const MIN_RETURN_REASON_CHARS = 4;
export const MAX_COMMENT_CHARS = 2000;

/** A version that breaks the content rules cannot be submitted; the problems say where and why. */
export class ContentRejectedError extends DomainError {
  readonly problems: ContentProblem[];
  constructor(problems: ContentProblem[]) {
    super('validation_failed', `还有 ${problems.length} 处问题需要修改后才能送审。`, { problems });
    this.problems = problems;
  }
}

function comment(text: string | undefined, required: boolean): string {
  const trimmed = (text ?? '').trim();
  if (required && [...trimmed].length < MIN_RETURN_REASON_CHARS) {
    throw new ValidationError(`请写明退回的原因（至少 ${MIN_RETURN_REASON_CHARS} 个字），让编写者知道要改什么。`, { field: 'comment' });
  }
  if ([...trimmed].length > MAX_COMMENT_CHARS) throw new ValidationError(`意见不超过 ${MAX_COMMENT_CHARS} 字。`, { field: 'comment' });
  return trimmed;
}

/** 送审: the author hands the working version to the reviewers; it must pass every content rule. */
export async function submitVersion(db: Kysely<Database>, actor: ScopeSubject, slug: string, note?: string): Promise<{ version: number }> {
  await requireEditableCourse(db, actor, slug);
  const version = await findOpenVersion(db, slug);
  if (!version || version.status === 'submitted') {
    throw new ConflictError(version ? `第 ${version.number} 版已经送审，等待审核。` : '没有待送审的草稿：请先修改课程。');
  }
  const checked = checkContent(version.content);
  if (!checked.ok) throw new ContentRejectedError(checked.problems);
  const at = nowIso();
  await db.transaction().execute(async (trx) => {
    if (!(await updateVersionIf(trx, slug, version.number, { statuses: ['draft', 'returned'], updatedAt: version.updated_at }, { status: 'submitted', updatedAt: at }))) {
      throw new ConflictError('草稿刚刚被修改过，请刷新后再送审。');
    }
    await recordCourseEvent(trx, { slug, version: version.number, action: 'submitted', actorId: actor.id, comment: comment(note, false), at });
  });
  return { version: version.number };
}

async function submittedVersion(db: Kysely<Database>, actor: ScopeSubject, slug: string) {
  const course = await requireReviewableCourse(db, actor, slug);
  const version = await findOpenVersion(db, slug);
  if (!version || version.status !== 'submitted') throw new ConflictError('这门课程现在没有待审核的版本。');
  // Two-person rule also per version: whoever wrote this version cannot approve it.
  if (version.created_by === actor.id) throw new ForbiddenError('不能审核自己编写的版本。');
  return { course, version };
}

/** 退回: the reviewer sends the version back with written reasons; it becomes editable again. */
export async function returnVersion(db: Kysely<Database>, actor: ScopeSubject, slug: string, reason: string): Promise<{ version: number }> {
  const { version } = await submittedVersion(db, actor, slug);
  const text = comment(reason, true);
  const at = nowIso();
  await db.transaction().execute(async (trx) => {
    if (!(await updateVersionIf(trx, slug, version.number, { statuses: ['submitted'] }, { status: 'returned', updatedAt: at }))) {
      throw new ConflictError('另一位审核人刚刚处理了这个版本。');
    }
    await recordCourseEvent(trx, { slug, version: version.number, action: 'returned', actorId: actor.id, comment: text, at });
  });
  return { version: version.number };
}

/** 发布: the version becomes what cadres see; it is frozen from now on. */
export async function publishVersion(db: Kysely<Database>, actor: ScopeSubject, slug: string, note?: string): Promise<{ version: number }> {
  const { version } = await submittedVersion(db, actor, slug);
  const checked = checkContent(version.content);
  if (!checked.ok) throw new ContentRejectedError(checked.problems);
  const text = comment(note, false);
  const at = nowIso();
  await db.transaction().execute(async (trx) => {
    if (!(await updateVersionIf(trx, slug, version.number, { statuses: ['submitted'] }, { status: 'published', updatedAt: at }))) {
      throw new ConflictError('另一位审核人刚刚处理了这个版本。');
    }
    await trx.updateTable('authored_courses').set({ published_version: version.number }).where('slug', '=', slug).execute();
    await recordCourseEvent(trx, { slug, version: version.number, action: 'published', actorId: actor.id, comment: text, at });
    await recordAudit(trx, { actorId: actor.id, action: 'course.publish', targetType: 'course', targetId: slug, detail: { version: version.number, comment: text } });
  });
  forgetPublishedKeys(db);
  return { version: version.number };
}

/** 回退: a reviewer points the course back at an earlier published version (with a reason). */
export async function rollBack(db: Kysely<Database>, actor: ScopeSubject, slug: string, number: number, reason: string): Promise<{ version: number }> {
  const course = await requireReviewableCourse(db, actor, slug);
  const target = await findVersion(db, slug, number);
  if (!target) throw new NotFoundError('没有这个版本。');
  if (target.status !== 'published') throw new ConflictError('只能回退到曾经发布过的版本。');
  if (course.published_version === number) throw new ConflictError(`第 ${number} 版就是现在发布的版本。`);
  const text = comment(reason, true);
  const at = nowIso();
  await db.transaction().execute(async (trx) => {
    const moved = await trx
      .updateTable('authored_courses')
      .set({ published_version: number })
      .where('slug', '=', slug)
      .where((eb) => (course.published_version === null ? eb('published_version', 'is', null) : eb('published_version', '=', course.published_version)))
      .executeTakeFirst();
    if (Number(moved.numUpdatedRows) !== 1) throw new ConflictError('发布的版本刚刚被别人改过，请刷新后再试。');
    await recordCourseEvent(trx, { slug, version: number, action: 'rolled_back', actorId: actor.id, comment: text, at });
    await recordAudit(trx, { actorId: actor.id, action: 'course.rollback', targetType: 'course', targetId: slug, detail: { from: course.published_version, to: number, reason: text } });
  });
  forgetPublishedKeys(db);
  return { version: number };
}

export const EVENT_LABELS: Record<import('./authoring.table.ts').CourseEventAction, string> = {
  created: '新建',
  imported: '导入',
  new_version: '开始新版本',
  submitted: '送审',
  returned: '退回',
  published: '审核通过并发布',
  rolled_back: '回退发布版本',
};
