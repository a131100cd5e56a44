// A ruleset's own member questions are asked only where it has them: the page holding the 2024 rulesets of rules/
// and the test fixture groups-example (示例市: 性别 without a default, 户口新迁入 defaulting to 不是) asks them on 示例市's
// cards, each a labelled select, and not on Qingdao's; the answers reach the engine, the figures and the share link.
// In Chromium from file:// with the network cut off, no console error and no CSP violation (withPage).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { at, base64url, card, figures, launch, withPage, axe } from './browser.mjs';
import { only2024, staffPage, testPages, testRuleset, usePage } from './pages.mjs';

const open = usePage('questions', [...only2024(), testRuleset('groups-example.json')], '2026-11-15');
const SEX = '这位成员的性别？';
const MOVED_IN = '户口是不是新迁入本市？';

test('示例市 asks its two questions on each card, as labelled selects, and Qingdao asks neither', () => open(async (page) => {
  await page.locator('#ruleset').selectOption({ label: '示例市' });
  const first = card(page, 0);
  await first.getByLabel('出生日期').fill('1976-11-15');
  const sex = first.getByLabel(SEX);
  const moved = first.getByLabel(MOVED_IN);
  assert.deepEqual(await sex.locator('option').allTextContents(), ['请选择', '男', '女'], 'no default: nothing is chosen for her');
  assert.deepEqual(await moved.locator('option').allTextContents(), ['不是', '是']);
  assert.equal(await moved.inputValue(), 'no', 'the default answer is shown chosen');
  // Unanswered, the engine asks for it at the field, and the error summary names the question's short label.
  await page.waitForSelector('#household .error-list');
  assert.match(await page.locator('#household').textContent(), /成员1：妈妈，性别：请选择性别（男、女）|性别：请选择性别（男、女）/);
  assert.match(await first.locator(`#${await sex.getAttribute('id')}-error`).textContent(), /请选择性别/);
  // Answered by keyboard: 女, 50 on the payment date, pays 350元.
  await sex.focus();
  await sex.selectOption({ label: '女' });
  await page.waitForSelector('body[data-state="result"]');
  assert.equal((await figures(first))['个人缴费'], '350元');
  const results = await axe(page).include('#members').analyze();
  assert.deepEqual(results.violations.map((v) => v.id), []);

  await page.locator('#ruleset').selectOption({ label: '青岛市' });
  assert.equal(await card(page, 0).getByLabel(SEX).count(), 0, 'Qingdao asks no 性别');
  assert.equal(await card(page, 0).getByLabel(MOVED_IN).count(), 0);
}));

test('the share link keeps the answers, and a link from before the questions opens with their defaults', async () => {
  const household = (answers) => ({ c: 'groups-example', p: '2026-11-15',
    m: [{ n: '妈妈', b: '1976-11-15', ...(answers ? { q: answers } : {}) }] });
  await open(async (page) => {
    const first = card(page, 0);
    assert.equal(await first.getByLabel(SEX).inputValue(), 'female');
    assert.equal(await first.getByLabel(MOVED_IN).inputValue(), 'yes');
    await page.waitForSelector('body[data-state="result"]');
    assert.equal((await figures(first))['个人缴费'], '350元');
    const link = await page.locator('#link-text').inputValue();
    const data = JSON.parse(Buffer.from(link.split('#v1.')[1], 'base64url').toString());
    assert.deepEqual(data.m[0].q, { sex: 'female', moved_in: 'yes' });
  }, { fragment: `#v1.${base64url(household({ sex: 'female', moved_in: 'yes' }))}` });
  await open(async (page) => {
    const first = card(page, 0);
    assert.equal(await first.getByLabel(SEX).inputValue(), '', 'an old link has no 性别: asked, never guessed');
    assert.equal(await first.getByLabel(MOVED_IN).inputValue(), 'no');
  }, { fragment: `#v1.${base64url(household(null))}` });
});

// The staff page built beside it: its template has a column per question of the ruleset chosen, and a roster
// answering them is estimated as the CLI does (tests/unit/roster_test.cpp holds the rows' figures).
const staff = testPages();
let staffUrl;
let browser;
before(async () => {
  staffUrl = staffPage(staff.build('questions-staff', [...only2024(), testRuleset('groups-example.json')]));
  browser = await launch();
});
after(async () => {
  await browser.close();
  staff.remove();
});

test('the staff page\'s template has a column for each of 示例市\'s questions, and Qingdao\'s none', () =>
  withPage(browser, { url: staffUrl, now: at('2026-11-15'), wait: 'body[data-state="ready"]' }, async (page) => {
    const header = async () => {
      const [saved] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '下载模板' }).click()]);
      const chunks = [];
      for await (const chunk of await saved.createReadStream()) chunks.push(chunk);
      return Buffer.concat(chunks).toString('utf8').replace(/^\ufeff/, '').split('\r\n');
    };
    await page.getByLabel('参保地').selectOption('groups-example');
    const lines = await header();
    assert.equal(lines[0], '姓名,出生日期,在校情况,特殊人群,上年度参保情况,缴费日期,性别,户口新迁入');
    assert.deepEqual(lines.slice(1, 3).map((line) => line.split(',').slice(-2)), [['男', '不是'], ['女', '是']],
      'the example rows answer each question by an answer\'s label');
    await page.getByLabel('参保地').selectOption('qingdao-2024');
    assert.equal((await header())[0], '姓名,出生日期,在校情况,缴费档次,上年度参保情况,缴费日期');
  }));
