import { encodeBase32LowerCaseNoPadding } from '@oslojs/encoding';
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import { mayAuthor, requireViewableCourse } from '../authoring/access.ts';
import type { ScopeSubject } from '../org/scope.ts';
import type { Role } from '../users/users.table.ts';
import { listReadyForCourse, type MediaFile } from './media.repository.ts';
import type { MediaKind } from './media.table.ts';

/**
 * A media id: 128 random bits. Files are served to any signed-in person who knows the id, so the id
 * itself must not be guessable.
 */
export function mediaId(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return encodeBase32LowerCaseNoPadding(bytes);
}

/** Whether an id has the shape mediaId makes (checked before touching the database or the disk). */
export function isMediaId(id: string): boolean {
  return /^[a-z2-7]{26}$/.test(id);
}

/** Those who write courses upload their media. */
export function mayUpload(role: Role): boolean {
  return mayAuthor(role);
}

/** A finished file as the API and the editor see it. */
export interface MediaItem {
  id: string;
  url: string;
  kind: MediaKind;
  contentType: string;
  size: number;
  width: number | null;
  height: number | null;
  originalName: string;
  createdAt: string;
}

/** Where a finished file is served. */
export function mediaUrl(id: string): string {
  return `/media/${id}`;
}

export function presentMedia(file: MediaFile): MediaItem {
  return {
    id: file.id,
    url: mediaUrl(file.id),
    kind: file.kind!,
    contentType: file.content_type!,
    size: file.size ?? 0,
    width: file.width,
    height: file.height,
    originalName: file.original_name,
    createdAt: file.created_at,
  };
}

/** The finished files of a course, for those who may see its authoring workspace (404 otherwise). */
export async function listCourseMedia(db: Kysely<Database>, actor: ScopeSubject, courseSlug: string): Promise<MediaItem[]> {
  await requireViewableCourse(db, actor, courseSlug);
  return (await listReadyForCourse(db, courseSlug)).map(presentMedia);
}
