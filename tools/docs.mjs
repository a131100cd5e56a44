// Writes the README's vocabulary, ruleset fields and codes tables and the whole of rules/schema.json from the
// engine's own tables (`yibao vocabulary`), and checks that the README's contract tables name exactly
// the fields the engine reads and writes, and runs the README's command and request examples. `--check` changes nothing and fails on
// any drift (a ctest test).
// usage: node tools/docs.mjs [--check] [--yibao build/native/yibao]
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';

const root = new URL('../', import.meta.url);
const args = process.argv.slice(2);
const check = args.includes('--check');
const yibao = args.includes('--yibao') ? args[args.indexOf('--yibao') + 1] : new URL('build/native/yibao', root).pathname;
const run = (cliArgs, input) => {
  try {
    return execFileSync(yibao, cliArgs, { encoding: 'utf8', input });
  } catch (error) {
    if (error.status === 1) return error.stdout;  // invalid input still answers JSON
    throw error;
  }
};
const { vocabulary, codes, objects, fields, schema } = JSON.parse(run(['vocabulary']));

const cell = (text) => String(text).replace(/\|/g, '\\|');
const table = (header, rows) => [`| ${header.join(' | ')} |`, `|${header.map(() => ' --- ').join('|')}|`,
  ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`)].join('\n');
const words = (kind) => vocabulary.filter((w) => w.kind === kind);
const sections = {
  conditions: table(['key', 'value', 'holds when'], words('condition').map((w) => [`\`${w.key}\``, `\`${w.form}\``, w.description])),
  dates: table(['expression', 'form', 'the date'], words('date').map((w) => [`\`${w.key}\``, `\`${w.form}\``, w.description])),
  facts: table(['kind', 'form', 'meaning'], words('fact').map((w) => [`\`${w.key}\``, `\`${w.form}\``, w.description])),
  placeholders: table(['placeholder', 'where', 'filled with'], words('placeholder').map((w) => [`\`{${w.key}}\``, w.form, w.description])),
  codes: table(['code', 'kind', 'concerns', 'meaning'], codes.map((c) => [`\`${c.code}\``, c.kind, c.concerns, c.meaning])),
  // The ruleset reference: each object of the field table, where a ruleset holds it, and its fields, with the
  // workbench's names for them.
  fields: objects.map((o) => [`**\`${o.object}\`** ${o.label}${o.where ? ` (\`${o.where}\`)` : ''}: ${o.description}`, '',
    table(['key', 'value', 'required', 'meaning', 'in the workbench'], fields.filter((f) => f.object === o.object)
      .map((f) => [`\`${f.key}\``, `\`${f.form}\``, f.need, f.description, f.label])), ''].join('\n')).join('\n').trimEnd(),
};

// The rulesets the CLI carries (rules/*.json), with their sources and what is provisional or not published.
const factNames = { individual_fen: 'individual amounts', subsidy_fen: 'subsidy', 'collection.opens': 'first day of collection',
  'collection.closes': 'last day payable', continuity_deadline: 'end of the collection window', 'waiting_period.variable': 'variable waiting months' };
const { rulesets } = JSON.parse(run(['rulesets']));
const factsOf = (r, kind) => {
  const lists = [...r.fees.map((f) => f[kind]), r.collection[kind], r.continuity_deadline[kind], r.waiting_period ? r.waiting_period[kind] : []];
  const seen = new Map();
  for (const f of lists.flat()) seen.set(f.fact, kind === 'provisional' ? `${factNames[f.fact] || f.fact} (from ${f.from})` : factNames[f.fact] || f.fact);
  return [...seen.values()].join('; ') || '—';
};
sections.rulesets = table(['ruleset', 'builds on', 'benefit year', 'sources (level)', 'provisional', 'not published'],
  rulesets.map((r) => [`\`${r.id}\``, r.base ? `\`${r.base}\`` : '—', `${r.benefit_year.start} – ${r.benefit_year.end}`,
    r.sources.map((s) => `${s.title} (${s.level})`).join('; '), factsOf(r, 'provisional'), factsOf(r, 'unknown')]));

const problems = [];
const readmeUrl = new URL('README.md', root);
const readme = readFileSync(readmeUrl, 'utf8');
let generated = readme;
for (const [name, body] of Object.entries(sections)) {
  const pattern = new RegExp(`(<!-- generated: ${name} -->\\n)[\\s\\S]*?(<!-- end: ${name} -->)`);
  if (!pattern.test(generated)) problems.push(`README.md has no "<!-- generated: ${name} -->" … "<!-- end: ${name} -->" block`);
  generated = generated.replace(pattern, `$1${body}\n$2`);
}

const schemaUrl = new URL('rules/schema.json', root);
const schemaText = readFileSync(schemaUrl, 'utf8');
const schemaOut = `${JSON.stringify(schema, null, 2)}\n`;

// The contract tables: the request's member fields as the README lists them against what the parser accepts
// (it names them when it meets an unknown one), and the response's member fields against a real answer.
const listed = (heading, row = /^\| `members\[\]\.(\w+)` \|/gm) => {
  const start = generated.indexOf(heading);
  const block = generated.slice(start, generated.indexOf('\n\n', generated.indexOf('|', start)));
  return [...block.matchAll(row)].map((m) => m[1]);
};
const unknown = JSON.parse(run(['estimate', '-'], JSON.stringify({ ruleset: 'qingdao-2024', payment_date: '2023-10-01', members: [{ '?': 1 }] })));
const accepted = unknown.errors.find((e) => e.code === 'unknown_field').message.split(/[:：]/).pop().split(',').map((s) => s.trim());
const requestFields = listed('**Request**');
if (requestFields.join() !== accepted.join())
  problems.push(`README request table lists members[].${requestFields.join(', ')}; the engine accepts ${accepted.join(', ')}`);
const acceptedTop = JSON.parse(run(['estimate', '-'], JSON.stringify({ '?': 1 }))).errors
  .find((e) => e.code === 'unknown_field').message.split(/[:：]/).pop().split(',').map((s) => s.trim());
const topFields = [...new Set(listed('**Request**', /^\| `(\w+)[^`]*` \|/gm))];
if (topFields.join() !== acceptedTop.join())
  problems.push(`README request table lists ${topFields.join(', ')}; the engine accepts ${acceptedTop.join(', ')}`);
const answer = JSON.parse(run(['estimate', '-'], JSON.stringify({ ruleset: 'qingdao-2024', payment_date: '2023-10-01',
  members: [{ birth_date: '1980-01-01', tier: 1 }] })));
const memberLine = /Each member: ([\s\S]*?)\.\n/.exec(generated);
// Field names, leaving out what the parentheses say about them.
const memberFields = memberLine ? [...memberLine[1].replace(/\([^)]*\)/g, '').matchAll(/`(\w+)`/g)].map((m) => m[1]) : [];
const actual = Object.keys(answer.members[0]);
if (memberFields.join() !== actual.join())
  problems.push(`README "Each member:" lists ${memberFields.join(', ')}; the answer has ${actual.join(', ')}`);

// The README's command examples run: each `$ build/native/yibao …` line of a fenced block must succeed and print
// the lines shown under it, in order (a line "…" stands for lines left out, a trailing "…" for the rest of one).
const repository = new URL('.', root).pathname;
const fenced = [];  // the lines of each fenced block, found line by line so that fences pair up
let inFence = false;
for (const line of generated.split('\n')) {
  if (line.startsWith('```')) {
    inFence = !inFence;
    if (inFence) fenced.push([]);
  } else if (inFence) {
    fenced.at(-1).push(line);
  }
}
for (const block of fenced) {
  const lines = block.filter((l) => l !== '');
  for (let i = 0; i < lines.length; i++) {
    if (!lines[i].startsWith('$ build/native/yibao ')) continue;
    const command = lines[i].slice(2);
    const shown = [];
    for (let j = i + 1; j < lines.length && !lines[j].startsWith('$ '); j++) shown.push(lines[j]);
    const [, ...cliArgs] = command.split(' ');
    let output;
    try {
      output = execFileSync(yibao, cliArgs, { encoding: 'utf8', cwd: repository }).split('\n');
    } catch (error) {
      problems.push(`README example \`${command}\` failed: ${error.message.split('\n')[0]}`);
      continue;
    }
    let at = 0;
    for (const want of shown.filter((l) => l !== '…')) {
      const prefix = want.endsWith('…') ? want.slice(0, -1) : null;
      const found = output.findIndex((line, k) => k >= at && (prefix === null ? line === want : line.startsWith(prefix)));
      if (found < 0) {
        problems.push(`README example \`${command}\` does not print, in this order: ${want}`);
        break;
      }
      at = found + 1;
    }
  }
}

// A request shown in a ```json block is answered without errors.
for (const block of generated.split('```json\n').slice(1).map((rest) => rest.slice(0, rest.indexOf('```')))) {
  let request;
  try {
    request = JSON.parse(block);
  } catch {
    continue;  // an excerpt, not a whole document
  }
  if (!request.ruleset || !request.members) continue;
  const answer = JSON.parse(run(['estimate', '-'], JSON.stringify(request)));
  if (!answer.ok) problems.push(`README request example is refused: ${JSON.stringify(answer.errors)}`);
}

if (check) {
  if (generated !== readme) problems.push('README.md tables differ from `yibao vocabulary`: run node tools/docs.mjs');
  if (schemaOut !== schemaText) problems.push('rules/schema.json differs from `yibao vocabulary`: run node tools/docs.mjs');
} else {
  writeFileSync(readmeUrl, generated);
  writeFileSync(schemaUrl, schemaOut);
}
for (const p of problems) console.error(`docs: ${p}`);
process.exit(problems.length ? 1 : 0);
