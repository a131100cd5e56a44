// A page whose rulesets data block holds a broken ruleset (a negative individual_fen): the good cities still work
// and the notice names the broken ruleset and the JSON path of the problem; a page whose only ruleset is broken shows
// the notice and the static fee tables' place, never a blank page. In Chromium from file:// with the network cut
// off, no console error and no CSP violation (withPage).
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { launch, withPage, axe } from './browser.mjs';
import { only2024, readRuleset, staffPage, testPages } from './pages.mjs';

const FEB_15 = new Date('2024-02-15T10:00:00+08:00');
const [qingdao, shenyang] = only2024();  // rules/qingdao-2024.json, rules/shenyang-2024.json

const pages = testPages();
let pageWithOneBroken;
let pageAllBroken;
let browser;
before(async () => {
  const broken = readRuleset(shenyang);
  assert.equal(broken.id, 'shenyang-2024');
  broken.contributions[0].individual_fen = -100;
  const brokenFile = pages.write('shenyang-broken', broken);
  pageWithOneBroken = pages.build('one-broken', [qingdao, brokenFile]);
  pageAllBroken = pages.build('all-broken', [brokenFile]);
  browser = await launch();
});
after(async () => {
  await browser.close();
  pages.remove();
});

describe('a broken ruleset in the page’s data', () => {
  test('beside a good one: the good city works, the notice names the ruleset and the JSON path', () => withPage(browser, {
    url: pageWithOneBroken, now: FEB_15, wait: 'body[data-state="pending"]',
  }, async (page) => {
    const notice = page.locator('#ruleset-errors');
    assert.equal(await notice.isVisible(), true);
    assert.equal(await notice.getAttribute('role'), 'alert');
    assert.equal(await notice.getByRole('heading', { level: 2 }).textContent(), '本页部分规则数据有误，相关城市或年度暂不可用');
    assert.deepEqual(await notice.locator('li').allTextContents(), [
      '沈阳市2024年城乡居民基本医疗保险（shenyang-2024）：应在0到100000000之间，实际是-100（数据位置 /1/contributions/0/individual_fen）',
    ]);
    assert.equal(await notice.locator('code').textContent(), '/1/contributions/0/individual_fen');
    assert.match(await notice.textContent(), /请联系发布本页的单位修正/);

    assert.deepEqual(await page.locator('#ruleset option').allTextContents(), ['青岛市'], 'Shenyang is left out');
    await page.locator('#members > li').first().getByLabel('出生日期').fill('1958-04-02');
    assert.match(await page.locator('#members dl.figures').first().textContent(), /个人缴费462元.*待遇开始2024年5月1日/);
    assert.deepEqual(await page.locator('.fee-tables caption').allTextContents(), ['青岛市2024年度城乡居民基本医疗保险'],
      'the fee tables hold only what the page can estimate');
  }));

  // With a link: the notice names the broken ruleset by its place in the page's data, beside the link's result.
  const link = (city) => `#v1.${Buffer.from(JSON.stringify({ c: city, p: '2024-02-15', m: [{ b: '1958-04-02' }] })).toString('base64url')}`;
  const NOTICE = '沈阳市2024年城乡居民基本医疗保险（shenyang-2024）：应在0到100000000之间，实际是-100（数据位置 /1/contributions/0/individual_fen）';
  test('a link to the good city: its result, and the notice with the path in the page\'s data', () => withPage(browser, {
    url: `${pageWithOneBroken}${link('qingdao-2024')}`, now: FEB_15, wait: 'body[data-state="result"]',
  }, async (page) => {
    assert.match(await page.locator('#members dl.figures').first().textContent(), /个人缴费462元/);
    assert.deepEqual(await page.locator('#ruleset-errors li').allTextContents(), [NOTICE]);
    assert.deepEqual(await page.locator('#ruleset option').allTextContents(), ['青岛市']);
  }));

  test('a link to the broken city: the notice at once, and the link\'s city named as not on the page', () => withPage(browser, {
    url: `${pageWithOneBroken}${link('shenyang-2024')}`, now: FEB_15, wait: 'body[data-state]',
  }, async (page) => {
    assert.deepEqual(await page.locator('#ruleset-errors li').allTextContents(), [NOTICE]);
    assert.match(await page.locator('#link-notice').textContent(), /链接中的城市“shenyang-2024”本页没有/);
    assert.equal(await page.getByLabel('参保城市').inputValue(), '青岛市');
  }));

  test('the staff page says the same and offers only the good city', () => withPage(browser, {
    url: staffPage(pageWithOneBroken), now: FEB_15, wait: 'body[data-state="ready"]',
  }, async (page) => {
    assert.deepEqual(await page.locator('#ruleset-errors li').allTextContents(), [
      '沈阳市2024年城乡居民基本医疗保险（shenyang-2024）：应在0到100000000之间，实际是-100（数据位置 /1/contributions/0/individual_fen）',
    ]);
    assert.deepEqual(await page.locator('#batch-ruleset option').allTextContents(), ['青岛市（2024年度）']);
  }));

  test('the notice passes axe (WCAG 2.0/2.1 A and AA), and on a 360 px phone nothing scrolls sideways', () => withPage(browser, {
    url: pageWithOneBroken, now: FEB_15, bypassCSP: true, viewport: { width: 360, height: 740 },
  }, async (page) => {
    const { violations } = await axe(page).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    assert.deepEqual(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`), []);
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth) <= 360);
  }));

  test('alone: the notice shows in place of the form, not a blank page', () => withPage(browser, {
    url: pageAllBroken, now: FEB_15, wait: 'body[data-state="unavailable"]',
  }, async (page) => {
    const notice = page.locator('#ruleset-errors');
    assert.equal(await notice.isVisible(), true);
    assert.equal(await notice.getByRole('heading', { level: 2 }).textContent(), '本页的规则数据有误，无法测算');
    assert.match(await notice.locator('li').first().textContent(), /shenyang-2024.*\/0\/contributions\/0\/individual_fen/);
    assert.equal(await page.locator('#app').isVisible(), false);
    assert.equal(await page.locator('#unsupported').isVisible(), false, 'the browser is not blamed');
    assert.match(await page.locator('.fee-tables').textContent(), /本页没有可用的缴费标准/);
    assert.equal(await page.getByRole('heading', { level: 1 }).isVisible(), true);
  }));
});

// The rulesets block damaged on its way (a page cut or edited by hand, a copy of another build's): both pages say the
// data is damaged in place of the form, and never blame the browser.
describe('a damaged rulesets block', () => {
  const block = /(<script id="rulesets" type="application\/octet-stream">)([^<]*)(<\/script>)/;
  const damage = {
    // the gzip itself broken: it does not inflate
    'not gzip': (base64) => `${base64.slice(0, 40)}AAAA${base64.slice(44)}`,
    // inflates, but is not the engine's form
    'another form': () => gzipSync(Buffer.from('YBR\x09 made by another engine')).toString('base64'),
  };
  for (const [what, change] of Object.entries(damage)) {
    for (const [kind, name] of [['family', 'yibao.html'], ['staff', 'batch.html']]) {
      test(`${what}, in the ${kind} page: the notice says so in place of the form`, async () => {
        const html = readFileSync(fileURLToPath(new URL(`../../dist/${name}`, import.meta.url)), 'utf8');
        const file = pages.file(`damaged-${kind}.html`);
        writeFileSync(file, html.replace(block, (whole, open, base64, close) => `${open}${change(base64)}${close}`));
        await withPage(browser, { url: pathToFileURL(file).href, now: FEB_15, wait: 'body[data-state="unavailable"]' }, async (page) => {
          const notice = page.locator('#ruleset-errors');
          assert.equal(await notice.getByRole('heading', { level: 2 }).textContent(), '本页的规则数据有误，无法测算');
          assert.deepEqual(await notice.locator('li').allTextContents(), ['规则数据：已损坏，或与本页测算程序的版本不符（数据位置 /）']);
          assert.equal(await page.locator('#unsupported').isVisible(), false, 'the browser is not blamed');
        });
      });
    }
  }
});
