// dist/yibao.html in Chromium, from file:// with the network cut off: numbers, dates, errors, keyboard, phone width,
// a saved copy, http, size, and the fallbacks without WebAssembly or JavaScript.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { bundleScript, minifyScript } from '../../web/bundle.mjs';
import { addMember, batchUrl, card, figures, followLink, launch, withPage } from './browser.mjs';
import { builtIn, cityFiles, testPages } from './pages.mjs';

const FEB_15 = new Date('2024-02-15T10:00:00+08:00');

// A member's (or the household's) figures as {类别: ..., 个人缴费: ...}.

const html = readFileSync(new URL('../../dist/yibao.html', import.meta.url));
const staffHtml = readFileSync(new URL('../../dist/batch.html', import.meta.url));
// The family page and the staff page (批量测算): each its budget and the entry module its script is bundled from.
// dist/yibao.html carries every shipped city, so it grows by each city's rulesets (about 1.5 KB gzip a year of a
// city): the family page's 110 KB goal is a city's own page's, as the workbench exports it (below). These are
// ceilings that keep the pages from growing unseen while the goal is not met (README, "Figures").
const PAGES = [
  { name: 'dist/yibao.html', html, budget: 117, entry: 'family' },
  { name: 'dist/batch.html', html: staffHtml, budget: 250, entry: 'staff' },
];

// Each city's own family page, its rulesets alone (every year it has), as a city's web team exports it: goal 110 KB
// (Qingdao's 121.7 KB, Shenyang's 123.0 KB, 红塔区's 119.0 KB late on 2026-12-06, after fee parts, city-named
// groups and member questions, the year choice, the case matcher's codes and 就高 on the page), held under a 124 KB
// ceiling meanwhile; 127 KB since 2026-12-07, when paying from a relative's employee account, add-ons and a benefit
// tier apart from the tier paid came to the engine (3.3 KB, README "Figures"); 128 KB since later that day, when
// Shenyang's (3 years) came to 130,946 bytes with the one-way answer, paid_not_started and the regions block; 129 KB
// since the same day's last changes: the histories' words from the engine's one list (its messages name them, the
// page's choices are its short labels), about 0.2 KB, and the estimate's path built -O2 (wasm/answer.cpp: 0.6 of the
// time per call for 0.45 KB); dist/yibao.html over 134 KB with them, so 135 KB. Lowered the same afternoon to
// 127 KB (Shenyang's 126.0 KB) and 133 KB (dist/yibao.html 132.1 KB), once the engine built its answers' JSON
// objects in place (core/json.hpp's json_object: nlohmann's initializer-list code is large at every site).
// On 2026-12-07 (evening) the pages' engines lost the JSON ruleset loader, their rulesets carried in the engine's
// compact form: dist/yibao.html 132.8 -> 116.2 KB, under a 117 KB ceiling; each city's own page within the goal,
// 110 KB (Qingdao's 108.6 KB, Shenyang's 109.8 KB, 红塔区's 105.5 KB), which is its test's ceiling since.
describe("a city's own family page stays within its 110 KB gzip budget", () => {
  const pages = testPages();
  after(() => pages.remove());
  for (const [region, files] of cityFiles()) {
    test(`${region}: ${files.length} ruleset${files.length > 1 ? 's' : ''}`, () => {
      const gzipped = gzipSync(readFileSync(new URL(pages.build('city', files))), { level: 9 }).length;
      assert.ok(gzipped <= 110 * 1024, `${gzipped} bytes gzipped`);
    });
  }
});

for (const page of PAGES) {
  test(`${page.name} stays within its ${page.budget} KB gzip budget`, () => {
    const gzipped = gzipSync(page.html, { level: 9 }).length;
    assert.ok(gzipped <= page.budget * 1024, `${gzipped} bytes gzipped`);
  });

  test(`${page.name}: its CSP allows only its own hashed scripts and style, and no eval`, () => {
    const csp = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(page.html.toString())[1];
    for (const rule of ["default-src 'none'", "connect-src 'none'", "base-uri 'none'", "form-action 'none'"]) {
      assert.ok(csp.includes(rule), rule);
    }
    assert.match(csp, /script-src ('sha256-[^']+' )+'wasm-unsafe-eval'/);
    assert.match(csp, /style-src 'sha256-[^']+'(;|$)/);
    assert.doesNotMatch(csp, /unsafe-inline|'unsafe-eval'/);
  });

  // Three scripts: web/boot.js alone and first, right after the wasm it compiles, so that the compile starts before
  // the browser parses the bundle (inside the bundle it started only once the whole bundle was parsed: README,
  // "Figures"); then the page's modules, bundled; then the engine's.
  test(`${page.name} starts the wasm's compile from a small script of its own, then carries its modules as one script, web/${page.entry}.js bundled and minified by web/bundle.mjs`, async () => {
    const text = page.html.toString();
    const inlined = [...text.matchAll(/<script(?: id="[^"]+")?>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
    assert.equal(inlined.length, 3, 'web/boot.js, the page\'s own script and the engine\'s');
    const [boot, own] = inlined;
    assert.equal(boot, await minifyScript('boot', readFileSync(new URL('../../web/boot.js', import.meta.url), 'utf8')));
    assert.equal(/<script id="engine-wasm"[^>]*>[^<]*<\/script>\n<script id="rulesets"[^>]*>[^<]*<\/script>\n<script>([^]*?)<\/script>/.exec(text)[1], boot,
      'web/boot.js directly after the wasm and the rulesets, which it inflates');
    assert.ok(boot.length < 2048, `web/boot.js is ${boot.length} characters`);
    assert.equal(own, await bundleScript(page.entry));
    for (const script of [boot, own]) {
      assert.doesNotMatch(script, /\bimport\b|\bexport\b|\/\/ /, 'no module syntax and no comments left');
    }
    assert.doesNotMatch(own, /yibao:boot/, 'the bundle starts no compile of its own');
  });
}

test('the family page carries no roster: no 批量测算 form, script, template or engine functions', () => {
  const text = html.toString();
  for (const absent of ['id="batch-file"', 'id="roster-template"', 'rosterStart', 'createYibaoBatch']) {
    assert.ok(!text.includes(absent), absent);
  }
});

describe('the page', () => {
  let browser;
  before(async () => { browser = await launch(); });
  after(() => browser.close());
  // Most checks run on 15 February 2024, inside both cities' collection windows.
  const onFeb15 = (check, options = {}) => withPage(browser, { now: FEB_15, ...options }, check);

  test('Qingdao household, paid 2024-02-15: an adult on tier 1 and a pupil', () => onFeb15(async (page) => {
    assert.equal(await page.getByLabel('参保城市').inputValue(), '青岛市');
    assert.equal(await page.getByLabel('缴费日期', { exact: true }).inputValue(), '2024-02-15', 'defaults to today');

    const adult = card(page, 0);
    assert.equal(await adult.getByLabel('缴费档次').inputValue(), '1', 'the adult preset shows tier 1');
    await adult.getByLabel('出生日期').fill('1958-04-02');
    assert.deepEqual(await figures(adult), {
      类别: '成年居民（一档）', 个人缴费: '462元', 政府补助: '850元', 待遇开始: '2024年5月1日', 待遇结束: '2024年12月31日',
    });
    assert.match(await adult.locator('.alert').textContent(), /等待期/);

    await addMember(page, '中小学生', '2014-02-15');
    const pupil = card(page, 1);
    assert.equal(await pupil.getByLabel('在校情况').inputValue(), 'school');
    assert.equal(await pupil.getByLabel('缴费档次').isVisible(), false, 'a pupil chooses no tier');
    assert.equal((await figures(pupil)).个人缴费, '395元');
    assert.deepEqual(await figures(page.locator('.totals')), { 个人缴费: '857元', 政府补助: '1620元', '合计（个人+补助）': '2477元' });
    assert.match(await page.locator('.deadline').textContent(), /2023年12月31日[\s\S]*晚于这个截止日期/);
    await page.waitForFunction(() => document.getElementById('summary').textContent.includes('合计个人缴费857元'));
  }));

  test('Shenyang household, paid 2023-12-10: a new adult and a dibao adult', () => onFeb15(async (page) => {
    await page.getByLabel('参保城市').selectOption('沈阳市');
    await page.getByLabel('缴费日期', { exact: true }).fill('2023-12-10');
    const fresh = card(page, 0);
    assert.equal(await fresh.getByLabel('缴费档次').isVisible(), false, 'Shenyang has no tiers');
    await fresh.getByLabel('出生日期').fill('1988-12-10');
    await fresh.getByLabel('上年度参保情况').selectOption('new');
    const first = await figures(fresh);
    assert.deepEqual([first.个人缴费, first.政府补助, first.待遇开始], ['450元', '640元', '2024年4月1日']);

    await addMember(page, '成人', '1988-12-10');
    const dibao = card(page, 1);
    await dibao.getByLabel('特殊人群').selectOption('dibao');
    const second = await figures(dibao);
    assert.deepEqual([second.个人缴费, second.政府补助], ['0元', '1090元']);
    assert.match(await page.locator('.deadline').textContent(), /2023年12月20日[\s\S]*没有晚于/);
    const phones = page.locator('#howto a[href^="tel:"]');
    assert.ok(await phones.count() >= 15, 'the hotline and the district lines are listed');
    assert.equal(await phones.first().getAttribute('href'), 'tel:02412345,1,7', 'menu keys are dialled after a pause');
  }));

  test('a member who turns out an adult gets the tier control; without a choice the engine assumes one and says so',
    () => onFeb15(async (page) => {
      await page.getByRole('button', { name: '+ 未成年人（不在校）' }).click();
      const grown = card(page, 1);
      const tier = grown.getByLabel('缴费档次');
      assert.equal(await tier.isVisible(), false, 'a minor chooses no tier');
      await grown.getByLabel('出生日期').fill('1990-01-01');
      assert.ok(await tier.isVisible());
      assert.equal(await tier.inputValue(), '', 'nothing is chosen for the user');
      assert.equal((await figures(grown)).类别, '成年居民（一档）');
      assert.match(await grown.locator('.outcome').textContent(), /未选择缴费档次，已按一档估算/);
      await tier.selectOption('2');
      assert.equal((await figures(grown)).个人缴费, '395元');
      assert.doesNotMatch(await grown.locator('.outcome').textContent(), /未选择缴费档次/);
    }));

  test('an impossible birth date is flagged in Chinese at the field, keeping the text', () => onFeb15(async (page) => {
    const field = card(page, 0).getByLabel('出生日期');
    await field.fill('1958-02-30');
    const errorId = (await field.getAttribute('aria-describedby')).split(' ').find((id) => id.endsWith('-error'));
    assert.ok(errorId, 'aria-describedby names the error');
    const error = page.locator(`#${errorId}`);
    assert.match(await error.textContent(), /不是有效日期/);
    assert.equal(await field.getAttribute('aria-invalid'), 'true');
    assert.equal(await field.inputValue(), '1958-02-30');
    assert.equal(await page.locator('body').getAttribute('data-state'), 'pending');

    await field.fill('1958-02-28');
    assert.equal(await field.getAttribute('aria-invalid'), null);
    assert.equal(await error.isVisible(), false);
  }));

  test('every mistake of every member at once, listed at the top of the results, each a link to its field', () => onFeb15(async (page) => {
    await page.getByRole('button', { name: '+ 成人' }).click();
    await page.getByRole('button', { name: '+ 老人' }).click();
    await card(page, 1).getByLabel('称呼').fill('妈妈');
    await card(page, 0).getByLabel('出生日期').fill('1958-13-02');
    await card(page, 1).getByLabel('出生日期').fill('2030-01-01');
    await card(page, 2).getByLabel('出生日期').fill('１８９９－１２－３１');
    await page.waitForSelector('body[data-state="pending"]');
    const summary = page.getByRole('region', { name: '有3处需要改正' });
    assert.equal(await summary.evaluate((e) => e.closest('.results') && !e.previousElementSibling), true,
      'the first thing of the results');
    assert.deepEqual(await summary.getByRole('link').allTextContents(), [
      '成员1：成人，出生日期：“1958-13-02”不是有效日期，没有13月；请按 年-月-日 填写，如 2026-11-20',
      '成员2：妈妈，出生日期：出生日期2030-01-01晚于缴费日期2024-02-15，出生后才能参保缴费',
      '成员3：老人，出生日期：出生日期1899-12-31早于1900年，请核对出生日期',
    ]);
    for (const n of [0, 1, 2]) assert.equal(await card(page, n).getByLabel('出生日期').getAttribute('aria-invalid'), 'true');
    const address = page.url();
    await summary.getByRole('link', { name: /^成员2：妈妈/ }).click();
    assert.equal(await card(page, 1).getByLabel('出生日期').evaluate((e) => e === document.activeElement), true);
    assert.equal(page.url(), address, 'the household stays in the address');
    assert.doesNotMatch(await page.locator('.results').textContent(), /YYYY/);

    await card(page, 0).getByLabel('出生日期').fill('２０２４－０２－３０');
    assert.match(await page.locator('.error-list').textContent(), /“2024-02-30”不是有效日期，2月没有30日/);
    await card(page, 0).getByLabel('出生日期').fill('１９８０－０５－０１');
    await card(page, 1).getByLabel('出生日期').fill('1990-01-01');
    await card(page, 2).getByLabel('出生日期').fill('1950-01-01');
    await page.waitForSelector('body[data-state="result"]');
    assert.equal((await figures(card(page, 0))).类别, '成年居民（一档）', 'full-width digits and dashes are the same date');
    assert.equal(await page.locator('.error-list').count(), 0);
  }));

  test('when today is outside every collection window the date field says so and shows the window',
    () => withPage(browser, { now: new Date('2020-01-01T10:00:00+08:00') }, async (page) => {
      const field = page.getByLabel('缴费日期', { exact: true });
      assert.equal(await field.inputValue(), '2020-01-01');
      assert.equal(await field.getAttribute('aria-invalid'), 'true');
      assert.match(await page.locator('#payment-date-error').textContent(), /可以缴费的日期：2023年9月1日至2024年12月31日/);
    }));

  test('on a 360px phone nothing scrolls sideways, even with the reasons open',
    () => onFeb15(async (page) => {
      await card(page, 0).getByLabel('出生日期').fill('1989-02-15');
      for (const [name, birth] of [['老人', '1956-02-15'], ['大学生', '2004-02-15'], ['新生儿', '2024-01-15'], ['未成年人（不在校）', '2008-02-15']]) {
        await addMember(page, name, birth);
      }
      await page.waitForSelector('body[data-state="result"]');
      await page.locator('details').evaluateAll((all) => all.forEach((d) => { d.open = true; }));
      assert.ok(await page.evaluate(() => document.documentElement.scrollWidth) <= 360);
      const fontSize = await page.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize));
      assert.ok(fontSize >= 18, `base font ${fontSize}px`);
    }, { viewport: { width: 360, height: 740 } }));

  test('keyboard only: add a member, type its birth date, read the result and reasons', () => onFeb15(async (page) => {
    const focused = () => page.evaluate(() => {
      const e = document.activeElement;
      return { text: e.textContent.trim(), id: e.id, outline: getComputedStyle(e).outlineStyle };
    });
    let now;
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press('Tab');
      now = await focused();
      assert.notEqual(now.outline, 'none', `focus on #${now.id || now.text} is visible`);
      if (now.text === '+ 老人') break;
    }
    assert.equal(now.text, '+ 老人');
    await page.keyboard.press('Enter');
    const elder = card(page, 1);
    const birth = elder.getByLabel('出生日期');
    assert.equal(await birth.evaluate((e) => e === document.activeElement), true, 'focus moves to the new birth date');
    for (let i = 0; i < 10; i++) await page.keyboard.press('Backspace');
    await page.keyboard.type('1950-06-01');
    const result = await figures(elder);
    assert.deepEqual([result.类别, result.个人缴费], ['成年居民（一档）', '462元']);

    for (let i = 0; i < 10 && !(await focused()).text.startsWith('依据'); i++) await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    assert.equal(await elder.locator('details').evaluate((d) => d.open), true);
    assert.ok(await elder.locator('details blockquote').first().isVisible());
  }));

  test('its link to the staff page opens batch.html beside it, with the city and year shown', () => onFeb15(async (page) => {
    await page.getByLabel('参保城市').selectOption('沈阳市');
    const link = page.getByRole('link', { name: '批量测算页' });
    assert.equal(await link.getAttribute('href'), 'batch.html#ruleset=shenyang-2024');
    await followLink(page, link);
    assert.equal(page.url(), `${batchUrl}#ruleset=shenyang-2024`);
    assert.equal(await page.getByLabel('参保地和年度').inputValue(), 'shenyang-2024');
  }, { allow: [batchUrl] }));

  test('a copy saved from the DOM still works from file://', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'yibao-saved-'));
    const file = join(dir, '医保测算.html');
    try {
      await onFeb15(async (page) => {
        await card(page, 0).getByLabel('出生日期').fill('1958-04-02');
        writeFileSync(file, await page.content());
      });
      await onFeb15(async (page) => {
        assert.equal(await page.locator('#members > li').count(), 1, 'the saved cards are rebuilt, not doubled');
        await card(page, 0).getByLabel('出生日期').fill('1958-04-02');
        assert.equal((await figures(card(page, 0))).个人缴费, '462元');
      }, { url: pathToFileURL(file).href });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('served over http by web/serve.mjs it works the same', async () => {
    const server = spawn(process.execPath, [new URL('../../web/serve.mjs', import.meta.url).pathname],
      { env: { ...process.env, PORT: '0' }, stdio: ['ignore', 'pipe', 'inherit'] });
    try {
      const [line] = await once(server.stdout, 'data');
      const url = /http:\/\/127\.0\.0\.1:\d+\//.exec(line.toString())[0];
      await onFeb15(async (page) => {
        await card(page, 0).getByLabel('出生日期').fill('1958-04-02');
        assert.equal((await figures(card(page, 0))).个人缴费, '462元');
      }, { url });
    } finally {
      server.kill();
    }
  });

  // As in browsers older than Chromium 140, Safari 18.2 and Firefox 133.
  test('without Uint8Array.fromBase64 web/boot.js decodes the wasm itself, and the page answers', () => onFeb15(async (page) => {
    assert.equal(await page.evaluate(() => typeof Uint8Array.fromBase64), 'undefined');
    await card(page, 0).getByLabel('出生日期').fill('1958-04-02');
    assert.equal((await figures(card(page, 0))).个人缴费, '462元');
  }, { init: () => { delete Uint8Array.fromBase64; } }));

  test('with JavaScript off the noscript note and the fee tables show', async () => {
    // getByText does not look inside <noscript>, so the note is found by CSS.
    await withPage(browser, { javaScriptEnabled: false, wait: 'noscript p' }, async (page) => {
      assert.match(await page.locator('noscript p').textContent(), /需要浏览器开启 JavaScript/);
      assert.ok(await page.getByRole('cell', { name: '1090元' }).isVisible());
      assert.equal(await page.locator('#app').isVisible(), false);
    });
  });
});

describe('the page without WebAssembly', () => {
  test('with WebAssembly disabled (--jitless) it says so and the fee tables show', async () => {
    const browser = await launch(['--js-flags=--jitless']);
    try {
      await withPage(browser, { wait: '#unsupported:not([hidden])' }, async (page) => {
        assert.match(await page.locator('#unsupported').textContent(), /WebAssembly/);
        assert.equal(await page.locator('#app').isVisible(), false);
        assert.equal(await page.locator('.fee-tables table').count(), builtIn().length, 'one table a ruleset of rules/');
        assert.ok(await page.getByRole('cell', { name: '462元' }).isVisible());
      });
    } finally {
      await browser.close();
    }
  });

});
