// A member in several assistance groups (issue 23): where the ruleset says which support is taken of several
// (several_groups, 红塔区's 就高), the card offers a checkbox for each group, and the result, the household total and
// the print view name the group taken; where it does not (沈阳市), one group is chosen, as before. The share link
// carries several groups, and a link of one group still opens. Errors of the engine stand at the field.
// In Chromium from file:// with the network cut off, no console error and no CSP violation (withPage).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { base64url, card, figures, axe } from './browser.mjs';
import { rulesFile, usePage } from './pages.mjs';

const open = usePage('groups', [rulesFile('yuxi-hongta-2026.json'), rulesFile('shenyang-2024.json'),
  rulesFile('shenyang-2026.json')], '2025-11-01');
const MONITORED = '参保资助180元的对象（监测对象、农村独生子女家庭等）';
const LOW_INCOME = '参保资助120元的对象（低保对象、重度残疾人、贫困老人和未成年人）';
// A checkbox by its label: Chromium names it with a space around an amount kept whole (参保资助 180元 的对象).
const box = (groups, label) => groups.getByRole('checkbox', { name: new RegExp(`^${label.replace(/\d+元/, ' ?$& ?').replace(/[()（）]/g, '\\$&')}$`) });
const grandmother = (a) => ({ c: 'yuxi-hongta-2026', p: '2025-11-01', m: [{ n: '奶奶', b: '1958-04-02', a }] });
const linkOf = async (page) => JSON.parse(Buffer.from((await page.locator('#link-text').inputValue()).split('#v1.')[1],
  'base64url').toString());

test('红塔区: a member ticks two groups by keyboard, and 就高 takes the larger 参保资助, named on the card, in the total and in print', () => open(async (page) => {
  await page.locator('#ruleset').selectOption({ label: '玉溪市红塔区' });
  const first = card(page, 0);
  await first.getByLabel('称呼').fill('奶奶');
  await first.getByLabel('出生日期').fill('1958-04-02');
  const groups = first.getByRole('group', { name: '特殊人群' });
  assert.equal(await groups.getByRole('checkbox').count(), 3, 'the notice\'s three groups, each a checkbox');
  assert.match(await groups.textContent(), /包括：城乡低保对象、丧失劳动能力的一二级重度残疾人/, 'who each group is, as the notice lists them');
  await box(groups, LOW_INCOME).focus();
  await page.keyboard.press('Space');
  await page.waitForSelector('body[data-state="result"]');
  assert.equal((await figures(first))['个人缴费'], '280元', 'one group: 个人实际缴费280元');
  await box(groups, MONITORED).focus();
  await page.keyboard.press('Space');
  await page.waitForFunction(() => document.querySelector('#members .figures dd')?.closest('li').textContent.includes('220元'));
  const shown = await figures(first);
  assert.equal(shown['个人缴费'], '220元', 'two groups: 就高 takes 参保资助180元, 个人实际缴费220元');
  assert.match(shown['政府补助'], /其中参保资助180元、财政补助尚未公布/);
  const outcome = await first.locator('.outcome').textContent();
  assert.match(outcome, new RegExp(`按“就高”原则只按资助最多的一项资助参保，即${MONITORED.replace(/[()（）]/g, '.')}，个人实际缴费220元`));
  assert.match(await page.locator('#household .totals').textContent(),
    new RegExp(`成员1：奶奶，特殊人群：${MONITORED.replace(/[()（）]/g, '.')}.同时属于${LOW_INCOME.replace(/[()（）]/g, '.')}，按“就高”原则只按这一类算.`));
  assert.match(await page.locator('#print-table tbody td.group').textContent(), /^特殊人群：参保资助180元的对象/);
  const results = await axe(page).include('#members').analyze();
  assert.deepEqual(results.violations.map((v) => v.id), []);
}));

test('沈阳市, whose rules do not say which support is taken of several, keeps one choice', () => open(async (page) => {
  await page.locator('#ruleset').selectOption({ label: '沈阳市' });
  const first = card(page, 0);
  assert.equal(await first.getByRole('group', { name: '特殊人群' }).count(), 0);
  assert.equal(await first.getByRole('combobox', { name: '特殊人群' }).count(), 1);
}));

test('the share link carries two groups and opens with both ticked; a link of one group opens as before', async () => {
  await open(async (page) => {
    const groups = card(page, 0).getByRole('group', { name: '特殊人群' });
    assert.equal(await box(groups, MONITORED).isChecked(), true);
    assert.equal(await box(groups, LOW_INCOME).isChecked(), true);
    assert.equal((await figures(card(page, 0)))['个人缴费'], '220元');
    assert.deepEqual((await linkOf(page)).m[0].a, ['low_income', 'monitored'], 'both, as the link gave them');
  }, { fragment: `#v1.${base64url(grandmother(['low_income', 'monitored']))}`, wait: 'body[data-state="result"]' });
  await open(async (page) => {
    const groups = card(page, 0).getByRole('group', { name: '特殊人群' });
    assert.equal(await box(groups, LOW_INCOME).isChecked(), true);
    assert.equal(await box(groups, MONITORED).isChecked(), false);
    assert.equal((await figures(card(page, 0)))['个人缴费'], '280元');
    assert.equal((await linkOf(page)).m[0].a, 'low_income', 'one group stays one id');
  }, { fragment: `#v1.${base64url(grandmother('low_income'))}`, wait: 'body[data-state="result"]' });
});

test('a group the city does not have, and several groups where the city says nothing of 就高, are errors at the field', async () => {
  await open(async (page) => {
    const groups = card(page, 0).getByRole('group', { name: '特殊人群' });
    assert.equal(await groups.getByRole('checkbox', { name: 'veteran（无效）' }).isChecked(), true, 'kept, and marked');
    assert.match(await groups.locator('.error').textContent(), /“veteran”不是玉溪市红塔区2026年度城乡居民基本医疗保险的特殊人群/);
    const link = page.locator('#household .error-list a');
    assert.match(await link.textContent(), /^成员1：奶奶，特殊人群：/);
    await link.click();
    assert.equal(await page.evaluate(() => document.activeElement.type), 'checkbox', 'the summary\'s link moves to the first checkbox');
  }, { fragment: `#v1.${base64url(grandmother(['monitored', 'veteran']))}`, wait: 'body[data-state="pending"]' });
  await open(async (page) => {
    const select = card(page, 0).getByRole('combobox', { name: '特殊人群' });
    assert.equal(await select.inputValue(), 'dibao、severe_disability');
    const error = card(page, 0).locator(`#${await select.getAttribute('id')}-error`);
    assert.match(await error.textContent(), /同时属于.*没有说明属于几个特殊人群时按哪一个资助，请只选一个/);
  }, { fragment: `#v1.${base64url({ c: 'shenyang-2026', p: '2025-11-01', m: [{ n: '奶奶', b: '1958-04-02',
    a: ['dibao', 'severe_disability'] }] })}`, wait: 'body[data-state="pending"]' });
});
