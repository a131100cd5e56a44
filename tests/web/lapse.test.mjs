// The lapse questions of the 2025 waiting-period reform (tests/rulesets/qingdao-2027-example.json, built on
// qingdao-2024 by `base`): asked only where the ruleset has a waiting_period, 断保 asking how long and how much is
// paid back, 连续参保 what the 大病保险 notes need; the waiting period in its parts; errors at their field; and
// the fields in the share link. In Chromium from file:// with the network cut off, no console error (withPage).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { addMember, base64url, card, figures } from './browser.mjs';
import { only2024, testRuleset, usePage } from './pages.mjs';

const LAPSED = '连续没有参保几年了？';
const REPAIRED = '这次补缴（修复）几年？';
const CONTINUOUS = '已经连续参保几年？';
const CLAIMED = '上一年度有没有用医保报销过？';
const QUESTIONS = [LAPSED, REPAIRED, CONTINUOUS, CLAIMED];

const open = usePage('lapse', [...only2024(), testRuleset('qingdao-2027-example.json')], '2026-11-23');

// Which of the four questions a card shows.
const shown = async (scope) => {
  const visible = {};
  for (const label of QUESTIONS) visible[label] = await scope.getByLabel(label).isVisible();
  return visible;
};
const only = (...labels) => Object.fromEntries(QUESTIONS.map((label) => [label, labels.includes(label)]));

// 小孙, an adult on 一档, paid in the collection period for 2027.
async function xiaoSun(page, lapsed) {
  const member = card(page, 0);
  await member.getByLabel('称呼').fill('小孙');
  await member.getByLabel('出生日期').fill('1995-06-01');
  await member.getByLabel('上年度参保情况').selectOption('lapsed');
  await member.getByLabel(LAPSED).fill(lapsed);
  await page.getByLabel('缴费日期', { exact: true }).fill('2026-11-15');
  return member;
}

describe('the lapse questions', () => {
  test('appear only for a ruleset with the reform’s waiting period: 断保 asks two, 连续参保 two others', () => open(async (page) => {
    const member = card(page, 0);
    await member.getByLabel('出生日期').fill('1985-05-01');
    const history = member.getByLabel('上年度参保情况');
    assert.deepEqual(await shown(member), only(CONTINUOUS, CLAIMED), '连续参保, by default');
    assert.equal(await member.getByLabel(CLAIMED).inputValue(), '', '不清楚 by default');
    await history.selectOption('lapsed');
    assert.deepEqual(await shown(member), only(LAPSED, REPAIRED));
    assert.equal(await member.getByLabel(LAPSED).inputValue(), '1');
    assert.equal(await member.getByLabel(REPAIRED).inputValue(), '0');
    assert.match(await page.locator(`#${await member.getByLabel(REPAIRED).getAttribute('aria-describedby')}`).textContent(),
      /每补缴1年可缩短1个月等待期，固定等待期不变/);
    await history.selectOption('new');
    assert.deepEqual(await shown(member), only());

    // Qingdao 2024 and Shenyang 2024 have no such waiting period: nothing is asked, even after a lapse.
    await history.selectOption('lapsed');
    await page.getByLabel('缴费日期', { exact: true }).fill('2024-02-15');
    await page.waitForSelector('body[data-state="result"]');
    assert.match(await page.locator('.totals h3').textContent(), /2024年度/);
    assert.deepEqual(await shown(card(page, 0)), only());
    await page.getByLabel('参保城市').selectOption('沈阳市');
    assert.deepEqual(await shown(card(page, 0)), only());
    assert.equal(await card(page, 0).getByLabel('上年度参保情况').inputValue(), 'lapsed', 'the answers are kept');
  }));

  test('小孙, lapsed 2025 and 2026, paid 2026-11-15: from 2027-05-01, 4个月 = 固定3个月 + 变动1个月; repairing 1 year: 2027-04-01',
    () => open(async (page) => {
      const member = await xiaoSun(page, '2');
      await page.waitForSelector('body[data-state="result"]');
      assert.equal(await member.locator('h3').textContent(), '成员1：小孙');
      assert.deepEqual(await figures(member), { 类别: '成年居民（一档）', 个人缴费: '462元', 政府补助: '850元',
        待遇等待期: '4个月 = 固定3个月 + 变动1个月', 待遇开始: '2027年5月1日', 待遇结束: '2027年12月31日' });
      assert.match(await member.locator('.alert').textContent(), /2027年1月1日至2027年4月30日/);
      // The 大病保险 note, with its basis like the explanation's.
      const note = member.locator('.note');
      assert.match(await note.locator('p').first().textContent(), /^大病保险：断保后再参保，大病保险最高支付限额降低3000元/);
      await note.getByText('这条提示的依据').click();
      assert.equal(await note.locator('blockquote').textContent(), '断保人员再参保缴费的,相应降低大病保险最高支付限额3000元');
      assert.equal(await note.locator('.cite').textContent(), '——《山东省大病保险参保激励（德州新闻网）》（背景资料）');
      // The reasons name each part.
      const reasons = await member.locator('.steps > li > p:first-child').allTextContents();
      assert.ok(reasons.some((text) => /固定待遇等待期3个月/.test(text)), reasons.join('\n'));
      assert.ok(reasons.some((text) => /断保2年，从第2年起每多断保1年，增加1个月变动待遇等待期/.test(text)));

      await member.getByLabel(REPAIRED).fill('1');
      const repaired = await figures(member);
      assert.deepEqual([repaired.待遇等待期, repaired.待遇开始],
        ['3个月 = 固定3个月 + 变动1个月 − 补缴减少1个月', '2027年4月1日']);

      // Paying back more years than the variable part has months shortens nothing more, and the page says so.
      await member.getByLabel(REPAIRED).fill('2');
      assert.equal((await figures(member)).待遇等待期, '3个月 = 固定3个月 + 变动1个月 − 补缴减少1个月');
      assert.match(await member.locator('.outcome').textContent(), /提示：补缴2年只能缩短变动等待期，固定等待期不变/);

      // Four years and more: at least six months, whatever is paid back.
      await member.getByLabel(LAPSED).fill('5');
      await member.getByLabel(REPAIRED).fill('4');
      const floor = await figures(member);
      assert.deepEqual([floor.待遇等待期, floor.待遇开始],
        ['6个月 = 固定3个月 + 变动4个月 − 补缴减少4个月 + 补足到6个月', '2027年7月1日']);
    }));

  test('counts typed as ２ (full width) or 2年 are read as numbers; an empty count is assumed, with a note', () => open(async (page) => {
    const member = await xiaoSun(page, '２');
    await page.waitForSelector('body[data-state="result"]');
    assert.equal((await figures(member)).待遇开始, '2027年5月1日');
    await member.getByLabel(LAPSED).fill('2年');
    assert.equal((await figures(member)).待遇开始, '2027年5月1日');
    await member.getByLabel(LAPSED).fill('');
    assert.equal((await figures(member)).待遇开始, '2027年4月1日');
    assert.match(await member.locator('.outcome').textContent(), /提示：上年度未参保，但未填写断保年数，已按断保1年估算/);
  }));

  test('a contradiction (3 years repaired of 2 lapsed) is flagged at its field, keeping what was typed', () => open(async (page) => {
    const member = await xiaoSun(page, '2');
    const repaired = member.getByLabel(REPAIRED);
    await repaired.fill('3');
    await page.waitForSelector('body[data-state="pending"]');
    assert.equal(await repaired.inputValue(), '3');
    assert.equal(await repaired.getAttribute('aria-invalid'), 'true');
    const errorId = (await repaired.getAttribute('aria-describedby')).split(' ').find((id) => id.endsWith('-error'));
    assert.equal(await page.locator(`#${errorId}`).textContent(), '补缴（修复）年数3多于断保年数2');
    assert.equal(await member.getByLabel(LAPSED).getAttribute('aria-invalid'), null, 'the other count is not blamed');
    await page.waitForFunction(() => document.getElementById('summary').textContent.includes('有1处需要改正'));

    const lapsed = member.getByLabel(LAPSED);
    await repaired.fill('0');
    await lapsed.fill('0');
    assert.equal(await lapsed.getAttribute('aria-invalid'), 'true');
    assert.match(await page.locator(`#${(await lapsed.getAttribute('id'))}-error`).textContent(), /断保年数至少为1/);
    await lapsed.fill('两年');
    assert.equal(await lapsed.inputValue(), '两年');
    assert.equal(await page.locator(`#${(await lapsed.getAttribute('id'))}-error`).textContent(), '请填写整数年数，例如 0、1、2。');
    await lapsed.fill('2');
    await page.waitForSelector('body[data-state="result"]');
    assert.equal(await lapsed.getAttribute('aria-invalid'), null);
  }));

  test('insured 7 years in a row and no claim last year: both 大病保险 notes', () => open(async (page) => {
    const member = card(page, 0);
    await member.getByLabel('出生日期').fill('1985-05-01');
    await member.getByLabel(CONTINUOUS).fill('7');
    await member.getByLabel(CLAIMED).selectOption({ label: '没有' });
    await page.waitForSelector('body[data-state="result"]');
    const notes = await member.locator('.note > p').allTextContents();
    assert.equal(notes.length, 2);
    assert.match(notes[0], /已连续参保7年.*预计共提高9000元/);
    assert.match(notes[1], /上年度未发生报销，本年度大病保险最高支付限额提高3000元/);
    assert.equal((await figures(member)).待遇等待期, '无', 'paid in time after a year insured: no waiting period');
    await member.getByLabel(CLAIMED).selectOption({ label: '有' });
    assert.equal(await member.locator('.note').count(), 1);
    await member.getByLabel(CLAIMED).selectOption({ label: '不清楚' });
    await member.getByLabel(CONTINUOUS).fill('');
    assert.equal(await member.locator('.note').count(), 0);
  }));
});

describe('the lapse questions in the share link', () => {
  // Every control of the form as [label, value, shown], and every figure on screen.
  const formState = (page) => page.evaluate(() => [...document.querySelectorAll('#app input, #app select')]
    .map((control) => [control.labels[0].textContent, control.value, control.closest('[hidden]') === null]));
  // The deadline's heading: its verdict speaks of the link's date as the link's (today.test.mjs).
  const shownFigures = (page) => page.locator('dl.figures, .deadline h3, #members h3, .note > p').allTextContents();

  test('a link restores every lapse field and figure exactly', async () => {
    let link;
    let before;
    await open(async (page) => {
      await xiaoSun(page, '3');
      await card(page, 0).getByLabel(REPAIRED).fill('1');
      await addMember(page, '老人', '1958-11-15');
      await card(page, 1).getByLabel('称呼').fill('奶奶');
      await card(page, 1).getByLabel(CONTINUOUS).fill('12');
      await card(page, 1).getByLabel(CLAIMED).selectOption({ label: '没有' });
      await addMember(page, '成人', '1991-11-15');
      await card(page, 2).getByLabel('称呼').fill('爸爸');
      await card(page, 2).getByLabel(CLAIMED).selectOption({ label: '有' });
      await page.waitForSelector('body[data-state="result"]');
      link = page.url();
      before = { form: await formState(page), figures: await shownFigures(page) };
      assert.ok(before.figures.some((text) => text.includes('4个月 = 固定3个月 + 变动2个月 − 补缴减少1个月')), before.figures.join('|'));
    });
    await open(async (page) => {
      assert.deepEqual(await formState(page), before.form);
      assert.deepEqual(await shownFigures(page), before.figures);
      assert.equal(await card(page, 0).getByLabel(LAPSED).inputValue(), '3');
      assert.equal(await card(page, 0).getByLabel(REPAIRED).inputValue(), '1');
      assert.equal(await card(page, 1).getByLabel(CONTINUOUS).inputValue(), '12');
      assert.equal(await card(page, 1).getByLabel(CLAIMED).inputValue(), 'false');
      assert.equal(await card(page, 2).getByLabel(CLAIMED).inputValue(), 'true');
      assert.match(await page.locator('.deadline').textContent(), /本页按分享链接中的缴费日期2026年11月15日测算。/);
      assert.equal(await page.locator('#link-notice').isVisible(), false);
      assert.equal(page.url(), link);
    }, { url: link, wait: 'body[data-state="result"]' });
  });

  test('bad lapse values in a link stay in their fields as text, flagged', () => open(async (page) => {
    const member = card(page, 0);
    assert.equal(await member.getByLabel(LAPSED).inputValue(), '<b>x</b>');
    assert.equal(await member.getByLabel(LAPSED).getAttribute('aria-invalid'), 'true');
    assert.equal(await member.getByLabel(REPAIRED).inputValue(), '-1');
    assert.equal(await member.getByLabel(REPAIRED).getAttribute('aria-invalid'), 'true');
    const claimed = card(page, 1).getByLabel(CLAIMED);
    assert.equal(await claimed.inputValue(), 'maybe');
    assert.equal(await claimed.getAttribute('aria-invalid'), 'true');
    assert.equal(await page.locator(`#${await claimed.getAttribute('id')}-error`).textContent(), '请选择“有”“没有”或“不清楚”。');
    assert.equal(await page.locator('#app b').count(), 0);
    assert.equal(await page.locator('body').getAttribute('data-state'), 'pending');
  }, {
    fragment: `#v1.${base64url({ c: 'qingdao-2027-example', p: '2026-11-15',
      m: [{ b: '1995-06-01', t: 1, h: 'lapsed', l: '<b>x</b>', r: -1 }, { b: '1980-01-01', k: 'maybe' }] })}`,
    wait: 'body[data-state="pending"]',
  }));
});
