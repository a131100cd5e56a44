// rules/schema.json (JSON Schema 2020-12, checked with Ajv) and `yibao validate` accept and refuse the same files:
// every ruleset we ship and every fixture, the broken cases of tests/rulesets/broken.json (each says whether its
// mistake is one of shape, which the schema sees, or of meaning, which only the loader sees), and mistakes made
// from the engine's field table itself in every object a ruleset holds: a required field left out, an unknown
// key, a value of another JSON kind, an optional value given as null.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import Ajv2020 from 'ajv/dist/2020.js';
import { rulesetFiles } from '../../web/rules-data.mjs';

const root = new URL('../../', import.meta.url);
const cli = new URL('build/native/yibao', root).pathname;
const schema = JSON.parse(readFileSync(new URL('rules/schema.json', root), 'utf8'));
const validate = new Ajv2020({ allErrors: true, strict: false }).compile(schema);
const load = (path) => JSON.parse(readFileSync(new URL(path, root), 'utf8'));
const errors = () => JSON.stringify(validate.errors, null, 1);
const { objects, fields } = JSON.parse(execFileSync(cli, ['vocabulary'], { encoding: 'utf8', maxBuffer: 1 << 26 }));

// `yibao validate` on many documents in one run: whether each is accepted.
const validatorAccepts = (documents) => {
  const dir = mkdtempSync(join(tmpdir(), 'yibao-schema-'));
  const files = documents.map((document, i) => {
    const file = join(dir, `${String(i).padStart(4, '0')}.json`);
    writeFileSync(file, JSON.stringify(document));
    return file;
  });
  let out;
  try {
    out = execFileSync(cli, ['validate', ...files], { encoding: 'utf8', maxBuffer: 1 << 28 });
  } catch (error) {
    if (error.status !== 1) throw error;
    out = error.stdout;
  }
  rmSync(dir, { recursive: true });
  return JSON.parse(out).files.map((f) => f.ok);
};

const fixtures = readdirSync(new URL('tests/rulesets/', root)).filter((n) => n.endsWith('.json') && n !== 'broken.json')
  .map((n) => new URL(`tests/rulesets/${n}`, root).pathname);

test('the schema and yibao validate accept every shipped ruleset and every fixture', () => {
  const paths = [...rulesetFiles(), ...fixtures];
  assert.ok(fixtures.length >= 2);
  const accepted = validatorAccepts(paths.map((p) => JSON.parse(readFileSync(p, 'utf8'))));
  paths.forEach((path, i) => {
    assert.ok(accepted[i], `yibao validate refuses ${path}`);
    assert.ok(validate(JSON.parse(readFileSync(path, 'utf8'))), `the schema refuses ${path}: ${errors()}`);
  });
});

// RFC 6902, as far as broken.json uses it.
const tokens = (path) => path.split('/').slice(1).map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'));
const patched = (document, patch) => {
  const out = structuredClone(document);
  for (const { op, path, value, from } of patch) {
    const at = tokens(path);
    const last = at.pop();
    const parent = at.reduce((node, t) => node[t], out);
    const given = op === 'copy' ? structuredClone(tokens(from).reduce((node, t) => node[t], out)) : value;
    if (op === 'remove') Array.isArray(parent) ? parent.splice(Number(last), 1) : delete parent[last];
    else if ((op === 'add' || op === 'copy') && Array.isArray(parent)) parent.splice(last === '-' ? parent.length : Number(last), 0, given);
    else if (op === 'add' || op === 'copy' || op === 'replace') parent[last] = given;
    else throw new Error(`broken.json uses ${op}`);
  }
  return out;
};

test('each broken case says whether the schema sees it, and both refuse exactly as it says', () => {
  const { cases } = load('tests/rulesets/broken.json');
  const documents = cases.map((c) => patched(load(`rules/${c.base}.json`), c.patch));
  const accepted = validatorAccepts(documents);
  cases.forEach((c, i) => {
    assert.equal(typeof c.schema_refuses, 'boolean', `"${c.name}" must say schema_refuses: true (shape) or false (meaning)`);
    assert.equal(accepted[i], false, `yibao validate accepts "${c.name}"`);
    assert.equal(validate(documents[i]), !c.schema_refuses, `"${c.name}": ${errors()}`);
  });
});

// A whole ruleset holding every object of the field table at least once: Qingdao 2024 with Qingdao 2026's
// waiting period and member notes, Shenyang's assistance groups after a city-named one with its members and basis,
// the fixture groups-example's 就高 rule and member questions, a caveat, provisional and unknown facts, fee parts, and
// the fixture choices-example's family account, add-on and benefit tier.
const everyObject = () => {
  const doc = load('rules/qingdao-2024.json');
  const qingdao2026 = load('rules/qingdao-2026.json');
  doc.id = 'every-object';
  doc.$comment = 'made by tests/web/schema.test.mjs';
  doc.sources.push(...qingdao2026.sources);
  doc.waiting_period = qingdao2026.waiting_period;
  doc.member_notes = qingdao2026.member_notes;
  const groups = load('tests/rulesets/groups-example.json');
  doc.sources.push(...groups.sources);
  doc.assistance_groups = [groups.assistance_groups[0], ...load('rules/shenyang-2024.json').assistance_groups];
  doc.several_groups = groups.several_groups;
  doc.member_questions = groups.member_questions;
  doc.collection.opens = { unknown: { reason: '尚未公布', ask: '街道保障中心', not_before: '2023-09-01' } };
  doc.contributions[0].individual_fen = { provisional: { from: 'qingdao-2024', text: '暂按2024年度标准' } };
  doc.contributions[1].subsidy_fen = { unknown: { reason: '尚未公布', ask: '街道保障中心' } };
  doc.contributions[2].caveat = '来源未说明';
  // A fee given by part (the first contribution keeps its totals, so that leaving one out is refused).
  const basis = doc.contributions[3].basis;
  doc.fee_parts = [{ id: 'basic', label: '基本医保', payer: 'individual', basis },
    { id: 'finance', label: '财政补助', payer: 'government', basis }];
  doc.contributions[3].parts = [{ id: 'basic', amount_fen: 39500, basis }, { id: 'finance', amount_fen: 77000, basis }];
  // The fixture choices-example's family account (职工医保个人账户家庭共济).
  const choices = load('tests/rulesets/choices-example.json');
  doc.sources.push(...choices.sources);
  doc.payment_channels.push(choices.payment_channels.find((c) => c.family_account));
  doc.member_questions.push(...choices.member_questions);
  doc.add_ons = choices.add_ons;
  doc.contributions[2].benefit_tier = choices.contributions.find((c) => c.benefit_tier).benefit_tier;
  return doc;
};

const fieldsOf = (object) => fields.filter((f) => f.object === object);

// The first place each object of the table occurs in `document`, as a list of JSON pointer tokens.
const instances = (document) => {
  const found = new Map();
  const walk = (value, object, path) => {
    if (!found.has(object)) found.set(object, path);
    for (const f of fieldsOf(object)) {
      const v = value[f.key];
      if (v === undefined || v === null) continue;
      const at = [...path, f.key];
      if (f.kind === 'list') v.forEach((item, i) => walk(item, f.of, [...at, i]));
      else if (f.kind === 'object') walk(v, 'unknown' in v ? 'fact' : f.of, at);
      else if ((f.kind === 'amount' || f.kind === 'date_fact') && typeof v === 'object') walk(v, 'fact', at);
    }
  };
  walk(document, 'ruleset', []);
  return found;
};

// A value of another JSON kind than the field's.
const wrongKind = { text: 12, integer: '12', boolean: 'yes', date: 20240101, object: [], list: {}, texts: 'x',
  condition: [], date_expr: [], amount: '462元', date_fact: 20240101, plain: 'twelve' };
const scalar = new Set(['text', 'integer', 'boolean', 'date']);

test('the schema and yibao validate refuse, in every object of the field table, what the table forbids', () => {
  const base = everyObject();
  const found = instances(base);
  const missing = objects.map((o) => o.object).filter((o) => !found.has(o));
  assert.deepEqual(missing, [], 'every object of the field table occurs in the test ruleset');
  const mutations = [];  // [what, document, whether both must accept]
  const mutate = (path, what, accept, change) => {
    const doc = structuredClone(base);
    change(path.reduce((node, t) => node[t], doc));
    mutations.push([`/${path.join('/')}: ${what}`, doc, accept]);
  };
  for (const [object, path] of found) {
    const value = path.reduce((node, t) => node[t], base);
    mutate(path, 'an unknown key', false, (o) => { o.unknown_key = 1; });
    for (const f of fieldsOf(object)) {
      const required = f.need.startsWith('required') || (f.need.startsWith('with ') && f.need.slice(5) in value) ||
        (f.need.startsWith('unless ') && !(f.need.slice(7) in value));
      if (required) mutate(path, `without ${f.key}`, false, (o) => { delete o[f.key]; });
      mutate(path, `${f.key} of another kind`, false, (o) => { o[f.key] = wrongKind[f.kind]; });
      if (!required && scalar.has(f.kind)) mutate(path, `${f.key} null`, true, (o) => { o[f.key] = null; });
    }
  }
  assert.ok(mutations.length > 150, `${mutations.length} mutations`);
  const accepted = validatorAccepts(mutations.map(([, doc]) => doc));
  const wrong = [];
  mutations.forEach(([what, doc, accept], i) => {
    if (accepted[i] !== accept) wrong.push(`yibao validate ${accepted[i] ? 'accepts' : 'refuses'} ${what}`);
    if (validate(doc) !== accept) wrong.push(`the schema ${accept ? 'refuses' : 'accepts'} ${what}`);
  });
  assert.deepEqual(wrong, []);
});

test('the schema refuses what yibao validate refuses in ids, urls and phone numbers', () => {
  const shenyang = load('rules/shenyang-2024.json');
  const changed = (change) => { const copy = structuredClone(shenyang); change(copy); return validate(copy); };
  assert.equal(changed((r) => { r.id = ''; }), false);
  assert.equal(changed((r) => { r.id = 'a'.repeat(65); }), false);
  assert.equal(changed((r) => { r.id = 'a'.repeat(64); }), true, errors());
  for (const url of ['javascript:alert(1)', 'data:text/html,x', 'vbscript:msgbox(1)', 'https://', 'http://a b']) {
    assert.equal(changed((r) => { r.sources[0].url = url; }), false, url);
  }
  for (const phone of ['12345678901234567890', '024-1234', '024-12345-123', '110', '10086', '+86 24 12345678']) {
    assert.equal(changed((r) => { r.contacts[0].phone = phone; }), false, phone);
  }
  for (const phone of ['0532-12345', '024-12345-1-7', '12393', '95512', '13912345678']) {
    assert.equal(changed((r) => { r.contacts[0].phone = phone; }), true, `${phone}: ${errors()}`);
  }
});

test('the schema refuses what yibao validate refuses in assistance group, question and answer ids', () => {
  const fixture = load('tests/rulesets/groups-example.json');
  const changes = [
    ['a group called none', (r) => { r.assistance_groups[0].id = 'none'; }],
    ['a group id with capitals', (r) => { r.assistance_groups[0].id = 'Full_aid'; }],
    ['a group id with a hyphen', (r) => { r.assistance_groups[0].id = 'full-aid'; }],
    ['a group with its members but no basis', (r) => { delete r.assistance_groups[0].basis; }],
    ['several_groups taking another rule', (r) => { r.several_groups.take = 'lowest'; }],
    ['a question id in Chinese', (r) => { r.member_questions[0].id = '性别'; }],
    ['a question with one answer', (r) => { r.member_questions[0].answers.pop(); }],
    ['an answer with an empty label', (r) => { r.member_questions[0].answers[0].label = ''; }],
  ];
  const documents = changes.map(([, change]) => { const copy = structuredClone(fixture); change(copy); return copy; });
  const accepted = validatorAccepts([fixture, ...documents]);
  assert.equal(accepted[0], true, 'the fixture itself validates');
  assert.equal(validate(fixture), true, errors());
  changes.forEach(([what], i) => {
    assert.equal(accepted[i + 1], false, `yibao validate accepts ${what}`);
    assert.equal(validate(documents[i]), false, `the schema accepts ${what}`);
  });
});

test('a ruleset with a base is checked by the schema for the keys it must state itself', () => {
  const fixture = load('tests/rulesets/qingdao-2027-example.json');
  assert.ok(validate(fixture), errors());
  for (const key of fields.filter((f) => f.object === 'ruleset' && f.need === 'required, also with base').map((f) => f.key)) {
    const without = structuredClone(fixture);
    delete without[key];
    assert.equal(validate(without), false, key);
    assert.deepEqual(validatorAccepts([without]), [false], key);
  }
});
