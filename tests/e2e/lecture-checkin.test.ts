import jsQR from 'jsqr';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { addToRoster, awayFromRotation, insertClass, insertSession } from '../support/classes.ts';
import { makeCounty, makeUser, TEST_PASSWORD } from '../support/factories.ts';
import { logInThroughForm, phonePage, seriousAxeViolations, useBrowser } from '../support/browser.ts';
import { useServer } from '../support/suite.ts';

const DESKTOP = { width: 1280, height: 800 };

/**
 * Draws the projector's QR code onto a canvas in the page and decodes it with jsQR, as a phone camera
 * app would; also returns the link printed beside it at the same moment.
 */
async function readQr(page: Page): Promise<{ decoded: string | null; printed: string | undefined }> {
  const { data, size, printed } = await page.evaluate(async () => {
    const printed = document.querySelector<HTMLElement>('[data-checkin-url]')!.dataset.checkinUrl;
    const svg = document.querySelector('[data-qr] svg')!.cloneNode(true) as SVGElement;
    const side = 400;
    svg.setAttribute('width', String(side));
    svg.setAttribute('height', String(side));
    const img = new Image();
    img.src = 'data:image/svg+xml;charset=utf-8,' + encodeURIComponent(svg.outerHTML);
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = canvas.height = side;
    const ctx = canvas.getContext('2d')!;
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, side, side);
    ctx.drawImage(img, 0, 0, side, side);
    return { data: Array.from(ctx.getImageData(0, 0, side, side).data), size: side, printed };
  });
  return { decoded: jsQR(new Uint8ClampedArray(data), size, size)?.data ?? null, printed };
}

describe('a lecture in the hall: projector, a phone, the live page, closing', () => {
  const suite = useServer('sqlite', async ({ db }) => {
    const units = await makeCounty(db);
    const trainer = await makeUser(db, 'trainer', units.townA, { login: 'hall-trainer', name: '杜老师' });
    const cadre = await makeUser(db, 'cadre', units.villageA, { login: 'hall-cadre', name: '王建国' });
    const other = await makeUser(db, 'cadre', units.villageA, { login: 'hall-other', name: '李红梅' });
    const classId = await insertClass(db, { orgUnitId: units.townA, trainerId: trainer.id, title: '甲镇干部大讲堂' });
    await addToRoster(db, classId, [cadre.id, other.id]);
    const sessionId = await insertSession(db, classId, { topic: '乡村振兴与文旅融合', hoursTenths: 20 });
    return { cadre, classId, sessionId };
  });
  const chrome = useBrowser();

  test('the trainer projects the QR code, a cadre checks in on a phone with the link read from it, the live page shows them, closing credits their hours', async () => {
    const { classId, sessionId, cadre } = suite.seeded;
    const base = suite.server.baseUrl;
    const trainer = await phonePage(chrome.browser, base, DESKTOP);
    await logInThroughForm(trainer.page, 'hall-trainer', TEST_PASSWORD);
    const live = await trainer.context.newPage();
    const liveErrors: string[] = [];
    live.on('console', (msg) => msg.type() === 'error' && liveErrors.push(msg.text()));
    live.on('pageerror', (err) => liveErrors.push(err.message));
    await live.goto(`/classes/${classId}/sessions/${sessionId}`);
    expect(await live.locator(`tr[data-user="${cadre.id}"]`).getAttribute('data-status')).toBe('pending');

    const projector = trainer.page;
    await projector.goto(`/classes/${classId}/sessions/${sessionId}/projector`);
    expect(await projector.getByRole('heading', { level: 1 }).textContent()).toBe('乡村振兴与文旅融合');
    expect(await seriousAxeViolations(projector)).toEqual([]);
    await awayFromRotation(8000);
    const url = (await projector.locator('[data-checkin-url]').getAttribute('data-checkin-url'))!;
    expect(url).toMatch(new RegExp(`^${base}/checkin/${sessionId}\\?c=\\d{6}$`));
    const qr = await readQr(projector);
    expect(qr.decoded).toBe(qr.printed);
    expect((await projector.locator('[data-code]').textContent())!.replace(' ', '')).toBe(new URL(url).searchParams.get('c'));

    const phone = await phonePage(chrome.browser, base);
    await logInThroughForm(phone.page, 'hall-cadre', TEST_PASSWORD);
    const scanned = (await projector.locator('[data-checkin-url]').getAttribute('data-checkin-url'))!;
    await phone.page.goto(scanned);
    expect(await phone.page.getByRole('heading', { level: 1 }).textContent()).toBe('签到成功');
    expect(await phone.page.getByRole('status').textContent()).toContain('甲镇干部大讲堂：乡村振兴与文旅融合');
    expect(await seriousAxeViolations(phone.page)).toEqual([]);
    expect(await phone.page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await phone.page.goto(scanned);
    expect(await phone.page.getByRole('heading', { level: 1 }).textContent()).toBe('您已签到');

    // The live page, opened before the scan, updates itself.
    await live.locator(`tr[data-user="${cadre.id}"][data-status="present"]`).waitFor({ timeout: 15_000 });
    expect(await live.locator(`tr[data-user="${cadre.id}"]`).textContent()).toContain('已签到（扫码）');
    await projector.locator('[data-count]', { hasText: '已签到 1 / 2 人' }).waitFor({ timeout: 15_000 });
    expect(await seriousAxeViolations(live)).toEqual([]);

    await Promise.all([live.waitForURL('**/sessions/*?done=closed-1*'), live.getByRole('button', { name: '结束考勤并记学时' }).click()]);
    expect(await live.getByRole('status').first().textContent()).toContain('1 名到场学员的学时已记入台账');
    expect(await live.locator(`tr[data-user]`).evaluateAll((rows) => rows.map((r) => r.getAttribute('data-status')))).toEqual(['present', 'absent']);

    await phone.page.goto('/');
    await Promise.all([phone.page.waitForURL('**/hours'), phone.page.getByRole('link', { name: '我的学时' }).click()]);
    const ledger = phone.page.locator('tbody tr', { hasText: '甲镇干部大讲堂：乡村振兴与文旅融合' });
    expect(await ledger.textContent()).toContain('干部大讲堂');
    expect(await ledger.locator('td[data-label="学时"]').textContent()).toBe('2');
    expect(await seriousAxeViolations(phone.page)).toEqual([]);

    trainer.assertNoConsoleErrors();
    expect(liveErrors).toEqual([]);
    phone.assertNoConsoleErrors();
    await trainer.context.close();
    await phone.context.close();
  });
});
