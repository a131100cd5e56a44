// rules/schema.json (JSON Schema 2020-12, checked with Ajv) accepts every ruleset we ship and the test fixtures
// (one building on them, others of their own), and refuses what the engine refuses for its shape. The engine's
// loader checks more.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import Ajv2020 from 'ajv/dist/2020.js';
import { rulesetFiles } from '../../web/rules-data.mjs';

const root = new URL('../../', import.meta.url);
const schema = JSON.parse(readFileSync(new URL('rules/schema.json', root), 'utf8'));
const validate = new Ajv2020({ allErrors: true, strict: false }).compile(schema);
const load = (path) => JSON.parse(readFileSync(path, 'utf8'));
const errors = () => JSON.stringify(validate.errors, null, 1);

const fixtures = ['qingdao-2027-example', 'days-example', 'start-unknown-example', 'chuzhou-2026', 'huhhot-2026'];
for (const path of [...rulesetFiles(), ...fixtures.map((id) => new URL(`tests/rulesets/${id}.json`, root).pathname)]) {
  test(`the schema accepts ${path.slice(path.lastIndexOf('/') + 1)}`, () => {
    assert.ok(validate(load(path)), errors());
  });
}

test('the schema refuses a misspelt key, a condition the vocabulary lacks and a based ruleset without its year', () => {
  const qingdao = load(new URL('rules/qingdao-2024.json', root));
  assert.equal(validate({ ...qingdao, contribution: [] }), false);
  const strange = structuredClone(qingdao);
  strange.categories[0].when = { student_status: ['college'] };
  assert.equal(validate(strange), false);
  const fixture = load(new URL('tests/rulesets/qingdao-2027-example.json', root));
  delete fixture.year;
  assert.equal(validate(fixture), false);
});

test('the schema refuses what yibao validate refuses in ids, urls and phone numbers', () => {
  const shenyang = load(new URL('rules/shenyang-2024.json', root));
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
