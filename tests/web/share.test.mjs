// Travelling with the estimate: the household in the link (and its QR code), older links, embedding in another
// site's iframe, the printed page and the calendar reminder. The link and calendar scripts are checked on their
// own in Node, then everything in Chromium from file:// with the network cut off.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { after, before, describe, test } from 'node:test';
import ICAL from 'ical.js';
import jsQR from 'jsqr';
import YibaoCalendar from '../../web/calendar.js';
import YibaoLink from '../../web/link.js';
import { addMember, base64url, card, launch, openPage, pageUrl, withPage } from './browser.mjs';

const FEB_15 = new Date('2024-02-15T10:00:00+08:00');
const OLDER = '此链接由旧版本生成，已按新版规则重新测算，请核对。';
const dist = (name) => pathToFileURL(new URL(`../../dist/${name}`, import.meta.url).pathname).href;
// What a link holds, as plain data (no undefined members).
const plain = (value) => JSON.parse(JSON.stringify(value));

const member = (fields) => ({
  id: '', birth_date: '', student: 'none', assistance: 'none', tier: null, history: 'continuous',
  lapsed_years: '1', repaired_years: '0', continuous_years: '', claimed_last_year: '', answers: {}, ...fields,
});

describe('the link format', () => {
  const household = {
    ruleset: 'shenyang-2024', payment_date: '2023-12-10', members: [
      member({ id: '<img src=x onerror=alert(1)> "奶奶" & 宝宝👶', birth_date: '1958-04-02', assistance: 'dibao' }),
      member({ birth_date: '2014-3-1', student: 'school', history: 'lapsed' }),
      member({ id: '爸爸', birth_date: '1980-01-01', tier: 2, history: 'new' }),
    ],
  };

  test('writes v1 and reads back every field exactly, embedding options included', () => {
    const fragment = YibaoLink.write({ embed: true, city: 'shenyang-2024', household });
    assert.match(fragment, /^embed&city=shenyang-2024&v1\.[A-Za-z0-9_-]+$/);
    assert.deepEqual(plain(YibaoLink.read(`#${fragment}`)),
      { embed: true, city: 'shenyang-2024', household, notices: [] });
  });

  test('the lapse questions travel as numbers and booleans and read back as the text of their fields', () => {
    const lapsed = { ruleset: 'qingdao-2027-example', payment_date: '2026-11-15', members: [
      member({ birth_date: '1995-06-01', tier: 1, history: 'lapsed', lapsed_years: '2', repaired_years: '1' }),
      member({ birth_date: '1958-04-02', continuous_years: '12', claimed_last_year: 'false' }),
      member({ birth_date: '1980-01-01', lapsed_years: '两年', repaired_years: '', claimed_last_year: 'true' }),
    ] };
    const fragment = YibaoLink.write({ household: lapsed });
    const data = JSON.parse(Buffer.from(fragment.slice(3), 'base64url'));
    assert.deepEqual(data.m.map(({ l, r, y, k }) => ({ l, r, y, k })), [
      { l: 2, r: 1, y: undefined, k: undefined },
      { l: undefined, r: undefined, y: 12, k: false },
      { l: '两年', r: '', y: undefined, k: true },
    ], 'defaults (1, 0, empty, 不清楚) are left out');
    assert.deepEqual(plain(YibaoLink.read(`#${fragment}`)), { embed: false, city: null, household: lapsed, notices: [] });
  });

  test('the answers to a ruleset\'s own questions travel as q and read back as they were', () => {
    const asked = { ruleset: 'groups-example', payment_date: '2026-11-15', members: [
      member({ birth_date: '1976-11-15', answers: { sex: 'female', moved_in: 'yes' } }),
      member({ birth_date: '1980-01-01' }),
    ] };
    const fragment = YibaoLink.write({ household: asked });
    const data = JSON.parse(Buffer.from(fragment.slice(3), 'base64url'));
    assert.deepEqual(data.m.map((m) => m.q), [{ sex: 'female', moved_in: 'yes' }, undefined], 'no answers, no q');
    assert.deepEqual(plain(YibaoLink.read(`#${fragment}`)), { embed: false, city: null, household: asked, notices: [] });
    const broken = { c: 'groups-example', m: [{ b: '1980-01-01', q: ['female'] }] };
    const read = YibaoLink.read(`#v1.${base64url(broken)}`);
    assert.deepEqual(read.household.members[0].answers, {});
    assert.equal(read.notices.length, 1, 'answers that are not {question: answer} are left out, said');
  });

  test('a member in several groups travels as a list in a, one group as its id, none not at all', () => {
    const groups = { ruleset: 'yuxi-hongta-2026', payment_date: '2025-11-01', members: [
      member({ birth_date: '1958-04-02', assistance: ['monitored', 'low_income'] }),
      member({ birth_date: '1960-01-01', assistance: 'low_income' }),
      member({ birth_date: '1980-01-01' }),
    ] };
    const fragment = YibaoLink.write({ household: groups });
    const data = JSON.parse(Buffer.from(fragment.slice(3), 'base64url'));
    assert.deepEqual(data.m.map((m) => m.a), [['monitored', 'low_income'], 'low_income', undefined]);
    assert.deepEqual(plain(YibaoLink.read(`#${fragment}`)), { embed: false, city: null, household: groups, notices: [] });
    // One ticked box is one id, as links made before several groups hold it; none ticked is no a.
    const ticked = (assistance) => JSON.parse(Buffer.from(YibaoLink.write({ household: { ...groups,
      members: [member({ birth_date: '1980-01-01', assistance })] } }).slice(3), 'base64url')).m[0].a;
    assert.equal(ticked(['low_income']), 'low_income');
    assert.equal(ticked([]), undefined);
    const odd = YibaoLink.read(`#v1.${base64url({ c: 'yuxi-hongta-2026', m: [{ b: '1980-01-01', a: ['monitored', 7, {}] }] })}`);
    assert.deepEqual(odd.household.members[0].assistance, ['monitored', '7'], 'a number is read as text, anything else left out');
    assert.equal(odd.notices.length, 1, 'and said');
  });

  test('a v1 link from before the lapse questions opens with their defaults and no notice', () => {
    const before = { c: 'qingdao-2024', p: '2024-02-15', m: [{ n: '爷爷', b: '1958-04-02', t: 1, h: 'lapsed' }] };
    assert.deepEqual(plain(YibaoLink.read(`#v1.${base64url(before)}`)), { embed: false, city: null, notices: [],
      household: { ruleset: 'qingdao-2024', payment_date: '2024-02-15',
        members: [member({ id: '爷爷', birth_date: '1958-04-02', tier: 1, history: 'lapsed' })] } });
  });

  test('a v0 link (the draft format: the engine request itself) is upgraded, with the notice', () => {
    const v0 = { ruleset: 'qingdao-2024', payment_date: '2024-02-15',
      members: [{ id: '爷爷', birth_date: '1958-04-02', tier: 1 }, { birth_date: '2014-03-01', student: 'school' }] };
    assert.deepEqual(plain(YibaoLink.read(`#v0.${base64url(v0)}`)), {
      embed: false, city: null, notices: [OLDER], household: { ruleset: 'qingdao-2024', payment_date: '2024-02-15',
        members: [member({ id: '爷爷', birth_date: '1958-04-02', tier: 1 }), member({ birth_date: '2014-03-01', student: 'school' })] },
    });
  });

  test('a newer version, a broken link or unknown content is never guessed at', () => {
    const read = (hash) => plain(YibaoLink.read(hash));
    assert.deepEqual(read('#v2.e30'), { embed: false, city: null, household: null,
      notices: ['此链接由更新版本的页面生成，本页无法读取，已显示空白表格。'] });
    for (const broken of ['#v1.!!!', '#v1.e30x', `#v1.${base64url([1, 2])}`, '#v1.%E0%A4%A', '#v1./w']) {
      assert.deepEqual(read(broken).notices, ['此链接不完整或已损坏，无法读取，已显示空白表格。'], broken);
      assert.equal(read(broken).household, null, broken);
    }
    const odd = read(`#v1.${base64url({ c: 'qingdao-2024', x: 1, m: [{ b: 19580402, s: ['school'], z: 1 }, 'me'] })}&utm=1`);
    assert.deepEqual(odd.household, { ruleset: 'qingdao-2024', payment_date: null,
      members: [member({ birth_date: '19580402' })] }, 'a number is kept as text; a list is dropped');
    assert.deepEqual(odd.notices, ['链接中有本页不认识的内容，已忽略。', '链接中有无法读取的内容，已忽略，请核对各项。']);
  });

  test('a link cannot build an endless form', () => {
    const thirty = { m: Array.from({ length: 30 }, () => ({ b: '2000-01-01' })) };
    const many = plain(YibaoLink.read(`#v1.${base64url(thirty)}`));
    assert.equal(many.household.members.length, 20);
    assert.deepEqual(many.notices, ['链接中的成员超过20位，只显示了前20位。']);
  });
});

describe('a hostile link (issue 24)', () => {
  const read = (hash) => plain(YibaoLink.read(hash));
  const TOO_LONG = '此链接超过8192个字符，太长，本页没有读取其中的家庭信息，已显示空白表格。';
  const TWICE = '此链接中同一项内容写了两次，无法确定用哪一个，已显示空白表格。';
  const adult = { c: 'qingdao-2024', p: '2024-02-15', m: [{ n: '奶奶', b: '1958-04-02' }] };

  test('a fragment over 8,192 characters is not decoded: the household is left out, with the notice', () => {
    for (const size of [1e6, 1e5]) {
      const fragment = `v1.${base64url({ ...adult, m: [{ n: '称'.repeat(size), b: '1958-04-02' }] })}`;
      assert.deepEqual(read(`#embed&${fragment}`), { embed: false, city: null, household: null, notices: [TOO_LONG] });
    }
    const longest = `#v1.${base64url({ ...adult, $: 'x'.repeat(6200) })}`.slice(0, 8193);
    assert.equal(read(`${longest}`).notices.includes(TOO_LONG), false, 'exactly 8,192 characters are read');
    assert.deepEqual(read(`${longest}x`).notices, [TOO_LONG]);
  });

  test('a field over 64 characters is left empty with a notice naming its member; 64 are kept', () => {
    const household = { c: 'qingdao-2024', p: '2024-02-15', m: [
      { n: '宝'.repeat(64), b: '1958-04-02' }, { n: '宝'.repeat(65), b: '2'.repeat(100) }] };
    const link = read(`#v1.${base64url(household)}`);
    assert.deepEqual(link.household.members.map((m) => [m.id, m.birth_date]), [['宝'.repeat(64), '1958-04-02'], ['', '']]);
    assert.deepEqual(link.notices, ['链接中成员2的一项内容超过64个字，已略去，请核对后重新填写。']);
    const top = read(`#city=${'a'.repeat(65)}&v1.${base64url({ ...adult, p: '2'.repeat(65) })}`);
    assert.equal(top.city, null);
    assert.equal(top.household.payment_date, null);
    assert.deepEqual(top.notices, ['链接中的一项内容超过64个字，已略去，请核对后重新填写。']);
  });

  test('a key written twice, anywhere, refuses the household', () => {
    const encode = (json) => `#v1.${Buffer.from(json).toString('base64url')}`;
    for (const json of ['{"c":"qingdao-2024","p":"2024-02-15","p":"2023-11-01","m":[]}',
      '{"c":"qingdao-2024","m":[{"n":"a","b":"1958-04-02","b":"2020-01-01"}]}',
      '{"c":"qingdao-2024","m":[{"n":"a"},{"n":"b","\\u006e":"c"}]}',
      '{"m":[{"n":"a"}],"c":"x","m":[]}']) {
      assert.deepEqual(read(encode(json)), { embed: false, city: null, household: null, notices: [TWICE] }, json);
    }
    // The same key in two members, in a nested object or as a value is no duplicate.
    const fine = read(encode('{"c":"c","p":"p","m":[{"n":"n","b":"1958-04-02"},{"n":"m","b":"b","x":{"n":1}}]}'));
    assert.equal(fine.household.members.length, 2);
  });
});

describe('the calendar file', () => {
  const summary = '缴纳2024年度居民医保费(青岛市)';
  const description = '全家3人合计个人缴费1,320元;政府补助\\2,550元。\n缴费渠道:手机税通APP(“个人办税”)'.repeat(3);
  const text = YibaoCalendar.reminder({ date: '2023-12-31', summary, description, now: FEB_15 });

  test('is CRLF text folded at 75 octets without splitting a character', () => {
    assert.ok(text.endsWith('\r\n'));
    const lines = text.slice(0, -2).split('\r\n');
    for (const line of lines) {
      assert.ok(Buffer.byteLength(line) <= 75, `${Buffer.byteLength(line)} octets: ${line}`);
      assert.doesNotMatch(line, /\uFFFD|\n|\r/);
    }
    assert.ok(lines.some((line) => line.startsWith(' ')), 'the description is folded');
    assert.ok(lines.includes('DTSTAMP:20240215T020000Z'));
    assert.match(lines.find((line) => line.startsWith('UID:')), /^UID:[0-9a-f]{32}@yibao$/);
  });

  test('parses back (ical.js) to the same texts, date and alarm', () => {
    const calendar = new ICAL.Component(ICAL.parse(text));
    assert.equal(calendar.getFirstPropertyValue('version'), '2.0');
    assert.ok(calendar.getFirstPropertyValue('prodid'));
    assert.equal(calendar.getFirstPropertyValue('calscale'), 'GREGORIAN');
    const event = calendar.getFirstSubcomponent('vevent');
    assert.equal(event.getFirstPropertyValue('dtstart').toString(), '2023-12-31');
    assert.equal(event.getFirstProperty('dtstart').type, 'date');
    assert.equal(event.getFirstPropertyValue('summary'), summary);
    assert.equal(event.getFirstPropertyValue('description'), description);
    const alarm = event.getFirstSubcomponent('valarm');
    assert.equal(alarm.getFirstPropertyValue('trigger').toString(), '-P3D');
    assert.equal(alarm.getFirstPropertyValue('action'), 'DISPLAY');
  });
});

describe('the page', () => {
  let browser;
  before(async () => { browser = await launch(); });
  after(() => browser.close());
  const onFeb15 = (check, options = {}) => withPage(browser, { now: FEB_15, ...options }, check);

  // Every control of the form as [label, value], and every figure on screen.
  const formState = (page) => page.evaluate(() => [...document.querySelectorAll('#app input, #app select')]
    .map((control) => [control.labels[0].textContent, control.value, control.closest('[hidden]') === null]));
  const shownFigures = (page) => page.locator('dl.figures, .deadline, #members h3').allTextContents();

  test('a link restores every field and figure exactly; names with markup stay text', async () => {
    const dialogs = [];
    let link;
    let before;
    await onFeb15(async (page) => {
      page.on('dialog', (dialog) => { dialogs.push(dialog.message()); dialog.dismiss(); });
      const markup = '<img src=x onerror=alert(1)>';
      await card(page, 0).getByLabel('称呼').fill(markup);
      await card(page, 0).getByLabel('出生日期').fill('1958-04-02');
      await card(page, 0).getByLabel('缴费档次').selectOption('2');
      await addMember(page, '中小学生', '2014-02-15');
      await card(page, 1).getByLabel('称呼').fill('"小明" & \'二宝\' </script>');
      await card(page, 1).getByLabel('上年度参保情况').selectOption('lapsed');
      await page.getByRole('button', { name: '+ 新生儿' }).click();
      await card(page, 2).getByLabel('称呼').fill('宝宝👶');
      await card(page, 2).getByLabel('出生日期').fill('2024-01-20');
      await page.getByLabel('缴费日期', { exact: true }).fill('2024-03-05');
      await page.waitForSelector('body[data-state="result"]');
      assert.equal(await page.locator('#members h3').first().textContent(), `成员1：${markup}`);
      assert.equal(await page.locator('img[src="x"]').count(), 0);
      link = page.url();
      assert.match(link, /^file:\/\/[^?]*#v1\.[A-Za-z0-9_-]+$/, 'the household is in the fragment, nothing in the query');
      assert.equal(await page.locator('#link-text').inputValue(), link, 'the link to share is the address');
      before = { form: await formState(page), figures: await shownFigures(page) };
    });
    await onFeb15(async (page) => {
      assert.deepEqual(await formState(page), before.form);
      assert.deepEqual(await shownFigures(page), before.figures);
      assert.equal(await card(page, 0).getByLabel('称呼').inputValue(), '<img src=x onerror=alert(1)>');
      assert.equal(await page.locator('#link-notice').isVisible(), false, 'a current link needs no notice');
      assert.equal(page.url(), link, 'the address is unchanged');
    }, { url: link, wait: 'body[data-state="result"]' });
    assert.deepEqual(dialogs, []);
  });

  test('the form holds as many members as a link: said two before, the add buttons off at the limit, and the link keeps them all', async () => {
    let link;
    await onFeb15(async (page) => {
      const add = page.getByRole('button', { name: '+ 成人' });
      const hint = page.locator('#add-hint');
      for (let n = 1; n < 17; n++) await add.click();
      assert.equal(await hint.isVisible(), false, '17 members: nothing to say yet');
      await add.click();
      assert.equal(await hint.textContent(), '最多可以添加20位成员，现在有18位。');
      assert.equal(await add.getAttribute('aria-describedby'), 'add-hint');
      await add.click();
      await add.click();
      assert.equal(await page.locator('#members > li').count(), 20);
      for (const button of await page.locator('#presets button').all()) assert.equal(await button.isDisabled(), true);
      assert.equal(await hint.textContent(), '已经有20位成员，最多可以添加20位。要添加其他人，请先删除一位成员。');
      await card(page, 19).getByLabel('称呼').fill('第二十位');
      await card(page, 0).getByLabel('出生日期').fill('1980-05-01');
      await page.waitForSelector('body[data-state="result"]');
      link = page.url();
      await card(page, 0).getByRole('button', { name: '删除此成员' }).click();
      assert.equal(await add.isDisabled(), false, 'one removed: one may be added');
    });
    await onFeb15(async (page) => {
      assert.equal(await page.locator('#members > li').count(), 20);
      assert.equal(await card(page, 19).getByLabel('称呼').inputValue(), '第二十位');
      assert.equal(await page.locator('#link-notice').isVisible(), false, 'nothing dropped, nothing to say');
      assert.equal(await page.getByRole('button', { name: '+ 成人' }).isDisabled(), true);
    }, { url: link, wait: 'body[data-state="result"]' });
  });

  test('an old-version link opens with a notice and the same figures', () => {
    const v0 = { ruleset: 'qingdao-2024', payment_date: '2024-02-15',
      members: [{ id: '爷爷', birth_date: '1958-04-02', tier: 1 }, { birth_date: '2014-03-01', student: 'school' }] };
    return onFeb15(async (page) => {
      assert.equal(await page.locator('#link-notice').textContent(), OLDER);
      assert.equal(await card(page, 0).locator('h3').textContent(), '成员1：爷爷');
      assert.match(await card(page, 0).locator('dl.figures').textContent(), /个人缴费462元/);
      assert.match(await card(page, 1).locator('dl.figures').textContent(), /个人缴费395元/);
      assert.match(await page.locator('.totals').textContent(), /个人缴费857元政府补助1620元合计（个人\+补助）2477元/);
      assert.match(page.url(), /#v1\./, 'the address now holds the current version');
    }, { url: `${pageUrl}#v0.${base64url(v0)}`, wait: 'body[data-state="result"]' });
  });

  test('bad values stay in their fields, flagged; a newer link gives the empty form with a notice', () => {
    const bad = { c: 'qingdao-2024', p: '2024-02-15', m: [{ n: '<b>x</b>', b: '1958-02-30', s: 'xyz' }], q: 1 };
    return onFeb15(async (page) => {
      assert.deepEqual(await page.locator('#link-notice p').allTextContents(), ['链接中有本页不认识的内容，已忽略。']);
      const birth = card(page, 0).getByLabel('出生日期');
      assert.equal(await birth.inputValue(), '1958-02-30');
      assert.equal(await birth.getAttribute('aria-invalid'), 'true');
      const student = card(page, 0).getByLabel('在校情况');
      assert.equal(await student.inputValue(), 'xyz');
      assert.equal(await student.getAttribute('aria-invalid'), 'true');
      assert.equal(await page.locator('body').getAttribute('data-state'), 'pending');
      assert.equal(await page.locator('#app b').count(), 0);
      assert.equal(await page.getByRole('button', { name: '添加缴费提醒' }).isDisabled(), true);

      // A link pasted over the open page's address is read the same way.
      await page.evaluate(() => { location.hash = 'v7.e30'; });
      await page.waitForFunction(() => document.getElementById('members').children.length === 1
        && document.body.dataset.state === 'pending');
      assert.match(await page.locator('#link-notice').textContent(), /更新版本的页面生成/);
      assert.equal(await card(page, 0).locator('h3').textContent(), '成员1：成人');
    }, { url: `${pageUrl}#v1.${base64url(bad)}`, wait: 'body[data-state="pending"]' });
  });

  // No time is asserted: Chromium and playwright take seconds over an address of megabytes before the page runs at
  // all, and the machine's load decides the rest. The 8,192-character limit is what keeps such a link from freezing
  // the page.
  const longName = (name) => `v1.${base64url({ c: 'qingdao-2024', p: '2024-02-15', m: [{ n: name, b: '1958-04-02' }] })}`;
  test('a link with a 100 KB 称呼 opens with the notice, and the form answers', () => withPage(browser, {
    url: `${pageUrl}#${longName('称'.repeat(1e5))}`, wait: 'body[data-state]',
  }, async (page) => {
    assert.match(await page.locator('#link-notice').textContent(), /此链接超过8192个字符/);
    await card(page, 0).getByLabel('称呼').fill('奶奶');
    await page.waitForFunction(() => document.querySelector('#members h3').textContent === '成员1：奶奶');
  }));

  test('a link with a 1 MB 称呼 pasted over the open page is refused with the notice', () => withPage(browser, {}, async (page) => {
    await page.evaluate((fragment) => { location.hash = fragment; }, longName('a'.repeat(1e6)));
    await page.waitForFunction(() => /此链接超过8192个字符/.test(document.getElementById('link-notice').textContent));
    assert.match(await page.locator('#link-notice').textContent(), /此链接超过8192个字符/);
    assert.equal(await card(page, 0).getByLabel('称呼').inputValue(), '');
    await card(page, 0).getByLabel('称呼').fill('奶奶');
    await page.waitForFunction(() => document.querySelector('#members h3').textContent === '成员1：奶奶');
  }));

  test('a 称呼 over 64 characters in a link is left out, the rest restored, with the notice', () => onFeb15(async (page) => {
    assert.equal(await page.locator('#link-notice').textContent(), '链接中成员1的一项内容超过64个字，已略去，请核对后重新填写。');
    assert.equal(await card(page, 0).getByLabel('称呼').inputValue(), '');
    assert.equal(await card(page, 0).getByLabel('出生日期').inputValue(), '1958-04-02');
  }, { url: `${pageUrl}#v1.${base64url({ c: 'qingdao-2024', p: '2024-02-15', m: [{ n: '称'.repeat(1000), b: '1958-04-02' }] })}`,
    wait: 'body[data-state="result"]' }));

  test('复制链接 copies the link, or selects it for copying by hand', async () => {
    await onFeb15(async (page, context) => {
      await context.grantPermissions(['clipboard-read', 'clipboard-write']);
      await page.getByRole('button', { name: '复制链接' }).click();
      await page.waitForFunction(() => document.getElementById('share-status').textContent.includes('已复制'));
      assert.equal(await page.evaluate(() => navigator.clipboard.readText()), page.url());
      assert.equal(await page.locator('#share-status').getAttribute('aria-live'), 'polite');
    });
    await onFeb15(async (page) => {
      await page.getByRole('button', { name: '复制链接' }).click();
      const field = page.getByLabel('本次测算的链接');
      await field.waitFor();
      assert.equal(await field.inputValue(), page.url());
      assert.equal(await field.evaluate((e) => e === document.activeElement
        && e.selectionStart === 0 && e.selectionEnd === e.value.length && e.readOnly), true);
      assert.match(await page.locator('#share-status').textContent(), /长按/);
    }, { init: () => { navigator.clipboard.writeText = () => Promise.reject(new Error('denied')); } });
  });

  test('a failure in web/share.js never stops the results: the form still answers every change', async () => {
    // The share part's listener for the form's answers throws on every answer.
    const { context, page, problems } = await openPage(browser, { now: FEB_15, init: () => {
      const listen = EventTarget.prototype.addEventListener;
      EventTarget.prototype.addEventListener = function (type, listener, options) {
        const broken = () => { throw new Error('share.js broke'); };
        return listen.call(this, type, type === 'yibao:answer' ? broken : listener, options);
      };
    } });
    try {
      await page.waitForSelector('body[data-state]');
      await card(page, 0).getByLabel('出生日期').fill('1958-04-02');
      await addMember(page, '老人', '1956-02-15');
      await page.waitForFunction(() => /全家2人合计/.test(document.querySelector('.totals').textContent));
      assert.equal(await card(page, 1).locator('dl.figures').count(), 1);
      assert.equal(await page.locator('#link-text').inputValue(), '', 'the share part did not run');
      assert.ok(problems.length && problems.every((p) => /share\.js broke/.test(p)), problems.join(' | '));
    } finally {
      await context.close();
    }
  });

  test('the QR code reads back as the link', () => onFeb15(async (page) => {
    await page.getByRole('button', { name: '+ 老人' }).click();
    // It is redrawn once typing pauses: until then its figure is aria-busy.
    await page.waitForSelector('#qr-figure:not([aria-busy])');
    const qr = page.getByRole('img', { name: '本次测算链接的二维码' });
    const { width, height, data } = await qr.evaluate((img) => {
      const canvas = document.createElement('canvas');
      canvas.width = img.naturalWidth;
      canvas.height = img.naturalHeight;
      const ctx = canvas.getContext('2d');
      ctx.drawImage(img, 0, 0);
      return { width: canvas.width, height: canvas.height, data: [...ctx.getImageData(0, 0, canvas.width, canvas.height).data] };
    });
    assert.equal(jsQR(Uint8ClampedArray.from(data), width, height).data, page.url());
    assert.equal(await page.evaluate(() => window.shiftJisDecoders), 0,
      'the encoder never tests the link for Shift-JIS, which first decodes a table of 7,973 characters');
  }, {
    init: () => {
      window.shiftJisDecoders = 0;
      const Native = TextDecoder;
      window.TextDecoder = class extends Native {
        constructor(label, options) {
          super(label, options);
          if (this.encoding === 'shift_jis') window.shiftJisDecoders++;
        }
      };
    },
  }));

  // The page loads its rulesets once, every city's, from their compact form (made when the page was made): the JSON
  // loader, which was most of the time to a link's first result, is not in the page's engine.
  // Without `now`: Playwright's clock hides the page's performance marks.
  const loadedBy = (page, mark) => page.evaluate((name) => performance.getEntriesByName(name).map((m) => m.detail.rulesets), mark);
  test('a link\'s first answer comes with every city\'s rulesets, loaded once, and the city list offers them all', () => withPage(browser, {
    url: `${pageUrl}#v1.${base64url({ c: 'qingdao-2024', p: '2024-02-15', m: [{ b: '1958-04-02', t: 1 }] })}`,
    wait: 'body[data-state="result"]',
  }, async (page) => {
    assert.deepEqual(await loadedBy(page, 'yibao:rulesets-loaded'), [7]);
    assert.match(await card(page, 0).locator('dl.figures').textContent(), /个人缴费462元/);
    const city = page.getByLabel('参保城市');
    assert.equal(await city.inputValue(), '青岛市');
    assert.deepEqual(await city.locator('option').allTextContents(), ['青岛市', '沈阳市', '玉溪市红塔区']);
    await city.selectOption('沈阳市');
    await page.waitForFunction(() => /沈阳/.test(document.getElementById('ruleset-hint').textContent));
    assert.match(decodeURIComponent(await page.evaluate(() => atob(location.hash.split('.')[1].replace(/-/g, '+').replace(/_/g, '/')))),
      /"c":"shenyang-20\d\d"/, 'the household is now asked of a Shenyang ruleset');
    assert.deepEqual(await loadedBy(page, 'yibao:rulesets-loaded'), [7], 'nothing is loaded twice');
  }));

  test('embedded: no header, the city fixed by the site, the options kept in the address', () => onFeb15(async (page) => {
    assert.equal(await page.locator('header').isVisible(), false);
    assert.equal(await page.locator('.fee-tables').isVisible(), false);
    const city = page.getByLabel('参保城市');
    assert.equal(await city.inputValue(), '沈阳市');
    assert.equal(await city.isDisabled(), true);
    await card(page, 0).getByLabel('出生日期').fill('1970-01-01');
    assert.match(page.url(), /#embed&city=shenyang-2024&v1\./);
    assert.match(await page.locator('#link-text').inputValue(), /yibao\.html#v1\./, 'the shared link is the full page');
  }, { url: `${pageUrl}#embed&city=shenyang-2024` }));

  test('dist/embed-example.html: the iframe grows as members are added', () => withPage(browser, {
    now: FEB_15, url: dist('embed-example.html'), allow: [pageUrl, dist('embed-host.js')], wait: 'iframe[style*="height"]',
    init: () => {
      if (window === window.top) window.addEventListener('message', (event) => { (window.sizes ||= []).push(event.data); });
    },
  }, async (page) => {
    const frameHeight = () => page.locator('iframe').evaluate((e) => e.getBoundingClientRect().height);
    const first = await frameHeight();
    const frame = page.frameLocator('iframe');
    await frame.locator('body[data-state]').waitFor();
    await card(frame, 0).getByLabel('出生日期').fill('1989-02-15');
    for (const [name, birth] of [['老人', '1956-02-15'], ['大学生', '2004-02-15'], ['新生儿', '2024-01-15']]) await addMember(frame, name, birth);
    await page.waitForFunction((h) => document.querySelector('iframe').getBoundingClientRect().height > h + 500, first);
    // One read of both, so that a message arriving between two reads cannot make them disagree.
    const { sizes, height } = await page.evaluate(() => ({
      sizes: window.sizes, height: document.querySelector('iframe').getBoundingClientRect().height,
    }));
    for (const message of sizes) {
      assert.deepEqual(Object.keys(message).sort(), ['height', 'sentinel', 'type']);
      assert.equal(message.sentinel, 'amp');
      assert.equal(message.type, 'embed-size');
      assert.ok(Number.isInteger(message.height) && message.height > 0);
    }
    assert.equal(height, sizes.at(-1).height, 'the host script applied the last height');
    // The page reports its height after each change of layout; once those reports stop, the frame holds all of it.
    let inner;
    for (let tries = 0; tries < 50; tries += 1) {
      inner = await frame.locator('html').evaluate((e) => e.scrollHeight);
      if (inner <= await frameHeight()) break;
      await page.waitForTimeout(100);
    }
    assert.ok(inner <= await frameHeight(), `the frame shows its whole page without scrolling (${inner} px inside)`);
  }));

  test('a six-member household prints on one A4 page with its figures', async () => {
    const presets = [['老人', '1956-02-15'], ['中小学生', '2014-02-15'], ['大学生', '2004-02-15'], ['新生儿', '2024-01-15'],
      ['未成年人（不在校）', '2008-02-15']];
    for (const ruleset of ['青岛市', '沈阳市']) {
      await onFeb15(async (page) => {
        await page.getByLabel('参保城市').selectOption(ruleset);
        await card(page, 0).getByLabel('出生日期').fill('1989-02-15');
        for (const [name, birth] of presets) await addMember(page, name, birth);
        await page.waitForSelector('body[data-state="result"]');
        const amounts = await page.locator('#members dl.figures dd.money').allTextContents();
        assert.equal(amounts.length, 12);
        const totals = await page.locator('.totals dd').allTextContents();
        const pdf = await page.pdf({ format: 'A4' });
        const pages = pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-z])/g);
        assert.equal(pages.length, 1, `${ruleset}: ${pages.length} pages`);
        const text = execFileSync('pdftotext', ['-layout', '-', '-'], { input: pdf }).toString().replace(/\s+/g, '');
        for (const figure of [...amounts, ...totals, '测算日期：2024年2月15日', '保持待遇连续的缴费截止日期', '成员6']) {
          assert.ok(text.includes(figure.replace(/\s+/g, '')), `${ruleset}: the PDF shows ${figure}`);
        }
        assert.doesNotMatch(text, /复制链接|各城市缴费标准一览|第二步/, 'buttons, fee tables and the form stay off paper');
      });
    }
  });

  test('添加缴费提醒 downloads an iCalendar file for the right date', async () => {
    // Paid 2023-12-10, the deadline (2023-12-31) is met: the reminder is the deadline. Paid on 2024-02-15 it
    // is missed: the reminder is that payment date.
    for (const [paid, date] of [['2023-12-10', '2023-12-31'], ['2024-02-15', '2024-02-15']]) {
      await onFeb15(async (page) => {
        await page.getByLabel('缴费日期', { exact: true }).fill(paid);
        await card(page, 0).getByLabel('出生日期').fill('1958-04-02');
        assert.match(await page.locator('#reminder-hint').textContent(), new RegExp(date.replace(/-0?/g, '\\D+')));
        const [download] = await Promise.all([page.waitForEvent('download'),
          page.getByRole('button', { name: '添加缴费提醒' }).click()]);
        assert.equal(download.suggestedFilename(), '医保缴费提醒.ics');
        const text = readFileSync(await download.path(), 'utf8');
        assert.ok(text.split('\r\n').every((line) => Buffer.byteLength(line) <= 75));
        const event = new ICAL.Component(ICAL.parse(text)).getFirstSubcomponent('vevent');
        assert.equal(event.getFirstPropertyValue('dtstart').toString(), date);
        assert.equal(event.getFirstPropertyValue('summary'), '缴纳2024年度居民医保费（青岛市）');
        assert.match(event.getFirstPropertyValue('description'), /全家1人合计个人缴费462元[\s\S]*手机税通APP/);
        assert.equal(event.getFirstSubcomponent('valarm').getFirstPropertyValue('trigger').toString(), '-P3D');
        assert.match(await page.locator('#share-status').textContent(), /医保缴费提醒\.ics/);
      });
    }
  });
});
