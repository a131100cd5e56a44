// What the layout tests check of a page on screen, as one function that runs in the page (Chromium through
// page.evaluate, WebKit and Firefox through its source in tests/web/engines.test.mjs): nothing scrolls sideways;
// every figure, date and mark of the visible text sits in a part that never wraps (white-space: nowrap), on one
// line, inside the viewport; and each such part (.nowrap) is a single line box. Returns the problems found.
export function layoutProblems() {
  // Amounts (约1994元), dates (2027年1月1日, 2025年9月, 2026-11-20), phone numbers (024-12345-1-7) and the mark of a
  // carried amount.
  const FIGURE = /约?\d+(?:\.\d+)?元|\d{4}年\d{1,2}月(?:\d{1,2}日)?|(?<![\d-])(?:\d{4}-\d{1,2}-\d{1,2}|0\d{2,3}-\d{5,8}(?:-\d{1,2})*)(?![\d-])|（暂按[^（）]*标准）/g;
  const root = document.documentElement;
  const width = root.clientWidth;
  const problems = [];
  if (root.scrollWidth > width + 1) problems.push(`the page scrolls sideways by ${root.scrollWidth - width} px`);
  const unwrapped = (style) => /nowrap/.test(style.whiteSpace) || style.textWrapMode === 'nowrap';
  const lines = (rects) => new Set(rects.filter((r) => r.width > 0).map((r) => Math.round(r.top))).size;
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let text = walker.nextNode(); text; text = walker.nextNode()) {
    const parent = text.parentElement;
    if (parent.closest('script, style, noscript, option, textarea') || !parent.getClientRects().length) continue;
    for (const found of text.data.matchAll(FIGURE)) {
      const what = `“${found[0]}” in “${text.data.slice(0, 40)}”`;
      const range = document.createRange();
      range.setStart(text, found.index);
      range.setEnd(text, found.index + found[0].length);
      const rects = [...range.getClientRects()];
      if (!rects.length) continue;
      if (!unwrapped(getComputedStyle(parent))) problems.push(`${what} may wrap`);
      if (lines(rects) > 1) problems.push(`${what} breaks across lines`);
      // A table that scrolls in its own box (批量测算's results) is not the page scrolling.
      if (!parent.closest('.scroll') && rects.some((r) => r.right > width + 1 || r.left < -1)) {
        problems.push(`${what} sticks out of the screen`);
      }
    }
  }
  for (const part of document.querySelectorAll('.nowrap')) {
    const rects = [...part.getClientRects()];
    if (rects.length > 1 || lines(rects) > 1) problems.push(`“${part.textContent}” takes ${rects.length} line boxes`);
    // Straight inside a flex or grid box, a figure's span is an item of its own, and the words around it become
    // narrow columns beside it (“2027年度” | “（正常缴 / 费）”).
    if (/flex|grid/.test(getComputedStyle(part.parentElement).display) && part.parentElement.getClientRects().length) {
      problems.push(`“${part.textContent}” stands apart from its words in “${part.parentElement.textContent.slice(0, 30)}”`);
    }
  }
  return problems;
}
