import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, describe, expect, test } from 'vitest';
import { normalizeImage } from '../../../src/lib/media/image-normalize.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'jt-image-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function normalize(name: string, bytes: Buffer, contentType: string, maxWidth = 1280) {
  const input = path.join(dir, name);
  writeFileSync(input, bytes);
  const output = input + '.out';
  const size = await normalizeImage(input, output, contentType, maxWidth);
  return { size, meta: await sharp(output, { animated: true }).metadata() };
}

describe('normalizeImage', () => {
  test('shrinks a wide WebP and keeps it WebP', async () => {
    const webp = await sharp({ create: { width: 2000, height: 1000, channels: 3, background: '#345' } }).webp().toBuffer();
    const { size, meta } = await normalize('wide.webp', webp, 'image/webp');
    expect(size).toEqual({ width: 1280, height: 640 });
    expect(meta.format).toBe('webp');
  });

  test('shrinks an animated GIF frame by frame and keeps the animation', async () => {
    const frame = { width: 1600, height: 400, channels: 4 as const, background: '#c33' };
    const frames = [await sharp({ create: frame }).png().toBuffer(), await sharp({ create: { ...frame, background: '#33c' } }).png().toBuffer()];
    const gif = await sharp(frames, { join: { animated: true } }).gif().toBuffer();
    expect((await sharp(gif).metadata()).pages).toBe(2);
    const { size, meta } = await normalize('anim.gif', gif, 'image/gif');
    expect(size).toEqual({ width: 1280, height: 320 });
    expect([meta.format, meta.pages]).toEqual(['gif', 2]);
  });

  test('a corrupt image is refused in Chinese, not thrown as a crash', async () => {
    const broken = Buffer.concat([(await sharp({ create: { width: 50, height: 50, channels: 3, background: '#fff' } }).jpeg().toBuffer()).subarray(0, 40)]);
    await expect(normalize('broken.jpg', broken, 'image/jpeg')).rejects.toMatchObject({ code: 'unsupported_media_type', message: expect.stringContaining('图片无法读取') });
  });
});
