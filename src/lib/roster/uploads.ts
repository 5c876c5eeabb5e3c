import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import { newId } from '../util/ids.ts';

/** An upload waits this long for its apply step, then is purged. */
const UPLOAD_TTL_MS = 24 * 60 * 60 * 1000;
/** Each person keeps at most this many pending uploads (the newest). */
const UPLOADS_PER_ACTOR = 5;

/** Hex SHA-256 of a file's bytes. */
export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * Keeps a previewed file for its apply step, so the person need not upload it again and the apply
 * reads exactly the bytes that were previewed. Purges expired uploads and the actor's oldest extras.
 */
export async function saveRosterUpload(db: Kysely<Database>, actorId: string, bytes: Uint8Array, now = new Date()): Promise<string> {
  const id = newId();
  await db.deleteFrom('roster_uploads').where('created_at', '<', new Date(now.getTime() - UPLOAD_TTL_MS).toISOString()).execute();
  const keep = await db
    .selectFrom('roster_uploads')
    .select('id')
    .where('actor_id', '=', actorId)
    .orderBy('created_at', 'desc')
    .limit(UPLOADS_PER_ACTOR - 1)
    .execute();
  let stale = db.deleteFrom('roster_uploads').where('actor_id', '=', actorId);
  if (keep.length) stale = stale.where('id', 'not in', keep.map((k) => k.id));
  await stale.execute();
  await db
    .insertInto('roster_uploads')
    .values({ id, actor_id: actorId, sha256: sha256Hex(bytes), bytes: Buffer.from(bytes), created_at: now.toISOString() })
    .execute();
  return id;
}

/** The person's own pending upload, or null when it is someone else's, expired or already applied. */
export async function loadRosterUpload(db: Kysely<Database>, actorId: string, uploadId: string, now = new Date()) {
  const row = await db
    .selectFrom('roster_uploads')
    .select(['bytes', 'sha256', 'created_at'])
    .where('id', '=', uploadId)
    .where('actor_id', '=', actorId)
    .executeTakeFirst();
  if (!row || new Date(row.created_at).getTime() < now.getTime() - UPLOAD_TTL_MS) return null;
  return { bytes: new Uint8Array(row.bytes), sha256: row.sha256 };
}

/** Forgets an upload once applied. */
export async function deleteRosterUpload(db: Kysely<Database>, uploadId: string): Promise<void> {
  await db.deleteFrom('roster_uploads').where('id', '=', uploadId).execute();
}
