import { describe, expect, test } from 'vitest';
import { seedDemo } from '../../db/seed-demo.ts';
import { DEMO_PASSWORD } from '../../db/seeds/demo-county.ts';
import { logInThroughForm, useBrowser, phonePage, seriousAxeViolations } from '../support/browser.ts';
import { useServer } from '../support/suite.ts';

describe('a cadre studies on a phone', () => {
  const suite = useServer('sqlite', async ({ db }) => seedDemo(db));
  const chrome = useBrowser();

  test('finds a course by searching in Chinese, enrols, studies a lesson until its minute is met, and sees progress', { timeout: 150_000 }, async () => {
    const { page, context, assertNoConsoleErrors } = await phonePage(chrome.browser, suite.server.baseUrl);
    await logInThroughForm(page, 'cadre010', DEMO_PASSWORD);

    await page.goto('/courses');
    await page.getByRole('searchbox').fill('瓦窑堡');
    await Promise.all([page.waitForURL('**/courses?**'), page.getByRole('searchbox').press('Enter')]);
    expect(await page.locator('main').textContent()).toContain('红军东征与永和');

    await page.goto(`/courses?q=${encodeURIComponent('短课')}`);
    await page.getByRole('link', { name: /测试课程：短课/ }).first().click();
    await page.waitForURL('**/courses/fixture-short');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await Promise.all([page.waitForURL('**/courses/fixture-short#enrollment'), page.getByRole('button', { name: '报名学习' }).click()]);
    expect(await page.locator('#enrollment').textContent()).toContain('学习进度 0%');

    await page.locator('#enrollment').getByRole('link', { name: /开始学习/ }).click();
    await page.waitForURL('**/courses/fixture-short/first-minute');
    expect(await seriousAxeViolations(page)).toEqual([]);
    // Keep the reader "active" while the server's clock runs; beats go every 20 s.
    await expect
      .poll(
        async () => {
          await page.mouse.wheel(0, 40);
          return page.locator('[data-study-status]').textContent();
        },
        { timeout: 110_000, interval: 5_000 },
      )
      .toContain('本课时已完成');
    expect(await page.locator('[data-study-label]').textContent()).toMatch(/已学 1 分钟/);

    await page.goto('/courses/fixture-short');
    expect(await page.locator('#enrollment').textContent()).toContain('已完成 1/2 课');
    await page.goto('/');
    expect(await page.locator('main').textContent()).toContain('测试课程：短课');
    expect(await page.getByRole('link', { name: '从上次停下的地方继续' }).count()).toBe(1);
    assertNoConsoleErrors();
    await context.close();
  });
});
