// The staff page (批量测算, dist/batch.html): a roster file chosen or dropped is decoded and fed to the engine's roster
// run a slice at a time in a worker, so the page never freezes (where the browser allows no worker, here, between
// frames); a progress bar counts the rows and the run can be cancelled; then the summary, the rows with problems and
// a preview are shown and the result is saved as a CSV that Excel and WPS open. Nothing leaves the device; cell
// text reaches the page only as textContent.
import YibaoFields from './fields.js';
import YibaoFormat from './format.js';

(function () {
  'use strict';

  const CSV = 'text/csv;charset=utf-8';
  // The first flag column the engine adds, for a ruleset with amounts or dates carried from an earlier year or not
  // published (暂按往年标准 and 未公布; English headers: provisional, unknown).
  const FLAG_COLUMNS = ['暂按往年标准', 'provisional'];
  const AMOUNT_COLUMNS = ['个人缴费', '政府补助', 'individual_yuan', 'subsidy_yuan'];
  const FAILED_SHOWN = 200;  // a longer table tells no more, and costs a long layout on a phone
  const $ = YibaoFields.byId;
  let engine = null;
  let chosen = null;  // the file last chosen: run again when the city or the date changes
  let settings = '';  // the city and date of the last run: a change event that changes neither is no reason
  let runId = 0;      // a newer run stops older ones at their next step
  let stop = null;    // ends the run under way at once (cancelled, or superseded by a newer one)
  let workers = null;  // a promise of the ready workers, started once the page is ready; null after they were stopped
  let result = null;  // { parts: [a Blob], name } of the last finished run, for 下载结果
  let tables = 0;     // for unique caption ids
  let listing = null;  // a ruleset by id, as the engine lists it

  const { todayIso, amountText, sentence, amountLine } = YibaoFormat;
  const { el, fill, setError: showError, fieldOf, download } = YibaoFields;

  // A macrotask rather than setTimeout(0), which browsers stretch to 4 ms after a few rounds.
  const channel = new MessageChannel();
  const waiting = [];
  channel.port1.onmessage = () => waiting.shift()();
  const tick = () => new Promise((resolve) => { waiting.push(resolve); channel.port2.postMessage(null); });

  // `parts` (UTF-8 bytes, or strings the Blob writes as UTF-8) already hold the BOM and CRLF line ends.
  const save = (name, parts) => download(name, parts, CSV);

  // ---- errors at their field ----

  const setError = (control, text) => showError(fieldOf(control), text);

  function status(text, state) {
    fill($('batch-status'), text);
    $('batch').dataset.state = state;
  }

  function stopped() {
    stop = null;
    $('batch-running').hidden = true;
    status('', 'error');
  }

  function failFile(text) {
    setError($('batch-file'), text);
    stopped();
  }

  // ---- the run ----

  // The bar and the rows done: the first rows at once, then five times a second at most, as each change costs a frame
  // and a frame costs the workers CPU time (a 100,000-row roster's summary came 20 ms later when each slice was
  // shown). The spoken status changes at whole tens, so a screen reader is not told every step.
  let progressShown = 0;
  function progress(done, rows) {
    const now = performance.now();
    if (done > 0 && done < 1 && now - progressShown < 200) return;
    progressShown = done > 0 ? now : 0;
    const bar = $('batch-progress');
    const percent = Math.floor(done * 10) * 10;
    bar.value = done;
    $('batch-rows').textContent = `已算${rows}行`;
    if (bar.dataset.percent !== String(percent)) {
      bar.dataset.percent = percent;
      status(`正在测算，已完成${percent}%……`, 'running');
    }
  }

  // A roster of this size or more is cut into one part per worker, run side by side and joined by the engine.
  const CUT_BYTES = 1 << 19;

  // One roster run on `engine`, of a roster's bytes (UTF-8, or GBK when the engine's plan says so, then decoded and
  // encoded slice by slice) fed to it as UTF-8, the BOM left to the engine, in slices of 192 KB that may end inside a
  // character (the engine joins them). Run as part `options.index` of `options.parts`, it plans the cuts as the
  // engine's rosterPlan says and runs only its own part, a later one as rosterStart and rosterLine say; where the plan
  // has no cut, the first part runs the whole roster and the others answer {idle: true}. Each output part goes to
  // `report` with the bytes of its part done and the rows read, and `pause()` is awaited between slices (false: stop).
  // Bytes, not a string: a string would be encoded to UTF-8 and copied once more on its way into the engine.
  // The answer: {problem} (the engine's errors JSON), {summary, preview, line, startLine, cut}, {idle}, {workbook}
  // for an Excel file, or null when stopped. It uses nothing around it: the workers run its source text.
  async function runRoster(engine, bytes, options, report, pause) {
    // An .xlsx is a zip file, an .xls an OLE file: their first bytes say so.
    const workbooks = [[0x50, 0x4b, 0x03, 0x04], [0xd0, 0xcf, 0x11, 0xe0]];
    if (workbooks.some((magic) => magic.every((b, i) => bytes[i] === b))) return { workbook: true };
    const { gbk, cut } = JSON.parse(engine.rosterPlan(bytes, options.parts));
    const index = cut ? options.index : 0;
    if (index !== options.index) return { idle: true };
    const starts = [0, ...(cut ? cut.cuts.map((c) => c.at) : []), bytes.length];
    const [from, to] = [starts[index], starts[index + 1]];
    const more = index < starts.length - 2;
    const decoder = gbk ? new TextDecoder('gbk') : null;
    const encoder = new TextEncoder();
    const utf8 = (slice, last) => (decoder ? encoder.encode(decoder.decode(slice, { stream: !last })) : slice);
    const header = index ? utf8(bytes.subarray(0, cut.header), true) : '';  // decoded whole, before the part's own stream
    const problem = engine.rosterStart(options.ruleset, options.date, true, header, index ? cut.cuts[index - 1].line : 1);
    if (problem) return { problem };
    const startLine = engine.rosterLine();
    for (let at = from; at < to;) {
      const end = Math.min(at + 196608, to);
      report(engine.rosterFeed(utf8(bytes.subarray(at, end), end === to && !more)).slice(), end - from, engine.rosterRows());  // a copy: the view is reused
      at = end;
      if (!(await pause())) return null;
    }
    if (!more) report(engine.rosterFinish().slice(), to - from, engine.rosterRows());
    return { summary: engine.rosterSummary(), preview: engine.rosterPreview(), line: engine.rosterLine(), startLine, cut };
  }

  // The worker's script: given the compiled module and the rulesets, it starts the staff engine; then each message
  // is a roster file and the options of the part to run, answered by its progress, its output in Blobs and the run's
  // end; or the summaries and previews of a roster's parts, answered by their join.
  function workerMain(run) {
    let instance = null;
    // {summary, preview} of each part, in order: one of the whole, as the engine joins them.
    const join = (parts) => parts.reduce((first, later) => {
      const joined = JSON.parse(instance.rosterJoin(first.summary, first.preview, later.summary, later.preview));
      return { summary: JSON.stringify(joined.summary), preview: JSON.stringify(joined.preview) };
    });
    // Browsers run wasm first as their baseline compiler made it, and optimise a function only once it has run a
    // while, in the background: a clerk's first roster ran mostly unoptimised while 240 ms of optimising went on
    // beside it (Chromium's trace, 100,000 rows). So the worker, once ready, runs each ruleset's sample roster (the
    // engine's, every word and date form each column takes, and cells it cannot read) a few thousand rows' worth, and
    // the roster the clerk chooses later finds the engine's every branch optimised. Its answers are dropped.
    const WARM_UP_ROWS = 2000;
    function warmUp(rulesetIds) {
      for (const id of rulesetIds) {
        const sample = instance.rosterSample(id).slice();
        const [header, ...rows] = new TextDecoder().decode(sample).split('\r\n').filter(Boolean);
        if (!rows.length || instance.rosterStart(id, '2024-01-01', true, '', 1)) continue;
        const text = `${header}\r\n${`${rows.join('\r\n')}\r\n`.repeat(Math.ceil(WARM_UP_ROWS / rows.length))}`;
        const bytes = new TextEncoder().encode(text);  // bytes, as a roster is fed
        instance.rosterPlan(bytes, 2);
        instance.rosterFeed(bytes);
        instance.rosterFinish();
        const ended = { summary: instance.rosterSummary(), preview: instance.rosterPreview() };
        join([ended, ended]);
      }
    }
    self.onmessage = async ({ data }) => {
      if (data.module) {
        instance = await createYibaoBatch({
          instantiateWasm(imports, done) {
            WebAssembly.instantiate(/** @type {WebAssembly.Module} */ (data.module), imports).then((made) => done(made, data.module));
            return {};
          },
        });
        const { rulesets } = JSON.parse(instance.loadCompactRulesets(data.rulesets));
        self.postMessage({ ready: true });
        warmUp(rulesets.map((r) => r.id));
        return;
      }
      if (data.join) {
        let joined;
        try {
          joined = join(data.join);
        } catch {
          joined = { failed: true };
        }
        self.postMessage({ end: joined });
        return;
      }
      // The file is read here, beside the other workers, and its every byte left off the page's thread; or its bytes
      // come from the page, where a worker may not read it.
      let bytes;
      try {
        bytes = new Uint8Array(data.bytes || await data.file.arrayBuffer());
      } catch {
        self.postMessage({ end: { unreadable: true } });
        return;
      }
      // The output goes to the page as Blobs of 4 MB or so, made here rather than on the page's thread: the browser
      // took about as long to take a Blob in as to copy 0.5 MB, and one per slice cost each worker 10 ms of 100.
      const held = [];
      let heldBytes = 0;
      let [done, rows] = [0, 0];
      // The progress, with the output held so far when `flush` says.
      const send = (flush) => {
        self.postMessage({ part: flush && held.length ? new Blob(held.splice(0)) : null, done, rows });
        if (flush) heldBytes = 0;
      };
      // An exception (the engine aborted, out of memory, say) would end this handler's promise unseen by the page.
      let end;
      try {
        end = await run(instance, bytes, data.options, (part, at, read) => {
          held.push(part);
          heldBytes += part.length;
          [done, rows] = [at, read];
          send(heldBytes >= 1 << 22);
        }, async () => true);
        send(true);
      } catch {
        end = { failed: true };
      }
      self.postMessage({ end });
    };
  }

  // A worker from the page's own engine script (#engine-js) and workerMain, given the compiled module and the
  // rulesets' bytes, ready once its engine is; rejected where the browser allows none (its CSP, a file:// restriction).
  function startWorker() {
    return Promise.all([YibaoBoot.module, YibaoBoot.rulesets]).then(([module, rulesets]) => new Promise((resolve, reject) => {
      const source = `${$('engine-js').textContent}\n(${workerMain})(${runRoster});`;
      const url = URL.createObjectURL(new Blob([source], { type: 'text/javascript' }));
      const made = new Worker(url);
      made.onerror = (event) => {
        event.preventDefault();
        reject(new Error(event.message));
      };
      made.onmessage = ({ data }) => {
        URL.revokeObjectURL(url);
        if (data.ready) resolve(made);
      };
      made.postMessage({ module, rulesets });
    }));
  }

  // One worker per core, up to four: a roster's parts run side by side.
  const startWorkers = () => Promise.all(Array.from({ length: Math.min(4, Math.max(1, navigator.hardwareConcurrency || 1)) },
    startWorker));

  // A message to a worker (a part of a roster to run, which it reads from the file itself, or parts to join);
  // resolves to its end (runRoster's answer, {failed: true} when it threw, {unreadable: true} when the file could not
  // be read, the join), {failed: true} when the worker itself failed, or null once stopped.
  function inWorker(ready, message, report, stopping, transfer = []) {
    return new Promise((resolve) => {
      stopping.push(() => resolve(null));
      const end = (answer) => {
        ready.onmessage = ready.onerror = null;  // nor does the worker keep what this run holds (its output)
        resolve(answer);
      };
      ready.onmessage = ({ data }) => ('end' in data ? end(data.end) : report(data.part, data.done, data.rows));
      ready.onerror = (event) => {
        event.preventDefault();
        end({ failed: true });
      };
      ready.postMessage(message, transfer);
    });
  }

  // Runs the roster file in the workers, a part in each when it is large, or where there can be none, here between
  // frames. `report(part, done, rows)` gets each output part in order of the roster (the share done of the whole
  // and the rows read); the answer is runRoster's, joined over the parts, or {unreadable: true}.
  async function runAnywhere(id, file, options, report) {
    // A part's end without a summary: the run failed, or the file is unreadable or not a CSV roster.
    const ended = (e) => e.failed || e.problem || e.unreadable || e.workbook;
    let ready = null;
    try {
      ready = await (workers || (workers = startWorkers()));
    } catch {
      workers = Promise.reject(new Error('no worker'));
      workers.catch(() => {});
    }
    if (id !== runId) return null;
    $('batch').dataset.runner = ready ? 'worker' : 'page';
    const size = file.size;
    // The file's bytes read here (an ArrayBuffer), or null where it cannot be read.
    const read = () => file.arrayBuffer().catch(() => null);
    if (!ready) {
      const buffer = await read();
      if (!buffer) return { unreadable: true };
      if (id !== runId) return null;
      stop = () => {};  // the next pause sees the newer runId
      $('batch').dataset.parts = '1';
      return runRoster(engine, new Uint8Array(buffer), { ...options, parts: 1, index: 0 }, (part, done, rows) => report(part, done / size, rows),
        async () => { await tick(); return id === runId; }).catch(() => ({ failed: true }));
    }
    const stopping = [];
    stop = () => {
      for (const made of ready) made.terminate();
      workers = null;
      for (const stopped of stopping) stopped();
    };
    // Each worker reads the file itself. WebKit lets none read it from a page opened from file:// (NotReadableError):
    // then the page reads it, and each worker is given a copy of its bytes.
    let bytes = null;
    const source = () => {
      if (!bytes) return { given: { file }, transfer: [] };
      const copy = bytes.slice(0);  // kept whole here: a roster whose parts do not meet is run again
      return { given: { bytes: copy }, transfer: [copy] };
    };
    // Each part's output is kept until all are done, then handed on in the roster's order; `done` is bytes. The
    // answer: the parts that ran, or {answer} when a run was stopped (null) or failed.
    const inParts = async (count) => {
      const outputs = Array.from({ length: count }, () => []);
      const done = outputs.map(() => 0);
      const rows = outputs.map(() => 0);
      const sum = (list) => list.reduce((a, b) => a + b, 0);
      const ends = await Promise.all(outputs.map((output, i) => {
        const { given, transfer } = source();
        return inWorker(ready[i], { ...given, options: { ...options, parts: count, index: i } }, (part, at, read) => {
          if (part) output.push(part);
          done[i] = at;
          rows[i] = read;
          report(null, sum(done) / size, sum(rows));
        }, stopping, transfer);
      }));
      if (ends.includes(null)) return { answer: null };
      const failed = ends.find(ended);
      if (failed) return { answer: failed };
      const ran = ends.flatMap((e, i) => (e.idle ? [] : [i]));
      return { ends: ran.map((i) => ends[i]), outputs: ran.flatMap((i) => outputs[i]), rows: sum(rows) };
    };
    // A roster of CUT_BYTES or more is cut where the engine's plan says, a part per worker. Each part must start where
    // the one before it ended, between records; else the roster is run whole.
    const met = (ends) => ends.length === 1 || ends[0].cut.cuts.every((c, i) => ends[i].line === c.line && ends[i + 1].startLine === c.line);
    const count = size >= CUT_BYTES ? ready.length : 1;
    let ran = await inParts(count);
    if (ran.answer && ran.answer.unreadable) {
      bytes = await read();
      if (!bytes) return ran.answer;
      if (id !== runId) return null;
      ran = await inParts(count);
    }
    if (!('answer' in ran) && !met(ran.ends)) ran = await inParts(1);
    if ('answer' in ran) return ran.answer;
    $('batch').dataset.parts = String(ran.ends.length);
    for (const part of ran.outputs) report(part, 1, ran.rows);
    if (ran.ends.length === 1) return ran.ends[0];
    // Joined in a worker, whose engine has done it before (the page's would compile it now).
    return inWorker(ready[0], { join: ran.ends.map(({ summary, preview }) => ({ summary, preview })) }, () => {}, stopping);
  }

  async function run() {
    if (stop) stop();
    const id = ++runId;
    const file = chosen;
    if (!file) return;
    settings = currentSettings();
    $('batch-result').hidden = true;
    result = null;
    setError($('batch-file'), '');
    setError($('batch-date'), '');
    $('batch-running').hidden = false;
    $('batch-progress').removeAttribute('data-percent');
    progress(0, 0);

    const parts = [];  // the output so far, a Blob of each part as it comes: handed to the browser during the run
    const options = { ruleset: $('batch-ruleset').value, date: $('batch-date').value.trim() };
    const end = await runAnywhere(id, file, options, (part, done, rows) => {
      if (part) parts.push(part instanceof Blob ? part : new Blob([part]));
      if (id === runId) progress(done, rows);
    });
    if (id !== runId || !end) return;
    stop = null;
    if (end.unreadable) {
      failFile(`无法读取文件“${file.name}”。请确认文件还在原处、没有被其他程序占用，然后重新选择。`);
      return;
    }
    if (end.workbook) {
      failFile('这是 Excel 工作簿，不是 CSV 文件。请在 Excel 或 WPS 中点“另存为”，选择“CSV（逗号分隔）”格式保存后再选择。');
      return;
    }
    if (end.failed) {
      // The engines may be left in any state: new workers for the next run.
      if (workers) for (const made of await workers.catch(() => [])) made.terminate();
      workers = null;
      failFile('测算没有完成：处理这份名单时程序出错了。请重新选择文件再试一次；如果仍然出错，可以把名单分成几个较小的文件分别测算。');
      return;
    }
    if (end.problem) {
      for (const e of JSON.parse(end.problem).errors) {
        setError($(e.path === '/payment_date' ? 'batch-date' : 'batch-file'), e.message);
      }
      stopped();
      return;
    }
    show(JSON.parse(end.summary), JSON.parse(end.preview), parts, file.name);
  }

  // 取消: the run under way ends at once; what was chosen stays, and choosing again starts anew.
  function cancel() {
    if (!stop) return;
    stop();
    stop = null;
    runId++;
    $('batch-running').hidden = true;
    status('已取消测算。重新选择文件（或更改参保地、缴费日期）会重新开始。', 'cancelled');
    $('batch-file').focus();
  }

  // ---- the answer ----

  // A table in a box that scrolls sideways on a narrow screen; the box takes focus so a keyboard can scroll it.
  function table(caption, head, rows) {
    const id = `batch-caption-${++tables}`;
    return el('div', { class: 'scroll', tabindex: '0', role: 'region', 'aria-labelledby': id },
      el('table', null, el('caption', { id }, caption),
        el('thead', null, el('tr', null, head.map((text) => el('th', { scope: 'col' }, text)))),
        el('tbody', null, rows.map((cells) => el('tr', null, cells.map((text) => el('td', null, text)))))));
  }

  function show(summary, preview, parts, fileName) {
    $('batch-running').hidden = true;
    const headerProblem = summary.rows_failed === 0 && summary.errors.length > 0;
    if (headerProblem || summary.rows_read === 0) {
      const why = headerProblem ? summary.errors.flatMap((e) => e.messages).join('；') : '文件里没有人员信息（只有表头）';
      failFile(`${why}。请对照模板检查后重新选择文件。`);
      return;
    }
    const t = summary.totals;
    const failed = summary.rows_failed;
    // An amount of the ruleset carried from an earlier year makes its sums 约…元; a sum that includes an amount not
    // published is none (null): 尚未公布, never added up.
    const r = listing(summary.ruleset);
    const carried = (fact) => r.fees.some((f) => f.provisional.some((p) => p.fact === fact));
    const sum = (fen, fact) => amountText(fen, carried(fact));
    const said = (fen, fact, label) => (fen === null ? `${label}尚未公布，没有合计` : `${label}合计${sum(fen, fact)}`);
    status(`测算完成：共${summary.rows_read}行，算出${summary.rows_estimated}行` +
      (failed ? `，${failed}行有问题未算出。` : '。') +
      `${said(t.individual_fen, 'individual_fen', '个人缴费')}，${said(t.subsidy_fen, 'subsidy_fen', '政府补助')}。`, 'done');

    const categories = summary.categories.map((c) => [c.label, `${c.count}人`,
      sum(c.individual_fen, 'individual_fen'), sum(c.subsidy_fen, 'subsidy_fen')]);
    categories.push(['合计', `${t.count}人`, sum(t.individual_fen, 'individual_fen'), sum(t.subsidy_fen, 'subsidy_fen')]);
    const flagged = preview.header.some((h) => FLAG_COLUMNS.includes(h));
    const flags = [...new Set([...r.fees.flatMap((f) => f.provisional).map(amountLine),
      ...[...r.fees.flatMap((f) => f.unknown), ...r.collection.unknown, ...r.continuity_deadline.unknown].map((u) => sentence(u.text))])];
    const blocks = [
      flags.length ? el('div', { class: 'flags' }, el('strong', null, `注意：${r.year}年度的标准还没有全部公布`),
        ...flags.map((text) => el('p', null, text)),
        flagged ? el('p', null, '下载结果的“暂按往年标准”和“未公布”两列写明了每个人用到的往年标准和尚未公布的标准；' +
          '尚未公布的金额是空白，没有算进合计。') : '') : '',
      table('各类别人数和金额', ['类别', '人数', '个人缴费', '政府补助'], categories),
      el('p', null, `有待遇等待期（缴费后要等一段时间才能报销）的${summary.waiting_period}人；` +
        `本年度享受不到医保待遇的${summary.no_cover}人。` +
        (summary.start_unknown ? `待遇开始日期要看尚未公布的集中缴费期截止日期的${summary.start_unknown}人` +
          '（两种情况的开始日期见下载结果的“未公布”列）。' : '')),
    ];
    if (failed) {
      const listed = summary.errors.slice(0, FAILED_SHOWN);
      const reasons = listed.map((e, i) => [String(e.line), preview.failed_names[i] || '',
        e.messages.map((m) => m.replace(/^第\d+行 ?[:：]? ?/, '')).join('；')]);
      const more = failed > listed.length ? `（只列出前${listed.length}行，其余见下载结果的“提示”列）` : '';
      blocks.push(el('p', { class: 'alert' }, el('strong', null, `⚠ 有${failed}行没有算出来`),
        `原因见下表${more}。可以在原表中改正后重新选择文件；下载的结果里这些行的“提示”列也写明了原因。`));
      blocks.push(table('有问题的行', ['行号', '姓名', '原因'], reasons));
    }
    if (preview.rows.length) {
      // The columns the engine added: 类别 … 提示, with one per fee part and add-on, and the flag columns.
      const columns = [preview.name_column, ...preview.header.map((_, i) => i).slice(-preview.added)].filter((i) => i >= 0);
      // The rows shown were estimated: an empty amount is one not published.
      const cell = (row, i) => (row[i] === '' && AMOUNT_COLUMNS.includes(preview.header[i]) ? '尚未公布' : row[i]);
      blocks.push(table(`测算结果预览（前${preview.rows.length}行）`,
        columns.map((i) => preview.header[i]), preview.rows.map((row) => columns.map((i) => cell(row, i)))));
    }
    $('batch-tables').replaceChildren(...blocks);
    const base = fileName.replace(/\.csv$/i, '');
    // One Blob of the parts' Blobs (no copy), which then go: the output is held once, by the browser (which may keep
    // a large one on disk), not twice.
    result = { parts: [new Blob(parts)], name: `医保测算结果-${base}.csv` };
    parts.length = 0;
    $('batch-download-hint').textContent = `保存为“${result.name}”，可用 Excel 或 WPS 打开。`;
    $('batch-result').hidden = false;
  }

  // ---- start ----

  const currentSettings = () => `${$('batch-ruleset').value} ${$('batch-date').value.trim()}`;

  function rerun() {
    if (currentSettings() !== settings) run();
  }

  function choose(file) {
    chosen = file;
    run();
  }

  function start(detail) {
    engine = detail.engine;
    listing = detail.listing;
    const select = $('batch-ruleset');
    select.replaceChildren(...detail.rulesets.map((r) => new Option(`${r.region}（${r.year}年度）`, r.id)));
    select.value = detail.ruleset;
    const date = $('batch-date');
    date.value = todayIso();
    select.addEventListener('input', rerun);
    date.addEventListener('change', rerun);

    const input = $('batch-file');
    input.addEventListener('change', () => { if (input.files[0]) choose(input.files[0]); });
    // A browser reports no change when the file chosen is the one chosen before (saved again after a fix, or after a
    // run that failed): the input is emptied as its dialog opens, so that choosing it again runs it again.
    input.addEventListener('click', () => { input.value = ''; });
    const zone = $('batch-drop');
    zone.addEventListener('dragover', (event) => { event.preventDefault(); zone.classList.add('over'); });
    zone.addEventListener('dragleave', () => zone.classList.remove('over'));
    zone.addEventListener('drop', (event) => {
      event.preventDefault();
      zone.classList.remove('over');
      const file = event.dataTransfer.files[0];
      if (!file) return;
      input.files = event.dataTransfer.files;  // the file input then names the dropped file too
      choose(file);
    });

    select.addEventListener('input', () => showColumns(select.value));
    showColumns(select.value);
    // The engine's template for the chosen ruleset, with its BOM and CRLF: a copy, as the view is reused.
    $('batch-template').addEventListener('click', () => save('医保批量测算模板.csv', [engine.rosterTemplate(select.value).slice()]));
    $('batch-download').addEventListener('click', () => { if (result) save(result.name, result.parts); });
    $('batch-cancel').addEventListener('click', cancel);
  }

  // Under 下载模板, what each column of the chosen ruleset's template takes, in the engine's words.
  function showColumns(id) {
    const r = listing(id);
    const { columns } = JSON.parse(engine.rosterColumns(id));
    $('batch-columns').replaceChildren(el('p', null, `${r.region}${r.year}年度的模板各列这样填：`),
      el('dl', null, columns.flatMap((c) => [el('dt', null, c.header), el('dd', null, c.words)])));
  }

  // The ruleset the page opens with: the one a link names (the family page's #ruleset=ID), else of the first city
  // the latest year whose collection holds today (in autumn: next year's), else the latest.
  function opening(rulesets) {
    const named = /^#ruleset=(.+)$/.exec(location.hash);
    const wanted = named && decodeURIComponent(named[1]);
    if (rulesets.some((r) => r.id === wanted)) return wanted;
    const today = todayIso();
    const city = rulesets.filter((r) => r.region === rulesets[0].region).sort((a, b) => b.year - a.year);
    const open = city.find((r) => (!r.collection.opens || r.collection.opens <= today) && today <= r.collection.closes);
    return (open || city[0]).id;
  }

  // The engine (the staff page's build, with the roster run) from the module web/boot.js compiled while the page
  // loaded, once the document is parsed (the engine's script comes after the page's).
  async function boot() {
    if (document.readyState === 'loading') {
      await new Promise((parsed) => document.addEventListener('DOMContentLoaded', parsed));
    }
    const [instance, rulesets] = await Promise.all([YibaoBoot.engine(createYibaoBatch), YibaoBoot.rulesets]);
    const loaded = JSON.parse(instance.loadCompactRulesets(rulesets));
    YibaoFields.showRulesetErrors($('ruleset-errors'), loaded);
    if (!loaded.rulesets.length) {
      document.body.dataset.state = 'unavailable';
      return;
    }
    const listings = new Map();
    const listed = (id) => {
      if (!listings.has(id)) listings.set(id, JSON.parse(instance.ruleset(id)).ruleset);
      return listings.get(id);
    };
    start({ engine: instance, rulesets: loaded.rulesets, listing: listed, ruleset: opening(loaded.rulesets) });
    // The workers start now, so that a roster chosen finds them ready; runAnywhere() deals with a refusal.
    workers = startWorkers();
    workers.catch(() => {});
    $('app').hidden = false;
    document.body.dataset.state = 'ready';
  }

  // A saved copy of the page holds the last run's screen: start from a clean one.
  delete document.body.dataset.state;
  $('app').hidden = true;
  $('unsupported').hidden = true;
  $('ruleset-errors').hidden = true;
  $('batch-result').hidden = true;
  $('batch-running').hidden = true;
  $('batch-status').textContent = '';
  delete $('batch').dataset.state;
  if (typeof WebAssembly !== 'object') YibaoFields.unsupported('不支持 WebAssembly');
  else if (typeof DecompressionStream !== 'function') YibaoFields.unsupported('不支持解压功能');
  else boot().catch((error) => YibaoFields.unsupported(`程序加载失败：${error && error.message ? error.message : error}`));
})();
