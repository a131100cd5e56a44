// The rules workbench (dist/rules.html) in Chromium from file:// with the network cut off: next year's ruleset
// made from qingdao-2024 in the form, its page exported and used offline (an estimate and its share link), the
// exported page against dist/yibao.html and build.mjs's own fee tables, broken files, and axe.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { gunzipSync, gzipSync } from 'node:zlib';
import { at, axe, card, figures, followLink, launch, withPage } from './browser.mjs';
import { pageRulesets } from './engine.mjs';
import { builtIn, rulesFile, staffPage, testPages } from './pages.mjs';
import { COLLECTION_TEXT, NOTE_TEXT, SILENCE_TEXT, control, errors, fill, make2025, setBasis, settle } from './workbench-steps.mjs';

const benchUrl = pathToFileURL(new URL('../../dist/rules.html', import.meta.url).pathname).href;
const distPage = readFileSync(new URL('../../dist/yibao.html', import.meta.url), 'utf8');
const NOW = at('2025-02-15');
const dir = mkdtempSync(join(tmpdir(), 'yibao-bench-'));
const pages = testPages();
let browser;
before(async () => { browser = await launch(); });
after(async () => {
  await browser.close();
  rmSync(dir, { recursive: true, force: true });
  pages.remove();
});

const text = async (page) => JSON.parse(await page.getByLabel('规则JSON').inputValue());
const bench = (check, options = {}) => withPage(browser, { url: benchUrl, wait: 'body[data-state="ready"]', ...options }, check);

// A page's rulesets block (inflated: the compact form's bytes, which the page's gzip does not change), its fee tables,
// and the rest of it with these emptied.
function blocks(html) {
  const data = /(<script id="rulesets" type="application\/octet-stream">)([^]*?)(<\/script>)/.exec(html);
  const fees = /(<h2 id="h-fees">[^\n]*\n)([^]*?)(\n {2}<\/section>)/.exec(html);
  return { data: gunzipSync(Buffer.from(data[2], 'base64')), fees: fees[2],
    rest: html.replace(data[0], data[1] + data[3]).replace(fees[0], fees[1] + fees[3]) };
}

async function download(page, button) {
  const [saved] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button, exact: true }).click()]);
  const chunks = [];
  for await (const chunk of await saved.createReadStream()) chunks.push(chunk);
  return { name: saved.suggestedFilename(), text: Buffer.concat(chunks).toString('utf8') };
}

describe('next year from qingdao-2024', () => {
  let exported;
  let exportedStaff;
  let rules;

  test('made in the form, checked, previewed and exported', () => bench(async (page) => {
    await make2025(page);
    assert.deepEqual(await errors(page), []);
    assert.equal(await page.locator('#check-status').textContent(), '检查通过：这份规则可以使用。');
    const doc = JSON.parse(await page.getByLabel('规则JSON').inputValue());
    assert.equal(doc.id, 'qingdao-2025');
    assert.equal(doc.base, 'qingdao-2024');
    assert.equal(doc.year, 2025);
    assert.equal(doc.collection.opens, '2024-10-01');
    assert.equal(doc.collection.text, COLLECTION_TEXT);
    assert.match(await page.locator('#fee-preview .hint').textContent(), /2024年10月起缴纳/);
    assert.deepEqual(doc.benefit_year, { start: '2025-01-01', end: '2025-12-31' });
    assert.equal(doc.continuity_deadline.date, '2024-12-31');
    assert.deepEqual(doc.contributions.find((c) => c.id === 'adult-tier-1'), { id: 'adult-tier-1', individual_fen: 48000,
      subsidy_fen: 87000, basis: [{ source: 'qingdao-2025-notice', quote: '一档成年居民个人缴费480元,财政补助870元' }] });
    const fees = await page.locator('#fee-preview tr').allInnerTexts();
    assert.ok(fees.some((row) => /成年居民（一档）\s+480元\s+870元/.test(row)), fees.join('\n'));
    const diff = await page.locator('#diff').innerText();
    assert.match(diff, /collection\.opens: “2023-09-01” → “2024-10-01”/);
    assert.match(diff, /46200|462/);
    rules = await download(page, '下载规则文件');
    assert.equal(rules.name, 'qingdao-2025.json');
    assert.deepEqual(JSON.parse(rules.text), doc);
    exported = await download(page, '生成测算页');
    assert.equal(exported.name, 'qingdao-2025.html', 'named after the ruleset, not the live page’s yibao.html');
    exportedStaff = await download(page, '生成批量测算页');
    assert.equal(exportedStaff.name, 'qingdao-2025-batch.html', 'named after the ruleset and beside its family page');
    assert.match(await page.locator('#export-status').textContent(), /已生成批量测算页“qingdao-2025-batch.html”/);
    assert.equal(doc.unconfirmed_note, NOTE_TEXT);
    assert.equal(doc.silences.assistance, SILENCE_TEXT);
  }));

  test('the exported page equals dist/yibao.html but for its rulesets, its fee tables and the names of the pages it links', async () => {
    const page = blocks(exported.text);
    assert.equal(page.rest, blocks(distPage).rest.replace('href="batch.html"', 'href="qingdao-2025-batch.html"')
      .replace('下载“batch.html”', '下载“qingdao-2025-batch.html”'));
    const loaded = await pageRulesets(exported.text);
    assert.equal(loaded.ok, true);
    assert.deepEqual(loaded.rulesets.map((r) => r.id), [...builtIn().map((f) => JSON.parse(readFileSync(f, 'utf8')).id), 'qingdao-2025']);
    const file = join(dir, 'qingdao-2025.json');
    writeFileSync(file, rules.text);
    // web/build.mjs with the same rulesets, written as qingdao-2025.html (and qingdao-2025-batch.html beside it): the
    // same page, and the same compact form from the workbench's engine as from the native CLI (only the gzip of it,
    // the browser's against Zopfli's, differs).
    const built = readFileSync(new URL(pages.build('qingdao-2025', [...builtIn(), file])), 'utf8');
    assert.equal(page.fees, blocks(built).fees);
    assert.equal(page.rest, blocks(built).rest, 'the whole page as web/build.mjs makes it');
    assert.ok(page.data.equals(blocks(built).data), 'the rulesets as web/build.mjs makes them');
    const builtStaff = blocks(readFileSync(new URL(staffPage(pages.build('qingdao-2025', [...builtIn(), file]))), 'utf8'));
    const staff = blocks(exportedStaff.text);
    assert.equal(staff.rest, builtStaff.rest, 'the staff page too, as web/build.mjs makes it beside');
    assert.ok(staff.data.equals(builtStaff.data));
    assert.equal(staff.rest, blocks(readFileSync(new URL('../../dist/batch.html', import.meta.url), 'utf8')).rest
      .replace('href="yibao.html"', 'href="qingdao-2025.html"'));
    assert.ok(staff.data.equals(page.data));
    assert.equal(staff.fees, page.fees);
    // With one more ruleset than dist/yibao.html it stays within 1 KB of that page's ceiling (page.test.mjs).
    const gzipped = gzipSync(exported.text, { level: 9 }).length;
    assert.ok(gzipped <= 118 * 1024, `${gzipped} bytes gzipped`);
  });

  test('the exported page, offline: a household at the new amounts, and its share link', async () => {
    const file = join(dir, 'yibao.html');
    writeFileSync(file, exported.text);
    const url = pathToFileURL(file).href;
    let link;
    let first;
    await withPage(browser, { url, now: NOW }, async (page) => {
      await card(page, 0).getByLabel('出生日期').fill('1985-05-01');
      await page.getByRole('button', { name: '+ 中小学生' }).click();
      await card(page, 1).getByLabel('出生日期').fill('2015-03-01');
      await page.waitForSelector('body[data-state="result"]');
      first = [await figures(card(page, 0)), await figures(card(page, 1))];
      assert.equal(first[0].个人缴费, '480元');
      assert.equal(first[0].政府补助, '870元');
      assert.equal(first[1].个人缴费, '400元');
      assert.match(await page.locator('#ruleset-hint').textContent(), /2025/);
      link = page.url();
      assert.match(link, /#v1\./);
    });
    await withPage(browser, { url: link, now: NOW, wait: 'body[data-state="result"]' }, async (page) => {
      assert.deepEqual([await figures(card(page, 0)), await figures(card(page, 1))], first);
    });
  });

  test('both exported pages from file:// side by side: a household, a roster, and the links between them', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'yibao-exported-'));
    const family = join(folder, 'qingdao-2025.html');
    const staff = join(folder, 'qingdao-2025-batch.html');
    writeFileSync(family, exported.text);
    writeFileSync(staff, exportedStaff.text);
    const [familyUrl, staffUrl] = [pathToFileURL(family).href, pathToFileURL(staff).href];
    const roster = { name: '名单.csv', mimeType: 'text/csv',
      buffer: Buffer.from('姓名,出生日期,在校情况,特殊人群,缴费档次,上年度参保情况,缴费日期\r\n张三,1985-05-01,否,无,,连续,\r\n李四,2015-03-01,中小学,无,,连续,\r\n') };
    try {
      await withPage(browser, { url: familyUrl, now: NOW, allow: [staffUrl] }, async (page) => {
        await card(page, 0).getByLabel('出生日期').fill('1985-05-01');
        await page.waitForSelector('body[data-state="result"]');
        assert.equal((await figures(card(page, 0))).个人缴费, '480元');
        const link = page.getByRole('link', { name: '批量测算页' });
        assert.equal(await link.getAttribute('href'), 'qingdao-2025-batch.html#ruleset=qingdao-2025');
        await followLink(page, link);
        assert.equal(page.url(), `${staffUrl}#ruleset=qingdao-2025`);
        assert.equal(await page.getByLabel('参保地和年度').inputValue(), 'qingdao-2025');
      });
      await withPage(browser, { url: staffUrl, now: NOW, allow: [familyUrl], wait: 'body[data-state="ready"]' }, async (page) => {
        await page.getByLabel('参保地和年度').selectOption('qingdao-2025');
        await page.getByLabel('默认缴费日期').fill('2025-02-15');
        await page.getByLabel('选择名单文件').setInputFiles(roster);
        await page.waitForSelector('#batch[data-state="done"]');
        assert.match(await page.locator('#batch-status').textContent(), /^测算完成：共2行，算出2行。个人缴费合计880元/);
        await followLink(page, page.getByRole('link', { name: '家庭测算页' }), 'body[data-state]');
        assert.equal(page.url().replace(/#.*$/, ''), familyUrl, 'the family page, which then writes its household after #');
        assert.match(await page.locator('#ruleset-hint').textContent(), /2025/);
      });
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  test('只包含新的规则: the new one and its base, no other', () => bench(async (page) => {
    await make2025(page);
    await page.getByLabel('只包含新的规则').check();
    const { text } = await download(page, '生成测算页');
    assert.deepEqual((await pageRulesets(text)).rulesets.map((r) => r.id), ['qingdao-2024', 'qingdao-2025']);
    assert.equal((text.match(/<caption>/g) || []).length, 2);
  }));
});

describe('the file', () => {
  const benchHtml = readFileSync(new URL('../../dist/rules.html', import.meta.url), 'utf8');

  test('one file under a strict CSP: hashed scripts and style, wasm allowed, nothing else', () => {
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(benchHtml)[1];
    assert.match(csp, /^default-src 'none'; script-src ('sha256-[A-Za-z0-9+/=]+' )+'wasm-unsafe-eval'; style-src 'sha256-[A-Za-z0-9+/=]+'; img-src data:; connect-src 'none'; base-uri 'none'; form-action 'none'$/);
    assert.doesNotMatch(benchHtml, /<script[^>]+src=|<link[^>]+stylesheet|'unsafe-eval'|'unsafe-inline'/);
  });

  test('its own words use full-width punctuation', () => bench(async (page) => {
    const words = await page.locator('body').innerText();
    assert.doesNotMatch(words, /[\u4e00-\u9fff][,:;?!()]|[,:;?!()][\u4e00-\u9fff]/);
  }));

  test('the workbench code stays out of the citizen page', () => {
    for (const word of ['useRuleset', 'diffRulesets', '本页没有可用的缴费标准', 'createYibaoWorkbench']) {
      assert.equal(distPage.includes(word), false, word);
    }
  });

  test('by keyboard: a base button, the error summary\'s first link to its field', () => bench(async (page) => {
    await page.keyboard.press('Tab');
    let name = '';
    for (let i = 0; i < 10 && !/qingdao-2024/.test(name); i += 1) {
      await page.keyboard.press('Tab');
      name = await page.evaluate(() => document.activeElement.textContent);
    }
    await page.keyboard.press('Enter');
    await settle(page);
    await page.getByRole('button', { name: '生成测算页' }).focus();
    await page.keyboard.press('Enter');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'error-summary');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'tf-collection-basis-0-source');
  }));
});

describe('the form and the text', () => {
  test('an edit in the text refreshes the form, and an amount typed wrong is flagged there', () => bench(async (page) => {
    await page.getByRole('button', { name: /qingdao-2024/ }).click();
    await settle(page);
    const doc = JSON.parse(await page.getByLabel('规则JSON').inputValue());
    doc.contributions = [{ id: 'college', individual_fen: 16050 }];
    await page.getByLabel('规则JSON').fill(JSON.stringify(doc, null, 2));
    await settle(page);
    assert.equal(await control(page, '/contributions/0/individual_fen').inputValue(), '160.50');
    assert.ok((await errors(page)).some((e) => /^“[^”]*大学生的依据1”的“来源编号”：/.test(e)), 'the engine\'s missing_basis');
    assert.equal(await control(page, '/contributions/0/basis/0/source').getAttribute('aria-invalid'), 'true');
    await fill(page, '/contributions/0/subsidy_fen', '七百');
    assert.equal(await control(page, '/contributions/0/subsidy_fen').getAttribute('aria-invalid'), 'true');
    assert.match(await page.locator('#tf-contributions-0-subsidy_fen-error').textContent(), /金额/);
    assert.equal(JSON.parse(await page.getByLabel('规则JSON').inputValue()).contributions[0].subsidy_fen, undefined,
      'a wrong amount is not written');
  }));

  test('over a base the form is the field table\'s, every section merged, and the text holds only what differs', () => bench(async (page) => {
    await page.getByRole('button', { name: /qingdao-2024/ }).click();
    await settle(page);
    assert.equal(await page.locator('#over-base').isVisible(), true);
    // A category, which only 规则JSON could change before: shown merged, changed in the form.
    assert.equal(await control(page, '/categories/2/label').inputValue(), '成年居民');
    await fill(page, '/categories/2/label', '城乡居民');
    await setBasis(page, '/categories/2', 'qingdao-2023-notice', '城乡居民');
    await settle(page);
    assert.match(await page.locator('#tf-categories-2-label-was').textContent(), /原来：成年居民。/);
    const doc = await text(page);
    assert.equal(doc.categories.length, 1);
    assert.deepEqual([doc.categories[0].id, doc.categories[0].label, doc.categories[0].basis[0]],
      ['adult', '城乡居民', { source: 'qingdao-2023-notice', quote: '城乡居民' }]);
    assert.deepEqual(Object.keys(doc.categories[0]).sort(), ['basis', 'id', 'label'], 'only what differs');
    assert.deepEqual(Object.keys(doc).sort(), ['base', 'benefit_year', 'categories', 'collection', 'continuity_deadline', 'id',
      'title', 'unconfirmed_note', 'year']);
    // Merged over the base, the others are still there.
    assert.equal(await control(page, '/categories/0/label').inputValue(), '大学生');
    assert.equal(await control(page, '/categories/2/label').inputValue(), '城乡居民');
  }));

  test('a good file opened over the author\'s text asks first', () => bench(async (page) => {
    await page.getByLabel('规则JSON').fill('{"draft": true}');
    await settle(page);
    await page.getByLabel('规则文件').setInputFiles(rulesFile('qingdao-2024.json'));
    await page.waitForSelector('#file-problem:not([hidden])');
    assert.equal(await page.getByLabel('规则JSON').inputValue(), '{"draft": true}');
    await page.getByRole('button', { name: '替换编辑框里的内容' }).click();
    await settle(page);
    assert.equal(await page.getByLabel('规则JSON').inputValue(), readFileSync(rulesFile('qingdao-2024.json'), 'utf8').replace(/^\uFEFF/, ''));
    assert.deepEqual(await errors(page), []);
  }));
});

describe('the rest of the year in the form', () => {
  const fromQingdao2026 = async (page) => {
    await page.getByRole('button', { name: /（qingdao-2026）/ }).click();
    await settle(page);
    for (const at of ['/collection', '/continuity_deadline']) await setBasis(page, at, 'qingdao-2026-notice', '城乡居民医保集中缴费期为每年9-12月份');
    await settle(page);
    assert.deepEqual(await errors(page), []);
  };

  test('the ruleset\'s own id, title and year are plain fields; an id typed wrong is flagged at its field', () => bench(async (page) => {
    await make2025(page);
    await fill(page, '/id', 'Qingdao 2025');
    await settle(page);
    assert.equal(await control(page, '/id').getAttribute('aria-invalid'), 'true');
    assert.ok((await errors(page)).some((e) => e.includes('规则集编号')), (await errors(page)).join('\n'));
    await fill(page, '/id', 'qingdao-2025-b');
    await fill(page, '/title', '青岛市2025年度城乡居民基本医疗保险（草稿）');
    await fill(page, '/year', '2025');
    await settle(page);
    const doc = await text(page);
    assert.deepEqual([doc.id, doc.title, doc.year], ['qingdao-2025-b', '青岛市2025年度城乡居民基本医疗保险（草稿）', 2025]);
    assert.deepEqual(await errors(page), []);
  }));

  test('a waiting-period number changed asks for its basis at the field, then checks and counts', () => bench(async (page) => {
    await fromQingdao2026(page);
    await fill(page, '/waiting_period/fixed/months', '4');
    await settle(page);
    assert.ok((await errors(page)).some((e) => /^“[^”]*固定[^”]*的依据1”的“来源编号”：/.test(e)), (await errors(page)).join('\n'));
    assert.equal(await control(page, '/waiting_period/fixed/basis/0/source').getAttribute('aria-invalid'), 'true');
    await setBasis(page, '/waiting_period/fixed', 'qingdao-2026-notice', '设置参保缴费后固定待遇等待期4个月');
    await settle(page);
    assert.deepEqual(await errors(page), []);
    assert.deepEqual((await text(page)).waiting_period, { fixed: { months: 4,
      basis: [{ source: 'qingdao-2026-notice', quote: '设置参保缴费后固定待遇等待期4个月' }] } });
    const lapsed = page.locator('#starts table').nth(1).locator('tbody tr', { has: page.locator('th', { hasText: /^2026年11月15日$/ }) });
    assert.equal(await lapsed.locator('td').nth(1).textContent(), '2027年5月1日', 'one lapsed year: 4 months from 1 January');
  }));

  test('a rule with two quotes shows both, and its new basis may have two', () => bench(async (page) => {
    await fromQingdao2026(page);
    const quote = (i) => control(page, `/waiting_period/variable/basis/${i}/quote`);
    assert.equal(await quote(2).count(), 0);
    assert.match(await quote(1).inputValue(), /小孙2025年度/);
    await fill(page, '/waiting_period/variable/months_per_year', '2');
    await setBasis(page, '/waiting_period/variable', 'qingdao-2026-notice', '每多断保1年，增加2个月待遇等待期');
    await fill(page, '/waiting_period/variable/basis/1/source', 'qingdao-waiting-explainer');
    await quote(1).fill('等待期为3+2=5个月');
    await settle(page);
    assert.deepEqual(await errors(page), []);
    assert.deepEqual((await text(page)).waiting_period.variable.basis.map((b) => b.source), ['qingdao-2026-notice', 'qingdao-waiting-explainer']);
  }));

  // A new channel, and one of the base's taken out: the file holds only those, as a patch over qingdao-2024.
  async function editChannels(page) {
    await page.getByRole('button', { name: '添加缴费渠道' }).click();
    await settle(page);
    assert.equal(await page.evaluate(() => document.activeElement.dataset.path), '/payment_channels/11/id');
    // The engine finds it as the merged list's 12th; the summary names it as the form does, the 12th channel.
    assert.ok((await errors(page)).some((e) => e.startsWith('“缴费渠道12”的“名称”：')), (await errors(page)).join('\n'));
    assert.equal(await control(page, '/payment_channels/11/name').getAttribute('aria-invalid'), 'true');
    await fill(page, '/payment_channels/11/id', 'etax');
    assert.match(await page.locator('#tf-payment_channels-11-id-error').textContent(), /已经有了/);
    assert.equal((await text(page)).payment_channels.some((c) => c.id === 'etax'), false, 'an id twice is not written');
    await fill(page, '/payment_channels/11/id', 'mini-program');
    await fill(page, '/payment_channels/11/name', '青岛医保微信小程序');
    await fill(page, '/payment_channels/11/detail', '手机');
    await setBasis(page, '/payment_channels/11', 'qingdao-2025-notice', '可通过青岛医保微信小程序缴费');
    await page.getByRole('button', { name: '删除缴费渠道8', exact: true }).click();
    await settle(page);
    assert.deepEqual(await errors(page), []);
    assert.deepEqual((await text(page)).payment_channels, [
      { id: 'mini-program', name: '青岛医保微信小程序', detail: '手机', basis: [{ source: 'qingdao-2025-notice', quote: '可通过青岛医保微信小程序缴费' }] },
      { id: 'bank', removed: true }]);
  }
  // Contacts have no ids: the file holds the whole list.
  async function editContacts(page) {
    await page.getByRole('button', { name: '添加联系方式' }).click();
    await settle(page);
    assert.ok((await errors(page)).some((e) => e.startsWith('“联系方式3”的“名称”：')), (await errors(page)).join('\n'));
    await fill(page, '/contacts/2/name', '青岛市医保服务热线');
    await fill(page, '/contacts/2/phone', '0532-12345');
    await page.getByRole('button', { name: '删除联系方式1', exact: true }).click();
    await settle(page);
    assert.deepEqual(await errors(page), []);
    assert.deepEqual((await text(page)).contacts, [{ name: '“青岛医疗保障”微信公众号', detail: '新参保登记' },
      { name: '青岛市医保服务热线', phone: '0532-12345' }]);
  }
  async function editWebsites(page) {
    await page.getByRole('button', { name: '添加网站' }).click();
    await settle(page);
    assert.ok((await errors(page)).some((e) => e.startsWith('“网站1”')), `an empty website is a problem: ${(await errors(page)).join('\n')}`);
    await fill(page, '/websites/0', 'ybj.qingdao.gov.cn');
    await fill(page, '/websites/0', 'www.qingdao.gov.cn');
    await settle(page);
    assert.deepEqual(await errors(page), []);
    assert.deepEqual((await text(page)).websites, ['www.qingdao.gov.cn']);
  }

  test('a payment channel added and one removed', () => bench(async (page) => { await make2025(page); await editChannels(page); }));
  test('a contact added and one removed', () => bench(async (page) => { await make2025(page); await editContacts(page); }));
  test('a website added and changed', () => bench(async (page) => { await make2025(page); await editWebsites(page); }));

  test('the exported page shows a citizen the new channel, contact and website', () => bench(async (page) => {
    await make2025(page);
    await editChannels(page);
    await editContacts(page);
    await editWebsites(page);
    const { text: html } = await download(page, '生成测算页');
    const file = join(dir, 'lists.html');
    writeFileSync(file, html);
    await withPage(browser, { url: pathToFileURL(file).href, now: NOW }, async (citizen) => {
      await card(citizen, 0).getByLabel('出生日期').fill('1985-05-01');
      await citizen.waitForSelector('body[data-state="result"]');
      // Laid out once scrolled near (content-visibility), where to pay shows its words only then.
      await citizen.locator('#howto').scrollIntoViewIfNeeded();
      await citizen.waitForFunction(() => document.getElementById('howto').innerText.includes('咨询'));
      const howto = await citizen.locator('#howto').innerText();
      for (const words of ['青岛医保微信小程序', '青岛市医保服务热线', '0532-12345', 'www.qingdao.gov.cn']) assert.ok(howto.includes(words), words);
      for (const words of ['经办银行', '户籍街道保障中心']) assert.equal(howto.includes(words), false, words);
    });
  }));
});

describe('a longer base chain', () => {
  test('只包含新的规则 from qingdao-2027: its whole base chain goes with it, and the page loads them all', () => bench(async (page) => {
    await page.getByRole('button', { name: /（qingdao-2027）/ }).click();
    await settle(page);
    for (const at of ['/collection', '/continuity_deadline']) await setBasis(page, at, 'qingdao-2026-notice', '城乡居民医保集中缴费期为每年9-12月份');
    await settle(page);
    assert.deepEqual(await errors(page), []);
    // The texts that still say 2027 (and 2026) are rewritten for 2028 in 规则JSON: until then no page is made.
    assert.ok(await page.locator('#year-text-list li').count() > 0);
    const doc = JSON.parse(await page.getByLabel('规则JSON').inputValue());
    const carried = { provisional: { from: 'qingdao-2026', text: '按2026年度标准估算，2028年度标准以青岛市医保局公布为准' } };
    Object.assign(doc, {
      unconfirmed_note: '此条依据青岛市往年通知或政策解读，2028年度的资料未另作说明，请向户籍街道保障中心核实。',
      silences: { assistance: '青岛2028年度的资料没有说明低保、特困等特殊人群的缴费减免，已按普通标准估算；实际可能减免，请向户籍街道保障中心咨询。' },
      contributions: ['college', 'child', 'adult-tier-1', 'adult-tier-2'].map((id) => ({ id, individual_fen: carried, subsidy_fen: carried,
        basis: [{ source: 'qingdao-2026-notice', quote: '城乡居民医保集中缴费期为每年9-12月份' }] })),
    });
    doc.collection.text = '2028年度居民医保费自2027年9月起缴纳；集中缴费期为2027年9月至12月（每年9-12月份），2028年内仍可缴费但设等待期。';
    await page.getByLabel('规则JSON').fill(JSON.stringify(doc, null, 2));
    await settle(page);
    assert.deepEqual(await errors(page), []);
    assert.deepEqual(await page.locator('#year-text-list li').allTextContents(), []);
    await page.getByLabel('只包含新的规则').check();
    const { text } = await download(page, '生成测算页');
    assert.deepEqual((await pageRulesets(text)).rulesets.map((r) => r.id), ['qingdao-2024', 'qingdao-2026', 'qingdao-2027', 'qingdao-2028']);
    const file = join(dir, 'chain.html');
    writeFileSync(file, text);
    await withPage(browser, { url: pathToFileURL(file).href, now: at('2027-10-15') }, async (exported) => {
      assert.equal(await exported.locator('#ruleset-errors').isHidden(), true);
      assert.match(await exported.locator('#ruleset-hint').textContent(), /2028/);
    });
  }));

  test('starting anew over the author\'s text asks first', () => bench(async (page) => {
    await page.getByLabel('规则JSON').fill('{"draft": 1}');
    await page.getByRole('button', { name: /（qingdao-2024）/ }).click();
    await page.waitForSelector('#file-problem:not([hidden])');
    assert.equal(await page.getByLabel('规则JSON').inputValue(), '{"draft": 1}');
    await page.getByRole('button', { name: '替换编辑框里的内容' }).click();
    assert.equal(JSON.parse(await page.getByLabel('规则JSON').inputValue()).id, 'qingdao-2025');
  }));
});

describe('what cannot be exported, and bad files', () => {
  const write = (name, content) => { const path = join(dir, name); writeFileSync(path, content); return path; };

  test('a ruleset with problems is not exported; the button says why and the text is kept', () => bench(async (page) => {
    await page.getByRole('button', { name: /shenyang-2024/ }).click();
    await settle(page);
    const text = await page.getByLabel('规则JSON').inputValue();
    assert.match(await page.locator('#export-why').textContent(), /2 个问题/);
    let downloads = 0;
    page.on('download', () => { downloads += 1; });
    await page.getByRole('button', { name: '生成测算页' }).click();
    assert.match(await page.locator('#export-status').textContent(), /没有生成测算页/);
    assert.equal(await page.evaluate(() => document.activeElement.id), 'error-summary');
    assert.equal(downloads, 0);
    assert.equal(await page.getByLabel('规则JSON').inputValue(), text);
    // An error link goes to its field.
    await page.locator('#error-list a').first().click();
    assert.equal(await page.evaluate(() => document.activeElement.id), 'tf-collection-basis-0-source');
  }));

  test('a syntax error says its line and column, and its link selects the place in the text', () => bench(async (page) => {
    await page.getByLabel('规则JSON').fill('{\n  "id": "x",\n  "year": }');
    await settle(page);
    const [error] = await errors(page);
    assert.equal(error.match(/第3行第11列/g)?.length, 1, error);
    assert.match(error, /这里应是一个值（对象、数组、文字、数字、true、false 或 null），却是“}”/);
    await page.locator('#error-list a').first().click();
    assert.equal(await page.evaluate(() => document.activeElement.id), 'text');
    assert.equal(await page.evaluate(() => document.activeElement.selectionStart), '{\n  "id": "x",\n'.length + 10);
    assert.equal(await page.getByLabel('规则JSON').getAttribute('aria-invalid'), 'true');
  }));

  const script = '<script>alert(1)</script><img src=x onerror=alert(2)>';
  const payload = () => {
    const doc = JSON.parse(readFileSync(rulesFile('qingdao-2024.json'), 'utf8'));
    // Every text a reader sees (not ids, dates, enums or conditions).
    const texts = new Set(['title', 'text', 'label', 'quote', 'publisher', 'region', 'unconfirmed_note', 'name', 'note']);
    const walk = (v, key) => (Array.isArray(v) ? v.map((x) => walk(x, key)) : v && typeof v === 'object'
      ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x, k)]))
      : typeof v === 'string' && texts.has(key) ? `${v}${script}` : v);
    return { ...walk(doc, ''), id: 'qingdao-2024-x' };
  };

  const cases = [
    ['not JSON', 'not-json.json', '这不是{json}', /JSON|line 1/],
    ['JSON that is not a ruleset', 'array.json', '[1, 2, 3]', /./],
    ['a number', 'number.json', '42', /./],
    ['binary bytes', 'binary.json', Buffer.from([0xff, 0xfe, 0x00, 0x01, 0x80, 0x81]), /不是文本文件/],
    ['a 10 MB file', 'big.json', Buffer.alloc(10 * 1024 * 1024, 0x20), /文件太大/],
  ];
  for (const [what, name, content, message] of cases) {
    test(`${what}: its message, and the textarea untouched until the author says`, () => bench(async (page) => {
      await page.getByRole('button', { name: /qingdao-2024/ }).click();
      await settle(page);
      const text = await page.getByLabel('规则JSON').inputValue();
      await page.getByLabel('规则文件').setInputFiles(write(name, content));
      await page.waitForSelector('#file-problem:not([hidden])');
      assert.match(await page.locator('#file-problem').innerText(), message);
      assert.equal(await page.getByLabel('规则JSON').inputValue(), text);
      await page.getByRole('button', { name: '不用这个文件' }).click();
      assert.equal(await page.getByLabel('规则JSON').inputValue(), text);
      assert.equal(await page.locator('#file-problem').isHidden(), true);
    }));
  }

  // Hostile rulesets (issue 24): each is named in words at its place, never "检查程序出错", and the text is kept.
  const qingdao = readFileSync(rulesFile('qingdao-2024.json'), 'utf8');
  const shenyang = readFileSync(rulesFile('shenyang-2024.json'), 'utf8');
  const hostile = [
    ['100,000 nested arrays', `${'['.repeat(1e5)}${']'.repeat(1e5)}`, /嵌套超过64层/],
    ['60,000 nested objects', `${'{"a":'.repeat(6e4)}1${'}'.repeat(6e4)}`, /嵌套超过64层/],
    ['an id written twice', qingdao.replace('"id": "qingdao-2024",', '"id": "my-city-2024", "id": "qingdao-2024",'),
      /字段“id”在同一个对象里出现了两次/],
    ['an amount written twice', qingdao.replace(/"individual_fen": (\d+),/, '"individual_fen": 1, "individual_fen": $1,'),
      /字段“individual_fen”在同一个对象里出现了两次/],
    ['an empty id', qingdao.replace('"id": "qingdao-2024",', '"id": "",'), /规则集编号应为1到64个字符/],
    ['an id of 100,000 characters', qingdao.replace('"id": "qingdao-2024",', `"id": "${'a'.repeat(1e5)}",`), /规则集编号应为1到64个字符/],
    ['a javascript: url', qingdao.replace('http://www.ccschy.com/techan/238748.html', 'javascript:alert(1)'), /不是网页地址/],
    ['a phone number of garbage', shenyang.replace('"024-12345-1-7"', '"call 0123456789 now"'), /不是可拨打的电话号码/],
  ];
  for (const [what, content, message] of hostile) {
    test(`${what}: named in the errors, and the text kept`, () => bench(async (page) => {
      await page.getByLabel('规则JSON').fill(content);
      await settle(page);
      const shown = (await errors(page)).join('\n');
      assert.match(shown, message);
      assert.doesNotMatch(shown, /检查程序出错/);
      assert.equal(await page.getByLabel('规则JSON').inputValue(), content);
    }));
  }

  test('a bad file may still be put in the textarea when the author chooses, and its errors shown', () => bench(async (page) => {
    await page.getByRole('button', { name: /qingdao-2024/ }).click();
    await settle(page);
    await page.getByLabel('规则文件').setInputFiles(write('broken.json', '{"id": "broken", "year": 2025}'));
    await page.waitForSelector('#file-problem:not([hidden])');
    await page.getByRole('button', { name: /仍然放入编辑框/ }).click();
    await settle(page);
    assert.equal(await page.getByLabel('规则JSON').inputValue(), '{"id": "broken", "year": 2025}');
    assert.ok((await errors(page)).length > 0);
  }));

  test('script payloads in every text field are shown as text and exported inert', () => bench(async (page) => {
    const path = write('payload.json', JSON.stringify(payload(), null, 2));
    await page.getByLabel('规则文件').setInputFiles(path);
    await settle(page);
    assert.deepEqual(await errors(page), []);
    assert.equal(await page.locator('#fee-preview img, #fee-preview script, #bench img').count(), 0);
    assert.match(await page.locator('#fee-preview caption').textContent(), /<script>alert\(1\)<\/script>/);
    const { text } = await download(page, '生成测算页');
    const file = write('payload.html', text);
    await withPage(browser, { url: pathToFileURL(file).href, now: at('2024-02-15') }, async (exportedPage) => {
      assert.equal(await exportedPage.locator('main img:not(#qr), main script').count(), 0);
      // The tables are laid out once a reader scrolls near them (content-visibility), a few frames later.
      await exportedPage.locator('.fee-tables caption').first().scrollIntoViewIfNeeded();
      await exportedPage.waitForFunction(() => document.querySelector('.fee-tables').innerText.trim() !== '');
      assert.match(await exportedPage.locator('.fee-tables').innerText(), /<script>alert\(1\)<\/script>/);
    });
  }));

  test('a file dropped onto the page is opened', () => bench(async (page) => {
    const text = readFileSync(rulesFile('qingdao-2024.json'), 'utf8').replace('"qingdao-2024"', '"qingdao-2024-dropped"');
    const transfer = await page.evaluateHandle((content) => {
      const data = new DataTransfer();
      data.items.add(new File([content], 'dropped.json', { type: 'application/json' }));
      return data;
    }, text);
    await page.dispatchEvent('main', 'drop', { dataTransfer: transfer });
    await settle(page);
    assert.equal(await page.getByLabel('规则JSON').inputValue(), text);
    assert.deepEqual(await errors(page), []);
  }));
});

describe('accessibility', () => {
  for (const [state, prepare] of [
    ['empty', async () => {}],
    ['with errors', async (page) => { await page.getByRole('button', { name: /qingdao-2024/ }).click(); await settle(page); }],
    ['ready to export', make2025],
    ['the waiting period, and a new channel still empty', async (page) => {
      await page.getByRole('button', { name: /（qingdao-2026）/ }).click();
      await page.getByRole('button', { name: '添加缴费渠道' }).click();
      await settle(page);
    }],
  ]) {
    // The state is made once and checked at both widths: the workbench's layout follows the window's width alone
    // (its style's media queries; its script never reads the width), and making a state took up to 40 s.
    test(`axe finds nothing: ${state}, at 1024 and 360 px`, () => bench(async (page) => {
      await prepare(page);
      await page.locator('details').evaluateAll((all) => all.forEach((d) => { d.open = true; }));
      for (const width of [1024, 360]) {
        await page.setViewportSize({ width, height: 800 });
        const result = await axe(page).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
        assert.deepEqual(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`), [], `${width} px`);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
        assert.equal(overflow, false, `nothing wider than the screen at ${width} px`);
      }
    }, { viewport: { width: 1024, height: 800 } }));
  }
});

describe('the previews a rule author checks against', () => {
  // The year after qingdao-2026: its window and deadline move a year, each with its basis (the base flow asks for
  // them), and the ruleset checks clean, so that it is previewed.
  const from2026 = async (page) => {
    await page.getByRole('button', { name: /qingdao-2026/ }).click();
    await settle(page);
    for (const at of ['/collection', '/continuity_deadline']) await setBasis(page, at, 'qingdao-2026-notice', '城乡居民医保集中缴费期为每年9-12月份');
    await settle(page);
    assert.deepEqual(await errors(page), []);
  };

  test('when benefits start: every category by the month paid, and lapsed years 0–5 where the reform applies', () => bench(async (page) => {
    await from2026(page);
    const tables = page.locator('#starts table');
    assert.equal(await tables.count(), 2, 'categories, and lapsed years (qingdao-2027 has the reform)');
    const heads = await tables.nth(0).locator('thead th').allTextContents();
    assert.deepEqual(heads, ['缴费日期', '成年居民', '少年儿童', '大学生']);
    const row = async (table, date) => table.locator('tbody tr', { has: page.locator('th', { hasText: new RegExp(`^${date}$`) }) })
      .locator('td').allTextContents();
    // The year made from qingdao-2026 is 2027: in the window from 1 January, after it three months from the month paid.
    assert.deepEqual(await row(tables.nth(0), '2026年12月15日'), ['2027年1月1日', '2027年1月1日', '2027年1月1日']);
    assert.deepEqual(await row(tables.nth(0), '2027年2月15日'), ['2027年5月1日', '2027年5月1日', '2027年5月1日']);
    assert.deepEqual(await tables.nth(1).locator('thead th').allTextContents(),
      ['缴费日期', '连续参保', '断保1年', '断保2年', '断保3年', '断保4年', '断保5年']);
    assert.deepEqual(await row(tables.nth(1), '2026年11月15日'),
      ['2027年1月1日', '2027年4月1日', '2027年5月1日', '2027年6月1日', '2027年7月1日', '2027年8月1日']);
  }));

  test('a cases file runs against the ruleset in the text: each case passes or says what differs, a bad file by JSON path', () => bench(async (page) => {
    const cases = join(dir, 'cases.json');
    writeFileSync(cases, JSON.stringify({ cases: [
      { name: '一档 from 1 January', request: { ruleset: 'qingdao-2027', payment_date: '2026-12-01', members: [{ birth_date: '1980-05-01', tier: 1 }] },
        expect: { ok: true, members: [{ benefit_start: '2027-01-01' }] } },
      { name: 'a wrong expectation', request: { ruleset: 'qingdao-2027', payment_date: '2026-12-01', members: [{ birth_date: '1980-05-01', tier: 1 }] },
        expect: { ok: true, members: [{ individual_fen: 1 }] } },
    ] }));
    await from2026(page);
    await page.getByLabel('测试用例文件').setInputFiles(cases);
    await page.waitForFunction(() => document.querySelector('#cases-status').textContent.includes('个用例'));
    assert.equal(await page.locator('#cases-status').textContent(), 'cases.json：2个用例，1个通过，1个不通过。');
    const results = await page.locator('#cases li').allTextContents();
    assert.deepEqual(results, ['✓ 一档 from 1 January', '✗ a wrong expectation：/members/0/individual_fen：应为1，实际是48200']);
    const bad = join(dir, 'not-cases.json');
    writeFileSync(bad, '{"rules": []}');
    await page.getByLabel('测试用例文件').setInputFiles(bad);
    await page.waitForFunction(() => document.querySelector('#cases-status').textContent.includes('不是测试用例文件'));
    // The engine reads the file as `yibao cases` does: each problem by its JSON path.
    assert.deepEqual(await page.locator('#cases li').allTextContents(), ['/cases：缺少必填字段“cases”']);
  }));
});

// Issue 21: a web team making Qingdao 2028 from 2027, whose amounts are carried from 2026.
describe('Qingdao 2028 from qingdao-2027', () => {
  const from2027 = async (page) => {
    await page.getByRole('button', { name: /（qingdao-2027）/ }).click();
    await settle(page);
  };

  test('an amount carried from 2026 shows the figure in force', () => bench(async (page) => {
    await from2027(page);
    // 成年居民（一档）, the third contribution.
    assert.equal(await control(page, '/contributions/2/individual_fen#mode').inputValue(), 'provisional');
    assert.equal(await control(page, '/contributions/2/individual_fen/value').inputValue(), '482');
    assert.equal(await control(page, '/contributions/2/subsidy_fen/value').inputValue(), '880');
    assert.equal(await control(page, '/contributions/2/individual_fen/provisional/from').inputValue(), 'qingdao-2026');
  }));

  test('an amount changed says what it was; its error names its field in words and its link moves focus there', () => bench(async (page) => {
    await from2027(page);
    await control(page, '/contributions/2/individual_fen#mode').selectOption('value');
    await settle(page);
    await fill(page, '/contributions/2/individual_fen', '500');
    await settle(page);
    assert.equal(await page.locator('#tf-contributions-2-individual_fen-was').textContent(), '按元填写，例如 400 或 380.50；按分项填写的，可以不填。原来：暂按往年标准。');
    const item = page.locator('#error-list li', { hasText: '成年居民（一档）' });
    const text = await item.textContent();
    assert.match(text, /^“[^”]*成年居民（一档）的依据1”的“来源编号”：/);
    assert.doesNotMatch(text, /basis|位置|\/contributions/, 'no code, no JSON path');
    await item.getByRole('link').click();
    assert.equal(await page.evaluate(() => document.activeElement.dataset.path), '/contributions/2/basis/0/source');
  }));

  test('a new source added in the form is a basis\'s source', () => bench(async (page) => {
    await from2027(page);
    await control(page, '/contributions/2/individual_fen#mode').selectOption('value');
    await settle(page);
    await fill(page, '/contributions/2/individual_fen', '500');
    // The form shows the sources merged over the base: the new one comes after all of them.
    const shown = await page.evaluate(() => [...document.querySelectorAll('#table-form [data-path]')]
      .filter((node) => /^\/sources\/\d+\/id$/.test(node.dataset.path)).length);
    await page.getByRole('button', { name: '添加来源', exact: true }).click();
    await settle(page);
    const at = `/sources/${shown}`;
    assert.equal(await page.evaluate(() => document.activeElement.dataset.path), `${at}/id`);
    await fill(page, `${at}/id`, 'qingdao-2028-notice');
    await control(page, `${at}/level`).selectOption('A');
    await fill(page, `${at}/title`, '青岛市2028年度城乡居民基本医疗保险参保缴费通知（测试）');
    await fill(page, `${at}/publisher`, '青岛市医疗保障局');
    await setBasis(page, '/contributions/2', 'qingdao-2028-notice', '一档成年居民个人缴费500元');
    await settle(page);
    const doc = await text(page);
    assert.ok(doc.sources.some((s) => s.id === 'qingdao-2028-notice'));
    assert.deepEqual(doc.contributions.find((c) => c.id === 'adult-tier-1').basis, [{ source: 'qingdao-2028-notice', quote: '一档成年居民个人缴费500元' }]);
    assert.equal((await errors(page)).some((e) => e.includes('成年居民（一档）')), false, (await errors(page)).join('\n'));
  }));

  test('every text of 2027 that names 2026 or 2027 is listed with a link to its field, and the page is not made until they are rewritten',
    () => bench(async (page) => {
      await from2027(page);
      for (const at of ['/collection', '/continuity_deadline']) await setBasis(page, at, 'qingdao-2026-notice', '城乡居民医保集中缴费期为每年9-12月份');
      await settle(page);
      assert.deepEqual(await errors(page), []);
      const listed = await page.locator('#year-text-list li').allTextContents();
      assert.ok(listed.some((t) => t.startsWith('“缴费期”的“') && t.includes('2027年度居民医保费自2026年9月起缴纳')),
        listed.join('\n'));
      assert.ok(listed.some((t) => t.includes('成年居民（一档）') && t.includes('2027年度标准以青岛市医保局公布为准')), listed.join('\n'));
      assert.ok(listed.some((t) => t.includes('此条依据青岛市往年通知或政策解读，2027年度的资料未另作说明')), listed.join('\n'));
      await page.locator('#year-text-list a', { hasText: '2027年度居民医保费自2026年9月起缴纳' }).click();
      assert.equal(await page.evaluate(() => document.activeElement.dataset.path), '/collection/text');
      await page.getByRole('button', { name: '生成测算页' }).click();
      assert.match(await page.locator('#export-status').textContent(), /^没有生成测算页。有 \d+ 处文字还写着往年的年份/);
      assert.equal(await page.evaluate(() => document.activeElement.id), 'year-texts');

      await fill(page, '/collection/text', '2028年度居民医保费自2027年9月起缴纳；集中缴费期为2027年9月至12月。');
      await settle(page);
      assert.ok((await page.locator('#year-text-list li').allTextContents()).every((t) => !t.includes('自2026年9月起')),
        'a rewritten text leaves the list');
    }));
});
