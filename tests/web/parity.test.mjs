// The WebAssembly engine must answer every golden case exactly as the native CLI does, and as the case expects.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { compactData, rulesetData, rulesetFiles } from '../../web/rules-data.mjs';
import { loadEngine } from './engine.mjs';

import YibaoFormat from '../../web/format.js';

const { withTexts } = YibaoFormat;

const root = fileURLToPath(new URL('../../', import.meta.url));
const casesDir = `${root}tests/cases/`;
const engine = await loadEngine();

function native(text, rules = []) {
  const args = ['estimate', ...rules.flatMap((file) => ['--rules', `${root}${file}`]), '-'];
  const run = spawnSync(`${root}build/native/yibao`, args, { input: text, encoding: 'utf8' });
  assert.ok(run.status === 0 || run.status === 1, `CLI exit ${run.status}: ${run.stderr}`);
  return JSON.parse(run.stdout);
}

test('rulesets() answers ok with every built-in ruleset', () => {
  const answer = JSON.parse(engine.rulesets());
  assert.equal(answer.ok, true);
  const cli = spawnSync(`${root}build/native/yibao`, ['rulesets'], { encoding: 'utf8' });
  assert.deepEqual(answer, JSON.parse(cli.stdout));
});

test('loadCompactRulesets() lists each ruleset\'s index, and ruleset(id) its whole listing, as the CLI lists them', () => {
  const cli = JSON.parse(spawnSync(`${root}build/native/yibao`, ['rulesets'], { encoding: 'utf8' }).stdout).rulesets;
  const index = JSON.parse(engine.loadCompactRulesets(compactData(rulesetData(rulesetFiles())).bytes));
  const shown = ['fees', 'registration', 'payment_channels', 'contacts', 'websites', 'sources'];
  assert.deepEqual(index.rulesets, cli.map((r) => Object.fromEntries(Object.entries(r).filter(([key]) => !shown.includes(key)))));
  for (const r of cli) assert.deepEqual(JSON.parse(engine.ruleset(r.id)), { ok: true, ruleset: r });
  const unknown = JSON.parse(engine.ruleset('nowhere-2024'));
  assert.equal(unknown.ok, false);
  assert.equal(unknown.errors[0].code, 'unknown_ruleset');
});

test('damaged rulesets load nothing and say so; a broken document is named by its id and title', () => {
  const { bytes } = compactData(rulesetData());
  const damaged = new Uint8Array(bytes);  // a copy (a Buffer's slice() is a view)
  damaged[damaged.length >> 1] ^= 0x5a;
  for (const given of [damaged, bytes.subarray(0, 100), new Uint8Array(), new TextEncoder().encode('[]')]) {
    const answer = JSON.parse(engine.loadCompactRulesets(given));
    assert.equal(answer.ok, false);
    assert.deepEqual(answer.rulesets, []);
    assert.deepEqual(answer.errors.map((e) => [e.path, e.code]), [['', 'damaged_rulesets']]);
  }
  const broken = JSON.parse(engine.loadCompactRulesets(compactData(JSON.stringify([{ id: 'x-2027', title: '某市2027年度' }])).bytes));
  assert.equal(broken.ok, false);
  assert.ok(broken.errors.length && broken.errors.every((e) => e.path.startsWith('/0')), JSON.stringify(broken.errors));
  assert.deepEqual(broken.documents, [{ id: 'x-2027', title: '某市2027年度' }]);
  assert.equal(JSON.parse(engine.loadCompactRulesets(bytes)).ok, true, 'loaded again whole');
});

test('hostile input is answered with errors like the CLI, never an abort', () => {
  const deep = `${'['.repeat(100000)}${']'.repeat(100000)}`;
  // Numbers: the page's engine reads floats with its own strtod (wasm/strtod.cpp), which must agree on overflow.
  const numbers = ['1e400', '-1e400', '1e-400', '0e999', '1.7976931348623157e308', `1${'0'.repeat(400)}`,
    `0.${'0'.repeat(400)}1`, `1${'0'.repeat(320)}e-300`, '2.5'].map((n) => `{"ruleset":"qingdao-2024","payment_date":"2023-10-01","members":[{"birth_date":"1980-01-01","tier":${n}}]}`);
  // Control characters: escaped in the answer ("\u%04x") and named in a syntax error ("<U+%.4X>"), by the page's
  // engine's own snprintf (wasm/snprintf.cpp) as by the C library's.
  const controls = ['{"ruleset":"a\u0001\u001fb"}', '{"ruleset":"\u0007', '{"ruleset":"x\u007f\u0010"}'];
  for (const text of ['', deep, '{"members":[{"tier":1e400}]}', '{"ruleset":"a\u0000b"}', ...numbers, ...controls]) {
    const wasm = JSON.parse(engine.estimate(text));
    assert.equal(wasm.ok, false);
    assert.deepEqual(wasm, native(text));
  }
  const member = (id) => `{"ruleset":"qingdao-2024","payment_date":"2023-10-10","members":[{"id":${JSON.stringify(id)},"birth_date":"1980-01-01","tier":1}]}`;
  const escaped = engine.estimate(member('a\u0001\u001f\u007fb'));
  assert.ok(escaped.includes('"id":"a\\u0001\\u001f\u007fb"'), escaped.slice(0, 300));
  assert.equal(JSON.parse(escaped).members[0].id, native(member('a\u0001\u001f\u007fb')).members[0].id);
});

test('the page reads a typed date and chooses the insurance year as `yibao year` does (one decision, in the engine)', () => {
  const year = (region, date) => {
    const run = spawnSync(`${root}build/native/yibao`, ['year', region, date], { encoding: 'utf8' });
    return JSON.parse(run.stdout);
  };
  const typed = ['2026-09-01', '2026/9/1', '2026.9.1', '2026年9月1日', '20260901', ' 2026-9-1 ', '２０２６－９－１',
    '２０２６年９月１日', '\u30002026/09/01\u3000'];
  for (const t of typed) {
    assert.equal(engine.readDate(t), '2026-09-01', t);
    assert.deepEqual(JSON.parse(engine.yearsFor('青岛市', t)), year('青岛市', t), t);
  }
  assert.equal(engine.readDate(' 明天 '), '明天', 'not a date: as typed, trimmed');
  assert.equal(engine.readDate('2023/2/30'), '2023-02-30', 'a date\'s shape, for the engine to explain');
  // Every fifteenth day over four years, in each city: the same years, open or not, late or not, and the same nearest.
  const regions = [...new Set(JSON.parse(engine.rulesets()).rulesets.map((r) => r.region))];
  for (let day = Date.UTC(2023, 6, 1); day <= Date.UTC(2028, 1, 1); day += 15 * 864e5) {
    const iso = new Date(day).toISOString().slice(0, 10);
    for (const region of regions) assert.deepEqual(JSON.parse(engine.yearsFor(region, iso)), year(region, iso), `${region} ${iso}`);
  }
  assert.equal(JSON.parse(engine.yearsFor('北京市', '2026-09-01')).errors[0].code, 'unknown_value');
});

// wasm/strings.js: embind's std::string conversion, both ways, through readDate(), which answers a text that is no date
// as it was typed.
test('text crosses into the engine and back whole: Chinese, a NUL, a leading BOM, beyond the BMP, given as bytes too', () => {
  const text = '\uFEFF不是日期\u0000x😀';
  assert.equal(engine.readDate(text), text);
  assert.equal(engine.readDate(new TextEncoder().encode(text)), text);
  assert.throws(() => engine.readDate(42), /Cannot pass non-string to std::string/);
});

test('the engine script uses neither eval nor new Function (the page CSP has no unsafe-eval)', () => {
  const script = readFileSync(`${root}build/wasm/yibao-engine.js`, 'utf8');
  assert.doesNotMatch(script, /\beval\s*\(|new\s+Function\b/);
});

const sizes = { inline: 0, byId: 0 };  // of the ok answers, over every golden case
for (const file of readdirSync(casesDir).filter((name) => name.endsWith('.json')).sort()) {
  const { cases, rules = [] } = JSON.parse(readFileSync(casesDir + file, 'utf8'));
  // A case file may name test rulesets (tests/rulesets/) loaded beside the page's, as `yibao --rules` does.
  const withRules = rules.length ? await loadEngine([...rulesetFiles(), ...rules.map((f) => `${root}${f}`)]) : engine;
  const run = spawnSync(`${root}build/native/yibao`, ['cases', casesDir + file], { cwd: root, encoding: 'utf8' });
  const verdicts = new Map(JSON.parse(run.stdout).cases.map((c) => [c.name, c]));
  for (const { name, request } of cases) {
    test(`${file}: ${name}`, () => {
      const text = typeof request === 'string' ? request : JSON.stringify(request);
      const wasm = JSON.parse(withRules.estimate(text));
      assert.deepEqual(wasm, native(text, rules));
      // What the case expects, matched by the engine's one matcher (engine/io/cases.cpp) on the same answer.
      assert.equal(verdicts.get(name).passed, true, JSON.stringify(verdicts.get(name).difference));
      // The page asks for texts by id (README, "texts"): that answer too is the CLI's, and with the ruleset's
      // listing the page makes the whole answer of it again (web/format.js withTexts).
      if (typeof request === 'object' && request !== null && !Array.isArray(request) && !('texts' in request)) {
        const byIdText = JSON.stringify({ ...request, texts: 'by_id' });
        const byId = JSON.parse(withRules.estimate(byIdText));
        assert.deepEqual(byId, native(byIdText, rules));
        const listing = byId.ok && JSON.parse(withRules.rulesets()).rulesets.find((r) => r.id === byId.ruleset.id);
        assert.deepEqual(byId.ok ? withTexts(byId, listing) : byId, wasm);
        sizes.inline += JSON.stringify(wasm).length;
        sizes.byId += JSON.stringify(byId).length;
      }
    });
  }
}

test('answers by id are less than half the size of inline ones, over the golden cases', () => {
  assert.ok(sizes.byId > 0 && sizes.byId * 2 < sizes.inline, JSON.stringify(sizes));
});
