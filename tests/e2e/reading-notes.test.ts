import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { seedDemo } from '../../db/seed-demo.ts';
import { DEMO_PASSWORD } from '../../db/seeds/demo-county.ts';
import { logInThroughForm, phonePage, seriousAxeViolations, useBrowser } from '../support/browser.ts';
import { FIRST_READING, makeClass } from '../support/class-records.ts';
import { NOTE_A, NOTE_B } from '../support/note-samples.ts';
import { useServer } from '../support/suite.ts';

const CADRE = 'cadre007';
const CLASS_TITLE = '2026年春季干部读书班';
const REASON = '请结合本村的实际，写一写下一步准备怎么做。';

async function fitsPhone(page: Page) {
  expect(await seriousAxeViolations(page)).toEqual([]);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
}

describe('a reading note from draft to approved hours, on phones', () => {
  const suite = useServer('sqlite', async ({ db }) => {
    await seedDemo(db);
    const id = async (login: string) => (await db.selectFrom('users').select(['id', 'org_unit_id']).where('login', '=', login).executeTakeFirstOrThrow());
    const [trainer, cadre, classmate] = await Promise.all([id('trainer'), id(CADRE), id('cadre008')]);
    const county = await db.selectFrom('org_units').select('id').where('parent_id', 'is', null).executeTakeFirstOrThrow();
    const classId = await makeClass(db, { trainerId: trainer.id, orgUnitId: county.id, title: CLASS_TITLE, noteMinChars: 100, readingHoursTenths: 15 }, [cadre.id, classmate.id]);
    return { classId };
  });
  const chrome = useBrowser();

  test('the cadre writes and submits, the trainer returns it with a reason, the cadre revises, the trainer approves, the hours appear', { timeout: 120_000 }, async () => {
    const cadre = await phonePage(chrome.browser, suite.server.baseUrl);
    const trainer = await phonePage(chrome.browser, suite.server.baseUrl);
    await logInThroughForm(cadre.page, CADRE, DEMO_PASSWORD);
    await logInThroughForm(trainer.page, 'trainer', DEMO_PASSWORD);
    const c = cadre.page;
    const t = trainer.page;

    // The cadre finds the class and the first reading, and types: the count says what is missing, the draft saves itself.
    await c.getByRole('link', { name: '读书班', exact: true }).click();
    await c.getByRole('link', { name: CLASS_TITLE, exact: true }).click();
    await c.waitForURL(`**/classes/${suite.seeded.classId}/notes`);
    await fitsPhone(c);
    await c.getByRole('link', { name: /^写心得\s*：.*学习纲要/ }).click();
    await c.waitForURL(`**/notes/${FIRST_READING}`);
    const body = c.getByLabel('心得正文');
    await body.fill('先写一句。');
    await expect.poll(() => c.locator('[data-note-count]').textContent()).toContain('还差 95 字');
    await expect.poll(() => c.locator('[data-note-status]').textContent(), { timeout: 10_000 }).toContain('草稿已自动保存');
    await fitsPhone(c);

    // Offline: the text stays on the phone and goes to the server when the connection returns.
    await cadre.context.setOffline(true);
    await body.fill(NOTE_A);
    await expect.poll(() => c.locator('[data-note-status]').textContent(), { timeout: 10_000 }).toContain('网络中断');
    expect(await c.evaluate(() => Object.keys(localStorage).some((k) => k.startsWith('jt-note:')))).toBe(true);
    await cadre.context.setOffline(false);
    await expect.poll(() => c.locator('[data-note-status]').textContent(), { timeout: 10_000 }).toContain('草稿已自动保存');
    if (process.env.SCREENSHOTS) await c.screenshot({ path: 'tests/.tmp/editor-phone.png', fullPage: true });
    await Promise.all([c.waitForURL('**?done=submitted'), c.getByRole('button', { name: '提交审核' }).click()]);
    expect(await c.getByRole('status').first().textContent()).toContain('心得已提交');

    // The trainer returns it with a reason.
    await t.getByRole('link', { name: '读书班', exact: true }).click();
    await t.getByRole('link', { name: CLASS_TITLE, exact: true }).click();
    await t.waitForURL(`**/classes/${suite.seeded.classId}/notes/review`);
    await fitsPhone(t);
    await t.getByRole('link', { name: /^审核\s*：/ }).click();
    await t.waitForURL('**/notes/review/*');
    expect(await t.locator('main').textContent()).toContain('弱鸟先飞');
    await fitsPhone(t);
    await t.getByLabel('退回原因（必填）').fill(REASON);
    await Promise.all([t.waitForURL('**?done=returned'), t.getByRole('button', { name: '退回修改' }).click()]);

    // The cadre sees why, revises and resubmits.
    await c.goto(`/classes/${suite.seeded.classId}/notes`);
    await c.getByRole('link', { name: /^修改后重新提交\s*：/ }).click();
    expect(await c.locator('main').textContent()).toContain(REASON);
    await fitsPhone(c);
    await body.fill(`${NOTE_A}\n下一步，我准备把村里红枣加工厂的用电问题跑下来，月底前拿出方案。`);
    await Promise.all([c.waitForURL('**?done=submitted'), c.getByRole('button', { name: '提交审核' }).click()]);

    // The trainer approves it with a comment.
    await t.goto(`/classes/${suite.seeded.classId}/notes/review`);
    await t.getByRole('link', { name: /^审核\s*：/ }).click();
    await t.getByLabel('审核意见（可不填）').fill('联系实际，有具体打算。');
    await Promise.all([t.waitForURL('**?done=approved'), t.getByRole('button', { name: '通过并计入学时' }).click()]);
    expect(await t.getByRole('status').textContent()).toContain('学时已计入');
    await t.getByRole('link', { name: '← 审核列表' }).click();
    await t.getByRole('link', { name: '结业情况' }).click();
    await t.waitForURL('**/completion');
    expect(await t.locator('main').textContent()).toContain('读书心得通过 1/6 篇，还差 5 篇');
    await fitsPhone(t);
    if (process.env.SCREENSHOTS) await t.screenshot({ path: 'tests/.tmp/completion-phone.png', fullPage: true });

    // The cadre sees the hours in 我的学时, and the note as approved.
    await c.getByRole('link', { name: '我的学时' }).click();
    await c.waitForURL('**/hours');
    const ledger = await c.locator('main').textContent();
    expect(ledger).toContain('读书心得：《习近平新时代中国特色社会主义思想学习纲要（2023年版）》');
    expect(ledger).toContain('读书班心得');
    await fitsPhone(c);
    await c.goto(`/classes/${suite.seeded.classId}/notes`);
    expect(await c.locator('main').textContent()).toContain('读书心得通过 1/6 篇');
    cadre.assertNoConsoleErrors([/Failed to load resource: net::ERR_INTERNET_DISCONNECTED/]);
    trainer.assertNoConsoleErrors();
    await cadre.context.close();
    await trainer.context.close();
  });

  test('a draft left on the phone is restored on the next visit, and never silently replaces a newer version from another device', { timeout: 60_000 }, async () => {
    const { page, context, assertNoConsoleErrors } = await phonePage(chrome.browser, suite.server.baseUrl);
    await logInThroughForm(page, 'cadre008', DEMO_PASSWORD);
    const path = `/classes/${suite.seeded.classId}/notes/week-6-1`;
    await page.goto(path);
    await page.getByLabel('心得正文').fill('第一台设备上的开头。');
    await expect.poll(() => page.locator('[data-note-status]').textContent(), { timeout: 10_000 }).toContain('草稿已自动保存');
    const key = await page.evaluate(() => document.querySelector<HTMLElement>('[data-note-editor]')!.dataset);
    const storageKey = `jt-note:${key.userId}:${key.classId}:${key.readingKey}`;
    const base = await page.locator('[data-note-base]').inputValue();

    // Unsynced text written on this version of the note: restored and saved.
    await page.evaluate(([k, b, text]) => localStorage.setItem(k!, JSON.stringify({ body: text, base: b, savedAt: Date.now() })), [storageKey, base, NOTE_B]);
    await page.reload();
    expect(await page.getByLabel('心得正文').inputValue()).toBe(NOTE_B);
    await expect.poll(() => page.locator('[data-note-status]').textContent(), { timeout: 10_000 }).toContain('草稿已自动保存');

    // Unsynced text written on an older version: the cadre chooses; nothing is overwritten meanwhile.
    await page.evaluate(([k]) => localStorage.setItem(k!, JSON.stringify({ body: '旧设备上没同步的几句话。', base: '2000-01-01T00:00:00.000Z', savedAt: Date.now() })), [storageKey]);
    await page.reload();
    expect(await page.getByLabel('心得正文').inputValue()).toBe(NOTE_B);
    await expect.poll(() => page.locator('[data-note-choice]').isVisible()).toBe(true);
    expect(await page.locator('[data-note-choice]').textContent()).toContain('旧设备上没同步的几句话。');
    await fitsPhone(page);
    await page.getByRole('button', { name: '用本机草稿' }).click();
    await expect.poll(() => page.locator('[data-note-status]').textContent(), { timeout: 10_000 }).toContain('草稿已自动保存');
    await page.reload();
    expect(await page.getByLabel('心得正文').inputValue()).toBe('旧设备上没同步的几句话。');
    assertNoConsoleErrors();
    await context.close();
  });
});
