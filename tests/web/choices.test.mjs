// What more notices say (tests/rulesets/choices-example.json, 示例县): paying from a relative's employee account
// (家庭共济) told under a member's figures and in print; an add-on a member chooses (大病医疗互助补充保险) with its own
// fee beside the fees and apart from the totals; a student who pays tier 1 with tier 2's benefits. In Chromium from
// file:// with the network cut off, no console error (withPage).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { base64url, card, figures } from './browser.mjs';
import { loadEngine } from './engine.mjs';
import { compactData } from '../../web/rules-data.mjs';
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
  assert.equal(t['共需缴纳（个人缴费+自愿参加）'], '860元', 'what the family pays, the add-on with the contributions');
  // The spoken summary is written a moment after the result (so that a screen reader hears it once).
  await page.waitForFunction(() => document.getElementById('summary').textContent.includes('连同自愿参加的项目共需缴纳860元'));
  for (const member of [mother, child]) assert.match(await member.textContent(), new RegExp(FAMILY));
  assert.match(await child.textContent(), /按一档标准缴费，享受二档标准的医保待遇。/);
  const print = await page.locator('#print-table').textContent();
  assert.match(print, /自愿参加/);
  assert.match(print, new RegExp(FAMILY));
}));

// 上年已缴费但待遇还没开始 (paid_not_started): 示例县's rules name it, so its form offers it and the answer rests on its
// own sentence of the notice; Qingdao's never do, so its form does not offer it, and a member who had it chosen is
// told at the field, the choice kept.
const HISTORY = '上年度参保情况';
const PAID_NOT_STARTED = '已缴费但待遇未开始';  // the choice's words under 上年度参保情况; the engine's messages say it in full
test('the choices under 上年度参保情况 are the engine\'s short labels of the histories', () => open(async (page) => {
  const engine = await loadEngine();
  const labels = Object.values(JSON.parse(engine.loadCompactRulesets(compactData('[]').bytes)).histories);
  await page.locator('#ruleset').selectOption({ label: '示例县' });
  assert.deepEqual(await card(page, 0).getByLabel(HISTORY).locator('option').allTextContents(), labels);
}));

const TREATED_AS_CONTINUOUS = '上年度已缴费但待遇尚未开始的居民，在集中缴费期内缴费的，按连续参保对待，自2027年1月1日起享受待遇';

test('示例县 offers 上年已缴费但待遇还没开始: benefits from 2027年1月1日, by the notice\'s own sentence', () => open(async (page) => {
  await page.locator('#ruleset').selectOption({ label: '示例县' });
  const mother = card(page, 0);
  await mother.getByLabel('出生日期').fill('1980-03-01');
  const history = mother.getByLabel(HISTORY);
  assert.deepEqual(await history.locator('option').allTextContents(), ['连续参保', '首次参保', '断保后续保', PAID_NOT_STARTED]);
  await history.selectOption({ label: PAID_NOT_STARTED });
  await page.waitForSelector('body[data-state="result"]');
  assert.equal((await figures(mother)).待遇开始, '2027年1月1日');
  await mother.getByText('依据（为什么这样算）').click();
  const step = mother.locator('.steps > li').filter({ hasText: '按连续参保对待' });
  assert.equal(await step.locator('p').first().textContent(),
    '上年度已缴费但待遇还没开始，在集中缴费期内于2026年11月15日缴费，按连续参保对待，自2027年1月1日起享受待遇。');
  assert.equal(await step.locator('blockquote').textContent(), TREATED_AS_CONTINUOUS);
  const link = await page.locator('#link-text').inputValue();
  assert.equal(JSON.parse(Buffer.from(link.split('#v1.')[1], 'base64url').toString()).m[0].h, 'paid_not_started');

  await page.locator('#ruleset').selectOption({ label: '青岛市' });
  const moved = card(page, 0).getByLabel(HISTORY);
  assert.equal(await moved.inputValue(), 'paid_not_started', 'the choice is kept, for the reader to change');
  assert.match(await page.locator(`#${await moved.getAttribute('id')}-error`).textContent(),
    /的规则没有说明“上年已缴费但待遇还没开始”的人怎样算，请从上年连续参保、首次参保、断保中选择/);
  await page.getByRole('button', { name: '+ 成人' }).click();
  assert.deepEqual(await card(page, 1).getByLabel(HISTORY).locator('option').allTextContents(), ['连续参保', '首次参保', '断保后续保'],
    'Qingdao\'s form does not offer it');
}));

test('a share link with 上年已缴费但待遇还没开始 opens it chosen: answered on 示例县, flagged at the field on Qingdao', async () => {
  const link = (c, p) => `#v1.${base64url({ c, p, m: [{ n: '母亲', b: '1980-03-01', t: 1, h: 'paid_not_started' }] })}`;
  await open(async (page) => {
    const mother = card(page, 0);
    assert.equal(await mother.getByLabel(HISTORY).inputValue(), 'paid_not_started');
    await page.waitForSelector('body[data-state="result"]');
    assert.equal((await figures(mother)).待遇开始, '2027年1月1日');
  }, { fragment: link('choices-example', '2026-11-15') });
  await open(async (page) => {
    const history = card(page, 0).getByLabel(HISTORY);
    assert.equal(await history.inputValue(), 'paid_not_started', 'nothing the link holds is dropped');
    assert.equal(await history.locator('option:checked').textContent(), `${PAID_NOT_STARTED}（无效）`);
    await page.waitForSelector(`#${await history.getAttribute('id')}-error:not([hidden])`);
    assert.match(await page.locator('#household').textContent(), /上年度参保情况：青岛市2024年度城乡居民基本医疗保险的规则没有说明/);
  }, { fragment: link('qingdao-2024', '2024-02-15') });
});
