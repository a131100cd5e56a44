// Figures and dates stay whole on a phone: in each state the page tests visit (the households of 2024 and of the 2027
// collection, a household with mistakes, none at all, 批量测算's results), at 320, 360 and 375 px, in normal mode
// and 大字模式, no amount, date or mark breaks inside or sticks out, nothing scrolls sideways, and the household's
// totals stack under their labels when there is no room beside them. In Chromium from file://; WebKit and Firefox
// check the same in tests/web/engines.test.mjs.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { addMember, at, batchUrl, card, launch, withPage } from './browser.mjs';
import { qingdao, shenyang } from './households.mjs';
import { layoutProblems } from './layout.mjs';

const rosters = new URL('../rosters/', import.meta.url).pathname;
const openAll = (page) => page.locator('details').evaluateAll((all) => all.forEach((d) => { d.open = true; }));

// Each state: the day the page is opened and how it is brought there from one adult card.
const STATES = {
  '2024, five members, reasons open': ['2024-02-15', async (page) => {
    await card(page, 0).getByLabel('出生日期').fill('1985-05-01');
    for (const [preset, birth] of [['老人', '1956-03-01'], ['大学生', '2004-09-01'], ['新生儿', '2024-01-10'],
      ['未成年人（不在校）', '2008-06-01']]) await addMember(page, preset, birth);
    await page.waitForSelector('body[data-state="result"]');
  }],
  'Qingdao 2027 on 2026-12-06: grandfather, mother, pupil, student, a baby born 2026-11-20': ['2026-12-06', async (page) => {
    await card(page, 0).getByLabel('称呼').fill('妈妈');
    await card(page, 0).getByLabel('出生日期').fill('1992-03-01');
    for (const [preset, birth] of [['老人', '1958-12-06'], ['中小学生', '2016-12-06'], ['大学生', '2006-12-06'],
      ['新生儿', '2026-11-20']]) await addMember(page, preset, birth);
    await page.waitForSelector('body[data-state="result"]');
  }],
  'Qingdao 2027 on 2026-12-01, with 小孙 lapsed': ['2026-12-01', qingdao],
  'Shenyang 2027 on 2026-12-01, subsidy and deadline not published': ['2026-12-01', shenyang],
  'mistakes in two fields': ['2024-02-15', async (page) => {
    await card(page, 0).getByLabel('出生日期').fill('1958-02-30');
    await page.getByLabel('缴费日期', { exact: true }).fill('2024-13-01');
    await page.waitForSelector('[aria-invalid="true"]');
  }],
  'no member': ['2024-02-15', async (page) => {
    await card(page, 0).getByRole('button', { name: '删除此成员' }).click();
    await page.waitForFunction(() => document.getElementById('members').children.length === 0);
  }],
  // The staff page (dist/batch.html).
  '批量测算 with bad rows': ['2024-02-15', async (page) => {
    await page.getByLabel('参保地').selectOption('shenyang-2024');
    await page.getByLabel('默认缴费日期').fill('2023-11-01');
    await page.getByLabel('选择名单文件').setInputFiles(`${rosters}bad-rows.csv`);
    await page.waitForSelector('#batch[data-state="done"]');
  }],
  // The column guide under 下载模板, with a city's long group labels and its dates.
  '批量测算 column guide of 玉溪市红塔区 2026': ['2025-11-01', async (page) => {
    await page.getByLabel('参保地').selectOption('yuxi-hongta-2026');
    await page.waitForSelector('#batch-columns dd');
  }],
};

let browser;
before(async () => { browser = await launch(); });
after(() => browser.close());

describe('figures and dates never break inside, at phone widths in both modes', () => {
  for (const [name, [day, bring]] of Object.entries(STATES)) {
    const url = name.startsWith('批量测算') ? batchUrl : undefined;
    test(name, () => withPage(browser, { url, now: at(day), viewport: { width: 375, height: 740 } }, async (page) => {
      await bring(page);
      await openAll(page);
      const found = [];
      for (const large of [false, true]) {
        if (large) await page.getByRole('button', { name: '大字模式' }).click();
        for (const width of [320, 360, 375]) {
          await page.setViewportSize({ width, height: 740 });
          const problems = await page.evaluate(layoutProblems);
          found.push(...problems.map((p) => `${large ? '大字模式' : 'normal'} ${width} px: ${p}`));
        }
      }
      assert.deepEqual(found, []);
    }));
  }
});

describe('the household totals', () => {
  test('in 大字模式 at 360 px each figure stands under its label, whole', () => withPage(browser, {
    now: at('2026-12-06'), viewport: { width: 360, height: 740 },
  }, async (page) => {
    await STATES['Qingdao 2027 on 2026-12-06: grandfather, mother, pupil, student, a baby born 2026-11-20'][1](page);
    await page.getByRole('button', { name: '大字模式' }).click();
    const rows = await page.locator('.totals dl.figures > div').evaluateAll((all) => all.map((row) => {
      const [dt, dd] = [row.querySelector('dt'), row.querySelector('dd')].map((e) => e.getBoundingClientRect());
      return { term: row.querySelector('dt').textContent, under: dd.top >= dt.bottom - 1, width: dd.width };
    }));
    assert.equal(rows.length, 3);
    for (const row of rows) {
      assert.ok(row.under, `${row.term}: the figure is under its label`);
      assert.ok(row.width > 200, `${row.term}: the figure has the width of the box (${row.width} px)`);
    }
  }));
});
