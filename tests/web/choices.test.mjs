// What more notices say (tests/rulesets/choices-example.json, 示例县): paying from a relative's employee account
// (家庭共济) told under a member's figures and in print; an add-on a member chooses (大病医疗互助补充保险) with its own
// fee beside the fees and apart from the totals; a student who pays tier 1 with tier 2's benefits. In Chromium from
// file:// with the network cut off, no console error (withPage).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { card, figures } from './browser.mjs';
import { only2024, testRuleset, usePage } from './pages.mjs';

const open = usePage('choices', [...only2024(), testRuleset('choices-example.json')], '2026-11-15');
const MUTUAL_AID = '是否自愿参加大病医疗互助补充保险？';
const FAMILY = '可以用家人的职工医保个人账户缴费：职工医保参保人的个人账户可以为其配偶、父母、子女缴费，' +
  '账户余额超过2000元的部分才能用；使用前须在医保服务平台办理家庭共济备案。';

test('示例县 shows the add-on apart, the family account under each member and the student\'s benefit tier', () => open(async (page) => {
  await page.locator('#ruleset').selectOption({ label: '示例县' });
  const mother = card(page, 0);
  await mother.getByLabel('出生日期').fill('1980-03-01');
  await mother.getByLabel(MUTUAL_AID).selectOption({ label: '参加' });
  await page.getByRole('button', { name: '+ 中小学生' }).click();
  const child = card(page, 1);
  await child.getByLabel('出生日期').fill('2012-05-01');
  await page.waitForSelector('body[data-state="result"]');
  const m = await figures(mother);
  assert.equal(m.个人缴费, '400元', 'the add-on is not in the basic contribution');
  assert.equal(m.自愿参加, '大病医疗互助补充保险60元');
  const c = await figures(child);
  assert.equal(c.类别, '在校学生（按一档缴费，享受二档待遇）');
  assert.equal(c.自愿参加, undefined, 'no add-on row for a member who takes none');
  const t = await figures(page.locator('#household .totals'));
  assert.equal(t.个人缴费, '800元');
  assert.equal(t['自愿参加（另缴）'], '大病医疗互助补充保险60元');
  for (const member of [mother, child]) assert.match(await member.textContent(), new RegExp(FAMILY));
  assert.match(await child.textContent(), /按一档标准缴费，享受二档标准的医保待遇。/);
  const print = await page.locator('#print-table').textContent();
  assert.match(print, /自愿参加/);
  assert.match(print, new RegExp(FAMILY));
}));
