// Saving, sharing and reminding: the household in the address bar and its share link, the link's QR code, the
// print-only summary, the calendar reminder (.ics) and the embedded page's height. It follows each answer of the
// form (app.js dispatches yibao:answer) and takes nothing from it back: whatever fails here, the result stands.
import * as leanQr from 'lean-qr';
import YibaoCalendar from './calendar.js';
import YibaoFields from './fields.js';
import YibaoFormat from './format.js';
import YibaoLink from './link.js';

(function () {
  'use strict';

  const $ = YibaoFields.byId;
  const { el, fill, download } = YibaoFields;
  const { todayIso, zhDate, memberTitle, money, flagLines, CASES, startOf, earlierText, channelText, groupText, FIGURES } =
    YibaoFormat;
  const fromLink = YibaoLink.read(location.hash);
  let qrTimer = 0;
  let last = null;  // the last answer's detail, for the reminder: {answer (null while the form has errors), household, counted}

  // The address bar always holds the household on screen, in the fragment, which no server receives; the link
  // to share is the same page without the embedding options.
  function remember({ household, city }) {
    const fragment = YibaoLink.write({ embed: fromLink.embed, city, household });
    try {
      history.replaceState(null, '', `#${fragment}`);
    } catch {
      // Safari refuses more than 100 calls in 30 s; the link to share below stays current all the same.
    }
    const link = `${location.href.replace(/[?#].*$/, '')}#${YibaoLink.write({ household })}`;
    $('link-text').value = link;
    // Drawing the PNG takes a frame or more on a phone: only once typing pauses, and never before the first result.
    clearTimeout(qrTimer);
    $('qr-figure').setAttribute('aria-busy', 'true');
    qrTimer = setTimeout(() => drawQr(link), 300);
  }

  // A link is ASCII (the browser percent-encodes the rest), so the QR encoder is not offered Shift-JIS: testing a
  // character for it builds a table of 7,973 characters first, a long task on a phone after the first result.
  const { numeric, alphaNumeric, ascii, iso8859_1, utf8 } = leanQr.mode;
  const QR_MODES = [numeric, alphaNumeric, ascii, iso8859_1, utf8];

  // The link as a QR code, drawn on a canvas and shown as a PNG: WeChat reads an image by long-press. White
  // behind it, and the standard's four modules of margin, so that it scans on a dark screen too.
  function drawQr(link) {
    $('qr-figure').removeAttribute('aria-busy');
    let code = null;
    try {
      code = leanQr.generate(link, { minCorrectionLevel: leanQr.correction.M, modes: QR_MODES });
    } catch {
      // longer than a QR code holds (2,331 bytes at level M)
    }
    $('qr-figure').hidden = !code;
    $('qr-too-long').hidden = Boolean(code);
    if (code) $('qr').src = code.toDataURL({ type: 'image/png', scale: 4, pad: 4, off: [255, 255, 255, 255] });
  }

  // A member as its card is titled (成员3：老人), numbered among all the cards, those without a birth date too.
  const titleOf = (member) => memberTitle(member, last.household.members.indexOf(member));

  function tell(text) {
    $('share-status').textContent = text;
  }

  function copyLink() {
    const link = $('link-text').value;
    const copying = navigator.clipboard ? navigator.clipboard.writeText(link) : Promise.reject(new Error('no clipboard'));
    copying.then(() => {
      $('link-fallback').hidden = true;
      tell('链接已复制，可以粘贴到微信等处发给家人。');
    }, () => {
      $('link-fallback').hidden = false;
      $('link-text').focus();
      $('link-text').select();
      tell('没能自动复制：链接已选中，在下面的框里长按（手机）或按 Ctrl+C（电脑）即可复制。');
    });
  }

  // The print-only summary: one row a member, with the date the estimate was made.
  function showPrintSummary(answer, members, groups) {
    const table = $('print-table');
    if (!answer) {
      fill(table);
      fill($('print-meta'));
      return;
    }
    // Where a start turns on a window end not published, each case has a column of start dates, headed in full; the
    // days without cover are then those before the start, as the line under the table says.
    const split = answer.members.some((m) => m.cases);
    const took = answer.members.some((m) => m.add_ons.length);
    /** @type {[string, (m: any) => string][]} */
    const columns = FIGURES.filter((f) => took || f[0] !== '自愿参加').flatMap((f) => (split && f[0] === '待遇开始'
      ? CASES.map(([key, when]) => [`${when}：待遇开始`, (m) => startOf(m.cases ? m.cases[key] : m)]) : [f]));
    const head = ['成员', '出生日期', ...columns.map(([term]) => term), split ? null : '不能报销的时间'].filter(Boolean);
    // Under a member's row, across the table: the assistance group the figures rest on, and a relative's employee
    // account that may pay for the member.
    const group = (m, i) => groupText(m, YibaoLink.groupsOf(members[i]), groups);
    const across = (text) => el('tr', null, el('td', { class: 'group', colspan: head.length }, text));
    const groupRow = (m, i) => [group(m, i) ? across(group(m, i)) : null, ...m.family_account.map((a) => across(a.text))];
    const row = (m, i) => el('tr', null,
      el('th', { scope: 'row' }, titleOf(members[i])),
      el('td', null, zhDate(m.birth_date)),
      columns.map(([, value]) => el('td', null, value(m))),
      split ? null : el('td', { class: 'gap' }, m.uncovered ? `${zhDate(m.uncovered.from)}至${zhDate(m.uncovered.to)}` : '无'));
    const heading = (text) => el('th', { scope: 'col', class: text.startsWith('如果') ? 'cases' : null }, text);
    fill(table, split ? el('caption', null, '两种情况下，待遇开始之前看病的费用，医保都不报销。') : null,
      el('thead', null, el('tr', null, head.map(heading))), el('tbody', null, answer.members.map((m, i) => [row(m, i), groupRow(m, i)])));
    fill($('print-meta'), el('span', null, answer.ruleset.title), el('span', null, `缴费日期：${zhDate(answer.payment_date)}`),
      el('span', null, `测算日期：${zhDate(todayIso())}`));
  }

  // The reminder is for the continuity deadline while the chosen payment date meets it. Past it, the deadline
  // can no longer be met, and what matters is paying by the chosen date: the figures shown assume it, and
  // paying later moves the benefit start later still. A deadline not published is no date for a reminder: it is
  // put on the chosen payment date, and says so.
  const reminderDate = (answer) => (answer.deadline.met && answer.deadline.date ? answer.deadline.date : answer.payment_date);
  const asks = (d) => [...new Set(d.unknown.map((f) => f.ask))].join('、');

  function showReminder(answer) {
    $('reminder').disabled = !answer;
    let hint = '算出结果后可以添加。';
    if (answer && !answer.deadline.date) {
      hint = `集中缴费期的截止日期尚未公布，提醒定在您填写的缴费日期${zhDate(answer.payment_date)}，提前3天提醒；` +
        `截止日期请先咨询${asks(answer.deadline)}。`;
    } else if (answer && answer.deadline.met) {
      hint = `提醒定在保持待遇连续的缴费截止日期${zhDate(answer.deadline.date)}，提前3天提醒。`;
    } else if (answer) {
      hint = `已过保持待遇连续的截止日期，提醒定在您填写的缴费日期${zhDate(answer.payment_date)}` +
        '（上面的结果按这一天缴费算出，再晚缴费，待遇开始还会推后），提前3天提醒。';
    }
    fill($('reminder-hint'), hint);
  }

  function saveReminder() {
    const { answer: a, counted } = last;
    const t = a.totals;
    const description = [
      `全家${a.members.length}人合计个人缴费${money(t, 'individual_fen')}，政府补助${money(t, 'subsidy_fen')}。`,
      ...a.members.map((m, i) => `${titleOf(counted[i])}：个人缴费${money(m, 'individual_fen')}` +
        (m.earlier_year ? `；还要缴纳${earlierText(m.earlier_year)}` : '')),
      ...flagLines(a),
      a.deadline.date ? null : `集中缴费期的截止日期尚未公布，这个提醒定在您填写的缴费日期${zhDate(a.payment_date)}；` +
        `截止日期请先咨询${asks(a.deadline)}。`,
      `缴费渠道：${a.payment_channels.map(channelText).join('；')}。`,
      a.deadline.text,
      '估算仅供参考，以医保经办机构核定为准。',
    ].filter(Boolean).join('\n');
    const text = YibaoCalendar.reminder({
      date: reminderDate(a), summary: `缴纳${a.ruleset.year}年度居民医保费（${a.ruleset.region}）`, description,
    });
    download('医保缴费提醒.ics', [text], 'text/calendar;charset=utf-8');
    tell('已生成日历文件“医保缴费提醒.ics”，打开它即可把提醒加到手机或电脑的日历里。');
  }

  // Embedded in another site's iframe: the estimator alone, and its height posted to the host page whenever it
  // changes (web/embed-host.js sizes the iframe to it).
  function embed() {
    document.documentElement.classList.add('embed');
    if (window.parent === window) return;
    let shownHeight = 0;
    new ResizeObserver(() => {
      const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
      if (height === shownHeight) return;
      shownHeight = height;
      window.parent.postMessage({ sentinel: 'amp', type: 'embed-size', height }, '*');
    }).observe(document.documentElement);
  }

  if (fromLink.embed || new URLSearchParams(location.search).get('embed') === '1') embed();

  $('copy-link').addEventListener('click', copyLink);
  $('print').addEventListener('click', () => window.print());
  $('reminder').addEventListener('click', saveReminder);
  // detail: {answer: the engine's answer, null while the form has errors; household: {ruleset, payment_date as
  // typed, members as the form holds them}; counted: the members the answer is for (those with a birth date), in its
  // order; city: the ruleset id fixed by the embedding site, or null; groups: the ruleset's assistance groups}.
  document.addEventListener('yibao:answer', (event) => {
    last = /** @type {CustomEvent} */ (event).detail;
    remember(last);
    showPrintSummary(last.answer, last.counted, last.groups);
    showReminder(last.answer);
  });
})();
