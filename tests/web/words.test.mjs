// What a family reads around the figures (issue 21, points 1 and 7): every source line of every shipped ruleset as
// written Chinese (the page's 政策依据, its print, the fee tables without JavaScript, the workbench's preview), a fee
// of exactly 0 as 0元 wherever an amount is written, no figure for a birth date nobody gave, and no 咨询电话 heading
// over a list without a number.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { at, base64url, batchUrl, card, figures, launch, openPage, pageUrl, withPage } from './browser.mjs';
import { builtIn } from './pages.mjs';

const root = new URL('../../', import.meta.url).pathname;
const benchUrl = pathToFileURL(`${root}dist/rules.html`).href;
const NOW = at('2026-12-06');
const dir = mkdtempSync(join(tmpdir(), 'yibao-words-'));
// Every shipped ruleset merged over its base, as the engine lists it (sources, year, collection).
const listed = JSON.parse(execFileSync(`${root}build/native/yibao`, ['rulesets'], { encoding: 'utf8' })).rulesets;
let browser;
before(async () => { browser = await launch(); });
after(async () => {
  await browser.close();
  rmSync(dir, { recursive: true, force: true });
});

// A line with a part missing or not written as words: undefined, NaN, null, or an empty 《》, （）, （C级：）, ，，.
const BROKEN = /undefined|NaN|null|《》|（）|：）|（：|，，|，）|^，|，$/m;
const linkOf = (household) => `${pageUrl}#v1.${base64url(household)}`;
// A payment date each ruleset takes: the first day of its benefit year lies in its collection window.
const householdOf = (r, members = [{ b: '1985-05-01' }]) => ({ c: r.id, p: r.benefit_year.start, m: members });

describe('政策依据: every source of every shipped ruleset reads as written Chinese', () => {
  test('the engine lists all six rulesets, each with its sources', () => {
    assert.equal(listed.length, builtIn().length);
    assert.ok(listed.every((r) => r.sources.length > 0));
  });

  for (const r of listed) {
    test(`${r.id}: on the page and in print`, () => withPage(browser, { url: linkOf(householdOf(r)), now: NOW }, async (page) => {
      const lines = await page.locator('#sources li').allTextContents();
      assert.equal(lines.length, r.sources.length);
      for (const line of lines) assert.doesNotMatch(line, BROKEN, line);
      r.sources.forEach((s, i) => {
        assert.ok(lines[i].startsWith(`《${s.title}》，${s.publisher}`), lines[i]);
        assert.match(lines[i], new RegExp(`（${s.level}级：[^）]+）$`), lines[i]);
      });
      await page.emulateMedia({ media: 'print' });
      assert.ok(await page.locator('#sources').isVisible(), 'the sources are printed');
      const printed = await page.locator('#sources').innerText();
      for (const line of printed.split('\n').filter(Boolean)) assert.doesNotMatch(line, BROKEN, line);
    }));
  }

  test('a date as precise as the source gives it; 本年度 only for material of the ruleset’s own collection', () => withPage(browser, {
    url: linkOf(householdOf(listed.find((r) => r.id === 'qingdao-2027'))), now: NOW,
  }, async (page) => {
    const lines = await page.locator('#sources li').allTextContents();
    const line = (title) => lines.find((l) => l.includes(title));
    assert.match(line('集中缴费期即将结束'), /，2025年12月（B级：/, 'a month alone');
    assert.match(line('中断参保后修复待遇等待期'), /，2025年（B级：/, 'a year alone');
    assert.match(line('征缴工作全面启动'), /，2023年9月18日（A级：往年正式资料，请电话核实）$/, 'the 2024 article on 2027');
    assert.match(line('山东省大病保险参保激励'), /德州新闻网（C级：背景资料）$/, 'level C described');
    assert.ok(lines.every((l) => !l.includes('本年度')), lines.join('\n'));
    await page.getByLabel('缴费日期', { exact: true }).fill('2024-01-01');
    await page.waitForFunction(() => document.querySelector('#sources li').textContent.includes('本年度'));
    assert.match(await page.locator('#sources li').first().textContent(), /，2023年9月18日（A级：本年度正式资料）$/,
      'the same article on the 2024 ruleset it was written for');
  }));

  test('the fee tables without JavaScript', () => withPage(browser, { javaScriptEnabled: false, wait: 'noscript p' }, async (page) => {
    const said = await page.locator('.fee-tables p.hint').allTextContents();
    assert.equal(said.length, listed.length);
    for (const line of said) {
      assert.match(line, /依据：《[^》]+》/, line);
      assert.doesNotMatch(line, BROKEN, line);
    }
  }));

  for (const r of listed) {
    test(`${r.id}: in the workbench’s preview`, () => withPage(browser, { url: benchUrl, wait: 'body[data-state="ready"]' }, async (page) => {
      await page.getByLabel('规则文件').setInputFiles(`${root}rules/${r.id}.json`);
      await page.waitForSelector('#preview:not([hidden])');
      const lines = await page.locator('#sources li').allTextContents();
      assert.equal(lines.length, r.sources.length);
      for (const line of lines) assert.doesNotMatch(line, BROKEN, line);
    }));
  }
});

describe('a fee of exactly 0 is 0元, never 约0元', () => {
  const shenyang2027 = { c: 'shenyang-2027', p: '2026-12-06', m: [{ n: '奶奶', b: '1950-03-01', a: 'dibao' }] };

  test('the card, the totals, the print and the reminder', () => withPage(browser, {
    url: linkOf(shenyang2027), now: NOW, wait: 'body[data-state="result"]',
  }, async (page) => {
    const grandmother = await figures(card(page, 0));
    assert.equal(grandmother.个人缴费, '0元', 'no 约, and no （暂按2026年度标准） under it');
    assert.equal(grandmother.政府补助, '尚未公布');
    assert.equal(await figures(page.locator('.totals')).then((t) => t.个人缴费), '0元');
    assert.doesNotMatch(await card(page, 0).locator('.outcome').textContent(), /标“约”的金额/,
      'no line explains a 约 that is not shown');
    assert.doesNotMatch(await page.locator('#app').textContent(), /约0元/);
    await page.emulateMedia({ media: 'print' });
    assert.doesNotMatch(await page.locator('#print-table').innerText(), /约0元/);
    assert.match(await page.locator('#print-table').innerText(), /\b0元/);
    await page.emulateMedia({ media: 'screen' });
    const [saved] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '添加缴费提醒' }).click()]);
    const ics = readFileSync(await saved.path(), 'utf8').replace(/\r\n[ \t]/g, '');
    assert.match(ics, /个人缴费0元/);
    assert.doesNotMatch(ics, /约0元/);
  }));

  test('the fee tables without JavaScript', () => withPage(browser, { javaScriptEnabled: false, wait: 'noscript p' }, async (page) => {
    const table = page.locator('.fee-tables table').filter({ has: page.locator('caption', { hasText: '沈阳市2027年' }) });
    const rows = await table.locator('tbody tr').evaluateAll((all) => all.map((r) => [...r.cells].map((c) => c.textContent)));
    const free = rows.filter((r) => r[0].includes('低保、特困'));
    assert.ok(free.length > 0);
    for (const r of free) assert.equal(r[1], '0元', r.join(' '));
    assert.ok(rows.some((r) => r[1].startsWith('约')), 'a carried amount above 0 keeps its 约');
  }));

  test('批量测算: a category whose members all pay nothing sums to 0元', async () => {
    const file = join(dir, 'dibao.csv');
    writeFileSync(file, '姓名,出生日期,在校情况,特殊人群,缴费档次,上年度参保情况,缴费日期,备注\n王奶奶,1950-03-01,否,低保,,连续,,\n');
    const { context, page, problems } = await openPage(browser, { url: batchUrl, now: NOW });
    try {
      await page.waitForSelector('#batch-ruleset option', { state: 'attached' });
      await page.getByLabel('参保地').selectOption('shenyang-2027');
      await page.getByLabel('选择名单文件').setInputFiles(file);
      await page.waitForSelector('#batch[data-state="done"]');
      const sums = await page.locator('#batch-tables table').first().locator('tbody tr')
        .evaluateAll((rows) => rows.map((r) => [...r.cells].map((c) => c.textContent)));
      assert.deepEqual(sums.at(-1), ['合计', '1人', '0元', '尚未公布']);
      assert.match(await page.locator('#batch-status').textContent(), /个人缴费合计0元/);
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }
  });
});

describe('a new member card shows no figure for a birth date nobody gave', () => {
  test('the preset suggests an age; the card asks for the date; the total leaves the member out and says so', () => withPage(browser, {
    now: NOW,
  }, async (page) => {
    const first = card(page, 0);
    assert.equal(await first.getByLabel('出生日期').inputValue(), '', 'no made-up date');
    assert.equal(await first.getByLabel('出生日期').getAttribute('placeholder'), '约35岁，请填写出生日期');
    assert.match(await first.locator('.outcome').textContent(), /请先填写出生日期/);
    assert.equal(await first.locator('dl.figures').count(), 0);
    assert.equal(await page.locator('.totals').count(), 0, 'no total of nobody');
    await first.getByLabel('出生日期').fill('1985-05-01');
    await page.waitForSelector('body[data-state="result"]');
    await page.getByRole('button', { name: '+ 老人' }).click();
    const second = card(page, 1);
    assert.equal(await second.getByLabel('出生日期').getAttribute('placeholder'), '约68岁，请填写出生日期');
    assert.equal(await second.locator('dl.figures').count(), 0);
    assert.match(await second.locator('.outcome').textContent(), /请先填写出生日期/);
    assert.match(await page.locator('.totals h3').textContent(), /^全家1人合计/);
    assert.equal(await page.locator('.totals .hint').textContent(), '成员2：老人还没有填写出生日期，没有算进合计。');
    await page.getByRole('button', { name: '+ 新生儿' }).click();
    assert.equal(await card(page, 2).getByLabel('出生日期').getAttribute('placeholder'), '约1个月，请填写出生日期');
    await second.getByLabel('出生日期').fill('1958-03-01');
    await page.waitForFunction(() => /^全家2人合计/.test(document.querySelector('.totals h3').textContent));
    assert.equal(await page.locator('.totals .hint').textContent(), '成员3：新生儿还没有填写出生日期，没有算进合计。');
    assert.match((await figures(second)).个人缴费, /^约482元/);
  }));
});

describe('咨询: the contacts the ruleset has, under a heading that promises no more', () => {
  test('Qingdao, whose contacts have no number: no 咨询电话 heading, its offices listed', () => withPage(browser, {
    url: linkOf({ c: 'qingdao-2027', p: '2026-12-06', m: [{ b: '1985-05-01' }] }), now: NOW, wait: 'body[data-state="result"]',
  }, async (page) => {
    const headings = await page.locator('#howto h3').allTextContents();
    assert.ok(!headings.includes('咨询电话'), headings.join('|'));
    assert.ok(headings.includes('咨询和办理'), headings.join('|'));
    assert.match(await page.locator('#howto ul.contacts').textContent(), /户籍街道保障中心（办理参保登记、咨询政策）/);
  }));

  test('Shenyang: 咨询电话 with its numbers as tel: links', () => withPage(browser, {
    url: linkOf({ c: 'shenyang-2027', p: '2026-12-06', m: [{ b: '1985-05-01' }] }), now: NOW, wait: 'body[data-state="result"]',
  }, async (page) => {
    assert.ok((await page.locator('#howto h3').allTextContents()).includes('咨询电话'));
    assert.ok(await page.locator('#howto ul.contacts a[href^="tel:"]').count() > 10);
  }));
});
