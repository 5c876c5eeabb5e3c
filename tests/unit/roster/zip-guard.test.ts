import { deflateRawSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import { checkZipExpansion, sniffFileKind } from '../../../src/lib/roster/zip-guard.ts';

/** A minimal zip writer (deflate, no data descriptors), enough to build test archives. */
function zipOf(entries: Array<{ name: string; data: Buffer; declaredSize?: number }>): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name);
    const compressed = deflateRawSync(entry.data);
    const size = entry.declaredSize ?? entry.data.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(compressed.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(compressed.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, compressed);
    centrals.push(central, name);
    offset += local.length + name.length + compressed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, directory, end]));
}

describe('sniffFileKind', () => {
  test('knows a zip, an old OLE workbook and anything else by the first bytes', () => {
    expect(sniffFileKind(zipOf([{ name: 'a', data: Buffer.from('x') }]))).toBe('zip');
    expect(sniffFileKind(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0]))).toBe('ole');
    expect(sniffFileKind(new TextEncoder().encode('姓名,登录名\n'))).toBe('other');
    expect(sniffFileKind(new Uint8Array())).toBe('other');
  });
});

describe('checkZipExpansion', () => {
  test('accepts an archive that stays within the budget', () => {
    expect(checkZipExpansion(zipOf([{ name: 'a.xml', data: Buffer.alloc(1000, 'a') }, { name: 'b.xml', data: Buffer.alloc(1000, 'b') }]), 5000)).toEqual({ ok: true });
  });

  test('refuses an archive that expands past the budget, even when it declares small sizes', () => {
    const bomb = Buffer.alloc(5_000_000);
    expect(checkZipExpansion(zipOf([{ name: 'sheet.xml', data: bomb }]), 1_000_000)).toEqual({ ok: false, reason: 'too_large' });
    expect(checkZipExpansion(zipOf([{ name: 'sheet.xml', data: bomb, declaredSize: 10 }]), 1_000_000)).toEqual({ ok: false, reason: 'too_large' });
  });

  test('refuses more entries than allowed, when a limit is given', () => {
    const zip = zipOf([{ name: 'a', data: Buffer.from('a') }, { name: 'b', data: Buffer.from('b') }, { name: 'c', data: Buffer.from('c') }]);
    expect(checkZipExpansion(zip, 1e6, { maxEntries: 2 })).toEqual({ ok: false, reason: 'too_many_entries' });
    expect(checkZipExpansion(zip, 1e6, { maxEntries: 3 })).toEqual({ ok: true });
  });

  test('refuses a big entry with a wild compression ratio, but not a small one', () => {
    const zeros = (n: number) => zipOf([{ name: 'blank.txt', data: Buffer.alloc(n) }]);
    expect(checkZipExpansion(zeros(4_000_000), 1e8, { maxEntryRatio: 100 })).toEqual({ ok: false, reason: 'too_compressed' });
    expect(checkZipExpansion(zeros(500_000), 1e8, { maxEntryRatio: 100 })).toEqual({ ok: true });
    expect(checkZipExpansion(zeros(4_000_000), 1e8)).toEqual({ ok: true });
  });

  test('calls a truncated or garbled archive unreadable instead of throwing', () => {
    const zip = zipOf([{ name: 'a.xml', data: Buffer.alloc(1000, 'a') }]);
    expect(checkZipExpansion(zip.subarray(0, zip.length - 30), 1e6)).toEqual({ ok: false, reason: 'unreadable' });
    const garbled = new Uint8Array(zip);
    garbled.fill(0x41, 30, 60);
    expect(checkZipExpansion(garbled, 1e6)).toEqual({ ok: false, reason: 'unreadable' });
    expect(checkZipExpansion(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), 1e6)).toEqual({ ok: false, reason: 'unreadable' });
  });
});
