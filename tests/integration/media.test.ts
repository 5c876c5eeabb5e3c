import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileTypeFromBuffer } from 'file-type';
import sharp from 'sharp';
import { afterAll, describe, expect, test } from 'vitest';
import { testDialects } from '../support/dialects.ts';
import { makeCounty, makeUser } from '../support/factories.ts';
import { fakeElf, fakeMp3, fakeMp4, tinyPdf } from '../support/media-files.ts';
import { fetchBytes, filesUnder, mediaRows, putChunk, startUpload, uploadFile } from '../support/media-uploads.ts';
import { TMP } from '../support/paths.ts';
import { useServer } from '../support/suite.ts';

const COURSE = 'media-course';
const OTHER_COURSE = 'other-course';
const text = (s: string) => new TextEncoder().encode(s);

describe.each(testDialects())('course media on %s', (dialect) => {
  const mediaDir = path.join(TMP, `media-${dialect}-${Date.now().toString(36)}`);
  afterAll(() => rmSync(mediaDir, { recursive: true, force: true }));

  const suite = useServer(
    dialect,
    async ({ db }) => {
      const units = await makeCounty(db);
      const author = await makeUser(db, 'trainer', units.townA, { login: 'm-author' });
      const other = await makeUser(db, 'trainer', units.townA, { login: 'm-other' });
      await makeUser(db, 'staff', units.county, { login: 'm-reviewer' });
      await makeUser(db, 'cadre', units.townA, { login: 'm-cadre' });
      const at = new Date().toISOString();
      await db.insertInto('authored_courses').values([
        { slug: COURSE, author_id: author.id, published_version: null, created_at: at },
        { slug: OTHER_COURSE, author_id: other.id, published_version: null, created_at: at },
      ]).execute();
      return { author, other };
    },
    // Audio is held to 50 KB here so the per-kind limit can be tried with a small file.
    { MEDIA_DIR: mediaDir, MEDIA_MAX_AUDIO_MB: '0.05' },
  );
  const db = () => suite.database.db;

  async function expectNothingLeftBehind() {
    expect(filesUnder(mediaDir).filter((f) => f.startsWith('partial'))).toEqual([]);
    expect((await mediaRows(db())).filter((r) => r.status === 'uploading')).toEqual([]);
  }

  describe('images', () => {
    test('a large photo is uploaded in chunks, turned upright, stripped of its metadata and shrunk to 1280 px', async () => {
      const author = await suite.as('m-author');
      // 3000 × 2000 pixels stored sideways (EXIF orientation 6), with an author name in its EXIF.
      const photo = await sharp({ create: { width: 3000, height: 2000, channels: 3, background: '#2a6' } })
        .withMetadata({ orientation: 6 })
        .withExifMerge({ IFD0: { Artist: 'secret-photographer' } })
        .jpeg({ quality: 95 })
        .toBuffer();
      expect((await sharp(photo).metadata()).orientation).toBe(6);

      const { res, id } = await uploadFile(author, new Uint8Array(photo), '会场 照片(1).png', COURSE, 8 * 1024);
      expect(res.status, res.text).toBe(200);
      expect(res.data).toMatchObject({ id, url: `/media/${id}`, kind: 'image', contentType: 'image/jpeg', width: 1280, height: 1920, originalName: '会场 照片(1).png' });

      const served = await fetchBytes(author, `/media/${id}`);
      expect(served.status).toBe(200);
      expect(served.headers.get('content-type')).toBe('image/jpeg');
      expect(served.bytes.byteLength).toBe(res.data.size);
      const meta = await sharp(served.bytes).metadata();
      expect([meta.format, meta.width, meta.height]).toEqual(['jpeg', 1280, 1920]);
      expect(meta.exif).toBeUndefined();
      expect(meta.orientation).toBeUndefined();
      expect(Buffer.from(served.bytes).includes('secret-photographer')).toBe(false);
      expect(served.headers.get('content-disposition')).toBe(`inline; filename="__ __(1).png"; filename*=UTF-8''${encodeURIComponent('会场 照片')}%281%29.png`);
      await expectNothingLeftBehind();
    });

    test('a small PNG keeps its format and transparency and is never enlarged', async () => {
      const author = await suite.as('m-author');
      const png = await sharp({ create: { width: 300, height: 200, channels: 4, background: { r: 0, g: 0, b: 255, alpha: 0.5 } } }).png().toBuffer();
      const { res, id } = await uploadFile(author, new Uint8Array(png), 'logo.png', COURSE);
      expect(res.status, res.text).toBe(200);
      expect(res.data).toMatchObject({ kind: 'image', contentType: 'image/png', width: 300, height: 200 });
      const meta = await sharp((await fetchBytes(author, `/media/${id}`)).bytes).metadata();
      expect([meta.format, meta.width, meta.hasAlpha]).toEqual(['png', 300, true]);
    });

    test('the media library lists the finished files to the author and the reviewer only', async () => {
      const listed = await (await suite.as('m-author')).get(`/api/v1/media?course=${COURSE}`);
      expect(listed.status).toBe(200);
      expect(listed.data.items.length).toBeGreaterThanOrEqual(2);
      expect(listed.data.items[0]).toEqual({
        id: expect.any(String), url: expect.stringMatching(/^\/media\//), kind: 'image', contentType: expect.any(String),
        size: expect.any(Number), width: expect.any(Number), height: expect.any(Number), originalName: expect.any(String), createdAt: expect.any(String),
      });
      expect((await (await suite.as('m-reviewer')).get(`/api/v1/media?course=${COURSE}`)).status).toBe(200);
      expect((await (await suite.as('m-other')).get(`/api/v1/media?course=${COURSE}`)).status).toBe(404);
      expect((await (await suite.as('m-cadre')).get(`/api/v1/media?course=${COURSE}`)).status).toBe(404);
    });
  });

  describe('types are decided by the content, never by the name', () => {
    const spoofs: Array<[string, Uint8Array]> = [
      ['photo.jpg', text('<!doctype html><html><body><script>alert(document.cookie)</script></body></html>')],
      ['x.png', text('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>')],
      ['a.mp4', fakeElf()],
      ['reading.pdf', text('这是一篇读书材料的文字稿，不是 PDF。'.repeat(300))],
    ];
    test.each(spoofs)('%s is refused with 415 and leaves nothing behind', async (name, bytes) => {
      const author = await suite.as('m-author');
      const before = filesUnder(mediaDir);
      const { step, res, id } = await uploadFile(author, bytes, name, COURSE);
      expect(step).toBe('chunk');
      expect(res.status, res.text).toBe(415);
      expect(res.data.error.code).toBe('unsupported_media_type');
      expect(res.data.error.message).toContain('按文件内容判断');
      expect(await db().selectFrom('media_files').select('id').where('id', '=', id!).execute()).toEqual([]);
      expect(filesUnder(mediaDir)).toEqual(before);
      expect((await putChunk(author, id!, 0, bytes.subarray(0, 10))).status).toBe(404);
    });
  });

  describe('size limits', () => {
    test('a declared size over the largest limit is refused before any byte is sent', async () => {
      const res = await startUpload(await suite.as('m-author'), 'film.mp4', 301 * 1024 * 1024, COURSE);
      expect(res.status).toBe(413);
      expect(res.data.error.message).toContain('300 MB');
    });

    test("a file over its kind's limit is refused once its type is known", async () => {
      const author = await suite.as('m-author');
      const { step, res } = await uploadFile(author, fakeMp3(80 * 1024), 'talk.mp3', COURSE);
      expect([step, res.status]).toEqual(['chunk', 413]);
      expect(res.data.error.message).toContain('音频不能超过 0.05 MB');
      await expectNothingLeftBehind();
    });

    test('bytes past the declared size are refused', async () => {
      const author = await suite.as('m-author');
      const start = await startUpload(author, 'a.pdf', 100, COURSE);
      const res = await putChunk(author, start.data.id, 0, tinyPdf());
      expect(res.status).toBe(413);
    });

    test('a chunk over the per-request limit is refused', async () => {
      const author = await suite.as('m-author');
      const start = await startUpload(author, 'v.mp4', 2 * 1024 * 1024, COURSE);
      const res = await putChunk(author, start.data.id, 0, fakeMp4(1000 * 1024));
      expect(res.status).toBe(413);
    });
  });

  describe('resuming', () => {
    test('a chunk at the wrong offset gets 409 with the received size, a repeated chunk is acknowledged, and the upload resumes', async () => {
      const author = await suite.as('m-author');
      const pdf = new Uint8Array(20_000);
      pdf.set(tinyPdf());
      const start = await startUpload(author, '学习材料.pdf', pdf.byteLength, COURSE);
      expect(start.status).toBe(201);
      expect(start.data).toEqual({ id: expect.stringMatching(/^[a-z2-7]{26}$/), uploaded: 0 });
      const id = start.data.id;

      expect((await putChunk(author, id, 0, pdf.subarray(0, 6000))).data).toEqual({ uploaded: 6000 });
      const skipped = await putChunk(author, id, 12_000, pdf.subarray(12_000, 18_000));
      expect(skipped.status).toBe(409);
      expect(skipped.data.error.details).toEqual({ uploaded: 6000 });
      expect((await putChunk(author, id, 0, pdf.subarray(0, 6000))).data).toEqual({ uploaded: 6000 });
      expect((await putChunk(author, id, 3000, pdf.subarray(3000, 9000))).status).toBe(409);

      const early = await author.post(`/api/v1/media/${id}/complete`);
      expect(early.status).toBe(409);
      expect(early.data.error.details).toEqual({ uploaded: 6000 });

      expect((await putChunk(author, id, 6000, pdf.subarray(6000))).data).toEqual({ uploaded: 20_000 });
      const done = await author.post(`/api/v1/media/${id}/complete`);
      expect(done.status, done.text).toBe(200);
      expect(done.data).toMatchObject({ kind: 'pdf', contentType: 'application/pdf', size: 20_000, width: null, height: null });
      expect((await author.post(`/api/v1/media/${id}/complete`)).data).toEqual(done.data);

      const served = await fetchBytes(author, `/media/${id}`);
      expect(Buffer.from(served.bytes).equals(Buffer.from(pdf))).toBe(true);
      expect(served.headers.get('content-type')).toBe('application/pdf');
      expect(served.headers.get('content-security-policy')).not.toContain('sandbox');
      expect(served.headers.get('content-security-policy')).toContain("default-src 'none'");
    });

    test('an upload abandoned for more than a day is purged when the next one starts', async () => {
      const author = await suite.as('m-author');
      const start = await startUpload(author, 'old.mp4', 50_000, COURSE);
      await db().updateTable('media_files').set({ created_at: new Date(Date.now() - 25 * 3600_000).toISOString() }).where('id', '=', start.data.id).execute();
      expect(filesUnder(mediaDir)).toContain(path.join('partial', start.data.id));
      await startUpload(author, 'new.mp4', 50_000, COURSE);
      expect(filesUnder(mediaDir)).not.toContain(path.join('partial', start.data.id));
      expect(await db().selectFrom('media_files').select('id').where('id', '=', start.data.id).execute()).toEqual([]);
    });
  });

  describe('who may upload', () => {
    test("another person's upload is not found", async () => {
      const start = await startUpload(await suite.as('m-author'), 'v.mp4', 10_000, COURSE);
      const other = await suite.as('m-other');
      expect((await putChunk(other, start.data.id, 0, fakeMp4(10_000))).status).toBe(404);
      expect((await other.post(`/api/v1/media/${start.data.id}/complete`)).status).toBe(404);
    });

    test('only the author uploads to a course: a reviewer gets 403, another trainer 404, a cadre 403', async () => {
      expect((await startUpload(await suite.as('m-reviewer'), 'a.pdf', 100, COURSE)).status).toBe(403);
      expect((await startUpload(await suite.as('m-other'), 'a.pdf', 100, COURSE)).status).toBe(404);
      const cadre = await startUpload(await suite.as('m-cadre'), 'a.pdf', 100, COURSE);
      expect(cadre.status).toBe(403);
      expect(cadre.data.error.message).toMatch(/教师/);
    });

    test('a signed-out upload is 401', async () => {
      expect((await startUpload(suite.client(), 'a.pdf', 100, COURSE)).status).toBe(401);
    });
  });

  describe('serving with range requests', () => {
    let id = '';
    let video: Uint8Array;

    test('a video file recognised by file-type is uploaded', async () => {
      video = fakeMp4(200_000);
      expect((await fileTypeFromBuffer(video))?.mime).toBe('video/mp4');
      const { res, id: uploaded } = await uploadFile(await suite.as('m-author'), video, 'lecture.mp4', COURSE);
      expect(res.status, res.text).toBe(200);
      expect(res.data).toMatchObject({ kind: 'video', contentType: 'video/mp4', size: 200_000 });
      id = uploaded!;
    });

    test('the whole file comes with the safe headers', async () => {
      const res = await fetchBytes(await suite.as('m-cadre'), `/media/${id}`);
      expect(res.status).toBe(200);
      expect(Buffer.from(res.bytes).equals(Buffer.from(video))).toBe(true);
      expect(Object.fromEntries(['content-type', 'x-content-type-options', 'content-security-policy', 'accept-ranges', 'cache-control', 'content-length'].map((h) => [h, res.headers.get(h)]))).toEqual({
        'content-type': 'video/mp4',
        'x-content-type-options': 'nosniff',
        'content-security-policy': "sandbox; default-src 'none'",
        'accept-ranges': 'bytes',
        'cache-control': 'private, max-age=31536000, immutable',
        'content-length': '200000',
      });
      expect(res.headers.get('etag')).toMatch(/^".+"$/);
    });

    test.each([
      ['bytes=0-99', 0, 99],
      ['bytes=1000-1999', 1000, 1999],
      ['bytes=199990-', 199_990, 199_999],
      ['bytes=-10', 199_990, 199_999],
      ['bytes=150000-999999', 150_000, 199_999],
    ])('%s gives 206 with exactly those bytes', async (range, start, end) => {
      const res = await fetchBytes(await suite.as('m-cadre'), `/media/${id}`, { Range: range });
      expect(res.status).toBe(206);
      expect(res.headers.get('content-range')).toBe(`bytes ${start}-${end}/200000`);
      expect(res.headers.get('content-length')).toBe(String(end - start + 1));
      expect(Buffer.from(res.bytes).equals(Buffer.from(video.subarray(start, end + 1)))).toBe(true);
    });

    test('a range past the end is 416 with the size', async () => {
      const res = await fetchBytes(await suite.as('m-cadre'), `/media/${id}`, { Range: 'bytes=200000-' });
      expect(res.status).toBe(416);
      expect(res.headers.get('content-range')).toBe('bytes */200000');
    });

    test('several ranges get the whole file', async () => {
      const res = await fetchBytes(await suite.as('m-cadre'), `/media/${id}`, { Range: 'bytes=0-1,10-11' });
      expect([res.status, res.bytes.byteLength]).toEqual([200, 200_000]);
    });

    test('HEAD answers the headers without the body', async () => {
      const cadre = await suite.as('m-cadre');
      const whole = await fetchBytes(cadre, `/media/${id}`, {}, 'HEAD');
      expect([whole.status, whole.headers.get('content-length'), whole.headers.get('content-type'), whole.bytes.byteLength]).toEqual([200, '200000', 'video/mp4', 0]);
      const part = await fetchBytes(cadre, `/media/${id}`, { Range: 'bytes=-10' }, 'HEAD');
      expect([part.status, part.headers.get('content-range'), part.bytes.byteLength]).toEqual([206, 'bytes 199990-199999/200000', 0]);
    });

    test('a browser that has the file gets 304', async () => {
      const cadre = await suite.as('m-cadre');
      const etag = (await fetchBytes(cadre, `/media/${id}`, {}, 'HEAD')).headers.get('etag')!;
      const res = await fetchBytes(cadre, `/media/${id}`, { 'If-None-Match': etag });
      expect([res.status, res.bytes.byteLength, res.headers.get('etag')]).toEqual([304, 0, etag]);
    });

    test('an unknown id, a malformed id and an unfinished upload are 404', async () => {
      const author = await suite.as('m-author');
      const unfinished = await startUpload(author, 'v.mp4', 10_000, COURSE);
      for (const missing of ['a'.repeat(26), 'no-such-file', unfinished.data.id]) {
        expect((await fetchBytes(author, `/media/${missing}`)).status, missing).toBe(404);
      }
    });

    test('signed out, the file is not served and the browser is sent to the login page', async () => {
      const res = await fetchBytes(suite.client(), `/media/${id}`);
      expect(res.status).toBe(303);
      expect(res.headers.get('location')).toBe(`/login?next=${encodeURIComponent(`/media/${id}`)}`);
    });

    test('a file restored without its bytes on disk is 404, not an error', async () => {
      const file = path.join(mediaDir, id);
      const saved = readFileSync(file);
      rmSync(file);
      try {
        expect((await fetchBytes(await suite.as('m-cadre'), `/media/${id}`)).status).toBe(404);
      } finally {
        mkdirSync(mediaDir, { recursive: true });
        writeFileSync(file, saved);
      }
    });
  });
});
