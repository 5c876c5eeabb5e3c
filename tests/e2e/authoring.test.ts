import type { Page } from 'playwright-core';
import sharp from 'sharp';
import { describe, expect, test } from 'vitest';
import { seedDemo } from '../../db/seed-demo.ts';
import { DEMO_PASSWORD } from '../../db/seeds/demo-county.ts';
import { logInThroughForm, phonePage, seriousAxeViolations, useBrowser } from '../support/browser.ts';
import { useServer } from '../support/suite.ts';

const SLUG = 'yonghe-village-affairs';
const TITLE = '村务公开栏的设置与管理';
const RETURN_REASON = '请在要点里写明公开的期限，并注明示意图的来源。';

async function fitsPhone(page: Page) {
  expect(await seriousAxeViolations(page)).toEqual([]);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
}

/** Types into the CodeMirror editor at the end of its text. */
async function typeInEditor(page: Page, text: string) {
  await page.locator('.cm-content').click();
  await page.keyboard.press('Control+End');
  await page.keyboard.insertText(text);
}

const saved = (page: Page) => expect.poll(() => page.locator('[data-save-status]').textContent(), { timeout: 15_000 }).toContain('已自动保存');

describe('a trainer writes a course in the browser, staff return it once and then publish it, a cadre finds and studies it (phones)', () => {
  const suite = useServer('sqlite', async ({ db }) => seedDemo(db));
  const chrome = useBrowser();

  test('write, preview, upload a figure, submit, return, revise, approve, search, study', { timeout: 240_000 }, async () => {
    const trainer = await phonePage(chrome.browser, suite.server.baseUrl);
    const staff = await phonePage(chrome.browser, suite.server.baseUrl);
    const cadre = await phonePage(chrome.browser, suite.server.baseUrl);
    await logInThroughForm(trainer.page, 'trainer', DEMO_PASSWORD);
    const t = trainer.page;

    // A new course with its fields.
    await t.getByRole('link', { name: '课程编写', exact: true }).click();
    await t.waitForURL('**/authoring');
    await fitsPhone(t);
    await t.getByLabel('课程标题').fill(TITLE);
    await t.getByLabel('课程英文名（网址）').fill(SLUG);
    await Promise.all([t.waitForURL(`**/authoring/${SLUG}?done=created`), t.getByRole('button', { name: '新建' }).click()]);
    await t.getByLabel('简介').fill('村务公开的内容、时间和方式，以及群众监督的渠道。');
    await t.getByLabel('类别').selectOption('业务技能');
    await t.getByLabel('学时').fill('1');
    await t.getByLabel('培训对象').fill('村党组织书记、村委会主任');
    await t.getByLabel('参考资料（每行一项，书名｜说明）').fill('《中华人民共和国村民委员会组织法》');
    await Promise.all([t.waitForURL('**?done=saved#course'), t.getByRole('button', { name: '保存课程信息' }).click()]);
    await fitsPhone(t);

    // The lesson: text, a 要点 from the toolbar, an uploaded image inserted as a figure; the preview follows.
    await t.getByRole('link', { name: '第一课' }).click();
    await t.waitForURL(`**/authoring/${SLUG}/lessons/lesson-1`);
    await t.getByLabel('课节标题').fill('公开什么、何时公开');
    await t.getByLabel('要求学习时长（分钟）').fill('1');
    await t.getByLabel('一句话简介').fill('村务公开的内容与时限。');
    await typeInEditor(t, '## 公开的内容\n\n财务收支、集体资产和惠民政策落实情况都要向村民公开。\n\n');
    await t.getByRole('button', { name: '要点', exact: true }).click();
    await t.keyboard.insertText('重大事项随时公开，结果接受群众监督。');
    const png = await sharp({ create: { width: 1600, height: 900, channels: 3, background: { r: 200, g: 40, b: 40 } } }).png().toBuffer();
    await t.getByLabel('上传图片、音频、视频或 PDF').setInputFiles({ name: '公开栏.png', mimeType: 'image/png', buffer: png });
    await t.getByRole('button', { name: '插入 公开栏.png' }).click();
    await saved(t);
    const preview = t.frameLocator('iframe[name="preview"]');
    await expect.poll(() => preview.locator('.keypoint').textContent(), { timeout: 15_000 }).toContain('重大事项随时公开');
    await expect.poll(() => preview.locator('figure img').evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth), { timeout: 15_000 }).toBe(1280);
    await fitsPhone(t);

    // Offline: the edit stays on the phone and reaches the server when the connection returns.
    await trainer.context.setOffline(true);
    await typeInEditor(t, '\n公开栏设在村委会门口。\n');
    await expect.poll(() => t.locator('[data-save-status]').textContent(), { timeout: 15_000 }).toContain('网络中断');
    expect(await t.evaluate(() => Object.keys(localStorage).some((k) => k.startsWith('jt-lesson:')))).toBe(true);
    await trainer.context.setOffline(false);
    await saved(t);

    // Submit (the check passes).
    await t.getByRole('link', { name: '返回课程并送审' }).click();
    await t.waitForURL(`**/authoring/${SLUG}#submit`);
    expect(await t.locator('#submit').textContent()).toContain('检查通过');
    await Promise.all([t.waitForURL('**?done=submitted'), t.getByRole('button', { name: '送审', exact: true }).click()]);

    // Staff of the county review it: the whole course is there; they return it with a reason.
    await logInThroughForm(staff.page, 'staff', DEMO_PASSWORD);
    const s = staff.page;
    await s.getByRole('link', { name: '课程编写', exact: true }).click();
    await s.getByRole('link', { name: TITLE }).click();
    await s.waitForURL(`**/authoring/${SLUG}/review`);
    const reviewText = await s.locator('main').textContent();
    expect(reviewText).toContain('重大事项随时公开');
    expect(reviewText).toContain('公开栏设在村委会门口');
    await fitsPhone(s);
    await s.getByLabel('审核意见（退回时必填，写明要改什么）').fill(RETURN_REASON);
    await Promise.all([s.waitForURL('**?done=reviewed'), s.getByRole('button', { name: '退回修改' }).click()]);

    // The trainer sees why, revises, submits again.
    await t.goto(`/authoring/${SLUG}`);
    expect(await t.locator('main').textContent()).toContain(RETURN_REASON);
    await t.getByRole('link', { name: '公开什么、何时公开' }).click();
    await typeInEditor(t, '\n<KeyPoint title="公开期限">一般事项至少每季度公开一次。</KeyPoint>\n');
    await saved(t);
    await t.goto(`/authoring/${SLUG}`);
    await Promise.all([t.waitForURL('**?done=submitted'), t.getByRole('button', { name: '送审', exact: true }).click()]);

    // The reviewer approves.
    await s.goto(`/authoring/${SLUG}/review`);
    expect(await s.locator('main').textContent()).toContain('一般事项至少每季度公开一次');
    await Promise.all([s.waitForURL('**?done=reviewed'), s.getByRole('button', { name: '审核通过并发布' }).click()]);
    expect(await s.locator('main').textContent()).toContain('审核通过并发布');

    // A cadre finds it by searching, enrols and studies the lesson.
    await logInThroughForm(cadre.page, 'cadre010', DEMO_PASSWORD);
    const c = cadre.page;
    await c.goto('/courses');
    await c.getByRole('searchbox').fill('公开栏');
    await Promise.all([c.waitForURL('**/courses?**'), c.getByRole('searchbox').press('Enter')]);
    await c.getByRole('link', { name: new RegExp(TITLE) }).first().click();
    await c.waitForURL(`**/courses/${SLUG}`);
    await fitsPhone(c);
    await Promise.all([c.waitForURL(`**/courses/${SLUG}#enrollment`), c.getByRole('button', { name: '报名学习' }).click()]);
    await c.locator('#enrollment').getByRole('link', { name: /开始学习/ }).click();
    await c.waitForURL(`**/courses/${SLUG}/lesson-1`);
    expect(await c.locator('.keypoint').first().textContent()).toContain('重大事项随时公开');
    expect(await c.locator('figure img').first().evaluate((img: HTMLImageElement) => img.decode().then(() => img.naturalWidth))).toBe(1280);
    await fitsPhone(c);
    const cadreId = (await suite.database.db.selectFrom('users').select('id').where('login', '=', 'cadre010').executeTakeFirstOrThrow()).id;
    await expect
      .poll(
        async () => {
          await c.mouse.wheel(0, 40);
          const row = await suite.database.db.selectFrom('lesson_progress').select('studied_seconds').where('user_id', '=', cadreId).where('lesson_id', '=', `${SLUG}/lesson-1`).executeTakeFirst();
          return row?.studied_seconds ?? 0;
        },
        { timeout: 90_000, interval: 5_000 },
      )
      .toBeGreaterThan(0);

    // Requests made while offline fail by design; nothing else may log an error.
    trainer.assertNoConsoleErrors([/ERR_INTERNET_DISCONNECTED/]);
    staff.assertNoConsoleErrors();
    cadre.assertNoConsoleErrors();
    for (const who of [trainer, staff, cadre]) await who.context.close();
  });

  test('a course package is exported and imported again on the import page (chunked upload)', { timeout: 90_000 }, async () => {
    const trainer = await phonePage(chrome.browser, suite.server.baseUrl);
    await logInThroughForm(trainer.page, 'trainer', DEMO_PASSWORD);
    const t = trainer.page;
    const zip = await t.request.get('/api/v1/authoring/courses/village-affairs-openness/export');
    expect(zip.status()).toBe(200);
    await t.goto('/authoring');
    await t.getByRole('link', { name: '导入课程包（.zip）' }).click();
    await t.waitForURL('**/authoring/import');
    await fitsPhone(t);
    await t.getByLabel('课程包（.zip）').setInputFiles({ name: '村务公开实务.zip', mimeType: 'application/zip', buffer: await zip.body() });
    await t.getByLabel('新课程的英文名（可不填）').fill('village-affairs-copy');
    await Promise.all([t.waitForURL('**/authoring/village-affairs-copy?done=imported'), t.getByRole('button', { name: '导入' }).click()]);
    expect(await t.locator('main').textContent()).toContain('课程包已导入为第 1 版草稿');
    expect(await t.locator('#lessons').textContent()).toContain('怎样公开、怎样监督');
    trainer.assertNoConsoleErrors();
    await trainer.context.close();
  });
});
