// Accessibility and 适老化 in Chromium, from file:// with the network cut off: axe (WCAG 2.0/2.1 A and AA) in the
// default, large-text and embed modes, each in the empty, filled, error and batch (the staff page) states; what 大字模式 promises
// (text size, line height, target size) measured on screen; that it is remembered only when asked; and the notice
// a saved page shows once its rules are out of date, the day before, the day and the day after (a page holding
// only the 2024 rulesets, as one saved in 2024 does).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { addMember, axe, batchUrl, card, launch, openPage, pageUrl, withPage } from './browser.mjs';
import { only2024, testPages } from './pages.mjs';

const FEB_15 = new Date('2024-02-15T10:00:00+08:00');
const rosters = new URL('../rosters/', import.meta.url).pathname;

const pages = testPages();
let saved2024;
let browser;
before(async () => {
  saved2024 = pages.build('saved-2024', only2024());
  browser = await launch();
});
after(async () => {
  await browser.close();
  pages.remove();
});

// Each state starts from a freshly opened page (one adult member) and leaves the page showing that state.
const STATES = {
  // No member at all: the form asks for one.
  empty: async (page) => {
    await card(page, 0).getByRole('button', { name: '删除此成员' }).click();
    await page.waitForFunction(() => document.getElementById('members').children.length === 0);
  },
  // A household of four with every explanation open.
  filled: async (page) => {
    await card(page, 0).getByLabel('出生日期').fill('1989-02-15');
    await addMember(page, '老人', '1956-02-15');
    await addMember(page, '中小学生', '2014-02-15');
    await addMember(page, '新生儿', '2024-01-15');
    await page.waitForSelector('body[data-state="result"]');
    await page.locator('details').evaluateAll((all) => all.forEach((d) => { d.open = true; }));
  },
  // Impossible dates in two fields, each flagged where it is.
  error: async (page) => {
    await card(page, 0).getByLabel('出生日期').fill('1958-02-30');
    await page.getByLabel('缴费日期', { exact: true }).fill('2024-13-01');
    await page.waitForSelector('body[data-state="pending"]');
    await page.waitForSelector('[aria-invalid="true"]');
  },
  // A roster with bad rows, its summary and tables on screen.
  batch: async (page) => {
    await page.getByLabel('参保地').selectOption('shenyang-2024');
    await page.getByLabel('默认缴费日期').fill('2023-11-01');
    await page.getByLabel('选择名单文件').setInputFiles(`${rosters}bad-rows.csv`);
    await page.waitForSelector('#batch[data-state="done"]');
  },
};

const MODES = {
  default: { url: pageUrl, large: false },
  large: { url: pageUrl, large: true },
  embed: { url: `${pageUrl}#embed`, large: false },
};

// Opens the page in `mode` on 2024-02-15 and brings it to `state`, then runs `check`. The batch state is the staff
// page's (dist/batch.html).
function inState(modeName, stateName, check, options = {}) {
  const mode = MODES[modeName];
  const url = stateName === 'batch' ? mode.url.replace(pageUrl, batchUrl) : mode.url;
  return withPage(browser, { now: FEB_15, url, ...options }, async (page) => {
    if (mode.large) await page.getByRole('button', { name: '大字模式' }).click();
    await STATES[stateName](page);
    await check(page);
  });
}

describe('axe finds no WCAG 2.0/2.1 A or AA violation', () => {
  for (const mode of Object.keys(MODES)) {
    for (const state of Object.keys(STATES)) {
      // bypassCSP lets axe's own script in; the page's CSP is checked by every other browser test.
      test(`${mode} mode, ${state} state`, () => inState(mode, state, async (page) => {
        const { violations } = await axe(page)
          .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
        assert.deepEqual(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`), []);
      }, { bypassCSP: true }));
    }
  }
});

// Every visible element with its own text whose size is under 18 px or whose line height is under 1.3, and every
// visible control smaller than 44 × 44 px (a checkbox counts with the label around it).
function measure() {
  const shown = (e) => {
    const box = e.getBoundingClientRect();
    return box.width > 0 && box.height > 0 && getComputedStyle(e).visibility !== 'hidden';
  };
  const name = (e) => `${e.tagName.toLowerCase()}${e.id ? `#${e.id}` : ''} “${e.textContent.trim().slice(0, 20)}”`;
  const text = [];
  for (const e of document.querySelectorAll('body *')) {
    if (!shown(e) || ![...e.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent.trim())) continue;
    const style = getComputedStyle(e);
    const size = parseFloat(style.fontSize);
    const lineHeight = style.lineHeight === 'normal' ? 0 : parseFloat(style.lineHeight);
    if (size < 18 || lineHeight < 1.3 * size - 0.05) text.push(`${name(e)}: ${size}px / ${style.lineHeight}`);
  }
  const targets = [];
  for (const e of document.querySelectorAll('a[href], button, input, select, summary, [tabindex="0"]')) {
    if (!shown(e)) continue;
    const box = (e.closest('label') || e).getBoundingClientRect();
    if (box.width < 44 || box.height < 44) targets.push(`${name(e)}: ${box.width}×${box.height}`);
  }
  return { text, targets };
}

describe('大字模式', () => {
  for (const state of ['filled', 'error', 'batch']) {
    test(`${state} state: text at least 18 px with line height at least 1.3, targets at least 44 × 44 px`,
      () => inState('large', state, async (page) => {
        assert.deepEqual(await page.evaluate(measure), { text: [], targets: [] });
      }, { viewport: { width: 360, height: 740 } }));
  }

  test('is larger than the default and fits a 360 px phone without sideways scrolling', () => withPage(browser, {
    now: FEB_15, viewport: { width: 360, height: 740 },
  }, async (page) => {
    const base = () => page.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize));
    const normal = await base();
    const button = page.getByRole('button', { name: '大字模式' });
    assert.equal(await button.getAttribute('aria-pressed'), 'false');
    await button.click();
    assert.equal(await button.getAttribute('aria-pressed'), 'true');
    assert.ok(await base() >= normal * 1.2, 'the text grows');
    await STATES.filled(page);
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 360));
  }));

  test('is kept on this device only when 记住 is ticked, and forgotten when it is unticked', async () => {
    const { context, page } = await openPage(browser, { now: FEB_15 });
    try {
      const stored = () => page.evaluate(() => ({ ...localStorage }));
      // The page's localStorage writes reach the browser process after its script returns, and a reload at once could
      // start from the old value: another page of the same origin sees them only once they have landed.
      const landed = async (expected) => {
        const other = await context.newPage();
        await other.goto(page.url());
        await other.waitForFunction((want) => JSON.stringify({ ...localStorage }) === want, JSON.stringify(expected));
        await other.close();
      };
      const large = () => page.evaluate(() => document.documentElement.classList.contains('large'));
      const button = page.getByRole('button', { name: '大字模式' });
      const remember = page.getByLabel('在本设备上记住这个设置');
      await button.click();
      assert.deepEqual(await stored(), {}, 'not asked to: nothing stored');
      await page.reload();
      assert.equal(await large(), false);

      await button.click();
      await remember.check();
      assert.deepEqual(await stored(), { 'yibao.large-text': '1' });
      await landed({ 'yibao.large-text': '1' });
      await page.reload();
      assert.equal(await large(), true);
      assert.equal(await remember.isChecked(), true);
      assert.equal(await button.getAttribute('aria-pressed'), 'true');

      await remember.uncheck();
      assert.deepEqual(await stored(), {});
      await landed({});
      await page.reload();
      assert.equal(await large(), false);
    } finally {
      await context.close();
    }
  });
});

describe('a saved page whose rules are out of date', () => {
  // A page saved in 2024 holds only the 2024 rulesets; both take payments until 2024-12-31.
  const on = (iso) => new Date(`${iso}T10:00:00+08:00`);

  test('says nothing on the last day of the collection window', () => withPage(browser, { url: saved2024, now: on('2024-12-31') },
    async (page) => {
      assert.equal(await page.locator('#stale').isVisible(), false);
    }));

  for (const day of ['2025-01-01', '2025-01-02', '2026-11-23']) {
    test(`on ${day} says so first, names the year and points to the office and hotline`, () => withPage(browser, {
      url: saved2024, now: on(day),
    }, async (page) => {
      const stale = page.locator('#stale');
      assert.equal(await stale.isVisible(), true);
      const first = await page.evaluate(() => [...document.querySelectorAll('main > *')]
        .find((e) => e.getBoundingClientRect().height > 0).id);
      assert.equal(first, 'stale', 'the first thing in the page’s main part');
      assert.equal(await page.getByRole('heading', { level: 2 }).first().textContent(), '⚠ 本页的规定是2024年度的，已经过期');
      const [y, m, d] = day.split('-').map(Number);
      assert.match(await stale.textContent(), new RegExp(`缴费期是2023年9月1日至2024年12月31日。今天是${y}年${m}月${d}日`));

      await page.getByLabel('参保城市').selectOption('沈阳市');
      const text = await stale.textContent();
      assert.match(text, /沈阳市2024年城乡居民基本医疗保险/);
      assert.equal(await stale.getByRole('link', { name: '024-12345-1-7' }).getAttribute('href'), 'tel:02412345,1,7');
      assert.match(text, /ybj\.shenyang\.gov\.cn/);
      assert.match(text, /更多办理地点和电话/);
    }));
  }
});
