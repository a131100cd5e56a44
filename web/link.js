// The household in the address bar: `#v1.<base64url of compact JSON>`, in the fragment so that no server ever
// receives it. The fragment may also carry `embed` (the page sits in another site's iframe) and `city=<ruleset id>`
// (that site fixes the city), joined by `&` in any order.
// Reading is strict: whatever a link holds is returned as text for the form to show (and the engine to check),
// with a notice in plain Chinese for anything left out; nothing in a link is ever run or parsed as markup.
export default (function () {
  'use strict';

  const CURRENT = 1;
  // Links made by older pages are upgraded one version at a time: UPGRADES[n] turns version n into n + 1.
  const UPGRADES = [
    // v0, the first draft: the engine's request JSON as it stands, long keys and all.
    (old) => ({
      c: old.ruleset, p: old.payment_date,
      m: Array.isArray(old.members) ? old.members.map((m) => m && typeof m === 'object'
        ? { n: m.id, b: m.birth_date, s: m.student, a: m.assistance, t: m.tier, h: m.history } : m) : old.members,
    }),
  ];
  // v1: short keys keep the link, and so its QR code, small; a member's key left out means its default. The lapse
  // questions (l, r, y, k) and the answers to a ruleset's own questions (q: {question id: answer id}) came later: a
  // v1 link without them opens with their defaults. `a` is one group id, or, for a member in several (就高), a list of
  // them, which came later too: a link with one id opens as before.
  const KEYS = { c: 'ruleset', p: 'payment_date', m: 'members' };
  const MEMBER_KEYS = { n: 'id', b: 'birth_date', s: 'student', a: 'assistance', t: 'tier', h: 'history',
    l: 'lapsed_years', r: 'repaired_years', y: 'continuous_years', k: 'claimed_last_year', q: 'answers' };
  const MEMBER_DEFAULTS = Object.freeze({ id: '', birth_date: '', student: 'none', assistance: 'none', tier: null,
    history: 'continuous', lapsed_years: '1', repaired_years: '0', continuous_years: '', claimed_last_year: '',
    answers: Object.freeze({}) });
  // A ruleset asks at most 16 questions (engine/rules/fields.cpp); a member is in at most as many groups.
  const MAX_ANSWERS = 16;
  const MAX_GROUPS = 16;
  // A member's assistance groups as a list: 'none' is none; one id or several, as the form and a link hold them.
  const groupsOf = (member) => (Array.isArray(member.assistance) ? member.assistance
    : member.assistance === 'none' ? [] : [member.assistance]);
  // A count of years or a yes/no is held as the text of its field; in the link as a number or a boolean when it is one.
  const COUNTS = ['lapsed_years', 'repaired_years', 'continuous_years'];
  function compact(name, text) {
    if (COUNTS.includes(name) && /^(0|[1-9]\d{0,2})$/.test(text)) return Number(text);
    if (name === 'claimed_last_year' && (text === 'true' || text === 'false')) return text === 'true';
    return text;
  }
  // A link opens in anyone's phone: a hostile one must not be able to build an endless form, nor freeze the page
  // with a field of a megabyte. The fragment's length is checked before anything is decoded; a household of 20
  // members with long names makes a fragment of about 4,000 characters. 64 characters hold any name, date or
  // ruleset id. The form holds no more members (app.js reads the number), so a link or a reload never drops one.
  const MAX_MEMBERS = 20;
  const MAX_LINK = 8192;
  const MAX_FIELD = 64;

  const NOTICES = {
    older: '此链接由旧版本生成，已按新版规则重新测算，请核对。',
    newer: '此链接由更新版本的页面生成，本页无法读取，已显示空白表格。',
    broken: '此链接不完整或已损坏，无法读取，已显示空白表格。',
    unknown: '链接中有本页不认识的内容，已忽略。',
    unreadable: '链接中有无法读取的内容，已忽略，请核对各项。',
    tooMany: `链接中的成员超过${MAX_MEMBERS}位，只显示了前${MAX_MEMBERS}位。`,
    tooLong: `此链接超过${MAX_LINK}个字符，太长，本页没有读取其中的家庭信息，已显示空白表格。`,
    duplicate: '此链接中同一项内容写了两次，无法确定用哪一个，已显示空白表格。',
    longField: (where) => `链接中${where}的一项内容超过${MAX_FIELD}个字，已略去，请核对后重新填写。`,
  };

  function toBase64Url(text) {
    const bytes = new TextEncoder().encode(text);
    return btoa(Array.from(bytes, (b) => String.fromCharCode(b)).join(''))
      .replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  }

  // Throws on anything that is not base64url of valid UTF-8 JSON.
  function fromBase64Url(text) {
    if (!/^[A-Za-z0-9_-]*$/.test(text)) throw new Error('not base64url');
    const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
    const bytes = Uint8Array.from(binary, (ch) => ch.charCodeAt(0));
    const json = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    const data = JSON.parse(json);
    return { data, duplicate: hasDuplicateKey(json) };
  }

  // Whether an object of this JSON text (already parsed, so valid) holds a key twice: JSON.parse would silently
  // keep the last. Reads the text once, without recursion.
  function hasDuplicateKey(json) {
    const objects = [];  // for each open bracket, the keys seen so far ({ only) or null ([)
    let expectKey = false;
    for (let i = 0; i < json.length; i += 1) {
      const c = json[i];
      if (c === '"') {
        const start = i;
        i += 1;
        while (json[i] !== '"') i += json[i] === '\\' ? 2 : 1;
        if (expectKey) {
          const keys = objects[objects.length - 1];
          const key = JSON.parse(json.slice(start, i + 1));
          if (keys.has(key)) return true;
          keys.add(key);
          expectKey = false;
        }
      } else if (c === '{') {
        objects.push(new Set());
        expectKey = true;
      } else if (c === '[') {
        objects.push(null);
        expectKey = false;
      } else if (c === '}' || c === ']') {
        objects.pop();
      } else if (c === ',') {
        expectKey = objects[objects.length - 1] !== null;
      }
    }
    return false;
  }

  const isObject = (value) => value !== null && typeof value === 'object' && !Array.isArray(value);

  // Checks version-1 data field by field: text stays text (to be shown and checked where it belongs), a tier may
  // also be a number; anything else is dropped with a notice.
  function validate(data, notice) {
    if (!isObject(data)) throw new Error('not an object');
    let where = '';  // which part of the household is being read, for the notice of a field too long
    const value = (raw, numberAllowed) => {
      if (typeof raw === 'string' && raw.length > MAX_FIELD) {
        notice('longField', where);
        return undefined;
      }
      if (typeof raw === 'string' || (numberAllowed && typeof raw === 'number')) return raw;
      if (typeof raw === 'number' || typeof raw === 'boolean') return String(raw);
      notice('unreadable');
      return undefined;
    };
    // {question id: answer id}, each text; the engine checks them against the ruleset.
    const answers = (raw) => {
      if (!isObject(raw) || Object.keys(raw).length > MAX_ANSWERS) {
        notice('unreadable');
        return MEMBER_DEFAULTS.answers;
      }
      const out = {};
      for (const [question, answer] of Object.entries(raw)) {
        const text = question.length <= MAX_FIELD ? value(answer) : undefined;
        if (typeof text === 'string') out[question] = text;
      }
      return out;
    };
    // One group id, or a list of them, each text.
    const groups = (raw) => {
      if (!Array.isArray(raw)) return value(raw) ?? MEMBER_DEFAULTS.assistance;
      if (raw.length > MAX_GROUPS) {
        notice('unreadable');
        return MEMBER_DEFAULTS.assistance;
      }
      return raw.map((id) => value(id)).filter((id) => typeof id === 'string');
    };
    const household = { ruleset: null, payment_date: null, members: [] };
    for (const key of Object.keys(data)) if (!(key in KEYS)) notice('unknown');
    if (data.c !== undefined) household.ruleset = value(data.c) ?? null;
    if (data.p !== undefined) household.payment_date = value(data.p) ?? null;
    if (data.m !== undefined && !Array.isArray(data.m)) notice('unreadable');
    const members = Array.isArray(data.m) ? data.m : [];
    if (members.length > MAX_MEMBERS) notice('tooMany');
    for (const [index, raw] of members.slice(0, MAX_MEMBERS).entries()) {
      if (!isObject(raw)) { notice('unreadable'); continue; }
      where = `成员${index + 1}`;
      const member = { ...MEMBER_DEFAULTS };
      for (const [short, field] of Object.entries(raw)) {
        const name = MEMBER_KEYS[short];
        if (!name) notice('unknown');
        else if (name === 'answers') member.answers = answers(field);
        else if (field === null || field === undefined) continue;
        else if (name === 'assistance') member[name] = groups(field);
        else member[name] = value(field, name === 'tier') ?? MEMBER_DEFAULTS[name];
      }
      household.members.push(member);
    }
    return household;
  }

  function readHousehold(item, notice) {
    const found = /^v(\d+)\.(.*)$/.exec(item);
    const version = Number(found[1]);
    if (version > CURRENT) { notice('newer'); return null; }
    try {
      const decoded = fromBase64Url(found[2]);
      if (decoded.duplicate) { notice('duplicate'); return null; }
      let data = decoded.data;
      for (let v = version; v < CURRENT; v++) data = UPGRADES[v](data);
      if (version < CURRENT) notice('older');
      return validate(data, notice);
    } catch {
      notice('broken');
      return null;
    }
  }

  // `hash` is location.hash (with or without its '#'). Returns {embed, city, household, notices}; household is
  // null when the link holds none (or none that can be read), else {ruleset, payment_date, members[]} in the
  // contract's names, every member with all its fields (MEMBER_DEFAULTS).
  function read(hash) {
    const result = { embed: false, city: null, household: null, notices: [] };
    const notice = (kind, detail) => {
      const text = typeof NOTICES[kind] === 'function' ? NOTICES[kind](detail) : NOTICES[kind];
      if (!result.notices.includes(text)) result.notices.push(text);
    };
    if (hash.length - (hash.startsWith('#') ? 1 : 0) > MAX_LINK) {
      notice('tooLong');
      return result;
    }
    let text = hash.replace(/^#/, '');
    try {
      text = decodeURIComponent(text);
    } catch {
      notice('broken');
      return result;
    }
    for (const item of text.split('&')) {
      if (item === '') continue;
      if (item === 'embed' || item === 'embed=1') result.embed = true;
      else if (item.startsWith('city=')) {
        if (item.length - 'city='.length > MAX_FIELD) notice('longField', '');
        else result.city = item.slice('city='.length);
      }
      else if (/^v\d+\./.test(item)) result.household = readHousehold(item, notice);
      else notice('unknown');
    }
    return result;
  }

  // The fragment (without '#') for {embed, city, household}; the household in the current version.
  function write({ embed = false, city = null, household }) {
    const data = { c: household.ruleset, p: household.payment_date, m: household.members.map((member) => {
      const short = {};
      for (const [key, name] of Object.entries(MEMBER_KEYS)) {
        if (name === 'answers') {
          if (member.answers && Object.keys(member.answers).length) short[key] = member.answers;
        } else if (name === 'assistance') {
          const ids = groupsOf(member);
          if (ids.length) short[key] = ids.length > 1 ? ids : ids[0];
        } else if (member[name] !== MEMBER_DEFAULTS[name]) short[key] = compact(name, member[name]);
      }
      return short;
    }) };
    const items = [embed && 'embed', city && `city=${encodeURIComponent(city)}`, `v${CURRENT}.${toBase64Url(JSON.stringify(data))}`];
    return items.filter(Boolean).join('&');
  }

  return { read, write, groupsOf, defaults: MEMBER_DEFAULTS, MAX_LINK, MAX_FIELD, maxMembers: MAX_MEMBERS };
})();
