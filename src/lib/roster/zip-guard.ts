import { inflateRawSync } from 'node:zlib';

/** What the first bytes say a file is (its name is never trusted). */
export type FileKind = 'zip' | 'ole' | 'other';

/** `PK\x03\x04` opens a zip (an .xlsx is one); D0 CF 11 E0 opens an OLE file (old .xls, or an encrypted workbook). */
export function sniffFileKind(bytes: Uint8Array): FileKind {
  const starts = (...sig: number[]) => sig.every((b, i) => bytes[i] === b);
  if (starts(0x50, 0x4b, 0x03, 0x04)) return 'zip';
  if (starts(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1)) return 'ole';
  return 'other';
}

export type ZipCheck = { ok: true } | { ok: false; reason: 'unreadable' | 'too_large' | 'too_many_entries' | 'too_compressed' };

/** Optional limits beyond the shared output budget. */
export interface ZipLimits {
  /** Most entries (files and folders) the archive may list. */
  maxEntries?: number;
  /** Most an entry may expand relative to its compressed size; judged only on entries past RATIO_FLOOR_BYTES. */
  maxEntryRatio?: number;
}

/** Small files may compress extremely well (a blank page); only big ones with a wild ratio look like a bomb. */
const RATIO_FLOOR_BYTES = 1_048_576;

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;

/**
 * Inflates every entry of the zip with a shared output budget before exceljs sees it, so a small
 * upload that expands to gigabytes (a "zip bomb", whatever sizes it declares) is refused instead of
 * exhausting memory. Zip64 and encrypted entries are not used by Excel or WPS for such files: refused.
 * The course zip import (src/lib/authoring/zip/) adds an entry count and a per-entry ratio.
 */
export function checkZipExpansion(bytes: Uint8Array, maxUnzippedBytes: number, limits: ZipLimits = {}): ZipCheck {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u16 = (at: number) => view.getUint16(at, true);
  const u32 = (at: number) => view.getUint32(at, true);
  try {
    let eocd = -1;
    for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 0xffff); at--) {
      if (u32(at) === EOCD_SIGNATURE) {
        eocd = at;
        break;
      }
    }
    if (eocd < 0) return { ok: false, reason: 'unreadable' };
    const entries = u16(eocd + 10);
    if (limits.maxEntries !== undefined && entries > limits.maxEntries) return { ok: false, reason: 'too_many_entries' };
    let at = u32(eocd + 16);
    let budget = maxUnzippedBytes;
    for (let i = 0; i < entries; i++) {
      if (u32(at) !== CENTRAL_SIGNATURE) return { ok: false, reason: 'unreadable' };
      const flags = u16(at + 8);
      const method = u16(at + 10);
      const compressedSize = u32(at + 20);
      const localOffset = u32(at + 42);
      if (flags & 1 || compressedSize === 0xffffffff || localOffset === 0xffffffff) return { ok: false, reason: 'unreadable' };
      if (u32(localOffset) !== LOCAL_SIGNATURE) return { ok: false, reason: 'unreadable' };
      const dataStart = localOffset + 30 + u16(localOffset + 26) + u16(localOffset + 28);
      const data = bytes.subarray(dataStart, dataStart + compressedSize);
      if (data.length !== compressedSize) return { ok: false, reason: 'unreadable' };
      let size: number;
      if (method === 0) size = compressedSize;
      else if (method === 8) size = inflateRawSync(data, { maxOutputLength: Math.max(1, budget + 1) }).length;
      else return { ok: false, reason: 'unreadable' };
      budget -= size;
      if (budget < 0) return { ok: false, reason: 'too_large' };
      if (limits.maxEntryRatio !== undefined && size > RATIO_FLOOR_BYTES && size > limits.maxEntryRatio * compressedSize) {
        return { ok: false, reason: 'too_compressed' };
      }
      at += 46 + u16(at + 28) + u16(at + 30) + u16(at + 32);
    }
    return { ok: true };
  } catch (error) {
    if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') return { ok: false, reason: 'too_large' };
    return { ok: false, reason: 'unreadable' };
  }
}
