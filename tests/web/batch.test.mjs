// 批量测算: the staff page's wasm roster run against the CLI's golden outputs, then the staff page (dist/batch.html) in
// Chromium from file:// with the network cut off: a roster with bad rows, a GBK roster, the template, and the downloads.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { batchUrl, launch, openPage } from './browser.mjs';
import { loadEngine } from './engine.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const rosters = `${root}tests/rosters/`;
const engine = await loadEngine(undefined, 'yibao-batch');
const BOM = [0xef, 0xbb, 0xbf];
// A contract input with a folder (the page's template) is named from the source root.
const inputFile = (input) => (input.includes('/') ? root : rosters) + input;

// The CLI runs of tests/batch_contract.cmake: batch(CODE INPUT EXPECTED ${options} [more options]).
function contractRuns() {
  const cmake = readFileSync(`${root}tests/batch_contract.cmake`, 'utf8');
  const sets = Object.fromEntries([...cmake.matchAll(/^set\((\w+) ([^)]*)\)/gm)].map((m) => [m[1], m[2].split(' ')]));
  return [...cmake.matchAll(/^batch\((\d) (\S+) (\S+) \$\{(\w+)\}([^)]*)\)/gm)].map(([, code, input, expected, set, more]) => {
    const args = [...sets[set], ...more.trim().split(' ').filter(Boolean)];
    const value = (name) => args[args.indexOf(name) + 1];
    return { code: Number(code), input, expected, ruleset: value('--ruleset'), paymentDate: value('--payment-date'),
      encoding: args.includes('--encoding') ? value('--encoding') : 'detect', bom: args.includes('--bom') };
  });
}

// As the CLI reads: a UTF-8 BOM, else valid UTF-8, else GB18030. The BOM stays in the text, as the CLI's
// reader sees it (and so writes one back).
function decode(bytes, encoding) {
  if (encoding === 'gbk') return new TextDecoder('gbk').decode(bytes);
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return new TextDecoder('gbk').decode(bytes);
  }
}

// The roster through the engine in slices of `slice` characters; the output CSV and the summary.
function runRoster(text, { ruleset, paymentDate, bom }, slice = text.length) {
  assert.equal(engine.rosterStart(ruleset, paymentDate, bom, '', 1), '');
  const parts = [];
  for (let at = 0; at < text.length; at += slice) parts.push(Buffer.from(engine.rosterFeed(text.slice(at, at + slice))));
  parts.push(Buffer.from(engine.rosterFinish()));
  return { out: Buffer.concat(parts), summary: engine.rosterSummary() };
}

describe('the wasm roster gives the CLI golden outputs byte for byte', () => {
  const runs = contractRuns();
  test('every roster in tests/rosters is in the contract', () => {
    const inputs = readdirSync(rosters).filter((name) => name.endsWith('.csv'));
    assert.deepEqual([...new Set(runs.map((r) => r.input).filter((i) => !i.includes('/')))].sort(), inputs.sort());
  });

  for (const run of runs) {
    test(`${run.input} (${run.ruleset}, encoding ${run.encoding}) → expected/${run.expected}`, () => {
      const text = decode(readFileSync(inputFile(run.input)), run.encoding);
      const expected = readFileSync(`${rosters}expected/${run.expected}.csv`);
      const summaryFile = readFileSync(`${rosters}expected/${run.expected}.summary.json`, 'utf8');
      for (const slice of [text.length || 1, 7, 1]) {
        const { out, summary } = runRoster(text, run, slice);
        assert.ok(out.equals(expected), `output in slices of ${slice}`);
        assert.equal(`${JSON.stringify(JSON.parse(summary), null, 2)}\n`, summaryFile, `summary in slices of ${slice}`);
        assert.equal(JSON.parse(summary).ok, run.code === 0);
      }
    });
  }

  // As the staff page runs a large roster: cut into parts run apart, the later ones given the header and the line they
  // start on, their outputs put together and their summaries and previews joined by the engine.
  test('cut at any record boundary, in two parts joined, every roster gives the golden output and summary', () => {
    const preview = (text, run) => {
      runRoster(text, run);
      return engine.rosterPreview();
    };
    for (const run of runs.filter((r) => r.encoding === 'detect')) {
      const bytes = Buffer.from(decode(readFileSync(inputFile(run.input)), run.encoding));
      const expected = readFileSync(`${rosters}expected/${run.expected}.csv`);
      const whole = runRoster(bytes.toString(), run);
      const wholePreview = preview(bytes.toString(), run);
      let header = 0;
      let cuts = 0;
      for (let at = 1; at < bytes.length; at++) {
        engine.rosterStart(run.ruleset, run.paymentDate, run.bom, '', 1);
        const first = Buffer.from(engine.rosterFeed(bytes.subarray(0, at)));
        const line = engine.rosterLine();
        if (line < 2) continue;  // inside a record, or no record read yet (after a BOM)
        if (!header) {
          header = at;
          continue;
        }
        const firstSummary = engine.rosterSummary();
        const firstPreview = engine.rosterPreview();
        assert.equal(engine.rosterStart(run.ruleset, run.paymentDate, run.bom, bytes.subarray(0, header), line), '');
        assert.equal(engine.rosterLine(), line, `${run.input}: the later part starts on line ${line}`);
        const later = [Buffer.from(engine.rosterFeed(bytes.subarray(at))), Buffer.from(engine.rosterFinish())];
        assert.ok(Buffer.concat([first, ...later]).equals(expected), `${run.input} cut at byte ${at}`);
        const joined = JSON.parse(engine.rosterJoin(firstSummary, firstPreview, engine.rosterSummary(), engine.rosterPreview()));
        assert.deepEqual(joined.summary, JSON.parse(whole.summary), `${run.input} cut at byte ${at}: the summary`);
        assert.deepEqual(joined.preview, JSON.parse(wholePreview), `${run.input} cut at byte ${at}: the preview`);
        cuts++;
      }
      assert.ok(cuts > 0 || run.code === 1, run.input);
    }
  });

  test('bom: true starts the output with a BOM, as --bom does', () => {
    const { out } = runRoster(readFileSync(`${rosters}shenyang.csv`, 'utf8'),
      { ruleset: 'shenyang-2024', paymentDate: '2023-11-01', bom: true });
    assert.ok(out.equals(Buffer.concat([Buffer.from(BOM), readFileSync(`${rosters}expected/shenyang.csv`)])));
  });

  test('an unknown ruleset or a bad date is an error answer, not an abort; nothing runs', () => {
    const answer = JSON.parse(engine.rosterStart('beijing-2024', '2023-02-30', false, '', 1));
    assert.deepEqual(answer.errors.map((e) => [e.path, e.code]),
      [['/ruleset', 'unknown_ruleset'], ['/payment_date', 'invalid_date']]);
    assert.equal(engine.rosterFeed('出生日期\n1980-01-01\n').length, 0);
    assert.equal(engine.rosterFinish().length, 0);
  });

  test('the preview pairs each failed row with its name, in the order of the summary errors', () => {
    const { summary } = runRoster(readFileSync(`${rosters}bad-rows.csv`, 'utf8'),
      { ruleset: 'shenyang-2024', paymentDate: '2023-11-01', bom: false });
    const preview = JSON.parse(engine.rosterPreview());
    assert.equal(preview.name_column, 0);
    assert.equal(preview.failed_names.length, JSON.parse(summary).errors.length);
    assert.deepEqual(preview.failed_names.slice(0, 3), ['日期错', '没生日', '乱写']);
    assert.deepEqual(preview.rows.map((row) => row[0]), ['好人']);
  });
});

describe('the roster template and its column guide come from the engine, as the CLI writes them', () => {
  const templates = `${rosters}templates/`;
  for (const file of readdirSync(templates)) {
    const id = file.replace(/\.csv$/, '');
    test(`${id}: rosterTemplate gives \`yibao batch --template\`'s bytes`, () => {
      assert.ok(Buffer.from(engine.rosterTemplate(id)).equals(readFileSync(templates + file)));
    });
  }

  test('the guide names each column of the template and the words it takes, in the ruleset\'s own words', () => {
    const { columns } = JSON.parse(engine.rosterColumns('yuxi-hongta-2026'));
    const template = readFileSync(`${templates}yuxi-hongta-2026.csv`, 'utf8');
    assert.deepEqual(columns.map((c) => c.header).join(','), template.replace(/^\uFEFF/, '').split('\r\n')[0]);
    const groups = columns.find((c) => c.header === '特殊人群').words;
    assert.match(groups, /^无、“参保资助400元的对象（优抚对象、孤儿、特困人员等）”、/);
    assert.match(groups, /属于几个人群的，都写在这一格里，用“、”隔开$/);
  });

  // The staff page's workers run it before a roster comes, so that the browser has optimised the roster path.
  test('the sample roster of each ruleset reads through the engine, every row of it, most estimated', () => {
    for (const { id } of JSON.parse(engine.rulesets()).rulesets) {
      const sample = Buffer.from(engine.rosterSample(id));
      const { summary } = runRoster(sample.toString(), { ruleset: id, paymentDate: '2024-01-01', bom: false });
      const { rows_read: read, rows_estimated: estimated } = JSON.parse(summary);
      assert.equal(read, sample.toString().split('\r\n').length - 2, id);
      assert.ok(estimated > read / 2, `${id}: ${estimated} of ${read} rows estimated`);
    }
    assert.equal(engine.rosterSample('beijing-2024').length, 0);
  });

  test('an unknown ruleset gives no template and an error answer', () => {
    assert.equal(engine.rosterTemplate('beijing-2024').length, 0);
    assert.deepEqual(JSON.parse(engine.rosterColumns('beijing-2024')).errors.map((e) => e.code), ['unknown_ruleset']);
  });
});

test('the preview says how many columns the run added: an add-on\'s column is one of them', async () => {
  const choices = await loadEngine([`${root}tests/rulesets/choices-example.json`], 'yibao-batch');
  assert.equal(choices.rosterStart('choices-example', '2026-11-15', false, '', 1), '');
  choices.rosterFeed('姓名,出生日期,缴费档次,大病医疗互助\n母亲,1980-03-01,一档,参加\n');
  choices.rosterFinish();
  const preview = JSON.parse(choices.rosterPreview());
  assert.deepEqual(preview.header.slice(-preview.added),
    ['类别', '个人缴费', '政府补助', '大病医疗互助补充保险', '待遇开始', '待遇结束', '提示']);
  assert.equal(preview.rows.length, 1);
});

test('the family page\'s engine has no roster run: it is the staff page\'s', async () => {
  const family = await loadEngine();
  assert.equal(family.rosterStart, undefined);
  assert.equal(typeof engine.rosterStart, 'function');
});

describe('the staff page', () => {
  let browser;
  before(async () => { browser = await launch(); });
  after(() => browser.close());

  // Opens the page, runs `check`; then the page must have made no request but itself and logged no error.
  async function onPage(check, init) {
    const { context, page, requests, problems } = await openPage(browser, { url: batchUrl, init });
    try {
      await page.waitForSelector('#batch-ruleset option', { state: 'attached' });
      await check(page);
      assert.deepEqual([...new Set(requests)], [batchUrl]);
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }
  }

  // Chooses `file` (a path, or a file's name, type and bytes) for Shenyang paid 2023-11-01 (as the golden outputs)
  // and waits for the run to end.
  async function chooseFile(page, file) {
    await page.getByLabel('参保地').selectOption('shenyang-2024');
    await page.getByLabel('默认缴费日期').fill('2023-11-01');
    await page.getByLabel('选择名单文件').setInputFiles(file);
    await page.waitForSelector('#batch[data-state="done"], #batch[data-state="error"]');
  }
  // A roster of tests/rosters by its name.
  const choose = (page, name) => chooseFile(page, rosters + name);
  const HEADER = '姓名,出生日期,在校情况,特殊人群,上年度参保情况,缴费日期\r\n';

  async function download(page, button) {
    const [saved] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button }).click()]);
    const chunks = [];
    for await (const chunk of await saved.createReadStream()) chunks.push(chunk);
    return { name: saved.suggestedFilename(), bytes: Buffer.concat(chunks) };
  }

  const withBom = (file) => Buffer.concat([Buffer.from(BOM), readFileSync(`${rosters}expected/${file}`)]);

  test('bad rows: the summary, the failed rows first with their line numbers, and the download', () => onPage(async (page) => {
    await choose(page, 'bad-rows.csv');
    const status = await page.locator('#batch-status').textContent();
    assert.match(status, /共11行，算出1行，10行有问题/);
    assert.match(status, /个人缴费合计450元，政府补助合计640元/);
    assert.equal(await page.locator('#batch-status').getAttribute('aria-live'), 'polite');
    assert.equal(await page.locator('#batch').getAttribute('data-runner'), 'worker', 'the roster ran off the main thread');

    const tables = page.locator('#batch-tables table');
    const captions = await tables.locator('caption').allTextContents();
    assert.deepEqual(captions, ['各类别人数和金额', '有问题的行', '测算结果预览（前1行）']);
    const failed = await tables.nth(1).locator('tbody tr').evaluateAll((rows) =>
      rows.map((row) => [...row.cells].map((cell) => cell.textContent)));
    assert.equal(failed.length, 10);
    assert.deepEqual(failed[0], ['3', '日期错', '出生日期：“1980-02-30”不是有效日期']);
    assert.deepEqual(failed.map((row) => row[0]), ['3', '4', '5', '6', '7', '8', '9', '10', '11', '12']);
    assert.match(await page.locator('#batch-tables').textContent(), /有10行没有算出来/);

    const { name, bytes } = await download(page, '下载结果');
    assert.equal(name, '医保测算结果-bad-rows.csv');
    assert.deepEqual([...bytes.subarray(0, 3)], BOM);
    assert.doesNotMatch(bytes.toString(), /[^\r]\n/, 'every line ends with CRLF');
    assert.ok(bytes.equals(withBom('bad-rows.csv')));
  }));

  test('a GBK roster gives the same download as its UTF-8 twin', () => onPage(async (page) => {
    await choose(page, 'shenyang-gbk.csv');
    const gbk = await download(page, '下载结果');
    await choose(page, 'shenyang.csv');
    const utf8 = await download(page, '下载结果');
    assert.ok(gbk.bytes.equals(utf8.bytes));
    assert.ok(gbk.bytes.equals(withBom('shenyang.csv')));
    assert.equal(gbk.name, '医保测算结果-shenyang-gbk.csv');
  }));

  test('the template downloads as the engine\'s for the ruleset chosen, with its column guide under the button; an '
    + 'unusable header is flagged at the input', () => onPage(async (page) => {
      for (const id of ['shenyang-2024', 'yuxi-hongta-2026']) {
        await page.getByLabel('参保地').selectOption(id);
        const template = await download(page, '下载模板');
        assert.equal(template.name, '医保批量测算模板.csv');
        assert.ok(template.bytes.equals(readFileSync(`${rosters}templates/${id}.csv`)), id);
      }
      const guide = page.locator('#batch-columns');
      assert.match(await guide.locator('p').textContent(), /^玉溪市红塔区2026年度的模板各列这样填：$/);
      const { columns } = JSON.parse(engine.rosterColumns('yuxi-hongta-2026'));
      assert.deepEqual(await guide.locator('dt').allTextContents(), columns.map((c) => c.header));
      assert.deepEqual(await guide.locator('dd').allTextContents(), columns.map((c) => c.words));
      await page.getByLabel('参保地').selectOption('qingdao-2024');
      assert.deepEqual(await guide.locator('dt').allTextContents(),
        ['姓名', '出生日期', '在校情况', '缴费档次', '上年度参保情况', '缴费日期'], 'Qingdao: tiers, no 特殊人群');

      await choose(page, 'bad-header.csv');
      const input = page.getByLabel('选择名单文件');
      assert.equal(await input.getAttribute('aria-invalid'), 'true');
      assert.match(await input.getAttribute('aria-describedby'), /batch-file-error/);
      assert.match(await page.locator('#batch-file-error').textContent(), /缺少“出生日期”列/);
      assert.equal(await page.locator('#batch-result').isVisible(), false);
      assert.equal(await page.getByLabel('默认缴费日期').inputValue(), '2023-11-01', 'the choices stay');
    }));

  // The page feeds the engine slices of 192 KB: the first slice of this roster ends inside a character of a name.
  test('a roster longer than a slice, cut inside a character, downloads as the CLI writes it', () => onPage(async (page) => {
    const slice = 196608;
    const rows = Array.from({ length: 10000 }, (_, i) => `${i}号,1980-05-01,否,无,连续,2023-10-0${1 + (i % 9)}\r\n`).join('');
    // The first name grows by a three-byte 丽 until the slice's end falls inside one.
    let bytes = Buffer.from(HEADER + rows);
    assert.ok(bytes.length > 2 * slice);
    for (let name = '丽'; (bytes[slice] & 0xc0) !== 0x80; name += '丽') bytes = Buffer.from(`${HEADER}${name}${rows}`);
    const file = join(mkdtempSync(join(tmpdir(), 'yibao-slices-')), 'slices.csv');
    writeFileSync(file, bytes);
    await chooseFile(page, file);
    const cli = spawnSync(`${root}build/native/yibao`, ['batch', '--ruleset', 'shenyang-2024', '--payment-date', '2023-11-01', '--bom', file]);
    assert.equal(cli.status, 0, String(cli.stderr));
    assert.ok((await download(page, '下载结果')).bytes.equals(cli.stdout));
  }));

  // Workers that fail as window.failWorkers says: 'throw', the engine throws inside the worker (here handed a date
  // that is not a string; an abort, out of memory, throws the same way); 'error', the worker itself fires `error` at
  // the page (here after its first output part); 'unreadable', the worker cannot read the file it is handed.
  const failingWorkers = () => {
    const Real = window.Worker;
    window.Worker = class extends Real {
      constructor(...args) {
        super(...args);
        this.addEventListener('message', ({ data }) => {
          if (data.part && window.failWorkers === 'error') this.dispatchEvent(new ErrorEvent('error', { message: 'out of memory' }));
        });
      }
      postMessage(data, transfer) {
        if (data.options && window.failWorkers === 'throw') data.options.date = 20231101;
        if (data.file && window.failWorkers === 'unreadable') data.file = null;
        super.postMessage(data, transfer);
      }
    };
  };

  // A roster of 512 KB or more is cut into one part per worker (up to four), run side by side and joined: failed rows
  // and quoted line breaks on both sides of the cuts, in UTF-8 and in GBK, download as the CLI writes them, and the
  // summary counts the whole. A stray quote that misleads the cut makes the page run the roster whole. The same
  // where the workers may not read the file (WebKit from file://; here the file they are handed is none): the page
  // reads it and hands them its bytes.
  for (const how of ['', 'unreadable']) {
    test(`a large roster run in parts, one per worker, downloads and sums up as the CLI does${how ? ', the page reading it for workers that cannot' : ''}`, () => onPage(async (page) => {
      await page.evaluate((failing) => { window.failWorkers = failing; }, how);
      const rows = Array.from({ length: 16000 }, (_, i) => (i % 1000 === 999 ? `错${i},1980-02-30,否,无,连续,\r\n`
        : i % 777 === 0 ? `"多行\r\n${i}号",1980-05-01,否,无,连续,2023-10-01\r\n` : `${i}号,1980-05-01,否,无,连续,2023-10-0${1 + (i % 9)}\r\n`)).join('');
      const dir = mkdtempSync(join(tmpdir(), 'yibao-parts-'));
      const cores = await page.evaluate(() => Math.min(4, navigator.hardwareConcurrency || 1));
      const cases = [['parts.csv', Buffer.from(HEADER + rows), cores], ['stray.csv', Buffer.from(`${HEADER}张"三,1980-05-01,否,无,连续,\r\n${rows}`), 1]];
      cases.push(['parts-gbk.csv', spawnSync('iconv', ['-f', 'UTF-8', '-t', 'GB18030'], { input: cases[0][1] }).stdout, cores]);
      for (const [name, bytes, parts] of cases) {
        assert.ok(bytes.length > 512 * 1024);
        const file = join(dir, name);
        writeFileSync(file, bytes);
        await chooseFile(page, file);
        assert.equal(await page.locator('#batch').getAttribute('data-parts'), String(parts), `${name} in ${parts} parts`);
        const cli = spawnSync(`${root}build/native/yibao`, ['batch', '--ruleset', 'shenyang-2024', '--payment-date', '2023-11-01',
          '--bom', '--summary', join(dir, 'summary.json'), file], { maxBuffer: 1 << 26 });
        assert.equal(cli.status, 1, String(cli.stderr));
        assert.ok((await download(page, '下载结果')).bytes.equals(cli.stdout), name);
        const summary = JSON.parse(readFileSync(join(dir, 'summary.json'), 'utf8'));
        assert.match(await page.locator('#batch-status').textContent(),
          new RegExp(`^测算完成：共${summary.rows_read}行，算出${summary.rows_estimated}行，16行有问题未算出。`));
        const failed = await page.locator('#batch-tables table').nth(1).locator('tbody tr').evaluateAll((trs) =>
          trs.map((tr) => [tr.cells[0].textContent, tr.cells[1].textContent]));
        assert.deepEqual(failed, summary.errors.map((e, i) => [String(e.line), `错${i * 1000 + 999}`]), name);
      }
    }, failingWorkers));
  }

  // As a clerk chooses a file: through the input's own dialog.
  async function chooseInDialog(page, path) {
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByLabel('选择名单文件').click()]);
    await chooser.setFiles(path);
  }

  test('a run whose worker fails ends with a reason at the file, not a bar that never ends; choosing the same file '
    + 'again runs it', () => onPage(async (page) => {
    await page.getByLabel('参保地').selectOption('shenyang-2024');
    await page.getByLabel('默认缴费日期').fill('2023-11-01');
    for (const how of ['throw', 'error']) {
      await page.evaluate((failing) => { window.failWorkers = failing; }, how);
      await chooseInDialog(page, `${rosters}bad-rows.csv`);
      await page.waitForSelector('#batch[data-state="error"]');
      assert.match(await page.locator('#batch-file-error').textContent(), /^测算没有完成：处理这份名单时程序出错了。/, how);
      assert.equal(await page.locator('#batch-running').isVisible(), false, how);
      assert.equal(await page.locator('#batch-result').isVisible(), false, how);
      await page.evaluate(() => { window.failWorkers = ''; });
      await chooseInDialog(page, `${rosters}bad-rows.csv`);
      await page.waitForSelector('#batch[data-state="done"]');
      assert.match(await page.locator('#batch-status').textContent(), /共11行，算出1行，10行有问题/, how);
      assert.equal(await page.locator('#batch-file-error').textContent(), '', how);
      assert.ok((await download(page, '下载结果')).bytes.equals(withBom('bad-rows.csv')), how);
    }
  }, failingWorkers));

  // The output is held once: as one Blob (the browser's to keep, on disk when large), its parts dropped.
  test('after a run the page holds no copy of the output in its own memory; the download is whole', () => onPage(async (page) => {
    const rows = Array.from({ length: 30000 }, (_, i) => `人${i},1980-05-01,否,无,连续,2023-10-01`).join('\r\n');
    const cdp = await page.context().newCDPSession(page);
    await chooseFile(page, { name: 'held.csv', mimeType: 'text/csv', buffer: Buffer.from(`${HEADER}${rows}\r\n`) });
    await cdp.send('HeapProfiler.collectGarbage');
    const { backingStorageSize } = await cdp.send('Runtime.getHeapUsage');
    const { bytes } = await download(page, '下载结果');
    assert.ok(bytes.length > 2e6, `the output is ${bytes.length} bytes`);
    assert.ok(backingStorageSize < 0.1 * bytes.length, `the page's array buffers hold ${backingStorageSize} bytes after the run`);
    assert.equal(bytes.toString().split('\r\n').length, 30002, 'the header, every row and the last line end');
  }));

  // A long roster (200,000 rows of a generated file): its progress counts rows, and 取消测算 ends it at once.
  test('a long roster shows the rows done and can be cancelled; choosing again runs it to the end', () => onPage(async (page) => {
    const rows = Array.from({ length: 200000 }, (_, i) => `人${i},1980-05-01,否,无,,连续,`).join('\r\n');
    const file = { name: 'long.csv', mimeType: 'text/csv', buffer: Buffer.from(`姓名,出生日期,在校情况,特殊人群,缴费档次,上年度参保情况,缴费日期\r\n${rows}\r\n`) };
    await page.getByLabel('参保地').selectOption('shenyang-2024');
    await page.getByLabel('默认缴费日期').fill('2023-11-01');
    await page.getByLabel('选择名单文件').setInputFiles(file);
    await page.waitForFunction(() => /^已算[1-9]\d*行$/.test(document.getElementById('batch-rows').textContent));
    await page.getByRole('button', { name: '取消测算' }).click();
    assert.equal(await page.locator('#batch').getAttribute('data-state'), 'cancelled');
    assert.match(await page.locator('#batch-status').textContent(), /^已取消测算。/);
    assert.equal(await page.locator('#batch-result').isVisible(), false);
    assert.equal(await page.locator('#batch-running').isVisible(), false);
    await page.getByLabel('选择名单文件').setInputFiles(file);
    await page.waitForSelector('#batch[data-state="done"]', { timeout: 60000 });
    assert.match(await page.locator('#batch-status').textContent(), /共200000行，算出200000行。/);
  }));
});
