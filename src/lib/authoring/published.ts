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

/** Published versions never change, so each is read and checked once per process. */
const bySlugVersion = new Map<string, PublishedCourse>();

/** `slug@version` of every published authored course: cheap, read on each catalog load to notice approvals and rollbacks. */
export async function publishedKeys(db: Kysely<Database>): Promise<Array<{ slug: string; version: number }>> {
  const rows = await db
    .selectFrom('authored_courses')
    .select(['slug', 'published_version'])
    .where('published_version', 'is not', null)
    .orderBy('slug')
    .execute();
  return rows.map((r) => ({ slug: r.slug, version: Number(r.published_version) }));
}

export async function loadPublished(db: Kysely<Database>, key: { slug: string; version: number }): Promise<PublishedCourse | null> {
  const id = `${key.slug}@${key.version}`;
  const cached = bySlugVersion.get(id);
  if (cached) return cached;
  const version = await findVersion(db, key.slug, key.version);
  if (!version) return null;
  const checked = checkContent(version.content);
  // Published versions passed these rules at approval; one that no longer does (a rule tightened
  // since) is left out of the catalog rather than shown broken.
  if (!checked.ok) return null;
  const published = { slug: key.slug, version: key.version, content: checked.checked };
  bySlugVersion.set(id, published);
  return published;
}

/** The quiz bank of a published authored course, or null. */
export async function publishedQuiz(db: Kysely<Database>, slug: string): Promise<QuizBank | null> {
  const row = await db.selectFrom('authored_courses').select('published_version').where('slug', '=', slug).executeTakeFirst();
  if (row?.published_version == null) return null;
  return (await loadPublished(db, { slug, version: Number(row.published_version) }))?.content.quiz ?? null;
}
