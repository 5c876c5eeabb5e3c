import { fileTypeFromBuffer } from 'file-type';
import sharp from 'sharp';
import { describe, expect, test } from 'vitest';
import { decideMediaType } from '../../../src/lib/media/media-types.ts';
import { cleanFileName } from '../../../src/lib/media/uploads.ts';
import { fakeElf, fakeM4a, fakeMp3, fakeMp4, fakeWav, fakeWebm, tinyPdf } from '../../support/media-files.ts';

async function decide(bytes: Uint8Array) {
  return decideMediaType((await fileTypeFromBuffer(bytes))?.mime);
}

const text = (s: string) => new TextEncoder().encode(s);

describe('decideMediaType', () => {
  test('accepts the four image formats by their content', async () => {
    const base = sharp({ create: { width: 4, height: 4, channels: 3, background: '#c00' } });
    expect(await decide(await base.clone().jpeg().toBuffer())).toEqual({ kind: 'image', contentType: 'image/jpeg' });
    expect(await decide(await base.clone().png().toBuffer())).toEqual({ kind: 'image', contentType: 'image/png' });
    expect(await decide(await base.clone().webp().toBuffer())).toEqual({ kind: 'image', contentType: 'image/webp' });
    expect(await decide(await base.clone().gif().toBuffer())).toEqual({ kind: 'image', contentType: 'image/gif' });
  });

  test('accepts audio, video and PDF, normalising m4a to audio/mp4', async () => {
    expect(await decide(fakeMp3())).toEqual({ kind: 'audio', contentType: 'audio/mpeg' });
    expect(await decide(fakeM4a())).toEqual({ kind: 'audio', contentType: 'audio/mp4' });
    expect(await decide(fakeWav())).toEqual({ kind: 'audio', contentType: 'audio/wav' });
    expect(await decide(fakeMp4())).toEqual({ kind: 'video', contentType: 'video/mp4' });
    expect(await decide(fakeWebm())).toEqual({ kind: 'video', contentType: 'video/webm' });
    expect(await decide(tinyPdf())).toEqual({ kind: 'pdf', contentType: 'application/pdf' });
  });

  test('refuses HTML, SVG, executables, plain text and unknown bytes', async () => {
    expect(await decide(text('<!doctype html><html><script>alert(1)</script></html>'))).toBeNull();
    expect(await decide(text('<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'))).toBeNull();
    expect(await decide(fakeElf())).toBeNull();
    expect(await decide(text('这是一篇读书材料，不是 PDF。'))).toBeNull();
    expect(await decide(new Uint8Array(0))).toBeNull();
  });

  test('refuses recognised types outside the list', () => {
    for (const mime of ['image/svg+xml', 'text/html', 'image/tiff', 'video/quicktime', 'application/zip', 'application/x-elf', undefined]) {
      expect(decideMediaType(mime), String(mime)).toBeNull();
    }
  });
});

describe('cleanFileName', () => {
  test('keeps the last path segment without control characters', () => {
    expect(cleanFileName('C:\\照片\\会场.jpg')).toBe('会场.jpg');
    expect(cleanFileName('../../etc/passwd')).toBe('passwd');
    expect(cleanFileName('a\u0000b\nc.pdf')).toBe('abc.pdf');
  });

  test('names an empty name', () => {
    expect(cleanFileName('  / ')).toBe('未命名文件');
  });
});
