// The workbench's form for a ruleset (a new city's, or one over its base as merged): made from the engine's field table
// (fieldTable(), engine/rules/fields.cpp), field by field by its kind, so that a field added to the table appears
// here without a change to this file. Conditions get a small editor made from the vocabulary's keywords and forms,
// beside a JSON box for the rare rest; dates of a rule (start, end) one for the common expressions. Every control
// is named by the JSON pointer of its value (data-path), so that the engine's errors land at their field.
import YibaoFields from './fields.js';

export default (function () {
  'use strict';
  const { el } = YibaoFields;
  const isObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);
  const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);

  // The keywords most notices use, always shown; the rest under 更多条件 (open when one is in use).
  const COMMON = new Set(['category', 'student', 'assistance', 'history', 'tier', 'age', 'payment_date', 'birth_date']);
  const RELATIONS = { before: '早于', on_or_before: '不晚于', after: '晚于', on_or_after: '不早于' };
  const COUNTS = { at_least: '至少', under: '小于' };
  const SHIFTS = { same: '当天', add_days: '再过几天', first_of_month: '当月1日', first_of_next_month: '次月1日', last_of_month: '当月最后一天' };
  const MONTHS = { none: '不加', months: '再加几个月', waiting_months: '再加待遇等待期' };

  const yuanOf = (fen) => (typeof fen === 'number' ? (fen % 100 ? (fen / 100).toFixed(2) : String(fen / 100)) : '');

  // ---- pointers ----
  const pointer = (at, key) => `${at}/${String(key).replace(/~/g, '~0').replace(/\//g, '~1')}`;
  const steps = (at) => at.split('/').slice(1).map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  function get(doc, at) {
    return steps(at).reduce((node, key) => (node !== null && typeof node === 'object' ? node[key] : undefined), doc);
  }
  // Sets (undefined: takes out) the value at `at`, making the objects on the way.
  function put(doc, at, value) {
    const keys = steps(at);
    let node = doc;
    keys.slice(0, -1).forEach((key, i) => {
      if (node[key] === null || typeof node[key] !== 'object') node[key] = /^\d+$/.test(keys[i + 1]) ? [] : {};
      node = node[key];
    });
    const last = keys[keys.length - 1];
    if (value === undefined) {
      if (Array.isArray(node)) node.splice(Number(last), 1);
      else delete node[last];
    } else {
      node[last] = value;
    }
  }
  const idOf = (at) => `tf${at.replace(/[^A-Za-z0-9_]/g, '-')}`;

  // ---- the vocabulary's condition keywords, read from their forms, named in the vocabulary's words ----
  // [category id, …] / [a | b | group id, …]: choices, fixed ones in their words and ids of the ruleset's own items
  // by their labels; {"under" | "at_least": years}: a count; {"before" | …: date}: a date relation; true | false: yes
  // or no. Combinators (all, any, not) are the editor's own, the rest JSON.
  function keywordEditors(vocabulary) {
    const out = [];
    for (const w of vocabulary.filter((v) => v.kind === 'condition')) {
      const form = String(w.form);
      const named = { key: w.key, title: w.label, description: w.description };
      let m;
      if ((m = /^\[(.+), …\]$/.exec(form)) && !/condition/.test(m[1])) {
        const alternatives = m[1].split(' | ');
        const from = alternatives.map((a) => /^(\w+) id$/.exec(a)).find(Boolean);
        out.push({ ...named, type: 'choices', from: from ? from[1] : null,
          choices: alternatives.filter((a) => !/ id$/.test(a)).map((c) => [c, w.words[c] || c]) });
      } else if ((m = /^\{(.+): (\w+)\}$/.exec(form))) {
        const keys = [...m[1].matchAll(/"(\w+)"/g)].map((x) => x[1]).sort((a, b) => Number(b === 'at_least') - Number(a === 'at_least'));
        out.push({ ...named, type: m[2] === 'date' ? 'relation' : 'count', keys });
      } else if (form === 'true | false') {
        out.push({ ...named, type: 'boolean' });
      }
    }
    return out;
  }
  // A condition as clauses of one keyword each, joined by all or any; null when it needs the JSON box.
  function clauses(condition, editors) {
    if (condition === undefined || condition === null) return { mode: 'all', list: [] };
    if (!isObject(condition)) return null;
    const keys = Object.keys(condition);
    const simple = (c) => isObject(c) && Object.keys(c).length === 1 && editors.some((e) => e.key === Object.keys(c)[0]);
    const flat = (c) => Object.entries(c).map(([key, value]) => ({ key, value }));
    if (keys.length === 1 && (keys[0] === 'any' || keys[0] === 'all') && Array.isArray(condition[keys[0]])
      && condition[keys[0]].every(simple)) return { mode: keys[0], list: condition[keys[0]].flatMap(flat) };
    if (keys.every((k) => editors.some((e) => e.key === k))) return { mode: 'all', list: flat(condition) };
    return null;
  }
  function condition(model) {
    const list = model.list;
    if (model.mode === 'any' && list.length > 1) return { any: list.map((c) => ({ [c.key]: c.value })) };
    const keys = list.map((c) => c.key);
    if (new Set(keys).size === keys.length) return Object.fromEntries(list.map((c) => [c.key, c.value]));
    return { all: list.map((c) => ({ [c.key]: c.value })) };
  }

  // ---- a date expression as anchor (one of `anchors`), shift, months and a floor at year_start; null when it needs
  // the JSON box ----
  function dateModel(expr, anchors) {
    const model = { anchor: 'year_start', date: '', shift: 'same', days: 1, months: 'none', count: 3, floor: false };
    let x = expr;
    if (isObject(x) && Array.isArray(x.add_months) && x.add_months.length === 2) {
      const [inner, n] = x.add_months;
      if (n === 'waiting_months') model.months = 'waiting_months';
      else if (Number.isInteger(n)) { model.months = 'months'; model.count = n; } else return null;
      x = inner;
    }
    if (isObject(x) && Array.isArray(x.max) && x.max.length === 2 && x.max.includes('year_start')) {
      model.floor = true;
      x = x.max[0] === 'year_start' ? x.max[1] : x.max[0];
    }
    if (isObject(x) && Array.isArray(x.add_days) && x.add_days.length === 2 && Number.isInteger(x.add_days[1])) {
      model.shift = 'add_days';
      model.days = x.add_days[1];
      x = x.add_days[0];
    } else if (isObject(x) && Object.keys(x).length === 1 && ['first_of_month', 'first_of_next_month', 'last_of_month'].includes(Object.keys(x)[0])) {
      model.shift = Object.keys(x)[0];
      x = x[model.shift];
    }
    if (typeof x !== 'string') return null;
    // '' is a date still to be typed.
    if (x === '' || /^\d{4}-\d{2}-\d{2}$/.test(x)) { model.anchor = 'date'; model.date = x; } else if (anchors[x]) model.anchor = x; else return null;
    return model;
  }
  function dateExpr(model) {
    let x = model.anchor === 'date' ? model.date : model.anchor;
    if (model.shift === 'add_days') x = { add_days: [x, model.days] };
    else if (model.shift !== 'same') x = { [model.shift]: x };
    if (model.floor) x = { max: ['year_start', x] };
    if (model.months === 'months') x = { add_months: [x, model.count] };
    else if (model.months === 'waiting_months') x = { add_months: [x, 'waiting_months'] };
    return x;
  }

  // The form: `api` gives el/field/setError from the workbench, the field table, read()/write(doc) of the document
  // it edits, and base(): the ruleset that one is based on (merged), or null.
  return function tableForm(api) {
    const { field, table } = api;
    const objects = new Map(table.objects.map((o) => [o.object, o]));
    const byObject = new Map();
    for (const f of table.fields) {
      if (!byObject.has(f.object)) byObject.set(f.object, []);
      byObject.get(f.object).push(f);
    }
    const editors = keywordEditors(table.vocabulary);
    // The dates a rule's date counts from: a day typed, or one the vocabulary names, in its words.
    const anchors = Object.fromEntries(table.vocabulary.filter((v) => v.kind === 'date' && /^"/.test(v.form))
      .map((v) => [v.key === 'YYYY-MM-DD' ? 'date' : v.key, v.label]));
    const dateModelOf = (expr) => dateModel(expr, anchors);
    const SKIP = new Set(['$schema', '$comment', 'base']);

    // Each edit: the text's document changed at `at`, written back (the workbench checks it).
    function edit(change) {
      const doc = api.read();
      if (!doc) return;
      change(doc);
      api.write(doc);
    }
    const set = (at, value) => edit((doc) => put(doc, at, value));

    // A labelled control of `kind` for the value at `at`; `read` turns what is typed into the value (undefined: not
    // one, with `error`), '' taking the key out.
    function input(at, name, hint, value, read, error, attrs = {}, onValue = (v) => set(at, v)) {
      const id = idOf(at);
      const wrap = field(id, name, attrs);
      const control = wrap.querySelector('input, textarea');
      control.dataset.path = at;
      control.value = value;
      if (hint) wrap.querySelector('.hint').dataset.fixed = hint;
      control.addEventListener('input', () => {
        const raw = control.value.trim();
        const v = raw === '' ? undefined : read(raw);
        if (raw !== '' && v === undefined) {
          control.dataset.bad = error;
          api.setError(control, error);
          return;
        }
        delete control.dataset.bad;
        onValue(v);
      });
      return wrap;
    }
    function select(at, name, options, value, onChange) {
      const id = idOf(at);
      const wrap = el('div', { class: 'field' }, el('label', { for: id }, name));
      const box = el('select', { id, 'data-path': at, 'aria-describedby': `${id}-error` },
        Object.entries(options).map(([v, text]) => el('option', { value: v }, text)));
      box.value = value;
      box.addEventListener('change', () => onChange(box.value));
      wrap.append(box, el('p', { class: 'error', id: `${id}-error`, hidden: true }));
      return wrap;
    }
    function check(at, name, value, onChange) {
      const id = idOf(at);
      const box = el('input', { type: 'checkbox', id, 'data-path': at });
      box.checked = value;
      box.addEventListener('change', () => onChange(box.checked));
      return el('label', { class: 'check' }, box, name);
    }
    const button = (text, onClick, id) => {
      const b = el('button', { type: 'button', id }, text);
      b.addEventListener('click', onClick);
      return b;
    };

    const DATE = /^\d{4}-\d{2}-\d{2}$/;
    const readDate = (raw) => (DATE.test(raw) ? raw : undefined);
    const DATE_ERROR = '请按“年-月-日”填写，例如 2025-09-01。';
    const readYuan = (raw) => (/^\d+(\.\d{1,2})?$/.test(raw) ? Math.round(Number(raw) * 100) : undefined);
    const MONEY_ERROR = '请填写金额（元），例如 380 或 380.50。';

    // Over a base, what a field said there, where it differs (原来：…): the base's value at the same place, a list
    // item found by its id.
    function was(at, value, money = false) {
      const base = api.base ? api.base() : null;
      if (!base) return '';
      let node = shown;
      let old = base;
      for (const key of steps(at)) {
        const item = Array.isArray(node) ? node[Number(key)] : isObject(node) ? node[key] : undefined;
        if (Array.isArray(node) && isObject(item) && item.id !== undefined) old = Array.isArray(old) ? old.find((x) => isObject(x) && x.id === item.id) : undefined;
        else old = old !== null && typeof old === 'object' ? old[key] : undefined;
        node = item;
      }
      if (same(old, value)) return '';
      const said = isObject(old) && isObject(old.unknown) ? '尚未公布'
        : isObject(old) && isObject(old.provisional) ? '暂按往年标准'
          : old === undefined || old === '' ? '（无）' : money && typeof old === 'number' ? `${yuanOf(old)}元` : String(old);
      return `原来：${said}。`;
    }
    const withWas = (hint, at, value, money) => `${hint || ''}${was(at, value, money)}`;

    // An amount or a collection date: the value, carried from an earlier ruleset, or not published.
    function fact(f, at, value, name, hint) {
      const mode = isObject(value) && isObject(value.unknown) ? 'unknown' : isObject(value) && isObject(value.provisional) ? 'provisional' : 'value';
      const money = f.kind === 'amount';
      const modes = { value: money ? '金额' : '日期', unknown: objects.get('unknown').label, provisional: objects.get('provisional').label };
      const parts = [select(`${at}#mode`, '怎么填', modes, mode, (m) => set(at, m === 'value' ? undefined
        : m === 'unknown' ? { unknown: { reason: '', ask: '' } } : { provisional: { from: '', text: '' } }))];
      if (mode === 'value') {
        parts.push(money
          ? input(at, '金额（元）', withWas(hint, at, value, true), yuanOf(value), readYuan, MONEY_ERROR, { inputmode: 'decimal' })
          : input(at, '日期', withWas(hint, at, value), typeof value === 'string' ? value : '', readDate, DATE_ERROR, { inputmode: 'numeric' }));
      } else {
        parts.push(object(mode, pointer(at, mode), value[mode]));
        if (mode === 'provisional') {
          parts.push(money ? input(pointer(at, 'value'), '往年的金额（元，可以不填）', '', yuanOf(value.value), readYuan, MONEY_ERROR, { inputmode: 'decimal' })
            : input(pointer(at, 'value'), '往年的日期（可以不填）', '', typeof value.value === 'string' ? value.value : '', readDate, DATE_ERROR));
        }
      }
      return el('fieldset', { class: 'group' }, el('legend', null, name), parts);
    }

    // A date of a rule: anchor, shift, months, floor; or not published; or JSON. `put` writes the expression (a
    // condition's date goes through its clause), `now` reads the one in the text.
    function dateEditor(f, at, value, name, hint, now = () => get(api.read() || {}, at), write = (v) => set(at, v)) {
      const unknown = f.or_unknown && isObject(value) && isObject(value.unknown);
      // An optional date left out is said so (its hint says what stands for it), not shown as a rule.
      const left = !f.required && value === undefined;
      const model = unknown || left ? null : dateModelOf(value === undefined ? 'year_start' : value);
      const change = (how) => { const m = { ...(dateModelOf(now()) || model) }; how(m); write(dateExpr(m)); };
      const number = (key) => (v) => change((m) => { m[key] = v === undefined ? (key === 'date' ? '' : 0) : v; });
      const parts = [];
      if (f.or_unknown || !f.required) {
        const modes = { ...(f.required ? {} : { none: '不填' }), rule: '按日期规则', ...(f.or_unknown ? { unknown: '来源没有说（尚未公布）' } : {}) };
        parts.push(select(`${at}#mode`, '怎么填', modes, unknown ? 'unknown' : left ? 'none' : 'rule',
          (m) => write(m === 'unknown' ? { unknown: { reason: '', ask: '' } } : m === 'none' ? undefined : f.required ? 'year_start' : 'year_end')));
      }
      if (unknown) {
        parts.push(object('unknown', pointer(at, 'unknown'), value.unknown));
      } else if (model) {
        parts.push(select(`${at}#anchor`, '从哪天算起', anchors, model.anchor, (v) => change((m) => { m.anchor = v; })));
        if (model.anchor === 'date') parts.push(input(`${at}#date`, '哪一天', '', model.date, readDate, DATE_ERROR, { inputmode: 'numeric' }, number('date')));
        parts.push(select(`${at}#shift`, '然后', SHIFTS, model.shift, (v) => change((m) => { m.shift = v; })));
        if (model.shift === 'add_days') {
          parts.push(input(`${at}#days`, '过几天', '例如“缴费次日”填 1。', String(model.days), readInt, INT_ERROR, { inputmode: 'numeric' }, number('days')));
        }
        parts.push(select(`${at}#months`, '再加', MONTHS, model.months, (v) => change((m) => { m.months = v; })));
        if (model.months === 'months') {
          parts.push(input(`${at}#count`, '几个月', '', String(model.count), readInt, INT_ERROR, { inputmode: 'numeric' }, number('count')));
        }
        parts.push(check(`${at}#floor`, '不早于待遇年度第一天', model.floor, (v) => change((m) => { m.floor = v; })));
      }
      if (!unknown && !left) parts.push(jsonBox(at, value, `${name}（JSON，其他写法）`, !model, write));
      return el('fieldset', { class: 'group' }, el('legend', null, name), hint ? el('p', { class: 'hint' }, hint) : null, parts);
    }
    const readInt = (raw) => (/^-?\d+$/.test(raw) ? Number(raw) : undefined);
    const INT_ERROR = '请填写整数，例如 3。';

    // A JSON box for a condition or date the editor does not cover.
    function jsonBox(at, value, name, open, write = (v) => set(at, v)) {
      const id = idOf(`${at}#json`);
      const wrap = field(id, name, { multiline: 'code' });
      const control = wrap.querySelector('textarea');
      control.dataset.path = at;
      control.value = value === undefined ? '' : JSON.stringify(value);
      control.addEventListener('input', () => {
        const raw = control.value.trim();
        let v;
        try { v = raw === '' ? undefined : JSON.parse(raw); } catch { v = null; }
        if (v === null) { control.dataset.bad = '这不是有效的 JSON。'; api.setError(control, control.dataset.bad); return; }
        delete control.dataset.bad;
        write(v);
      });
      return el('details', { class: 'json-box', open: open || null }, el('summary', null, open ? '这一项要用 JSON 写' : '用 JSON 写（其他写法）'), wrap);
    }

    // The condition editor: one row a keyword of the vocabulary, joined by all or any.
    function conditionEditor(at, value, name, hint, doc, inCategory) {
      const model = clauses(value, editors);
      const parts = [];
      if (model) {
        const write = (change) => {
          const m = clauses(get(api.read() || {}, at), editors) || { mode: 'all', list: [] };
          change(m);
          set(at, m.list.length ? condition(m) : (get(api.read() || {}, at) === undefined ? undefined : {}));
        };
        // The clauses of `key` taken out, but for those `keep` names.
        function without(m, key, keep) { m.list = m.list.filter((c) => c.key !== key || (keep ? keep(c) : false)); }
        parts.push(select(`${at}#mode`, '条件之间', { all: '全部都要符合', any: '符合任一即可' }, model.mode, (v) => write((m) => { m.mode = v; })));
        const more = [];
        let moreUsed = false;
        for (const e of editors) {
          if (e.key === 'category' && inCategory) continue;
          const mine = model.list.filter((c) => c.key === e.key);
          const { title } = e;
          const row = `${at}#${e.key}`;
          const rows = COMMON.has(e.key) ? parts : more;
          if (rows === more && mine.length) moreUsed = true;
          if (e.type === 'choices') {
            // The ruleset's own items by their labels (a keyword of them is left out while it has none), then the fixed ones.
            const own = e.from === 'category' ? doc.categories : e.from === 'tier' ? (doc.tiers || {}).levels
              : e.from === 'group' ? doc.assistance_groups : [];
            const items = (Array.isArray(own) ? own : []).filter(isObject).map((x) => [x.id, x.label || String(x.id)]);
            if (e.from && !items.length) continue;
            const choices = [...items, ...e.choices];
            if (!choices.length) continue;
            const chosen = mine.length ? mine[0].value : [];
            rows.push(el('fieldset', { class: 'choices' }, el('legend', null, title),
              choices.map(([v, text]) => check(`${row}/${v}`, text, Array.isArray(chosen) && chosen.includes(v), (on) => write((m) => {
                const old = (m.list.find((c) => c.key === e.key) || { value: [] }).value;
                const next = choices.map(([x]) => x).filter((x) => (x === v ? on : Array.isArray(old) && old.includes(x)));
                without(m, e.key);
                if (next.length) m.list.push({ key: e.key, value: next });
              })))));
          } else if (e.type === 'count') {
            rows.push(el('fieldset', { class: 'choices' }, el('legend', null, title), e.keys.map((k) => {
              const now = mine.find((c) => isObject(c.value) && k in c.value);
              return input(`${row}/${k}`, `${title}${COUNTS[k] || k}`, '', now ? String(now.value[k]) : '', readInt, INT_ERROR, { inputmode: 'numeric' },
                (v) => write((m) => {
                  without(m, e.key, (c) => isObject(c.value) && !(k in c.value));
                  if (v !== undefined) m.list.push({ key: e.key, value: { [k]: v } });
                }));
            })));
          } else if (e.type === 'relation') {
            const now = mine[0] && isObject(mine[0].value) ? Object.entries(mine[0].value)[0] : null;
            const relation = now ? now[0] : '';
            const options = { '': '不限', ...Object.fromEntries(e.keys.map((k) => [k, RELATIONS[k] || k])) };
            const box = el('fieldset', { class: 'choices' }, el('legend', null, title),
              select(`${row}#relation`, '在哪天之前或之后', options, relation, (v) => write((m) => {
                const old = m.list.find((c) => c.key === e.key);
                const date = old && isObject(old.value) ? Object.values(old.value)[0] : e.key === 'payment_date' ? 'deadline' : 'year_start';
                without(m, e.key);
                if (v) m.list.push({ key: e.key, value: { [v]: date } });
              })));
            if (relation) {
              const clause = () => {
                const m = clauses(get(api.read() || {}, at), editors);
                const c = m && m.list.find((x) => x.key === e.key);
                return c && isObject(c.value) ? c.value[relation] : undefined;
              };
              box.append(dateEditor({ kind: 'date_expr', required: true }, `${row}/${relation}`, now[1], `${title}${RELATIONS[relation] || relation}哪天`, '', clause,
                (date) => write((m) => { const c = m.list.find((x) => x.key === e.key); if (c) c.value = { [relation]: date }; })));
            }
            rows.push(box);
          } else if (e.type === 'boolean') {
            const now = mine[0] ? String(mine[0].value) : '';
            rows.push(select(row, title, { '': '不限', true: '是', false: '否' }, now, (v) => write((m) => {
              without(m, e.key);
              if (v) m.list.push({ key: e.key, value: v === 'true' });
            })));
          }
        }
        if (more.length) parts.push(el('details', { class: 'json-box', open: moreUsed || null }, el('summary', null, '更多条件'), more));
      }
      parts.push(jsonBox(at, value, `${name}（JSON，其他写法）`, !model));
      const box = el('fieldset', { class: 'group condition' }, el('legend', null, name), hint ? el('p', { class: 'hint' }, hint) : null,
        model && !model.list.length ? el('p', { class: 'hint' }, '现在没有条件：所有人都符合。') : null, parts);
      return box;
    }

    // An id naming an item of another list of the ruleset (a contribution's part, a fee part): a choice of that list's
    // items by id and label; an id it does not have stays chosen, said so, for the check to name.
    const itemsOf = (doc, key) => (Array.isArray(doc[key]) ? doc[key] : []).filter((x) => isObject(x) && typeof x.id === 'string');
    function itemChoice(f, at, value, doc) {
      const options = { '': '（请选择）', ...Object.fromEntries(itemsOf(doc, f.names).map((x) => [x.id, x.label ? `${x.label}（${x.id}）` : x.id])) };
      if (typeof value === 'string' && value && !(value in options)) options[value] = `${value}（不在列表中）`;
      return select(at, f.label, options, typeof value === 'string' ? value : '', (v) => set(at, v || undefined));
    }

    // Whether another item of the list the item at `at` is in has the id `id`.
    function taken(at, id) {
      const m = /^(.*)\/(\d+)$/.exec(at);
      const items = m ? get(shown, m[1]) : null;
      return Array.isArray(items) && items.some((x, i) => i !== Number(m[2]) && isObject(x) && x.id === id);
    }

    // One field of an object, by its kind.
    function fieldOf(f, at, value, doc, owner, context) {
      const name = f.label;
      const { hint } = f;
      const where = pointer(at, f.key);
      const enumeration = /"enum":\[([^\]]*)\]/.exec(f.schema || '');
      switch (f.kind) {
        case 'text':
          if (f.names) return itemChoice(f, where, value, doc);
          if (enumeration) {
            const values = JSON.parse(`[${enumeration[1]}]`);
            const options = { '': '（请选择）', ...Object.fromEntries(values.map((v) => [v, f.words[v] || v])) };
            return select(where, name, options, typeof value === 'string' ? value : '', (v) => set(where, v || undefined));
          }
          // A list item's id another item has already would merge the two: not written.
          return input(where, name, withWas(hint, where, value), typeof value === 'string' ? value : '', (raw) => (f.key === 'id' && taken(at, raw) ? undefined : raw),
            '这个编号已经有了：同一列表里的编号不能重复。', ['text', 'quote', 'caveat', 'reason'].includes(f.key) ? { multiline: 'quote' } : {});
        case 'integer':
          return input(where, name, withWas(hint, where, value), typeof value === 'number' ? String(value) : '', (raw) => {
            const n = readInt(raw);
            return n !== undefined && n >= f.min && n <= f.max ? n : undefined;
          }, `请填写${f.min}至${f.max}的整数。`, { inputmode: 'numeric' });
        case 'boolean':
          return el('div', { class: 'field' }, check(where, name, value === true, (on) => set(where, on ? true : f.required ? false : undefined)),
            hint ? el('p', { class: 'hint' }, hint) : null, el('p', { class: 'error', id: `${idOf(where)}-error`, hidden: true }));
        case 'date':
          return input(where, name, withWas(hint, where, value), typeof value === 'string' ? value : '', readDate, DATE_ERROR, { inputmode: 'numeric' });
        case 'amount': case 'date_fact':
          return fact(f, where, value, name, hint);
        case 'date_expr':
          return dateEditor(f, where, value, name, hint);
        case 'condition':
          return conditionEditor(where, value, name, hint, doc, owner === 'category');
        case 'object':
          if (value === undefined || value === null) {
            return el('p', null, button(`添加${name}`, () => {
              set(where, f.of === 'tiers' ? { levels: [{ id: 1, label: '一档' }] } : {});
              focusFirst(where);
            }, `${idOf(where)}-add`));
          }
          if (!isObject(value)) return jsonBox(where, value, name, true);
          if (f.or_unknown && isObject(value.unknown)) return el('fieldset', { class: 'group' }, el('legend', null, name), object('unknown', pointer(where, 'unknown'), value.unknown));
          return object(f.of, where, value, name, !f.required, hint);
        case 'list':
          return list(f, where, Array.isArray(value) ? value : [], doc, context);
        case 'texts':
          return texts(f, where, Array.isArray(value) ? value : [], name);
        default:
          return jsonBox(where, value, name, true);
      }
    }

    // An object of the table: its fields in the table's order. Under a legend, the hint of the field that holds it;
    // without one (the ruleset, a fact's provisional or unknown), the object's own.
    let shown = {};  // the document being rendered
    function object(name, at, value, legend, removable, hint = '') {
      const doc = shown;
      const fields = (byObject.get(name) || []).filter((f) => !SKIP.has(f.key));
      const body = fields.map((f) => fieldOf(f, at, isObject(value) ? value[f.key] : undefined, doc, name, legend));
      if (!legend) return el('div', { class: 'fields' }, el('p', { class: 'hint' }, objects.get(name).hint), body);
      return el('fieldset', { class: 'group' }, el('legend', null, legend), hint ? el('p', { class: 'hint' }, hint) : null, body,
        removable ? el('p', null, button(`删除${legend}`, () => { set(at, undefined); focusOn(`${idOf(at)}-add`); })) : null);
    }

    // A list of objects, each with a button to remove it, and one to add.
    // A rule's basis is named with the rule (缴费期的依据1), so that a problem with it says where it is.
    function list(f, at, items, doc, context) {
      const name = f.label;
      const named = f.of === 'basis' && context ? `${context}的${name}` : name;
      const idField = (byObject.get(f.of) || []).find((x) => x.key === 'id' && x.kind === 'text');
      // A fresh item's id, as its field's pattern allows: contribution-2, or member_question_2 where no hyphen may be.
      const underscores = Boolean(idField) && (idField.schema || '').includes('"pattern":"^[a-z0-9_]+$"');
      const freshId = (n) => (underscores ? `${f.of}_${n}` : `${f.of}-${n}`.replace(/_/g, '-'));
      const first = (doc.sources || []).find(isObject);
      const boxes = items.map((item, i) => {
        const title = `${named}${i + 1}${isObject(item) && item.label ? `：${item.label}` : ''}`;
        const box = object(f.of, pointer(at, i), item, title, false);
        box.append(el('p', null, button(`删除${title}`, () => { set(pointer(at, i), undefined); focusOn(`${idOf(at)}-add`); })));
        return box;
      });
      const add = button(`添加${name}`, () => {
        const fresh = {};
        if (idField && idField.names) {
          // The first item of the list it names that this list does not name yet, else none: the check asks for it.
          const free = itemsOf(doc, idField.names).find((x) => !items.some((y) => isObject(y) && y.id === x.id));
          fresh.id = free ? free.id : '';
        } else if (idField) {
          let n = items.length + 1;
          while (items.some((x) => isObject(x) && x.id === freshId(n))) n += 1;
          fresh.id = freshId(n);
        }
        if (f.of === 'basis') fresh.source = first ? first.id : '';
        else if ((byObject.get(f.of) || []).some((x) => x.key === 'basis')) fresh.basis = [{ source: first ? first.id : '', quote: '' }];
        edit((d) => { const l = get(d, at); if (Array.isArray(l)) l.push(fresh); else put(d, at, [fresh]); });
        focusFirst(pointer(at, items.length));
      }, `${idOf(at)}-add`);
      const id = idOf(at);
      // A basis says the same of every rule: its hint is left to its fields.
      return el('section', { class: f.of === 'basis' ? 'basis-list' : 'list-box', 'aria-labelledby': `${id}-h` },
        el(f.of === 'basis' ? 'h4' : 'h3', { id: `${id}-h` }, name), f.of !== 'basis' && f.hint ? el('p', { class: 'hint' }, f.hint) : null,
        boxes, el('p', null, add));
    }

    // A list of texts (websites).
    function texts(f, at, items, name) {
      const rows = items.map((item, i) => {
        const where = pointer(at, i);
        const wrap = input(where, `${name}${i + 1}`, '', String(item), (raw) => raw, '', {}, (v) => set(where, v === undefined ? '' : v));
        wrap.append(el('p', null, button(`删除${name}${i + 1}`, () => { set(where, undefined); focusOn(`${idOf(at)}-add`); })));
        return wrap;
      });
      const id = idOf(at);
      return el('section', { class: 'list-box', 'aria-labelledby': `${id}-h` }, el('h3', { id: `${id}-h` }, name),
        f.hint ? el('p', { class: 'hint' }, f.hint) : null, rows,
        el('p', null, button(`添加${name}`, () => {
          edit((d) => { const l = get(d, at); if (Array.isArray(l)) l.push(''); else put(d, at, ['']); });
          focusFirst(pointer(at, items.length));
        }, `${idOf(at)}-add`)));
    }

    // Focus after an item is added (its first control) or taken out (the button that adds one).
    const focusOn = (id) => { const node = document.getElementById(id); if (node) node.focus(); };
    function focusFirst(at) {
      const node = /** @type {HTMLElement | null} */ (document.querySelector(`#table-form [data-path="${at}"], #table-form [data-path^="${at}/"], #table-form [data-path^="${at}#"]`));
      if (node) node.focus();
    }

    // Builds the form for `doc` into `home`: anew when its controls differ, else only the values of those not in use.
    function render(home, doc) {
      shown = doc;
      const fresh = object('ruleset', '', doc);
      const ids = (root) => [...root.querySelectorAll('[id]')].map((x) => `${x.tagName}#${x.id}`).join(' ');
      if (ids(home) !== ids(fresh)) {
        // The control in use keeps focus, and its caret, in the new form.
        const active = /** @type {HTMLInputElement} */ (document.activeElement);
        const focused = active && home.contains(active) ? active.id : null;
        const caret = focused && typeof active.selectionStart === 'number' ? [active.selectionStart, active.selectionEnd] : null;
        home.replaceChildren(fresh);
        const again = /** @type {HTMLInputElement | null} */ (focused ? document.getElementById(focused) : null);
        if (again) {
          again.focus();
          if (caret && typeof again.selectionStart === 'number') again.setSelectionRange(caret[0], caret[1]);
        }
      } else {
        for (const node of /** @type {NodeListOf<HTMLInputElement>} */ (fresh.querySelectorAll('input, textarea, select'))) {
          const live = /** @type {HTMLInputElement | null} */ (document.getElementById(node.id));
          if (!live || live === document.activeElement || live.dataset.bad) continue;
          // A choice of the ruleset's own items follows them (a fee part added or renamed).
          if (node.tagName === 'SELECT' && live.innerHTML !== node.innerHTML) live.replaceChildren(...node.children);
          if (node.type === 'checkbox') live.checked = node.checked; else if (live.value !== node.value) live.value = node.value;
        }
        for (const node of fresh.querySelectorAll('h3, h4, legend')) {
          const live = node.id ? document.getElementById(node.id) : null;
          if (live && live.textContent !== node.textContent) live.textContent = node.textContent;
        }
        // A hint follows its value (原来：… over a base).
        for (const node of /** @type {NodeListOf<HTMLElement>} */ (fresh.querySelectorAll('.hint[id]'))) {
          const live = document.getElementById(node.id);
          if (!live || live.dataset.fixed === node.dataset.fixed) continue;
          if (node.dataset.fixed) live.dataset.fixed = node.dataset.fixed;
          else { delete live.dataset.fixed; live.textContent = ''; }
        }
        // Legends have no ids: they follow their fieldsets' order, which is the same.
        const legends = [...home.querySelectorAll('legend')];
        [...fresh.querySelectorAll('legend')].forEach((node, i) => { if (legends[i] && legends[i].textContent !== node.textContent) legends[i].textContent = node.textContent; });
      }
      for (const hint of home.querySelectorAll('.hint[data-fixed]')) hint.textContent = hint.dataset.fixed;
    }

    // The control an error at `path` belongs to: the one whose value's pointer is the longest start of it.
    function place(home, path) {
      let best = null;
      for (const control of home.querySelectorAll('[data-path]')) {
        const at = control.dataset.path;
        if (at.includes('#') && !at.endsWith('#mode')) continue;
        const own = at.replace(/#mode$/, '');
        if ((path === own || path.startsWith(`${own}/`)) && (!best || own.length > best.own.length
          || (own.length === best.own.length && !at.endsWith('#mode') && best.at.endsWith('#mode')))) best = { own, at, id: control.id };
      }
      if (best) return best.id;
      // A list or object with no control of its own (a rule's basis): its first control.
      const under = [...home.querySelectorAll('[data-path]')].find((c) => c.dataset.path.startsWith(`${path}/`));
      return under ? under.id : null;
    }

    return { render, place, same };
  };
})();
