// 批量测算: a roster file chosen or dropped is decoded here and fed to the engine's Roster a slice at a time, so
// the page keeps painting; then the summary, the rows with problems and a preview are shown and the result is
// saved as a CSV that Excel and WPS open. Nothing leaves the device; cell text reaches the page only as textContent.
(function () {
  'use strict';

  const SLICE = 64 * 1024;  // characters fed per step: about 15 ms of work, so the page paints between steps
  const CSV = 'text/csv;charset=utf-8';
  // The columns the engine adds to each row: 类别 … 提示, and for a ruleset with amounts or dates carried from an
  // earlier year or not published, 暂按往年标准 and 未公布 (English headers: provisional, unknown).
  const ADDED = 6;
  const FLAG_COLUMNS = ['暂按往年标准', 'provisional'];
  const AMOUNT_COLUMNS = ['个人缴费', '政府补助', 'individual_yuan', 'subsidy_yuan'];
  const FAILED_SHOWN = 200;  // a longer table tells no more, and costs a long layout on a phone
  const $ = (id) => document.getElementById(id);
  let engine = null;
  let chosen = null;  // the file last chosen: run again when the city or the date changes
  let settings = '';  // the city and date of the last run: a change event that changes neither is no reason
  let runId = 0;      // a newer run stops older ones at their next step
  let result = null;  // { parts, name } of the last finished run, for 下载结果
  let tables = 0;     // for unique caption ids
  let listing = null;  // a ruleset by id, as the engine lists it (app.js)

  const { todayIso, yuan, sentence, amountLine } = YibaoFormat;
  const { el, fill, setError: showError, fieldOf, download } = YibaoFields;

  // A macrotask rather than setTimeout(0), which browsers stretch to 4 ms after a few rounds.
  const channel = new MessageChannel();
  const waiting = [];
  channel.port1.onmessage = () => waiting.shift()();
  const tick = () => new Promise((resolve) => { waiting.push(resolve); channel.port2.postMessage(null); });

  // `parts` (UTF-8 bytes, or strings the Blob writes as UTF-8) already hold the BOM and CRLF line ends.
  const save = (name, parts) => download(name, parts, CSV);

  // A UTF-8 BOM, else valid UTF-8, else GBK as Excel and WPS save on Chinese Windows (browsers read it as GB18030).
  function decode(bytes) {
    const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
    try {
      return new TextDecoder('utf-8', { fatal: !bom }).decode(bytes);
    } catch {
      return new TextDecoder('gbk').decode(bytes);
    }
  }

  // An .xlsx is a zip file, an .xls an OLE file: their first bytes say so.
  const WORKBOOKS = [[0x50, 0x4b, 0x03, 0x04], [0xd0, 0xcf, 0x11, 0xe0]];
  const isWorkbook = (bytes) => WORKBOOKS.some((magic) => magic.every((b, i) => bytes[i] === b));

  // ---- errors at their field ----

  const setError = (control, text) => showError(fieldOf(control), text);

  function status(text, state) {
    fill($('batch-status'), text);
    $('batch').dataset.state = state;
  }

  function stopped() {
    $('batch-progress').hidden = true;
    status('', 'error');
  }

  function failFile(text) {
    setError($('batch-file'), text);
    stopped();
  }

  // ---- the run ----

  function progress(done) {
    const bar = $('batch-progress');
    const percent = Math.floor(done * 10) * 10;  // whole tens, so a screen reader is not told every step
    bar.value = done;
    if (bar.dataset.percent !== String(percent)) {
      bar.dataset.percent = percent;
      status(`正在测算，已完成${percent}%……`, 'running');
    }
  }

  async function run() {
    const id = ++runId;
    const file = chosen;
    if (!file) return;
    settings = currentSettings();
    $('batch-result').hidden = true;
    result = null;
    setError($('batch-file'), '');
    setError($('batch-date'), '');
    $('batch-progress').hidden = false;
    $('batch-progress').removeAttribute('data-percent');
    progress(0);

    let bytes;
    try {
      bytes = new Uint8Array(await file.arrayBuffer());
    } catch {
      if (id === runId) failFile(`无法读取文件“${file.name}”。请确认文件还在原处、没有被其他程序占用，然后重新选择。`);
      return;
    }
    if (id !== runId) return;
    if (isWorkbook(bytes)) {
      failFile('这是 Excel 工作簿，不是 CSV 文件。请在 Excel 或 WPS 中点“另存为”，选择“CSV（逗号分隔）”格式保存后再选择。');
      return;
    }
    const text = decode(bytes);
    bytes = null;  // a long file is held once, as text, while it is fed
    await tick();  // reading and decoding a long file took a while: let the page paint before the first step
    if (id !== runId) return;

    // Starting a run ends any run before it in the engine, so the checks of runId come before every call.
    const problem = engine.rosterStart($('batch-ruleset').value, $('batch-date').value.trim(), true);
    if (problem) {
      for (const e of JSON.parse(problem).errors) {
        setError($(e.path === '/payment_date' ? 'batch-date' : 'batch-file'), e.message);
      }
      stopped();
      return;
    }
    const parts = [];
    for (let at = 0; at < text.length;) {
      let end = Math.min(at + SLICE, text.length);
      const code = text.charCodeAt(end - 1);
      if (end < text.length && code >= 0xd800 && code < 0xdc00) end -= 1;  // keep a surrogate pair together
      parts.push(engine.rosterFeed(text.slice(at, end)).slice());  // a copy: the view is reused
      at = end;
      progress(at / text.length);
      await tick();
      if (id !== runId) return;
    }
    parts.push(engine.rosterFinish().slice());
    show(JSON.parse(engine.rosterSummary()), JSON.parse(engine.rosterPreview()), parts, file.name);
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
    $('batch-progress').hidden = true;
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
    const sum = (fen, fact) => (fen === null ? '尚未公布' : `${carried(fact) ? '约' : ''}${yuan(fen)}`);
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
          '（两种情况的开始日期见下载结果的“提示”列）。' : '')),
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
      const added = ADDED + (flagged ? 2 : 0);
      const columns = [preview.name_column, ...preview.header.map((_, i) => i).slice(-added)].filter((i) => i >= 0);
      // The rows shown were estimated: an empty amount is one not published.
      const cell = (row, i) => (row[i] === '' && AMOUNT_COLUMNS.includes(preview.header[i]) ? '尚未公布' : row[i]);
      blocks.push(table(`测算结果预览（前${preview.rows.length}行）`,
        columns.map((i) => preview.header[i]), preview.rows.map((row) => columns.map((i) => cell(row, i)))));
    }
    $('batch-tables').replaceChildren(...blocks);
    const base = fileName.replace(/\.csv$/i, '');
    result = { parts, name: `医保测算结果-${base}.csv` };
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
    select.value = detail.ruleset;  // the city and year chosen above for the household
    const date = $('batch-date');
    date.value = todayIso();
    select.addEventListener('input', rerun);
    date.addEventListener('change', rerun);

    const input = $('batch-file');
    input.addEventListener('change', () => { if (input.files[0]) choose(input.files[0]); });
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

    const template = $('roster-template').textContent;
    $('batch-template').addEventListener('click',
      () => save('医保批量测算模板.csv', ['\ufeff', template.replace(/\n/g, '\r\n')]));
    $('batch-download').addEventListener('click', () => { if (result) save(result.name, result.parts); });
  }

  // A saved copy of the page holds the last run's screen: start from a clean one.
  $('batch-result').hidden = true;
  $('batch-progress').hidden = true;
  $('batch-status').textContent = '';
  delete $('batch').dataset.state;
  document.addEventListener('yibao:engine', (event) => start(event.detail), { once: true });
})();
