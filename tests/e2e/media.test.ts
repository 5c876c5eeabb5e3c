import { readFileSync, rmSync } from 'node:fs';
import { stripTypeScriptTypes } from 'node:module';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { logInThroughForm, phonePage, useBrowser } from '../support/browser.ts';
import { makeCounty, makeUser, TEST_PASSWORD } from '../support/factories.ts';
import { fakeMp4, tinyPdf } from '../support/media-files.ts';
import { uploadFile } from '../support/media-uploads.ts';
import { ROOT, TMP } from '../support/paths.ts';
import { useServer } from '../support/suite.ts';

const COURSE = 'media-e2e';

/** src/scripts/chunked-upload.ts as a script the page can run (it has no imports). */
function uploaderScript(): string {
  const source = readFileSync(path.join(ROOT, 'src/scripts/chunked-upload.ts'), 'utf8').replace('const FIRST_PAUSE_MS = 1_000;', 'const FIRST_PAUSE_MS = 50;');
  return stripTypeScriptTypes(source).replace(/^export /gm, '') + '\nwindow.uploadMedia = uploadMedia;';
}

describe('course media in Chromium', () => {
  const mediaDir = path.join(TMP, `media-e2e-${Date.now().toString(36)}`);
  afterAll(() => rmSync(mediaDir, { recursive: true, force: true }));
  const suite = useServer(
    'sqlite',
    async ({ db }) => {
      const units = await makeCounty(db);
      const author = await makeUser(db, 'trainer', units.townA, { login: 'e-author' });
      await db.insertInto('authored_courses').values({ slug: COURSE, author_id: author.id, published_version: null, created_at: new Date().toISOString() }).execute();
    },
    { MEDIA_DIR: mediaDir },
  );
  const chrome = useBrowser();

  test('a PDF reading opens in the browser, not as a download', async () => {
    const { res, id } = await uploadFile(await suite.as('e-author'), tinyPdf(), '读书材料.pdf', COURSE);
    expect(res.status, res.text).toBe(200);
    const { page } = await phonePage(chrome.browser, suite.server.baseUrl, { width: 1000, height: 800 });
    await logInThroughForm(page, 'e-author', TEST_PASSWORD);
    const response = await page.goto(`/media/${id}`);
    expect(response?.headers()['content-type']).toBe('application/pdf');
    expect(response?.headers()['content-security-policy']).not.toContain('sandbox');
    // Chromium shows a PDF in its built-in viewer, a frame of its own inside the page (a download would have failed goto).
    await expect.poll(() => page.frames().some((f) => f.url().startsWith('chrome-extension://')), { timeout: 10_000 }).toBe(true);
  });

  test('a video plays from range requests', async () => {
    const { id } = await uploadFile(await suite.as('e-author'), fakeMp4(300_000), 'lecture.mp4', COURSE);
    const { page } = await phonePage(chrome.browser, suite.server.baseUrl);
    await logInThroughForm(page, 'e-author', TEST_PASSWORD);
    const ranges: string[] = [];
    page.on('request', (r) => {
      if (r.url().includes(`/media/${id}`)) ranges.push(r.headers()['range'] ?? '');
    });
    await page.setContent(`<video src="/media/${id}" preload="auto"></video>`);
    await page.waitForTimeout(500);
    expect(ranges.some((r) => r.startsWith('bytes='))).toBe(true);
  });

  test('the uploader resumes after the connection drops in the middle of a file', async () => {
    const { page, assertNoConsoleErrors } = await phonePage(chrome.browser, suite.server.baseUrl);
    await logInThroughForm(page, 'e-author', TEST_PASSWORD);
    await page.addScriptTag({ content: uploaderScript() });
    let dropped = 0;
    await page.route('**/api/v1/media/*/content?offset=786432', (route) => (dropped++ < 2 ? route.abort('connectionreset') : route.continue()));
    const bytes = fakeMp4(2 * 1024 * 1024);
    const item = await page.evaluate(async (base64) => {
      const file = new File([Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))], '第一讲.mp4');
      const progress: number[] = [];
      // @ts-expect-error injected above
      const result = await window.uploadMedia({ file, courseSlug: 'media-e2e' }, (uploaded: number) => progress.push(uploaded));
      return { result, progress };
    }, Buffer.from(bytes).toString('base64'));
    expect(dropped).toBe(3);
    expect(item.progress).toEqual([786432, 1572864, 2097152]);
    expect(item.result).toMatchObject({ kind: 'video', contentType: 'video/mp4', size: bytes.byteLength, originalName: '第一讲.mp4' });
    expect(readFileSync(path.join(mediaDir, item.result.id)).equals(Buffer.from(bytes))).toBe(true);
    assertNoConsoleErrors([/Failed to load resource/]);
  });
});
