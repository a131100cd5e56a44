// One page assembly for every page that is made: web/build.mjs builds the pages with it, and the rules workbench
// (bundled) exports pages with it, so an exported page is byte for byte the built one but for its rulesets and fee
// tables. Pure: text in, text out.
//
// A page is made in two steps. template() puts a page's own parts (web/index.html, web/batch.html) into the frame
// the pages share (web/page.html: head, notices, fee tables, scripts; its head begins as every page's does,
// web/head.html, with the CSP) and fills in everything fixed at build
// time (CSP, style, scripts, wasm); what is left is the page's template, with a slot for its rulesets, one for its
// fee tables, and the two pages' file names where each links to the other. assemble() fills them: build.mjs with
// rules/*.json as yibao.html and batch.html, the workbench with a new ruleset as <id>.html and <id>-batch.html.

const RULESETS = '<script id="rulesets" type="application/octet-stream">{{RULESETS}}</script>';
const FEE_TABLES = '\n{{FEE_TABLES}}\n';
const LEFT = ['RULESETS', 'FEE_TABLES', 'FAMILY_PAGE', 'STAFF_PAGE'];

// A page's own parts: the text after each line <!-- NAME -->, up to the next such line.
export function partsOf(page) {
  const parts = {};
  for (const [, name, text] of page.matchAll(/^<!-- ([A-Z_]+) -->\n([\s\S]*?)(?=^<!-- [A-Z_]+ -->\n|(?![\s\S]))/gm)) {
    parts[name] = text.replace(/\n$/, '');
  }
  return parts;
}

// Fills each {{NAME}} of `text` with parts[NAME], once (a part's own text is not read again); a slot alone on its
// line whose part is empty takes its line with it. The slots `kept(NAME)` are left for a later step.
/** @param {string} text @param {Record<string, string>} parts @param {(key: string) => boolean} [kept] */
function fill(text, parts, kept = () => false) {
  return text.replace(/^\{\{([A-Z_]+)\}\}\n|\{\{([A-Z_]+)\}\}/gm, (whole, line, inner) => {
    const key = line || inner;
    if (kept(key)) return whole;
    if (!(key in parts)) throw new Error(`unknown slot ${whole.trim()}`);
    return line && parts[key] === '' ? '' : `${parts[key]}${line ? '\n' : ''}`;
  });
}

// The template of a page: `frame` (web/page.html, or web/rules.html for the workbench) with `own`, the page's own
// parts ({HEAD, TITLE, …}, which may hold slots of their own), then `fixed`, the parts known at build time ({CSP,
// STYLE, SCRIPT, ENGINE, WASM, …}). The slots `left` stay for assemble().
export function template(frame, own, fixed, left = LEFT) {
  return fill(fill(frame, own, (key) => !(key in own)), fixed, (key) => left.includes(key));
}

// A page: its template with `rulesets` (the engine's compact form of the page's rulesets, `yibao compact`, gzipped
// and base64-encoded as the wasm is: the pages' engines load only that), their `feeTables` (HTML), and the file
// names of the family page and the staff page (a plain name: each page links to the other beside it).
export function assemble(pageTemplate, { rulesets, feeTables, familyPage, staffPage }) {
  for (const slot of [RULESETS, FEE_TABLES]) {
    if (pageTemplate.split(slot).length !== 2) throw new Error(`the page template holds ${slot.trim()} other than once`);
  }
  for (const name of [familyPage, staffPage]) {
    if (!/^[\w.-]+\.html$/.test(name)) throw new Error(`a page's file name is letters, digits, ".", "-" and "_": ${name}`);
  }
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(rulesets)) throw new Error('the rulesets are not base64');
  return pageTemplate.replace(/\{\{(FAMILY|STAFF)_PAGE\}\}/g, (whole, which) => (which === 'FAMILY' ? familyPage : staffPage))
    .replace(RULESETS, () => RULESETS.replace('{{RULESETS}}', rulesets))
    .replace(FEE_TABLES, () => `\n${feeTables}\n`);
}
