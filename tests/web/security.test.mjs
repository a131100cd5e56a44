// Hostile text through every way in: the form (称呼, dates), a shared link's fragment, and a roster's cells, header
// and file name. Each payload must show as the text it is and nothing may run: no dialog, no flag set by script,
// no element built from it, no CSP violation. And the page keeps nothing: no cookie, no storage.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { addMember, batchUrl, card, launch, pageUrl, withPage } from './browser.mjs';

const FEB_15 = new Date('2024-02-15T10:00:00+08:00');

// Each sets window.pwned (or opens a dialog) if it ever runs as markup or script.
const PAYLOADS = [
  '<img src=x onerror="window.pwned=1">',
  '<script>window.pwned=1</script>',
  '"><svg onload="window.pwned=1">',
  "'><iframe srcdoc=\"<script>parent.pwned=1</script>\">",
  'javascript:window.pwned=1',
  '<a href="javascript:alert(1)">点我</a>',
  '{{constructor.constructor("window.pwned=1")()}}',
  '<style>body{display:none}</style>',
];

let browser;
before(async () => { browser = await launch(); });
after(() => browser.close());

// Notes CSP violations and dialogs, before the page's own scripts run.
const watch = () => {
  window.violations = [];
  document.addEventListener('securitypolicyviolation', (e) => window.violations.push(`${e.violatedDirective} ${e.blockedURI}`));
};

// Opens the page on 2024-02-15 with the watch in place, runs `act`, then proves nothing ran and nothing was built.
function attacked(act, options = {}) {
  return withPage(browser, { now: FEB_15, init: watch, ...options }, async (page, context) => {
    const dialogs = [];
    page.on('dialog', (dialog) => { dialogs.push(dialog.message()); dialog.dismiss(); });
    const scripts = await page.locator('script').count();
    await act(page);
    await page.waitForTimeout(100);  // an onerror or onload would have fired by now
    assert.deepEqual(dialogs, []);
    assert.deepEqual(await page.evaluate(() => ({ pwned: window.pwned, violations: window.violations })),
      { pwned: undefined, violations: [] });
    assert.equal(await page.locator('script').count(), scripts, 'no script element was added');
    assert.equal(await page.locator('main img[src="x"], main svg, main iframe, main style, main a[href^="javascript"]')
      .count(), 0, 'no element was built from a payload');
    assert.equal(await page.locator('body').isVisible(), true);
    await nothingKept(page, context);
  });
}

async function nothingKept(page, context) {
  assert.deepEqual(await context.cookies(), []);
  assert.deepEqual(await page.evaluate(async () => ({
    cookie: document.cookie, local: localStorage.length, session: sessionStorage.length,
    databases: (await indexedDB.databases()).length,
  })), { cookie: '', local: 0, session: 0, databases: 0 });
}

describe('typed into the form', () => {
  test('称呼: every payload is the card’s title, as text', () => attacked(async (page) => {
    await card(page, 0).getByLabel('出生日期').fill('1990-01-01');
    for (let i = 1; i < PAYLOADS.length; i++) await addMember(page, '成人', '1990-01-01');
    for (const [i, payload] of PAYLOADS.entries()) await card(page, i).getByLabel('称呼').fill(payload);
    await page.waitForSelector('body[data-state="result"]');
    const titles = await page.locator('#members h3').allTextContents();
    assert.deepEqual(titles, PAYLOADS.map((payload, i) => `成员${i + 1}：${payload}`));
    assert.ok((await page.locator('#print-table').textContent()).includes(PAYLOADS[0]), 'the print summary too');
  }));

  test('dates: a payload is kept in its field and flagged, as text', () => attacked(async (page) => {
    for (const payload of PAYLOADS) {
      // Flagged once the field is left, as someone typing is not interrupted.
      for (const field of [card(page, 0).getByLabel('出生日期'), page.getByLabel('缴费日期', { exact: true })]) {
        await field.fill(payload);
        await field.blur();
        assert.equal(await field.inputValue(), payload);
        assert.equal(await field.getAttribute('aria-invalid'), 'true');
      }
      await page.waitForSelector('body[data-state="pending"]');
    }
  }));
});

describe('in a shared link', () => {
  const link = (fragment) => `${pageUrl}#${fragment}`;
  const v1 = (data) => `v1.${Buffer.from(JSON.stringify(data)).toString('base64url')}`;

  for (const [i, payload] of PAYLOADS.entries()) {
    test(`payload ${i + 1} in every field of the household and in the city`, () => attacked(async (page) => {
      assert.equal(await card(page, 0).getByLabel('称呼').inputValue(), payload);
      assert.equal(await card(page, 0).getByLabel('出生日期').inputValue(), payload);
      assert.equal(await card(page, 0).getByLabel('连续没有参保几年了？').inputValue(), payload);
      assert.ok((await page.locator('#link-notice').textContent()).includes(`“${payload}”`), 'named as text');
    }, {
      url: link(`city=${encodeURIComponent(payload)}&${v1({ c: payload, p: payload,
        m: [{ n: payload, b: payload, s: payload, a: payload, t: payload, h: payload,
          l: payload, r: payload, y: payload, k: payload }] })}`),
      wait: 'body[data-state="pending"]',
    }));
  }

  test('markup in place of the encoding itself is ignored with a notice', () => attacked(async (page) => {
    assert.match(await page.locator('#link-notice').textContent(), /不认识|损坏/);
  }, { url: link(encodeURIComponent(PAYLOADS.join('&'))) }));
});

describe('in a roster', () => {
  // A roster where payloads stand in the name, the dates, the groups, an extra column's header and the file name.
  const header = `姓名,出生日期,在校情况,特殊人群,缴费档次,上年度参保情况,缴费日期,${PAYLOADS[1]}`;
  const quote = (cell) => `"${cell.replace(/"/g, '""')}"`;
  const rows = PAYLOADS.flatMap((payload) => [
    [payload, '1980-01-01', '否', '', '', '连续', '2023-11-01', payload],
    [payload, payload, payload, payload, payload, payload, payload, payload],
  ].map((cells) => cells.map(quote).join(',')));
  const file = { name: `${PAYLOADS[0]}.csv`, mimeType: 'text/csv', buffer: Buffer.from(`${header}\r\n${rows.join('\r\n')}\r\n`) };

  test('names, reasons and previews show the cells as text', () => attacked(async (page) => {
    await page.getByLabel('参保地').selectOption('shenyang-2024');
    await page.getByLabel('选择名单文件').setInputFiles(file);
    await page.waitForSelector('#batch[data-state="done"]');
    const failedNames = await page.locator('#batch-tables table').nth(1).locator('tbody tr td:nth-child(2)').allTextContents();
    assert.deepEqual(failedNames, PAYLOADS);
    const previewNames = await page.locator('#batch-tables table').last().locator('tbody tr td:first-child').allTextContents();
    assert.deepEqual(previewNames, PAYLOADS);
    assert.ok((await page.locator('#batch-download-hint').textContent()).includes(PAYLOADS[0]));
  }, { url: batchUrl }));
});
