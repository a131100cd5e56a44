#!/usr/bin/env node
// Runs the web tests (tests/web/*.test.mjs), `node tools/test-web.mjs JOBS [DIR]` files at once. A file in which a test failed
// runs once more, alone on a quieter machine: a test that failed and then passed is named as flaky at the end (so it
// gets fixed: a wait on the wrong thing, a race with the page) without failing the run, as Playwright's retries do in
// CI; a test that fails twice fails the run. Browser tests share two cores with up to JOBS browsers; one late frame
// should not throw away a 20-minute run, and a real failure fails both times.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { run } from 'node:test';
import { spec, tap } from 'node:test/reporters';

const jobs = Number(process.argv[2] ?? 2);
const dir = process.argv[3] ?? 'tests/web';
const reporter = process.stdout.isTTY ? spec : tap;

/** Runs the files and returns, for each file with a failure, the names of the tests that failed in it. */
async function runFiles(files, concurrency) {
  const failed = new Map();
  const stream = run({ files, concurrency });
  stream.on('test:fail', ({ file, name, details }) => {
    if (details?.error?.failureType === 'subtestsFailed') return;  // a suite, failing because a test in it did
    const key = file ?? name;
    failed.set(key, [...(failed.get(key) ?? []), name]);
  });
  for await (const chunk of stream.compose(reporter)) process.stdout.write(chunk);
  return failed;
}

// The files that take longest start first, the rest in name order: in name order workbench.test.mjs (about 600 of
// the 2,400 test-seconds of a 20-minute run, 3 files at once on 2 cores) was the last file but one to start, and ran
// on alone at the end. Longest first, as measured then; a name here that is no file fails the run.
const LONGEST_FIRST = ['workbench.test.mjs', 'share.test.mjs', 'a11y.test.mjs', 'today.test.mjs', 'engines.test.mjs',
  'new-city.test.mjs', 'words.test.mjs', 'lighthouse.test.mjs'];
const found = readdirSync(dir).filter((f) => f.endsWith('.test.mjs')).sort();
const leading = process.argv[3] ? LONGEST_FIRST.filter((f) => found.includes(f)) : LONGEST_FIRST;
const unknown = leading.filter((f) => !found.includes(f));
if (unknown.length > 0) throw new Error(`tools/test-web.mjs lists ${unknown.join(', ')}, not in ${dir}`);
const files = [...leading, ...found.filter((f) => !leading.includes(f))].map((f) => path.join(dir, f));
const first = await runFiles(files, jobs);
if (first.size > 0) {
  console.log(`\n# ${first.size} test file(s) had a failure; each runs again, alone: ${[...first.keys()].join(', ')}\n`);
  const second = await runFiles([...first.keys()], 1);
  const flaky = [...first].filter(([file]) => !second.has(file));
  for (const [file, names] of flaky) for (const name of names) console.log(`# flaky (failed, then passed alone): ${path.basename(file)} › ${name}`);
  for (const [file, names] of second) for (const name of names) console.log(`# failed again: ${path.basename(file)} › ${name}`);
  if (second.size > 0) process.exitCode = 1;
}
