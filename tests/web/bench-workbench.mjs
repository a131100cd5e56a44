// The workbench's check for one keystroke, timed: rules/qingdao-2024.json as typed (it takes the place of the
// built-in one), as the workbench checked it before (every ruleset reloaded first) and now, and a new ruleset
// built on it. `node tests/web/bench-workbench.mjs` after `make wasm`.
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

// The median of 15 rounds of 20 checks: the machine may be shared.
function time(label, check) {
  for (let i = 0; i < 20; i++) check(i);
  const rounds = [];
  for (let round = 0; round < 15; round++) {
    const start = process.hrtime.bigint();
    for (let i = 0; i < 20; i++) check(i);
    rounds.push(Number(process.hrtime.bigint() - start) / 1e6 / 20);
  }
  console.log(`${label}: ${rounds.sort((a, b) => a - b)[7].toFixed(2)} ms a check`);
}
// Each keystroke changes the text a little, as typing does.
const typed = (text, i) => text.replace('"title": "', `"title": "${i % 10}`);
time('reload every ruleset, then useRuleset(qingdao-2024)', (i) => { engine.loadRulesets(data); engine.useRuleset(typed(own, i)); });
time('useRuleset(qingdao-2024) alone', (i) => engine.useRuleset(typed(own, i)));
time('useRuleset(a ruleset built on qingdao-2024)', (i) => engine.useRuleset(typed(next, i)));
