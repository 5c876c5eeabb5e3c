import { mkdir, open, readFile, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { SNIFF_BYTES } from './media-types.ts';

/** Where a finished file lives: `<dir>/<id>`. */
export function finishedPath(dir: string, id: string): string {
  return path.join(dir, id);
}

/** Where a file lives while it is being uploaded: `<dir>/partial/<id>`. */
export function partialPath(dir: string, id: string): string {
  return path.join(dir, 'partial', id);
}

/** Creates the empty partial file an upload writes into. */
export async function createPartial(dir: string, id: string): Promise<void> {
  await mkdir(path.join(dir, 'partial'), { recursive: true });
  const handle = await open(partialPath(dir, id), 'w');
  await handle.close();
}

/**
 * Writes a chunk at its offset (not appended): a chunk sent twice, even at the same time, lands on the
 * same bytes, so the file is right whichever request wins.
 */
export async function writeChunk(dir: string, id: string, offset: number, bytes: Uint8Array): Promise<void> {
  const handle = await open(partialPath(dir, id), 'r+');
  try {
    await handle.write(bytes, 0, bytes.byteLength, offset);
  } finally {
    await handle.close();
  }
}

/** The first bytes of a partial file, for sniffing its type. */
export async function readHead(dir: string, id: string, length = SNIFF_BYTES): Promise<Uint8Array> {
  const handle = await open(partialPath(dir, id), 'r');
  try {
    const buffer = new Uint8Array(length);
    const { bytesRead } = await handle.read(buffer, 0, length, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/** Cuts a partial file to its received length (a retried chunk may have written past a shorter earlier one). */
export async function truncatePartial(dir: string, id: string, size: number): Promise<void> {
  const handle = await open(partialPath(dir, id), 'r+');
  try {
    await handle.truncate(size);
  } finally {
    await handle.close();
  }
}

/** Moves a finished file into place in one step, so a reader never sees half a file. */
export async function publishFile(from: string, dir: string, id: string): Promise<number> {
  await mkdir(dir, { recursive: true });
  const target = finishedPath(dir, id);
  await rename(from, target);
  return (await stat(target)).size;
}

/** Removes whatever an upload left on disk, finished or not. */
export async function removeUploadFiles(dir: string, id: string): Promise<void> {
  await rm(partialPath(dir, id), { force: true });
  await rm(partialPath(dir, id) + '.out', { force: true });
}

/** Removes a finished file. */
export async function removeFinished(dir: string, id: string): Promise<void> {
  await rm(finishedPath(dir, id), { force: true });
}

/** A finished file's bytes (course packages, read whole for an import). */
export async function readFinished(dir: string, id: string): Promise<Uint8Array> {
  return new Uint8Array(await readFile(finishedPath(dir, id)));
}
