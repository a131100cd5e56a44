// The wasm engine in Node with the page's rulesets loaded, as the page starts it.
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { rulesetData } from '../../web/rules-data.mjs';

export async function loadEngine(files) {
  const create = createRequire(import.meta.url)('../../build/wasm/yibao-engine.js');
  const engine = await create();
  const answer = JSON.parse(engine.loadRulesets(rulesetData(files)));
  assert.equal(answer.ok, true, JSON.stringify(answer.errors));
  return engine;
}
