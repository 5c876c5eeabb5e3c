import { normalizeImage } from './image-normalize.ts';
import type { MediaSettings } from './media-settings.ts';
import type { MediaType } from './media-types.ts';
import * as storage from './storage.ts';

/**
 * Moves a fully received file (`<dir>/partial/<id>`) into place: an image is first made upright,
 * stripped and shrunk for phones. Used by uploads in the browser and by course-zip imports alike.
 */
export async function publishReceived(settings: MediaSettings, id: string, type: MediaType): Promise<{ size: number; width: number | null; height: number | null }> {
  const partial = storage.partialPath(settings.dir, id);
  if (type.kind !== 'image') return { size: await storage.publishFile(partial, settings.dir, id), width: null, height: null };
  const normalized = partial + '.out';
  const { width, height } = await normalizeImage(partial, normalized, type.contentType, settings.imageMaxWidth);
  return { size: await storage.publishFile(normalized, settings.dir, id), width, height };
}
