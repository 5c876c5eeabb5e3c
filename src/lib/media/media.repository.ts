import type { Kysely, Selectable } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import type { MediaFilesTable, MediaKind } from './media.table.ts';

export type MediaFile = Selectable<MediaFilesTable>;

/** Records a new upload before any byte has arrived. */
export async function insertUpload(db: Kysely<Database>, row: Pick<MediaFile, 'id' | 'owner_id' | 'course_slug' | 'original_name' | 'declared_size' | 'created_at'>): Promise<void> {
  await db.insertInto('media_files').values({ ...row, received_size: 0, status: 'uploading', kind: null, content_type: null, size: null, width: null, height: null }).execute();
}

/** The owner's own file (uploading or ready), or null. */
export async function findOwnedFile(db: Kysely<Database>, ownerId: string, id: string): Promise<MediaFile | null> {
  return (await db.selectFrom('media_files').selectAll().where('id', '=', id).where('owner_id', '=', ownerId).executeTakeFirst()) ?? null;
}

/** A finished media file by id, or null (uploads in progress and course packages are never served). */
export async function findReadyFile(db: Kysely<Database>, id: string): Promise<MediaFile | null> {
  return (await db.selectFrom('media_files').selectAll().where('id', '=', id).where('status', '=', 'ready').where('kind', '!=', 'package').executeTakeFirst()) ?? null;
}

/**
 * Moves the received size from `from` to `to`; false if another request moved it first
 * (the caller then answers with the size that is now recorded).
 */
export async function advanceReceived(db: Kysely<Database>, id: string, from: number, to: number): Promise<boolean> {
  const result = await db.updateTable('media_files').set({ received_size: to }).where('id', '=', id).where('received_size', '=', from).where('status', '=', 'uploading').executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Records the type decided from the content. */
export async function setType(db: Kysely<Database>, id: string, kind: MediaKind, contentType: string): Promise<void> {
  await db.updateTable('media_files').set({ kind, content_type: contentType }).where('id', '=', id).execute();
}

/** Marks an upload finished with what the stored file turned out to be. */
export async function markReady(db: Kysely<Database>, id: string, file: { contentType: string; size: number; width: number | null; height: number | null }): Promise<void> {
  await db
    .updateTable('media_files')
    .set({ status: 'ready', content_type: file.contentType, size: file.size, width: file.width, height: file.height })
    .where('id', '=', id)
    .execute();
}

export async function deleteFileRow(db: Kysely<Database>, id: string): Promise<void> {
  await db.deleteFrom('media_files').where('id', '=', id).execute();
}

/** Ids of uploads started before `before` and never finished, and of course packages uploaded then and never imported. */
export async function staleUploadIds(db: Kysely<Database>, before: string): Promise<string[]> {
  const rows = await db
    .selectFrom('media_files')
    .select('id')
    .where((eb) => eb.or([eb('status', '=', 'uploading'), eb('kind', '=', 'package')]))
    .where('created_at', '<', before)
    .execute();
  return rows.map((r) => r.id);
}

/** The finished files of a course, newest first. */
export async function listReadyForCourse(db: Kysely<Database>, courseSlug: string): Promise<MediaFile[]> {
  return db.selectFrom('media_files').selectAll().where('course_slug', '=', courseSlug).where('status', '=', 'ready').orderBy('created_at', 'desc').orderBy('id').execute();
}
