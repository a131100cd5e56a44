// The README's screenshots (docs/screenshots/*.png): a Qingdao household paying for 2027 on 2026-12-01, when its
// amounts are carried from 2026, on a 360 px phone and on a desktop. dist/yibao.html from file://, the network cut
// off, the clock set, as in the tests. usage: node tests/web/screenshots.mjs   (after make page)
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { launch, openPage } from './browser.mjs';
import { card, qingdao } from './households.mjs';

const out = new URL('../../docs/screenshots/', import.meta.url).pathname;
mkdirSync(out, { recursive: true });
const browser = await launch();

async function shoot(viewport, shots) {
  const { context, page, problems } = await openPage(browser, { now: new Date('2026-12-01T10:00:00+08:00'), viewport,
    deviceScaleFactor: 2 });
  try {
    await page.waitForSelector('body[data-state]');
    await qingdao(page);
    // Wait for the spoken summary and the QR code, so that nothing is still changing.
    await page.waitForFunction(() => document.getElementById('summary').textContent !== '');
    await page.waitForSelector('#qr-figure:not([aria-busy])');
    for (const [name, locator] of shots(page)) {
      await locator.scrollIntoViewIfNeeded();
      await locator.screenshot({ path: `${out}${name}.png`, animations: 'disabled' });
      console.log(`docs/screenshots/${name}.png`);
    }
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
}

// On a phone: 小孙's result, then the household's notice, totals and deadline.
await shoot({ width: 360, height: 740 }, (page) => [
  ['qingdao-2027-phone-member', card(page, 2).locator('.outcome')],
  ['qingdao-2027-phone-household', page.locator('#household')],
]);
// On a desktop: the year question and the ruleset hint, and the results.
await shoot({ width: 1024, height: 900 }, (page) => [
  ['qingdao-2027-desktop-setting', page.locator('section[aria-labelledby="h-setting"]')],
  ['qingdao-2027-desktop-results', page.locator('section[aria-labelledby="h-results"]')],
]);
await browser.close();
