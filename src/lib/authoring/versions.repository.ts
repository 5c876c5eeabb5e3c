import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import { newId } from '../util/ids.ts';
import type { CourseEventAction, CourseVersionsTable, VersionStatus } from './authoring.table.ts';
import { type CourseContent, parseStoredContent, serializeContent } from './content.ts';

export interface CourseVersion extends Omit<CourseVersionsTable, 'content'> {
  content: CourseContent;
}

/** Versions that may still change or are waiting for a decision; a course has at most one. */
export const OPEN_STATUSES: readonly VersionStatus[] = ['draft', 'returned', 'submitted'];

function toVersion(row: CourseVersionsTable): CourseVersion {
  return { ...row, content: parseStoredContent(row.content) };
}

export async function findVersion(db: Kysely<Database>, slug: string, number: number): Promise<CourseVersion | null> {
  const row = await db.selectFrom('course_versions').selectAll().where('course_slug', '=', slug).where('number', '=', number).executeTakeFirst();
  return row ? toVersion(row) : null;
}

export async function findOpenVersion(db: Kysely<Database>, slug: string): Promise<CourseVersion | null> {
  const row = await db
    .selectFrom('course_versions')
    .selectAll()
    .where('course_slug', '=', slug)
    .where('status', 'in', OPEN_STATUSES)
    .orderBy('number', 'desc')
    .executeTakeFirst();
  return row ? toVersion(row) : null;
}

export interface VersionSummary {
  number: number;
  status: VersionStatus;
  basedOn: number | null;
  createdAt: string;
  updatedAt: string;
  title: string;
}

export async function listVersions(db: Kysely<Database>, slug: string): Promise<VersionSummary[]> {
  const rows = await db.selectFrom('course_versions').selectAll().where('course_slug', '=', slug).orderBy('number', 'desc').execute();
  return rows.map((row) => ({
    number: row.number,
    status: row.status,
    basedOn: row.based_on,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    title: String(parseStoredContent(row.content).course.title ?? ''),
  }));
}

export async function nextVersionNumber(db: Kysely<Database>, slug: string): Promise<number> {
  const row = await db.selectFrom('course_versions').select((eb) => eb.fn.max('number').as('max')).where('course_slug', '=', slug).executeTakeFirst();
  return Number(row?.max ?? 0) + 1;
}

export async function insertVersion(
  db: Kysely<Database>,
  version: { slug: string; number: number; status: VersionStatus; content: CourseContent; basedOn: number | null; actorId: string; at: string },
): Promise<void> {
  await db
    .insertInto('course_versions')
    .values({
      course_slug: version.slug,
      number: version.number,
      status: version.status,
      content: serializeContent(version.content),
      based_on: version.basedOn,
      created_by: version.actorId,
      created_at: version.at,
      updated_at: version.at,
    })
    .execute();
}

/**
 * Changes a version only while it is in one of `from` (and, when given, unchanged since
 * `updatedAt`); false when another request got there first.
 */
export async function updateVersionIf(
  db: Kysely<Database>,
  slug: string,
  number: number,
  from: { statuses: readonly VersionStatus[]; updatedAt?: string },
  set: { status?: VersionStatus; content?: CourseContent; updatedAt: string },
): Promise<boolean> {
  let query = db
    .updateTable('course_versions')
    .set({
      ...(set.status ? { status: set.status } : {}),
      ...(set.content ? { content: serializeContent(set.content) } : {}),
      updated_at: set.updatedAt,
    })
    .where('course_slug', '=', slug)
    .where('number', '=', number)
    .where('status', 'in', from.statuses);
  if (from.updatedAt) query = query.where('updated_at', '=', from.updatedAt);
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function recordCourseEvent(
  db: Kysely<Database>,
  event: { slug: string; version: number; action: CourseEventAction; actorId: string; comment?: string; at: string },
): Promise<void> {
  await db
    .insertInto('course_events')
    .values({ id: newId(), course_slug: event.slug, version: event.version, action: event.action, actor_id: event.actorId, comment: event.comment ?? '', at: event.at })
    .execute();
}

export interface CourseEvent {
  version: number;
  action: CourseEventAction;
  actorName: string;
  comment: string;
  at: string;
}

export async function listCourseEvents(db: Kysely<Database>, slug: string): Promise<CourseEvent[]> {
  const rows = await db
    .selectFrom('course_events')
    .innerJoin('users', 'users.id', 'course_events.actor_id')
    .select(['course_events.version', 'course_events.action', 'users.name as actorName', 'course_events.comment', 'course_events.at'])
    .where('course_events.course_slug', '=', slug)
    .orderBy('course_events.at', 'desc')
    .orderBy('course_events.id')
    .execute();
  return rows;
}
