// rules/schema.json (JSON Schema 2020-12, checked with Ajv) accepts every ruleset we ship and the test fixtures
// that build on them, and refuses what the engine refuses for its shape. The engine's loader checks more.
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

for (const path of [...rulesetFiles(), new URL('tests/rulesets/qingdao-2027-example.json', root).pathname]) {
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
