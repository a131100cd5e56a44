// The workbench's check for one keystroke, timed: rules/qingdao-2024.json as typed (it takes the place of the
// built-in one), and a new ruleset built on it. `node tests/web/bench-workbench.mjs` after `make wasm`.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { rulesetData } from '../../web/rules-data.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const engine = await createRequire(import.meta.url)(`${root}build/wasm/yibao-workbench.js`)();
const data = rulesetData();
engine.loadRulesets(data);
const own = readFileSync(`${root}rules/qingdao-2024.json`, 'utf8');
const next = readFileSync(`${root}tests/rulesets/qingdao-2027-example.json`, 'utf8');

function time(label, check, runs = 200) {
  for (let i = 0; i < 20; i++) check(i);
  const start = process.hrtime.bigint();
  for (let i = 0; i < runs; i++) check(i);
  console.log(`${label}: ${(Number(process.hrtime.bigint() - start) / 1e6 / runs).toFixed(2)} ms a check`);
}
// Each keystroke changes the text a little, as typing does.
const typed = (text, i) => text.replace('"title": "', `"title": "${i % 10}`);
time('reload every ruleset, then useRuleset(qingdao-2024)', (i) => { engine.loadRulesets(data); engine.useRuleset(typed(own, i)); });
time('useRuleset(qingdao-2024) alone', (i) => engine.useRuleset(typed(own, i)));
time('useRuleset(a ruleset built on qingdao-2024)', (i) => engine.useRuleset(typed(next, i)));
