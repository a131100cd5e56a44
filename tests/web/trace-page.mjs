// Where the main thread's time goes on the way to a share link's first result (README, "Figures"): Chromium traces
// of the family page opened from the bench's share link and of the same page with every <script> removed, each to
// the end of the frame that shows its result (its first frame for the scriptless page). For each, the medians of
// the main thread's own CPU time (thread time, so that a machine busy with other work moves the figures less than
// wall times) by kind of work, and the event names that took most. Not part of `make bench`: run it after
// `make page` when the figures move.
// usage: node tests/web/trace-page.mjs [runs]
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { launch, openPage } from './browser.mjs';
import { linkUrl, shownAt, watchPaint, watchResult } from './shown.mjs';

const runs = Number(process.argv[2] || 5);
const median = (list) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)];
const html = readFileSync(new URL('../../dist/yibao.html', import.meta.url), 'utf8');
const dir = mkdtempSync(join(tmpdir(), 'yibao-trace-'));
const scriptless = join(dir, 'scriptless.html');
writeFileSync(scriptless, html.replace(/<script\b[^>]*>[^]*?<\/script>/g, ''));

const KINDS = [
  ['style', /^(UpdateLayoutTree|ParseAuthorStyleSheet)$/], ['layout', /^Layout$/],
  ['paint', /^(PrePaint|Paint|Layerize|Commit|UpdateLayer)$/], ['HTML', /^(ParseHTML|DecodedDataDocumentParser::AppendBytes)$/],
  ['wasm compile', /^wasm\.CompileLazy$/], ['script', /^(v8\.|V8\.|FunctionCall|EvaluateScript|RunMicrotasks)/],
];
const kindOf = (name) => (KINDS.find(([, pattern]) => pattern.test(name)) || ['other'])[0];

// The main thread's events from navigation to `shown`, each with its own thread time (its children's taken out).
async function traced(browser, url, init) {
  const path = join(dir, 'trace.json');
  const { context, page } = await openPage(browser, {
    url, init,
    before: (opened) => browser.startTracing(opened, { path, categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8', 'v8.wasm', 'blink.user_timing', 'loading'] }),
  });
  await shownAt(page);
  await browser.stopTracing();
  await context.close();
  const events = JSON.parse(readFileSync(path, 'utf8')).traceEvents;
  const shown = events.find((e) => e.name === 'yibao:shown');
  const thread = (e) => e.pid === shown.pid && e.tid === shown.tid;
  const start = events.find((e) => thread(e) && e.name === 'navigationStart' && e.args?.data?.documentLoaderURL?.startsWith('file'));
  const spans = events.filter((e) => thread(e) && e.ph === 'X' && e.tdur !== undefined && e.ts >= start.ts && e.ts < shown.ts)
    .sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  const open = [];
  for (const span of spans) {
    while (open.length && open.at(-1).ts + open.at(-1).dur <= span.ts) open.pop();
    span.own = span.tdur;
    if (open.length) open.at(-1).own -= span.tdur;
    open.push(span);
  }
  return spans;
}

const browser = await launch();
const figures = { scriptless: [], link: [] };
try {
  for (let i = 0; i < runs; i++) {
    figures.scriptless.push(await traced(browser, pathToFileURL(scriptless).href, watchPaint));
    figures.link.push(await traced(browser, linkUrl, watchResult));
  }
} finally {
  await browser.close();
  rmSync(dir, { recursive: true, force: true });
}
const ms = (us) => `${(us / 1000).toFixed(1)} ms`;
for (const [label, traces] of Object.entries(figures)) {
  const total = median(traces.map((spans) => spans.reduce((sum, s) => sum + s.own, 0)));
  const byKind = [...KINDS.map(([kind]) => kind), 'other'].map((kind) =>
    `${kind} ${ms(median(traces.map((spans) => spans.filter((s) => kindOf(s.name) === kind).reduce((sum, s) => sum + s.own, 0))))}`);
  const byName = new Map();
  for (const spans of traces) for (const s of spans) byName.set(s.name, (byName.get(s.name) || 0) + s.own / traces.length);
  const top = [...byName].sort((a, b) => b[1] - a[1]).slice(0, 8).map(([name, us]) => `${name} ${ms(us)}`);
  console.log(`${label === 'link' ? 'share link, to its result' : 'without scripts, to its first frame'}: main thread ` +
    `${ms(total)} CPU (median of ${runs}): ${byKind.join(', ')}`);
  console.log(`  most (mean): ${top.join(', ')}`);
}
