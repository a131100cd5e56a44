// The page's core paths in the three browser engines people use: WebKit (Safari and every iOS browser, WeChat's on
// iPhone included; WebKitGTK through tests/web/webkit.py under xvfb), Firefox (firefox-esr through puppeteer-core
// over WebDriver BiDi) and Chromium (playwright-core). Each opens dist/yibao.html from file:// and runs the same
// scenarios in the page: a Qingdao and a Shenyang household, the share link, 大字模式, 批量测算 with a roster file,
// and the layout at phone widths in both modes. A console error or a CSP report fails the run.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { after, before, describe, test } from 'node:test';
import puppeteer from 'puppeteer-core';
import { batchUrl, launch, pageUrl } from './browser.mjs';
import { layoutProblems } from './layout.mjs';

const here = new URL('.', import.meta.url).pathname;
const roster = readFileSync(new URL('../rosters/shenyang.csv', import.meta.url), 'utf8');
const work = mkdtempSync(join(tmpdir(), 'yibao-engines-'));

// In-page helpers the scenarios share, written once for both engines.
const HELPERS = `
const until = async (test, what) => {
  for (let i = 0; i < 400; i++) { if (test()) return; await new Promise((r) => setTimeout(r, 25)); }
  throw new Error('timed out waiting for ' + what);
};
const violations = [];
document.addEventListener('securitypolicyviolation', (e) => violations.push(e.violatedDirective + ' ' + e.blockedURI));
const set = (control, value) => {
  control.value = value;
  control.dispatchEvent(new Event('input', { bubbles: true }));
  control.dispatchEvent(new Event('change', { bubbles: true }));
};
const card = (n) => document.querySelectorAll('#members > li')[n];
const field = (scope, label) => [...scope.querySelectorAll('label')].find((l) => l.textContent.trim() === label).control;
const figures = (scope) => Object.fromEntries([...scope.querySelector('dl.figures').querySelectorAll('dt')]
  .map((dt) => [dt.textContent, dt.nextElementSibling.textContent]));
// Nothing scrolls sideways, and every control, hint and error of a card sits inside the card.
const layout = () => {
  const problems = [];
  if (document.documentElement.scrollWidth > document.documentElement.clientWidth + 1)
    problems.push('the page scrolls sideways by ' + (document.documentElement.scrollWidth - document.documentElement.clientWidth) + ' px');
  for (const li of document.querySelectorAll('#members > li')) {
    const box = li.getBoundingClientRect();
    for (const el of li.querySelectorAll('input, select, button, .hint, .error')) {
      const r = el.getBoundingClientRect();
      if (r.width && (r.left < box.left - 1 || r.right > box.right + 1)) problems.push((el.id || el.className) + ' sticks out of its card');
    }
  }
  return problems;
};
// Every figure, date and mark whole, on one line, inside the screen (tests/web/layout.mjs).
${layoutProblems}
await until(() => document.body.dataset.state, 'the page to start');
`;

// Each scenario: an async function body run in the page after HELPERS; it returns what the test checks.
const household = (city, paid, birth) => `
set(document.querySelector('#ruleset'), ${JSON.stringify(city)});
set(document.querySelector('#payment-date'), ${JSON.stringify(paid)});
set(field(card(0), '出生日期'), ${JSON.stringify(birth)});
await until(() => document.body.dataset.state === 'result' && figures(card(0)), 'the result');
return { figures: figures(card(0)), link: location.hash, violations };`;

const SCENARIOS = {
  qingdao: household('青岛市', '2027-02-15', '1980-05-01'),
  shenyang: household('沈阳市', '2026-03-10', '1980-05-01'),
  opened: `
await until(() => document.body.dataset.state === 'result', 'the result of the link');
return { figures: figures(card(0)), paid: document.querySelector('#payment-date').value, violations };`,
  large: `
const button = document.querySelector('#large-text');
button.click();
await until(() => button.getAttribute('aria-pressed') === 'true', 'large mode');
return { pressed: button.getAttribute('aria-pressed'), size: parseFloat(getComputedStyle(document.body).fontSize), violations };`,
  batch: `
set(document.querySelector('#batch-ruleset'), 'shenyang-2024');
set(document.querySelector('#batch-date'), '2023-11-01');
const input = document.querySelector('#batch-file');
const files = new DataTransfer();
files.items.add(new File([${JSON.stringify(roster)}], 'shenyang.csv', { type: 'text/csv' }));
input.files = files.files;
input.dispatchEvent(new Event('change', { bubbles: true }));
await until(() => document.querySelector('#batch').dataset.state === 'done', 'the roster');
return { status: document.querySelector('#batch-status').textContent, runner: document.querySelector('#batch').dataset.runner, violations };`,
  // The Qingdao household of the 2027 collection (a mother, a grandfather, a pupil, a student and a baby born
  // 2026-11-20, paying 2026-12-06) at the width the run gives, reasons open, in normal mode and 大字模式.
  widths: `
set(document.querySelector('#ruleset'), '青岛市');
set(document.querySelector('#payment-date'), '2026-12-06');
for (const name of ['老人', '中小学生', '大学生', '新生儿']) {
  [...document.querySelectorAll('#presets button')].find((b) => b.textContent === '+ ' + name).click();
}
await until(() => document.querySelectorAll('#members > li').length === 5, 'five members');
['1992-03-01', '1958-12-06', '2016-12-06', '2006-12-06', '2026-11-20'].forEach((birth, i) => set(field(card(i), '出生日期'), birth));
await until(() => document.body.dataset.state === 'result', 'the result');
for (const d of document.querySelectorAll('details')) d.open = true;
const normal = [...layout(), ...layoutProblems()];
document.querySelector('#large-text').click();
await new Promise((r) => setTimeout(r, 100));
return { normal, large: [...layout(), ...layoutProblems()], violations };`,
};

// WebKit: one process for the run (tests/web/webkit.py), a job a scenario, in turn.
let webkitServer;
let webkitQueue = Promise.resolve();
function startWebKit() {
  const child = spawn('xvfb-run', ['-a', `${here}webkit.py`], { stdio: ['pipe', 'pipe', 'inherit'] });
  const lines = createInterface({ input: child.stdout });
  let waiting = null;
  let output = [];
  lines.on('line', (line) => {
    output.push(line);
    if (waiting && (line.startsWith('RESULT ') || line.startsWith('ERROR '))) {
      const done = waiting;
      waiting = null;
      done(output);
      output = [];
    }
  });
  child.on('exit', (code) => waiting && waiting([...output, `ERROR webkit.py ended (${code})`]));
  return {
    run: (job) => new Promise((done) => {
      waiting = done;
      child.stdin.write(`${JSON.stringify(job)}\n`);
    }),
    close: () => new Promise((closed) => { child.on('exit', closed); child.stdin.end(); }),
  };
}
function webkit(scenario, { width = 1280, fragment = '', url = pageUrl } = {}) {
  const job = { url: url + fragment, width, script: HELPERS + SCENARIOS[scenario] };
  const lines = webkitQueue.then(() => {
    webkitServer ??= startWebKit();
    return webkitServer.run(job);
  });
  webkitQueue = lines.catch(() => {});
  return lines.then((output) => {
    const console = output.filter((l) => /^CONSOLE (ERROR|SECURITY)| CONSOLE (ERROR|SECURITY)/.test(l));
    const result = output.find((l) => l.startsWith('RESULT ') || l.startsWith('ERROR '));
    assert.ok(result.startsWith('RESULT '), `WebKit ${scenario}: ${result}`);
    assert.deepEqual(console, [], 'no console error in WebKit');
    return JSON.parse(result.slice('RESULT '.length));
  });
}

// Firefox (puppeteer) and Chromium (playwright): one browser for the file, a fresh page a scenario.
let firefox;
let chromium;
async function inPage(open, name, scenario, { width = 1280, fragment = '', url = pageUrl } = {}) {
  const { page, close } = await open(width);
  const errors = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(e.message));
  try {
    await page.goto(url + fragment);
    const result = await page.evaluate(`(async () => { ${HELPERS + SCENARIOS[scenario]} })()`);
    assert.deepEqual(errors, [], `no console error in ${name}`);
    return result;
  } finally {
    await close();
  }
}

const engines = {
  WebKit: webkit,
  Firefox: (scenario, options) => inPage(async (width) => {
    const page = await firefox.newPage();
    await page.setViewport({ width, height: 900 });
    return { page, close: () => page.close() };
  }, 'Firefox', scenario, options),
  Chromium: (scenario, options) => inPage(async (width) => {
    const context = await chromium.newContext({ viewport: { width, height: 900 } });
    return { page: await context.newPage(), close: () => context.close() };
  }, 'Chromium', scenario, options),
};

before(async () => {
  firefox = await puppeteer.launch({ browser: 'firefox', executablePath: '/usr/bin/firefox-esr', headless: true,
    userDataDir: mkdtempSync(join(work, 'firefox-')) });
  chromium = await launch();
});
after(async () => {
  if (webkitServer) await webkitServer.close();
  await firefox.close();
  await chromium.close();
  rmSync(work, { recursive: true, force: true });
});

for (const [name, run] of Object.entries(engines)) {
  describe(`the page in ${name}`, () => {
    test('a Qingdao adult paying 2027-02-15: 2026 amounts for 2027, three months\' wait', async () => {
      const { figures, violations } = await run('qingdao');
      assert.match(figures['个人缴费'], /482元/);
      assert.equal(figures['待遇开始'], '2027年5月1日');
      assert.deepEqual(violations, []);
    });

    test('a Shenyang adult paying 2026-03-10: 460元, the subsidy not published, from 2026-06-10', async () => {
      const { figures } = await run('shenyang');
      assert.match(figures['个人缴费'], /460元/);
      assert.match(figures['政府补助'], /尚未公布/);
      assert.equal(figures['待遇开始'], '2026年6月10日');
    });

    test('the share link opens the same household with the same figures', async () => {
      const made = await run('qingdao');
      assert.match(made.link, /^#v1\./);
      const opened = await run('opened', { fragment: made.link });
      assert.equal(opened.paid, '2027-02-15');
      assert.deepEqual(opened.figures, made.figures);
    });

    test('大字模式 switches on with larger text', async () => {
      const { pressed, size } = await run('large');
      assert.equal(pressed, 'true');
      assert.ok(size >= 20, `text ${size} px`);
    });

    test('the staff page (批量测算) estimates a roster file', async () => {
      const { status, runner, violations } = await run('batch', { url: batchUrl });
      assert.match(status, /测算完成/);
      assert.equal(runner, 'worker', 'off the main thread');
      assert.deepEqual(violations, []);
    });

    for (const width of [320, 360, 375, 1280]) {
      test(`at ${width} px, in normal mode and 大字模式, nothing sticks out or scrolls sideways, no figure or date breaks`, async () => {
        const { normal, large } = await run('widths', { width });
        assert.deepEqual(normal, [], 'normal mode');
        assert.deepEqual(large, [], '大字模式');
      });
    }
  });
}
