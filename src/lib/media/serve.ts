import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { decideRange } from './byte-range.ts';
import type { MediaFile } from './media.repository.ts';
import { finishedPath } from './storage.ts';

/** Files never change once finished, so browsers and phones may keep them for a year. */
const CACHE_CONTROL = 'private, max-age=31536000, immutable';

/**
 * Files are shown in a sandbox with nothing allowed. A PDF gets no sandbox (but still may load nothing
 * else): browsers built on older Chromium cores, common on office PCs here, will not run their PDF viewer
 * in a sandboxed document and offer a download instead. Chromium 156 shows it either way (tests/e2e/media.test.ts).
 */
function securityPolicy(contentType: string): string {
  return contentType === 'application/pdf' ? "default-src 'none'; object-src 'self'; frame-ancestors 'self'" : "sandbox; default-src 'none'";
}

/** RFC 6266 / 5987: an ASCII fallback and the real (e.g. Chinese) name. */
export function contentDisposition(name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '');
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase());
  return `inline; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

export function etagOf(file: Pick<MediaFile, 'id' | 'size'>): string {
  return `"${file.id}-${file.size}"`;
}

/** Whether an If-None-Match header names this ETag (weak comparison, `*` matches). */
function matchesEtag(header: string | null, etag: string): boolean {
  if (!header) return false;
  return header.split(',').some((tag) => {
    const t = tag.trim().replace(/^W\//, '');
    return t === '*' || t === etag;
  });
}

function stream(path: string, start: number, end: number): ReadableStream {
  return Readable.toWeb(createReadStream(path, { start, end })) as ReadableStream;
}

/**
 * The response for a finished file: 304 when the browser has it, 206 for one satisfiable range,
 * 416 for an unsatisfiable one, otherwise the whole file. The bytes are streamed from disk.
 * Null when the file is missing on disk (e.g. a database restored without its media folder).
 */
export async function mediaResponse(request: Request, dir: string, file: MediaFile): Promise<Response | null> {
  const path = finishedPath(dir, file.id);
  const onDisk = await stat(path).catch(() => null);
  if (!onDisk?.isFile()) return null;
  const size = onDisk.size;
  const etag = etagOf(file);
  const headers = new Headers({
    'Content-Type': file.content_type ?? 'application/octet-stream',
    'X-Content-Type-Options': 'nosniff',
    'Content-Security-Policy': securityPolicy(file.content_type ?? ''),
    'Accept-Ranges': 'bytes',
    ETag: etag,
    'Cache-Control': CACHE_CONTROL,
    'Content-Disposition': contentDisposition(file.original_name),
  });
  if (matchesEtag(request.headers.get('if-none-match'), etag)) return new Response(null, { status: 304, headers });

  const ifRange = request.headers.get('if-range');
  const range = ifRange && ifRange.trim() !== etag ? { kind: 'full' as const } : decideRange(request.headers.get('range'), size);
  const head = request.method === 'HEAD';

  if (range.kind === 'unsatisfiable') {
    headers.set('Content-Range', `bytes */${size}`);
    return new Response(null, { status: 416, headers });
  }
  if (range.kind === 'partial') {
    headers.set('Content-Range', `bytes ${range.start}-${range.end}/${size}`);
    headers.set('Content-Length', String(range.end - range.start + 1));
    return new Response(head ? null : stream(path, range.start, range.end), { status: 206, headers });
  }
  headers.set('Content-Length', String(size));
  return new Response(head || size === 0 ? null : stream(path, 0, size - 1), { status: 200, headers });
}
