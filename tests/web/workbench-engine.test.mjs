// The workbench's engine (build/wasm/yibao-workbench.js): the page's engine with useRuleset(), diffRulesets() and
// mergeOverBase() besides, answering as `yibao validate`, `yibao estimate --rules` and `yibao diff` do.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { rulesetData } from '../../web/rules-data.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const cli = (...args) => spawnSync(`${root}build/native/yibao`, args, { encoding: 'utf8' });
const create = createRequire(import.meta.url)(`${root}build/wasm/yibao-workbench.js`);
const engine = await create();
assert.equal(JSON.parse(engine.loadRulesets(rulesetData())).ok, true);
const fixture = `${root}tests/rulesets/qingdao-2027-example.json`;

test('a ruleset built on a loaded one is checked, merged and then estimated like the CLI does', () => {
  const answer = JSON.parse(engine.useRuleset(readFileSync(fixture, 'utf8')));
  assert.equal(answer.ok, true, JSON.stringify(answer.errors));
  assert.equal(answer.ruleset.id, 'qingdao-2027-example');
  assert.equal(answer.document.base, 'qingdao-2024');
  const request = readFileSync(`${root}tests/cli/reform-household.json`, 'utf8');
  const native = spawnSync(`${root}build/native/yibao`, ['estimate', '--rules', fixture, '-'], { input: request, encoding: 'utf8' });
  assert.deepEqual(JSON.parse(engine.estimate(request)), JSON.parse(native.stdout));
});

test('diffRulesets() gives the lines of yibao diff', () => {
  engine.useRuleset(readFileSync(fixture, 'utf8'));
  const lines = JSON.parse(engine.diffRulesets('qingdao-2024', 'qingdao-2027-example')).lines;
  const printed = cli('diff', `${root}rules/qingdao-2024.json`, fixture).stdout.trimEnd().split('\n');
  assert.deepEqual(['qingdao-2024 → qingdao-2027-example', ...lines], printed);
  assert.equal(JSON.parse(engine.diffRulesets('qingdao-2024', 'nowhere')).errors[0].code, 'unknown_ruleset');
});

test('a broken ruleset is answered with its problems at their paths, a syntax error with line and column', () => {
  const broken = JSON.parse(readFileSync(fixture, 'utf8'));
  broken.contributions = [{ id: 'college', individual_fen: -1 }];
  const answer = JSON.parse(engine.useRuleset(JSON.stringify(broken)));
  assert.equal(answer.ok, false);
  assert.deepEqual(answer.errors.map((e) => [e.path, e.code]), [['/contributions/0/basis', 'missing_basis']]);
  const syntax = JSON.parse(engine.useRuleset('{"id": "x",\n  "year": }'));
  assert.equal(syntax.errors[0].code, 'malformed_json');
  assert.match(syntax.errors[0].message, /^JSON 格式错误（第2行第11列）：这里应是一个值/);
  assert.deepEqual([syntax.errors[0].line, syntax.errors[0].column], [2, 11]);
  for (const bytes of ['', 'null', '[]', '"text"', '\u0000\u00ff', 'x'.repeat(1e6)]) {
    assert.equal(JSON.parse(engine.useRuleset(bytes)).ok, false, JSON.stringify(bytes.slice(0, 20)));
  }
});

test('useRuleset() keeps only the latest text loaded: a built-in it replaced comes back, a new id goes', () => {
  const ids = () => JSON.parse(engine.rulesets()).rulesets.map((r) => r.id);
  const builtIns = ids();
  const fee = (ruleset) => JSON.parse(engine.estimate(JSON.stringify({ ruleset, payment_date: '2023-11-01',
    members: [{ birth_date: '1980-05-01', tier: 1 }] })));
  const own = JSON.parse(readFileSync(`${root}rules/qingdao-2024.json`, 'utf8'));
  own.contributions.find((c) => c.id === 'adult-tier-1').individual_fen = 1;
  assert.equal(JSON.parse(engine.useRuleset(JSON.stringify(own))).ok, true);
  assert.equal(fee('qingdao-2024').members[0].individual_fen, 1);
  assert.equal(JSON.parse(engine.useRuleset(readFileSync(fixture, 'utf8'))).ok, true);
  assert.equal(fee('qingdao-2024').members[0].individual_fen, 46200, 'the built-in is back');
  assert.deepEqual(ids(), [...builtIns, 'qingdao-2027-example']);
  assert.equal(JSON.parse(engine.useRuleset('{"id": "qingdao-2027-example"}')).ok, false);
  assert.deepEqual(ids(), builtIns, 'a text that does not load leaves only the built-in rulesets');
});

test('mergeOverBase() lays a text that does not load over its base as useRuleset() would, for the form', () => {
  const broken = JSON.parse(readFileSync(fixture, 'utf8'));
  broken.contributions = [{ id: 'college', individual_fen: 12300 }];  // changed without a new basis
  assert.equal(JSON.parse(engine.useRuleset(JSON.stringify(broken))).errors[0].code, 'missing_basis');
  const view = JSON.parse(engine.mergeOverBase(JSON.stringify(broken)));
  const base = JSON.parse(engine.useRuleset(readFileSync(`${root}rules/qingdao-2024.json`, 'utf8'))).document;
  assert.equal(view.contributions.length, base.contributions.length, 'merged item by item, not replaced');
  const college = view.contributions.find((c) => c.id === 'college');
  assert.equal(college.individual_fen, 12300);
  assert.deepEqual(college.basis, base.contributions.find((c) => c.id === 'college').basis);
  assert.equal(view.title, broken.title);
  // Without a loaded base, the text as it is; no JSON object, null.
  assert.deepEqual(JSON.parse(engine.mergeOverBase(JSON.stringify({ ...broken, base: 'nowhere' }))), { ...broken, base: 'nowhere' });
  assert.equal(JSON.parse(engine.mergeOverBase('[1, 2')), null);
});

test('runCases() answers a case file as `yibao cases` does, against the ruleset in use', () => {
  assert.equal(JSON.parse(engine.useRuleset(readFileSync(`${root}rules/qingdao-2024.json`, 'utf8'))).ok, true);
  for (const file of [`${root}tests/cli/cases.json`, `${root}tests/cases/qingdao-fees.json`, `${root}tests/cli/household.json`]) {
    assert.deepEqual(JSON.parse(engine.runCases(readFileSync(file, 'utf8'))), JSON.parse(cli('cases', file).stdout), file);
  }
  const run = JSON.parse(engine.runCases(readFileSync(`${root}tests/cli/cases.json`, 'utf8')));
  assert.deepEqual(run.cases[1].difference, { path: '/members/0/individual_fen', message: '应为1，实际是46200' });
  assert.equal(JSON.parse(engine.runCases('{"cases": [')).errors[0].code, 'malformed_json');
});

test('keyPatch() inverts the merge: the patch merged over the base gives the value wanted, a list or an object', () => {
  const base = JSON.parse(engine.useRuleset(readFileSync(`${root}rules/qingdao-2024.json`, 'utf8'))).document;
  const wanted = structuredClone(base.contributions);
  wanted[0].individual_fen = 12300;
  delete wanted[1].text;
  wanted.splice(2, 1);
  const patch = JSON.parse(engine.keyPatch('contributions', JSON.stringify(base.contributions), JSON.stringify(wanted)));
  const own = { id: 'my-city-2025', base: 'qingdao-2024', contributions: patch };
  assert.deepEqual(JSON.parse(engine.mergeOverBase(JSON.stringify(own))).contributions, wanted);
  assert.deepEqual(patch, [{ id: wanted[0].id, individual_fen: 12300 }, { id: wanted[1].id, text: null },
    { id: base.contributions[2].id, removed: true }]);
  assert.equal(engine.keyPatch('contributions', JSON.stringify(base.contributions), JSON.stringify(base.contributions)), 'null');
  assert.deepEqual(JSON.parse(engine.keyPatch('websites', 'null', '[1]')), [1]);
  // An object by the keys that changed.
  const y2026 = JSON.parse(engine.useRuleset(readFileSync(`${root}rules/qingdao-2026.json`, 'utf8'))).document;
  const waiting = structuredClone(y2026.waiting_period);
  waiting.fixed.months += 1;
  const waitingPatch = JSON.parse(engine.keyPatch('waiting_period', JSON.stringify(y2026.waiting_period), JSON.stringify(waiting)));
  assert.deepEqual(waitingPatch, { fixed: { months: waiting.fixed.months } });
  const over = { id: 'my-city-2027', base: 'qingdao-2026', waiting_period: waitingPatch };
  assert.deepEqual(JSON.parse(engine.mergeOverBase(JSON.stringify(over))).waiting_period, waiting);
});

test('nesting 100,000 arrays or 60,000 objects deep, or a key twice, is answered like yibao validate, never a trap', () => {
  const shenyang = readFileSync(`${root}rules/shenyang-2024.json`, 'utf8');
  const texts = [`${'['.repeat(1e5)}${']'.repeat(1e5)}`, `${'{"a":'.repeat(6e4)}1${'}'.repeat(6e4)}`,
    shenyang.replace('"id": "shenyang-2024",', '"id": "my-city-2024", "id": "shenyang-2024",'),
    shenyang.replace('"individual_fen": 10400,', '"individual_fen": 1, "individual_fen": 10400,')];
  const codes = ['too_deep', 'too_deep', 'duplicate_key', 'duplicate_key'];
  for (const [i, text] of texts.entries()) {
    const answer = JSON.parse(engine.useRuleset(text));
    const native = JSON.parse(spawnSync(`${root}build/native/yibao`, ['validate', '-'], { input: text, encoding: 'utf8' }).stdout);
    assert.equal(answer.ok, false);
    assert.deepEqual(answer.errors.map((e) => e.code), [codes[i]]);
    assert.deepEqual(answer.errors, native.files[0].errors);
    assert.equal(engine.mergeOverBase(text), 'null');
  }
  // The page's own loading of its rulesets, and the rulesets put back.
  const loaded = JSON.parse(engine.loadRulesets(`[${texts[0]}]`));
  assert.deepEqual(loaded.errors.map((e) => e.code), ['too_deep']);
  assert.equal(JSON.parse(engine.loadRulesets(rulesetData())).ok, true);
});

test('fieldTable() is the field table and vocabulary that yibao vocabulary prints', () => {
  const table = JSON.parse(engine.fieldTable());
  const printed = JSON.parse(cli('vocabulary').stdout);
  const pick = (f) => ({ object: f.object, key: f.key, kind: f.kind, of: f.of, need: f.need, description: f.description });
  assert.deepEqual(table.fields.map(pick), printed.fields.map(pick));
  assert.deepEqual(table.objects, printed.objects);
  assert.deepEqual(table.vocabulary, printed.vocabulary);
  const level = table.fields.find((f) => f.object === 'source' && f.key === 'level');
  assert.deepEqual([level.required, level.schema], [true, '"enum":["A","B","C"]']);
  // The workbench's words come with it: labels, hints, an enum's and a keyword's values in words.
  assert.deepEqual([level.label, Object.keys(level.words)], ['级别', ['A', 'B', 'C']]);
  const region = table.fields.find((f) => f.object === 'ruleset' && f.key === 'region');
  assert.deepEqual([region.label, region.hint], ['城市', '测算页上这样称呼这座城市，例如 滁州市。']);
  assert.equal(table.objects.find((o) => o.object === 'fee_part').label, '费用组成');
  const student = table.vocabulary.find((w) => w.kind === 'condition' && w.key === 'student');
  assert.deepEqual([student.label, student.words.none], ['学生', '不是学生']);
  const year = table.fields.find((f) => f.object === 'ruleset' && f.key === 'year');
  assert.deepEqual([year.min, year.max], [2000, 2200]);
});

test('a source\'s own text: every quote of it is checked word for word, as yibao validate checks it', () => {
  const dir = mkdtempSync(join(tmpdir(), 'yibao-quotes-'));
  const own = JSON.parse(readFileSync(`${root}tests/rulesets/chuzhou-2026.json`, 'utf8'));
  own.sources[0].text = readFileSync(`${root}rules/sources/chuzhou-2026-notice.txt`, 'utf8');
  assert.equal(JSON.parse(engine.useRuleset(JSON.stringify(own))).ok, true, 'its quotes stand in the text');
  own.contributions[0].basis[0].quote = '个人缴费标准为每人400元';
  const file = join(dir, 'chuzhou-2026.json');
  writeFileSync(file, JSON.stringify(own));
  const answer = JSON.parse(engine.useRuleset(JSON.stringify(own)));
  const validated = JSON.parse(cli('validate', file).stdout);
  rmSync(dir, { recursive: true, force: true });
  assert.deepEqual(answer.errors.map((e) => [e.path, e.code]), [['/contributions/0/basis/0/quote', 'quote_not_found']]);
  assert.deepEqual(answer.errors.map((e) => [e.path, e.code, e.message]),
    validated.files[0].errors.map((e) => [e.path, e.code, e.message]));
});
