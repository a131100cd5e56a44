// Lighthouse (its CLI, with Debian's Chromium as CHROME_PATH) against the page served by web/serve.mjs on
// 127.0.0.1, as a full page, embedded, and the rules workbench: accessibility and best practices must both score 100.
import assert from 'node:assert/strict';
import { execFile, spawn } from 'node:child_process';
import { once } from 'node:events';
import { after, before, test } from 'node:test';
import { promisify } from 'node:util';

const root = new URL('../../', import.meta.url).pathname;
let server;
let base;

before(async () => {
  server = spawn(process.execPath, [`${root}web/serve.mjs`], { env: { ...process.env, PORT: '0' },
    stdio: ['ignore', 'pipe', 'inherit'] });
  const [line] = await once(server.stdout, 'data');
  base = /http:\/\/127\.0\.0\.1:\d+\//.exec(line.toString())[0];
});
after(() => server.kill());

async function audit(url) {
  const { stdout } = await promisify(execFile)(`${root}node_modules/.bin/lighthouse`, [url,
    '--only-categories=accessibility,best-practices', '--output=json', '--output-path=stdout', '--quiet',
    '--chrome-flags=--headless=new --no-sandbox --disable-gpu --no-first-run --disable-background-networking'],
  { env: { ...process.env, CHROME_PATH: '/usr/bin/chromium' }, maxBuffer: 64 * 1024 * 1024 });
  return JSON.parse(stdout);
}

for (const [name, fragment] of [['the page', ''], ['the embedded page', '#embed'], ['the rules workbench', 'rules.html']]) {
  test(`Lighthouse: ${name} scores 100 for accessibility and best practices`, async () => {
    const report = await audit(base + fragment);
    assert.equal(report.runtimeError, undefined, JSON.stringify(report.runtimeError));
    for (const id of ['accessibility', 'best-practices']) {
      const category = report.categories[id];
      const failing = category.auditRefs.filter((ref) => ref.weight > 0 && report.audits[ref.id].score !== 1)
        .map((ref) => `${ref.id}: ${report.audits[ref.id].title}`);
      assert.deepEqual({ score: category.score, failing }, { score: 1, failing: [] }, id);
    }
  });
}
