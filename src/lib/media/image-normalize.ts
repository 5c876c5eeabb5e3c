import sharp from 'sharp';
import { MediaTypeRefusedError } from './errors.ts';

/** Refuse images whose pixel count would take too much memory to decode (a 50-megapixel photo passes). */
const MAX_INPUT_PIXELS = 64_000_000;

export interface NormalizedImage {
  width: number;
  height: number;
}

/**
 * Makes an uploaded image fit for phones: turned upright by its EXIF orientation, all metadata
 * (EXIF, GPS, ICC comments) dropped, shrunk to `maxWidth` (never enlarged), re-encoded in its own
 * format (JPEG q80, PNG, WebP q80; a GIF stays a GIF and keeps its animation).
 */
export async function normalizeImage(input: string, output: string, contentType: string, maxWidth: number): Promise<NormalizedImage> {
  const animated = contentType === 'image/gif' || contentType === 'image/webp';
  try {
    let pipeline = sharp(input, { animated, limitInputPixels: MAX_INPUT_PIXELS });
    // EXIF orientation is a JPEG (and PNG) matter; sharp cannot rotate the frames of an animation.
    if (!animated) pipeline = pipeline.rotate();
    pipeline = pipeline.resize({ width: maxWidth, withoutEnlargement: true });
    if (contentType === 'image/jpeg') pipeline = pipeline.jpeg({ quality: 80, mozjpeg: true });
    else if (contentType === 'image/png') pipeline = pipeline.png({ compressionLevel: 9 });
    else if (contentType === 'image/webp') pipeline = pipeline.webp({ quality: 80 });
    else pipeline = pipeline.gif();
    await pipeline.toFile(output);
    const meta = await sharp(output, { animated }).metadata();
    return { width: meta.width, height: meta.pageHeight ?? meta.height };
  } catch {
    throw new MediaTypeRefusedError('图片无法读取：文件可能已损坏，或像素过多（超过 6400 万像素）。请换一张图片。');
  }
}
