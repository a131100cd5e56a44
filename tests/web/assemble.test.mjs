// web/assemble.js in plain Node: the one page assembly of web/build.mjs and the workbench's export.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { assemble, partsOf, template } from '../../web/assemble.js';

const read = (name) => readFileSync(new URL(`../../web/${name}`, import.meta.url), 'utf8');
const FIXED = { CSP: 'default-src \'none\'', STYLE: 'p{}', WASM: 'AAAA', BOOT: 'boot()', SCRIPT: 'go()', ENGINE: 'engine()' };
const own = (name) => ({ HEAD: read('head.html').replace(/\n$/, ''), ...partsOf(read(name)) });
const pages = { familyPage: 'qingdao-2025.html', staffPage: 'qingdao-2025-batch.html' };

test('both pages share the frame: the same head, notices, fee tables and scripts, each with its own parts', () => {
  const family = assemble(template(read('page.html'), own('index.html'), FIXED), { rulesets: 'H4sI', feeTables: '<table></table>', ...pages });
  const staff = assemble(template(read('page.html'), own('batch.html'), FIXED), { rulesets: 'H4sI', feeTables: '<table></table>', ...pages });
  for (const html of [family, staff]) {
    assert.ok(html.startsWith(`${read('head.html').replace('{{CSP}}', FIXED.CSP)}<title>`));
    assert.match(html, /<section id="ruleset-errors"[^]*<h2 id="h-fees">各城市缴费标准一览<\/h2>\n<table><\/table>\n {2}<\/section>/);
    assert.match(html, /<script id="engine-wasm" type="application\/octet-stream">AAAA<\/script>\n<script id="rulesets" type="application\/octet-stream">H4sI<\/script>\n<script>boot\(\)<\/script>\n<script>go\(\)<\/script>\n<script id="engine-js">engine\(\)<\/script>/);
    assert.doesNotMatch(html, /\{\{|\n\n\n/, 'every slot filled, no empty part left as a blank line');
  }
  assert.match(family, /<title>城乡居民医保缴费测算<\/title>[^]*<section id="stale"[^]*<div id="display"/);
  assert.doesNotMatch(staff, /id="stale"/);
});

test('each page links to the other by the names it is given', () => {
  const family = assemble(template(read('page.html'), own('index.html'), FIXED), { rulesets: 'H4sI', feeTables: '', ...pages });
  const staff = assemble(template(read('page.html'), own('batch.html'), FIXED), { rulesets: 'H4sI', feeTables: '', ...pages });
  assert.match(family, /<a id="batch-link" href="qingdao-2025-batch.html">[^]*下载“qingdao-2025-batch.html”/);
  assert.match(staff, /<a href="qingdao-2025.html">家庭测算页<\/a>/);
  assert.throws(() => assemble(template(read('page.html'), own('index.html'), FIXED),
    { rulesets: 'H4sI', feeTables: '', familyPage: 'a"b.html', staffPage: 'b.html' }), /file name/);
});

test('the rulesets are base64 (nothing else can end their script early), and nothing the fee tables say is read as a slot', () => {
  const frame = template(read('page.html'), own('index.html'), FIXED);
  for (const rulesets of ['</script><script>alert(1)</script>', '{{STAFF_PAGE}}', '[]', 'AA AA']) {
    assert.throws(() => assemble(frame, { rulesets, feeTables: '', ...pages }), /not base64/, rulesets);
  }
  const html = assemble(frame, { rulesets: 'H4sIAAAA+/8=', feeTables: '{{RULESETS}}', ...pages });
  assert.match(html, /<script id="rulesets" type="application\/octet-stream">H4sIAAAA\+\/8=<\/script>/);
  assert.match(html, /\n\{\{RULESETS\}\}\n {2}<\/section>/, 'the fee tables as given');
});

test('a slot nobody fills is an error that names it; a template holding its rulesets slot twice is refused', () => {
  assert.throws(() => template('{{HEAD}}\n{{NOPE}}', { HEAD: '' }, FIXED), /unknown slot \{\{NOPE\}\}/);
  const twice = template(read('page.html'), own('index.html'), FIXED).replace('<i id="page-read"',
    '<script id="rulesets" type="application/octet-stream">{{RULESETS}}</script><i id="page-read"');
  assert.throws(() => assemble(twice, { rulesets: 'H4sI', feeTables: '', ...pages }), /other than once/);
});
