import { pathToFileURL } from 'node:url';
import { launch, withPage } from './browser.mjs';
const benchUrl = pathToFileURL(new URL('../../dist/rules.html', import.meta.url).pathname).href;
const browser = await launch();
for (const width of [360, 1024]) {
  await withPage(browser, { url: benchUrl, wait: 'body[data-state="ready"]', viewport: { width, height: 900 } }, async (page) => {
    await page.getByRole('button', { name: '新建城市' }).click();
    await page.waitForTimeout(500);
    await page.locator('[data-path="/contributions/0/individual_fen#mode"]').selectOption('unknown');
    await page.locator('[data-path="/benefit_rules/0/when#payment_date#relation"]').selectOption('on_or_before');
    await page.locator('#table-section').screenshot({ path: `/tmp/nc-shots/form-${width}.png` });
    if (width === 360) console.log(await page.locator('#table-section').innerText());
  });
}
await browser.close();
