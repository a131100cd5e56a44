// Debian's Chromium driven by playwright-core, with nothing allowed off the machine (see shared TOOLCHAIN.md).
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

export const pageUrl = pathToFileURL(new URL('../../dist/yibao.html', import.meta.url).pathname).href;

// Playwright gives each launch a fresh profile directory; the flags keep Chromium from calling out.
const quietFlags = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export function launch(extraArgs = []) {
  return chromium.launch({ executablePath: '/usr/bin/chromium', args: [...quietFlags, ...extraArgs] });
}

// Opens `url` in a new context where every other request is aborted and recorded, and console errors are kept.
// `now` fixes the page's clock (and so the default payment date); `init` runs in the page before its own
// scripts; other options go to newContext.
export async function openPage(browser, { url = pageUrl, now, init, ...options } = {}) {
  const context = await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai', ...options });
  const requests = [];
  context.on('request', (request) => requests.push(request.url()));
  await context.route('**/*', (route) => (route.request().url() === url ? route.continue() : route.abort()));
  if (now) await context.clock.setFixedTime(now);
  if (init) await context.addInitScript(init);
  const page = await context.newPage();
  const problems = [];
  page.on('console', (message) => { if (message.type() === 'error') problems.push(message.text()); });
  page.on('pageerror', (error) => problems.push(error.message));
  await page.goto(url);
  return { context, page, requests, problems };
}
