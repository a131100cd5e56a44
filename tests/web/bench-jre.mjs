// make bench, comparison: the staff page's wasm engine against json-rules-engine (npm, the rules engine most
// JavaScript projects reach for), in Node, on the same generated Shenyang 2024 roster. json-rules-engine is given
// the best case: each row's facts already read (dates parsed, words mapped to values) and only the category and the
// amounts to decide, from rules translated from rules/shenyang-2024.json. Yibao reads the CSV text itself and
// decides the category, the amounts and the benefit dates and writes the output CSV, fed the file's bytes in slices as
// the staff page feeds them. Goal: Yibao ≥ 10× members/s.
// usage: node tests/web/bench-jre.mjs [rows]
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Engine } from 'json-rules-engine';
import { loadEngine } from './engine.mjs';

const rows = Number(process.argv[2] || 100000);
const root = new URL('../../', import.meta.url);
const dir = mkdtempSync(join(tmpdir(), 'yibao-jre-'));
const roster = join(dir, 'roster.csv');
execFileSync(new URL('build/native/yibao_batch_bench', root).pathname, [String(rows), '--csv', roster]);
const bytes = readFileSync(roster);
const text = bytes.toString('utf8');
rmSync(dir, { recursive: true, force: true });

// ---- Yibao: the staff page's engine on the CSV file's bytes ----
const yibao = await loadEngine(undefined, 'yibao-batch');
const t0 = performance.now();
yibao.rosterStart('shenyang-2024', '2023-11-01', true, '', 1);
for (let at = 0; at < bytes.length; at += 65536) yibao.rosterFeed(bytes.subarray(at, at + 65536));
yibao.rosterFinish();
const yibaoMs = performance.now() - t0;
const estimated = JSON.parse(yibao.rosterSummary()).rows_estimated;

// ---- json-rules-engine: the same rules, translated ----
const rules = JSON.parse(readFileSync(new URL('rules/shenyang-2024.json', root), 'utf8'));
function conditions(when) {
  const all = [];
  for (const [key, value] of Object.entries(when)) {
    if (Array.isArray(value)) all.push({ fact: key, operator: 'in', value });
    else if ('under' in value) all.push({ fact: key, operator: 'lessThan', value: value.under });
    else if ('at_least' in value) all.push({ fact: key, operator: 'greaterThanInclusive', value: value.at_least });
    else throw new Error(`not translated: ${key}`);
  }
  return { all };
}
// First match wins in Yibao: here each rule has a priority by its order, and the first event in order is taken.
function engineOf(list, event) {
  const engine = new Engine([], { allowUndefinedFacts: true });
  list.forEach((rule, i) => engine.addRule({ conditions: conditions(rule.when), priority: list.length - i,
    event: { type: rule.id, params: event(rule) } }));
  return engine;
}
const categories = engineOf(rules.categories, (c) => ({ category: c.id }));
const fees = engineOf(rules.contributions, (c) => ({ individual_fen: c.individual_fen, subsidy_fen: c.subsidy_fen }));

// The rows' facts, read before the clock starts (the roster's own spellings, as the README's Rosters table lists them).
const STUDENT = { 中小学: 'school', 小学: 'school', 初中: 'school', 高中: 'school', 中职: 'school', 大学: 'college',
  大专: 'college', 本科: 'college', 研究生: 'college' };
const GROUP = { 低保: 'dibao', 特困: 'tekun', 孤儿: 'orphan', 重度残疾: 'severe_disability', 监测对象: 'poverty_monitored',
  低保边缘: 'dibao_edge' };
const cells = (line) => [...line.matchAll(/("([^"]|"")*"|[^,]*)(,|$)/g)].map((m) => m[1]).slice(0, 8);
const date = (cell) => {
  const m = /^(\d{4})\D*(\d{1,2})\D*(\d{1,2})/.exec(cell);
  return m && [Number(m[1]), Number(m[2]), Number(m[3])];
};
const ageOn = ([y, m, d], [py, pm, pd]) => py - y - (pm < m || (pm === m && pd < d) ? 1 : 0);
const facts = text.split('\r\n').slice(1).filter(Boolean).map(cells).flatMap(([, birth, student, group, , , paid]) => {
  const born = date(birth);
  if (!born) return [];
  return [{ age: ageOn(born, date(paid) || [2023, 11, 1]), student: STUDENT[student] || 'none', assistance: GROUP[group] || 'none' }];
});
const t1 = performance.now();
for (const f of facts) {
  const { events } = await categories.run(f);
  const category = events[0].params.category;
  await fees.run({ ...f, category });
}
const jreMs = performance.now() - t1;

const rate = (n, ms) => (n / ms) * 1000;
const yibaoRate = rate(estimated, yibaoMs);
const jreRate = rate(facts.length, jreMs);
console.log(`members/s on a ${rows.toLocaleString('en')}-row roster, in Node: Yibao's staff engine ${Math.round(yibaoRate).toLocaleString('en')} ` +
  `(CSV read, category, amounts, dates, CSV written), json-rules-engine ${Math.round(jreRate).toLocaleString('en')} ` +
  `(facts given; category and amounts only) = ${(yibaoRate / jreRate).toFixed(0)}× (goal ≥ 10×)`);
