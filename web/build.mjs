// Builds dist/yibao.html, the family page: one file holding the page, its style, the engine and its wasm, and static
// fee tables for readers without JavaScript. It makes no other request, so it works from file://, offline and when
// saved. Beside it dist/batch.html, the staff page (批量测算), made the same way from web/batch.html.
// usage: node web/build.mjs [--rules A.json,B.json] [--out FILE]   (after the native and wasm builds; with --out
// FILE the staff page is FILE-batch.html)
// By default the page holds every rules/*.json and is written to dist/yibao.html, with the embedding kit beside
// it; tests build pages holding other rulesets (extra years, a broken one) with --rules and --out.
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import zopfli from '@gfx/zopfli';
import { assemble, partsOf, template } from './assemble.js';
import { bundleScript, minifyScript } from './bundle.mjs';
import YibaoFeeTables from './fee-tables.js';
import { compactData, rulesetData, rulesetFiles } from './rules-data.mjs';

const { values: args } = parseArgs({ options: { rules: { type: 'string' }, out: { type: 'string' } } });
const ruleFiles = args.rules ? args.rules.split(',').filter(Boolean).map((f) => resolve(f)) : rulesetFiles();
const outFile = args.out ? resolve(args.out) : null;

const root = new URL('../', import.meta.url);
const read = (path) => readFileSync(new URL(path, root), 'utf8');

// Zopfli writes the same gzip format 6% smaller than zlib's best, but takes seconds for an engine: what it made is
// kept in build/zopfli/ by the input's hash, so that the test pages, built from the same engines, reuse it.
async function zopfliGzip(data, numiterations) {
  const kept = new URL(`build/zopfli/${createHash('sha256').update(data).digest('hex')}-${numiterations}.gz`, root);
  if (existsSync(kept)) return readFileSync(kept);
  const gzipped = Buffer.from(await zopfli.gzipAsync(data, { numiterations }));
  mkdirSync(new URL('.', kept), { recursive: true });
  writeFileSync(`${fileURLToPath(kept)}.${process.pid}`, gzipped);
  renameSync(`${fileURLToPath(kept)}.${process.pid}`, kept);  // whole or not at all, with builds side by side
  return gzipped;
}

// Base64 of raw wasm gzips poorly; gzip first (the page inflates it with DecompressionStream) to stay in budget.
async function splitEngine(engineJs, name = 'build/wasm/yibao-engine.js') {
  const dataUri = /(data:application\/octet-stream;base64,)([A-Za-z0-9+/=]+)/;
  const found = dataUri.exec(engineJs);
  if (!found) throw new Error(`${name} holds no inlined wasm: was it linked with -sSINGLE_FILE=1?`);
  const gzipped = await zopfliGzip(Buffer.from(found[2], 'base64'), 15);
  return { engine: engineJs.replace(dataUri, '$1'), payload: gzipped.toString('base64') };
}

// The fee tables (web/fee-tables.js, shared with the rules workbench, which makes pages in the browser); their
// amounts as web/format.js writes them, as on the page.
const { feeTables } = YibaoFeeTables;

// An inline script or style ending early would break the page and its CSP hash.
function inline(name, text) {
  if (/<\/(script|style)|<!--/i.test(text)) throw new Error(`${name} holds a sequence that would end its inline tag`);
  return text;
}

const sha256 = (text) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

const { engine, payload } = await splitEngine(read('build/wasm/yibao-engine.js'));
// Each page has three scripts, all inlined and allowed by their hash: web/boot.js, small and right after the wasm,
// so that the wasm compiles while the browser parses the rest; the page's own modules bundled from its entry (the
// QR encoder, the npm package lean-qr, among them); and the engine's Emscripten script.
const boot = inline('boot', await minifyScript('boot', read('web/boot.js')));
const page = async (entry) => inline(entry, await bundleScript(entry));
const scripts = { BOOT: boot, SCRIPT: await page('family'), ENGINE: inline('engine', await minifyScript('engine', engine)) };
const style = inline('style', read('web/style.css'));
const cli = fileURLToPath(new URL('build/native/yibao', root));

// The fee tables of the rulesets the page holds, as the CLI lists them. The CLI knows only its built-in rulesets,
// so the page's files are passed with --rules (a based one finds its base there); a file it refuses (a broken
// ruleset, which the page leaves out too) is named by its errors and dropped, and the rest listed.
function listRulesets(files) {
  if (!args.rules) return JSON.parse(execFileSync(cli, ['rulesets'], { encoding: 'utf8' })).rulesets;
  let rest = files;
  while (rest.length) {
    const run = spawnSync(cli, ['rulesets', ...rest.flatMap((f) => ['--rules', f])], { encoding: 'utf8' });
    const answer = JSON.parse(run.stdout);
    if (answer.ok) {
      const ids = rest.map((f) => JSON.parse(readFileSync(f, 'utf8')).id);
      return ids.map((id) => answer.rulesets.find((r) => r.id === id));
    }
    const refused = new Set(answer.errors.map((e) => e.path.split('#')[0]));
    const kept = rest.filter((f) => !refused.has(f));
    if (kept.length === rest.length) throw new Error(`yibao rulesets: ${run.stdout}`);
    rest = kept;
  }
  return [];
}
const listing = listRulesets(ruleFiles);


// One policy for every page: only their own scripts and style, by hash; the engine's wasm; data: images. The staff
// page adds `worker-src blob:` for its roster worker, made from its own engine script.
const policy = (pageScripts, pageStyle, more = []) => [
  "default-src 'none'",
  `script-src ${Object.values(pageScripts).map(sha256).join(' ')} 'wasm-unsafe-eval'`,
  ...more,
  `style-src ${sha256(pageStyle)}`,
  'img-src data:',
  "connect-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');
// Each page's template (web/assemble.js): the frame web/page.html with the page's own parts and all that is fixed at
// build time; then the page, with the rulesets, their fee tables and the two pages' file names (each links to the
// other). The workbench carries the same templates and makes pages from them the same way.
const frame = read('web/page.html');
const head = read('web/head.html').replace(/\n$/, '');
const own = (name) => ({ HEAD: head, ...partsOf(read(`web/${name}.html`)) });
const familyTemplate = template(frame, own('index'), { CSP: policy(scripts, style), STYLE: style, WASM: payload,
  ...scripts });
// The staff page (批量测算): its engine built for speed with the roster run, which also makes each ruleset's roster
// template. Its worker is made from its engine's script.
const staff = await splitEngine(read('build/wasm/yibao-batch.js'), 'build/wasm/yibao-batch.js');
const staffScripts = {
  BOOT: boot, SCRIPT: await page('staff'), ENGINE: inline('batch-engine', await minifyScript('batch-engine', staff.engine)),
};
const staffTemplate = template(frame, own('batch'), { CSP: policy(staffScripts, style, ['worker-src blob:']),
  STYLE: style, WASM: staff.payload, ...staffScripts });

const out = outFile || fileURLToPath(new URL('dist/yibao.html', root));
const staffOut = join(dirname(out), outFile ? basename(out).replace(/(\.html)?$/, '-batch.html') : 'batch.html');
// The rulesets in the engine's compact form, gzipped as the wasm is (a damaged or broken one is carried as its errors,
// which the page shows).
const rulesets = (await zopfliGzip(compactData(rulesetData(ruleFiles)).bytes, 15)).toString('base64');
const content = { rulesets, feeTables: feeTables(listing), familyPage: basename(out), staffPage: basename(staffOut) };
const html = assemble(familyTemplate, content);
const staffHtml = assemble(staffTemplate, content);
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, html);
writeFileSync(staffOut, staffHtml);
// The embedding example and its host script go beside the page (README, "Embedding").
if (!outFile) {
  for (const name of ['embed-host.js', 'embed-example.html']) copyFileSync(new URL(`web/${name}`, root), new URL(`dist/${name}`, root));
}
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const sizes = (text) => `${kb(Buffer.byteLength(text))} raw, ${kb(gzipSync(text, { level: 9 }).length)} gzip`;
console.log(`${args.out || 'dist/yibao.html'}: ${sizes(html)}`);
console.log(`${outFile ? staffOut : 'dist/batch.html'}: ${sizes(staffHtml)}`);

// dist/rules.html, the rules workbench (README, "Next year's rules"): the workbench's engine, the same rulesets,
// and the two pages' templates (gzipped), from which it makes pages with a new ruleset's data and tables.
if (!outFile) {
  const bench = await splitEngine(read('build/wasm/yibao-workbench.js'), 'build/wasm/yibao-workbench.js');
  const benchScripts = {
    BOOT: boot, SCRIPT: await page('workbench'), ENGINE: inline('workbench-engine', await minifyScript('workbench-engine', bench.engine)),
  };
  const benchStyle = inline('style', `${style}\n${read('web/rules.css')}`);
  const benchCsp = policy(benchScripts, benchStyle);
  const gzipped = async (text) => (await zopfliGzip(Buffer.from(text), 5)).toString('base64');
  const benchHtml = template(read('web/rules.html'), { HEAD: head }, { CSP: benchCsp, STYLE: benchStyle, WASM: bench.payload,
    FAMILY_TEMPLATE: await gzipped(familyTemplate), STAFF_TEMPLATE: await gzipped(staffTemplate),
    RULESETS: inline('rulesets', rulesetData(ruleFiles)), ...benchScripts }, []);
  writeFileSync(new URL('dist/rules.html', root), benchHtml);
  console.log(`dist/rules.html: ${kb(Buffer.byteLength(benchHtml))} raw, ${kb(gzipSync(benchHtml, { level: 9 }).length)} gzip`);
}
