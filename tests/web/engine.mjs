// The wasm engine in Node with the page's rulesets loaded, as the page starts it (their compact form, web/rules-data.mjs):
// the family page's (yibao-engine), or with `build` 'yibao-batch' the staff page's, which has the roster run.
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { gunzipSync } from 'node:zlib';
import { compactData, rulesetData } from '../../web/rules-data.mjs';

export async function loadEngine(files, build = 'yibao-engine') {
  const create = createRequire(import.meta.url)(`../../build/wasm/${build}.js`);
  const engine = await create();
  const answer = JSON.parse(engine.loadCompactRulesets(compactData(rulesetData(files)).bytes));
  assert.equal(answer.ok, true, JSON.stringify(answer.errors));
  return engine;
}

// A page's rulesets block (the engine's compact form, gzipped and base64-encoded: web/assemble.js) as the family
// page's engine loads it: {ok, rulesets: [each one's index], errors?, documents?}.
export async function pageRulesets(html) {
  const block = /<script id="rulesets" type="application\/octet-stream">([^<]*)<\/script>/.exec(html);
  assert.ok(block, 'the page holds a rulesets block');
  const engine = await createRequire(import.meta.url)('../../build/wasm/yibao-engine.js')();
  return JSON.parse(engine.loadCompactRulesets(gunzipSync(Buffer.from(block[1], 'base64'))));
}
