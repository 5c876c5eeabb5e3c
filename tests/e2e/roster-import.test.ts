import { readFile } from 'node:fs/promises';
import { describe, expect, test } from 'vitest';
import { seedDemo } from '../../db/seed-demo.ts';
import { DEMO_PASSWORD } from '../../db/seeds/demo-county.ts';
import { logInThroughForm, phonePage, seriousAxeViolations, useBrowser } from '../support/browser.ts';
import { readWorkbook, rosterOf, XLSX } from '../support/roster-files.ts';
import { useServer } from '../support/suite.ts';

describe('township staff import a roster on a phone', () => {
  const suite = useServer('sqlite', async ({ db }) => seedDemo(db));
  const chrome = useBrowser();

  test('downloads the template, uploads a file with a row outside the township, fixes it, previews, applies and sees the new passwords', async () => {
    const { page, context, assertNoConsoleErrors } = await phonePage(chrome.browser, suite.server.baseUrl);
    const fitsPhone = () => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
    await logInThroughForm(page, 'zhihe-staff', DEMO_PASSWORD);
    await page.goto('/people');
    await Promise.all([page.waitForURL('**/people/import'), page.getByRole('link', { name: '从 Excel 导入干部名单' }).click()]);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('导入干部名单');
    expect(await seriousAxeViolations(page)).toEqual([]);
    expect(await fitsPhone()).toBe(true);

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: '下载导入模板' }).first().click()]);
    expect(download.suggestedFilename()).toBe('干部名单导入模板-芝河镇.xlsx');
    const template = await readWorkbook(await readFile((await download.path())!));
    const units = template.getWorksheet('单位名单')!.getColumn(1).values.slice(2);
    expect(units).toEqual(expect.arrayContaining(['芝河镇', '前庄村', '柳湾村']));
    expect(units).not.toContain('石坪村');

    const upload = async (bytes: Uint8Array) => {
      await page.getByLabel('名单文件（.xlsx）').setInputFiles({ name: '芝河镇新任干部.xlsx', mimeType: XLSX, buffer: Buffer.from(bytes) });
      await Promise.all([page.waitForURL('**/people/import?step=preview'), page.getByRole('button', { name: '上传并预览' }).click()]);
    };
    await upload(await rosterOf([['刘晓燕', 13935700001, '前庄村', '村委会委员'], ['韩立新', 13935700002, '石坪村', '到村工作大学生']]));
    const alert = page.getByRole('alert');
    expect(await alert.textContent()).toContain('共 1 行、1 处问题');
    const problem = page.locator('tbody tr').first();
    expect(await problem.textContent()).toContain('第 3 行');
    expect(await problem.textContent()).toContain('单位');
    expect(await problem.textContent()).toContain('单位“石坪村”不在您的管理范围内。');
    expect(await seriousAxeViolations(page)).toEqual([]);
    expect(await fitsPhone()).toBe(true);

    await upload(await rosterOf([['刘晓燕', 13935700001, '前庄村', '村委会委员'], ['韩立新', 13935700002, '柳湾村', '到村工作大学生']]));
    expect(await page.getByRole('status').textContent()).toContain('将新建 2 人，修改 0 人');
    expect(await page.locator('tbody').textContent()).toContain('韩立新');
    expect(await seriousAxeViolations(page)).toEqual([]);
    expect(await fitsPhone()).toBe(true);

    await Promise.all([page.waitForURL('**/people/import?step=apply'), page.getByRole('button', { name: '确认导入' }).click()]);
    expect(await page.getByRole('status').textContent()).toContain('导入完成：新建 2 人，修改 0 人');
    const accounts = page.locator('tbody tr');
    expect(await accounts.count()).toBe(2);
    expect(await accounts.nth(1).textContent()).toContain('13935700002');
    const password = (await accounts.nth(1).locator('code').textContent())!;
    expect(password).toMatch(/^[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}$/);
    expect(await seriousAxeViolations(page)).toEqual([]);
    expect(await fitsPhone()).toBe(true);
    // The page with the row problems is answered 422 on purpose; Chromium logs any 4xx document.
    assertNoConsoleErrors([/status of 422/]);
    await context.close();

    expect((await suite.client().post('/api/v1/auth/login', { login: '13935700002', password })).status).toBe(200);
  });
});
