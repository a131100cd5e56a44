// The rules workbench (dist/rules.html): open or start next year's ruleset, check it live with the engine's
// useRuleset(), change the values each year brings with their new basis, and export the ruleset file and a
// citizen page holding it. Everything stays in this page: no storage, no request.
import { assemble } from './assemble.js';
import YibaoFeeTables from './fee-tables.js';
import YibaoFields from './fields.js';
import YibaoFormat from './format.js';
import YibaoTableForm from './table-form.js';

(function () {
  'use strict';
  const $ = YibaoFields.byId;
  const { el, fill, download } = YibaoFields;
  const { zhDate, sourceLine } = YibaoFormat;

  const MAX_BYTES = 2 * 1024 * 1024;

  let engine;
  let builtIn = [];        // the built-in rulesets' documents as written
  let summaries = [];      // their summaries (rulesets())
  const merged = {};       // id → a built-in merged over its base
  let answer = null;       // the engine's answer for the text, or null when the text is empty
  let problems = [];       // [{path, message, target}] shown in the summary
  let stale = [];          // [{path, message, target}]: texts of the base still naming its years (staleTexts)
  let pendingFile = null;
  let savedText = '';      // the text as last downloaded or opened: closing the tab with other text asks first
  let tableForm = null;    // the form made from the field table (web/table-form.js)
  let ownKeys = new Set(); // the keys a ruleset over a base states itself (the field table's `own`)

  const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);
  const parse = (text) => { try { return JSON.parse(text); } catch { return undefined; } };
  const isObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);
  const textDoc = () => { const d = parse($('text').value); return isObject(d) ? d : null; };
  // A ruleset of its own (no base, e.g. a new city) is edited as it is written; one with a base as merged over it.
  const ownRuleset = (doc) => Boolean(doc) && typeof doc.base !== 'string';
  // The text over its base as the engine merges it, problems and all (a ruleset of its own, or one the engine cannot
  // read, as it is).
  const overBase = (doc) => { const m = JSON.parse(engine.mergeOverBase(JSON.stringify(doc))); return isObject(m) ? m : doc; };
  // What the form shows and edits: the ruleset as the text makes it.
  const formDoc = () => { const doc = textDoc(); return doc && overBase(doc); };

  // ---- where a JSON pointer's value lies in the text, for the error links ----
  function locate(text, pointer) {
    const want = pointer.split('/').slice(1).map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
    let i = 0;
    const ws = () => { while (/\s/.test(text[i] || '')) i += 1; };
    const str = () => { const s = i; i += 1; while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1; i += 1; return JSON.parse(text.slice(s, i)); };
    function skip() {
      ws();
      const c = text[i];
      if (c === '"') { str(); return; }
      if (c === '{' || c === '[') {
        const close = c === '{' ? '}' : ']';
        i += 1; ws();
        while (i < text.length && text[i] !== close) {
          if (c === '{') { ws(); str(); ws(); i += 1; }
          skip(); ws();
          if (text[i] === ',') { i += 1; ws(); }
        }
        i += 1; return;
      }
      while (i < text.length && !/[\s,\]}]/.test(text[i])) i += 1;
    }
    let depth = 0;
    let found = [0, 0];
    try {
      for (;;) {
        ws();
        const start = i;
        if (depth === want.length) { skip(); return [start, i]; }
        found = [start, start];
        const c = text[i];
        if (c !== '{' && c !== '[') return found;
        i += 1; ws();
        let index = 0;
        let hit = false;
        while (i < text.length && text[i] !== (c === '{' ? '}' : ']')) {
          let name = String(index);
          if (c === '{') { ws(); name = str(); ws(); i += 1; }
          if (name === want[depth]) { hit = true; break; }
          skip(); ws();
          if (text[i] === ',') { i += 1; ws(); }
          index += 1;
        }
        if (!hit) return found;
        depth += 1;
      }
    } catch {
      return found;
    }
  }

  // ---- texts of the base that name its years, once the year has moved on ----
  // Keys whose strings are no text a citizen reads (ids, sources and quotes, conditions).
  const NOT_TEXT = new Set(['basis', 'sources', 'id', 'base', '$schema', 'from', 'source', 'quote', 'region', 'when', 'url']);
  // The base's texts that name its year or the year before (its collection's): {path, text, years}. None while the
  // ruleset's year is the base's.
  function yearTexts(view) {
    const base = isObject(view) && typeof view.base === 'string' ? merged[view.base] : null;
    if (!base || view.year === base.year) return [];
    const years = [base.year - 1, base.year].map((y) => `${y}年`);
    const out = [];
    (function visit(node, path) {
      if (typeof node === 'string') {
        const named = years.filter((y) => node.includes(y));
        if (named.length) out.push({ path, text: node, years: named });
      } else if (Array.isArray(node)) {
        node.forEach((x, i) => visit(x, `${path}/${i}`));
      } else if (isObject(node)) {
        for (const [k, x] of Object.entries(node)) if (!NOT_TEXT.has(k)) visit(x, `${path}/${k.replace(/~/g, '~0').replace(/\//g, '~1')}`);
      }
    })(base, '');
    return out;
  }
  const pointed = (doc, path) => path.split('/').slice(1).map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce((node, key) => (node !== null && typeof node === 'object' ? node[key] : undefined), doc);
  // Those the ruleset still has word for word, each at its field of the form (a list item by its place in the
  // merged document, where the form shows it).
  function staleTexts(view) {
    return yearTexts(view).filter((t) => pointed(view, t.path) === t.text).map((t) => ({
      path: t.path, target: tableForm.place($('table-form'), t.path) || 'text',
      message: `还是${view.base}的文字，写着${t.years.join('、')}：“${t.text}”`,
    }));
  }

  // ---- checking ----
  function check() {
    const text = $('text').value;
    if (!text.trim()) {
      answer = null;
      problems = [];
      stale = [];
    } else {
      try {
        answer = JSON.parse(engine.useRuleset(text));
      } catch (error) {
        answer = { ok: false, errors: [{ path: '', code: 'engine', message: `检查程序出错：${error instanceof Error ? error.message : error}` }] };
      }
      const doc = textDoc();
      const view = answer.ok ? answer.document : doc && overBase(doc);
      // The form is laid out first, so that each problem finds its control.
      if (doc) tableForm.render($('table-form'), overBase(doc));
      problems = (answer.errors || []).map((e) => missing(e, placeOf(doc, e.path))
        || { message: e.message, line: e.line, column: e.column, ...placeOf(doc, e.path) });
      if (text.trim() && !doc && answer.errors && !answer.errors.length) problems.push({ path: '', message: '规则应当是一个 JSON 对象（{…}）。', target: 'text' });
      stale = doc ? staleTexts(view) : [];
    }
    render();
  }

  // A required field left empty, at its field of the form, in the form's words (the key is the label there).
  function missing(e, place) {
    return e.code === 'missing' && place.target !== 'text' ? { ...place, message: '必填，还没有填写。' } : null;
  }

  // The form field an error belongs to (else the textarea), and its path in the text. The engine's path is in the
  // text, or, for what it finds after merging the text over its base, in the merged document, where the form is:
  // a place in the text is named by its place there (a list item by its id).
  function placeOf(doc, path) {
    if (!path) return { path, target: 'text' };
    const home = $('table-form');
    return { path, target: tableForm.place(home, doc ? inMerged(doc, overBase(doc), path) : path) || 'text' };
  }
  function inMerged(doc, view, path) {
    const keys = path.split('/').slice(1);
    let node = doc;
    let shown = view;
    let out = '';
    for (const [i, key] of keys.entries()) {
      const name = key.replace(/~1/g, '/').replace(/~0/g, '~');
      // Below what the text has (a basis it lacks), the places are the same.
      if (!isObject(node) && !Array.isArray(node)) return [out, ...keys.slice(i)].join('/');
      if (Array.isArray(node) && Array.isArray(shown)) {
        const item = node[Number(name)];
        const at = isObject(item) && item.id !== undefined ? shown.findIndex((x) => isObject(x) && x.id === item.id) : Number(name);
        if (item === undefined || at < 0) return path;
        out += `/${at}`;
        node = item;
        shown = shown[at];
      } else {
        if (!(name in node)) return [out, ...keys.slice(i)].join('/');
        out += `/${key}`;
        node = node[name];
        shown = isObject(shown) ? shown[name] : undefined;
      }
    }
    return out;
  }

  // ---- showing ----
  function render() {
    const doc = textDoc();
    renderForm(doc);
    renderErrors();
    renderPreview();
    renderExport();
  }

  function renderErrors() {
    const box = $('error-summary');
    box.hidden = !problems.length;
    $('text').setAttribute('aria-invalid', String(problems.some((p) => p.target === 'text')));
    fill($('error-list'), problems.slice(0, 50).map(problemItem));
    $('year-texts').hidden = !stale.length;
    fill($('year-text-list'), stale.map(problemItem));
    const status = !answer ? '' : problems.length ? `检查发现 ${problems.length} 个问题。` : '检查通过：这份规则可以使用。';
    if ($('check-status').textContent !== status) $('check-status').textContent = status;
    $('check-status').removeAttribute('aria-busy');
  }

  // A problem as an item of a list: a link, in words, to its field.
  function problemItem(p) {
    const field = placeName(p.target);
    const link = el('a', { href: `#${p.target}` }, `${field || '规则JSON'}：${p.message}`);
    link.addEventListener('click', (event) => { event.preventDefault(); goTo(p); });
    // Only a problem the form has no field for is placed in the text by its JSON path; a syntax error's message
    // names its line and column already.
    return el('li', null, link, field || p.line ? null : [' ', el('code', null, `（位置 ${p.path || '/'}）`)]);
  }

  // A form field in words, as its groups and label read, out to the list item it is in (which names itself, a
  // basis with its rule): “缴费标准3：成年居民（一档）”的“个人每年缴费”的“告诉居民的话”, “缴费标准1：大学生的依据1”的
  // “来源编号”; null for the text or a field the form does not show.
  function placeName(target) {
    const input = target && target !== 'text' ? $(target) : null;
    if (!input || input.closest('[hidden]')) return null;
    const names = [document.querySelector(`label[for="${target}"]`)];
    for (let box = input.closest('fieldset'); box; box = box.parentElement && box.parentElement.closest('fieldset')) {
      names.unshift(box.querySelector(':scope > legend'));
      if (box.parentElement && box.parentElement.matches('.list-box, .basis-list')) break;
    }
    return names.filter(Boolean).map((x) => `“${x.textContent}”`).join('的');
  }

  function goTo(problem) {
    const target = $(problem.target);
    // A field the form does not show (now) gives way to the value's place in the text.
    if (target && target !== $('text') && !target.closest('[hidden]')) { target.focus(); return; }
    const text = $('text');
    text.focus();
    // A syntax error by its line and column (the engine counts characters from 1), else the value at the path.
    if (problem.line) {
      const lines = text.value.split('\n').slice(0, problem.line - 1);
      const offset = lines.reduce((n, line) => n + line.length + 1, 0) + Math.max(0, problem.column - 1);
      text.setSelectionRange(offset, offset);
    } else {
      const [start, end] = locate(text.value, problem.path || '');
      text.setSelectionRange(start, end);
    }
  }

  // The form of the field table: the ruleset as the text makes it (over its base, merged), and each problem at its
  // control (a JSON box opened to show it).
  function renderForm(doc) {
    const home = $('table-form');
    $('table-section').hidden = !doc;
    $('over-base').hidden = !doc || ownRuleset(doc);
    if (!doc) {
      home.replaceChildren();
      return;
    }
    tableForm.render(home, overBase(doc));
    const errorsAt = new Map();
    for (const p of [...problems, ...stale]) if (!errorsAt.has(p.target)) errorsAt.set(p.target, p.message);
    for (const box of home.querySelectorAll('.error')) {
      const control = $(box.id.replace(/-error$/, ''));
      if (!control) continue;
      const message = control.dataset.bad || errorsAt.get(control.id);
      setError(control, message);
      const details = control.closest('details');
      if (message && details) details.open = true;
    }
  }

  function setError(input, message) {
    const box = $(`${input.id}-error`);
    input.setAttribute('aria-invalid', String(Boolean(message)));
    box.hidden = !message;
    box.textContent = message || '';
  }

  // A labelled input (or textarea: `multiline` 'quote' for words, 'code' for JSON) with its hint and its error.
  function field(id, label, attrs) {
    const { multiline, ...rest } = attrs;
    const control = multiline ? el('textarea', { id, rows: 3, class: multiline === 'quote' ? 'quote' : null, 'aria-describedby': `${id}-was ${id}-error` })
      : el('input', { id, type: 'text', autocomplete: 'off', spellcheck: 'false', 'aria-describedby': `${id}-was ${id}-error`, ...rest });
    return el('div', { class: 'field' }, el('label', { for: id }, label), control,
      el('p', { class: 'hint', id: `${id}-was` }), el('p', { class: 'error', id: `${id}-error`, hidden: true }));
  }

  // ---- the form writes the text ----
  function writeDoc(doc) {
    $('text').value = JSON.stringify(doc, null, 2);
    check();
  }

  // The form's document written as the text: a ruleset of its own as it is; one over a base as written() makes it.
  function writeForm(edited) {
    const doc = textDoc();
    writeDoc(!doc || ownRuleset(doc) ? edited : written(doc, overBase(doc), edited));
  }
  // A ruleset over a base (`doc`, whose merge over the base was `before`) changed to merge into `edited`: at each key
  // the change touched, what differs from the base there (key_patch in engine/rules/merge.hpp, the engine's merge
  // run backwards), and each key the ruleset states itself (`own`) whole where it does not differ; the rest as it was.
  function written(doc, before, edited) {
    const base = merged[doc.base] || {};
    for (const key of new Set([...Object.keys(before), ...Object.keys(edited)])) {
      if (key === 'base' || (same(before[key], edited[key]) && !(ownKeys.has(key) && !(key in doc)))) continue;
      if (edited[key] === undefined) {
        if (key in base) doc[key] = null; else delete doc[key];
        continue;
      }
      const patch = JSON.parse(engine.keyPatch(key, JSON.stringify(key in base ? base[key] : null), JSON.stringify(edited[key])));
      if (patch !== null) doc[key] = patch;
      else if (ownKeys.has(key)) doc[key] = edited[key];
      else delete doc[key];
    }
    return doc;
  }

  // ---- previews ----
  function renderPreview() {
    const ok = answer && answer.ok;
    $('preview').hidden = !ok;
    if (!ok) return;
    // The fee table as the citizen page shows it without JavaScript (escaped by YibaoFeeTables).
    $('fee-preview').innerHTML = YibaoFeeTables.feeTables([answer.ruleset]);
    fill($('sources'), answer.ruleset.sources.map((source) => el('li', null, sourceLine(source, answer.ruleset))));
    const base = answer.document.base;
    let lines;
    if (typeof base === 'string') {
      const diff = JSON.parse(engine.diffRulesets(base, answer.ruleset.id));
      lines = diff.ok ? diff.lines : (diff.errors || []).map((e) => e.message);
      if (!lines.length) lines = ['（没有变化）'];
    } else {
      lines = ['这份规则不以其他规则为基础，没有可比较的上一份。'];
    }
    $('h-diff').textContent = typeof base === 'string' ? `和“${base}”相比的变化` : '和上一份规则相比的变化';
    fill($('diff'), lines.map((line) => el('li', null, line)));
    renderStarts(answer.ruleset);
    runCases();
  }

  // ---- when benefits start: each category (and lapsed years 0–5) by the month paid ----
  // The 15th of each month the ruleset can be paid in; none where its opening day is not published (no day is
  // known to be payable then).
  function paymentDays(r) {
    const first = r.collection.opens;
    if (!first) return [];
    const last = r.collection.closes || r.benefit_year.end;
    const days = [];
    let [y, m] = first.split('-').map(Number);
    for (;;) {
      const day = `${y}-${String(m).padStart(2, '0')}-15`;
      if (day > last) break;
      if (day >= first) days.push(day);
      if (++m > 12) {
        m = 1;
        y += 1;
      }
    }
    return days;
  }
  function startOn(r, day, member) {
    const a = JSON.parse(engine.estimate(JSON.stringify({ ruleset: r.id, payment_date: day, members: [member] })));
    if (!a.ok) return a.errors[0].message;
    const m = a.members[0];
    const start = (x) => (x.benefit_start ? zhDate(x.benefit_start) : x.benefit_start_unknown ? '尚未公布' : '本年度不能享受');
    return m.cases ? `窗口内${start(m.cases.in_window)}/窗口后${start(m.cases.after_window)}` : start(m);
  }
  // In a box that scrolls sideways on a narrow screen (dates never break inside); it takes focus for a keyboard.
  let startsTables = 0;
  function startsTable(caption, days, rows) {
    const id = `starts-caption-${++startsTables}`;
    return el('div', { class: 'scroll', tabindex: '0', role: 'region', 'aria-labelledby': id },
      el('table', null, el('caption', { id }, caption),
        el('thead', null, el('tr', null, el('th', { scope: 'col' }, '缴费日期'), rows.map(([label]) => el('th', { scope: 'col' }, label)))),
        el('tbody', null, days.map((day) => el('tr', null, el('th', { scope: 'row' }, zhDate(day)), rows.map(([, cell]) => el('td', null, cell(day))))))));
  }
  function renderStarts(r) {
    const year = Number(r.benefit_year.start.slice(0, 4));
    const people = [
      { birth_date: `${year - 40}-06-01`, student: 'none', history: 'continuous', tier: r.tiers.length ? r.tiers[0].id : null },
      { birth_date: `${year - 10}-06-01`, student: 'school', history: 'continuous' },
      { birth_date: `${year - 10}-06-01`, student: 'none', history: 'continuous' },
      { birth_date: `${year - 20}-06-01`, student: 'college', history: 'continuous' },
    ];
    const days = paymentDays(r);
    if (!days.length) {
      fill($('starts'), el('p', { class: 'notice' }, '开始缴费日期尚未公布：不知道哪天起可以缴费，所以不列出待遇从哪天开始。'));
      return;
    }
    // One column a category, as the engine places each person on the first day paid.
    const seen = new Map();
    for (const person of people) {
      const a = JSON.parse(engine.estimate(JSON.stringify({ ruleset: r.id, payment_date: days[0], members: [person] })));
      if (a.ok && !seen.has(a.members[0].category)) seen.set(a.members[0].category, [a.members[0].category_label, person]);
    }
    const tables = [startsTable(`${r.title}：上年度连续参保`, days, [...seen.values()].map(([label, person]) => [label, (day) => startOn(r, day, person)]))];
    if (r.waiting_period) {
      const adult = people[0];
      tables.push(startsTable('成年居民：断保年数', days, [0, 1, 2, 3, 4, 5].map((years) => [years ? `断保${years}年` : '连续参保',
        (day) => startOn(r, day, years ? { ...adult, history: 'lapsed', lapsed_years: years } : adult)])));
    }
    fill($('starts'), tables);
  }

  // ---- cases: a case file as tests/cases/ writes it, run by the engine (`yibao cases`) against the ruleset in the text ----
  let cases = null;  // {name, text} of the last cases file opened
  function runCases() {
    if (!cases) return;
    const run = JSON.parse(engine.runCases(cases.text));
    if (!run.ok) {
      $('cases-status').textContent = `“${cases.name}”不是测试用例文件，应为 {"cases": [{"name", "request", "expect"}, …]}：`;
      fill($('cases'), run.errors.map((e) => el('li', { class: 'case-failed' }, `${e.path || '/'}：${e.message}`)));
      cases = null;
      return;
    }
    if (!answer || !answer.ok) {
      $('cases-status').textContent = '规则还有问题，改好后才能运行测试用例。';
      fill($('cases'));
      return;
    }
    $('cases-status').textContent = `${cases.name}：${run.cases.length}个用例，${run.passed}个通过，${run.failed}个不通过。`;
    fill($('cases'), run.cases.map((r) => el('li', { class: r.passed ? 'case-passed' : 'case-failed' },
      r.passed ? `✓ ${r.name}` : `✗ ${r.name}：${r.difference.path || '/'}：${r.difference.message}`)));
  }
  async function openCases(file) {
    if (!file) return;
    cases = { name: file.name, text: file.size <= MAX_BYTES ? await file.text() : '' };
    runCases();
  }

  function blocked() {
    if (!answer) return '编辑框是空的：请先打开一份规则文件，或者新建城市，或者以一份内置规则为基础新建。';
    if (problems.length) return `规则还有 ${problems.length} 个问题，改好后才能生成测算页：见页面顶部的问题列表。`;
    if (stale.length) return `有 ${stale.length} 处文字还写着往年的年份，改写后才能生成测算页：见页面顶部的列表。`;
    return '';
  }

  function renderExport() {
    const why = blocked();
    let note = why;
    if (!why && builtIn.some((d) => d.id === answer.ruleset.id)) note = `新规则的编号和内置规则“${answer.ruleset.id}”相同，测算页里会用新规则替换它。`;
    $('export-why').textContent = note;
  }

  // ---- taking it away ----
  const save = (name, text, type) => download(name, [text], type);

  const fileName = (id) => String(id || 'ruleset').replace(/[^A-Za-z0-9._-]/g, '_');

  function saveRules() {
    const text = $('text').value;
    const status = $('export-status');
    if (!text.trim()) { status.textContent = '编辑框是空的，没有可以下载的内容。'; return; }
    const doc = textDoc();
    const name = `${fileName(doc && doc.id)}.json`;
    save(name, text.endsWith('\n') ? text : `${text}\n`, 'application/json');
    savedText = text;
    status.textContent = problems.length ? `已下载“${name}”。注意：这份规则还有 ${problems.length} 个问题，只能算草稿。` : `已下载“${name}”。`;
  }

  // The rulesets slot of an exported page (web/assemble.js): `docs` in the engine's compact form, gzipped and
  // base64-encoded as web/build.mjs makes it for the built pages.
  async function compactSlot(docs) {
    const made = JSON.parse(engine.compactRulesets(JSON.stringify(docs)));
    const bytes = Uint8Array.from(atob(made.compact), (c) => c.charCodeAt(0));
    const gzipped = new Uint8Array(await new Response(new Blob([bytes]).stream().pipeThrough(new CompressionStream('gzip')))
      .arrayBuffer());
    let text = '';
    for (let i = 0; i < gzipped.length; i += 0x8000) text += String.fromCharCode(...gzipped.subarray(i, i + 0x8000));
    return btoa(text);
  }

  // The rulesets the exported page holds, as documents: the built-in ones and the new one (in place of one with
  // its id), or only the new one after its base chain.
  function exportDocs(doc) {
    if (!$('only-new').checked) {
      const list = builtIn.map((d) => (d.id === doc.id ? doc : d));
      if (!builtIn.some((d) => d.id === doc.id)) list.push(doc);
      return list;
    }
    const chain = [];
    const seen = new Set([doc.id]);
    for (let base = doc.base; typeof base === 'string' && !seen.has(base);) {
      const d = builtIn.find((x) => x.id === base);
      if (!d) break;
      seen.add(base);
      chain.unshift(d);
      base = d.base;
    }
    return [...chain, doc];
  }

  // The pages it exports, each from its template (web/assemble.js) and named after the ruleset, not the live pages'
  // own yibao.html and batch.html, so that a download replaces nothing by mistake; each links to the other by name.
  const PAGES = {
    family: { template: 'family-template', label: '测算页', name: (id) => `${id}.html` },
    staff: { template: 'staff-template', label: '批量测算页', name: (id) => `${id}-batch.html` },
  };

  async function makePage(kind) {
    const { template, label, name: nameOf } = PAGES[kind];
    const status = $('export-status');
    const why = blocked();
    if (why) {
      status.textContent = `没有生成${label}。${why}`;
      if (problems.length) $('error-summary').focus();
      else if (stale.length) $('year-texts').focus();
      return;
    }
    try {
      const doc = JSON.parse($('text').value);
      const docs = exportDocs(doc);
      const byId = new Map(summaries.map((s) => [s.id, s]));
      byId.set(answer.ruleset.id, answer.ruleset);
      const tables = YibaoFeeTables.feeTables(docs.map((d) => byId.get(d.id)));
      const id = fileName(doc.id);
      const name = nameOf(id);
      const html = assemble(new TextDecoder().decode(await YibaoBoot.bytes(template)), { rulesets: await compactSlot(docs),
        feeTables: tables, familyPage: PAGES.family.name(id), staffPage: PAGES.staff.name(id) });
      save(name, html, 'text/html');
      status.textContent = `已生成${label}“${name}”，包含 ${docs.length} 份规则：${docs.map((d) => d.id).join('、')}。`;
    } catch (error) {
      status.textContent = `生成${label}失败：${error instanceof Error ? error.message : error}。编辑框里的内容没有改动。`;
    }
  }

  // ---- opening ----
  // The ruleset after `id`: its id, year and title, the benefit year, the collection window and the continuity
  // deadline moved on a year, written as a ruleset over it is (a moved date, unlike a text, is a change that needs
  // its new basis).
  function nextYear(id) {
    const d = merged[id];
    const year = (date) => (typeof date === 'string' ? date.replace(/^(\d{4})(-02-29)?/, (all, y, leap) => `${Number(y) + 1}${leap ? '-02-28' : ''}`) : date);
    const y = Number(d.year);
    const moved = {
      ...d,
      id: /\d{4}/.test(d.id) ? d.id.replace(/\d{4}(?!.*\d{4})/, (m) => String(Number(m) + 1)) : `${d.id}-next`,
      year: y + 1,
      title: String(d.title).split(String(y)).join(String(y + 1)),
      benefit_year: { ...d.benefit_year, start: year(d.benefit_year.start), end: year(d.benefit_year.end) },
      collection: { ...d.collection, opens: year(d.collection.opens), closes: year(d.collection.closes) },
      continuity_deadline: { ...d.continuity_deadline, date: year(d.continuity_deadline.date) },
    };
    return written({ id: moved.id, base: id }, d, moved);
  }

  function startFrom(id) {
    const text = JSON.stringify(nextYear(id), null, 2);
    if ($('text').value.trim() && $('text').value !== text) {
      askFile({ name: `以“${id}”为基础的新规则`, text, errors: [], fresh: true });
      return;
    }
    putText(text);
  }

  // A new city's ruleset: the sections every ruleset has, each with one item, for the author to fill in the form; what
  // is left empty the check lists as missing, at its field.
  function blankRuleset() {
    const year = new Date().getFullYear() + 1;
    const basis = () => [{ source: 'notice', quote: '' }];
    return {
      year,
      sources: [{ id: 'notice', level: 'A' }],
      benefit_year: { start: `${year}-01-01`, end: `${year}-12-31` },
      collection: { basis: basis() },
      continuity_deadline: { basis: basis() },
      categories: [{ id: 'resident', label: '城乡居民', basis: basis() }],
      contributions: [{ id: 'resident', label: '城乡居民', basis: basis() }],
      benefit_rules: [{ id: 'in-window', start: 'year_start', basis: basis() }],
      registration: [{ id: 'registration', basis: basis() }],
      payment_channels: [{ id: 'channel', basis: basis() }],
      contacts: [{}],
      silences: {},
    };
  }
  function newCity() {
    const text = JSON.stringify(blankRuleset(), null, 2);
    if ($('text').value.trim() && $('text').value !== text) {
      askFile({ name: '新建城市的规则', text, errors: [], fresh: true });
      return;
    }
    putText(text);
    $('table-form').querySelector('input, select, textarea').focus();
  }

  function putText(text) {
    $('text').value = text;
    savedText = text;
    $('file-problem').hidden = true;
    pendingFile = null;
    check();
  }

  function askFile(file) {
    pendingFile = file;
    const box = $('file-problem');
    $('h-file-problem').textContent = file.errors.length
      ? `“${file.name}”有 ${file.errors.length} 个问题` : `要用“${file.name}”替换编辑框里的内容吗？`;
    fill($('file-problem-list'), file.errors.slice(0, 20).map((e) => el('li', null, e.message, ' ',
      el('code', null, `（位置 ${e.path || '/'}）`))));
    $('file-problem-keep').textContent = '编辑框里原来的内容没有改动。';
    $('file-use').hidden = !file.text;
    $('file-use').textContent = file.errors.length ? '仍然放入编辑框（替换原来的内容）' : '替换编辑框里的内容';
    box.hidden = false;
    box.focus();
  }

  // The status is busy until the file is read and checked, or refused.
  async function openFile(file) {
    if (!file) return;
    $('check-status').setAttribute('aria-busy', 'true');
    try {
      await readFile(file);
    } finally {
      $('check-status').removeAttribute('aria-busy');
    }
  }

  async function readFile(file) {
    const name = file.name || '文件';
    if (file.size > MAX_BYTES) {
      askFile({ name, text: null, errors: [{ path: '', message: `文件太大（${(file.size / 1048576).toFixed(1)} MB）。规则文件一般不到 200 KB，请确认选对了文件。` }] });
      return;
    }
    let text;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(await file.arrayBuffer()).replace(/^\uFEFF/, '');
    } catch {
      askFile({ name, text: null, errors: [{ path: '', message: '这不是文本文件（或者不是 UTF-8 编码），不能当作规则文件打开。' }] });
      return;
    }
    if (text.includes('\u0000')) {
      askFile({ name, text: null, errors: [{ path: '', message: '这不是文本文件，不能当作规则文件打开。' }] });
      return;
    }
    let result;
    try { result = JSON.parse(engine.useRuleset(text)); } catch { result = { ok: false, errors: [{ path: '', message: '检查程序出错。' }] }; }
    const doc = parse(text);
    const errors = result.errors || [];
    if (!errors.length && !isObject(doc)) errors.push({ path: '', message: '这不是一份规则：规则应当是一个 JSON 对象（{…}）。' });
    if (errors.length || $('text').value.trim()) {
      askFile({ name, text, errors });
      check();
      return;
    }
    putText(text);
  }

  function start() {
    const dataText = $('rulesets').textContent;
    builtIn = JSON.parse(dataText);
    engine.loadRulesets(dataText);
    summaries = JSON.parse(engine.rulesets()).rulesets;  // loadRulesets() lists only the index
    for (const d of builtIn) {
      const a = JSON.parse(engine.useRuleset(JSON.stringify(d)));
      if (a.ok) merged[d.id] = a.document;
    }
    const table = JSON.parse(engine.fieldTable());
    ownKeys = new Set(table.fields.filter((f) => f.object === 'ruleset' && f.own).map((f) => f.key));
    tableForm = YibaoTableForm({ field, setError, table, read: formDoc, write: writeForm,
      base: () => { const doc = textDoc(); return doc && typeof doc.base === 'string' ? merged[doc.base] || null : null; } });
    $('new-city').addEventListener('click', newCity);
    fill($('bases'), builtIn.filter((d) => merged[d.id]).map((d) => {
      const button = el('button', { type: 'button' }, `以“${d.title}”（${d.id}）为基础`);
      button.addEventListener('click', () => startFrom(d.id));
      return button;
    }));
    let timer;
    // Checked 300 ms after the last keystroke; meanwhile the status is of the text before (aria-busy: a screen
    // reader waits for the new one).
    $('text').addEventListener('input', () => {
      $('check-status').setAttribute('aria-busy', 'true');
      clearTimeout(timer);
      timer = setTimeout(check, 300);
    });
    $('file').addEventListener('change', () => { openFile($('file').files[0]); $('file').value = ''; });
    document.addEventListener('dragover', (event) => { event.preventDefault(); $('drop').classList.add('over'); });
    document.addEventListener('dragleave', () => $('drop').classList.remove('over'));
    document.addEventListener('drop', (event) => {
      event.preventDefault();
      $('drop').classList.remove('over');
      if (event.dataTransfer && event.dataTransfer.files.length) openFile(event.dataTransfer.files[0]);
    });
    $('file-use').addEventListener('click', () => { if (pendingFile && pendingFile.text !== null) putText(pendingFile.text); $('text').focus(); });
    $('file-drop').addEventListener('click', () => { $('file-problem').hidden = true; pendingFile = null; check(); $('file').focus(); });
    $('save-rules').addEventListener('click', saveRules);
    $('make-page').addEventListener('click', () => makePage('family'));
    $('make-staff-page').addEventListener('click', () => makePage('staff'));
    $('only-new').addEventListener('change', renderExport);
    $('cases-file').addEventListener('change', () => { openCases($('cases-file').files[0]); $('cases-file').value = ''; });
    // Nothing is stored: leaving with work not downloaded asks the browser's own question first.
    window.addEventListener('beforeunload', (event) => {
      if ($('text').value.trim() && $('text').value !== savedText) event.preventDefault();
    });
    check();
    $('bench').hidden = false;
    document.body.dataset.state = 'ready';
  }

  function unsupported(reason) {
    const note = $('unsupported');
    note.textContent = `抱歉，这个浏览器无法运行工作台（${reason}）。请换用较新版本的 Chrome、Edge 或 Firefox。`;
    note.hidden = false;
    document.body.dataset.state = 'unsupported';
  }

  if (typeof WebAssembly !== 'object') unsupported('不支持 WebAssembly');
  else if (typeof DecompressionStream !== 'function') unsupported('不支持解压功能');
  else {
    // The engine's script comes after this one: its factory is there once the document is parsed.
    const parsed = document.readyState === 'loading'
      ? new Promise((done) => document.addEventListener('DOMContentLoaded', done)) : Promise.resolve();
    parsed.then(() => YibaoBoot.engine(createYibaoWorkbench)).then((instance) => {
      engine = instance;
      start();
    }).catch((error) => unsupported(`程序加载失败：${error && error.message ? error.message : error}`));
  }
})();
