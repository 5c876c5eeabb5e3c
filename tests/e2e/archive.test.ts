import { describe, expect, test } from 'vitest';
import { seedDemo } from '../../db/seed-demo.ts';
import { DEMO_PASSWORD } from '../../db/seeds/demo-county.ts';
import { logInThroughForm, phonePage, seriousAxeViolations, useBrowser } from '../support/browser.ts';
import { useServer } from '../support/suite.ts';

describe('staff correct hours and set targets on a phone', () => {
  const suite = useServer('sqlite', async ({ db }) => seedDemo(db));
  const chrome = useBrowser();

  test('opens the cadre’s archive from the people list, adds an adjustment with a reason and sees it in the ledger', async () => {
    const { page, context, assertNoConsoleErrors } = await phonePage(chrome.browser, suite.server.baseUrl);
    await logInThroughForm(page, 'zhihe-staff', DEMO_PASSWORD);

    await page.goto('/people');
    await page.getByLabel('姓名或账号').fill('cadre001');
    await Promise.all([page.waitForURL('**/people?**'), page.getByRole('button', { name: '筛选' }).click()]);
    await Promise.all([page.waitForURL('**/people/*'), page.getByRole('link', { name: '王建军' }).click()]);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('学习档案：王建军');
    expect(await seriousAxeViolations(page)).toEqual([]);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(390);

    await page.getByLabel('调整学时').fill('2.5');
    await page.getByLabel('调整原因').fill('参加市委党校调训，凭结业证书补记');
    await Promise.all([page.waitForURL('**/people/*?done=adjusted*'), page.getByRole('button', { name: '记入台账' }).click()]);
    expect(await page.getByRole('status').textContent()).toContain('学时调整已记入台账');
    const ledger = page.locator('#ledger');
    expect(await ledger.textContent()).toContain('参加市委党校调训，凭结业证书补记');
    expect(await ledger.textContent()).toContain('经办：');
    expect(await ledger.getByRole('heading', { level: 3 }).first().textContent()).toMatch(/2\.5 学时/);
    expect(await seriousAxeViolations(page)).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    assertNoConsoleErrors();
    await context.close();
  });

  test('county staff set a target for a position on the targets page', async () => {
    const { page, context, assertNoConsoleErrors } = await phonePage(chrome.browser, suite.server.baseUrl);
    await logInThroughForm(page, 'staff', DEMO_PASSWORD);
    await page.getByRole('link', { name: '学时目标' }).click();
    await page.waitForURL('**/targets');
    const form = page.locator('#form-position');
    await form.getByLabel('职务').selectOption({ index: 1 });
    const position = await form.getByLabel('职务').inputValue();
    await form.getByLabel('全年总学时').fill('60');
    await form.getByLabel('其中必修学时').fill('25');
    await Promise.all([page.waitForURL('**/targets?*done=saved'), form.getByRole('button', { name: '保存' }).click()]);
    const row = page.locator('tbody tr', { hasText: position });
    expect(await row.textContent()).toContain('60');
    expect(await seriousAxeViolations(page)).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    assertNoConsoleErrors();
    await context.close();
  });
});
