import { readFile } from 'node:fs/promises';
import { extractText, getDocumentProxy } from 'unpdf';
import { describe, expect, test } from 'vitest';
import { seedDemo } from '../../db/seed-demo.ts';
import { DEMO_PASSWORD } from '../../db/seeds/demo-county.ts';
import { logInThroughForm, phonePage, seriousAxeViolations, useBrowser } from '../support/browser.ts';
import { QUIZ_COURSE, rightChoices } from '../support/quiz-key.ts';
import { useServer } from '../support/suite.ts';

const LOGIN = 'cadre021';

describe('a cadre passes a quiz and downloads the certificate', () => {
  const suite = useServer('sqlite', async ({ db }) => {
    await seedDemo(db);
    const user = await db.selectFrom('users').select(['id', 'name']).where('login', '=', LOGIN).executeTakeFirstOrThrow();
    const stamp = new Date().toISOString();
    // The lessons are done (the study path has its own browser test); the quiz is what this test walks.
    await db.insertInto('enrollments').values({ id: 'e2e-quiz', user_id: user.id, course_id: QUIZ_COURSE, origin: 'self', required: 0, assigned_by: null, due_on: null, enrolled_at: stamp, lessons_completed_at: stamp, last_lesson_id: null, last_studied_at: null }).execute();
    return { name: user.name };
  });
  const chrome = useBrowser();

  test('answers the drawn paper on a phone, passes, sees the hours credited, downloads the PDF and verifies it', { timeout: 90_000 }, async () => {
    const { page, context, assertNoConsoleErrors } = await phonePage(chrome.browser, suite.server.baseUrl);
    await logInThroughForm(page, LOGIN, DEMO_PASSWORD);

    await page.goto(`/courses/${QUIZ_COURSE}`);
    await page.getByRole('link', { name: '参加结业测验' }).click();
    await page.waitForURL(`**/courses/${QUIZ_COURSE}/quiz`);
    await Promise.all([page.waitForURL(`**/courses/${QUIZ_COURSE}/quiz`), page.getByRole('button', { name: '开始测验' }).click()]);
    expect(await seriousAxeViolations(page)).toEqual([]);

    const questions = page.locator('fieldset');
    expect(await questions.count()).toBe(4);
    for (const fieldset of await questions.all()) {
      const inputs = fieldset.locator('input');
      const questionId = (await inputs.first().getAttribute('name'))!.slice('q-'.length);
      const options = (await fieldset.locator('label').allTextContents()).map((t) => t.trim().replace(/^[A-H]\.\s*/, ''));
      for (const position of rightChoices({ questionId, options })) await inputs.nth(position).check();
    }
    await Promise.all([page.waitForURL('**/quiz?attempt=*'), page.getByRole('button', { name: '提交答卷' }).click()]);
    const result = await page.locator('main').textContent();
    expect(result).toContain('得分 100 分 · 通过');
    expect(result).toContain('课程已完成，学时已计入');
    expect(result).toContain('测试解析');
    expect(await seriousAxeViolations(page)).toEqual([]);

    await page.goto('/hours');
    expect(await page.locator('main').textContent()).toContain('测试课程：测验');

    await page.goto('/certificates');
    await page.getByRole('link', { name: '测试课程：测验' }).click();
    await page.waitForURL('**/certificates/*-*-*');
    expect(await page.locator('main').textContent()).toContain(suite.seeded.name);
    expect(await seriousAxeViolations(page)).toEqual([]);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: '下载 PDF' }).click()]);
    const bytes = await readFile((await download.path())!);
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    const { text } = await extractText(await getDocumentProxy(new Uint8Array(bytes)), { mergePages: true });
    expect(text.replace(/\s+/g, '')).toContain(`${suite.seeded.name}同志`);

    await page.getByRole('link', { name: '验证页面' }).click();
    await page.waitForURL('**/verify/*');
    const verified = await page.locator('main').textContent();
    expect(verified).toContain('有效');
    expect(verified).toContain(suite.seeded.name);
    assertNoConsoleErrors();
    await context.close();
  });
});
