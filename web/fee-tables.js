// The fee tables for readers without JavaScript, as HTML, from the rulesets' summaries (as `yibao rulesets` lists
// them). One copy for both makers of a page: web/build.mjs (in Node) and the rules workbench (bundled into it), so a
// page the workbench exports holds exactly the tables build.mjs would make. Its amounts and phone numbers are
// written by web/format.js.
import YibaoFormat from './format.js';

export default (function () {
  'use strict';
  const { money, partTerms, carriedFacts, sentence, UNBROKEN, PHONE, dialString, amountLine } = YibaoFormat;
  const entities = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };
  const escapeHtml = (text) => String(text).replace(/[&<>"]/g, (c) => entities[c]);
  // Text with its figures, dates and marks kept on one line each (as web/fields.js does for the page).
  const unbroken = (text) => escapeHtml(text).split(UNBROKEN)
    .map((part, i) => (i % 2 ? `<span class="nowrap">${part}</span>` : part)).join('');
  // Amounts as the page says them (约…元, 尚未公布), with the ruleset's text on each under the table: the reason, and
  // whom to ask (phone numbers as tel: links).
  const withPhones = (text) => unbroken(text).replace(PHONE,
    (phone) => `<a class="phone" href="tel:${dialString(phone)}">${phone}</a>`);

  function feeTables(rulesets) {
    if (!rulesets.length) return '<p>本页没有可用的缴费标准。</p>';
    return rulesets.map((r) => {
      // An amount given by part has its parts under it, a line breaking between parts.
      const parts = (f, payer) => partTerms(f, payer).map((term) => `<span>${unbroken(term)}</span>`).join('');
      const cell = (f, fact, payer) => `<td class="num">${money(f, fact)}` +
        `${parts(f, payer) && `<span class="parts">${parts(f, payer)}</span>`}</td>`;
      const rows = r.fees.map((f) => `<tr><td>${unbroken(f.label)}</td>${cell(f, 'individual_fen', 'individual')}` +
        `${cell(f, 'subsidy_fen', 'government')}</tr>`).join('\n');
      const sources = [...new Set(r.fees.map((f) => f.source_title))].map((t) => `《${escapeHtml(t)}》`).join('、');
      const flags = [...new Set([...r.fees.flatMap(carriedFacts).map(amountLine),
        ...r.fees.flatMap((f) => f.unknown).map((u) => sentence(u.text))])];
      return `<table>
<caption>${unbroken(r.title)}</caption>
<thead><tr><th scope="col">人员类别</th><th scope="col">个人每年缴费</th><th scope="col">政府每年补助</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>
${flags.map((text) => `<p class="flag">${withPhones(text)}</p>\n`).join('')}<p class="hint">${unbroken(r.collection.text)} 依据：${sources}</p>`;
    }).join('\n');
  }

  return { feeTables };
})();
