// The rules workbench's steps, shared by tests/web/workbench.test.mjs and tests/web/screenshots-workbench.mjs.
import assert from 'node:assert/strict';

// The checks once the text has settled: the textarea is checked 300 ms after the last keystroke, and a file once
// read; until then the status is aria-busy.
export const settle = (page) => page.locator('#check-status:not([aria-busy])').waitFor({ state: 'attached' });
export const errors = (page) => page.locator('#error-list li').allInnerTexts();
export const group = (page, legend) => page.locator('fieldset.group', { has: page.locator('legend', { hasText: legend }) });

// The form's control for the value at a JSON pointer of the ruleset as the form shows it (merged over its base).
export const control = (page, path) => page.locator(`#table-form [data-path="${path}"]`);
export const fill = (page, path, value) => control(page, path).fill(value);
// The first quote of a rule's basis.
export async function setBasis(page, at, source, quote) {
  await fill(page, `${at}/basis/0/source`, source);
  await fill(page, `${at}/basis/0/quote`, quote);
}

export const COLLECTION_TEXT = '2025年度居民医保费自2024年10月起缴纳；集中缴费期为2024年10月至12月，2025年内仍可缴费但设等待期。';
// The texts of qingdao-2024 that name 2023 or 2024 and have no other field, rewritten for 2025.
export const NOTE_TEXT = '此条依据青岛市往年通知或政策解读，2025年度的通知未另作说明，请向户籍街道保障中心核实。';
export const SILENCE_TEXT = '青岛2025年度的通知没有说明低保、特困等特殊人群的缴费减免，已按普通标准估算；实际可能减免，请向户籍街道保障中心咨询。';

// Qingdao 2025 from qingdao-2024: a new notice as source (added where the window asks for its basis), the window
// opening in October, 一档 at 480元 and 少年儿童 at 400元 with their subsidies 870元, each with its basis, and the texts
// that still named 2023 or 2024 rewritten.
export async function make2025(page) {
  await page.getByRole('button', { name: /qingdao-2024/ }).click();
  await settle(page);
  assert.deepEqual((await errors(page)).length, 2, 'the moved window and deadline still stand on 2024 quotes');
  await page.getByRole('button', { name: '添加来源', exact: true }).click();
  await settle(page);
  await fill(page, '/sources/2/id', 'qingdao-2025-notice');
  await control(page, '/sources/2/level').selectOption('A');
  await fill(page, '/sources/2/title', '青岛市2025年度城乡居民基本医疗保险参保缴费通知（测试）');
  await fill(page, '/sources/2/publisher', '青岛市医疗保障局');
  await settle(page);
  await fill(page, '/collection/opens', '2024-10-01');
  await fill(page, '/collection/text', COLLECTION_TEXT);
  await setBasis(page, '/collection', 'qingdao-2025-notice', '2025年度集中缴费期为2024年10月至12月');
  await setBasis(page, '/continuity_deadline', 'qingdao-2025-notice', '在集中缴费期内缴费的,自2025年1月1日起享受待遇');
  // 成年居民（一档）, the third contribution.
  await fill(page, '/contributions/2/individual_fen', '480');
  await fill(page, '/contributions/2/subsidy_fen', '870');
  await settle(page);
  assert.ok((await errors(page)).some((e) => /^“[^”]*成年居民（一档）的依据1”的“来源编号”：/.test(e)),
    `a changed amount asks for its basis, naming the field in words:\n${(await errors(page)).join('\n')}`);
  assert.equal(await control(page, '/contributions/2/basis/0/source').getAttribute('aria-invalid'), 'true', 'at the form field');
  await setBasis(page, '/contributions/2', 'qingdao-2025-notice', '一档成年居民个人缴费480元,财政补助870元');
  // Its second quote, last year's subsidy, goes.
  await page.getByRole('button', { name: /^删除.*成年居民（一档）的依据2$/ }).click();
  // 少年儿童, the second: its basis first, then its amounts.
  await setBasis(page, '/contributions/1', 'qingdao-2025-notice', '少年儿童个人缴费400元');
  await fill(page, '/contributions/1/individual_fen', '400');
  await fill(page, '/contributions/1/subsidy_fen', '870');
  await fill(page, '/unconfirmed_note', NOTE_TEXT);
  await fill(page, '/silences/assistance', SILENCE_TEXT);
  await settle(page);
  // The collection rule names qingdao-2024's window (2023年9月—12月): rewritten in 规则JSON.
  const doc = JSON.parse(await page.getByLabel('规则JSON').inputValue());
  doc.benefit_rules = [{ id: 'collection-period', when: { payment_date: { on_or_before: '2024-12-31' } },
    text: '在2024年10月—12月集中缴费期内（{payment_date}）缴费，自{start}起享受待遇，至{end}。',
    basis: [{ source: 'qingdao-2025-notice', quote: '2025年度集中缴费期为2024年10月至12月' }] }];
  await page.getByLabel('规则JSON').fill(JSON.stringify(doc, null, 2));
  await settle(page);
}
