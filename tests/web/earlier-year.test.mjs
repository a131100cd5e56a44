// A newborn's own year: on 2026-12-06 the page estimates 2027, and a baby born 2026-11-20 also needs 2026, which
// covers it from birth if paid in time. The member's card says so in the default view, with 2026's figure, start
// and last day to pay, and the household says it beside the totals (the engine's earlier_year, README). Each
// step of the reasons quotes the rule that decided it: the baby's 2027 start cites no lapse example.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { at, card, figures, launch, withPage } from './browser.mjs';

let browser;
before(async () => { browser = await launch(); });
after(() => browser.close());

const DEC_6 = at('2026-12-06');
const onDec6 = (check) => withPage(browser, { now: DEC_6, viewport: { width: 360, height: 800 } }, check);

// A parent and a baby born on `birth`, in `city`.
async function family(page, city, birth) {
  await page.getByLabel('参保城市').selectOption(city);
  await card(page, 0).getByLabel('出生日期').fill('1988-05-01');
  await page.getByRole('button', { name: '+ 新生儿' }).click();
  await card(page, 1).getByLabel('称呼').fill('宝宝');
  await card(page, 1).getByLabel('出生日期').fill(birth);
  await page.waitForSelector('body[data-state="result"]');
}
const block = (page) => card(page, 1).locator('.earlier');
// A details element's text, opened.
const opened = (details) => details.evaluate((d) => { d.open = true; return d.textContent; });
const household = (page) => page.locator('#household').innerText();

describe('a baby born 2026-11-20, on 2026-12-06 (the page estimates 2027)', () => {
  test('Qingdao: 2026 from birth for 415元 if paid by 2026-12-31, and 2027 then from 1 January', () => onDec6(async (page) => {
    await family(page, '青岛市', '2026-11-20');
    assert.equal((await figures(card(page, 1))).待遇开始, '2027年1月1日', 'the default view stays 2027');
    assert.equal(await block(page).locator('strong').first().textContent(), '还要缴纳2026年度的医保费');
    assert.deepEqual(await figures(block(page)), { 个人缴费: '415元', 政府补助: '800元', 待遇开始: '2026年11月20日',
      待遇结束: '2026年12月31日', 缴费截止: '2026年12月31日' });
    assert.match(await block(page).innerText(), /缴了2026年度，2027年度就按“连续参保”计算，待遇开始：2027年1月1日。/);
    assert.match(await household(page), /另外，成员2：宝宝还要缴纳2026年度个人缴费415元，2026年12月31日前缴纳。这不在上面的合计里/);
    // 2026's reasons: the newborn rule and its quote.
    assert.match(await opened(block(page).locator('details')), /自出生6个月之内缴费到账的,自出生之日起享受待遇/);
    // The calendar reminder says it too.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '添加缴费提醒' }).click()]);
    assert.match(readFileSync(await download.path(), 'utf8').replace(/\r\n /g, ''),
      /成员2：宝宝：个人缴费约415元；还要缴纳2026年度个人缴费415元，2026年12月31日前缴纳/);
  }));

  test('Qingdao: the 2027 start of a baby without a waiting period quotes the window rule, not a lapse example',
    () => onDec6(async (page) => {
      await family(page, '青岛市', '2026-11-20');
      const text = await opened(card(page, 1).locator('.outcome > details').last());
      assert.match(text, /没有待遇等待期，自2027年1月1日起享受待遇/);
      assert.doesNotMatch(text, /2027年5月1日/);
      assert.doesNotMatch(text, /待遇等待期0个月/);
    }));

  test('Shenyang: 2026 from birth, its subsidy not published; 2027 then turns on the window end, both cases said',
    () => onDec6(async (page) => {
      await family(page, '沈阳市', '2026-11-20');
      assert.deepEqual(await figures(block(page)), { 个人缴费: '400元', 政府补助: '尚未公布', 待遇开始: '2026年11月20日',
        待遇结束: '2026年12月31日', 缴费截止: '2026年12月31日' });
      const text = await block(page).innerText();
      assert.match(text, /待遇开始：如果您在集中缴费期内缴费：2027年1月1日；如果已过集中缴费期：2027年4月1日。/);
      assert.match(text, /政府补助标准尚未公布/);
    }));
});

describe('who is not told to pay the year before', () => {
  test('a baby born 2026-06-06 (six months before the payment): 2026 cannot cover it any more, so nothing is said',
    () => onDec6(async (page) => {
      await family(page, '青岛市', '2026-06-06');
      assert.equal(await block(page).count(), 0);
      assert.doesNotMatch(await household(page), /还要缴纳/);
    }));

  test('a baby born 2026-06-07 (the six months’ last day): 2026 from birth, payable today only', () => onDec6(async (page) => {
    await family(page, '青岛市', '2026-06-07');
    assert.equal((await figures(block(page))).缴费截止, '2026年12月6日');
  }));
});
