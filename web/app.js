// The page: builds a request from the form on every input, asks the WebAssembly engine, and shows the answer.
// All user text goes in as text (via el() and fill() of web/fields.js), never innerHTML.
import YibaoFields from './fields.js';
import YibaoFormat from './format.js';
import YibaoLink from './link.js';

(function () {
  'use strict';

  const PRESETS = [
    { label: '成人', years: 35, tier: 1 },
    { label: '老人', years: 68, tier: 1 },
    { label: '中小学生', years: 10, student: 'school' },
    { label: '大学生', years: 20, student: 'college' },
    { label: '新生儿', months: 1, history: 'new' },
    { label: '未成年人（不在校）', years: 16 },
  ];
  const STUDENT = [['none', '不在校'], ['school', '中小学'], ['college', '大学']];
  const CLAIMED = [['', '不清楚'], ['true', '有'], ['false', '没有']];
  const LABELS = {
    id: '称呼', birth_date: '出生日期', student: '在校情况', assistance: '特殊人群',
    tier: '缴费档次', history: '上年度参保情况', payment_date: '缴费日期',
    lapsed_years: '连续没有参保几年了？', repaired_years: '这次补缴（修复）几年？',
    continuous_years: '已经连续参保几年？', claimed_last_year: '上一年度有没有用医保报销过？',
  };
  const COUNTS = ['lapsed_years', 'repaired_years', 'continuous_years'];
  // The warnings about one thing (each says what it concerns, engine/core/codes.hpp): those about days without cover
  // go in the alert block, those about what is not published and the deadline in their own blocks, the notes as hints.
  const about = (warnings, concerns) => warnings.filter((w) => w.concerns === concerns);

  const $ = YibaoFields.byId;
  let engine = null;
  // Each history with its short label, as the engine's loadCompactRulesets() gives them; a card offers those of the
  // ruleset's `histories` (paid_not_started only where its rules name it).
  let histories = [];
  let rulesets = [];
  let nextKey = 1;
  let announceTimer = 0;
  // region: the city chosen; ruleset: its insurance year, picked from the payment date (pickYear); choice: the year
  // the household said it pays for, where the date lies in two years' collection windows. payment.fromLink: the
  // payment date is a link's, other than today, and the reader has not chosen it.
  const state = { region: null, ruleset: null, choice: null, payment: { value: '', touched: false, fromLink: false },
    members: [] };
  let lockedCity = null;  // a ruleset id fixed by the embedding site (city= in the fragment)

  // ---- small helpers ----

  const { el, fill, describe, setError, fieldOf, showRulesetErrors, unsupported } = YibaoFields;
  const { todayIso, zhDate, count, sentence, PHONE, dialString, memberTitle, sourceLine,
    carriedFacts, provisionalOf, money, partTerms, amountLine, flagLines, CASES, caseText, startOf, earlierText, channelText,
    FIGURES, groupText, withTexts, addOnsText } = YibaoFormat;
  const { groupsOf } = YibaoLink;

  // A preset suggests an age, never a birth date: no figure is shown for a date nobody gave.
  const presetAge = (preset) => (preset.months ? `约${preset.months}个月` : `约${preset.years}岁`);
  // The members with a birth date typed: the engine is asked for them alone, and the totals count them alone.
  const counted = () => state.members.filter((m) => m.birth_date.trim());
  const NO_BIRTH = '请先填写出生日期，填好后这里显示这位成员的缴费和待遇。';

  // rulesets holds each ruleset's index, enough to choose one; the rest of it (fee table, channels, contacts, sources)
  // is asked of the engine when the page first shows that ruleset.
  const listings = new Map();
  function listing(id) {
    if (!listings.has(id)) listings.set(id, JSON.parse(engine.ruleset(id)).ruleset);
    return listings.get(id);
  }
  const ruleset = () => listing(state.ruleset);
  const tiered = () => ruleset().tiers.length > 0;

  // ---- city and insurance year ----

  const yearsOf = (region) => rulesets.filter((r) => r.region === region).sort((a, b) => a.year - b.year);
  const regionOf = (id) => rulesets.find((r) => r.id === id).region;
  // A date as typed (2024/2/5, 2024年2月5日, full-width digits …), read by the engine: "YYYY-MM-DD" for a text of a
  // date's shape, else the text trimmed, for the engine to flag.
  const typedIso = (text) => engine.readDate(text);
  const typedComplete = (text) => /^\d{4}-\d{2}-\d{2}$/.test(typedIso(text));

  const closesOf = (r) => r.collection.closes || r.benefit_year.end;
  // The window as the page says it: 2026年9月1日至2027年12月31日, or 开始日期尚未公布,最晚2027年12月31日.
  const windowText = (r) => (r.collection.opens ? `${zhDate(r.collection.opens)}至` : '开始日期尚未公布，最晚') +
    zhDate(closesOf(r));

  const yearsAt = (region, typed) => JSON.parse(engine.yearsFor(region, typed));
  // Whether a payment on `iso` is past the ruleset's collection period; null when that cannot be said.
  const lateFor = (r, iso) => yearsAt(r.region, iso).years.find((y) => y.id === r.id).late;

  // Sets the insurance year as the engine chooses it from the payment date (choose_year): of the years whose window
  // holds the date, the one the household chose, else the later (the normal collection); of none, the nearest, for
  // the engine to say the date is outside it. `keep` keeps the ruleset a link names. Returns whether it changed.
  function pickYear(keep) {
    const before = state.ruleset;
    const years = yearsAt(state.region, state.payment.value);
    // Each open year's index and whether the date is past its collection period; null: the date is not one yet.
    const open = years.date && years.years.filter((y) => y.open)
      .map(({ id, late }) => ({ r: rulesets.find((r) => r.id === id), late }));
    if (keep) {
      if (open && open.some((o) => o.r.id === before)) state.choice = before;
    } else if (open && open.length) {
      state.ruleset = (open.find((o) => o.r.id === state.choice) || open[0]).r.id;
    } else if (open) {
      state.ruleset = years.nearest;
    } else if (!before || regionOf(before) !== state.region) {
      state.ruleset = yearsOf(state.region).at(-1).id;
    }
    const asked = open && open.length > 1 && open.some((o) => o.r.id === state.ruleset);
    if (!asked) state.choice = null;
    renderYears(asked ? open : []);
    return state.ruleset !== before;
  }

  // Where the date lies in two years' windows (in autumn: late for this year, in time for the next), asks which.
  // The same question is not rebuilt, so that a keyboard stays on the radio it moved to.
  let yearsAsked = null;
  function renderYears(open) {
    $('year-choice').hidden = !open.length;
    const asked = open.map(({ r, late }) => `${r.id}:${late}`).join();
    if (asked === yearsAsked) {
      for (const input of $('year-options').querySelectorAll('input')) input.checked = input.value === state.ruleset;
      return;
    }
    yearsAsked = asked;
    fill($('year-options'), open.map(({ r, late }) => {
      const d = r.continuity_deadline.date;
      const id = `year-${r.id}`;
      const input = el('input', { type: 'radio', name: 'year', value: r.id, 'aria-describedby': `${id}-hint` });
      input.checked = r.id === state.ruleset;
      input.addEventListener('change', () => {
        state.choice = r.id;
        changeYear(pickYear());
      });
      const start = `上年度连续参保的自${zhDate(r.benefit_year.start)}起享受待遇。`;
      // The words in one span: the year's own span would be a flex item apart from them.
      return [el('label', { class: 'check' }, input,
        el('span', null, `${r.year}年度${late ? '（已过集中缴费期）' : late === false ? '（正常缴费）' : '（集中缴费期截止日期尚未公布）'}`)),
      el('p', { class: 'hint', id: `${id}-hint` }, late
        ? `${r.year}年度的集中缴费期已${d ? `在${zhDate(d)}` : ''}结束，现在缴费要过了等待期才能报销，待遇最晚到${zhDate(r.benefit_year.end)}。`
        : late === false ? `${zhDate(d)}前缴费，${start}`
          : `集中缴费期的截止日期尚未公布。在集中缴费期内缴费、${start}`)];
    }));
  }

  // After a change of city or year: the cards are rebuilt for the ruleset's groups, tiers and questions.
  function changeYear(changed) {
    if (changed) {
      for (const m of state.members) m.tierShown = tiered() && m.tier !== null;
      renderRuleset();
      renderMembers();
    }
    update();
  }

  // ---- form ----

  // Where the payment date comes from: today by default; a link's date is said to be the link's, and one already
  // past is offered today's date instead (not replaced: the figures the sender saw stay until the reader chooses).
  function renderPaymentSource() {
    const today = todayIso();
    const { value, fromLink } = state.payment;
    const past = fromLink && typedComplete(value) && typedIso(value) < today;
    fill($('payment-date-source'), !fromLink ? '默认是今天。' : past
      ? `这个日期来自分享链接，早于今天（${zhDate(today)}）。如果您今天缴费，请改用今天的日期。`
      : '这个日期来自分享链接。');
    $('payment-today').hidden = !past;
  }

  // A value the list does not offer (a bad one from a link, another city's) stays chosen and marked, in its words where
  // `known` has them, for the engine to flag.
  function options(select, pairs, value, known = pairs) {
    const offered = pairs.some(([v]) => String(v) === String(value));
    const words = (known.find(([v]) => String(v) === String(value)) || [value, value])[1];
    const extra = offered ? [] : [[value, `${words}（无效）`]];
    fill(select, [...pairs, ...extra].map(([v, text]) => el('option', { value: String(v) }, text)));
    select.value = String(value);
  }

  function field(prefix, name, control, hint, text = LABELS[name]) {
    control.id = `${prefix}-${name.replace(/[_/]/g, '-')}`;
    const hintNode = hint ? el('p', { class: 'hint', id: `${control.id}-hint` }, hint) : null;
    const error = el('p', { class: 'error', id: `${control.id}-error`, hidden: true });
    const label = el('label', { for: control.id }, text);
    const wrap = el('div', { class: 'field' }, label, control, hintNode, error);
    describe({ control, hint: hintNode, error });
    return { wrap, control, hint: hintNode, error };
  }

  const countInput = () => el('input', { type: 'text', inputmode: 'numeric', autocomplete: 'off' });

  // Where the ruleset says which support is taken of several (several_groups, 就高), a member ticks every group they
  // are in: a fieldset of checkboxes, each group's `who` beside it. A value the ruleset does not offer (a link's,
  // another city's) stays ticked and marked, for the engine to flag.
  function groupsField(prefix, r, member) {
    const id = `${prefix}-assistance`;
    const chosen = groupsOf(member);
    const extra = chosen.filter((v) => !r.assistance_groups.some((g) => g.id === v)).map((v) => ({ id: v, label: `${v}（无效）` }));
    const boxes = [...r.assistance_groups, ...extra].map((g, i) => {
      const who = g.who ? el('p', { class: 'hint who', id: `${id}-${i}-who` }, `包括：${g.who}`) : null;
      const input = el('input', { type: 'checkbox', id: `${id}-${i}`, value: g.id, 'aria-describedby': who && who.id });
      input.checked = chosen.includes(g.id);
      // The label's words in one span: a flex item each, a figure kept whole (400元) would stand in a column of its own.
      return [el('label', { class: 'check', for: input.id }, input, el('span', null, g.label)), who];
    });
    const hint = el('p', { class: 'hint', id: `${id}-hint` }, '属于哪几类就勾选哪几类，都不属于就不用勾选；属于几类的，只按资助最多的一类算。');
    const error = el('p', { class: 'error', id: `${id}-error`, hidden: true });
    const control = el('fieldset', { class: 'field groups', id }, el('legend', null, LABELS.assistance), hint, boxes, error);
    describe({ control, hint, error });
    const read = () => [...control.querySelectorAll('input:checked')].map((input) => input.value);
    return { wrap: control, control, hint, error, focus: control.querySelector('input'), read };
  }

  // The lapse questions are for a ruleset with the reform's waiting period: after a lapse, how long and how much is
  // paid back; when insured last year, what the 大病保险 notes need, where the ruleset has such notes.
  function showFields(member) {
    const r = ruleset();
    const w = r.waiting_period;
    const f = member.ui.fields;
    f.lapsed_years.wrap.hidden = !w || member.history !== 'lapsed';
    f.repaired_years.wrap.hidden = !w || !w.repair || member.history !== 'lapsed';
    f.continuous_years.wrap.hidden = !r.member_notes.length || member.history !== 'continuous';
    f.claimed_last_year.wrap.hidden = f.continuous_years.wrap.hidden;
  }

  function buildCard(member, index) {
    const prefix = `m${member.key}`;
    const r = ruleset();
    const repair = r.waiting_period && r.waiting_period.repair;
    const fields = {
      id: field(prefix, 'id', el('input', { type: 'text', autocomplete: 'off', placeholder: '如：奶奶' }), '可不填'),
      birth_date: field(prefix, 'birth_date',
        el('input', { type: 'text', inputmode: 'numeric', autocomplete: 'off', spellcheck: 'false' }),
        '年-月-日，例如 1958-04-02'),
      student: field(prefix, 'student', el('select')),
      assistance: r.several_groups ? groupsField(prefix, r, member)
        : field(prefix, 'assistance', el('select'), '属于哪一类就选哪一类（个人缴费可以减免），都不属于请选“无”'),
      tier: field(prefix, 'tier', el('select'), '成年居民可选一档或二档，个人缴费和政府补助不同'),
      history: field(prefix, 'history', el('select')),
      lapsed_years: field(prefix, 'lapsed_years', countInput(), '从上一年度往前数，填整年数'),
      repaired_years: field(prefix, 'repaired_years', countInput(),
        `每补缴1年可缩短${repair ? repair.months_per_year : 1}个月等待期，固定等待期不变；不补缴填0`),
      continuous_years: field(prefix, 'continuous_years', countInput(), '可不填；用于大病保险的提示'),
      claimed_last_year: field(prefix, 'claimed_last_year', el('select'), '可不填；用于大病保险的提示'),
    };
    fields.id.control.value = member.id;
    fields.birth_date.control.value = member.birth_date;
    if (member.age) fields.birth_date.control.placeholder = `${member.age}，请填写出生日期`;
    options(fields.student.control, STUDENT, member.student);
    const groups = r.assistance_groups.map((g) => [g.id, g.label]);
    if (!r.several_groups) options(fields.assistance.control, [['none', '无'], ...groups], groupsOf(member).join('、') || 'none');
    options(fields.tier.control, [['', '请选择'], ...r.tiers.map((t) => [t.id, t.label])], member.tier ?? '');
    options(fields.history.control, histories.filter(([id]) => r.histories.includes(id)), member.history, histories);
    for (const name of COUNTS) fields[name].control.value = member[name];
    options(fields.claimed_last_year.control, CLAIMED, member.claimed_last_year);
    fields.assistance.wrap.hidden = r.assistance_groups.length === 0;
    fields.tier.wrap.hidden = !member.tierShown;
    // The ruleset's own questions (性别, 户口新迁入 …), asked only where it has them; one without a default
    // starts unanswered, and the engine asks for it.
    for (const q of r.member_questions) {
      const f = field(prefix, `answers/${q.id}`, el('select'), null, q.question);
      const choices = q.answers.map((a) => [a.id, a.label]);
      options(f.control, q.default ? choices : [['', '请选择'], ...choices], member.answers[q.id] ?? q.default ?? '');
      fields[`answers/${q.id}`] = f;
    }

    const title = el('h3', { id: `${prefix}-title`, tabindex: '-1' }, memberTitle(member, index));
    const remove = el('button', { type: 'button', 'aria-describedby': title.id }, '删除此成员');
    remove.addEventListener('click', () => removeMember(member));
    const cardError = el('p', { class: 'error', hidden: true, role: 'alert' });
    const outcome = el('div', { class: 'outcome' });
    const card = el('li', { class: 'member', 'aria-labelledby': title.id },
      el('div', { class: 'member-head' }, title, remove),
      el('div', { class: 'member-fields' }, Object.values(fields).map((f) => f.wrap)),
      cardError, outcome);

    for (const [name, f] of Object.entries(fields)) {
      f.control.addEventListener('input', () => {
        if (name.startsWith('answers/')) member.answers = { ...member.answers, [name.slice(8)]: f.control.value };
        else if (f.read) member[name] = f.read();
        else member[name] = name === 'tier' ? (f.control.value === '' ? null : Number(f.control.value)) : f.control.value;
        if (name === 'id') title.textContent = memberTitle(member, state.members.indexOf(member));
        if (name === 'history') showFields(member);
        update();
      });
    }
    fields.birth_date.control.addEventListener('change', () => { member.touched = true; update(); });
    member.ui = { card, title, fields, cardError, outcome };
    showFields(member);
    return card;
  }

  function renderMembers() {
    fill($('members'), state.members.map(buildCard));
  }

  function addMember(preset) {
    const member = {
      ...YibaoLink.defaults, key: nextKey++, preset: preset.label, id: '', birth_date: '', age: presetAge(preset),
      student: preset.student || 'none', assistance: 'none', tier: preset.tier ?? null,
      history: preset.history || 'continuous', tierShown: Boolean(preset.tier) && tiered(), touched: false, ui: null,
    };
    state.members.push(member);
    $('members').append(buildCard(member, state.members.length - 1));
    limitMembers();
    update();
    return member;
  }

  // A household holds as many members as its link can (YibaoLink.maxMembers): said two before the limit, and at it
  // the add buttons are off, with the reason beside them.
  function limitMembers() {
    const max = YibaoLink.maxMembers;
    const n = state.members.length;
    const hint = $('add-hint');
    const text = n >= max ? `已经有${max}位成员，最多可以添加${max}位。要添加其他人，请先删除一位成员。`
      : n >= max - 2 ? `最多可以添加${max}位成员，现在有${n}位。` : '';
    fill(hint, text);
    hint.hidden = !text;
    for (const button of $('presets').children) button.disabled = n >= max;
  }

  function removeMember(member) {
    const index = state.members.indexOf(member);
    state.members.splice(index, 1);
    renderMembers();
    update();
    limitMembers();
    const neighbour = state.members[Math.min(index, state.members.length - 1)];
    (neighbour ? neighbour.ui.title : $('presets').firstElementChild).focus();
  }

  // ---- engine round trip ----

  function request() {
    const r = ruleset();
    const req = { ruleset: r.id, members: [] };
    if (state.payment.value.trim()) req.payment_date = typedIso(state.payment.value);
    // The engine checks a payment date only with a household: while no card has a birth date, one born on the payment
    // day stands in, and nothing of its answer but the date's own errors is shown (update).
    if (state.members.length && !counted().length) {
      req.members.push({ birth_date: req.payment_date || todayIso(), student: 'none', history: 'continuous' });
    }
    for (const m of counted()) {
      const item = { student: m.student, history: m.history };
      if (m.id.trim()) item.id = m.id.trim();
      if (m.birth_date.trim()) item.birth_date = typedIso(m.birth_date);
      // One group as its id, several as a list (the engine says which is taken, or that the ruleset does not say).
      const groups = groupsOf(m);
      if (r.assistance_groups.length) item.assistance = groups.length > 1 ? groups : groups[0] || 'none';
      if (r.member_questions.length) {
        item.answers = {};
        for (const q of r.member_questions) {
          const answer = m.answers[q.id] ?? q.default;
          if (answer) item.answers[q.id] = answer;
        }
      }
      if (m.tierShown && m.tier !== null) item.tier = m.tier;
      for (const name of [...COUNTS, 'claimed_last_year']) {
        if (m.ui.fields[name].wrap.hidden || !m[name].trim()) continue;
        item[name] = name !== 'claimed_last_year' ? count(m[name])
          : { true: true, false: false }[m[name]] ?? m[name];
      }
      req.members.push(item);
    }
    return req;
  }

  // The tier control shows where the engine says a tier applies; a change means asking again.
  function settleTiers(answer) {
    let changed = false;
    counted().forEach((m, i) => {
      let shown = m.tierShown;
      if (!tiered()) shown = false;
      else if (answer.ok) shown = answer.members[i].tier_applies;
      if (shown !== m.tierShown) {
        m.tierShown = shown;
        m.ui.fields.tier.wrap.hidden = !shown;
        changed = true;
      }
    });
    return changed;
  }

  function ask() {
    let answer;
    for (let pass = 0; pass < 3; pass++) {
      const asked = JSON.parse(engine.estimate(JSON.stringify({ ...request(), texts: 'by_id' })));
      answer = withTexts(asked, ruleset());
      if (!settleTiers(answer)) break;
    }
    return answer;
  }

  function update() {
    // Members without a birth date are not asked about: their cards say so, whoever else has one. With none given, the
    // answer is the stand-in's (request), good only for the payment date's errors.
    const stand = state.members.length > 0 && !counted().length;
    const asked = ask();
    const answer = stand && asked.ok ? { ok: false, errors: [] } : asked;
    const shown = showErrors(answer.ok ? [] : answer.errors.filter((e) => !stand || !e.path.startsWith('/members')));
    if (answer.ok) showResults(answer);
    else showPending(shown);
    renderHowto(answer.ok ? answer : ruleset());
    // The link, QR code, print summary and reminder (web/share.js) follow; whatever fails there, the result stands.
    document.dispatchEvent(new CustomEvent('yibao:answer', { detail: {
      answer: answer.ok ? answer : null, city: lockedCity, groups: ruleset().assistance_groups,
      household: { ruleset: state.ruleset, payment_date: state.payment.value, members: state.members }, counted: counted(),
    } }));
  }

  // ---- errors, at the field they belong to ----

  // The field an error belongs to, with what the error summary calls it (成员2：妈妈，出生日期) and where its link
  // takes the focus: the control, or the card's heading for an error of the member as a whole.
  function fieldFor(path) {
    if (path === '/payment_date') return { f: paymentField, dateOf: state.payment, name: LABELS.payment_date, focus: paymentField.control };
    const m = /^\/members\/(\d+)(?:\/(\w+|answers\/\w+))?$/.exec(path);
    const member = m && counted()[Number(m[1])];
    if (!member) return null;
    const title = memberTitle(member, Number(m[1]));
    const f = m[2] && member.ui.fields[m[2]];
    if (f && !f.wrap.hidden) {
      const question = ruleset().member_questions.find((q) => `answers/${q.id}` === m[2]);
      return { f, dateOf: m[2] === 'birth_date' ? member : null, name: `${title}，${question ? question.label : LABELS[m[2]]}`,
        focus: f.focus || f.control };
    }
    return { f: { error: member.ui.cardError }, name: title, focus: member.ui.title };
  }

  function message(e) {
    const label = LABELS[e.path.split('/').pop()];
    if (e.code === 'missing' && label) return `请填写${label}。`;
    if (e.code === 'wrong_type' && COUNTS.some((name) => e.path.endsWith(name))) return '请填写整数年数，例如 0、1、2。';
    if (e.code === 'wrong_type' && e.path.endsWith('claimed_last_year')) return '请选择“有”“没有”或“不清楚”。';
    if (e.code === 'empty' && e.path === '/members') return '请至少添加一位家庭成员。';
    if (e.code === 'outside_collection') {
      const years = yearsOf(ruleset().region);
      const windows = years.map((r) => windowText(r) +
        (years.length > 1 ? `（${r.year}年度）` : ''));
      return `${e.message}。可以缴费的日期：${windows.join('；')}。`;
    }
    return e.message;
  }

  // Flags every error at its field and lists them all, in the order of the form, at the top of the results (as
  // GOV.UK's error summary does): each names the member and the field and is a link that moves the focus there.
  // Returns how many there are; a date still being typed is not flagged until it looks complete.
  function showErrors(errors) {
    const cards = state.members.flatMap((m) => [...Object.values(m.ui.fields), { error: m.ui.cardError }]);
    const all = [paymentField, ...cards];
    all.forEach((f) => setError(f, ''));
    const listed = [];
    const seen = new Set();  // each member's check may repeat the household's payment date error
    for (const e of errors) {
      if (seen.has(`${e.path} ${e.code} ${e.message}`)) continue;
      seen.add(`${e.path} ${e.code} ${e.message}`);
      const target = fieldFor(e.path);
      if (!target) {
        listed.push({ text: message(e), order: -1, focus: e.path === '/members' ? 'presets' : null });
        continue;
      }
      const d = target.dateOf;
      if (d && !d.touched && !typedComplete(d === state.payment ? d.value : d.birth_date)) continue;
      const f = target.f;
      setError(f, f.error.hidden ? message(e) : `${f.error.textContent} ${message(e)}`);
      listed.push({ text: `${target.name}：${message(e)}`, order: all.indexOf(f), focus: target.focus.id });
    }
    listed.sort((a, b) => a.order - b.order);
    // The same list is not rebuilt: leaving a field (its change event) must not replace the link being clicked.
    const said = listed.map((x) => x.text).join('\n');
    const shown = $('household').querySelector('.error-list');
    if (!listed.length || !shown || shown.dataset.said !== said) {
      fill($('household'), listed.length ? errorSummary(listed) : null);
      if (listed.length) $('household').firstChild.dataset.said = said;
    }
    return listed.length;
  }

  function errorSummary(listed) {
    const entry = ({ text, focus }) => {
      if (!focus) return el('li', null, text);
      // Not the fragment: the address holds the household (web/link.js), and a changed one is read as a new link.
      // The field is found when the link is followed: the cards may have been rebuilt since.
      const link = el('a', { href: `#${focus}` }, text);
      link.addEventListener('click', (event) => {
        event.preventDefault();
        const control = focus === 'presets' ? $('presets').firstElementChild : $(focus);
        control.focus();
        (control.labels && control.labels[0] ? control.labels[0] : control).scrollIntoView({ block: 'center' });
      });
      return el('li', null, link);
    };
    return el('div', { class: 'error-list', role: 'region', 'aria-labelledby': 'h-errors' },
      el('h3', { id: 'h-errors' }, `有${listed.length}处需要改正`),
      el('ul', { class: 'list' }, listed.map(entry)));
  }

  // ---- results ----

  function figures(rows) {
    const pairs = rows.map(([term, value, cls]) => el('div', null, el('dt', null, term), el('dd', { class: cls }, value)));
    return el('dl', { class: 'figures' }, pairs);
  }

  function basisList(step) {
    return step.basis.map((b) => [
      el('blockquote', null, b.quote),
      el('p', { class: 'cite' }, `——《${b.source_title}》${{ B: '（往年或转载资料）', C: '（背景资料）' }[b.level] || ''}`),
    ]);
  }

  // ---- figures estimated by last year's rules, or not published ----

  // A figure carried from an earlier year's rules (provisional) shows as 约482元 and names that year; one not
  // published (unknown) as 尚未公布, never as 0; beside them the reason and whom to ask, the phone numbers as tel: links.
  function moneyShown(x, fact) {
    const p = provisionalOf(x, fact);
    const from = p && rulesets.find((r) => r.id === p.from);
    return [money(x, fact), p ? el('span', { class: 'tag' }, `（暂按${from ? `${from.year}年度` : '往年'}标准）`) : null];
  }
  // An amount with its parts below it (其中…), where it has several; a line breaks between parts, not inside one.
  const withPartsShown = (x, fact, payer) => [moneyShown(x, fact), partTerms(x, payer).length ?
    el('span', { class: 'parts' }, partTerms(x, payer).map((term) => el('span', null, term))) : null];
  // A total that includes an amount not published is not a number: what is known, and what is not.
  const totalText = (t) => (t.total_fen !== null ? money(t, 'total_fen')
    : [['individual_fen', '个人缴费'], ['subsidy_fen', '政府补助']]
      .map(([fact, label]) => (t[fact] === null ? `${label}尚未公布` : `${label}合计${money(t, fact)}`)).join('；'));
  function phones(text) {
    const parts = [];
    let at = 0;
    for (const found of text.matchAll(PHONE)) {
      parts.push(text.slice(at, found.index), el('a', { class: 'phone', href: `tel:${dialString(found[0])}` }, found[0]));
      at = found.index + found[0].length;
    }
    return [...parts, text.slice(at)];
  }
  // Beside a member's figures, what is estimated or not published, in short: the amounts' texts (reason, whom to ask),
  // and for the dates what to ask; the full texts of the dates are in the household's notice.
  function memberFlags(m) {
    const ask = (...facts) => (m.unknown.find((f) => facts.includes(f.fact)) || { ask: '当地医保经办机构' }).ask;
    const lines = [...new Set(carriedFacts(m).map(amountLine))];
    for (const f of m.unknown) if (/_fen$|^parts\.|^benefit_start$/.test(f.fact)) lines.push(sentence(f.text));
    if (m.cases) {
      lines.push(`待遇从哪天开始，要看您是否在集中缴费期内缴费；集中缴费期的截止日期尚未公布，请先咨询${ask('continuity_deadline')}。`);
    }
    if (m.warnings.some((w) => w.code === 'unknown_collection_dates')) {
      lines.push(`开始缴费的日期尚未公布，${zhDate(m.payment_date)}能否缴纳${ruleset().year}年度的医保费，` +
        `请先咨询${ask('collection.opens', 'collection.closes')}；这里按可以缴费估算。`);
    }
    return lines.map((text) => el('p', { class: 'flag' }, phones(text)));
  }

  // On screen each case on a line of its own; the text is the same.
  const caseLines = (m, text) => (m.cases ? CASES.map(([key, when], i) =>
    el('span', { class: 'case' }, `${when}：${text(m.cases[key])}${i ? '' : '；'}`)) : text(m));

  function coverAlert(m) {
    if (m.cases) {
      const lines = CASES.filter(([key]) => (!m.cases[key].benefit_start && !m.cases[key].benefit_start_unknown) ||
        m.cases[key].uncovered).map(([key, when]) => {
        const c = m.cases[key];
        return el('p', null, `${when}：${c.benefit_start ? `${zhDate(c.uncovered.from)}至${zhDate(c.uncovered.to)}` +
          `看病的费用，医保不报销，待遇自${zhDate(c.benefit_start)}起。` : '本年度享受不到医保待遇。'}`);
      });
      return lines.length ? el('div', { class: 'alert', role: 'note' }, el('strong', null, '⚠ 注意：可能有一段时间不能报销'), lines) : null;
    }
    if ((m.benefit_start || m.benefit_start_unknown) && !m.uncovered) return null;
    const title = !m.benefit_start ? '注意：本年度享受不到医保待遇'
      : m.waiting_period ? '注意：有待遇等待期' : '注意：有一段时间不能报销';
    const notes = about(m.warnings, 'cover').map((w) => el('p', null, w.message));
    if (!notes.length && m.uncovered) {
      notes.push(el('p', null, `${zhDate(m.uncovered.from)}至${zhDate(m.uncovered.to)}看病的费用，医保不报销。`));
    }
    return el('div', { class: 'alert', role: 'note' }, el('strong', null, `⚠ ${title}`), notes);
  }

  // A member's figures in the card: as printed (FIGURES), the amounts with the year they were estimated by and
  // each case of the start on a line of its own.
  const SCREEN_FIGURES = {
    个人缴费: [(m) => withPartsShown(m, 'individual_fen', 'individual'), 'money'],
    政府补助: [(m) => withPartsShown(m, 'subsidy_fen', 'government'), 'money'],
    待遇开始: [(m) => caseLines(m, startOf)],
  };

  // The waiting period in its parts: 4个月 = 固定3个月 + 变动1个月 (− 补缴减少…, + 补足到…).
  function waitingText(m) {
    const p = m.waiting_parts;
    if (!m.waiting_months) return '无';
    const terms = [[p.fixed, '固定'], [p.variable, '变动'], [-p.repaired, '补缴减少'], [p.floor && m.waiting_months, '补足到']];
    return `${m.waiting_months}个月 = ${terms.filter(([n]) => n)
      .map(([n, what], i) => `${i ? (n < 0 ? ' − ' : ' + ') : ''}${what}${Math.abs(n)}个月`).join('')}`;
  }

  const reason = (step) => [step.text && el('p', null, step.text), basisList(step),
    step.note ? el('p', { class: 'hint' }, `请核实：${step.note}`) : null];

  // A member with no cover yet in the year before (a newborn of it, or lapsed in it) whom today's payment still buys
  // cover in it: that year's fee, start and last day to pay, as the engine decided (earlier_year).
  function earlierYear(m) {
    const e = m.earlier_year;
    if (!e) return null;
    const next = e.next_year ? `缴了${e.year}年度，${ruleset().year}年度就按“连续参保”计算，待遇开始：` +
      `${caseText(e.next_year, startOf)}。` : '';
    return el('div', { class: 'earlier', role: 'note' },
      el('strong', null, `还要缴纳${e.year}年度的医保费`),
      el('p', null, `在${zhDate(e.pay_by)}前（含当天）缴纳${e.year}年度的医保费，` +
        `${zhDate(e.benefit_start)}至${zhDate(e.benefit_end)}看病就可以报销。${next}`),
      figures([['个人缴费', moneyShown(e, 'individual_fen'), 'money'], ['政府补助', moneyShown(e, 'subsidy_fen'), 'money'],
        ['待遇开始', zhDate(e.benefit_start)], ['待遇结束', zhDate(e.benefit_end)], ['缴费截止', zhDate(e.pay_by)]]),
      e.unknown.map((f) => el('p', { class: 'flag' }, phones(sentence(f.text)))),
      el('details', null, el('summary', null, `${e.year}年度的依据`),
        el('ol', { class: 'steps' }, e.explanation.map((step) => el('li', null, reason(step))))));
  }

  function memberOutcome(m) {
    const rows = FIGURES.filter(([term]) => term !== '自愿参加' || m.add_ons.length).map(([term, text]) => {
      const [shown = text, cls] = SCREEN_FIGURES[term] || [];
      return [term, shown(m), cls];
    });
    if (m.waiting_parts || (m.cases && m.cases.in_window.waiting_parts)) rows.splice(3, 0, ['待遇等待期', caseLines(m, waitingText)]);
    const notes = about(m.warnings, 'note').map((w) => el('p', { class: 'hint' }, `提示：${w.message}`));
    // What else the member's history changes (大病保险), and a relative's employee account that may pay, each with its basis.
    const more = [...(m.benefit_tier ? [m.benefit_tier] : []), ...m.notes, ...m.add_ons, ...m.family_account].map((n) => el('div', { class: 'note' }, el('p', null, n.text),
      el('details', null, el('summary', null, '这条提示的依据'), reason({ ...n, text: null }))));
    const cases = m.cases ? CASES.flatMap(([key, when]) => m.cases[key].explanation
      .map((step) => ({ ...step, text: `${when}：${step.text}` }))) : [];
    const steps = el('ol', { class: 'steps' }, [...m.explanation, ...cases].map((step) => el('li', null, reason(step))));
    // Of several groups, which one the figures rest on and why (就高), in the notice's words; its quote is in 依据.
    const taken = m.explanation.find((step) => step.kind === 'assistance');
    return [figures(rows), taken ? el('p', { class: 'note' }, taken.text) : null, memberFlags(m), earlierYear(m), coverAlert(m), notes, more,
      el('details', null, el('summary', null, '依据（为什么这样算）'), steps)];
  }

  // The deadline for continuous cover, and whether the payment date meets it; one not published is said to be so,
  // with whom to ask, never given a date.
  function deadlineBlock(answer) {
    const d = answer.deadline;
    const paid = `您的缴费日期${zhDate(answer.payment_date)}`;
    let verdict;
    if (d.applies === false) {
      verdict = el('p', null, '家里的成员都在这个截止日期之后出生，不受它限制；待遇开始日期见上面每位成员的结果。');
    } else if (d.met === null) {
      verdict = el('div', { class: 'alert' }, el('strong', null, `⚠ ${paid}是否在集中缴费期内，要看尚未公布的截止日期。`),
        el('p', null, '两种情况的待遇开始日期见上面每位成员的结果。缴费前请先打电话问清楚截止日期。'));
    } else if (d.met && state.payment.fromLink) {
      // A link's date is the sender's: no ✓ for a date the reader did not choose, and a warning where today is late.
      const today = todayIso();
      const linked = `本页按分享链接中的缴费日期${zhDate(answer.payment_date)}测算。`;
      verdict = lateFor(ruleset(), today)
        ? el('div', { class: 'alert' }, el('strong', null, `⚠ 今天（${zhDate(today)}）已${d.date ? '晚于这个截止日期' : '过集中缴费期'}。`),
          el('p', null, `${linked}如果您今天缴费，请在上面改用今天的日期。`))
        : el('p', null, `${linked}您缴费的日期如果晚于这个截止日期，待遇会晚开始；请在上面填写您缴费的日期。`);
    } else if (d.met) {
      verdict = el('p', { class: 'ok' }, d.date ? `✓ ${paid}没有晚于这个截止日期。` : `✓ ${paid}在集中缴费期内。`);
    } else {
      verdict = el('p', { class: 'alert' }, el('strong', null, d.date ? `⚠ ${paid}晚于这个截止日期。` : `⚠ ${paid}已过集中缴费期。`));
    }
    const heading = el('h3', null, `保持待遇连续的缴费截止日期：${d.date ? zhDate(d.date) : '尚未公布'}`);
    return el('div', { class: 'deadline' }, heading, el('p', null, d.text),
      [...d.unknown, ...d.provisional].map((f) => el('p', { class: 'flag' }, phones(sentence(f.text)))), verdict);
  }

  // The members who also owe the year before: not in the totals above, so said beside them.
  function earlierDue(answer) {
    const asked = counted();
    const due = answer.members.map((m, i) => [m, asked[i]]).filter(([m]) => m.earlier_year);
    if (!due.length) return null;
    return el('p', { class: 'flag' }, `另外，${due.map(([m, member]) => `${memberTitle(member, state.members.indexOf(member))}还要缴纳` +
      `${earlierText(m.earlier_year)}`).join('；')}。这不在上面的合计里，见该成员的结果。`);
  }

  function showResults(answer) {
    const asked = counted();
    const left = state.members.filter((m) => !asked.includes(m));
    for (const m of left) fill(m.ui.outcome, el('p', { class: 'hint' }, NO_BIRTH));
    answer.members.forEach((m, i) => fill(asked[i].ui.outcome, memberOutcome(m)));
    // Who is in which assistance group, said beside the totals they change.
    const groups = answer.members.map((m, i) => [asked[i], groupText(m, groupsOf(asked[i]), ruleset().assistance_groups)])
      .filter(([, text]) => text).map(([member, text]) => `${memberTitle(member, state.members.indexOf(member))}，${text}`);
    const leftText = left.length ? `${left.map((m) => memberTitle(m, state.members.indexOf(m))).join('、')}还没有填写出生日期，没有算进合计。` : '';
    const t = answer.totals;
    // The deadline block and the totals say the others.
    const others = about(answer.warnings, 'note');
    const flags = flagLines(answer);
    fill($('household'),
      flags.length ? el('div', { class: 'flags', role: 'note' },
        el('strong', null, `注意：${answer.ruleset.year}年度的标准还没有全部公布`), flags.map((text) => el('p', null, phones(text)))) : null,
      el('div', { class: 'totals' }, el('h3', null, `全家${answer.members.length}人合计（${answer.ruleset.year}年度）`), figures([
        ['个人缴费', withPartsShown(t, 'individual_fen', 'individual'), 'money'],
        ['政府补助', withPartsShown(t, 'subsidy_fen', 'government'), 'money'],
        ['合计（个人+补助）', totalText(t)],
        // Add-ons are paid beside the basic contribution, so said apart from its totals.
        t.add_ons.length ? ['自愿参加（另缴）', addOnsText(t), 'money'] : null,
        t.add_ons.length ? ['共需缴纳（个人缴费+自愿参加）', money(t, 'to_pay_fen'), 'money'] : null,
      ].filter(Boolean)), groups.map((text) => el('p', { class: 'hint group' }, text)), leftText ? el('p', { class: 'hint' }, leftText) : null),
      earlierDue(answer),
      deadlineBlock(answer),
      others.map((w) => el('p', { class: 'hint' }, `提示：${w.message}`)));
    const gaps = (cases) => answer.members.filter((m) => Boolean(m.cases) === cases && coverAlert(m)).length;
    const [waiting, maybe] = [gaps(false), gaps(true)];
    announce(`${answer.ruleset.year}年度，${answer.members.length}位成员，合计个人缴费${money(t, 'individual_fen')}，政府补助${money(t, 'subsidy_fen')}` +
      (t.add_ons.length ? `，连同自愿参加的项目共需缴纳${money(t, 'to_pay_fen')}` : '') +
      (flags.length ? '，标准还没有全部公布' : '') + (waiting ? `；${waiting}人有一段时间不能报销` : '') +
      (maybe ? `；${maybe}人可能有一段时间不能报销，要看集中缴费期的截止日期` : '') + '。' + leftText);
    document.body.dataset.state = 'result';
  }

  function showPending(errorsShown) {
    for (const m of state.members) {
      fill(m.ui.outcome, el('p', { class: 'hint' }, m.birth_date.trim() ? '填写完整、改正标出的问题后，这里会显示结果。' : NO_BIRTH));
    }
    if (!errorsShown) fill($('household'), el('p', null, '请把日期填写完整。'));
    announce(errorsShown ? `有${errorsShown}处需要改正，见“第三步：测算结果”开头的列表。` : '');
    document.body.dataset.state = 'pending';
  }

  // Screen readers hear a short summary once typing pauses, not on every keystroke.
  function announce(text) {
    clearTimeout(announceTimer);
    announceTimer = setTimeout(() => { fill($('summary'), text); }, 400);
  }

  // ---- where to go, whom to call, and the sources ----

  function section(title, items, cls = '') {
    return items.length ? [el('h3', null, title), el('ul', { class: `list ${cls}` }, items)] : [];
  }

  const contact = (c) => el('li', null, c.name, c.phone ? '：' : '',
    c.phone ? el('a', { class: 'phone', href: `tel:${dialString(c.phone)}` }, c.phone) : null,
    c.detail ? `（${c.detail}）` : '');

  function renderHowto(from) {
    fill($('howto'),
      section('在哪里登记', from.registration.map((x) => el('li', null, el('strong', null, x.name), '：', x.detail))),
      section('怎么缴费', from.payment_channels.map((x) => el('li', null, channelText(x))), 'channels'),
      // A city whose contacts have no number (Qingdao: the 街道保障中心, an official account) is not promised one.
      section(from.contacts.some((c) => c.phone) ? '咨询电话' : '咨询和办理', from.contacts.map(contact), 'contacts'),
      section('官方网站', from.websites.map((w) => el('li', null, w))));
  }

  // A saved page outlives its rules: once the device's date is past the collection window of the city's latest
  // ruleset, the first thing on the page says so, and whom to ask about the year that is open now. A current
  // ruleset whose amounts are carried from last year is not out of date: the ruleset hint and the result say so.
  function renderStale() {
    const r = yearsOf(state.region).reduce((a, b) => (closesOf(b) > closesOf(a) ? b : a));
    const today = todayIso();
    const stale = today > closesOf(r);
    $('stale').hidden = !stale;
    if (!stale) return;
    $('h-stale').textContent = `⚠ 本页的规定是${r.year}年度的，已经过期`;
    const { contacts, websites } = listing(r.id);
    const first = contacts.slice(0, 2);
    fill($('stale-text'),
      el('p', null, `本页按${r.title}的规定测算，这一年度的缴费期是${windowText(r)}。` +
        `今天是${zhDate(today)}，已经过了这个缴费期，本页的金额和日期不能用于现在的缴费。` +
        '现在能交哪一年度的医保费、交多少、到哪里交，请以当地医保部门公布的为准，可以咨询：'),
      el('ul', { class: 'list' }, first.map(contact), websites.map((w) => el('li', null, `网站：${w}`))),
      contacts.length > first.length ? el('p', null, '更多办理地点和电话见本页“去哪里办理、怎么缴费”部分。') : null);
  }

  // What of the year's rules is not yet published, in the words of the ruleset hint: the provisional texts of its
  // amounts, and what is unknown with whom to ask.
  const UNKNOWN_NAMES = { individual_fen: '个人缴费标准', subsidy_fen: '政府补助标准', 'collection.opens': '开始缴费的日期',
    'collection.closes': '缴费的截止日期', continuity_deadline: '集中缴费期的截止日期' };
  function rulesetFlags(r) {
    const c = r.collection;
    const d = r.continuity_deadline;
    const provisional = [...r.fees.flatMap((f) => f.provisional), ...c.provisional, ...d.provisional];
    const unknown = [...r.fees.flatMap((f) => f.unknown), ...c.unknown, ...d.unknown];
    const texts = [...new Set(provisional.map((f) => (f.fact.endsWith('_fen') ? `本页的金额${sentence(`：${f.text}`)}` : sentence(f.text))))];
    if (unknown.length) {
      const names = [...new Set(unknown.map((f) => UNKNOWN_NAMES[f.fact] || f.label || f.fact))];
      texts.push(`尚未公布：${names.join('、')}，请咨询${[...new Set(unknown.map((f) => f.ask))].join('、')}。`);
    }
    return texts.join('');
  }

  function renderRuleset() {
    const r = ruleset();
    // The staff page's file as the page was made with (batch.html, or an exported page's <id>-batch.html).
    const staffPage = $('batch-link').getAttribute('href').replace(/#.*$/, '');
    $('batch-link').href = `${staffPage}#ruleset=${encodeURIComponent(r.id)}`;
    renderStale();
    fill($('ruleset-hint'), `${r.title}。${r.collection.text}可以缴费的日期：${windowText(r)}。${rulesetFlags(r)}` +
      (lockedCity ? '本页的城市由所在网站设定。' : ''));
    fill($('sources'),
      el('p', null, `${r.title}（待遇期：${zhDate(r.benefit_year.start)}至${zhDate(r.benefit_year.end)}）`),
      el('ul', { class: 'list' }, r.sources.map((s) => el('li', null, sourceLine(s, r)))));
  }

  // ---- start ----

  let paymentField = null;

  // The city of a ruleset whose collection window holds today, else the first city.
  function defaultRegion() {
    const today = todayIso();
    const regions = [...new Set(rulesets.map((r) => r.region))];
    return regions.find((region) => yearsAt(region, today).years.some((y) => y.open)) || regions[0];
  }

  // Fills the form from a link, or with one adult when it holds no household, and says what it could not use.
  function load(link) {
    const known = (id) => rulesets.some((r) => r.id === id);
    const h = link.household;
    const notices = [...link.notices, ...[link.city, h && h.ruleset].filter((id) => id && !known(id))
      .map((id) => `链接中的城市“${id}”本页没有，请核对所选城市。`)];
    lockedCity = known(link.city) ? link.city : null;
    // A link keeps the year it names (until the date is changed); the embedding site's city= fixes the city.
    const region = lockedCity && regionOf(lockedCity);
    const keep = Boolean(h && known(h.ruleset) && (!region || regionOf(h.ruleset) === region));
    state.region = keep ? regionOf(h.ruleset) : region || defaultRegion();
    state.ruleset = keep ? h.ruleset : null;
    state.choice = null;
    const paid = (h && h.payment_date) || todayIso();
    state.payment = { value: paid, touched: Boolean(h), fromLink: typedIso(paid) !== todayIso() };
    pickYear(keep);
    state.members = h ? h.members.map((m) => ({
      ...m, key: nextKey++, preset: '', tierShown: tiered() && m.tier !== null, touched: true,
    })) : [];
    // The city list is filled here, with the city chosen: a link's city needs no look for the city open today.
    options($('ruleset'), cityOptions(), state.region);
    $('ruleset').disabled = Boolean(lockedCity);
    $('payment-date').value = state.payment.value;
    renderPaymentSource();
    fill($('link-notice'), notices.map((text) => el('p', null, text)));
    $('link-notice').hidden = !notices.length;
    renderRuleset();
    renderMembers();
    limitMembers();
    if (h) update();
    else addMember(PRESETS[0]);
  }

  const cityOptions = () => [...new Set(rulesets.map((r) => r.region))].map((region) => [region, region]);

  // The page's rulesets (`data`: the bytes of their compact form, made when the page was made), their index, and the
  // notice of those that did not load.
  function start(data) {
    const loaded = JSON.parse(engine.loadCompactRulesets(data));
    performance.mark('yibao:rulesets-loaded', { detail: { rulesets: loaded.rulesets.length } });
    rulesets = loaded.rulesets;
    histories = Object.entries(loaded.histories);
    showRulesetErrors($('ruleset-errors'), loaded);
    if (!rulesets.length) {
      document.body.dataset.state = 'unavailable';
      return;
    }

    const select = $('ruleset');
    select.addEventListener('input', () => {
      state.region = select.value;
      state.choice = null;
      changeYear(pickYear());
    });

    const input = $('payment-date');
    paymentField = fieldOf(input);
    input.addEventListener('input', () => {
      state.payment.value = input.value;
      state.payment.fromLink = false;
      renderPaymentSource();
      changeYear(pickYear());
    });
    $('payment-today').addEventListener('click', () => {
      input.value = todayIso();
      state.payment = { value: input.value, touched: true, fromLink: false };
      renderPaymentSource();
      changeYear(pickYear());
      input.focus();
    });
    input.addEventListener('change', () => { state.payment.touched = true; update(); });

    fill($('presets'), PRESETS.map((preset) => {
      const button = el('button', { type: 'button', 'aria-describedby': 'add-hint' }, `+ ${preset.label}`);
      button.addEventListener('click', () => {
        const member = addMember(preset);
        member.ui.fields.birth_date.control.focus();
      });
      return button;
    }));

    // A link pasted into the address bar of the open page changes only the fragment: read it as a new link.
    window.addEventListener('hashchange', () => load(YibaoLink.read(location.hash)));

    load(fromLink);
    $('app').hidden = false;
    performance.mark('yibao:first-answer');
  }

  // The engine, from the module web/boot.js compiled while the page loaded, and the rulesets' bytes it inflated; once
  // the document is parsed, since the engine's script (createYibaoEngine) comes after the page's.
  async function loadEngine() {
    if (document.readyState === 'loading') {
      await new Promise((parsed) => document.addEventListener('DOMContentLoaded', parsed));
    }
    return Promise.all([YibaoBoot.engine(createYibaoEngine), YibaoBoot.rulesets]);
  }

  const fromLink = YibaoLink.read(location.hash);

  // A saved copy of the page holds the last screen: start from a clean one.
  delete document.body.dataset.state;
  $('app').hidden = true;
  $('stale').hidden = true;
  $('unsupported').hidden = true;
  $('ruleset-errors').hidden = true;

  if (typeof WebAssembly !== 'object') unsupported('不支持 WebAssembly');
  else if (typeof DecompressionStream !== 'function') unsupported('不支持解压功能');
  else {
    loadEngine().then(([instance, data]) => {
      engine = instance;
      performance.mark('yibao:instantiated');
      start(data);
    }).catch((error) => unsupported(`程序加载失败：${error && error.message ? error.message : error}`));
  }
})();
