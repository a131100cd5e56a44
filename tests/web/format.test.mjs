// web/format.js in plain Node (no browser): the dates, amounts and texts the page and the fee tables write.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import format from '../../web/format.js';

const { sourceLine, yuan, zhDate, count, sentence, PHONE, dialString, memberTitle, money,
  amountLine, flagLines, caseText, startOf, channelText, FIGURES, isoOf } = format;

describe('dates', () => {
  test('UNBROKEN finds each figure, date and mark that must stay on one line, and nothing inside a phone number', () => {
    const parts = (text) => text.split(format.UNBROKEN).filter((part, i) => i % 2);
    assert.deepEqual(parts('合计约1994元（暂按2026年度标准）'), ['约1994元', '（暂按2026年度标准）']);
    assert.deepEqual(parts('2027年1月1日至2027年4月30日看病，2025年9月的文件，9月1日起'),
      ['2027年1月1日', '2027年4月30日', '2025年9月', '9月1日']);
    assert.deepEqual(parts('4个月 = 固定3个月，例如 2026-11-20，0.5元'), ['4个月', '3个月', '2026-11-20', '0.5元']);
    assert.deepEqual(parts('请拨024-12345-1-7或0532-12345678'), ['024-12345-1-7', '0532-12345678'], 'phone numbers whole');
  });
  test('zhDate and isoOf', () => {
    assert.equal(zhDate('2024-05-01'), '2024年5月1日');
    assert.equal(zhDate('2027-12-31'), '2027年12月31日');
    assert.equal(zhDate('2023-09'), '2023年9月');
    assert.equal(zhDate('2025'), '2025年', 'a year alone, never 2025年undefined月');
    assert.equal(zhDate('3月10日（年份未显示）'), '3月10日（年份未显示）', 'a date already in words, as written');
    assert.equal(isoOf(new Date(2024, 0, 9)), '2024-01-09');
  });
});

describe('sources', () => {
  const r2027 = { year: 2027, collection: { opens: '2026-09-01' } };
  const seed = { level: 'A', title: '我市2024年度城乡居民社会医疗保险征缴工作全面启动', publisher: '青岛早报', date: '2023-09-18' };
  test('a source line: its date as precise as given, its level described', () => {
    assert.equal(sourceLine(seed, { year: 2024, collection: { opens: '2023-09-01' } }),
      '《我市2024年度城乡居民社会医疗保险征缴工作全面启动》，青岛早报，2023年9月18日（A级：本年度正式资料）');
    assert.equal(sourceLine(seed, r2027), '《我市2024年度城乡居民社会医疗保险征缴工作全面启动》，青岛早报，2023年9月18日（A级：往年正式资料，请电话核实）');
    assert.equal(sourceLine({ level: 'B', title: 'T', publisher: 'P', date: '2025' }, r2027), '《T》，P，2025年（B级：往年规定或转载资料，请电话核实）');
    assert.equal(sourceLine({ level: 'C', title: 'T', publisher: 'P', date: '' }, r2027), '《T》，P（C级：背景资料）');
    assert.equal(sourceLine({ level: 'A', title: 'T', publisher: 'P', date: '2026-10' }, { year: 2027, collection: { opens: null } }),
      '《T》，P，2026年10月（A级：本年度正式资料）', 'a window whose opening is unknown: from the year before the benefit year');
  });
});

describe('amounts and counts', () => {
  test('yuan: whole yuan without decimals, else two', () => {
    assert.equal(yuan(46200), '462元');
    assert.equal(yuan(46250), '462.50元');
    assert.equal(yuan(5), '0.05元');
    assert.equal(yuan(0), '0元');
  });
  test('money: 约 for a carried amount, 尚未公布 for one not published, never 0', () => {
    const carried = { fact: 'individual_fen', text: '暂按2026年度标准' };
    assert.equal(money({ individual_fen: 40000, provisional: [] }, 'individual_fen'), '400元');
    assert.equal(money({ individual_fen: 40000, provisional: [carried] }, 'individual_fen'), '约400元');
    assert.equal(money({ total_fen: 90000, provisional: [carried] }, 'total_fen'), '约900元');
    assert.equal(money({ subsidy_fen: null, provisional: [] }, 'subsidy_fen'), '尚未公布');
    assert.equal(money({ individual_fen: 0, provisional: [carried] }, 'individual_fen'), '0元', 'nothing to pay is 0元, never 约0元');
  });
  test('count: numbers typed in any width or with 年, anything else as typed', () => {
    assert.equal(count('2'), 2);
    assert.equal(count('２'), 2);
    assert.equal(count(' 12 年'), 12);
    assert.equal(count('两年'), '两年');
    assert.equal(count('1.5'), '1.5');
  });
});

describe('texts', () => {
  test('sentence adds a full stop only where one is missing', () => {
    assert.equal(sentence('请咨询'), '请咨询。');
    assert.equal(sentence('请咨询。'), '请咨询。');
    assert.equal(sentence('能报销吗？'), '能报销吗？');
  });
  test('phone numbers are found in a text and dialled with pauses for the menu keys', () => {
    const text = '请咨询沈阳医保服务热线024-12345-1-7或0532-12345,2024-05-01起。';
    assert.deepEqual([...text.matchAll(PHONE)].map((m) => m[0]), ['024-12345-1-7', '0532-12345']);
    assert.equal(dialString('024-12345-1-7'), '02412345,1,7');
    assert.equal(dialString('0532-12345'), '053212345');
  });
  test('memberTitle names a member by its name, else its preset, else its number', () => {
    assert.match(memberTitle({ id: ' 奶奶 ', preset: '老人' }, 0), /^成员1.奶奶$/);
    assert.match(memberTitle({ id: '', preset: '老人' }, 1), /^成员2.老人$/);
    assert.equal(memberTitle({ id: '', preset: '' }, 2), '成员3');
  });
  test('flag lines: each fact once, the deadline’s unknowns left to the deadline block', () => {
    const carried = { fact: 'individual_fen', text: '暂按2026年度标准' };
    const subsidy = { fact: 'subsidy_fen', text: '政府补助标准尚未公布' };
    const deadline = { fact: 'continuity_deadline', text: '截止日期尚未公布' };
    const answer = { totals: { provisional: [carried, carried], unknown: [subsidy, deadline] },
      deadline: { provisional: [], unknown: [deadline] } };
    assert.deepEqual(flagLines(answer), ['标“约”的金额：暂按2026年度标准。', '政府补助标准尚未公布。']);
    assert.equal(amountLine(deadline), '截止日期尚未公布。');
  });
  test('the start in both cases where it turns on a deadline not published', () => {
    assert.equal(startOf({ benefit_start: '2027-01-01' }), '2027年1月1日');
    assert.equal(startOf({ benefit_start: null }), '本年度没有待遇');
    const m = { cases: { in_window: { benefit_start: '2027-01-01' }, after_window: { benefit_start: '2027-04-01' } } };
    assert.match(caseText(m, startOf), /^如果您在集中缴费期内缴费.2027年1月1日.如果已过集中缴费期.2027年4月1日$/);
  });
  test('a member’s figures as printed', () => {
    const m = { category_label: '成年居民', tier_label: '一档', individual_fen: 40000, subsidy_fen: null,
      provisional: [], benefit_start: '2027-01-01', benefit_end: '2027-12-31',
      add_ons: [{ label: '大病医疗互助补充保险', amount_fen: 6000 }] };
    assert.deepEqual(FIGURES.map(([term]) => term), ['类别', '个人缴费', '政府补助', '自愿参加', '待遇开始', '待遇结束']);
    const texts = FIGURES.map(([, text]) => text(m));
    assert.match(texts[0], /^成年居民.一档.$/);
    assert.deepEqual(texts.slice(1), ['400元', '尚未公布', '大病医疗互助补充保险60元', '2027年1月1日', '2027年12月31日']);
    assert.match(channelText({ name: '微信', detail: '搜索“青岛医保”' }), /^微信.搜索“青岛医保”.$/);
  });
});
