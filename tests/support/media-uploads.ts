import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { TestClient } from './http-client.ts';

/** The chunk size the browser uses. */
export const CLIENT_CHUNK_BYTES = 768 * 1024;

/** Starts an upload; returns the raw response. */
export function startUpload(client: TestClient, filename: string, size: number, courseSlug: string) {
  return client.post('/api/v1/media', { filename, size, courseSlug });
}

/** Sends one chunk at an offset. */
export function putChunk(client: TestClient, id: string, offset: number, bytes: Uint8Array) {
  return client.request('PUT', `/api/v1/media/${id}/content?offset=${offset}`, { body: bytes as BodyInit, headers: { 'Content-Type': 'application/octet-stream' } });
}

/**
 * Uploads a whole file the way the media library does: start, chunks, complete. Stops at the first
 * failing step and returns its response (so refusals can be checked).
 */
export async function uploadFile(client: TestClient, bytes: Uint8Array, filename: string, courseSlug: string, chunk = CLIENT_CHUNK_BYTES) {
  const start = await startUpload(client, filename, bytes.byteLength, courseSlug);
  if (start.status !== 201) return { step: 'start' as const, res: start, id: undefined };
  const id: string = start.data.id;
  for (let offset = 0; offset < bytes.byteLength; offset += chunk) {
    const res = await putChunk(client, id, offset, bytes.subarray(offset, offset + chunk));
    if (res.status !== 200) return { step: 'chunk' as const, res, id };
  }
  const res = await client.post(`/api/v1/media/${id}/complete`);
  return { step: 'complete' as const, res, id };
}

/** GET (or HEAD) with the client's session, keeping the body as bytes. */
export async function fetchBytes(client: TestClient, urlPath: string, headers: Record<string, string> = {}, method = 'GET') {
  const cookie: Record<string, string> = client.sessionToken ? { Cookie: `jt_session=${client.sessionToken}` } : {};
  const res = await fetch(client.baseUrl + urlPath, { method, headers: { ...cookie, ...headers }, redirect: 'manual' });
  return { status: res.status, headers: res.headers, bytes: new Uint8Array(await res.arrayBuffer()) };
}

/** Every file under the media directory (finished and partial), relative to it. */
export function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)));
}

/** The media rows of the database, for "nothing left behind" checks. */
export async function mediaRows(db: Kysely<Database>) {
  return db.selectFrom('media_files').selectAll().execute();
}
