/**
 * Uploads one file to /api/v1/media in chunks (browser side, no DOM). On a weak network a failed chunk
 * is sent again after a growing pause; the server acknowledges a chunk it already has, and answers
 * 409 with `details.uploaded` when we are out of step, so we simply continue from there.
 */
import type { MediaItem } from '../lib/media/media.ts';

export const CHUNK_BYTES = 768 * 1024;
const MAX_ATTEMPTS_PER_CHUNK = 8;
const MAX_PAUSE_MS = 30_000;
/** First pause before a retry; it doubles each time. */
const FIRST_PAUSE_MS = 1_000;

export type { MediaItem };

/** A refusal from the server (its Chinese message); retrying will not help. */
export class UploadRefused extends Error {}

/** The network kept failing; the upload can be resumed later with the same id. */
export class UploadInterrupted extends Error {
  readonly uploadId: string;
  constructor(uploadId: string) {
    super('网络连接中断，已上传的部分会保留一天。请在网络恢复后点“继续上传”。');
    this.uploadId = uploadId;
  }
}

export interface UploadState {
  file: File;
  /** The course the file is for; left out for a course package to import. */
  courseSlug?: string;
  /** Set once the server has accepted the upload. */
  id?: string;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function errorMessage(res: Response): Promise<string> {
  try {
    const body = await res.json();
    return body?.error?.message ?? `上传失败（${res.status}）。`;
  } catch {
    return `上传失败（${res.status}）。`;
  }
}

/** Sends a request, retrying on network failures and server/proxy errors with a growing pause. */
async function withRetries(state: UploadState, send: () => Promise<Response>): Promise<Response> {
  for (let attempt = 1; ; attempt++) {
    try {
      const res = await send();
      if (res.status < 500 && res.status !== 408 && res.status !== 429) return res;
    } catch {
      // offline or the connection dropped: try again below
    }
    if (attempt >= MAX_ATTEMPTS_PER_CHUNK) throw new UploadInterrupted(state.id ?? '');
    await pause(Math.min(MAX_PAUSE_MS, FIRST_PAUSE_MS * 2 ** (attempt - 1)));
  }
}

/**
 * Uploads (or resumes) a file and returns the finished media item. `onProgress` gets the bytes the
 * server has confirmed.
 */
export async function uploadMedia(state: UploadState, onProgress: (uploaded: number, total: number) => void): Promise<MediaItem> {
  const { file } = state;
  const json = { 'Content-Type': 'application/json' };
  if (!state.id) {
    const res = await withRetries(state, () => fetch('/api/v1/media', { method: 'POST', headers: json, body: JSON.stringify({ filename: file.name, size: file.size, ...(state.courseSlug ? { courseSlug: state.courseSlug } : { purpose: 'course-package' }) }) }));
    if (res.status !== 201) throw new UploadRefused(await errorMessage(res));
    state.id = (await res.json()).id as string;
  }
  const id = state.id;
  let offset = 0;
  while (offset < file.size) {
    const chunk = file.slice(offset, offset + CHUNK_BYTES);
    const at = offset;
    const res = await withRetries(state, () => fetch(`/api/v1/media/${id}/content?offset=${at}`, { method: 'PUT', headers: { 'Content-Type': 'application/octet-stream' }, body: chunk }));
    if (res.status === 200) offset = (await res.json()).uploaded;
    else if (res.status === 409) offset = (await res.json())?.error?.details?.uploaded ?? 0;
    else throw new UploadRefused(await errorMessage(res));
    onProgress(offset, file.size);
  }
  const done = await withRetries(state, () => fetch(`/api/v1/media/${id}/complete`, { method: 'POST', headers: json, body: '{}' }));
  if (done.status !== 200) throw new UploadRefused(await errorMessage(done));
  return (await done.json()) as MediaItem;
}
