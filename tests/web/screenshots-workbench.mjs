// The README's screenshots of the rules workbench (docs/screenshots/workbench-*.png): qingdao-2025 being made
// from qingdao-2024, and qingdao-2026's waiting period, on a desktop. dist/rules.html from file://, the network
// cut off, as in the tests.
// usage: node tests/web/screenshots-workbench.mjs   (after make page)
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { launch, openPage } from './browser.mjs';
import { group, make2025, settle } from './workbench-steps.mjs';

const out = new URL('../../docs/screenshots/', import.meta.url).pathname;
mkdirSync(out, { recursive: true });
const url = pathToFileURL(new URL('../../dist/rules.html', import.meta.url).pathname).href;
const browser = await launch();
const { context, page, problems } = await openPage(browser, { url, viewport: { width: 1024, height: 900 }, deviceScaleFactor: 1 });
await page.waitForSelector('body[data-state="ready"]');
await page.getByRole('button', { name: /qingdao-2024/ }).click();
await settle(page);
// The top of the page as the author first sees it: the error summary and the buttons that start a ruleset.
await page.screenshot({ path: `${out}workbench-start.png` });
console.log('docs/screenshots/workbench-start.png');
await context.close();

const second = await openPage(browser, { url, viewport: { width: 1024, height: 900 }, deviceScaleFactor: 1 });
await second.page.waitForSelector('body[data-state="ready"]');
await make2025(second.page);
const shot = async (name, locator) => {
  await locator.scrollIntoViewIfNeeded();
  await locator.screenshot({ path: `${out}${name}.png`, animations: 'disabled' });
  console.log(`docs/screenshots/${name}.png`);
};
// The outermost box of 成年居民（一档）, the third contribution.
await shot('workbench-amount', group(second.page, '成年居民（一档）').first());
await shot('workbench-preview', second.page.locator('#preview'));
await second.context.close();

// A waiting-period part of qingdao-2026 standing on two quotes.
const third = await openPage(browser, { url, viewport: { width: 1024, height: 900 }, deviceScaleFactor: 1 });
await third.page.waitForSelector('body[data-state="ready"]');
await third.page.getByRole('button', { name: /（qingdao-2026）/ }).click();
await settle(third.page);
// Its own box, the one whose legend is its name: group() finds every box holding that legend, the whole waiting
// period first.
const own = (page, legend) => page.locator('fieldset.group').filter({ has: page.locator('xpath=./legend', { hasText: new RegExp(`^${legend}$`) }) });
await shot('workbench-waiting', own(third.page, '断保增加的等待期'));
assert.deepEqual([...problems, ...second.problems, ...third.problems], []);
await third.context.close();
await browser.close();
