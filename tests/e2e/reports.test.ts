import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import { describe, expect, test } from 'vitest';
import { seedDemo } from '../../db/seed-demo.ts';
import { DEMO_PASSWORD } from '../../db/seeds/demo-county.ts';
import { logInThroughForm, phonePage, seriousAxeViolations, useBrowser } from '../support/browser.ts';
import { useServer } from '../support/suite.ts';

describe('township staff check completion on a phone', () => {
  const suite = useServer('sqlite', async ({ db }) => seedDemo(db));
  const chrome = useBrowser();

  test('filters the report, drills down to a village and its cadres, and downloads the xlsx', { timeout: 90_000 }, async () => {
    const { page, context, assertNoConsoleErrors } = await phonePage(chrome.browser, suite.server.baseUrl);
    await logInThroughForm(page, 'zhihe-staff', DEMO_PASSWORD);
    await page.getByRole('link', { name: '完成情况' }).click();
    await page.waitForURL('**/reports');
    const main = page.locator('main');
    expect(await main.textContent()).toContain('范围：芝河镇');
    // Another township is not even offered.
    expect(await page.locator('select[name=orgUnit] option').allTextContents()).not.toContain('桑壁镇');
    expect(await seriousAxeViolations(page)).toEqual([]);

    await page.locator('select[name=orgUnit]').selectOption({ label: '　前庄村' });
    await Promise.all([page.waitForURL('**/reports?**'), page.getByRole('button', { name: '查看' }).click()]);
    expect(await main.textContent()).toContain('范围：前庄村');
    await page.goto('/reports');
    await page.getByRole('link', { name: '柳湾村明细' }).click();
    await page.waitForURL('**/reports?**orgUnit=*');
    const names = await page.locator('table.cards tbody tr td:first-child a:first-child').allTextContents();
    expect(names.length).toBeGreaterThan(0);
    expect(await seriousAxeViolations(page)).toEqual([]);

    // The cadre's name opens their learning archive.
    const [firstName] = names;
    await page.getByRole('link', { name: firstName!, exact: true }).click();
    await page.waitForURL('**/people/*');
    expect(await main.textContent()).toContain(firstName!);
    await page.goBack();

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: '导出 Excel' }).click()]);
    expect(download.suggestedFilename()).toMatch(/柳湾村-\d{4}\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await readFile((await download.path())!)) as unknown as ExcelJS.Buffer);
    const sheet = workbook.getWorksheet('干部明细')!;
    expect((sheet.getRow(1).values as unknown[]).slice(1, 3)).toEqual(['单位', '姓名']);
    const exported = sheet.getRows(2, sheet.rowCount - 1)!.map((r) => r.getCell(2).value);
    expect(exported.sort()).toEqual([...names].sort());
    assertNoConsoleErrors();
    await context.close();
  });
});
