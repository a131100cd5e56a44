// The page on the day it is opened: dist/yibao.html with today's rulesets (rules/*.json) on 2026-12-01, when
// families pay for 2027. Qingdao 2027's amounts are carried from 2026 (provisional); Shenyang 2027's individual
// amounts are carried from 2026, its subsidy, the collection's opening day and the continuity deadline are not
// published (unknown). Two households as the citizens see them, their printed page, calendar reminder and share
// link, the fee tables without JavaScript and 批量测算 with a Shenyang 2026 roster. In Chromium from file:// with
// the network cut off, no console error and no CSP violation (withPage), the browser clock set.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import ICAL from 'ical.js';
import { addMember, at, batchUrl, card, figures, launch, openPage, pageUrl, withPage, axe } from './browser.mjs';
import { qingdao, shenyang } from './households.mjs';

const root = new URL('../../', import.meta.url).pathname;
const DEC_1 = at('2026-12-01');
const QINGDAO = '按2026年度标准估算，2027年度标准以青岛市医保局公布为准';
const SHENYANG = '按2026年度标准估算，2027年度标准以沈阳市医保局公布为准';
const CARRIED = '（暂按2026年度标准）';
const HOTLINE = 'tel:02412345,1,7';
const BOTH_STARTS = '如果您在集中缴费期内缴费：2027年1月1日；如果已过集中缴费期：2027年4月1日';

// A member's (or the household's) figures as {类别: ..., 个人缴费: ...}.
const question = (page) => page.getByRole('group', { name: '您要缴纳哪一年度的医保费？' });
const year = (page, y) => page.getByRole('radio', { name: new RegExp(`^${y}年度`) });
const noViolations = async (page) => {
  await page.locator('details').evaluateAll((all) => all.forEach((d) => { d.open = true; }));
  const { violations } = await axe(page).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  assert.deepEqual(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`), []);
};
// In reading order (-raw), a table's rows one after the other, a header's wrapped lines joined.
const pdfText = (pdf) => execFileSync('pdftotext', ['-raw', '-', '-'], { input: pdf }).toString().replace(/\s+/g, '');
const pdfPages = (pdf) => pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-z])/g).length;

let browser;
before(async () => { browser = await launch(); });
after(() => browser.close());
const onDec1 = (check, options = {}) => withPage(browser, { now: DEC_1, ...options }, check);

// Fills a page with `household`, follows its share link, and checks the page it opens shows the same figures,
// marks and deadline. (A member from a link has no preset, so its heading is 成员N without the preset's name.)
async function linkRoundTrip(household, checkBefore, checkOpened) {
  const shown = (page) => page.locator('dl.figures, .flag, .flags, .deadline').allTextContents();
  let link;
  let before;
  await onDec1(async (page) => {
    await household(page);
    link = page.url();
    before = await shown(page);
    checkBefore(before);
  });
  await onDec1(async (page) => {
    assert.deepEqual(await shown(page), before);
    assert.equal(page.url(), link);
    await checkOpened(page);
  }, { url: link, wait: 'body[data-state="result"]' });
}

describe('Qingdao on 2026-12-01: 2027, its amounts carried from 2026', () => {
  test('the year is 2027 by default, asked beside 2026; the rules are not out of date, but the hint says the amounts are 2026’s',
    () => onDec1(async (page) => {
      assert.equal(await page.getByLabel('参保城市').inputValue(), '青岛市');
      assert.equal(await page.getByLabel('缴费日期', { exact: true }).inputValue(), '2026-12-01');
      assert.equal(await question(page).isVisible(), true, 'the autumn overlap: late for 2026, in time for 2027');
      assert.equal(await year(page, 2027).isChecked(), true);
      assert.match(await page.getByRole('radio', { name: /^2027年度/ }).evaluate((e) => e.labels[0].textContent), /正常缴费/);
      assert.equal(await page.locator('#stale').isVisible(), false, 'a current provisional ruleset is not expired');
      const hint = await page.locator('#ruleset-hint').textContent();
      assert.match(hint, /^青岛市2027年度城乡居民基本医疗保险。/);
      assert.ok(hint.includes(`本页的金额：${QINGDAO}。`), hint);
    }));

  test('an adult on 一档, a pupil and 小孙 lapsed 2 years: every amount 约…元 with the year and the text, the total too',
    () => onDec1(async (page) => {
      await qingdao(page);
      const adult = await figures(card(page, 0));
      assert.deepEqual(adult, { 类别: '成年居民（一档）', 个人缴费: `约482元${CARRIED}`, 政府补助: `约880元${CARRIED}`,
        待遇等待期: '无', 待遇开始: '2027年1月1日', 待遇结束: '2027年12月31日' });
      assert.deepEqual(await card(page, 0).locator('.flag').allTextContents(), [`标“约”的金额：${QINGDAO}。`],
        'the text beside the figures');
      const pupil = await figures(card(page, 1));
      assert.deepEqual([pupil.类别, pupil.个人缴费, pupil.政府补助], ['少年儿童', `约415元${CARRIED}`, `约800元${CARRIED}`]);
      const sun = card(page, 2);
      assert.deepEqual(await figures(sun), { 类别: '成年居民（一档）', 个人缴费: `约482元${CARRIED}`, 政府补助: `约880元${CARRIED}`,
        待遇等待期: '4个月 = 固定3个月 + 变动1个月', 待遇开始: '2027年5月1日', 待遇结束: '2027年12月31日' });
      assert.match(await sun.locator('.alert').textContent(), /2027年1月1日至2027年4月30日/);
      assert.match(await sun.locator('.flag').textContent(), new RegExp(QINGDAO));

      // Near the result: the household's notice, then the totals, marked the same way.
      const notice = page.locator('#household .flags');
      assert.equal(await notice.getAttribute('role'), 'note');
      assert.equal(await notice.locator('strong').textContent(), '注意：2027年度的标准还没有全部公布');
      assert.deepEqual(await notice.locator('p').allTextContents(), [`标“约”的金额：${QINGDAO}。`]);
      assert.deepEqual(await figures(page.locator('.totals')), { 个人缴费: `约1379元${CARRIED}`,
        政府补助: `约2560元${CARRIED}`, '合计（个人+补助）': '约3939元' });
      assert.match(await page.locator('.deadline').textContent(), /2026年12月31日[\s\S]*没有晚于这个截止日期/);
      // A screen reader hears the marks as words: they are text, not colour or a symbol.
      await page.waitForFunction(() => document.getElementById('summary').textContent
        .includes('2027年度，3位成员，合计个人缴费约1379元，政府补助约2560元，标准还没有全部公布；1人有一段时间不能报销。'));
      assert.match(await page.locator('#reminder-hint').textContent(), /截止日期2026年12月31日/);
      await noViolations(page);
    }, { bypassCSP: true }));

  test('printed: one A4 page with the marks and the text', () => onDec1(async (page) => {
    await qingdao(page);
    const pdf = await page.pdf({ format: 'A4' });
    assert.equal(pdfPages(pdf), 1);
    const text = pdfText(pdf);
    for (const shown of ['青岛市2027年度城乡居民基本医疗保险', '成员3：小孙', '约482元', '约880元', '约415元', '约800元',
      '2027年5月1日', '2027年1月1日至2027年4月30日', `标“约”的金额：${QINGDAO}`, '约1379元', '约2560元', '约3939元',
      '保持待遇连续的缴费截止日期：2026年12月31日', '测算日期：2026年12月1日']) {
      assert.ok(text.includes(shown.replace(/\s+/g, '')), `the PDF shows ${shown}`);
    }
    assert.doesNotMatch(text, /(?<!约)(482|880|415|800|1379|2560|3939)元/, 'no provisional amount without its mark');
  }));

  test('the share link opens the same household with the same marks', () => linkRoundTrip(qingdao,
    (before) => assert.ok(before.some((text) => text.includes(QINGDAO))),
    async (page) => assert.equal(await year(page, 2027).isChecked(), true)));
});

describe('Shenyang on 2026-12-01: 2027, subsidy and deadline not published', () => {
  test('an adult, a pupil and a 低保 grandmother: the subsidy 尚未公布 with the reason and the hotline, never 0; both start dates',
    () => onDec1(async (page) => {
      await shenyang(page);
      assert.equal(await year(page, 2027).isChecked(), true, '2027 by default');
      assert.match(await year(page, 2027).evaluate((e) => e.labels[0].textContent), /集中缴费期截止日期尚未公布/);
      assert.match(await year(page, 2026).evaluate((e) => e.labels[0].textContent), /已过集中缴费期/);
      const hint = await page.locator('#ruleset-hint').textContent();
      assert.ok(hint.includes(`本页的金额：${SHENYANG}。`), hint);
      assert.match(hint, /可以缴费的日期：开始日期尚未公布，最晚2027年12月31日。/);
      assert.match(hint, /尚未公布：政府补助标准、开始缴费的日期、集中缴费期的截止日期，请咨询沈阳医保服务热线024-12345-1-7。/);

      const adult = card(page, 0);
      assert.deepEqual(await figures(adult), { 类别: '成年居民', 个人缴费: `约460元${CARRIED}`, 政府补助: '尚未公布',
        待遇等待期: '如果您在集中缴费期内缴费：无；如果已过集中缴费期：3个月 = 固定3个月',
        待遇开始: BOTH_STARTS, 待遇结束: '2027年12月31日' });
      const flags = await adult.locator('.flag').allTextContents();
      assert.deepEqual(flags.slice(0, 2), [`标“约”的金额：${SHENYANG}。`,
        '政府补助标准尚未公布：沈阳市2027年度居民医保的政府补助标准尚未公布（2026年度的也未见于我们掌握的资料）；请咨询沈阳医保服务热线024-12345-1-7。']);
      assert.match(flags[2], /待遇从哪天开始，要看您是否在集中缴费期内缴费；集中缴费期的截止日期尚未公布，请先咨询沈阳医保服务热线024-12345-1-7。/);
      assert.match(flags[3], /2026年12月1日能否缴纳2027年度的医保费，请先咨询/);
      assert.equal(await adult.locator('.flag').nth(1).getByRole('link', { name: '024-12345-1-7' }).getAttribute('href'), HOTLINE);
      assert.match(await adult.locator('.alert').textContent(),
        /如果已过集中缴费期：2027年1月1日至2027年3月31日看病的费用，医保不报销，待遇自2027年4月1日起/);
      const reasons = await adult.locator('.steps > li > p:first-child').allTextContents();
      assert.ok(reasons.some((text) => text.startsWith('如果已过集中缴费期：2026年12月1日缴费，已过集中缴费期')), reasons.join('\n'));

      const pupil = await figures(card(page, 1));
      assert.deepEqual([pupil.类别, pupil.个人缴费, pupil.政府补助, pupil.待遇开始],
        ['在校学生', `约400元${CARRIED}`, '尚未公布', BOTH_STARTS]);
      const grandmother = await figures(card(page, 2));
      assert.deepEqual([grandmother.个人缴费, grandmother.政府补助], ['0元', '尚未公布'], 'she pays nothing (0元, no 约); her subsidy is not 0');
      assert.doesNotMatch((await page.locator('#members dl.figures').allTextContents()).join('|'), /政府补助0元/);

      // The total without a made-up number: what is known, and what is not.
      assert.deepEqual(await figures(page.locator('.totals')), { 个人缴费: `约860元${CARRIED}`, 政府补助: '尚未公布',
        '合计（个人+补助）': '个人缴费合计约860元；政府补助尚未公布' });
      const notice = await page.locator('#household .flags p').allTextContents();
      assert.ok(notice.includes(`标“约”的金额：${SHENYANG}。`) && notice.some((t) => t.startsWith('政府补助标准尚未公布')), notice.join('|'));

      // The deadline: not published, said so with whom to call, never a date.
      const deadline = page.locator('.deadline');
      assert.equal(await deadline.locator('h3').textContent(), '保持待遇连续的缴费截止日期：尚未公布');
      const said = await deadline.textContent();
      assert.match(said, /集中缴费期的截止日期尚未公布：沈阳市2027年度集中缴费期的截止日期尚未见公布/);
      assert.match(said, /您的缴费日期2026年12月1日是否在集中缴费期内，要看尚未公布的截止日期/);
      assert.doesNotMatch(said.replace('2026年12月1日', '').replace('2027年1月1日', ''), /\d{4}年\d{1,2}月\d{1,2}日/,
        'no date but the payment date and the benefit year’s start');
      assert.equal(await deadline.getByRole('link', { name: '024-12345-1-7' }).getAttribute('href'), HOTLINE);
      await page.waitForFunction(() => document.getElementById('summary').textContent
        .includes('合计个人缴费约860元，政府补助尚未公布，标准还没有全部公布；3人可能有一段时间不能报销'));
      await noViolations(page);
    }, { bypassCSP: true }));

  test('on a 360 px phone, in 大字模式 too, nothing scrolls sideways and the hotline is a large target', () => onDec1(async (page) => {
    await shenyang(page);
    await page.locator('details').evaluateAll((all) => all.forEach((d) => { d.open = true; }));
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth) <= 360);
    await page.getByRole('button', { name: '大字模式' }).click();
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth) <= 360);
    const link = await card(page, 0).locator('.flag a[href^="tel:"]').first().boundingBox();
    assert.ok(link.height >= 44 && link.width >= 44, `${link.width}×${link.height}`);
  }, { viewport: { width: 360, height: 740 } }));

  test('printed: one A4 page, 尚未公布 and both starts, for six members too', async () => {
    await onDec1(async (page) => {
      await shenyang(page);
      const pdf = await page.pdf({ format: 'A4' });
      assert.equal(pdfPages(pdf), 1);
      const text = pdfText(pdf);
      for (const shown of ['沈阳市2027年城乡居民基本医疗保险', '成员1：成人1985年5月1日成年居民约460元尚未公布2027年1月1日2027年4月1日',
        '成员3：奶奶', '约400元', '尚未公布',
        '如果您在集中缴费期内缴费：待遇开始', '如果已过集中缴费期：待遇开始', '2027年4月1日', '两种情况下，待遇开始之前看病的费用，医保都不报销',
        `标“约”的金额：${SHENYANG}`, '政府补助标准尚未公布', '个人缴费合计约860元；政府补助尚未公布',
        '保持待遇连续的缴费截止日期：尚未公布', '024-12345-1-7']) {
        assert.ok(text.includes(shown.replace(/\s+/g, '')), `the PDF shows ${shown}`);
      }
      assert.doesNotMatch(text, /(?<!约)(460|400|860)元/, 'no provisional amount without its mark');
    });
    await onDec1(async (page) => {
      await page.getByLabel('参保城市').selectOption('沈阳市');
      await card(page, 0).getByLabel('出生日期').fill('1991-12-01');
      for (const [name, birth] of [['老人', '1958-12-01'], ['中小学生', '2016-12-01'], ['大学生', '2006-12-01'], ['新生儿', '2026-11-01'],
        ['未成年人（不在校）', '2010-12-01']]) await addMember(page, name, birth);
      await page.waitForSelector('body[data-state="result"]');
      const pdf = await page.pdf({ format: 'A4' });
      assert.equal(pdfPages(pdf), 1, 'six members on one page');
      assert.ok(pdfText(pdf).includes('成员6'));
    });
  });

  test('the reminder: on the payment date, saying the deadline is not published and whom to ask', () => onDec1(async (page) => {
    await shenyang(page);
    assert.equal(await page.locator('#reminder-hint').textContent(), '集中缴费期的截止日期尚未公布，提醒定在您填写的缴费日期' +
      '2026年12月1日，提前3天提醒；截止日期请先咨询沈阳医保服务热线024-12345-1-7。');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '添加缴费提醒' }).click()]);
    const text = readFileSync(await download.path(), 'utf8');
    assert.ok(text.split('\r\n').every((line) => Buffer.byteLength(line) <= 75));
    const event = new ICAL.Component(ICAL.parse(text)).getFirstSubcomponent('vevent');
    assert.equal(event.getFirstPropertyValue('dtstart').toString(), '2026-12-01');
    assert.equal(event.getFirstPropertyValue('summary'), '缴纳2027年度居民医保费（沈阳市）');
    const description = event.getFirstPropertyValue('description');
    assert.match(description, /^全家3人合计个人缴费约860元，政府补助尚未公布。/);
    assert.match(description, /成员3：奶奶：个人缴费0元/);
    assert.ok(description.includes(`标“约”的金额：${SHENYANG}。`));
    assert.match(description, /集中缴费期的截止日期尚未公布，这个提醒定在您填写的缴费日期2026年12月1日；截止日期请先咨询沈阳医保服务热线024-12345-1-7。/);
    assert.doesNotMatch(description, /政府补助(合计)?\d/, 'no subsidy figure');
  }));

  test('the share link opens the same household with the same marks', () => linkRoundTrip(shenyang, () => {},
    async (page) => {
      assert.equal(await page.getByLabel('参保城市').inputValue(), '沈阳市');
      assert.equal(await card(page, 2).getByLabel('特殊人群').inputValue(), 'dibao');
    }));

  test('2026 chosen instead: paid in its own year, no cover, and the deadline past though not published', () => onDec1(async (page) => {
    await page.getByLabel('参保城市').selectOption('沈阳市');
    await year(page, 2026).check();
    await card(page, 0).getByLabel('出生日期').fill('1991-12-01');
    await page.waitForSelector('body[data-state="result"]');
    assert.match(await page.locator('.totals h3').textContent(), /2026年度/);
    const adult = await figures(card(page, 0));
    assert.deepEqual([adult.个人缴费, adult.政府补助, adult.待遇开始], ['460元', '尚未公布', '本年度没有待遇'],
      '2026’s individual amount is published');
    const deadline = page.locator('.deadline');
    assert.equal(await deadline.locator('h3').textContent(), '保持待遇连续的缴费截止日期：尚未公布');
    assert.match(await deadline.textContent(), /⚠ 您的缴费日期2026年12月1日已过集中缴费期。/);
    assert.match(await page.locator('#reminder-hint').textContent(), /集中缴费期的截止日期尚未公布，提醒定在您填写的缴费日期2026年12月1日/);
  }));
});

describe('old links and old saved copies', () => {
  test('a link keeps the ruleset it names: Shenyang 2026 paid 2025-11-15, both starts', () => {
    const link = { c: 'shenyang-2026', p: '2025-11-15', m: [{ b: '1980-01-01' }] };
    return onDec1(async (page) => {
      assert.match(await page.locator('.totals h3').textContent(), /2026年度/);
      assert.equal((await figures(card(page, 0))).待遇开始,
        '如果您在集中缴费期内缴费：2026年1月1日；如果已过集中缴费期：2026年4月1日');
      assert.equal(await page.locator('.deadline h3').textContent(), '保持待遇连续的缴费截止日期：尚未公布');
    }, { url: `${pageUrl}#v1.${Buffer.from(JSON.stringify(link)).toString('base64url')}`, wait: 'body[data-state="result"]' });
  });

  test('a link made on 2026-12-06 and opened on 2027-01-15: the date is the link’s, today is offered, no ✓ for it', () => {
    const link = { c: 'qingdao-2027', p: '2026-12-06', m: [{ b: '1985-05-01', t: 1 }] };
    return withPage(browser, { now: at('2027-01-15'), url: `${pageUrl}#v1.${Buffer.from(JSON.stringify(link)).toString('base64url')}`,
      wait: 'body[data-state="result"]' }, async (page) => {
      const field = page.getByLabel('缴费日期', { exact: true });
      assert.equal(await field.inputValue(), '2026-12-06', 'the link’s date stays until the reader chooses');
      const hint = await page.locator('#payment-date-hint').textContent();
      assert.doesNotMatch(hint, /默认是今天/);
      assert.match(hint, /这个日期来自分享链接，早于今天（2027年1月15日）。如果您今天缴费，请改用今天的日期。/);
      const deadline = page.locator('.deadline');
      assert.doesNotMatch(await deadline.textContent(), /✓/);
      assert.match(await deadline.locator('.alert').textContent(),
        /⚠ 今天（2027年1月15日）已晚于这个截止日期。本页按分享链接中的缴费日期2026年12月6日测算/);

      await page.getByRole('button', { name: '改用今天的日期' }).click();
      assert.equal(await field.inputValue(), '2027-01-15');
      assert.equal(await field.evaluate((e) => e === document.activeElement), true);
      assert.match(await page.locator('#payment-date-hint').textContent(), /默认是今天/);
      assert.equal(await page.getByRole('button', { name: '改用今天的日期' }).isVisible(), false);
      await page.waitForFunction(() => /晚于这个截止日期/.test(document.querySelector('.deadline').textContent));
      assert.match(await deadline.textContent(), /⚠ 您的缴费日期2027年1月15日晚于这个截止日期。/);
    });
  });

  test('a link’s date the reader types over is the reader’s: the ✓ speaks of it', () => {
    const link = { c: 'qingdao-2027', p: '2026-12-06', m: [{ b: '1985-05-01', t: 1 }] };
    return withPage(browser, { now: at('2026-12-10'), url: `${pageUrl}#v1.${Buffer.from(JSON.stringify(link)).toString('base64url')}`,
      wait: 'body[data-state="result"]' }, async (page) => {
      const deadline = page.locator('.deadline');
      assert.doesNotMatch(await deadline.textContent(), /✓/, 'the link’s date, before the deadline: still not the reader’s');
      assert.match(await deadline.textContent(), /本页按分享链接中的缴费日期2026年12月6日测算。您缴费的日期如果晚于这个截止日期/);
      await page.getByLabel('缴费日期', { exact: true }).fill('2026-12-20');
      await page.waitForFunction(() => /✓/.test(document.querySelector('.deadline').textContent));
      assert.match(await deadline.textContent(), /✓ 您的缴费日期2026年12月20日没有晚于这个截止日期。/);
      assert.doesNotMatch(await page.locator('#payment-date-hint').textContent(), /分享链接/);
    });
  });

  test('after 2027’s window closes the notice names 2027 and says the window’s opening was not published', () => withPage(browser, {
    now: at('2028-01-01'),
  }, async (page) => {
    assert.equal(await page.locator('#h-stale').textContent(), '⚠ 本页的规定是2027年度的，已经过期');
    await page.getByLabel('参保城市').selectOption('沈阳市');
    assert.match(await page.locator('#stale').textContent(), /这一年度的缴费期是开始日期尚未公布，最晚2027年12月31日。今天是2028年1月1日/);
    assert.match(await page.locator('#payment-date-error').textContent(),
      /可以缴费的日期：2023年9月1日至2024年12月31日（2024年度）；开始日期尚未公布，最晚2026年12月31日（2026年度）；开始日期尚未公布，最晚2027年12月31日（2027年度）。/);
  }));
});

describe('the fee tables without JavaScript', () => {
  test('an amount not published prints 尚未公布 with the reason and the hotline, a carried one 约 with the text', () => withPage(browser, {
    javaScriptEnabled: false, wait: 'noscript p',
  }, async (page) => {
    const table = (caption) => page.locator('.fee-tables table').filter({ has: page.locator('caption', { hasText: caption }) });
    const rows = (caption) => table(caption).locator('tbody tr').evaluateAll((all) => all.map((r) => [...r.cells].map((c) => c.textContent)));
    const qingdao2027 = await rows('青岛市2027年度');
    assert.deepEqual(qingdao2027.find((r) => r[0] === '成年居民（一档）'), ['成年居民（一档）', '约482元', '约880元']);
    assert.ok(qingdao2027.every((r) => r[1].startsWith('约') && r[2].startsWith('约')));
    const after = (caption) => table(caption).evaluate((t) => {
      const said = [];
      for (let e = t.nextElementSibling; e && e.tagName === 'P'; e = e.nextElementSibling) said.push(e.textContent);
      return said;
    });
    assert.ok((await after('青岛市2027年度')).includes(`标“约”的金额：${QINGDAO}。`));

    const shenyang2027 = await rows('沈阳市2027年');
    assert.deepEqual(shenyang2027.find((r) => r[0] === '成年居民'), ['成年居民', '约460元', '尚未公布']);
    assert.ok(shenyang2027.every((r) => r[2] === '尚未公布'), 'no subsidy is 0');
    assert.deepEqual((await rows('沈阳市2026年')).find((r) => r[0] === '成年居民'), ['成年居民', '460元', '尚未公布']);
    const said = await after('沈阳市2027年');
    assert.ok(said.includes(`标“约”的金额：${SHENYANG}。`));
    assert.ok(said.some((t) => /^政府补助标准尚未公布：.*请咨询沈阳医保服务热线024-12345-1-7。$/.test(t)), said.join('|'));
    assert.equal(await page.locator('.fee-tables a[href^="tel:"]').first().getAttribute('href'), HOTLINE);
    assert.deepEqual((await rows('青岛市2024年度')).find((r) => r[0].startsWith('成年居民（一档）')).slice(1), ['462元', '850元'],
      'published amounts as before');
  }));
});

describe('批量测算 with a Shenyang 2026 roster', () => {
  test('the summary does not add up the unpublished subsidy, the preview and the download carry the flag columns', async () => {
    const { context, page, requests, problems } = await openPage(browser, { url: batchUrl, now: DEC_1, bypassCSP: true });
    try {
      await page.waitForSelector('#batch-ruleset option', { state: 'attached' });
      assert.equal(await page.getByLabel('参保地').inputValue(), 'qingdao-2027', 'the year being collected');
      await page.getByLabel('参保地').selectOption('shenyang-2026');
      await page.getByLabel('默认缴费日期').fill('2025-11-15');
      await page.getByLabel('选择名单文件').setInputFiles(`${root}tests/rosters/shenyang.csv`);
      await page.waitForSelector('#batch[data-state="done"]');
      assert.equal(await page.locator('#batch-status').textContent(),
        '测算完成：共13行，算出13行。个人缴费合计3140元，政府补助尚未公布，没有合计。');
      const flags = await page.locator('#batch-tables .flags p').allTextContents();
      assert.ok(flags.some((t) => t.startsWith('政府补助标准尚未公布')), flags.join('|'));
      assert.ok(flags.some((t) => t.includes('“暂按往年标准”和“未公布”两列')));
      const tables = page.locator('#batch-tables table');
      const sums = await tables.nth(0).locator('tbody tr').evaluateAll((rows) => rows.map((r) => [...r.cells].map((c) => c.textContent)));
      assert.deepEqual(sums.at(-1), ['合计', '13人', '3140元', '尚未公布']);
      assert.ok(sums.every((r) => r[3] === '尚未公布'), 'no category sums an unpublished subsidy');
      assert.match(await page.locator('#batch-tables').textContent(),
        /本年度享受不到医保待遇的0人。待遇开始日期要看尚未公布的集中缴费期截止日期的6人/);
      const head = await tables.nth(1).locator('thead th').allTextContents();
      assert.deepEqual(head.slice(-2), ['暂按往年标准', '未公布']);
      const first = await tables.nth(1).locator('tbody tr').first().locator('td').allTextContents();
      assert.equal(first[head.indexOf('政府补助')], '尚未公布', 'an empty amount cell shown as what it means');
      assert.match(first.at(-1), /政府补助标准尚未公布/);

      const [saved] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '下载结果' }).click()]);
      const bytes = readFileSync(await saved.path());
      const cli = execFileSync(`${root}build/native/yibao`, ['batch', '--ruleset', 'shenyang-2026', '--payment-date', '2025-11-15',
        '--bom', `${root}tests/rosters/shenyang.csv`], { stdio: ['ignore', 'pipe', 'ignore'] });
      assert.ok(bytes.equals(cli), 'the download is the CLI’s output byte for byte');
      const header = bytes.toString('utf8').split('\r\n')[0].replace(/^\uFEFF/, '').split(',');
      assert.deepEqual(header.slice(-8), ['类别', '个人缴费', '政府补助', '待遇开始', '待遇结束', '提示', '暂按往年标准', '未公布']);
      const zhang = bytes.toString('utf8').split('\r\n')[1].split(',');
      assert.equal(zhang[header.indexOf('政府补助')], '', 'an amount not published is an empty cell');

      const { violations } = await axe(page).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
      assert.deepEqual(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`), []);
      assert.deepEqual([...new Set(requests)], [batchUrl]);
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }
  });
});
