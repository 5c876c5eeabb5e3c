import { describe, expect, test } from 'vitest';
import { seedDemo } from '../../db/seed-demo.ts';
import { DEMO_PASSWORD } from '../../db/seeds/demo-county.ts';
import { logInThroughForm, useBrowser, phonePage, seriousAxeViolations } from '../support/browser.ts';
import { useServer } from '../support/suite.ts';

describe('the site shell in a phone browser', () => {
  const suite = useServer('sqlite', async ({ db }) => seedDemo(db));
  const chrome = useBrowser();

  test('a cadre logs in and sees their home page, marked as demo data, with no serious accessibility problems', async () => {
    const { page, context, assertNoConsoleErrors } = await phonePage(chrome.browser, suite.server.baseUrl);
    await page.goto('/');
    expect(new URL(page.url()).pathname).toBe('/login');
    expect(await seriousAxeViolations(page)).toEqual([]);

    await logInThroughForm(page, 'cadre001', DEMO_PASSWORD);
    expect(new URL(page.url()).pathname).toBe('/');
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toContain('您好');
    expect(await page.locator('.demo-banner').textContent()).toContain('演示数据');
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
    const nav = await page.getByRole('navigation', { name: '主导航' }).textContent();
    expect(nav).toContain('首页');
    expect(nav).not.toContain('人员');
    expect(await seriousAxeViolations(page)).toEqual([]);
    const fitsPhone = await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
    expect(fitsPhone).toBe(true);
    assertNoConsoleErrors();
    await context.close();
  });

  test('township staff log in and see only their township’s people', async () => {
    const { page, context, assertNoConsoleErrors } = await phonePage(chrome.browser, suite.server.baseUrl);
    await logInThroughForm(page, 'zhihe-staff', DEMO_PASSWORD);
    await expect(page.locator('main').textContent()).resolves.toContain('管理范围：芝河镇');
    await page.getByRole('link', { name: '人员', exact: true }).click();
    await page.waitForURL('**/people');
    const units = await page.locator('tbody tr td:nth-child(2)').allTextContents();
    expect(units.length).toBeGreaterThan(0);
    for (const unit of units) expect(['芝河镇', '城关社区', '河畔社区', '前庄村', '柳湾村']).toContain(unit);
    expect(await seriousAxeViolations(page)).toEqual([]);
    assertNoConsoleErrors();
    await context.close();
  });

  test('county staff see the whole county and can search people by name', async () => {
    const { page, context, assertNoConsoleErrors } = await phonePage(chrome.browser, suite.server.baseUrl, { width: 1280, height: 900 });
    await logInThroughForm(page, 'staff', DEMO_PASSWORD);
    await page.goto('/people');
    await expect(page.locator('.pager').textContent()).resolves.toMatch(/共 6\d 人/);
    await page.getByLabel('姓名或账号').fill('cadre059');
    await page.getByRole('button', { name: '筛选' }).click();
    await page.waitForURL('**/people?**');
    expect(await page.locator('tbody tr').count()).toBe(1);
    assertNoConsoleErrors();
    await context.close();
  });

  test('logging out returns to the login page and the old session no longer opens pages', async () => {
    const { page, context, assertNoConsoleErrors } = await phonePage(chrome.browser, suite.server.baseUrl);
    await logInThroughForm(page, 'cadre002', DEMO_PASSWORD);
    await Promise.all([page.waitForURL('**/login'), page.getByRole('button', { name: '退出' }).click()]);
    await page.goto('/account');
    expect(new URL(page.url()).pathname).toBe('/login');
    assertNoConsoleErrors();
    await context.close();
  });

  test('an unknown address shows the Chinese 404 page', async () => {
    const { page, context } = await phonePage(chrome.browser, suite.server.baseUrl);
    await logInThroughForm(page, 'cadre003', DEMO_PASSWORD);
    const res = await page.goto('/no-such-page');
    expect(res?.status()).toBe(404);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('页面不存在');
    await context.close();
  });
});
