// make bench, page part: the two pages' sizes, and in Chromium the time from navigation to the first shown result of
// a share link in the family page, next to the first frame of the same page with every <script> removed and the
// load of an empty page, the three in the same run, medians over a few runs, plain and with the CPU slowed 4× (our
// stand-in for a low-end phone); the wasm engine's time per call and the size of its answer; each figure beside
// the goal it has.
// usage: node tests/web/bench-page.mjs [runs]
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { launch, openPage } from './browser.mjs';
import { linkUrl, shownAt, watchPaint, watchResult } from './shown.mjs';
import { compactData, rulesetData, rulesetFiles } from '../../web/rules-data.mjs';
import { loadEngine } from './engine.mjs';
import { cityFiles, testPages } from './pages.mjs';

const runs = Number(process.argv[2] || 5);
const budgets = { 'dist/yibao.html': 110 * 1024, 'dist/batch.html': 250 * 1024 };
const root = new URL('../../', import.meta.url);
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const ms = (n) => `${n.toFixed(1)} ms`;
const againstBudget = (gz, budget) => `budget ${kb(budget)}${gz > budget ? ': OVER' : ''}`;
const median = (list) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)];

const html = readFileSync(new URL('dist/yibao.html', root));
for (const [name, budget] of Object.entries(budgets)) {
  const bytes = readFileSync(new URL(name, root));
  const gz = gzipSync(bytes, { level: 9 }).length;
  console.log(`page ${name}: ${kb(bytes.length)} raw, ${kb(gz)} gzip (${againstBudget(gz, budget)})`);
}
// The family page's goal is a city's own page's, as the workbench exports it (tests/web/page.test.mjs).
{
  const pages = testPages();
  for (const [region, files] of cityFiles()) {
    const gz = gzipSync(readFileSync(new URL(pages.build('city', files))), { level: 9 }).length;
    console.log(`page of ${region} alone (${files.length} rulesets): ${kb(gz)} gzip (${againstBudget(gz, budgets['dist/yibao.html'])})`);
  }
  pages.remove();
}
for (const name of ['yibao-engine', 'yibao-batch']) {
  const engineJs = readFileSync(new URL(`build/wasm/${name}.js`, root));
  console.log(`engine build/wasm/${name}.js: ${kb(engineJs.length)} raw, ${kb(gzipSync(engineJs, { level: 9 }).length)} gzip`);
}

// The wasm engine alone, in Node: loading the page's rulesets (their compact form, read back), then one
// household estimate per call. Each the median of 7 rounds, with the fastest and slowest round: on a shared machine
// one round may be a fifth off.
const engine = await loadEngine();
function rounds(run) {
  const times = Array.from({ length: 7 }, () => run());
  return { median: median(times), range: `${Math.min(...times).toFixed(1)}–${Math.max(...times).toFixed(1)}` };
}
{
  const { bytes } = compactData(rulesetData());
  const loads = 5;
  const { median: perLoad, range } = rounds(() => {
    const t0 = performance.now();
    for (let i = 0; i < loads; i++) engine.loadCompactRulesets(bytes);
    return (performance.now() - t0) / loads;
  });
  console.log(`wasm loadCompactRulesets() in Node, ${rulesetFiles().length} rulesets: ${perLoad.toFixed(2)} ms per load (rounds ${range})`);
}
// The household as the CLI example asks, and as the page asks (texts by id: README, "texts").
const inline = readFileSync(new URL('tests/cli/household.json', root), 'utf8');
const byId = JSON.stringify({ ...JSON.parse(inline), texts: 'by_id' });
// The goals are the page's: its request's time and answer.
for (const [label, household, goals] of [['texts inline', inline, false], ['texts by id, as the page asks', byId, true]]) {
  const calls = 500;
  engine.estimate(household);
  const { median: perCall, range } = rounds(() => {
    const started = performance.now();
    for (let i = 0; i < calls; i++) engine.estimate(household);
    return ((performance.now() - started) * 1000) / calls;
  });
  console.log(`wasm estimate() in Node, ${label}: ${perCall.toFixed(1)} µs per two-member household (rounds ${range}` +
    `${goals ? '; goal ≤ 300 µs' : ''})`);
  console.log(`  its answer: ${kb(Buffer.byteLength(engine.estimate(household)))}${goals ? ' (goal: half of 19.9 KB)' : ''}`);
}

const dir = mkdtempSync(join(tmpdir(), 'yibao-bench-'));
const emptyFile = join(dir, 'empty.html');
writeFileSync(emptyFile, '<!doctype html><html lang="zh-CN"><meta charset="utf-8"><title>empty</title></html>\n');
const emptyUrl = pathToFileURL(emptyFile).href;
// The family page with every <script> removed: the floor that HTML and CSS alone set.
const scriptlessFile = join(dir, 'scriptless.html');
writeFileSync(scriptlessFile, html.toString().replace(/<script\b[^>]*>[^]*?<\/script>/g, ''));
const scriptlessUrl = pathToFileURL(scriptlessFile).href;
const browser = await launch();
const loadEnd = (page) => page.evaluate(() => performance.getEntriesByType('navigation')[0].loadEventEnd);
// Each run opens the empty page and the page itself at the same CPU rate (CDP's throttling, set before navigation).
async function timed(rate) {
  const times = { empty: [], emptyPainted: [], scriptless: [], load: [], result: [], marks: {} };
  const slowed = async (page) => {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  };
  for (let i = 0; i < runs; i++) {
    const empty = await openPage(browser, { url: emptyUrl, init: watchPaint, before: slowed });
    times.emptyPainted.push(await shownAt(empty.page));
    times.empty.push(await loadEnd(empty.page));
    await empty.context.close();

    const bare = await openPage(browser, { url: scriptlessUrl, init: watchPaint, before: slowed });
    times.scriptless.push(await shownAt(bare.page));
    await bare.context.close();

    const { context, page } = await openPage(browser, { url: linkUrl, init: watchResult, before: slowed });
    times.result.push(await shownAt(page));
    times.load.push(await loadEnd(page));
    // web/boot.js's and app.js's marks: where the start's time goes.
    for (const { name, startTime } of await page.evaluate(() => performance.getEntriesByType('mark').map((m) => m.toJSON()))) {
      (times.marks[name] ||= []).push(startTime);
    }
    await context.close();
  }
  return times;
}
try {
  for (const rate of [1, 4]) {
    const times = await timed(rate);
    const ratio = median(times.result) / median(times.scriptless);
    console.log(`Chromium${rate > 1 ? `, CPU ${rate}× slower` : ''}, median of ${runs} runs from navigation start:`);
    console.log(`  empty page loaded:         ${ms(median(times.empty))} (its first frame painted: ${ms(median(times.emptyPainted))})`);
    console.log(`  yibao.html without scripts, first frame painted: ${ms(median(times.scriptless))}`);
    console.log(`  yibao.html share link loaded: ${ms(median(times.load))}`);
    console.log(`  yibao.html share link result shown: ${ms(median(times.result))} = ${ratio.toFixed(2)}× the page without ` +
      `scripts (goal ≤ 1.5×); ${(median(times.result) / median(times.empty)).toFixed(1)}× the empty page's load`);
    const marks = Object.entries(times.marks).map(([name, list]) => `${name.replace('yibao:', '')} ${ms(median(list))}`);
    console.log(`  on the way (medians): ${marks.join(', ')}`);
  }
} finally {
  await browser.close();
  rmSync(dir, { recursive: true, force: true });
}
