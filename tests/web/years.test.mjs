// Several insurance years of one city on one page: the 2024 rulesets of rules/ plus two Qingdao years built on
// qingdao-2024 by `base` (tests/rulesets/qingdao-2026-example.json: payments 2025-09-01..2026-12-31; qingdao-2027-example.json:
// 2026-09-01..2027-12-31). The year follows the payment date; where both windows hold it (2026-09-01..2026-12-31)
// the household is asked, the later year by default; a link keeps the year it names until the date is changed.
// (The real qingdao-2026 and qingdao-2027 of rules/ would overlap with the examples: the page leaves them out;
// today's rulesets on 2026-12-01 are in today.test.mjs.)
// In Chromium from file:// with the network cut off, no console error and no CSP violation (withPage).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { base64url, card, figures, axe } from './browser.mjs';
import { only2024, testRuleset, usePage } from './pages.mjs';

const openPage = usePage('years', [...only2024(), testRuleset('qingdao-2026-example.json'), testRuleset('qingdao-2027-example.json')], '2026-11-23');
// Each test starts with the first card's birth date typed (a card comes without one), unless a link gave it one.
const open = (check, options) => openPage(async (page, context) => {
  const birth = card(page, 0).getByLabel('出生日期');
  if (await birth.count() && !(await birth.inputValue())) await birth.fill('1985-05-01');
  await check(page, context);
}, options);

const question = (page) => page.getByRole('group', { name: '您要缴纳哪一年度的医保费？' });
const year = (page, y) => page.getByRole('radio', { name: new RegExp(`^${y}年度`) });
const paymentDate = (page) => page.getByLabel('缴费日期', { exact: true });
// The year the household's result is for, from the totals heading: 全家1人合计(2027年度).
const resultYear = async (page) => {
  await page.waitForSelector('body[data-state="result"]');
  return /(\d{4})年度/.exec(await page.locator('.totals h3').textContent())[1];
};

describe('the insurance year follows the payment date', () => {
  test('the year whose collection window holds the payment date is estimated, and it follows the date', () => open(async (page) => {
    assert.equal(await page.getByLabel('参保城市').inputValue(), '青岛市');
    assert.deepEqual(await page.locator('#ruleset option').allTextContents(), ['青岛市', '沈阳市'], 'one entry a city');
    assert.equal(await paymentDate(page).inputValue(), '2026-03-01', 'today');
    assert.equal(await resultYear(page), '2026');
    assert.match(await page.locator('#ruleset-hint').textContent(), /青岛市2026年度/);
    assert.equal(await question(page).isVisible(), false, 'one window holds the date: nothing to ask');
    assert.equal((await figures(card(page, 0))).待遇结束, '2026年12月31日');

    await paymentDate(page).fill('2027-03-01');
    assert.equal(await resultYear(page), '2027');
    assert.equal((await figures(card(page, 0))).待遇开始, '2027年6月1日', '2027: paid in March, three months later');
    await paymentDate(page).fill('2024-02-15');
    assert.equal(await resultYear(page), '2024');
    const y2024 = await figures(card(page, 0));
    assert.deepEqual([y2024.个人缴费, y2024.待遇开始, y2024.待遇等待期], ['462元', '2024年5月1日', undefined],
      '2024 as dist/yibao.html gives it; its ruleset has no reform waiting period');
    assert.equal(await page.locator('#stale').isVisible(), false, 'the city has rules for now');
  }, { now: '2026-03-01' }));

  test('on 2026-10-15 the page asks which year, the later by default; 2026 is late, with its waiting period',
    () => open(async (page) => {
      const asked = question(page);
      assert.equal(await asked.isVisible(), true);
      assert.equal(await year(page, 2027).isChecked(), true, 'the normal collection by default');
      assert.equal(await year(page, 2026).isChecked(), false);
      const hint = async (y) => page.locator(`#${await year(page, y).getAttribute('aria-describedby')}`).textContent();
      assert.match(await hint(2027), /2026年12月31日前缴费，上年度连续参保的自2027年1月1日起享受待遇/);
      assert.match(await hint(2026), /2026年度的集中缴费期已在2025年12月31日结束，现在缴费要过了等待期才能报销/);
      assert.equal(await resultYear(page), '2027');
      assert.deepEqual(await figures(card(page, 0)), { 类别: '成年居民（一档）', 个人缴费: '462元', 政府补助: '850元',
        待遇等待期: '无', 待遇开始: '2027年1月1日', 待遇结束: '2027年12月31日' });

      await year(page, 2026).check();
      assert.equal(await resultYear(page), '2026');
      const late = card(page, 0);
      assert.deepEqual(await figures(late), { 类别: '成年居民（一档）', 个人缴费: '462元', 政府补助: '850元',
        待遇等待期: '3个月 = 固定3个月', 待遇开始: '本年度没有待遇', 待遇结束: '2026年12月31日' });
      assert.match(await late.locator('.alert').textContent(), /本年度享受不到医保待遇[\s\S]*2027年1月1日/);
      assert.match(await page.locator('#ruleset-hint').textContent(), /青岛市2026年度/);
      assert.equal(await year(page, 2026).isChecked(), true);
      assert.match(page.url(), /#v1\./);

      // The choice holds while the date stays in both windows.
      await paymentDate(page).fill('2026-10-16');
      assert.equal(await resultYear(page), '2026');
      assert.equal(await year(page, 2026).isChecked(), true);
    }, { now: '2026-10-15' }));

  test('the day before, on and after each end of the overlap', () => open(async (page) => {
    const cases = [
      ['2026-08-31', false, '2026'], ['2026-09-01', true, '2027'], ['2026-09-02', true, '2027'],
      ['2026-12-30', true, '2027'], ['2026-12-31', true, '2027'], ['2027-01-01', false, '2027'],
    ];
    for (const [date, asks, shown] of cases) {
      await paymentDate(page).fill(date);
      assert.equal(await question(page).isVisible(), asks, `${date}: asked`);
      assert.equal(await resultYear(page), shown, `${date}: year`);
    }
    // On the first day of the overlap, 2026 paid late still buys a month: a waiting period, then cover.
    await paymentDate(page).fill('2026-09-01');
    await year(page, 2026).check();
    const first = await figures(card(page, 0));
    assert.deepEqual([first.待遇等待期, first.待遇开始], ['3个月 = 固定3个月', '2026年12月1日']);
    assert.match(await card(page, 0).locator('.alert').textContent(), /有待遇等待期/);
  }));

  test('a date in no window of the city keeps the nearest year, and the error lists every window', () => open(async (page) => {
    await paymentDate(page).fill('2025-03-01');
    const error = page.locator('#payment-date-error');
    await page.waitForSelector('#payment-date[aria-invalid="true"]');
    assert.match(await error.textContent(), /不在青岛市2024年度城乡居民基本医疗保险的缴费期/);
    assert.match(await error.textContent(), new RegExp('可以缴费的日期：2023年9月1日至2024年12月31日（2024年度）；' +
      '2025年9月1日至2026年12月31日（2026年度）；2026年9月1日至2027年12月31日（2027年度）。'));
    await paymentDate(page).fill('2025-08-20');
    await page.waitForFunction(() => /青岛市2026年度/.test(document.getElementById('payment-date-error').textContent));
    assert.equal(await paymentDate(page).inputValue(), '2025-08-20', 'what was typed stays');
    assert.equal(await question(page).isVisible(), false);
  }));

  test('a keyboard moves between the years with the arrow keys, and stays on the chosen one', () => open(async (page) => {
    await year(page, 2027).focus();
    await page.keyboard.press('ArrowDown');
    assert.equal(await resultYear(page), '2026');
    assert.equal(await page.evaluate(() => document.activeElement.value), 'qingdao-2026-example', 'focus stays on the radio');
    await page.keyboard.press('ArrowUp');
    assert.equal(await resultYear(page), '2027');
    assert.equal(await page.evaluate(() => document.activeElement.value), 'qingdao-2027-example');
  }, { now: '2026-10-15' }));
});

describe('links and embedding', () => {
  test('an old link naming qingdao-2024 keeps it; changing the date then picks the year again', async () => {
    // A v1 link as the page wrote it before the lapse questions: no l, r, y, k.
    const old = { c: 'qingdao-2024', p: '2024-02-15', m: [{ n: '爷爷', b: '1958-04-02', t: 1 }] };
    await open(async (page) => {
      assert.equal(await page.locator('#link-notice').isVisible(), false, 'a v1 link needs no notice');
      assert.equal(await resultYear(page), '2024', 'not today’s year (2027)');
      assert.deepEqual(await figures(card(page, 0)), { 类别: '成年居民（一档）', 个人缴费: '462元', 政府补助: '850元',
        待遇开始: '2024年5月1日', 待遇结束: '2024年12月31日' });
      await paymentDate(page).fill('2026-11-20');
      assert.equal(await resultYear(page), '2027');
      assert.equal(await question(page).isVisible(), true);
    }, { fragment: `#v1.${base64url(old)}`, wait: 'body[data-state="result"]' });

    // Its date outside qingdao-2024's window: the link's year is kept all the same, and the engine says so.
    await open(async (page) => {
      const error = page.locator('#payment-date-error');
      assert.match(await error.textContent(), /不在青岛市2024年度城乡居民基本医疗保险的缴费期/);
      assert.equal(await question(page).isVisible(), false);
      await paymentDate(page).fill('2026-10-16');
      assert.equal(await resultYear(page), '2027');
      assert.equal(await error.isVisible(), false);
    }, { fragment: `#v1.${base64url({ ...old, p: '2026-10-15' })}`, wait: 'body[data-state="pending"]' });
  });

  test('a link naming the earlier of two open years opens with that year chosen', () => open(async (page) => {
    assert.equal(await resultYear(page), '2026');
    assert.equal(await question(page).isVisible(), true);
    assert.equal(await year(page, 2026).isChecked(), true);
  }, { fragment: `#v1.${base64url({ c: 'qingdao-2026-example', p: '2026-10-15', m: [{ b: '1980-05-12', t: 1 }] })}`,
    wait: 'body[data-state="result"]' }));

  test('city= fixes the city of an embedded page; the year still follows the date', () => open(async (page) => {
    const city = page.getByLabel('参保城市');
    assert.equal(await city.inputValue(), '青岛市');
    assert.equal(await city.isDisabled(), true);
    assert.equal(await resultYear(page), '2027');
    assert.equal(await question(page).isVisible(), true);
    await year(page, 2026).check();
    assert.equal(await resultYear(page), '2026');
    assert.match(page.url(), /#embed&city=qingdao-2024&v1\./);
  }, { now: '2026-10-15', fragment: '#embed&city=qingdao-2024' }));
});

describe('the out-of-date notice with several years', () => {
  const stale = (page) => page.locator('#stale');

  test('looks at the city’s latest year: Qingdao has 2027, Shenyang only 2024', () => open(async (page) => {
    assert.equal(await stale(page).isVisible(), false);
    await page.getByLabel('参保城市').selectOption('沈阳市');
    assert.equal(await stale(page).isVisible(), true);
    assert.equal(await page.locator('#h-stale').textContent(), '⚠ 本页的规定是2024年度的，已经过期');
    await page.getByLabel('参保城市').selectOption('青岛市');
    assert.equal(await stale(page).isVisible(), false);
  }));

  test('says nothing on the last day of the latest window', () => open(async (page) => {
    assert.equal(await stale(page).isVisible(), false);
  }, { now: '2027-12-31' }));

  test('the day after the latest window it names that year, even for a household on an older one', () => open(async (page) => {
    assert.equal(await stale(page).isVisible(), true);
    assert.equal(await page.locator('#h-stale').textContent(), '⚠ 本页的规定是2027年度的，已经过期');
    assert.match(await stale(page).textContent(), /缴费期是2026年9月1日至2027年12月31日。今天是2028年1月1日/);
    await paymentDate(page).fill('2026-03-01');
    assert.equal(await resultYear(page), '2026');
    assert.equal(await page.locator('#h-stale').textContent(), '⚠ 本页的规定是2027年度的，已经过期');
  }, { now: '2028-01-01' }));
});

describe('the question of the year, for everyone', () => {
  test('axe finds no WCAG 2.0/2.1 A or AA violation with the question and the lapse questions on screen', () => open(async (page) => {
    await card(page, 0).getByLabel('上年度参保情况').selectOption('lapsed');
    await page.getByRole('button', { name: '+ 老人' }).click();
    await page.waitForSelector('body[data-state="result"]');
    await page.locator('details').evaluateAll((all) => all.forEach((d) => { d.open = true; }));
    const { violations } = await axe(page).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    assert.deepEqual(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`), []);
  }, { now: '2026-10-15', bypassCSP: true }));

  test('on a 360 px phone, in 大字模式 too, nothing scrolls sideways', () => open(async (page) => {
    await card(page, 0).getByLabel('上年度参保情况').selectOption('lapsed');
    await page.locator('details').evaluateAll((all) => all.forEach((d) => { d.open = true; }));
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth) <= 360);
    await page.getByRole('button', { name: '大字模式' }).click();
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth) <= 360);
    const radio = await year(page, 2026).evaluate((e) => e.closest('label').getBoundingClientRect().height);
    assert.ok(radio >= 44, `the year's label is ${radio}px high`);
  }, { now: '2026-10-15', viewport: { width: 360, height: 740 } }));
});
