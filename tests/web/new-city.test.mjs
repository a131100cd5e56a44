// A city the workbench has never seen, made in dist/rules.html with the forms alone (README, "A new city"): from
// 新建城市, each field of the field table filled as the notice says (滁州市 2026, from its notice as stored in
// rules/sources/chuzhou-2026-notice.txt and tests/rulesets/chuzhou-2026.json), never typing in the JSON box; the
// quotes checked against the notice's text pasted into its source; the family page exported, opened from file://
// and asked about a household. In Chromium from file:// with the network cut off.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { at, axe, card, figures, launch, withPage } from './browser.mjs';
import { errors, settle } from './workbench-steps.mjs';

const benchUrl = pathToFileURL(new URL('../../dist/rules.html', import.meta.url).pathname).href;
const NOTICE = readFileSync(new URL('../../rules/sources/chuzhou-2026-notice.txt', import.meta.url), 'utf8');
const fixture = JSON.parse(readFileSync(new URL('../rulesets/chuzhou-2026.json', import.meta.url), 'utf8'));
const QUOTE = {
  window: '2026年度城鄉(xiāng)居民參保集中繳費(fèi)期為2025年10月15日至12月31日',
  cover: '2026年度城鄉(xiāng)居民參保集中繳費(fèi)期為2025年10月15日至12月31日。待遇保障周期為2026年1月1日至2026年12月31日',
  nextDay: '在2026年1月1日至2月底前的繳費(fèi)人員,自參保繳費(fèi)次日起享受待遇',
  who: fixture.categories[0].basis[0].quote,
  title: '滁州市2026年度城鄉(xiāng)居民基本醫(yī)療保險(xiǎn)參保繳費(fèi)通知',
};
const dir = mkdtempSync(join(tmpdir(), 'yibao-new-city-'));
let browser;
before(async () => { browser = await launch(); });
after(async () => {
  await browser.close();
  rmSync(dir, { recursive: true, force: true });
});
const bench = (check, options = {}) => withPage(browser, { url: benchUrl, wait: 'body[data-state="ready"]', ...options }, check);

// The form's control for the value at a JSON pointer (the table form names each control so).
const control = (page, path) => page.locator(`#table-form [data-path="${path}"]`);
const fill = (page, path, value) => control(page, path).fill(value);
const choose = (page, path, value) => control(page, path).selectOption(value);
const text = async (page) => JSON.parse(await page.getByLabel('规则JSON').inputValue());

async function basis(page, at, quote) {
  await fill(page, `${at}/basis/0/source`, 'notice');
  await fill(page, `${at}/basis/0/quote`, quote);
}
async function unknown(page, at, reason) {
  await choose(page, `${at}#mode`, 'unknown');
  await fill(page, `${at}/unknown/reason`, reason);
  await fill(page, `${at}/unknown/ask`, '滁州市医疗保障局');
}

// 滁州市 2026 in the forms: the window and its deadline, one category and its fee (not in the stored notice: 尚未公布),
// the start in the window (1 January) and in January–February (the day after paying), after that 尚未公布.
async function chuzhou(page) {
  await page.getByRole('button', { name: '新建城市' }).click();
  await settle(page);
  await fill(page, '/id', 'chuzhou-2026');
  await fill(page, '/region', '滁州市');
  await fill(page, '/year', '2026');
  await fill(page, '/title', fixture.title);
  await fill(page, '/unconfirmed_note', fixture.unconfirmed_note);
  const source = fixture.sources[0];
  await choose(page, '/sources/0/level', 'B');
  await fill(page, '/sources/0/title', source.title);
  await fill(page, '/sources/0/publisher', source.publisher);
  await fill(page, '/sources/0/date', source.date);
  await fill(page, '/sources/0/url', source.url);
  await fill(page, '/sources/0/text', NOTICE);
  await fill(page, '/benefit_year/start', '2026-01-01');
  await fill(page, '/benefit_year/end', '2026-12-31');

  await fill(page, '/collection/opens', '2025-10-15');
  await unknown(page, '/collection/closes', fixture.collection.closes.unknown.reason);
  await fill(page, '/collection/text', fixture.collection.text);
  await basis(page, '/collection', QUOTE.window);
  await fill(page, '/continuity_deadline/date', '2025-12-31');
  await fill(page, '/continuity_deadline/text', fixture.continuity_deadline.text);
  await basis(page, '/continuity_deadline', QUOTE.cover);

  await fill(page, '/categories/0/text', fixture.categories[0].text);
  await basis(page, '/categories/0', QUOTE.who);
  await unknown(page, '/contributions/0/individual_fen', fixture.contributions[0].individual_fen.unknown.reason);
  await unknown(page, '/contributions/0/subsidy_fen', fixture.contributions[0].subsidy_fen.unknown.reason);
  await fill(page, '/contributions/0/text', fixture.contributions[0].text);
  await basis(page, '/contributions/0', QUOTE.title);

  // In the window: paid on or before the deadline, from the benefit year's first day.
  await choose(page, '/benefit_rules/0/when#payment_date#relation', 'on_or_before');
  await fill(page, '/benefit_rules/0/text', fixture.benefit_rules[0].text);
  await basis(page, '/benefit_rules/0', QUOTE.cover);
  // January and February: paid on or before the last day of February, from the day after.
  await page.getByRole('button', { name: '添加待遇开始规则' }).click();
  await fill(page, '/benefit_rules/1/id', 'next-day');
  await choose(page, '/benefit_rules/1/when#payment_date#relation', 'on_or_before');
  await choose(page, '/benefit_rules/1/when#payment_date/on_or_before#anchor', 'date');
  await fill(page, '/benefit_rules/1/when#payment_date/on_or_before#date', '2026-02-01');
  await choose(page, '/benefit_rules/1/when#payment_date/on_or_before#shift', 'last_of_month');
  await choose(page, '/benefit_rules/1/start#anchor', 'payment_date');
  await choose(page, '/benefit_rules/1/start#shift', 'add_days');
  await fill(page, '/benefit_rules/1/start#days', '1');
  await fill(page, '/benefit_rules/1/text', fixture.benefit_rules[2].text);
  await basis(page, '/benefit_rules/1', QUOTE.nextDay);
  // After February the notice as stored says nothing.
  await page.getByRole('button', { name: '添加待遇开始规则' }).click();
  await fill(page, '/benefit_rules/2/id', 'after-february');
  await unknown(page, '/benefit_rules/2/start', fixture.benefit_rules[3].start.unknown.reason);
  await fill(page, '/benefit_rules/2/text', fixture.benefit_rules[3].text);
  await basis(page, '/benefit_rules/2', QUOTE.nextDay);

  await fill(page, '/registration/0/name', fixture.registration[0].name);
  await fill(page, '/registration/0/detail', fixture.registration[0].detail);
  await basis(page, '/registration/0', QUOTE.who);
  await fill(page, '/payment_channels/0/name', fixture.payment_channels[0].name);
  await fill(page, '/payment_channels/0/detail', fixture.payment_channels[0].detail);
  await basis(page, '/payment_channels/0', QUOTE.title);
  await fill(page, '/contacts/0/name', fixture.contacts[0].name);
  await fill(page, '/silences/assistance', fixture.silences.assistance);
  await fill(page, '/silences/tier', fixture.silences.tier);
  await settle(page);
}

describe('a new city from 新建城市, in the forms alone', () => {
  let exported;

  test('新建城市 starts a blank ruleset whose missing parts are listed, each at its field', () => bench(async (page) => {
    await page.getByRole('button', { name: '新建城市' }).click();
    await settle(page);
    assert.equal(await page.locator('#table-section').isVisible(), true);
    assert.equal(await page.locator('#over-base').isVisible(), false);
    const doc = await text(page);
    for (const key of ['sources', 'benefit_year', 'collection', 'continuity_deadline', 'categories', 'contributions', 'benefit_rules']) {
      assert.ok(key in doc, key);
    }
    assert.ok((await errors(page)).some((e) => e.startsWith('“城市”')), (await errors(page)).join('\n'));
    assert.equal(await page.getByLabel('城市', { exact: true }).getAttribute('aria-invalid'), 'true');
    assert.match(await page.locator('#table-form').innerText(), /测算页上这样称呼这座城市/);
    // An optional date left out says so, not a rule it does not have.
    assert.equal(await control(page, '/benefit_rules/0/end#mode').inputValue(), 'none');
    assert.equal(await control(page, '/benefit_rules/0/end#anchor').count(), 0);
  }));

  test('its words use full-width punctuation, the condition and date editors open', () => bench(async (page) => {
    await page.getByRole('button', { name: '新建城市' }).click();
    await settle(page);
    await choose(page, '/benefit_rules/0/when#payment_date#relation', 'on_or_before');
    await choose(page, '/contributions/0/individual_fen#mode', 'unknown');
    await page.locator('details').evaluateAll((all) => all.forEach((d) => { d.open = true; }));
    const words = await page.locator('#table-section').innerText();
    assert.doesNotMatch(words, /[\u4e00-\u9fff“”（）：，。][,:;?!()]|[,:;?!()][\u4e00-\u9fff“”（）：，。]/);
  }));

  test('every part of the form is named in Chinese from the field table, the fee parts, groups and questions too', () => bench(async (page) => {
    await page.getByRole('button', { name: '新建城市' }).click();
    await settle(page);
    for (const name of ['添加费用组成', '添加特殊人群', '添加本市要问的问题', '添加同时属于几类特殊人群时']) {
      await page.getByRole('button', { name, exact: true }).click();
      await settle(page);
    }
    await page.getByRole('button', { name: '添加分项金额', exact: true }).click();
    await settle(page);
    await page.locator('details').evaluateAll((all) => all.forEach((d) => { d.open = true; }));
    assert.equal(await page.getByLabel('由谁出').locator('option[value="government"]').textContent(), '政府出（财政补助、医疗救助资助等）');
    // A fresh group's and question's id is one their pattern allows (no hyphen).
    assert.equal(await control(page, '/assistance_groups/0/id').inputValue(), 'assistance_group_1');
    assert.equal(await control(page, '/member_questions/0/id').getAttribute('aria-invalid'), 'false');
    const who = await control(page, '/assistance_groups/0/who').getAttribute('id');
    assert.equal(await page.locator(`label[for="${who}"]`).textContent(), '哪些人属于这一类');
    // The condition editor offers the ruleset's own groups by their labels, never an id's placeholder.
    const words = await page.locator('#table-section').innerText();
    for (const label of ['费用组成', '分项金额', '同时属于几类特殊人群时', '按哪一类资助', '本市要问的问题', '没有回答时按哪个回答', '不属于特殊人群']) {
      assert.ok(words.includes(label), label);
    }
    // No key of the table, nor the vocabulary's English, is shown (an error may cite a JSON path: /fee_parts).
    assert.doesNotMatch(words, /(?<![/\w])(fee_parts|fee_part|several_groups|member_questions|member_question|contribution_part|payer|who|group id|individual_fen|subsidy_fen)\b/);
  }));

  test('a contribution’s new part is one of the fee parts not yet used, chosen by name; one not a fee part is named at its field',
    () => bench(async (page) => {
      await page.getByRole('button', { name: '新建城市' }).click();
      await settle(page);
      for (const [i, [id, label]] of [['basic', '基本医保'], ['care', '长期护理保险']].entries()) {
        await page.getByRole('button', { name: '添加费用组成', exact: true }).click();
        await settle(page);
        await fill(page, `/fee_parts/${i}/id`, id);
        await fill(page, `/fee_parts/${i}/label`, label);
        await settle(page);
      }
      for (const expected of ['basic', 'care']) {
        await page.getByRole('button', { name: '添加分项金额', exact: true }).click();
        await settle(page);
        const parts = (await text(page)).contributions[0].parts;
        assert.equal(parts[parts.length - 1].id, expected);
      }
      const part = control(page, '/contributions/0/parts/1/id');
      assert.equal(await part.evaluate((node) => node.tagName), 'SELECT');
      assert.deepEqual(await part.locator('option').allTextContents(), ['（请选择）', '基本医保（basic）', '长期护理保险（care）']);
      // A part whose id the fee parts do not have (typed in the JSON, or a fee part renamed) is named at its field.
      await fill(page, '/fee_parts/1/id', 'nursing');
      await settle(page);
      assert.equal(await part.inputValue(), 'care');
      assert.deepEqual(await part.locator('option').allTextContents(), ['（请选择）', '基本医保（basic）', '长期护理保险（nursing）', 'care（不在列表中）']);
      assert.equal(await part.getAttribute('aria-invalid'), 'true');
      assert.ok((await errors(page)).some((e) => /的“费用组成”：费用组成“care”未在 \/fee_parts 中列出/.test(e)), (await errors(page)).join('\n'));
    }));

  test('filled in the forms, it checks clean, and the JSON box was never typed in', () => bench(async (page) => {
    let typed = 0;
    await page.exposeFunction('typedInText', () => { typed += 1; });
    await page.evaluate(() => document.getElementById('text').addEventListener('keydown', () => window.typedInText()));
    await chuzhou(page);
    assert.deepEqual(await errors(page), []);
    assert.equal(typed, 0);
    const doc = await text(page);
    assert.deepEqual(doc.benefit_rules[1].when, { payment_date: { on_or_before: { last_of_month: '2026-02-01' } } });
    assert.deepEqual(doc.benefit_rules[1].start, { add_days: ['payment_date', 1] });
    assert.deepEqual(doc.benefit_rules[0].when, { payment_date: { on_or_before: 'deadline' } });
    assert.deepEqual(doc.contributions[0].individual_fen.unknown, fixture.contributions[0].individual_fen.unknown);
    await page.getByLabel('只包含新的规则').check();
    const [saved] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '生成测算页', exact: true }).click()]);
    assert.equal(saved.suggestedFilename(), 'chuzhou-2026.html');
    exported = join(dir, 'chuzhou-2026.html');
    await saved.saveAs(exported);
  }));

  test('the exported page answers a household as the notice says', async () => {
    assert.ok(exported, 'the page was exported');
    const url = pathToFileURL(exported).href;
    for (const [paid, start] of [['2025-11-15', '2026年1月1日'], ['2026-01-10', '2026年1月11日'], ['2026-02-28', '2026年3月1日']]) {
      await withPage(browser, { url, now: at(paid) }, async (page) => {
        await page.getByLabel('缴费日期', { exact: true }).fill(paid);
        await card(page, 0).getByLabel('出生日期').fill('1985-05-01');
        await page.waitForSelector('body[data-state="result"]');
        const shown = await figures(card(page, 0));
        assert.equal(shown.待遇开始, start, paid);
        assert.equal(shown.个人缴费, '尚未公布');
        assert.equal(shown.待遇结束, '2026年12月31日');
      });
    }
  });

  test('a quote not in the pasted notice is flagged at its field, as yibao validate does', () => bench(async (page) => {
    await page.getByRole('button', { name: '新建城市' }).click();
    await settle(page);
    await fill(page, '/sources/0/text', NOTICE);
    await fill(page, '/collection/basis/0/quote', '集中缴费期为2025年9月1日至12月31日');
    await settle(page);
    const quote = control(page, '/collection/basis/0/quote');
    assert.equal(await quote.getAttribute('aria-invalid'), 'true');
    const message = await page.locator(`#${await quote.getAttribute('id')}-error`).textContent();
    assert.match(message, /原文/, message);
    assert.ok((await errors(page)).some((e) => e.includes('原文摘录') && e.includes(message)), (await errors(page)).join('\n'));
    await fill(page, '/collection/basis/0/quote', QUOTE.window);
    await settle(page);
    assert.equal(await quote.getAttribute('aria-invalid'), 'false');
  }));
});

describe('the previews of a ruleset of its own', () => {
  test('待遇从哪天开始 lists no payable day while the window’s opening is not published', () => bench(async (page) => {
    await page.getByLabel('规则文件').setInputFiles(fileURLPath('../rulesets/huhhot-2026.json'));
    await settle(page);
    assert.deepEqual(await errors(page), []);
    assert.equal(await page.locator('#starts table').count(), 0);
    assert.match(await page.locator('#starts').textContent(), /开始缴费日期尚未公布/);
  }));
});

describe('the new city\'s form by keyboard and screen reader', () => {
  for (const width of [1024, 360]) {
    test(`axe finds nothing, and nothing is wider than the screen: a blank city with its problems, ${width} px`, () => bench(async (page) => {
      await page.getByRole('button', { name: '新建城市' }).click();
      await settle(page);
      await choose(page, '/contributions/0/individual_fen#mode', 'unknown');
      await choose(page, '/benefit_rules/0/when#payment_date#relation', 'on_or_before');
      await page.locator('details').evaluateAll((all) => all.forEach((d) => { d.open = true; }));
      const result = await axe(page).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
      assert.deepEqual(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`), []);
      assert.equal(await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth), false);
    }, { viewport: { width, height: 800 } }));
  }

  test('新建城市 puts focus on the first field, and an added rule\'s first field takes focus', () => bench(async (page) => {
    await page.getByRole('button', { name: '新建城市' }).click();
    await settle(page);
    assert.equal(await page.evaluate(() => document.activeElement.dataset.path), '/id');
    await page.getByRole('button', { name: '添加待遇开始规则' }).click();
    assert.equal(await page.evaluate(() => document.activeElement.dataset.path), '/benefit_rules/1/id');
    await page.getByRole('button', { name: '删除待遇开始规则2', exact: true }).click();
    assert.equal(await page.evaluate(() => document.activeElement.textContent), '添加待遇开始规则');
    assert.equal((await text(page)).benefit_rules.length, 1);
    // A category's id names its choice in every condition: typed key by key, the form is made anew and the caret stays.
    await control(page, '/categories/0/id').fill('');
    await control(page, '/categories/0/id').pressSequentially('adult');
    assert.equal((await text(page)).categories[0].id, 'adult');
    assert.equal(await page.evaluate(() => document.activeElement.dataset.path), '/categories/0/id');
    assert.equal(await control(page, '/contributions/0/when#category/adult').isVisible(), true);
  }));
});

function fileURLPath(relative) {
  return new URL(relative, import.meta.url).pathname;
}
