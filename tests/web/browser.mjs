// Debian's Chromium driven by playwright-core, with nothing allowed off the machine (docs/toolchain.md says how).
import assert from 'node:assert/strict';
import { pathToFileURL } from 'node:url';
import { AxeBuilder } from '@axe-core/playwright';
import { chromium } from 'playwright-core';

export const pageUrl = pathToFileURL(new URL('../../dist/yibao.html', import.meta.url).pathname).href;
// The staff page (批量测算).
export const batchUrl = pathToFileURL(new URL('../../dist/batch.html', import.meta.url).pathname).href;

// Playwright gives each launch a fresh profile directory; the flags keep Chromium from calling out.
const quietFlags = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export function launch(extraArgs = []) {
  return chromium.launch({ executablePath: '/usr/bin/chromium', args: [...quietFlags, ...extraArgs] });
}

// axe over a page by axe.run in the page itself (legacy mode). Its default runs axe.runPartial, then carries the
// partial results into a new blank page for axe.finishRun, which took as long again on the workbench's 6,500
// elements (23–28 s against 42–70 s, the same passes and violations): that mode is for cross-origin frames, and
// none of the pages has a frame.
export const axe = (page) => new AxeBuilder({ page }).setLegacyMode(true);

// A request never carries the fragment.
const withoutFragment = (address) => address.replace(/#.*$/, '');

// Opens `url` in a new context where every other request (but those in `allow`) is aborted and recorded, and
// console errors are kept. `now` fixes the page's clock (and so the default payment date); `init` runs in the
// page before its own scripts; `before(page)` runs before it is opened (e.g. to slow its CPU); other options go
// to newContext.
export async function openPage(browser, { url = pageUrl, allow = [], now, init, before, ...options } = {}) {
  const context = await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai', ...options });
  const requests = [];
  context.on('request', (request) => requests.push(request.url()));
  const allowed = new Set([url, ...allow].map(withoutFragment));
  await context.route('**/*', (route) => (allowed.has(withoutFragment(route.request().url()))
    ? route.continue() : route.abort()));
  if (now) await context.clock.setFixedTime(now);
  if (init) await context.addInitScript(init);
  const page = await context.newPage();
  const problems = [];
  page.on('console', (message) => { if (message.type() === 'error') problems.push(message.text()); });
  page.on('pageerror', (error) => problems.push(error.message));
  page.on('crash', () => problems.push('the page crashed'));
  if (before) await before(page);
  await page.goto(url);
  return { context, page, requests, problems };
}

// Opens the page (see openPage), waits for `wait` (by default its first answer) and runs `check`; then every
// request must have been the page itself (and those in `allow`) and nothing may have logged an error (a CSP
// violation would be one).
export async function withPage(browser, { wait = 'body[data-state]', ...options }, check) {
  const { context, page, requests, problems } = await openPage(browser, options);
  try {
    await page.waitForSelector(wait);
    await check(page, context);
    const expected = [options.url || pageUrl, ...(options.allow || [])].map(withoutFragment);
    assert.deepEqual([...new Set(requests.map(withoutFragment))].sort(), [...new Set(expected)].sort(),
      `requests: ${requests.join(', ')}`);
    assert.deepEqual(problems, [], `console: ${problems.join(' | ')}`);
  } finally {
    await context.close();
  }
}

// Follows a link by the keyboard (Enter on it) and waits for the page it opens, then for `wait` there: unlike a
// click, the key does not depend on where the link is once the sections around it are laid out.
export async function followLink(page, link, wait = 'body[data-state="ready"]') {
  const href = await link.evaluate((a) => a.href);
  await link.press('Enter');
  try {
    await page.waitForURL((url) => withoutFragment(url.href) === withoutFragment(href));
    await page.waitForSelector(wait);
  } catch (error) {
    const state = await page.evaluate(() => document.body && document.body.dataset.state).catch(() => 'unreadable');
    throw new Error(`${href}: at ${page.url()}, its state ${state}: ${error.message}`, { cause: error });
  }
}

// A moment of a day in China (UTC+8), for a page's clock.
export const at = (iso) => new Date(`${iso}T10:00:00+08:00`);
// A share link's household as its fragment encodes it.
export const base64url = (value) => Buffer.from(JSON.stringify(value)).toString('base64url');
// The n-th member card of the form.
export const card = (page, n) => page.locator('#members > li').nth(n);
// Adds a member by its preset button (+ 老人) and types its birth date: a preset suggests an age, never a date.
export async function addMember(page, preset, birth) {
  await page.getByRole('button', { name: `+ ${preset}` }).click();
  await page.locator('#members > li').last().getByLabel('出生日期').fill(birth);
}
// A member's figures as {类别: ..., 个人缴费: ...}.
export function figures(scope) {
  return scope.locator('dl.figures').first().evaluate((dl) => Object.fromEntries(
    [...dl.querySelectorAll('dt')].map((dt) => [dt.textContent, dt.nextElementSibling.textContent])));
}
