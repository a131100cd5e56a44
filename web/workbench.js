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
  // How a field of the form shows its value and reads what is typed: the value, or undefined when it is not one.
  const KINDS = {
    date: { mode: 'numeric', show: (v) => (typeof v === 'string' ? v : ''), error: '请按“年-月-日”填写，例如 2025-09-01。',
      read: (raw) => (/^\d{4}-\d{2}-\d{2}$/.test(raw) ? raw : undefined) },
    money: { mode: 'decimal', show: (v) => yuan(v), error: '请填写金额（元），例如 380 或 380.50。',
      read: (raw) => (/^\d+(\.\d{1,2})?$/.test(raw) ? Math.round(Number(raw) * 100) : undefined) },
    count: { mode: 'numeric', show: (v) => (typeof v === 'number' ? String(v) : ''), error: '请填写整数，例如 3。',
      read: (raw) => (/^\d+$/.test(raw) ? Number(raw) : undefined) },
    id: { show: (v) => (typeof v === 'string' ? v : ''), error: '编号只能用小写字母、数字、“-”和“_”，例如 qingdao-2025。',
      read: (raw) => (/^[a-z0-9_-]+$/.test(raw) ? raw : undefined) },
    text: { show: (v) => (typeof v === 'string' ? v : ''), read: (raw) => raw },
    json: { multiline: 'code', show: (v) => (v === undefined ? '' : JSON.stringify(v)), error: '请填写一个 JSON 对象，例如 {"lapsed_years": {"at_least": 1}}。',
      read: (raw) => { const v = parse(raw); return isObject(v) ? v : undefined; } },
  };
  const TEXT = [['text', '说明文字（测算页上显示）']];
  // The form's groups, each where it lies in the ruleset (`at`: keys, and {id} for the list item with that id).
  /** @typedef {{id: string, at: (string | number | {id: string})[], legend: string, basis: boolean, fields: string[][],
   *    texts?: string[][], list?: any, index?: number, part?: string}} Group */
  /** @type {Group[]} */
  const GROUPS_FIXED = [
    { id: 'identity', at: [], legend: '规则本身', basis: false,
      fields: [['id', '规则编号', 'id'], ['title', '规则名称（测算页上显示）', 'text'], ['year', '参保年度', 'count']] },
    { id: 'benefit_year', at: ['benefit_year'], legend: '待遇年度', basis: false,
      fields: [['start', '待遇开始日期', 'date'], ['end', '待遇结束日期', 'date']] },
    { id: 'collection', at: ['collection'], legend: '缴费期', basis: true,
      fields: [['opens', '开始缴费日期', 'date'], ['closes', '最晚缴费日期', 'date']], texts: TEXT },
    { id: 'continuity_deadline', at: ['continuity_deadline'], legend: '集中缴费截止日', basis: true, fields: [['date', '截止日期', 'date']],
      texts: [['text', '说明文字（测算页上显示；{deadline}、{year_start} 会换成日期）']] },
  ];
  // The waiting period's parts with numbers (README "Rules are data"); a part the ruleset lacks or has not published is
  // not shown.
  const WAITING = [
    { part: 'fixed', legend: '待遇等待期：固定部分',
      fields: [['months', '固定等待期（月）', 'count'], ['when', '什么情况下有固定等待期（条件，JSON）', 'json']] },
    { part: 'variable', legend: '待遇等待期：断保增加的部分',
      fields: [['months_per_year', '每多断保1年增加（月）', 'count'], ['from_lapsed_year', '从断保第几年起增加', 'count']] },
    { part: 'repair', legend: '待遇等待期：补缴修复', fields: [['months_per_year', '每补缴1年减少（月）', 'count']] },
    { part: 'floor', legend: '待遇等待期：修复后最短',
      fields: [['months', '修复后至少（月）', 'count'], ['from_lapsed_years', '连续断保满几年起', 'count']] },
  ];
  // The lists the form edits item by item; only payment channels have ids and a basis.
  const LISTS = [
    { key: 'payment_channels', legend: '缴费渠道', item: '缴费渠道', basis: true, ids: 'channel',
      fields: [['id', '渠道编号', 'id'], ['name', '渠道名称', 'text'], ['detail', '方式（如“手机”“线下”）', 'text']] },
    { key: 'contacts', legend: '咨询电话和办理地点', item: '联系方式', basis: false,
      fields: [['name', '名称', 'text'], ['phone', '电话', 'text'], ['detail', '说明', 'text']] },
    { key: 'websites', legend: '网站', item: '网站', basis: false, scalar: true, fields: [['value', '网站地址', 'text']] },
  ];

  let engine;
  let builtIn = [];        // the built-in rulesets' documents as written
  let summaries = [];      // their summaries (rulesets())
  const merged = {};       // id → a built-in merged over its base
  let answer = null;       // the engine's answer for the text, or null when the text is empty
  let problems = [];       // [{path, message, target}] shown in the summary
  let stale = [];          // [{path, message, target}]: texts of the base still naming its years (staleTexts)
  let opened = null;       // the document as opened from a file (its own reference when it has no built-in base)
  let formKey = '';
  const pending = {};      // a group's new basis as typed, perhaps not complete: group id → [{source, quote}, …]
  let pendingFile = null;
  let savedText = '';      // the text as last downloaded or opened: closing the tab with other text asks first
  let tableForm = null;    // the form made from the field table, for a ruleset of its own (web/table-form.js)

  const clone = (value) => JSON.parse(JSON.stringify(value));
  const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);
  const yuan = (fen) => (typeof fen === 'number' ? (fen % 100 ? (fen / 100).toFixed(2) : String(fen / 100)) : '');
  const parse = (text) => { try { return JSON.parse(text); } catch { return undefined; } };
  const isObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);
  const textDoc = () => { const d = parse($('text').value); return isObject(d) ? d : null; };
  // A ruleset of its own (no base, e.g. a new city) is made in the form of the field table; one with a base in the
  // form of what changes each year.
  const ownRuleset = (doc) => Boolean(doc) && typeof doc.base !== 'string';

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

  // ---- the reference a value is compared with: the base as built in, or the file as opened ----
  function reference(doc) {
    if (doc && typeof doc.base === 'string' && merged[doc.base]) return merged[doc.base];
    return opened;
  }
  // The document the form shows: the engine's merged one when the text loads, else the text over its base as the
  // engine merges it, problems and all.
  function current(doc) {
    if (answer && answer.ok) return answer.document;
    if (!doc) return reference(doc);
    return JSON.parse(engine.mergeOverBase(JSON.stringify(doc)));
  }

  // The groups of the form: the fixed ones, each contribution rule, the waiting period's parts and each list item.
  function groups(view) {
    const list = GROUPS_FIXED.slice();
    const own = (key) => (view && Array.isArray(view[key]) ? view[key] : []);
    for (const c of own('contributions')) {
      if (!isObject(c) || typeof c.id !== 'string') continue;
      list.push({ id: `contribution-${c.id}`, at: ['contributions', { id: c.id }], legend: `缴费标准：${c.label || c.id}`, basis: true,
        fields: [['individual_fen', '个人每年缴费（元）', 'money'], ['subsidy_fen', '政府每年补助（元）', 'money']] });
    }
    const waiting = view && isObject(view.waiting_period) ? view.waiting_period : {};
    for (const w of WAITING) {
      const part = waiting[w.part];
      if (isObject(part) && !part.unknown) list.push({ ...w, id: `waiting-${w.part}`, at: ['waiting_period', w.part], basis: true, texts: TEXT });
    }
    for (const e of Array.isArray(waiting.exempt) ? waiting.exempt : []) {
      if (!isObject(e) || typeof e.id !== 'string') continue;
      list.push({ id: `exempt-${e.id}`, at: ['waiting_period', 'exempt', { id: e.id }], legend: `不设待遇等待期：${e.id}`, basis: true,
        fields: [['when', '什么情况下不设等待期（条件，JSON）', 'json']], texts: TEXT });
    }
    // A text of the base naming its years, with no field above, gets one (README: 往年的年份), while the year differs.
    for (const t of yearTexts(view)) {
      if (!t.at || list.some((g) => same(g.at, t.at.slice(0, -1)) && [...g.fields, ...(g.texts || [])].some(([name]) => name === t.at[t.at.length - 1]))) continue;
      list.push({ id: `text-${t.at.join('-')}`, at: t.at.slice(0, -1), legend: `说明文字：${textName(t.at)}`, basis: false,
        fields: [[t.at[t.at.length - 1], '说明文字（测算页上显示）', 'text']] });
    }
    // A list item's group is named by its place, so that typing its id keeps the form as it is.
    for (const def of LISTS) {
      own(def.key).forEach((item, index) => list.push({ id: `${def.key}-${index}`, list: def, index, legend: `${def.item}${index + 1}`,
        basis: def.basis, fields: def.fields, at: [def.key, def.ids && isObject(item) ? { id: item.id } : index] }));
    }
    return list;
  }
  const fieldId = (g, name) => `f-${g.id}-${name}`.replace(/[^A-Za-z0-9_-]/g, '_');
  // The node at `at` in the document, or undefined.
  function walk(doc, at) {
    let node = doc;
    for (const step of at) {
      if (typeof step === 'string') node = isObject(node) ? node[step] : undefined;
      else if (typeof step === 'number') node = Array.isArray(node) ? node[step] : undefined;
      else node = Array.isArray(node) ? node.find((x) => isObject(x) && x.id === step.id) : undefined;
    }
    return node;
  }
  // A group's object (a website, a string, as {value}).
  function groupIn(doc, g) {
    const node = doc ? walk(doc, g.at) : undefined;
    if (g.list && g.list.scalar) return typeof node === 'string' ? { value: node } : undefined;
    return isObject(node) ? node : undefined;
  }
  // Where the group is in the text, as a JSON pointer (a list item by its index there), or null.
  function groupPath(doc, g) {
    let node = doc;
    let path = '';
    for (const step of g.at) {
      const key = typeof step !== 'object' ? step : Array.isArray(node) ? node.findIndex((x) => isObject(x) && x.id === step.id) : -1;
      if (node === null || typeof node !== 'object' || !Object.prototype.hasOwnProperty.call(node, key)) return null;
      path += `/${key}`;
      node = node[key];
    }
    return path;
  }
  // A field's JSON pointer below its group's (a website is its own value).
  const fieldPath = (g, groupAt, name) => (g.list && g.list.scalar ? groupAt : `${groupAt}/${name}`);

  // ---- texts of the base that name its years, once the year has moved on ----
  // Keys whose strings are no text a citizen reads (ids, sources and quotes, conditions).
  const NOT_TEXT = new Set(['basis', 'sources', 'id', 'base', '$schema', 'from', 'source', 'quote', 'region', 'when', 'url']);
  // The base's texts that name its year or the year before (its collection's): {path, at (keys, or null inside a
  // list), text, years}. None while the ruleset's year is the base's.
  function yearTexts(view) {
    const base = isObject(view) && typeof view.base === 'string' ? merged[view.base] : null;
    if (!base || view.year === base.year) return [];
    const years = [base.year - 1, base.year].map((y) => `${y}年`);
    const out = [];
    (function visit(node, path, at) {
      if (typeof node === 'string') {
        const named = years.filter((y) => node.includes(y));
        if (named.length) out.push({ path, at, text: node, years: named });
      } else if (Array.isArray(node)) {
        node.forEach((x, i) => visit(x, `${path}/${i}`, null));
      } else if (isObject(node)) {
        for (const [k, x] of Object.entries(node)) if (!NOT_TEXT.has(k)) visit(x, `${path}/${k}`, at && [...at, k]);
      }
    })(base, '', []);
    return out;
  }
  const TEXT_NAMES = { unconfirmed_note: '依据是往年资料时的“请核实”提示', title: '规则名称', assistance: '特殊人群', tier: '缴费档次' };
  const textName = (at) => (at[0] === 'silences' ? `来源没有说明${TEXT_NAMES[at[1]] || at[1]}时的提示`
    : TEXT_NAMES[at[at.length - 1]] || at.join('.'));
  const pointed = (doc, path) => path.split('/').slice(1).reduce((node, key) => (node !== null && typeof node === 'object' ? node[key] : undefined), doc);
  // Those the ruleset still has word for word, each with the field it is changed in (else its place in the text).
  function staleTexts(doc, view, list) {
    return yearTexts(view).filter((t) => pointed(view, t.path) === t.text).map((t) => ({
      ...placeOf(doc, view, list, t.path),
      message: `还是${view.base}的文字，写着${t.years.join('、')}：“${t.text}”`,
    }));
  }

  // ---- checking ----
  function sourceTitle(view, id) {
    const s = view && Array.isArray(view.sources) && view.sources.find((x) => x && x.id === id);
    return s ? s.title : id;
  }

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
      const view = current(doc);
      const list = groups(view);
      if (ownRuleset(doc)) tableForm.render($('table-form'), doc);
      // The engine names a missing basis too: once is enough, in the form's words, which name the group and its fields.
      const own = formProblems(doc, view, list);
      problems = (answer.errors || []).map((e) => own.find((p) => p.path === e.path && p.path)
        || missing(e, placeOf(doc, view, list, e.path)) || { message: e.message, line: e.line, column: e.column, ...placeOf(doc, view, list, e.path) });
      if (text.trim() && !doc && answer.errors && !answer.errors.length) problems.push({ path: '', message: '规则应当是一个 JSON 对象（{…}）。', target: 'text' });
      problems.push(...own.filter((p) => !problems.includes(p)));
      stale = doc ? staleTexts(doc, view, list) : [];
    }
    render();
  }

  // A required field left empty, at its field of the table form, in the form's words (the key is the label there).
  function missing(e, place) {
    return e.code === 'missing' && place.target !== 'text' && ownRuleset(textDoc()) ? { ...place, message: '必填，还没有填写。' } : null;
  }

  // A changed value must bring a new basis: one the same as the reference's (or none) is not enough. And a website
  // added in the form must be filled in.
  function formProblems(doc, view, list) {
    const ref = reference(doc);
    if (!doc || ownRuleset(doc)) return [];
    const out = [];
    for (const g of list) {
      const now = groupIn(view, g);
      const path = groupPath(doc, g);
      if (g.list && g.list.scalar && now && !now.value.trim() && path) {
        out.push({ path, target: fieldId(g, 'value'), message: `“${g.legend}”是空的：请填写网站地址，或者删除这一项。` });
      }
      const was = ref && groupIn(ref, g);
      if (!g.basis || !now || !was || !path || g.fields.every(([name]) => same(now[name], was[name]))) continue;
      const own = groupIn(doc, g);
      const basis = own && own.basis;
      if (!Array.isArray(basis) || !basis.length || same(basis, was.basis)) {
        out.push({ path: `${path}/basis`, target: basisField(g, 'source', 0),
          message: `“${g.legend}”改了，请填写新的依据：来源编号和原文摘录（现在还是原来的依据）。` });
      }
    }
    return out;
  }

  // The inputs of a group's new basis: the first pair, then 2, 3, … for more quotes.
  const basisField = (g, part, index) => fieldId(g, index ? `${part}-${index + 1}` : part);

  // The form field an error belongs to (else the textarea), and its path in the text. The engine's path is in the
  // text, or, for what it finds after merging the text over its base, in the merged document: the text's places are
  // tried first, and a place found in the merged document is named by its place in the text.
  function placeOf(doc, view, list, path) {
    if (!path) return { path, target: 'text' };
    if (ownRuleset(doc)) return { path, target: tableForm.place($('table-form'), path) || 'text' };
    for (const within of [doc, view]) {
      for (const g of list) {
        const gp = groupPath(within, g);
        if (gp === null || !path.startsWith(gp)) continue;
        const own = groupPath(doc, g);
        const at = own === null ? path : own + path.slice(gp.length);
        for (const [name] of [...g.fields, ...(g.texts || [])]) {
          const field = fieldPath(g, gp, name);
          if (path === field || path.startsWith(`${field}/`)) return { path: at, target: fieldId(g, name) };
        }
        const basis = g.basis && /^\/basis(?:\/(\d+)(?:\/(source|quote))?)?(\/|$)/.exec(path.slice(gp.length));
        if (basis) return { path: at, target: basisField(g, basis[2] || 'source', Number(basis[1] || 0)) };
      }
    }
    return { path, target: 'text' };
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

  // A form field in words, as its group and label read: “缴费标准：大学生”的“新依据的来源编号”; null for the text or
  // a field the form does not show.
  function placeName(target) {
    const input = target && target !== 'text' ? $(target) : null;
    if (!input || input.closest('[hidden]')) return null;
    const label = document.querySelector(`label[for="${target}"]`);
    const legend = input.closest('fieldset') && input.closest('fieldset').querySelector('legend');
    return [legend, label].filter(Boolean).map((x) => `“${x.textContent}”`).join('的');
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

  function renderForm(doc) {
    const section = $('form-section');
    const own = ownRuleset(doc);
    $('table-section').hidden = !own;
    if (own) renderTableForm(doc);
    else $('table-form').replaceChildren();
    const view = current(doc);
    section.hidden = !view || !doc || own;
    if (section.hidden) return;
    const ref = reference(doc);
    const list = groups(view);
    const pairs = list.map((g) => (g.basis ? newBasis(doc, ref, g) : []));
    // Built anew only when the groups or the number of a new basis's quotes change, so typing keeps its place.
    const key = JSON.stringify(list.map((g, i) => [g.id, pairs[i].length]));
    if (key !== formKey) {
      formKey = key;
      sourceHome();
      fill($('form'), formParts(list, pairs));
    }
    const sources = new Set([...(view.sources || []), ...(Array.isArray(doc.sources) ? doc.sources : [])]
      .filter(isObject).map((s) => s.id));
    fill($('source-ids'), [...sources].map((id) => el('option', { value: id })));
    const errorsAt = new Map();
    for (const p of [...problems, ...stale]) if (!errorsAt.has(p.target)) errorsAt.set(p.target, p.message);
    list.forEach((g, i) => {
      const now = groupIn(view, g) || {};
      const was = ref ? groupIn(ref, g) : null;
      for (const [name, , kind] of g.fields) {
        const input = $(fieldId(g, name));
        if (document.activeElement !== input && !input.dataset.bad) input.value = KINDS[kind].show(now[name]);
        const notes = [];
        if (was) notes.push(`原来：${say(was[name], kind, g, name)}`);
        if (isObject(now[name]) && kind !== 'json') notes.push(`现在：${say(now[name], kind, g, name)}`);
        $(`${fieldId(g, name)}-was`).textContent = notes.join('；');
        setError(input, input.dataset.bad || errorsAt.get(fieldId(g, name)));
      }
      const changed = was && g.fields.some(([name]) => !same(now[name], was[name]));
      for (const [name] of g.texts || []) {
        const input = $(fieldId(g, name));
        if (document.activeElement !== input) input.value = typeof now[name] === 'string' ? now[name] : '';
        $(`${fieldId(g, name)}-was`).textContent = changed && now[name] === was[name]
          ? '还是上一份规则的说明文字，请按新的通知修改。' : '';
      }
      if (!g.basis) return;
      const basis = Array.isArray(now.basis) ? now.basis.filter(isObject) : [];
      fill($(fieldId(g, 'cite')), basis.length
        ? basis.map((b) => el('li', null, `《${sourceTitle(view, b.source)}》（${b.source}）：“${b.quote}”`))
        : el('li', null, '（没有依据）'));
      pairs[i].forEach((b, index) => {
        for (const part of ['source', 'quote']) {
          const input = $(basisField(g, part, index));
          if (document.activeElement !== input) input.value = String(b[part] ?? '');
          setError(input, errorsAt.get(basisField(g, part, index)));
        }
      });
    });
  }

  // The form of the field table: its values, and each problem at its control (a JSON box opened to show it).
  function renderTableForm(doc) {
    const home = $('table-form');
    tableForm.render(home, doc);
    const errorsAt = new Map();
    for (const p of problems) if (!errorsAt.has(p.target)) errorsAt.set(p.target, p.message);
    for (const box of home.querySelectorAll('.error')) {
      const control = $(box.id.replace(/-error$/, ''));
      if (!control) continue;
      const message = control.dataset.bad || errorsAt.get(control.id);
      setError(control, message);
      const details = control.closest('details');
      if (message && details) details.open = true;
    }
  }

  // The new basis a group's inputs show: its own in the text unless that is still the reference's, else what was
  // typed (perhaps a quote not complete yet); at least one empty pair.
  function newBasis(doc, ref, g) {
    const own = groupIn(doc, g);
    const was = ref ? groupIn(ref, g) : null;
    const fresh = own && Array.isArray(own.basis) && !(was && same(own.basis, was.basis)) ? own.basis.filter(isObject) : [];
    const typed = pending[g.id];
    if (typed && (!fresh.length || same(typed.filter(complete), fresh))) return typed;
    return fresh.length ? fresh : [{ source: '', quote: '' }];
  }
  const complete = (b) => Boolean(b.source && b.quote);

  // A value as the author reads it: an amount in 元, a date, or what stands in for one not published; a value carried
  // from an earlier year's rules (provisional) as the figure in force, 约482元（暂按2026年度标准）.
  function say(value, kind, g, name) {
    if (isObject(value) && isObject(value.provisional)) {
      const from = merged[value.provisional.from];
      const figure = g && carried(value, g, name);
      const year = from ? `${from.year}年度` : value.provisional.from || '往年';
      return figure === undefined ? `暂按${year}的标准（“约”）` : `约${say(figure, kind)}（暂按${year}标准）`;
    }
    if (isObject(value) && isObject(value.unknown)) return '尚未公布';
    if (value === undefined || value === null || value === '') return '（无）';
    if (kind === 'money' && typeof value === 'number') return `${yuan(value)}元`;
    return typeof value === 'object' ? JSON.stringify(value) : String(value);
  }

  // The value a provisional one stands for: the same field in the ruleset it is carried from, as far as it is carried.
  function carried(value, g, name) {
    let v = value;
    for (let hops = 0; hops < 10 && isObject(v) && isObject(v.provisional); hops += 1) {
      const from = merged[v.provisional.from];
      v = from ? (groupIn(from, g) || {})[name] : undefined;
    }
    return isObject(v) ? undefined : v;
  }

  function setError(input, message) {
    const box = $(`${input.id}-error`);
    input.setAttribute('aria-invalid', String(Boolean(message)));
    box.hidden = !message;
    box.textContent = message || '';
  }

  // A labelled input (or textarea: `multiline` 'quote' for words, 'code' for JSON) with its note and its error.
  function field(id, label, attrs, hint = true) {
    const described = hint ? `${id}-was ${id}-error` : `${id}-error`;
    const { multiline, ...rest } = attrs;
    const control = multiline ? el('textarea', { id, rows: 3, class: multiline === 'quote' ? 'quote' : null, 'aria-describedby': described })
      : el('input', { id, type: 'text', autocomplete: 'off', spellcheck: 'false', 'aria-describedby': described, ...rest });
    return el('div', { class: 'field' }, el('label', { for: id }, label), control,
      hint ? el('p', { class: 'hint', id: `${id}-was` }) : null,
      el('p', { class: 'error', id: `${id}-error`, hidden: true }));
  }

  // The form: each group, and each list's items in a box of their own with a button to add one.
  function formParts(list, pairs) {
    const boxes = new Map(LISTS.map((def) => [def.key, listBox(def)]));
    const parts = [];
    list.forEach((g, i) => {
      const box = groupForm(g, pairs[i].length);
      if (g.list) boxes.get(g.list.key).items.append(box);
      else parts.push(box);
    });
    return [...parts, ...[...boxes.values()].map((b) => b.box)];
  }

  function listBox(def) {
    const items = el('div');
    const add = el('button', { type: 'button', id: `add-${def.key}` }, `添加${def.item}`);
    add.addEventListener('click', () => {
      let index = 0;
      editList(def, (list) => {
        index = list.length;
        list.push(def.scalar ? '' : def.ids ? { id: freshId(def.ids, list) } : {});
      });
      const first = $(fieldId({ id: `${def.key}-${index}` }, def.fields[0][0]));
      if (first) first.focus();
    });
    return { items, box: el('section', { class: 'list-box', 'aria-labelledby': `h-${def.key}` },
      el('h3', { id: `h-${def.key}` }, def.legend), items, el('p', null, add)) };
  }
  function freshId(prefix, list) {
    let n = list.length + 1;
    while (list.some((x) => isObject(x) && x.id === `${prefix}-${n}`)) n += 1;
    return `${prefix}-${n}`;
  }

  function groupForm(g, quotes) {
    const parts = g.fields.map(([name, label, kind]) => {
      const wrap = field(fieldId(g, name), label, KINDS[kind].multiline ? { multiline: KINDS[kind].multiline } : { inputmode: KINDS[kind].mode });
      const input = wrap.querySelector('input, textarea');
      input.addEventListener('input', () => setValue(g, name, kind, input));
      return wrap;
    });
    for (const [name, label] of g.texts || []) {
      const wrap = field(fieldId(g, name), label, { multiline: 'quote' });
      const input = wrap.querySelector('textarea');
      input.addEventListener('input', () => update(g, (item) => { item[name] = input.value; }));
      parts.push(wrap);
    }
    const box = el('fieldset', { class: 'group' }, el('legend', null, g.legend), parts);
    if (g.basis) {
      box.append(el('div', { class: 'cite' }, el('strong', null, '现在的依据：'), el('ul', { id: fieldId(g, 'cite') })));
      const pairs = [];
      for (let i = 0; i < quotes; i += 1) {
        const nth = i ? `（第${i + 1}条）` : '';
        pairs.push(field(basisField(g, 'source', i), `新依据的来源编号${nth}`, { list: 'source-ids' }, false),
          field(basisField(g, 'quote', i), `新依据的原文摘录${nth}`, { multiline: 'quote' }, false));
      }
      for (const wrap of pairs) wrap.querySelector('input, textarea').addEventListener('input', () => setBasis(g, quotes));
      // The new notice is added as a source where its first quote is typed.
      const offer = el('button', { type: 'button' }, `添加一个新来源（${g.legend}）`);
      offer.addEventListener('click', () => offerSource(g, quotes));
      const more = el('button', { type: 'button' }, `再加一条依据（${g.legend}）`);
      more.addEventListener('click', () => {
        pending[g.id] = [...typedBasis(g, quotes), { source: '', quote: '' }];
        render();
        $(basisField(g, 'source', quotes)).focus();
      });
      box.append(el('div', { class: 'new-basis' }, pairs, el('p', { class: 'actions' }, offer, more)));
    }
    if (g.list) {
      const remove = el('button', { type: 'button' }, `删除${g.legend}`);
      remove.addEventListener('click', () => {
        // The items after it move up a place: what was typed for them goes.
        for (const id of Object.keys(pending)) if (id.startsWith(`${g.list.key}-`)) delete pending[id];
        editList(g.list, (list) => list.splice(g.index, 1));
        $(`add-${g.list.key}`).focus();
      });
      box.append(el('p', null, remove));
    }
    return box;
  }

  // ---- the form writes the text ----
  function writeDoc(doc) {
    $('text').value = JSON.stringify(doc, null, 2);
    check();
  }

  // The group's object in the text, made where the text does not have it yet.
  function ownGroup(doc, g) {
    let node = doc;
    g.at.forEach((step, i) => {
      if (typeof step === 'object') {
        let item = node.find((x) => isObject(x) && x.id === step.id);
        if (!item) { item = { id: step.id }; node.push(item); }
        node = item;
        return;
      }
      const list = typeof g.at[i + 1] === 'object';
      if (list ? !Array.isArray(node[step]) : !isObject(node[step])) node[step] = list ? [] : {};
      node = node[step];
    });
    return node;
  }

  // A list as the file writes it (README "base"): the inverse of the engine's merge (list_patch in
  // engine/rules/merge.hpp): over a base whose list has ids, only what differs item by item; else the whole list.
  function writeList(doc, key, items) {
    const base = typeof doc.base === 'string' && merged[doc.base] ? merged[doc.base][key] : undefined;
    const patch = JSON.parse(engine.listPatch(JSON.stringify(base === undefined ? null : base), JSON.stringify(items)));
    if (patch === null) delete doc[key];
    else doc[key] = patch;
  }

  // Edits the list as the form shows it (merged over the base), and writes it.
  function editList(def, change) {
    const doc = textDoc();
    if (!doc) return;
    const shown = current(doc)[def.key];
    const items = clone(Array.isArray(shown) ? shown : []);
    change(items);
    writeList(doc, def.key, items);
    writeDoc(doc);
  }

  // One edit of a group's object (a website's as {value}), written into the text.
  function update(g, change) {
    if (!g.list) {
      const doc = textDoc();
      if (!doc) return;
      change(ownGroup(doc, g));
      writeDoc(doc);
      return;
    }
    editList(g.list, (list) => {
      const item = g.list.scalar ? { value: list[g.index] } : isObject(list[g.index]) ? list[g.index] : {};
      change(item);
      list[g.index] = g.list.scalar ? item.value || '' : item;
    });
  }

  function setValue(g, name, kind, input) {
    const value = KINDS[kind].read(input.value.trim());
    const items = g.list && (current(textDoc()) || {})[g.list.key];
    const taken = kind === 'id' && Array.isArray(items) && items.some((x, i) => i !== g.index && isObject(x) && x.id === value);
    if (value === undefined || taken) {
      input.dataset.bad = taken ? `编号“${value}”已经有了：同一列表里的编号不能重复。` : KINDS[kind].error;
      setError(input, input.dataset.bad);
      return;
    }
    delete input.dataset.bad;
    update(g, (item) => {
      if (value === '') delete item[name];
      else item[name] = value;
      // A new basis typed before the value changed goes in with it.
      const typed = (pending[g.id] || []).filter(complete);
      if (g.basis && typed.length) item.basis = typed;
    });
  }

  function typedBasis(g, quotes) {
    return Array.from({ length: quotes }, (_, i) => ({ source: $(basisField(g, 'source', i)).value.trim(),
      quote: $(basisField(g, 'quote', i)).value.trim() }));
  }

  function setBasis(g, quotes) {
    pending[g.id] = typedBasis(g, quotes);
    const basis = pending[g.id].filter(complete);
    if (basis.length) update(g, (item) => { item.basis = basis; });
  }

  // The form to add a source, opened inside a group (below its new basis) or in its place under the form.
  let sourceFor = null;  // {g, quotes}: the group it was opened in
  function sourceHome() {
    sourceFor = null;
    $('source-ids').after($('new-source'));
  }
  function offerSource(g, quotes) {
    const form = $('new-source');
    $(basisField(g, 'source', 0)).closest('.new-basis').after(form);
    sourceFor = { g, quotes };
    form.open = true;
    // A source id typed that the ruleset does not have is the one to add.
    const typed = $(basisField(g, 'source', 0)).value.trim();
    const known = [...$('source-ids').options].some((o) => o.value === typed);
    if (typed && !known) $('src-id').value = typed;
    $('src-status').textContent = '';
    $('src-id').focus();
  }

  function addSource() {
    const doc = textDoc();
    const status = $('src-status');
    if (!doc) { status.textContent = '规则JSON现在无法读取，请先改正上面列出的问题。'; return; }
    const source = { id: $('src-id').value.trim(), level: $('src-level').value, title: $('src-title').value.trim(),
      publisher: $('src-publisher').value.trim() };
    if (!source.id || !source.title || !source.publisher) { status.textContent = '来源编号、标题和发布单位都要填写。'; return; }
    const date = $('src-date').value.trim();
    const url = $('src-url').value.trim();
    if (date) source.date = date;
    if (url) source.url = url;
    if (!Array.isArray(doc.sources)) doc.sources = [];
    const at = doc.sources.findIndex((s) => isObject(s) && s.id === source.id);
    if (at >= 0) doc.sources[at] = source; else doc.sources.push(source);
    const target = sourceFor;
    writeDoc(doc);
    if (!target || !$(basisField(target.g, 'source', 0))) {
      status.textContent = `已添加来源“${source.id}”，可以在上面的“新依据的来源编号”里选用。`;
      return;
    }
    // Opened in a group: the new source becomes its basis's source, and the quote is next.
    const input = $(basisField(target.g, 'source', 0));
    input.value = source.id;
    setBasis(target.g, target.quotes);
    status.textContent = `已添加来源“${source.id}”，并填进了“${target.g.legend}”的新依据，请填写原文摘录。`;
    $(basisField(target.g, 'quote', 0)).focus();
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

  const inflate = (id) => new Response(YibaoBoot.inflate(id)).arrayBuffer();

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
      const html = assemble(new TextDecoder().decode(await inflate(template)), { rulesets: JSON.stringify(docs),
        feeTables: tables, familyPage: PAGES.family.name(id), staffPage: PAGES.staff.name(id) });
      save(name, html, 'text/html');
      status.textContent = `已生成${label}“${name}”，包含 ${docs.length} 份规则：${docs.map((d) => d.id).join('、')}。`;
    } catch (error) {
      status.textContent = `生成${label}失败：${error instanceof Error ? error.message : error}。编辑框里的内容没有改动。`;
    }
  }

  // ---- opening ----
  function nextYear(d) {
    const year = (date) => (typeof date === 'string' ? date.replace(/^(\d{4})(-02-29)?/, (all, y, leap) => `${Number(y) + 1}${leap ? '-02-28' : ''}`) : date);
    const y = Number(d.year);
    const id = /\d{4}/.test(d.id) ? d.id.replace(/\d{4}(?!.*\d{4})/, (m) => String(Number(m) + 1)) : `${d.id}-next`;
    return {
      id, base: d.id, year: y + 1,
      title: String(d.title).split(String(y)).join(String(y + 1)),
      unconfirmed_note: d.unconfirmed_note,
      benefit_year: { ...d.benefit_year, start: year(d.benefit_year.start), end: year(d.benefit_year.end) },
      collection: { ...d.collection, opens: year(d.collection.opens), closes: year(d.collection.closes) },
      continuity_deadline: { ...d.continuity_deadline, date: year(d.continuity_deadline.date) },
    };
  }

  function startFrom(id) {
    const text = JSON.stringify(nextYear(merged[id]), null, 2);
    if ($('text').value.trim() && $('text').value !== text) {
      askFile({ name: `以“${id}”为基础的新规则`, text, errors: [], fresh: true });
      return;
    }
    putText(text, null);
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
    putText(text, null);
    $('table-form').querySelector('input, select, textarea').focus();
  }

  function putText(text, doc) {
    opened = doc && !(typeof doc.base === 'string' && merged[doc.base]) ? clone(doc) : null;
    for (const k of Object.keys(pending)) delete pending[k];
    formKey = '';
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

  async function openFile(file) {
    if (!file) return;
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
      askFile({ name, text, doc: isObject(doc) ? doc : null, errors });
      check();
      return;
    }
    putText(text, doc);
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
    tableForm = YibaoTableForm({ field, setError, table: JSON.parse(engine.fieldTable()), read: textDoc, write: writeDoc });
    $('new-city').addEventListener('click', newCity);
    fill($('bases'), builtIn.filter((d) => merged[d.id]).map((d) => {
      const button = el('button', { type: 'button' }, `以“${d.title}”（${d.id}）为基础`);
      button.addEventListener('click', () => startFrom(d.id));
      return button;
    }));
    $('form').after(el('datalist', { id: 'source-ids' }));
    let timer;
    $('text').addEventListener('input', () => { clearTimeout(timer); timer = setTimeout(check, 300); });
    $('file').addEventListener('change', () => { openFile($('file').files[0]); $('file').value = ''; });
    document.addEventListener('dragover', (event) => { event.preventDefault(); $('drop').classList.add('over'); });
    document.addEventListener('dragleave', () => $('drop').classList.remove('over'));
    document.addEventListener('drop', (event) => {
      event.preventDefault();
      $('drop').classList.remove('over');
      if (event.dataTransfer && event.dataTransfer.files.length) openFile(event.dataTransfer.files[0]);
    });
    $('file-use').addEventListener('click', () => { if (pendingFile && pendingFile.text !== null) putText(pendingFile.text, pendingFile.doc || parse(pendingFile.text)); $('text').focus(); });
    $('file-drop').addEventListener('click', () => { $('file-problem').hidden = true; pendingFile = null; check(); $('file').focus(); });
    $('src-add').addEventListener('click', addSource);
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
