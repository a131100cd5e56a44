// The rules workbench's steps, shared by tests/web/workbench.test.mjs and tests/web/screenshots-workbench.mjs.
import assert from 'node:assert/strict';

// The checks after the text settles (the textarea is checked 300 ms after the last keystroke).
export const settle = (page) => page.waitForTimeout(450);
export const errors = (page) => page.locator('#error-list li').allInnerTexts();
export const group = (page, legend) => page.locator('fieldset.group', { has: page.locator('legend', { hasText: legend }) });

async function setBasis(scope, source, quote) {
  await scope.getByLabel('新依据的来源编号').fill(source);
  await scope.getByLabel('新依据的原文摘录').fill(quote);
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
  await group(page, '缴费期').getByRole('button', { name: /^添加一个新来源/ }).click();
  await page.getByLabel('来源编号', { exact: true }).fill('qingdao-2025-notice');
  await page.getByLabel('标题').fill('青岛市2025年度城乡居民基本医疗保险参保缴费通知（测试）');
  await page.getByLabel('发布单位').fill('青岛市医疗保障局');
  await page.getByLabel('级别').selectOption('A');
  await page.getByRole('button', { name: '添加来源' }).click();
  await settle(page);
  const window = group(page, '缴费期');
  await window.getByLabel('开始缴费日期').fill('2024-10-01');
  assert.match(await window.locator('.hint', { hasText: '说明文字' }).textContent(), /还是上一份规则的说明文字/);
  await window.getByLabel(/说明文字/).fill(COLLECTION_TEXT);
  await setBasis(window, 'qingdao-2025-notice', '2025年度集中缴费期为2024年10月至12月');
  await setBasis(group(page, '集中缴费截止日'), 'qingdao-2025-notice', '在集中缴费期内缴费的,自2025年1月1日起享受待遇');
  const adult = group(page, '成年居民（一档）');
  await adult.getByLabel('个人每年缴费（元）').fill('480');
  await adult.getByLabel('政府每年补助（元）').fill('870');
  await settle(page);
  assert.ok((await errors(page)).some((e) => e.startsWith('“缴费标准：成年居民（一档）”的“新依据的来源编号”：')),
    'a changed amount asks for its basis, naming the field in words');
  assert.equal(await adult.getByLabel('新依据的来源编号').getAttribute('aria-invalid'), 'true', 'at the form field');
  await setBasis(adult, 'qingdao-2025-notice', '一档成年居民个人缴费480元,财政补助870元');
  const child = group(page, '缴费标准：少年儿童');
  await setBasis(child, 'qingdao-2025-notice', '少年儿童个人缴费400元');
  await child.getByLabel('个人每年缴费（元）').fill('400');
  await child.getByLabel('政府每年补助（元）').fill('870');
  await group(page, '依据是往年资料时').getByLabel(/说明文字/).fill(NOTE_TEXT);
  await group(page, '来源没有说明特殊人群时').getByLabel(/说明文字/).fill(SILENCE_TEXT);
  await settle(page);
  // The collection rule names qingdao-2024's window (2023年9月—12月) and has no field: rewritten in 规则JSON.
  const doc = JSON.parse(await page.getByLabel('规则JSON').inputValue());
  doc.benefit_rules = [{ id: 'collection-period', when: { payment_date: { on_or_before: '2024-12-31' } },
    text: '在2024年10月—12月集中缴费期内（{payment_date}）缴费，自{start}起享受待遇，至{end}。',
    basis: [{ source: 'qingdao-2025-notice', quote: '2025年度集中缴费期为2024年10月至12月' }] }];
  await page.getByLabel('规则JSON').fill(JSON.stringify(doc, null, 2));
  await settle(page);
}

