import { readFile } from 'node:fs/promises';
import { fileTypeFromBuffer } from 'file-type';
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import { DomainError } from '../errors.ts';
import { nowIso } from '../util/time.ts';
import { mediaId, mediaUrl } from './media.ts';
import { formatMb, KIND_NAMES, limitBytes, type MediaSettings } from './media-settings.ts';
import { decideMediaType } from './media-types.ts';
import * as repo from './media.repository.ts';
import { publishReceived } from './publish-received.ts';
import * as storage from './storage.ts';

/**
 * Media files moving with a course zip (src/lib/authoring/transfer.ts): read out for an export,
 * stored again on import under the same rules as an upload in the browser.
 */

const EXTENSIONS: Record<string, string> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
  'image/gif': 'gif',
  'audio/mpeg': 'mp3',
  'audio/mp4': 'm4a',
  'audio/ogg': 'ogg',
  'audio/wav': 'wav',
  'video/mp4': 'mp4',
  'video/webm': 'webm',
  'application/pdf': 'pdf',
};

/** The ready files with these ids and their bytes, named `<id>.<ext>`; unknown or unfinished ids are left out. */
export async function courseFiles(db: Kysely<Database>, settings: MediaSettings, ids: string[]): Promise<Array<{ id: string; filename: string; bytes: Uint8Array }>> {
  const files = [];
  for (const id of ids) {
    const row = await repo.findReadyFile(db, id);
    if (!row?.content_type) continue;
    const bytes = await readFile(storage.finishedPath(settings.dir, id)).catch(() => null);
    if (bytes) files.push({ id, filename: `${id}.${EXTENSIONS[row.content_type] ?? 'bin'}`, bytes: new Uint8Array(bytes) });
  }
  return files;
}

/** Stores bytes from a course zip as a new ready file of the course: type from the content, limits and resizing as for uploads. */
export async function storeCourseFile(
  db: Kysely<Database>,
  settings: MediaSettings,
  file: { ownerId: string; courseSlug: string; filename: string; bytes: Uint8Array },
): Promise<{ url: string } | { problem: string }> {
  const type = decideMediaType((await fileTypeFromBuffer(file.bytes))?.mime);
  if (!type) return { problem: '不是可接受的图片、音频、视频或 PDF 文件（按文件内容判断）。' };
  if (file.bytes.byteLength > limitBytes(settings, type.kind)) return { problem: `${KIND_NAMES[type.kind]}不能超过 ${formatMb(settings.maxMb[type.kind])}。` };
  const id = mediaId();
  await storage.createPartial(settings.dir, id);
  try {
    await storage.writeChunk(settings.dir, id, 0, file.bytes);
    const stored = await publishReceived(settings, id, type);
    await repo.insertUpload(db, { id, owner_id: file.ownerId, course_slug: file.courseSlug, original_name: file.filename, declared_size: file.bytes.byteLength, created_at: nowIso() });
    await repo.setType(db, id, type.kind, type.contentType);
    await repo.markReady(db, id, { contentType: type.contentType, ...stored });
    return { url: mediaUrl(id) };
  } catch (error) {
    if (error instanceof DomainError) return { problem: error.message };
    throw error;
  } finally {
    await storage.removeUploadFiles(settings.dir, id);
  }
}
