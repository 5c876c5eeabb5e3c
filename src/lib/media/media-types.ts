import type { UploadPurpose } from './media-settings.ts';
import type { MediaKind } from './media.table.ts';

/** Enough leading bytes for file-type to recognise every format we accept. */
export const SNIFF_BYTES = 4100;

/**
 * Sniffed MIME type → what we store and serve. Only these are accepted; SVG, HTML and everything
 * else are refused whatever the file is called. Variants are normalised (m4a → audio/mp4, opus → audio/ogg).
 */
const ACCEPTED: Record<string, { kind: MediaKind; contentType: string }> = {
  'image/jpeg': { kind: 'image', contentType: 'image/jpeg' },
  'image/png': { kind: 'image', contentType: 'image/png' },
  'image/webp': { kind: 'image', contentType: 'image/webp' },
  'image/gif': { kind: 'image', contentType: 'image/gif' },
  'audio/mpeg': { kind: 'audio', contentType: 'audio/mpeg' },
  'audio/mp4': { kind: 'audio', contentType: 'audio/mp4' },
  'audio/x-m4a': { kind: 'audio', contentType: 'audio/mp4' },
  'audio/ogg': { kind: 'audio', contentType: 'audio/ogg' },
  'audio/ogg; codecs=opus': { kind: 'audio', contentType: 'audio/ogg' },
  'audio/wav': { kind: 'audio', contentType: 'audio/wav' },
  'video/mp4': { kind: 'video', contentType: 'video/mp4' },
  'video/webm': { kind: 'video', contentType: 'video/webm' },
  'application/pdf': { kind: 'pdf', contentType: 'application/pdf' },
};

export interface MediaType {
  kind: MediaKind;
  contentType: string;
}

/** The kind and served type for a sniffed MIME type, or null when we do not accept it (or nothing was recognised). */
export function decideMediaType(sniffedMime: string | undefined, purpose: UploadPurpose = 'media'): MediaType | null {
  if (purpose === 'course-package') return sniffedMime === 'application/zip' ? { kind: 'package', contentType: 'application/zip' } : null;
  return (sniffedMime && ACCEPTED[sniffedMime]) || null;
}

/** The types the upload form may offer (`accept` attribute); the server still decides from the content. */
export const ACCEPT_ATTRIBUTE = 'image/jpeg,image/png,image/webp,image/gif,audio/mpeg,audio/mp4,audio/x-m4a,audio/ogg,audio/wav,video/mp4,video/webm,application/pdf,.m4a,.mp3,.pdf';
