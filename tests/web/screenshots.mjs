// The README's screenshots (docs/screenshots/*.png): a Qingdao household paying for 2027 on 2026-12-01, when its
// amounts are carried from 2026, on a 360 px phone and on a desktop; the 2027 family of 2026-12-06 (a baby born
// 2026-11-20 among them) in 大字模式 on a 360 px phone; a 红塔区 grandmother in two groups (就高), the same; and the staff page after a roster. dist/yibao.html from file://, the network cut
// off, the clock set, as in the tests. usage: node tests/web/screenshots.mjs   (after make page)
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { addMember, batchUrl, card, launch, openPage } from './browser.mjs';
import { qingdao } from './households.mjs';

const out = new URL('../../docs/screenshots/', import.meta.url).pathname;
mkdirSync(out, { recursive: true });
const browser = await launch();

// The family of issue 21: a mother, a grandfather, a pupil, a college student and a baby born 2026-11-20.
async function family2027(page) {
  await page.getByRole('button', { name: '大字模式' }).click();
  await card(page, 0).getByLabel('称呼').fill('妈妈');
  await card(page, 0).getByLabel('出生日期').fill('1992-03-01');
  for (const [preset, birth] of [['老人', '1956-03-01'], ['中小学生', '2016-09-01'], ['大学生', '2006-09-01'],
    ['新生儿', '2026-11-20']]) await addMember(page, preset, birth);
  await card(page, 4).getByLabel('称呼').fill('宝宝');
  await page.waitForSelector('body[data-state="result"]');
}

async function shoot(viewport, shots, { day = '2026-12-01', household = qingdao } = {}) {
  const { context, page, problems } = await openPage(browser, { now: new Date(`${day}T10:00:00+08:00`), viewport,
    deviceScaleFactor: 2 });
  try {
    await page.waitForSelector('body[data-state]');
    await household(page);
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
// 大字模式 on a phone, on 2026-12-06: the baby's card (its own year 2026 to pay too) and the household.
await shoot({ width: 360, height: 740 }, (page) => [
  ['family-2027-large-baby', card(page, 4).locator('.outcome')],
  ['family-2027-large-household', page.locator('#household')],
], { day: '2026-12-06', household: family2027 });
// 大字模式 on a phone, on 2025-11-01 in 红塔区: a grandmother in two of its groups, 就高 (issue 23).
await shoot({ width: 360, height: 740 }, (page) => [['hongta-2026-large-jiugao', card(page, 0)]], { day: '2025-11-01',
  household: async (page) => {
    await page.getByRole('button', { name: '大字模式' }).click();
    await page.locator('#ruleset').selectOption({ label: '玉溪市红塔区' });
    await card(page, 0).getByLabel('称呼').fill('奶奶');
    await card(page, 0).getByLabel('出生日期').fill('1958-04-02');
    for (const name of [/180元/, /120元/]) await card(page, 0).getByRole('checkbox', { name }).check();
    await page.waitForSelector('body[data-state="result"]');
  } });

// The staff page after a Shenyang 2026 roster.
{
  const { context, page } = await openPage(browser, { url: batchUrl, now: new Date('2026-12-06T10:00:00+08:00'),
    viewport: { width: 1024, height: 900 }, deviceScaleFactor: 1 });
  await page.waitForSelector('#batch-ruleset option', { state: 'attached' });
  await page.getByLabel('参保地').selectOption('shenyang-2026');
  await page.getByLabel('默认缴费日期').fill('2025-11-15');
  await page.getByLabel('选择名单文件').setInputFiles(new URL('../rosters/shenyang-2026.csv', import.meta.url).pathname);
  await page.waitForSelector('#batch[data-state="done"]');
  await page.locator('#batch').screenshot({ path: `${out}staff-page.png` });
  console.log('docs/screenshots/staff-page.png');
  await context.close();
}
await browser.close();
