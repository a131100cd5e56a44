// Building the page's nodes, flagging its fields, saving files and saying what keeps the engine from starting, for
// the household form (app.js), its share part (share.js), the staff page's 批量测算 (batch.js) and the rules
// workbench (workbench.js). All text goes in as text nodes, never as
// markup.
import YibaoFormat from './format.js';

export default (function () {
  'use strict';

  // In a text, each figure, date and mark (YibaoFormat.UNBROKEN) goes in a span that never breaks across lines: an
  // older reader in 大字模式 must not read 约199 / 4元. Not in controls' own texts (an <option> holds text only).
  const PLAIN = new Set(['OPTION', 'TEXTAREA', 'TITLE']);
  function whole(text) {
    const span = document.createElement('span');
    span.className = 'nowrap';
    span.textContent = text;
    return span;
  }
  const unbroken = (node, text) => (PLAIN.has(node.tagName) ? [text]
    : text.split(YibaoFormat.UNBROKEN).map((part, i) => (i % 2 ? whole(part) : part)).filter((part) => part !== ''));

  // An element of the page by its id. Typed any: its kind (an input, a select, …) is the page's, which the id does not say.
  /** @type {(id: string) => any} */
  const byId = (id) => document.getElementById(id);

  // Replaces a node's content with the given nodes and strings; nested lists are flattened, null and false skipped.
  function fill(node, ...children) {
    node.replaceChildren(...children.flat(Infinity).filter((c) => c !== null && c !== undefined && c !== false)
      .flatMap((c) => (typeof c === 'string' ? unbroken(node, c) : [c])));
    return node;
  }

  // An element with attributes (`class` as className; true as an empty value; null, undefined and false left out).
  function el(tag, props, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(props || {})) {
      if (value === null || value === undefined || value === false) continue;
      if (key === 'class') node.className = value;
      else node.setAttribute(key, value === true ? '' : value);
    }
    return fill(node, children);
  }

  // A field is {control, hint, error}: the control is described by its hint and, while shown, its error.
  function describe(f) {
    const ids = [f.hint && f.hint.id, !f.error.hidden && f.error.id].filter(Boolean);
    if (ids.length) f.control.setAttribute('aria-describedby', ids.join(' '));
    else f.control.removeAttribute('aria-describedby');
  }

  // Shows `text` as the field's error ('' clears it); a field without a control is an error line alone.
  function setError(f, text) {
    fill(f.error, text);
    f.error.hidden = !text;
    if (!f.control) return;
    if (text) f.control.setAttribute('aria-invalid', 'true');
    else f.control.removeAttribute('aria-invalid');
    describe(f);
  }

  // The field of a control written in the page, by the ids of its hint and error (ID-hint, ID-error).
  const fieldOf = (control) => ({ control, hint: document.getElementById(`${control.id}-hint`),
    error: document.getElementById(`${control.id}-error`) });

  // Saves `parts` (strings and bytes) as a file called `name`, through a link the page clicks itself.
  function download(name, parts, type) {
    const link = el('a', { download: name });
    link.href = URL.createObjectURL(new Blob(parts, { type }));
    document.body.append(link);  // Firefox follows only a link in the document
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 60000);
  }

  // A broken ruleset in the page's data is the publisher's mistake: `box` says which and where, from the engine's
  // answer on loading them (`loaded`: its errors, the names of the data's documents, and the rulesets that work).
  /** @param {HTMLElement} box @param {{errors?: {path: string, message: string}[], documents?: {id: string, title: string}[], rulesets: unknown[]}} loaded */
  function showRulesetErrors(box, { errors = [], documents = [], rulesets }) {
    box.hidden = !errors.length;
    if (!errors.length) return;
    // "/1/contributions/0/individual_fen": the second ruleset of the data, named by its title and id.
    const named = (path) => {
      const doc = documents[Number(/^\/(\d+)/.exec(path)?.[1])];
      return doc && doc.id ? `${doc.title}（${doc.id}）` : '规则数据';
    };
    fill(box, el('h2', null, rulesets.length ? '本页部分规则数据有误，相关城市或年度暂不可用' : '本页的规则数据有误，无法测算'),
      el('ul', null, errors.slice(0, 20).map((e) => el('li', null, `${named(e.path)}：${e.message}（数据位置 `,
        el('code', null, e.path || '/'), '）'))),
      el('p', null, '请联系发布本页的单位修正。'));
  }

  // A browser that cannot run the engine: said in #unsupported; the fee tables below still serve.
  function unsupported(reason) {
    const note = document.getElementById('unsupported');
    note.textContent = `抱歉，您的浏览器无法运行本页的测算程序（${reason}）。请换用较新版本的浏览器，或查看下方各城市的缴费标准表。`;
    note.hidden = false;
    document.body.dataset.state = 'unsupported';
  }

  return { byId, el, fill, describe, setError, fieldOf, download, showRulesetErrors, unsupported };
})();
