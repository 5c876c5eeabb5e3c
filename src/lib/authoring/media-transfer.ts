import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import { courseFiles, storeCourseFile } from '../media/course-files.ts';
import type { MediaSettings } from '../media/media-settings.ts';
import type { MediaTransfer } from './transfer.ts';

/** Course zips move their files through the media library. */
export function mediaTransfer(db: Kysely<Database>, settings: MediaSettings): MediaTransfer {
  return {
    filesFor: (ids) => courseFiles(db, settings, ids),
    store: (file, courseSlug, ownerId) => storeCourseFile(db, settings, { ownerId, courseSlug, filename: file.filename, bytes: file.bytes }),
  };
}
