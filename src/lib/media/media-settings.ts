import type { MediaKind } from './media.table.ts';

/** What the media rules need from the configuration (config.media), passed in so tests can vary it. */
export interface MediaSettings {
  dir: string;
  maxMb: Record<MediaKind, number>;
  imageMaxWidth: number;
}

const MB = 1024 * 1024;

/** The Chinese name of each kind, for messages. */
export const KIND_NAMES: Record<MediaKind, string> = { image: '图片', audio: '音频', video: '视频', pdf: 'PDF 文件', package: '课程包' };

/** The size limit of one kind, in bytes. */
export function limitBytes(settings: MediaSettings, kind: MediaKind): number {
  return Math.floor(settings.maxMb[kind] * MB);
}

/** What an upload is for: a course's media, or a course package (zip) to import. */
export type UploadPurpose = 'media' | 'course-package';

/** The largest limit an upload for this purpose may have: a declared size above it is refused before a byte is sent. */
export function largestLimitMb(settings: MediaSettings, purpose: UploadPurpose = 'media'): number {
  if (purpose === 'course-package') return settings.maxMb.package;
  const { package: _package, ...media } = settings.maxMb;
  return Math.max(...Object.values(media));
}

/** "300 MB", "12.5 MB", "0.05 MB": a limit as configured, for messages. */
export function formatMb(mb: number): string {
  return `${Number(mb.toFixed(2))} MB`;
}
