// What the page benches share (bench-page.mjs, trace-page.mjs): the share link they open, and the init scripts that
// mark `yibao:shown` at the end of the frame that shows a page's first result, or an HTML page's first frame.
import { base64url, pageUrl } from './browser.mjs';

// A share link as a family receives it (a card opened without one has no birth date, and so no result).
export const linkUrl = `${pageUrl}#v1.${base64url({ c: 'qingdao-2024', p: '2024-02-15', m: [{ b: '1958-04-02', t: 1 }, { b: '2014-03-01', s: 'school' }] })}`;

// Today's date is pinned inside the 2024 collection window so that the first answer is a result, not an error;
// an observer notes when the page marks its first result, and the end of the frame after it is when it is shown.
export const watchResult = () => {
  const fixed = Date.parse('2024-02-15T10:00:00+08:00');
  const RealDate = Date;
  globalThis.Date = class extends RealDate {
    constructor(...args) { super(...(args.length ? args : [fixed])); }
    static now() { return fixed; }
  };
  new MutationObserver((records, observer) => {
    if (document.body && document.body.dataset.state === 'result') {
      observer.disconnect();
      // The next frame's callbacks run before its layout and paint; a task queued from them runs after.
      requestAnimationFrame(() => setTimeout(() => performance.mark('yibao:shown')));
    }
  }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-state'] });
};

// A page without scripts: the first frame after its load.
export const watchPaint = () => {
  addEventListener('load', () => requestAnimationFrame(() => setTimeout(() => performance.mark('yibao:shown'))));
};

// When the page marked `yibao:shown`, once it has.
export async function shownAt(page) {
  await page.waitForFunction(() => performance.getEntriesByName('yibao:shown').length > 0);
  return page.evaluate(() => performance.getEntriesByName('yibao:shown')[0].startTime);
}
