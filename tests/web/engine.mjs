// The wasm engine in Node with the page's rulesets loaded, as the page starts it: the family page's (yibao-engine),
// or with `build` 'yibao-batch' the staff page's, which has the roster run.
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { rulesetData } from '../../web/rules-data.mjs';

export async function loadEngine(files, build = 'yibao-engine') {
  const create = createRequire(import.meta.url)(`../../build/wasm/${build}.js`);
  const engine = await create();
  const answer = JSON.parse(engine.loadRulesets(rulesetData(files)));
  assert.equal(answer.ok, true, JSON.stringify(answer.errors));
  return engine;
}
