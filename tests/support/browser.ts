import { createRequire } from 'node:module';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { CHROMIUM_PATH } from './ensure-chromium.ts';

export const PHONE = { width: 390, height: 844 };

/** Headless Debian Chromium with the flags this closed network needs. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/**
 * A page on a phone-sized viewport that records console errors and failed page scripts;
 * call `assertNoConsoleErrors()` at the end of a test.
 */
export async function phonePage(browser: Browser, baseURL: string, viewport = PHONE) {
  const context = await browser.newContext({ viewport, baseURL, locale: 'zh-CN', deviceScaleFactor: 2, isMobile: viewport.width < 600, hasTouch: viewport.width < 600 });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(msg.text());
  });
  page.on('pageerror', (err) => errors.push(err.message));
  return {
    page,
    context,
    errors,
    assertNoConsoleErrors(allowed: RegExp[] = []) {
      const unexpected = errors.filter((e) => !allowed.some((re) => re.test(e)));
      if (unexpected.length) throw new Error(`Unexpected console errors:\n${unexpected.join('\n')}`);
    },
  };
}

const axePath = createRequire(import.meta.url).resolve('axe-core');

/** Runs axe-core in the page and returns the serious and critical WCAG 2 A/AA violations. */
export async function seriousAxeViolations(page: Page) {
  await page.addScriptTag({ path: axePath });
  const result = await page.evaluate(async () => {
    // @ts-expect-error axe is injected above
    const r = await window.axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] });
    return r.violations.map((v: { id: string; impact: string; nodes: unknown[]; help: string }) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.length }));
  });
  return result.filter((v: { impact: string }) => v.impact === 'serious' || v.impact === 'critical');
}

/** Logs in through the real form. */
export async function logInThroughForm(page: Page, login: string, password: string) {
  await page.goto('/login');
  await page.getByLabel('账号').fill(login);
  await page.getByLabel('密码').fill(password);
  await Promise.all([page.waitForURL((url) => !url.pathname.startsWith('/login')), page.getByRole('button', { name: '登录' }).click()]);
}

/** One Chromium for a describe block: launched before its tests, closed after them. */
export function useBrowser(): { readonly browser: Browser } {
  const holder = {} as { browser: Browser };
  beforeAll(async () => {
    holder.browser = await launchBrowser();
  });
  afterAll(async () => {
    await holder.browser?.close();
  });
  return holder;
}
