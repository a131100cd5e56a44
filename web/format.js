// Dates, amounts and the other texts the page writes, as pure functions: shared by the household form (app.js), its
// link, print and reminder (share.js), 批量测算 (batch.js) and the fee tables (fee-tables.js, which web/build.mjs
// runs in Node), as this module's one export.
export default (function () {
  'use strict';

  const pad = (n) => String(n).padStart(2, '0');
  // A Date as YYYY-MM-DD in the device's time zone, as people read their calendar.
  const isoOf = (d) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
  const todayIso = () => isoOf(new Date());
  // Fen as yuan: whole yuan without decimals, else two.
  const yuan = (fen) => `${fen % 100 ? (fen / 100).toFixed(2) : fen / 100}元`;

  // Full-width digits (２０２６, as a Chinese keyboard may type them) as ASCII ones.
  const halfWidth = (text) => text.replace(/[\uff10-\uff19]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));

  // 2024-05-01 as 2024年5月1日, as precise as it is given: a month alone (2023-09, a source's date) as 2023年9月, a
  // year alone as 2025年. Anything else (a source dated 3月10日（年份未显示）) is already words: as written.
  function zhDate(iso) {
    const m = /^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$/.exec(String(iso).trim());
    if (!m) return String(iso).trim();
    return `${Number(m[1])}年${m[2] ? `${Number(m[2])}月` : ''}${m[3] ? `${Number(m[3])}日` : ''}`;
  }

  // A count as typed, a number when it is one (2, ２, 2年); anything else is returned as typed, for the engine to flag.
  function count(text) {
    const t = halfWidth(text.trim());
    const m = /^(\d{1,3})\s*年?$/.exec(t);
    return m ? Number(m[1]) : t;
  }

  // A text as a sentence: with its full stop.
  const sentence = (text) => (/[。！？]$/.test(text) ? text : `${text}。`);

  // A phone number in a text: area code, number, then menu keys (024-12345-1-7).
  const PHONE = /0\d{2,3}-\d{5,8}(?:-\d{1,2})*/g;

  // What never breaks across lines (README, "Figures and dates stay whole"): an amount (约1994元, 0.5元), a count
  // (3个月, 20位), a date (2027年1月1日, 2025年9月, 2027年度, 9月1日, 2026-11-20), a phone number and a mark
  // (（暂按2026年度标准）). One capturing group, so that text.split(UNBROKEN) gives the plain parts and, at odd
  // places, the unbroken ones.
  const UNBROKEN = new RegExp(String.raw`(（暂按[^（）]{1,12}标准）|(?<![\d.-])(?:${PHONE.source}|` +
    String.raw`\d{4}-\d{1,2}-\d{1,2}(?![\d-])|\d{4}年(?:度|\d{1,2}月(?:\d{1,2}日)?)?|\d{1,2}月\d{1,2}日|` +
    String.raw`约?\d+(?:\.\d+)?(?:元|个月|岁|人|位)))`);
  // 024-12345-1-7 is dialled 02412345, pause, 1, pause, 7.
  function dialString(phone) {
    const [area, number, ...keys] = phone.split('-').map((part) => part.replace(/\D/g, ''));
    return [area + (number || ''), ...keys].join(',');
  }

  // A source as the 政策依据 list names it: 《title》，publisher，its date as precise as given（level and what it means）.
  // Level A is the primary material: 本年度 only when dated in the ruleset's own collection (from the year its window
  // opens, or the year before its benefit year, to its benefit year); an older one, like an undated one, says so.
  function sourceLevel(s, r) {
    if (s.level === 'B') return '往年规定或转载资料，请电话核实';
    if (s.level === 'C') return '背景资料';
    const year = /^(\d{4})(?:-|$)/.exec(s.date || '');
    if (!year) return '正式发布的资料，未注明日期，请电话核实';
    const from = r.collection && r.collection.opens ? Number(r.collection.opens.slice(0, 4)) : r.year - 1;
    const own = Number(year[1]) >= from && Number(year[1]) <= r.year;
    return own ? '本年度正式资料' : '往年正式资料，请电话核实';
  }
  const sourceLine = (s, r) => `《${s.title}》，${s.publisher}${s.date ? `，${zhDate(s.date)}` : ''}（${s.level}级：${sourceLevel(s, r)}）`;

  // A member restored from a link has no preset: without a name it is just 成员N.
  function memberTitle(member, index) {
    const name = member.id.trim() || member.preset;
    return name ? `成员${index + 1}：${name}` : `成员${index + 1}`;
  }

  // ---- the texts of an answer ----

  // An amount carried from an earlier year's rules (provisional) is 约482元; one not published (null) 尚未公布, never 0.
  const AMOUNT_FACTS = { individual_fen: ['individual_fen'], subsidy_fen: ['subsidy_fen'], total_fen: ['individual_fen', 'subsidy_fen'] };
  // Nothing to pay is 0元 whatever year's rules say so (低保 pays nothing): only an amount above 0 is 约.
  const provisionalOf = (x, fact) => Boolean(x[fact]) && (x.provisional || []).find((f) => AMOUNT_FACTS[fact].includes(f.fact));
  // An amount as said everywhere (page, print, reminder, fee tables, 批量测算): 尚未公布, 约482元, 482元 or 0元.
  const amountText = (fen, carried) => (fen === null ? '尚未公布' : `${carried && fen !== 0 ? '约' : ''}${yuan(fen)}`);
  const money = (x, fact) => amountText(x[fact], provisionalOf(x, fact));
  // The provisional facts of x that show as 约 (an amount of 0 does not): the lines under them name only those.
  const carriedFacts = (x) => (x.provisional || []).filter((f) => !f.fact.endsWith('_fen') || x[f.fact] !== 0);
  // A total's parts of one payer (individual, government) where it has more than one, each a term: 其中基本医保450元、
  // and 长期护理保险30元; partsText joins them (print), the page and the fee tables break a line only between terms.
  function partTerms(x, payer) {
    const parts = (x.parts || []).filter((p) => p.payer === payer);
    return parts.length > 1 ? parts.map((p, i) => `${i ? '' : '其中'}${p.label}${amountText(p.amount_fen,
      (x.provisional || []).some((f) => f.fact === `parts.${p.id}`))}${i < parts.length - 1 ? '、' : ''}`) : [];
  }
  const partsText = (x, payer) => partTerms(x, payer).join('');
  const withParts = (x, fact, payer) => money(x, fact) + (partsText(x, payer) && `（${partsText(x, payer)}）`);

  // An estimated or unpublished fact as a line of a notice: an amount's text says it is the 约 one.
  const amountLine = (f) => (f.fact.endsWith('_fen') ? `标“约”的金额：${sentence(f.text)}` : sentence(f.text));
  // The household's unpublished and estimated facts, each said once: the lines of the notice near the result, of the
  // printed page and of the calendar reminder. (The deadline's own unknowns are in the deadline block.)
  function flagLines(answer) {
    const t = answer.totals;
    const d = answer.deadline;
    return [...new Set([...carriedFacts(t), ...d.provisional].map(amountLine)
      .concat(t.unknown.filter((f) => !d.unknown.some((u) => u.fact === f.fact)).map((f) => sentence(f.text))))];
  }

  // Where the start turns on a window end not published: both cases, as the citizen is to ask about them.
  const CASES = [['in_window', '如果您在集中缴费期内缴费'], ['after_window', '如果已过集中缴费期']];
  const caseText = (m, text) => (m.cases ? CASES.map(([key, when]) => `${when}：${text(m.cases[key])}`).join('；') : text(m));
  const startOf = (x) => (x.benefit_start ? zhDate(x.benefit_start) : x.benefit_start_unknown ? '尚未公布' : '本年度没有待遇');
  // What a member still owes for the year before (earlier_year), in short.
  const earlierText = (e) => `${e.year}年度个人缴费${money(e, 'individual_fen')}，${zhDate(e.pay_by)}前缴纳`;
  // The add-ons a member takes, or a household's totals of them, each with its fee: 大病医疗互助补充保险60元.
  const addOnsText = (x) => x.add_ons.map((a) => `${a.label}${yuan(a.amount_fen)}`).join('、');
  const channelText = (x) => x.name + (x.detail ? `（${x.detail}）` : '');

  // The assistance group a member's figures rest on (the answer's `assistance`), by its label in the ruleset's
  // `groups`; of several the member is in (`chosen`, the ids asked), the others are named and the one taken said so.
  // '' for a member in none.
  function groupText(m, chosen, groups) {
    const label = (id) => (groups.find((g) => g.id === id) || { label: id }).label;
    if (!m.assistance) return '';
    const others = chosen.filter((id) => id !== m.assistance && groups.some((g) => g.id === id));
    return `特殊人群：${label(m.assistance)}` +
      (others.length ? `（同时属于${others.map(label).join('、')}，按“就高”原则只按这一类算）` : '');
  }

  // A member's figures as text [term, text(m)], as printed; the page's cards show some of them richer.
  /** @type {[string, (m: any) => string][]} */
  const FIGURES = [
    ['类别', (m) => m.category_label + (m.tier_label ? `（${m.tier_label}）` : '') +
      (m.benefit_tier ? `（按${m.benefit_tier.paid_label}缴费，享受${m.benefit_tier.label}待遇）` : '')],
    ['个人缴费', (m) => withParts(m, 'individual_fen', 'individual')],
    ['政府补助', (m) => withParts(m, 'subsidy_fen', 'government')],
    // Add-ons the member chose, each with its own fee, apart from the basic contribution (shown where a member took one).
    ['自愿参加', addOnsText],
    ['待遇开始', (m) => caseText(m, startOf)],
    ['待遇结束', (m) => zhDate(m.benefit_end)],
  ];

  // An answer asked with "texts": "by_id" (README) made whole again from `listing`, its ruleset as rulesets() lists
  // it: the page asks that way because its listing holds the texts no household changes, which would otherwise
  // come again with every answer. The objects of the listing are shared, not copied.
  function withTexts(answer, listing) {
    if (!answer.ok) return answer;
    const sources = new Map(listing.sources.map((s) => [s.id, s]));
    const explained = (item) => {
      item.basis = item.basis.map((b) => ({ ...b, level: sources.get(b.source)?.level ?? '',
        source_title: sources.get(b.source)?.title ?? '' }));
      Object.assign(item, { source: item.basis[0].source, quote: item.basis[0].quote, level: item.basis[0].level,
        source_title: item.basis[0].source_title });
      if (item.basis.some((b) => b.level === 'B')) item.note = listing.unconfirmed_note;
    };
    for (const m of answer.members) {
      [...m.explanation, ...m.notes, ...m.add_ons, ...(m.benefit_tier ? [m.benefit_tier] : []), ...m.family_account, ...(m.cases ? [...m.cases.in_window.explanation, ...m.cases.after_window.explanation] : [])]
        .forEach(explained);
    }
    const { id, region, year, title, benefit_year, collection } = listing;
    const { registration_ids: ids, ...rest } = answer;
    return { ...rest, ruleset: { id, region, year, title, benefit_year, collection, sources: listing.sources },
      deadline: { ...listing.continuity_deadline, met: answer.deadline.met, applies: answer.deadline.applies },
      registration: ids.map((wanted) => listing.registration.find((c) => c.id === wanted)),
      payment_channels: listing.payment_channels, contacts: listing.contacts, websites: listing.websites };
  }

  const api = { pad, isoOf, todayIso, yuan, zhDate, count, sentence, UNBROKEN, PHONE, dialString,
    sourceLevel, sourceLine, memberTitle, provisionalOf, amountText, money, carriedFacts, partTerms, amountLine, flagLines,
    CASES, caseText, startOf, earlierText, addOnsText, channelText, groupText, FIGURES, withTexts };
  return api;
})();
