// The rulesets a page carries as data: every rules/*.json as written (a ruleset may build on another by `base`),
// plus any extra files, as the JSON array the engine's loadRulesets() takes. Used by web/build.mjs and the tests.
import { readdirSync, readFileSync } from 'node:fs';

const rulesDir = new URL('../rules/', import.meta.url);

export function rulesetFiles() {
  return readdirSync(rulesDir).filter((n) => n.endsWith('.json') && n !== 'schema.json').sort()
    .map((n) => new URL(n, rulesDir).pathname);
}

export function rulesetData(files = rulesetFiles()) {
  return JSON.stringify(files.map((path) => JSON.parse(readFileSync(path, 'utf8'))));
}
