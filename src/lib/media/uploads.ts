import { fileTypeFromBuffer, fileTypeFromFile } from 'file-type';
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import { requireEditableCourse } from '../authoring/access.ts';
import type { CurrentUser } from '../auth/session.ts';
import { DomainError, ForbiddenError, NotFoundError } from '../errors.ts';
import { nowIso } from '../util/time.ts';
import { MediaTooLargeError, MediaTypeRefusedError, UploadOffsetError } from './errors.ts';
import { publishReceived } from './publish-received.ts';
import { mayUpload, mediaId, presentMedia, type MediaItem } from './media.ts';
import { formatMb, KIND_NAMES, largestLimitMb, limitBytes, type MediaSettings, type UploadPurpose } from './media-settings.ts';
import { decideMediaType, SNIFF_BYTES, type MediaType } from './media-types.ts';
import * as repo from './media.repository.ts';
import * as storage from './storage.ts';

/** An upload not finished within a day is abandoned; its row and partial file are purged. */
const STALE_UPLOAD_MS = 24 * 60 * 60 * 1000;

const NOT_FOUND = '找不到这个上传，或它不是您发起的。';

/** Removes abandoned uploads and course packages never imported (called when a new upload starts, so no timer is needed). */
export async function purgeStaleUploads(db: Kysely<Database>, settings: MediaSettings, now = new Date()): Promise<number> {
  const ids = await repo.staleUploadIds(db, new Date(now.getTime() - STALE_UPLOAD_MS).toISOString());
  for (const id of ids) await discardUpload(db, settings, id);
  return ids.length;
}

async function discardUpload(db: Kysely<Database>, settings: MediaSettings, id: string): Promise<void> {
  await storage.removeUploadFiles(settings.dir, id);
  await storage.removeFinished(settings.dir, id);
  await repo.deleteFileRow(db, id);
}

/** Keeps the last path segment of a file name, without control characters, at most 200 characters. */
export function cleanFileName(name: string): string {
  const base = name.split(/[/\\]/).pop() ?? '';
  const cleaned = base.replace(/[\u0000-\u001f\u007f]/g, '').trim().slice(0, 200);
  return cleaned || '未命名文件';
}

/**
 * Starts an upload: a file for a course the person may edit, or (without a course) a course package
 * to import. A declared size over every limit of the purpose is refused at once.
 */
export async function startUpload(
  db: Kysely<Database>,
  settings: MediaSettings,
  actor: CurrentUser,
  input: { filename: string; size: number; courseSlug?: string; purpose?: UploadPurpose },
  now = new Date(),
): Promise<{ id: string; uploaded: number }> {
  if (!mayUpload(actor.role)) throw new ForbiddenError('只有教师和组织部门工作人员可以为课程上传文件。');
  const purpose = input.purpose ?? 'media';
  if (purpose === 'media') await requireEditableCourse(db, actor, input.courseSlug ?? '');
  const largest = largestLimitMb(settings, purpose);
  if (input.size > largest * 1024 * 1024) throw new MediaTooLargeError(`文件过大：上传的文件不能超过 ${formatMb(largest)}。`);
  await purgeStaleUploads(db, settings, now);
  const id = mediaId();
  await storage.createPartial(settings.dir, id);
  await repo.insertUpload(db, { id, owner_id: actor.id, course_slug: purpose === 'media' ? (input.courseSlug ?? null) : null, original_name: cleanFileName(input.filename), declared_size: input.size, created_at: nowIso(now) });
  return { id, uploaded: 0 };
}

/** A course package is the one upload without a course. */
function purposeOf(file: Pick<repo.MediaFile, 'course_slug'>): UploadPurpose {
  return file.course_slug === null ? 'course-package' : 'media';
}

async function ownUpload(db: Kysely<Database>, actor: CurrentUser, id: string): Promise<repo.MediaFile> {
  if (!mayUpload(actor.role)) throw new ForbiddenError('只有教师和组织部门工作人员可以为课程上传文件。');
  const file = await repo.findOwnedFile(db, actor.id, id);
  if (!file) throw new NotFoundError(NOT_FOUND);
  return file;
}

/** Refuses (and forgets) an upload whose content is not accepted or is over its kind's limit. */
async function checkType(db: Kysely<Database>, settings: MediaSettings, file: repo.MediaFile, type: MediaType | null): Promise<MediaType> {
  if (!type) {
    await discardUpload(db, settings, file.id);
    throw purposeOf(file) === 'course-package' ? new MediaTypeRefusedError('课程包应是 .zip 文件（按文件内容判断）。') : new MediaTypeRefusedError();
  }
  if (file.declared_size > limitBytes(settings, type.kind)) {
    await discardUpload(db, settings, file.id);
    throw new MediaTooLargeError(`${KIND_NAMES[type.kind]}不能超过 ${formatMb(settings.maxMb[type.kind])}。`);
  }
  return type;
}

/**
 * Stores one chunk at `offset`. A chunk the server already has is acknowledged without writing; a gap
 * or overlap answers 409 with the received size. Once the first bytes are in, the type is decided from them.
 */
export async function receiveChunk(db: Kysely<Database>, settings: MediaSettings, actor: CurrentUser, id: string, offset: number, bytes: Uint8Array): Promise<{ uploaded: number }> {
  const file = await ownUpload(db, actor, id);
  if (file.status === 'ready') return { uploaded: file.received_size };
  const end = offset + bytes.byteLength;
  if (end > file.declared_size) throw new MediaTooLargeError(`收到的内容超过了开始上传时声明的大小（${file.declared_size} 字节）。`);
  if (end <= file.received_size && bytes.byteLength > 0) return { uploaded: file.received_size };
  if (offset !== file.received_size) throw new UploadOffsetError(file.received_size);
  if (bytes.byteLength === 0) return { uploaded: file.received_size };

  await storage.writeChunk(settings.dir, id, offset, bytes);
  if (!(await repo.advanceReceived(db, id, offset, end))) {
    const now = await repo.findOwnedFile(db, actor.id, id);
    if (!now) throw new NotFoundError(NOT_FOUND);
    return { uploaded: now.received_size };
  }
  if (file.kind === null && (end >= SNIFF_BYTES || end === file.declared_size)) {
    const head = await storage.readHead(settings.dir, id, SNIFF_BYTES);
    const type = await checkType(db, settings, file, decideMediaType((await fileTypeFromBuffer(head))?.mime, purposeOf(file)));
    await repo.setType(db, id, type.kind, type.contentType);
  }
  return { uploaded: end };
}

/**
 * Finishes an upload once every byte is in: the whole file is sniffed again, images are normalised
 * for phones, and the file is moved into place. Finishing a finished upload returns it again.
 */
export async function completeUpload(db: Kysely<Database>, settings: MediaSettings, actor: CurrentUser, id: string): Promise<MediaItem> {
  const file = await ownUpload(db, actor, id);
  if (file.status === 'ready') return presentMedia(file);
  if (file.received_size !== file.declared_size) {
    throw new DomainError('conflict', `文件还没有传完：已收到 ${file.received_size} / ${file.declared_size} 字节。`, { uploaded: file.received_size });
  }
  const partial = storage.partialPath(settings.dir, id);
  let type: MediaType;
  try {
    await storage.truncatePartial(settings.dir, id, file.received_size);
    type = await checkType(db, settings, file, decideMediaType((await fileTypeFromFile(partial))?.mime, purposeOf(file)));
  } catch (error) {
    // Another request finished (or refused) this upload meanwhile.
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return settled(db, actor, id);
    throw error;
  }

  let stored: Awaited<ReturnType<typeof publishReceived>>;
  try {
    stored = await publishReceived(settings, id, type);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return settled(db, actor, id);
    await discardUpload(db, settings, id);
    throw error;
  }
  await storage.removeUploadFiles(settings.dir, id);
  await repo.markReady(db, id, { contentType: type.contentType, ...stored });
  return presentMedia({ ...file, status: 'ready', kind: type.kind, content_type: type.contentType, ...stored });
}

/** After losing a race to finish: the file as the winner left it. */
async function settled(db: Kysely<Database>, actor: CurrentUser, id: string): Promise<MediaItem> {
  for (let i = 0; i < 50; i++) {
    const file = await repo.findOwnedFile(db, actor.id, id);
    if (!file) throw new NotFoundError(NOT_FOUND);
    if (file.status === 'ready') return presentMedia(file);
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new DomainError('conflict', '这个文件正在另一个请求中处理，请稍后再试。');
}

/**
 * The bytes of one's own finished course package, for an import; `discard` removes it once the
 * import succeeded (one left behind is purged after a day).
 */
export async function takeCoursePackage(db: Kysely<Database>, settings: MediaSettings, actor: CurrentUser, id: string): Promise<{ bytes: Uint8Array; discard: () => Promise<void> }> {
  const file = await ownUpload(db, actor, id);
  if (file.status !== 'ready' || file.kind !== 'package') throw new NotFoundError('找不到这个课程包：请重新上传。');
  const bytes = await storage.readFinished(settings.dir, id);
  return { bytes, discard: () => discardUpload(db, settings, id) };
}
