// make bench, batch part: the same generated roster through the native CLI and through the staff page's wasm engine
// in Node (rows/s, goal: wasm at least half of native); then in Chromium, the time from choosing it in the staff
// page (dist/batch.html) to its summary on screen (goals: 1 s, and 150 ms for 100,000 rows), median over a few runs,
// and how long the page went without painting meanwhile.
// usage: node tests/web/bench-batch.mjs [rows] [runs]
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { batchUrl, launch, openPage } from './browser.mjs';
import { loadEngine } from './engine.mjs';

const rows = Number(process.argv[2] || 100000);
const runs = Number(process.argv[3] || 5);
const budgetMs = 1000;
const clerkMs = 2000;  // from the page ready to the file chosen
const median = (list) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)];

const dir = mkdtempSync(join(tmpdir(), 'yibao-batch-bench-'));
const roster = join(dir, 'roster.csv');
execFileSync(new URL('../../build/native/yibao_batch_bench', import.meta.url).pathname, [String(rows), '--csv', roster]);
const size = `${(statSync(roster).size / 1048576).toFixed(1)} MB`;

// Native and wasm on the same roster, the same options as the page's run.
{
  const cli = new URL('../../build/native/yibao', import.meta.url).pathname;
  const args = ['batch', '--ruleset', 'shenyang-2024', '--payment-date', '2023-11-01', '--summary', join(dir, 's.json'), roster];
  const nativeMs = median([0, 1, 2].map(() => {
    const t0 = performance.now();
    spawnSync(cli, args, { stdio: ['ignore', 'ignore', 'ignore'] });  // exit 1: the generated roster has bad rows
    return performance.now() - t0;
  }));
  const engine = await loadEngine(undefined, 'yibao-batch');
  const bytes = readFileSync(roster);  // fed in slices of bytes, as the page feeds them
  const wasmMs = median([0, 1, 2].map(() => {
    const t0 = performance.now();
    engine.rosterStart('shenyang-2024', '2023-11-01', true, '', 1);
    for (let at = 0; at < bytes.length; at += 65536) engine.rosterFeed(bytes.subarray(at, at + 65536));
    engine.rosterFinish();
    return performance.now() - t0;
  }));
  const rate = (t) => `${((rows / t) * 1000 / 1e6).toFixed(2)} M rows/s`;
  console.log(`roster of ${rows.toLocaleString('en')} rows: native CLI ${rate(nativeMs)}, the staff page's wasm in Node ${rate(wasmMs)} = ` +
    `${((nativeMs / wasmMs) * 100).toFixed(0)}% of native (goal ≥ 50%)`);
}

// The clock starts when the file input reports the choice; it stops once the frame showing the summary is painted.
// Every frame in between is noted, to find the longest stretch the page could not paint.
const watch = () => {
  window.batchTimes = { frames: [] };
  document.addEventListener('change', (event) => {
    if (event.target.id !== 'batch-file') return;
    window.batchTimes.chosen = performance.now();
    const frame = (t) => { window.batchTimes.frames.push(t); if (!window.batchTimes.shown) requestAnimationFrame(frame); };
    requestAnimationFrame(frame);
  }, true);
  new MutationObserver(() => {
    const batch = document.getElementById('batch');
    if (batch && batch.dataset.state === 'done' && !window.batchTimes.shown) {
      // The frame's callbacks run before its layout and paint; a task queued from them runs after.
      requestAnimationFrame(() => setTimeout(() => { window.batchTimes.shown = performance.now(); }));
    }
  }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-state'] });
};

const browser = await launch();
const totals = [];
const stalls = [];
try {
  for (let i = 0; i < runs; i++) {
    const { context, page } = await openPage(browser, { url: batchUrl, init: watch });
    await page.waitForSelector('#batch-ruleset option', { state: 'attached' });
    await page.getByLabel('参保地').selectOption('shenyang-2024');
    await page.getByLabel('默认缴费日期').fill('2023-11-01');
    // A clerk takes a few seconds to find the file; the page's worker warms its engine up meanwhile (web/batch.js).
    await page.waitForTimeout(clerkMs);
    await page.getByLabel('选择名单文件').setInputFiles(roster);
    await page.waitForFunction(() => window.batchTimes.shown !== undefined, null, { timeout: 60000 });
    const t = await page.evaluate(() => window.batchTimes);
    totals.push(t.shown - t.chosen);
    const marks = [t.chosen, ...t.frames, t.shown];
    stalls.push(Math.max(...marks.slice(1).map((m, k) => m - marks[k])));
    await context.close();
  }
} finally {
  await browser.close();
  rmSync(dir, { recursive: true, force: true });
}
const over = median(totals) > budgetMs ? ': OVER' : '';
console.log(`Chromium, the staff page (dist/batch.html, file://), ${rows.toLocaleString('en')} rows (${size} UTF-8), median of ${runs} runs:`);
console.log(`  file chosen ${clerkMs / 1000} s after the page was ready → summary shown: ${median(totals).toFixed(0)} ms (budget ${budgetMs} ms${over}; goal ≤ 150 ms for 100,000 rows)`);
console.log(`  longest time the page went without a frame: ${median(stalls).toFixed(0)} ms`);
