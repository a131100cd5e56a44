// A fee given by part (tests/rulesets/parts-example.json: 个人缴费 = 基本医保 + 长期护理保险, 财政补助 and, for
// assisted members, 医疗救助资助): each member's fee with its parts, the household's totals by kind, each part's basis
// under 依据, the print summary, the fee tables without JavaScript, and the staff page's roster with one column per
// part. In Chromium from file:// with the network cut off, no console error (withPage).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { describe, test } from 'node:test';
import { card, figures } from './browser.mjs';
import { only2024, testRuleset, usePage } from './pages.mjs';

const fixture = testRuleset('parts-example.json');
const open = usePage('parts', [...only2024(), fixture], '2026-11-01');

async function household(page) {
  await page.getByLabel('参保城市').selectOption('示例市');
  await card(page, 0).getByLabel('称呼').fill('爸爸');
  await card(page, 0).getByLabel('出生日期').fill('1980-05-01');
  await page.getByRole('button', { name: '+ 老人' }).click();
  const grandma = card(page, 1);
  await grandma.getByLabel('出生日期').fill('1956-03-01');
  await grandma.getByLabel('特殊人群').selectOption('dibao');
  await page.waitForSelector('body[data-state="result"]');
  return [card(page, 0), grandma];
}

describe('a fee given by part', () => {
  test('each member shows its fee with its parts, and the household its totals by kind', () => open(async (page) => {
    const [father, grandma] = await household(page);
    const f = await figures(father);
    assert.equal(f.个人缴费, '480元其中基本医保450元、长期护理保险30元');
    assert.equal(f.政府补助, '700元', 'one government part is the total itself');
    const g = await figures(grandma);
    assert.equal(g.个人缴费, '160元其中基本医保130元、长期护理保险30元');
    assert.equal(g.政府补助, '1020元其中财政补助700元、医疗救助资助320元');
    const t = await figures(page.locator('#household .totals'));
    assert.equal(t.个人缴费, '640元其中基本医保580元、长期护理保险60元');
    assert.equal(t.政府补助, '1720元其中财政补助1400元、医疗救助资助320元');
    // Each part's basis is quoted under 依据.
    const steps = await grandma.locator('ol.steps').textContent();
    assert.match(steps, /医疗救助资助320元，由政府补助。〔大意〕低保对象由医疗救助基金资助320元/);
    // The print summary says the parts too.
    const print = await page.locator('#print-table').textContent();
    assert.match(print, /1020元（其中财政补助700元、医疗救助资助320元）/);
  }));

  test('a part not published is said so, with its reason, and its totals are not summed', () => open(async (page) => {
    await page.getByLabel('参保城市').selectOption('示例市');
    const member = card(page, 0);
    await member.getByLabel('出生日期').fill('2015-03-01');
    await member.getByLabel('特殊人群').selectOption('orphan');
    await page.waitForSelector('body[data-state="result"]');
    const shown = await figures(member);
    assert.equal(shown.个人缴费, '尚未公布其中基本医保尚未公布、长期护理保险30元');
    assert.equal(shown.政府补助, '尚未公布其中财政补助700元、医疗救助资助尚未公布');
    assert.match(await member.locator('.flag').allTextContents().then((t) => t.join('\n')),
      /医疗救助资助尚未公布：孤儿的医疗救助资助标准另行公布；请咨询示例市医疗保障局。/);
  }));

  test('without JavaScript the fee table gives each amount its parts', () => open(async (page) => {
    const table = page.locator('.fee-tables table', { hasText: '示例市' });
    assert.match(await table.innerText(), /低保对象\s+160元\s+其中基本医保130元、长期护理保险30元\s+1020元\s+其中财政补助700元、医疗救助资助320元/);
  }, { javaScriptEnabled: false, wait: 'noscript p' }));
});

test('yibao batch adds a column per part, as the README says', () => {
  const out = execFileSync(new URL('../../build/native/yibao', import.meta.url).pathname,
    ['batch', '--rules', fixture, '--ruleset', 'parts-example', '--payment-date', '2026-11-01', '-'],
    { input: '姓名,出生日期,特殊人群\n奶奶,1956-03-01,低保\n', encoding: 'utf8' });
  assert.equal(out.split('\r\n')[0], '姓名,出生日期,特殊人群,类别,个人缴费,政府补助,基本医保,长期护理保险,财政补助,医疗救助资助,' +
    '待遇开始,待遇结束,提示,暂按往年标准,未公布');
  assert.equal(out.split('\r\n')[1], '奶奶,1956-03-01,低保,城乡居民,160,1020,130,30,700,320,2027-01-01,2027-12-31,,,');
});
