import path from 'node:path';

/** A positive number from the environment, or the default; a wrong value stops the server with the fix named. */
function positiveNumber(name: string, fallback: number, integer = false): number {
  const raw = process.env[name]?.trim();
  if (!raw) return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0 || (integer && !Number.isInteger(value))) {
    throw new Error(`${name}="${raw}" is not a positive ${integer ? 'integer' : 'number'}; set it to e.g. ${fallback} or leave it unset.`);
  }
  return value;
}

/** Every setting read from the environment, in one place (the README lists them). */
export const config = {
  siteTitle: process.env.SITE_TITLE?.trim() || '永和县干部网络学堂',
  /** Trust X-Forwarded-For / X-Forwarded-Proto from a reverse proxy (nginx) in front of the app. */
  trustProxy: process.env.TRUST_PROXY === '1' || process.env.TRUST_PROXY === 'true',
  /** `auto` marks the cookie Secure when the request came over https. */
  cookieSecure: (process.env.COOKIE_SECURE ?? 'auto') as 'auto' | 'true' | 'false',
  /** The issuing body printed on certificates and yearly statements. */
  issuer: process.env.CERTIFICATE_ISSUER?.trim() || '中共永和县委组织部',
  /** Public address printed in certificate QR codes (e.g. https://xuexi.example.cn); defaults to the address of the request. */
  publicOrigin: process.env.PUBLIC_ORIGIN?.trim().replace(/\/+$/, '') || null,
  /** Uploaded course media: where the files live, the size limit per kind, and the width images are shrunk to. */
  media: {
    dir: path.resolve(process.env.MEDIA_DIR?.trim() || 'data/media'),
    maxMb: {
      image: positiveNumber('MEDIA_MAX_IMAGE_MB', 10),
      audio: positiveNumber('MEDIA_MAX_AUDIO_MB', 50),
      video: positiveNumber('MEDIA_MAX_VIDEO_MB', 300),
      pdf: positiveNumber('MEDIA_MAX_PDF_MB', 20),
      package: positiveNumber('MEDIA_MAX_PACKAGE_MB', 400),
    },
    imageMaxWidth: positiveNumber('MEDIA_IMAGE_MAX_WIDTH', 1280, true),
  },
};
