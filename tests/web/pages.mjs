// Test pages: the page built by web/build.mjs with the rulesets a test names (extra years, a broken one), in a
// temporary directory, and opened from file:// like dist/yibao.html.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before } from 'node:test';
import { pathToFileURL } from 'node:url';
import { rulesetFiles } from '../../web/rules-data.mjs';
import { at, launch, withPage } from './browser.mjs';

const root = new URL('../../', import.meta.url).pathname;

// Every rules/*.json, as dist/yibao.html holds them; one of them by file name (rules/qingdao-2024.json); and a test
// ruleset of tests/rulesets/ by file name.
export const builtIn = rulesetFiles;
export const rulesFile = (name) => `${root}rules/${name}`;
export const testRuleset = (name) => `${root}tests/rulesets/${name}`;
// The 2024 rulesets alone: a page saved in 2024, whose rules have since gone out of date.
export const only2024 = () => [rulesFile('qingdao-2024.json'), rulesFile('shenyang-2024.json')];
export const readRuleset = (path) => JSON.parse(readFileSync(path, 'utf8'));

// Each city's rulesets files, as a city's own page holds them (every year it has): a region → its files. A ruleset
// with a base takes its region from it, and its base goes along.
export function cityFiles() {
  const documents = new Map(builtIn().map((path) => [path, readRuleset(path)]));
  const byId = new Map([...documents.values()].map((d) => [d.id, d]));
  const regionOf = (d) => d.region ?? regionOf(byId.get(d.base));
  const byCity = new Map();
  for (const [path, d] of documents) byCity.set(regionOf(d), [...(byCity.get(regionOf(d)) || []), path]);
  return byCity;
}

export const staffPage = (url) => url.replace(/\.html$/, '-batch.html');

export function testPages() {
  const dir = mkdtempSync(join(tmpdir(), 'yibao-pages-'));
  return {
    // Builds NAME.html holding `files` (in this order), and the staff page NAME-batch.html (staffPage() names it),
    // and returns the family page's file:// address.
    build(name, files) {
      const out = join(dir, `${name}.html`);
      execFileSync(process.execPath, [`${root}web/build.mjs`, '--rules', files.join(','), '--out', out],
        { stdio: ['ignore', 'ignore', 'inherit'] });
      return pathToFileURL(out).href;
    },
    // Writes a ruleset document (made by the test) as NAME.json and returns its path.
    write(name, document) {
      const path = join(dir, `${name}.json`);
      writeFileSync(path, JSON.stringify(document, null, 2));
      return path;
    },
    // A file of that name in the same directory (a page a test makes itself).
    file: (name) => join(dir, name),
    remove() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

// A test page built once for a test file and a browser to open it in: open(check, {now, fragment, ...}) runs
// `check` on the page at `now` (default `defaultNow`), as withPage does.
export function usePage(name, files, defaultNow) {
  const pages = testPages();
  let url;
  let browser;
  before(async () => {
    url = pages.build(name, files);
    browser = await launch();
  });
  after(async () => {
    await browser.close();
    pages.remove();
  });
  return (check, { now = defaultNow, fragment = '', ...options } = {}) =>
    withPage(browser, { url: url + fragment, now: at(now), ...options }, check);
}
