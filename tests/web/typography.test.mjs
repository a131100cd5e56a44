// Chinese typography of everything the page shows: in Chinese text, full-width ，：；（）？！ as Chinese government
// pages write them; half-width stays only inside numbers and codes. The visible text (innerText, with every
// <details> open) is read in each state a citizen or a 村居 clerk meets, on screen and in print, leaving out what is
// quoted (<blockquote>), codes (<code>), input values and URLs. In Chromium from file:// (dist/yibao.html).
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { after, before, describe, test } from 'node:test';
import { addMember, at, base64url, batchUrl, card, launch, pageUrl, withPage } from './browser.mjs';
import { qingdao, shenyang } from './households.mjs';

const rosters = fileURLToPath(new URL('../rosters/', import.meta.url));
const template = fileURLToPath(new URL('../rosters/templates/qingdao-2024.csv', import.meta.url));

// A half-width mark touching Chinese text on either side (a space between them allowed): 第一步:城市,
// 起缴纳;集中缴费, (待遇等待期3个月); not 2024-05-01, 1,320 or 12:30.
const CHINESE = String.raw`[\p{Script=Han}“”‘’《》、，。；：？！（）]`;
const WRONG = new RegExp(`${CHINESE} ?[,:;()?!]|[,:;()?!] ?${CHINESE}`, 'gu');
const URL_TEXT = /\b(?:https?:\/\/|www\.)[^\s，。；）]+/g;

// The page's visible text as a reader meets it: details open, quotes and codes left out.
function visibleText(page) {
  return page.evaluate(() => {
    for (const d of document.querySelectorAll('details')) d.open = true;
    const left = [...document.querySelectorAll('blockquote, code')];
    for (const node of left) node.style.display = 'none';
    const text = document.body.innerText;
    for (const node of left) node.style.display = '';
    return text;
  });
}

// Each wrong mark with the text around it, for the state named.
function offences(text, state) {
  return text.split('\n').map((line) => line.replace(URL_TEXT, ' ')).flatMap((line) => [...line.matchAll(WRONG)]
    .map((m) => `${state}: …${line.slice(Math.max(0, m.index - 12), m.index + m[0].length + 12)}…`));
}

// The wrong marks of the page's state on screen and in print.
async function seen(page, state) {
  const found = offences(await visibleText(page), state);
  await page.emulateMedia({ media: 'print' });
  found.push(...offences(await visibleText(page), `${state}, printed`));
  await page.emulateMedia({ media: 'screen' });
  return found;
}

let browser;
before(async () => { browser = await launch(); });
after(() => browser.close());
// Opens the page on `day` and runs `fill(page, look)`, which may look at states on the way (look(name)); then
// looks at the state it leaves, named `state`, and fails on every wrong mark of them all.
const on = (day, state, fill, options = {}) => withPage(browser, { now: at(day), ...options }, async (page) => {
  const found = [];
  const look = async (name) => { found.push(...await seen(page, name)); };
  await fill(page, look);
  await look(state);
  const each = [...new Set(found)];
  assert.deepEqual(each, [], `\n${each.join('\n')}`);
});

test('the check finds half-width marks in Chinese text, and leaves numbers, dates, codes and URLs alone', () => {
  const found = (text) => offences(text, 'example').length;
  for (const [wrong, marks] of [['第一步:城市', 1], ['2023年9月起缴纳;集中缴费', 1], ['(待遇等待期3个月)', 2], ['能报销吗?', 1],
    ['注意!', 1], ['青岛市, 沈阳市', 1]]) {
    assert.equal(found(wrong), marks, wrong);
  }
  for (const right of ['第一步：城市', '2024-05-01', '1,320元', '12:30', '024-12345-1-7', 'Ctrl+C', '网站：https://ybj.qingdao.gov.cn/a,b']) {
    assert.equal(found(right), 0, right);
  }
});

describe('full-width punctuation in the page’s Chinese text', () => {
  test('the page as opened', () => on('2024-02-15', 'as opened', async () => {}));

  test('a Qingdao household in 2024, and in 大字模式', () => on('2024-02-15', 'Qingdao 2024, 大字模式', async (page, look) => {
    await card(page, 0).getByLabel('出生日期').fill('1985-05-01');
    for (const [name, birth] of [['老人', '1956-02-15'], ['中小学生', '2014-02-15'], ['大学生', '2004-02-15'], ['新生儿', '2024-01-15']]) {
      await addMember(page, name, birth);
    }
    await card(page, 1).getByLabel('称呼').fill('奶奶');
    await page.waitForSelector('body[data-state="result"]');
    await look('Qingdao 2024');
    await page.getByRole('button', { name: '大字模式' }).click();
  }));

  test('a Shenyang household with a 低保 grandmother in 2024', () => on('2023-12-10', 'Shenyang 2024', shenyang));

  test('Qingdao 2027, its amounts carried from 2026, with 小孙 lapsed 2 years', () =>
    on('2026-12-01', 'Qingdao 2027 provisional', qingdao));

  test('Shenyang 2027, its subsidy and deadline not published', () =>
    on('2026-12-01', 'Shenyang 2027 unknown', shenyang));

  test('two years open: the question which', () => on('2026-10-15', 'two years open', async (page) => {
    await page.getByRole('group', { name: '您要缴纳哪一年度的医保费？' }).waitFor();
  }));

  test('errors at their fields: a date outside the windows, a bad payment date, a bad birth date and count', () =>
    on('2026-12-01', 'a date outside the windows', async (page, look) => {
      await qingdao(page);
      await card(page, 2).getByLabel('连续没有参保几年了？').fill('两年多');
      await card(page, 0).getByLabel('出生日期').fill('1985-02-30');
      await page.getByLabel('缴费日期', { exact: true }).fill('2024-13-45');
      await page.waitForSelector('body[data-state="pending"] #members .error:not([hidden])');
      await look('bad dates and count');
      await card(page, 0).getByLabel('出生日期').fill('1985-05-01');
      await page.getByLabel('缴费日期', { exact: true }).fill('2020-01-01');
      await page.waitForSelector('#payment-date-error:not([hidden])');
    }));

  test('an out-of-date saved page, and a link it cannot read', () => on('2028-01-01', 'out of date, link notice', async (page) => {
    await page.waitForSelector('#stale:not([hidden])');
    await page.waitForSelector('#link-notice:not([hidden])');
  }, { url: `${pageUrl}#v9.${base64url({})}` }));

  test('批量测算: a roster with bad rows, a bad header, the template, and a 2026 roster with its flag columns', () =>
    on('2026-12-01', '批量测算 Shenyang 2026', async (page, look) => {
      const choose = async (ruleset, date, file) => {
        await page.getByLabel('参保地').selectOption(ruleset);
        await page.getByLabel('默认缴费日期').fill(date);
        await page.getByLabel('选择名单文件').setInputFiles(file);
        await page.waitForSelector('#batch[data-state="done"], #batch[data-state="error"]');
      };
      await choose('shenyang-2024', '2023-11-01', `${rosters}bad-rows.csv`);
      await look('批量测算 bad rows');
      await choose('shenyang-2024', '2023-11-01', `${rosters}bad-header.csv`);
      await look('批量测算 bad header');
      await choose('qingdao-2024', '2023-11-01', template);
      await look('批量测算 template');
      await choose('shenyang-2026', '2025-10-22', `${rosters}shenyang-2026.csv`);
    }, { url: batchUrl }));
});
