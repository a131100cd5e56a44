// A benefit start the notice does not give (tests/rulesets/start-unknown-example.json: a newborn paying after 90
// days), and a household of newborns the continuity deadline cannot concern: the page says the start is not
// published, why and whom to ask, never a date or days without cover, and no deadline missed. In Chromium from
// file:// with the network cut off, no console error (withPage).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { card, figures } from './browser.mjs';
import { only2024, testRuleset, usePage } from './pages.mjs';

const open = usePage('start-unknown', [...only2024(), testRuleset('start-unknown-example.json')], '2027-04-10');

async function baby(page) {
  await page.getByLabel('参保城市').selectOption('示例市');
  const member = card(page, 0);
  await member.getByLabel('称呼').fill('宝宝');
  await member.getByLabel('出生日期').fill('2027-01-10');
  await member.getByLabel('上年度参保情况').selectOption('new');
  await page.waitForSelector('body[data-state="result"]');
  return member;
}

describe('a start not published', () => {
  test('a baby paid on the 91st day: 待遇开始 尚未公布, why and whom to ask, no days without cover', () => open(async (page) => {
    const member = await baby(page);
    const shown = await figures(member);
    assert.equal(shown.待遇开始, '尚未公布');
    assert.equal(shown.待遇结束, '2027年12月31日');
    assert.match(await member.locator('.flag').allTextContents().then((t) => t.join('\n')),
      /待遇开始日期尚未公布：通知没有说明出生90天后参保的新生儿从哪天起享受待遇；请咨询示例市医保服务中心（12393）。/);
    assert.equal(await member.locator('.alert').count(), 0, 'no 本年度享受不到医保待遇, no gap');
    assert.doesNotMatch(await member.textContent(), /本年度没有待遇|享受不到/);
    // Born after the continuity deadline: not told it paid too late.
    const deadline = await page.locator('.deadline').textContent();
    assert.match(deadline, /家里的成员都在这个截止日期之后出生，不受它限制/);
    assert.doesNotMatch(deadline, /晚于这个截止日期/);
  }));

  test('the same baby paid on the 90th day is covered from birth', () => open(async (page) => {
    await page.getByLabel('缴费日期', { exact: true }).fill('2027-04-09');
    const member = await baby(page);
    assert.equal((await figures(member)).待遇开始, '2027年1月10日');
  }));
});
