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

// Qingdao 2025 from qingdao-2024: a new notice as source, the window opening in October, 一档 at 480元 and
// 少年儿童 at 400元 with their subsidies 870元, each with its basis.
export async function make2025(page) {
  await page.getByRole('button', { name: /qingdao-2024/ }).click();
  await settle(page);
  assert.deepEqual((await errors(page)).length, 2, 'the moved window and deadline still stand on 2024 quotes');
  await page.getByText('添加一个新来源').click();
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
  assert.ok((await errors(page)).some((e) => e.includes('/contributions/0/basis')), 'a changed amount asks for its basis');
  assert.equal(await adult.getByLabel('新依据的来源编号').getAttribute('aria-invalid'), 'true', 'at the form field');
  await setBasis(adult, 'qingdao-2025-notice', '一档成年居民个人缴费480元,财政补助870元');
  const child = group(page, '缴费标准：少年儿童');
  await setBasis(child, 'qingdao-2025-notice', '少年儿童个人缴费400元');
  await child.getByLabel('个人每年缴费（元）').fill('400');
  await child.getByLabel('政府每年补助（元）').fill('870');
  await settle(page);
}

