// The rulesets a page carries as data: every rules/*.json as written (a ruleset may build on another by `base`),
// plus any extra files. rulesetData() gives them as the JSON array the workbench's loadRulesets() takes;
// compactData() as the pages' engines load them, in the engine's compact form (`yibao compact`, by the native CLI,
// which checks them as the JSON loader does). Used by web/build.mjs and the tests.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const rulesDir = new URL('../rules/', import.meta.url);
const cli = fileURLToPath(new URL('../build/native/yibao', import.meta.url));

export function rulesetFiles() {
  return readdirSync(rulesDir).filter((n) => n.endsWith('.json') && n !== 'schema.json').sort()
    .map((n) => new URL(n, rulesDir).pathname);
}

export function rulesetData(files = rulesetFiles()) {
  return JSON.stringify(files.map((path) => JSON.parse(readFileSync(path, 'utf8'))));
}

// The bytes of the compact form of `data` (rulesetData's text by default); a document that does not load is left out
// and carried as its errors, which the page shows. `errors` lists them here.
export function compactData(data = rulesetData()) {
  const folder = mkdtempSync(join(tmpdir(), 'yibao-compact-'));
  try {
    const file = join(folder, 'rulesets.json');
    writeFileSync(file, data);
    const run = spawnSync(cli, ['compact', file], { encoding: 'utf8', maxBuffer: 1 << 28 });
    let answer = null;
    try {
      answer = JSON.parse(run.stdout);
    } catch {
      // told below
    }
    if (!answer || typeof answer.compact !== 'string') throw new Error(`yibao compact: ${run.stdout}${run.stderr}`);
    return { bytes: Buffer.from(answer.compact, 'base64'), errors: answer.errors || [] };
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
