// The households of the page on the day it is opened (2026-12-01), as today.test.mjs checks them and
// screenshots.mjs shows them: each fills a freshly opened page (one adult card) and waits for the result.
import { addMember, card } from './browser.mjs';

// Qingdao: an adult on 一档 (the first card), a pupil, and 小孙, an adult who did not pay for 2025 and 2026 (the
// example of Qingdao's own explainer).
export async function qingdao(page) {
  await card(page, 0).getByLabel('出生日期').fill('1985-05-01');
  await addMember(page, '中小学生', '2016-12-01');
  await addMember(page, '成人', '1995-06-01');
  const sun = card(page, 2);
  await sun.getByLabel('称呼').fill('小孙');
  await sun.getByLabel('上年度参保情况').selectOption('lapsed');
  await sun.getByLabel('连续没有参保几年了？').fill('2');
  await page.waitForSelector('body[data-state="result"]');
}

// Shenyang: an adult, a pupil, and a grandmother on 低保.
export async function shenyang(page) {
  await page.getByLabel('参保城市').selectOption('沈阳市');
  await card(page, 0).getByLabel('出生日期').fill('1985-05-01');
  await addMember(page, '中小学生', '2016-12-01');
  await addMember(page, '老人', '1958-12-01');
  await card(page, 2).getByLabel('称呼').fill('奶奶');
  await card(page, 2).getByLabel('特殊人群').selectOption('dibao');
  await page.waitForSelector('body[data-state="result"]');
}
