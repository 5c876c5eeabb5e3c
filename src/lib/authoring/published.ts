import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import type { QuizBank } from '../quiz/bank-schema.ts';
import { type CheckedContent, checkContent } from './validate.ts';
import { findVersion } from './versions.repository.ts';

/** A published browser-authored course, checked and ready for the catalog. */
export interface PublishedCourse {
  slug: string;
  version: number;
  content: CheckedContent;
}

/** Published versions never change, so each is read and checked once per process (null: left out, see below). */
const bySlugVersion = new Map<string, PublishedCourse | null>();

/**
 * Which version of which course is published changes only on an approval or a rollback. This process
 * forgets the list when it makes one (`forgetPublishedKeys`); another server process sharing the
 * database notices within KEYS_TTL_MS. So the catalog, loaded on every lesson page and heartbeat,
 * asks the database at most once in that time.
 */
const KEYS_TTL_MS = 5_000;
const keysByDatabase = new WeakMap<Kysely<Database>, { at: number; list: Promise<Array<{ slug: string; version: number }>> }>();

export function forgetPublishedKeys(db: Kysely<Database>): void {
  keysByDatabase.delete(db);
}

/** `slug@version` of every published authored course. */
export function publishedKeys(db: Kysely<Database>, now = Date.now()): Promise<Array<{ slug: string; version: number }>> {
  const known = keysByDatabase.get(db);
  if (known && now - known.at < KEYS_TTL_MS) return known.list;
  const list = db
    .selectFrom('authored_courses')
    .select(['slug', 'published_version'])
    .where('published_version', 'is not', null)
    .orderBy('slug')
    .execute()
    .then((rows) => rows.map((r) => ({ slug: r.slug, version: Number(r.published_version) })));
  keysByDatabase.set(db, { at: now, list });
  list.catch(() => forgetPublishedKeys(db));
  return list;
}

export async function loadPublished(db: Kysely<Database>, key: { slug: string; version: number }): Promise<PublishedCourse | null> {
  const id = `${key.slug}@${key.version}`;
  const cached = bySlugVersion.get(id);
  if (cached !== undefined) return cached;
  const version = await findVersion(db, key.slug, key.version);
  if (!version) return null;
  const checked = checkContent(version.content);
  // Published versions passed these rules at approval; one that no longer does (a rule tightened
  // since) is left out of the catalog rather than shown broken.
  const published = checked.ok ? { slug: key.slug, version: key.version, content: checked.checked } : null;
  bySlugVersion.set(id, published);
  return published;
}

/** The quiz bank of a published authored course, or null. */
export async function publishedQuiz(db: Kysely<Database>, slug: string): Promise<QuizBank | null> {
  const row = await db.selectFrom('authored_courses').select('published_version').where('slug', '=', slug).executeTakeFirst();
  if (row?.published_version == null) return null;
  return (await loadPublished(db, { slug, version: Number(row.published_version) }))?.content.quiz ?? null;
}
