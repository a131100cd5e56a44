#include "io/roster.hpp"

#include "explain/explain.hpp"
#include "io/contract.hpp"

#include <algorithm>

#include <charconv>
#include <cstdio>
#include <cstdint>
#include <cstring>
#include <iterator>

namespace yibao {

namespace {

// Header names by field, in RosterField order.
constexpr std::array<std::string_view, kRosterFields> kChineseNames{
    "姓名", "出生日期", "在校情况", "特殊人群", "缴费档次", "上年度参保情况", "缴费日期"};
constexpr std::array<std::string_view, kRosterFields> kEnglishNames{
    "id", "birth_date", "student", "assistance", "tier", "history", "payment_date"};
// The columns a run adds after the roster's own.
constexpr std::array<std::string_view, 6> kAddedChinese{"类别", "个人缴费", "政府补助", "待遇开始", "待遇结束", "提示"};
constexpr std::array<std::string_view, 6> kAddedEnglish{"category",      "individual_yuan", "subsidy_yuan",
                                                        "benefit_start", "benefit_end",     "notes"};
// The flag columns, for rulesets with values carried from last year or not published.
constexpr std::array<std::string_view, 2> kFlagChinese{"暂按往年标准", "未公布"};
constexpr std::array<std::string_view, 2> kFlagEnglish{"provisional", "unknown"};
constexpr std::string_view kBom = "\xEF\xBB\xBF";
constexpr std::string_view kNoteSeparator = "；";

template <typename E>
struct Word {
    std::string_view text;
    E value;
};

// Words people write in these cells, besides the contract's own values.
constexpr Word<Student> kStudentWords[] = {
    {"", Student::none}, {"否", Student::none}, {"无", Student::none}, {"不在校", Student::none},
    {"非在校", Student::none},
    // Kindergarten children are not pupils in the sources' sense: Shenyang's student rate names primary
    // school upwards only, and Qingdao counts them among 少年儿童 by their age anyway.
    {"幼儿园", Student::none},
    {"中小学", Student::school}, {"小学", Student::school}, {"初中", Student::school}, {"高中", Student::school},
    {"中职", Student::school}, {"中专", Student::school}, {"技校", Student::school}, {"职高", Student::school},
    {"大学", Student::college}, {"大学生", Student::college}, {"大专", Student::college}, {"高职", Student::college},
    {"本科", Student::college}, {"研究生", Student::college}};
// The common groups' words, each standing for its usual id (assistance_names()); a ruleset's own ids and labels
// are read too.
constexpr Word<std::string_view> kAssistanceWords[] = {
    {"", "none"}, {"无", "none"}, {"否", "none"}, {"none", "none"},
    {"低保", "dibao"}, {"低保对象", "dibao"}, {"低保户", "dibao"},
    {"特困", "tekun"}, {"特困人员", "tekun"}, {"特困供养人员", "tekun"},
    {"孤儿", "orphan"},
    {"重度残疾", "severe_disability"}, {"重度残疾人", "severe_disability"},
    // As the notices write it, and as typed with ASCII parentheses.
    {"重度残疾（二级及以上）人员", "severe_disability"}, {"重度残疾(二级及以上)人员", "severe_disability"},
    {"监测对象", "poverty_monitored"}, {"脱贫返贫致贫人口", "poverty_monitored"},
    {"纳入监测范围的脱贫返贫致贫人口", "poverty_monitored"},
    {"低保边缘", "dibao_edge"}, {"低保边缘家庭", "dibao_edge"},
    {"低保边缘家庭成员", "dibao_edge"}};
constexpr Word<History> kHistoryWords[] = {
    {"", History::continuous}, {"连续", History::continuous}, {"连续参保", History::continuous},
    {"首次", History::new_enrollee}, {"首次参保", History::new_enrollee}, {"新参保", History::new_enrollee},
    {"断保", History::lapsed}, {"断保后续保", History::lapsed},
    {"上年已缴费但待遇还没开始", History::paid_not_started}};
constexpr Word<int> kTierWords[] = {{"一档", 1}, {"二档", 2}, {"1档", 1}, {"2档", 2}};

template <typename E, size_t N>
bool choose(std::string_view cell, const Word<E> (&words)[N], const std::vector<std::string>& contract, E& value) {
    for (const auto& word : words) {
        if (word.text == cell) {
            value = word.value;
            return true;
        }
    }
    for (size_t i = 0; i < contract.size(); ++i) {
        if (contract[i] == cell) {
            value = static_cast<E>(i);
            return true;
        }
    }
    return false;
}

// The first word a list gives a value: the one a guide names it by ("" for none).
template <typename E, size_t N>
std::string_view first_word(const Word<E> (&words)[N], E value) {
    for (const auto& word : words)
        if (word.value == value && !word.text.empty()) return word.text;
    return {};
}

// What a cell of such a column takes, as the column guide says it: each value's first word with its other spellings
// in brackets, then what an empty cell means. Made from the list the reader reads, so it names every word read;
// `offered(value)`: whether the ruleset offers the value (a history only some rulesets decide on).
template <typename E, size_t N, typename Offered>
std::string words_text(const Word<E> (&words)[N], size_t values, Offered offered) {
    std::string out;
    for (size_t v = 0; v < values; ++v) {
        const E value = static_cast<E>(v);
        if (!offered(value)) continue;
        std::string others;
        for (const auto& word : words)
            if (word.value == value && !word.text.empty() && word.text != first_word(words, value))
                others.append(others.empty() ? "（也可写" : "、").append(word.text);
        out.append(out.empty() ? "" : "、").append(first_word(words, value)).append(others.empty() ? "" : others + "）");
    }
    for (const auto& word : words)
        if (word.text.empty()) out.append("；留空即").append(first_word(words, word.value));
    return out;
}

template <typename E, size_t N>
std::string words_text(const Word<E> (&words)[N], size_t values) {
    return words_text(words, values, [](E) { return true; });
}

// An empty cell chooses no tier; a tier's label (or 一档 …) chooses it; digits are passed on for the estimate to
// check against the ruleset.
bool read_tier(std::string_view cell, const Ruleset* ruleset, std::optional<int>& tier) {
    tier.reset();
    if (cell.empty()) return true;
    for (size_t t = 0; ruleset && t < ruleset->tiers.size(); ++t)
        if (cell == ruleset->tiers[t].label) {
            tier = ruleset->tiers[t].id;
            return true;
        }
    int value = 0;
    if (choose(cell, kTierWords, {}, value)) {
        tier = value;
        return true;
    }
    const auto [end, error] = std::from_chars(cell.data(), cell.data() + cell.size(), value);
    if (error != std::errc() || end != cell.data() + cell.size() || value < 1 || value > 31) return false;
    tier = value;
    return true;
}

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}

std::string quoted(std::string_view cell) { return "“" + std::string(cell) + "”"; }

RowProblem row_problem(Code code, long line, std::string_view column, std::string_view what) {
    std::string out = "第" + std::to_string(line) + "行";
    if (!column.empty()) out.append(" ").append(column);
    return {code, out.append("：").append(what)};
}

// The column as the roster names it, or its usual name when the roster has no such column.
std::string_view column_name(const RosterLayout& layout, RosterField field) {
    const size_t f = static_cast<size_t>(field);
    if (layout.column[f] >= 0) return layout.header[static_cast<size_t>(layout.column[f])];
    return layout.english ? kEnglishNames[f] : kChineseNames[f];
}

void append_number(std::string& out, long value) {
    char buffer[24];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
    out.append(buffer, result.ptr);
}

// Plain yuan for a spreadsheet: "462", or "104.50" when there are fen.
void append_yuan(std::string& out, Money money) {
    std::int64_t fen = money.fen;
    if (fen < 0) {
        out += '-';
        fen = -fen;
    }
    append_number(out, static_cast<long>(fen / 100));
    if (const auto cents = static_cast<int>(fen % 100)) {
        out += '.';
        out += static_cast<char>('0' + cents / 10);
        out += static_cast<char>('0' + cents % 10);
    }
}

void append_date(std::string& out, const Date& date) {
    char buffer[10] = {static_cast<char>('0' + date.year / 1000 % 10), static_cast<char>('0' + date.year / 100 % 10),
                       static_cast<char>('0' + date.year / 10 % 10),   static_cast<char>('0' + date.year % 10),
                       '-',
                       static_cast<char>('0' + date.month / 10),       static_cast<char>('0' + date.month % 10),
                       '-',
                       static_cast<char>('0' + date.day / 10),         static_cast<char>('0' + date.day % 10)};
    out.append(buffer, sizeof buffer);
}

// Adds the notes to one cell's text, each text once.
template <typename Notes, typename Text>
void join_notes(std::string& joined, const Notes& notes, Text text) {
    for (const auto& note : notes) {
        const std::string_view t = text(note);
        if (t.empty() || joined.find(t) != std::string::npos) continue;
        if (!joined.empty()) joined += kNoteSeparator;
        joined += t;
    }
}

// Joins the notes into one cell; `joined` is a buffer kept from row to row.
template <typename Notes, typename Text>
void append_notes(std::string& out, const Notes& notes, Text text, std::string& joined) {
    joined.clear();
    join_notes(joined, notes, text);
    append_csv_text(out, joined);
}

// Where the part of a groups cell that begins at `at` ends: at the next 、 or ；, or the cell's end.
size_t part_end(std::string_view cell, size_t at) {
    return std::min({cell.find("、", at), cell.find("；", at), cell.size()});
}

// A roster's assistance cell: one group, or several joined by 、 (or ；), each a common word (低保 …), or the
// ruleset's own id or label, which may hold a 、 itself (参保资助400元的对象（优抚对象、孤儿、特困人员等）): the
// longest label a part begins with is read whole. false when a part is none of these.
bool read_groups(std::string_view cell, const Ruleset* ruleset, std::vector<std::string>& groups) {
    groups.clear();
    for (size_t at = 0; at <= cell.size();) {
        while (at < cell.size() && (cell[at] == ' ' || cell[at] == '\t')) ++at;
        std::string_view id;
        size_t end = part_end(cell, at);
        for (size_t g = 0; ruleset && g < ruleset->assistance_groups.size(); ++g) {
            const std::string& label = ruleset->assistance_groups[g].label;
            const size_t label_end = at + label.size();
            if (label_end <= end || cell.compare(at, label.size(), label) != 0) continue;
            if (const size_t next = part_end(cell, label_end); trim(cell.substr(label_end, next - label_end)).empty()) {
                id = ruleset->assistance_groups[g].id;
                end = next;
            }
        }
        const std::string_view part = trim(cell.substr(at, end - at));
        at = end == cell.size() ? end + 1 : end + std::string_view("、").size();
        for (const auto& word : kAssistanceWords)
            if (id.empty() && word.text == part) id = word.value;
        if (id.empty()) {
            for (const std::string& common : assistance_names())
                if (part == common) id = common;
            for (size_t g = 0; ruleset && g < ruleset->assistance_groups.size(); ++g)
                if (part == ruleset->assistance_groups[g].id || part == ruleset->assistance_groups[g].label)
                    id = ruleset->assistance_groups[g].id;
        }
        if (id.empty()) return false;
        if (id != "none") groups.emplace_back(id);
    }
    return true;
}

}  // namespace

std::optional<RosterLayout> read_roster_header(const CsvRecord& header, RowProblems& errors, const Ruleset* ruleset) {
    const size_t errors_before = errors.size();
    RosterLayout layout;
    layout.column.fill(-1);
    if (ruleset) layout.questions.assign(ruleset->member_questions.size(), -1);
    for (size_t i = 0; i < header.size(); ++i) {
        layout.header.emplace_back(header[i]);
        const std::string_view name = trim(header[i]);
        for (size_t q = 0; q < layout.questions.size(); ++q) {
            const MemberQuestion& question = ruleset->member_questions[q];
            if (name != question.label && name != question.id) continue;
            if (layout.questions[q] >= 0)
                errors.push_back(row_problem(Code::bad_roster_header, header.line(), "表头",
                                             "“" + question.label + "”列出现了不止一次，请只保留一列"));
            layout.questions[q] = static_cast<int>(i);
        }
        for (size_t f = 0; f < kRosterFields; ++f) {
            const bool english = name == kEnglishNames[f];
            if (!english && name != kChineseNames[f]) continue;
            if (layout.column[f] >= 0) {
                errors.push_back(row_problem(Code::bad_roster_header, header.line(), "表头", "“" + std::string(kChineseNames[f]) +
                                                                      "”列出现了不止一次，请只保留一列"));
                continue;
            }
            layout.column[f] = static_cast<int>(i);
            if (f == static_cast<size_t>(RosterField::birth_date)) layout.english = english;
        }
    }
    if (layout.column[static_cast<size_t>(RosterField::birth_date)] < 0)
        errors.push_back(row_problem(Code::bad_roster_header, header.line(), "表头", "缺少“出生日期”列（也可写作birth_date），无法测算"));
    if (errors.size() != errors_before) return std::nullopt;
    return layout;
}

bool read_roster_member(const RosterLayout& layout, const CsvRecord& row, const std::optional<Date>& default_payment,
                        Member& member, RowProblems& errors, const Ruleset* ruleset) {
    const size_t errors_before = errors.size();
    auto cell = [&](RosterField field) {
        const int column = layout.column[static_cast<size_t>(field)];
        return column >= 0 && static_cast<size_t>(column) < row.size() ? trim(row[static_cast<size_t>(column)])
                                                                          : std::string_view();
    };
    auto fail = [&](RosterField field, const std::string& what) {
        errors.push_back(row_problem(Code::bad_cell, row.line(), column_name(layout, field), what));
    };
    auto unknown = [&](RosterField field, std::string_view choices) {
        fail(field, quoted(cell(field)) + "无法识别，可填：" + std::string(choices));
    };
    auto date = [&](RosterField field) -> std::optional<Date> {
        const auto parsed = Date::read(cell(field));
        if (!parsed) fail(field, quoted(cell(field)) + "不是有效日期");
        return parsed;
    };

    if (cell(RosterField::birth_date).empty()) {
        fail(RosterField::birth_date, "未填写");
    } else if (const auto birth = date(RosterField::birth_date)) {
        if (birth->year < kEarliestBirthYear)
            fail(RosterField::birth_date, quoted(cell(RosterField::birth_date)) + "早于" +
                                              std::to_string(kEarliestBirthYear) + "年，请核对出生日期");
        member.birth_date = *birth;
    }
    if (!choose(cell(RosterField::student), kStudentWords, student_names(), member.student))
        unknown(RosterField::student, "否、中小学、大学（或小学、初中、高中、中职、大专、本科、研究生）");
    if (!read_groups(cell(RosterField::assistance), ruleset, member.assistance)) {
        std::string choices = "无、低保、特困、孤儿、重度残疾、监测对象、低保边缘";
        if (ruleset)
            for (const AssistanceGroup& g : ruleset->assistance_groups)
                if (std::find(assistance_names().begin(), assistance_names().end(), g.id) == assistance_names().end())
                    choices += "、" + g.label;
        unknown(RosterField::assistance, choices + (ruleset && ruleset->several_groups ? "（属于几个人群的用“、”隔开）" : ""));
    }
    member.answers.clear();
    for (size_t q = 0; ruleset && q < layout.questions.size(); ++q) {
        const int column = layout.questions[q];
        const std::string_view text = column >= 0 && static_cast<size_t>(column) < row.size() ? trim(row[static_cast<size_t>(column)]) : std::string_view();
        if (text.empty()) continue;  // the question's default, or the estimate asks for it
        const MemberQuestion& question = ruleset->member_questions[q];
        const auto a = std::find_if(question.answers.begin(), question.answers.end(),
                                    [&](const MemberQuestion::Answer& x) { return x.label == text || x.id == text; });
        if (a != question.answers.end()) {
            member.answers.emplace_back(question.id, a->id);
            continue;
        }
        std::string labels;
        for (const auto& x : question.answers) labels += (labels.empty() ? "" : "、") + x.label;
        errors.push_back(row_problem(Code::bad_cell, row.line(), layout.header[static_cast<size_t>(column)],
                                     quoted(text) + "无法识别，可填：" + labels));
    }
    if (!read_tier(cell(RosterField::tier), ruleset, member.tier))
        unknown(RosterField::tier, "一档、二档（或1、2），不分档的留空");
    // The words the column guide names, of the histories the ruleset offers (without one, those every ruleset does).
    if (!choose(cell(RosterField::history), kHistoryWords, history_names(), member.history))
        unknown(RosterField::history, words_text(kHistoryWords, history_names().size(), [&](History h) {
                    return ruleset ? ruleset->offers(h) : !decided_by_rules(h);
                }));
    if (!cell(RosterField::payment_date).empty()) member.payment_date = date(RosterField::payment_date);
    else if (default_payment) member.payment_date = default_payment;
    else fail(RosterField::payment_date, "未填写，也没有给出默认缴费日期");
    return errors.size() == errors_before;
}

std::vector<RosterColumn> roster_columns(const Ruleset& r) {
    const auto field = [](RosterField f) { return std::string(kChineseNames[static_cast<size_t>(f)]); };
    const auto born = [&](int years_before, std::string_view month_day) {
        return std::to_string(r.year - years_before) + std::string(month_day);
    };
    constexpr std::string_view kDates = "写作年-月-日，如2024-02-15（也可写2024/2/15、2024年2月15日、20240215）";
    std::vector<RosterColumn> columns;
    columns.push_back({field(RosterField::id), "任意文字（姓名或称呼），结果里原样保留", {"张三", "李小明"}});
    columns.push_back({field(RosterField::birth_date), "必填，" + std::string(kDates), {born(44, "-05-12"), born(9, "-06-01")}});
    columns.push_back({field(RosterField::student), words_text(kStudentWords, student_names().size()),
                       {std::string(first_word(kStudentWords, Student::none)), std::string(first_word(kStudentWords, Student::school))}});
    if (!r.assistance_groups.empty()) {
        std::string words(first_word(kAssistanceWords, std::string_view("none")));
        for (const AssistanceGroup& g : r.assistance_groups) words += "、“" + g.label + "”";
        words += "；留空即" + std::string(first_word(kAssistanceWords, std::string_view("none")));
        if (r.several_groups) words += "；属于几个人群的，都写在这一格里，用“、”隔开";
        columns.push_back({field(RosterField::assistance), words,
                           {std::string(first_word(kAssistanceWords, std::string_view("none"))), r.assistance_groups.front().label}});
    }
    if (!r.tiers.empty()) {
        std::string words;
        for (const Tier& t : r.tiers) words += (words.empty() ? "" : "、") + t.label;
        const Tier* assumed = r.tier(r.default_tier);
        if (assumed) words += "；留空的按" + assumed->label + "测算";
        words += "；不分档的人留空";
        columns.push_back({field(RosterField::tier), words, {(assumed ? *assumed : r.tiers.front()).label, ""}});
    }
    const std::string continuous(first_word(kHistoryWords, History::continuous));
    columns.push_back({field(RosterField::history), words_text(kHistoryWords, history_names().size(), [&](History h) { return r.offers(h); }), {continuous, continuous}});
    columns.push_back({field(RosterField::payment_date), std::string(kDates) + "；留空的按默认缴费日期测算",
                       {r.payable_from.unknown() ? "" : r.payable_from.value.iso(), ""}});
    for (const MemberQuestion& q : r.member_questions) {
        std::string words = q.question;
        for (size_t a = 0; a < q.answers.size(); ++a) words += (a == 0 ? "" : "、") + q.answers[a].label;
        words += q.default_answer >= 0 ? "；留空即" + q.answers[static_cast<size_t>(q.default_answer)].label : "；必须填写";
        columns.push_back({q.label, words, {q.answers.front().label, q.answers[1 % q.answers.size()].label}});
    }
    return columns;
}

namespace {
// The columns' headers, then `rows` rows of `cell(row, column)`, as CSV text with CRLF.
template <typename Cell>
void append_table(std::string& out, const std::vector<RosterColumn>& columns, size_t rows, Cell cell) {
    for (size_t row = 0; row <= rows; ++row) {
        for (size_t c = 0; c < columns.size(); ++c) {
            if (c > 0) out += ',';
            append_csv_text(out, row == 0 ? std::string_view(columns[c].header) : cell(row - 1, c));
        }
        out += "\r\n";
    }
}
}  // namespace

std::string roster_template(const Ruleset& ruleset) {
    const std::vector<RosterColumn> columns = roster_columns(ruleset);
    std::string out(kBom);
    append_table(out, columns, std::tuple_size_v<decltype(RosterColumn::examples)>,
                 [&](size_t row, size_t c) -> std::string_view { return columns[c].examples[row]; });
    return out;
}

std::string roster_sample(const Ruleset& r) {
    const std::vector<RosterColumn> columns = roster_columns(r);
    // The cells each column cycles through; the cycles' lengths differ, so the rows mix them.
    std::vector<std::vector<std::string>> cells(columns.size());
    const auto date = [](int year, int month, int day, int form) {
        char text[24];
        const char* const forms[] = {"%04d-%02d-%02d", "%d/%d/%d", "%d年%d月%d日", "%04d%02d%02d"};
        std::snprintf(text, sizeof text, forms[form], year, month, day);
        return std::string(text);
    };
    for (size_t c = 0; c < columns.size(); ++c) {
        const auto is = [&](RosterField f) { return columns[c].header == kChineseNames[static_cast<size_t>(f)]; };
        std::vector<std::string>& cycle = cells[c];
        if (is(RosterField::id)) {
            cycle = {"张三", "李小明", "王芳", "赵,四"};
        } else if (is(RosterField::birth_date)) {
            // Ages across every category, in each form a cell may take, and a day that does not exist.
            const int ages[] = {85, 70, 61, 45, 30, 22, 19, 17, 15, 12, 8, 5, 2, 1, 0};
            for (size_t i = 0; i < std::size(ages); ++i)
                cycle.push_back(date(r.year - 1 - ages[i], 1 + static_cast<int>(i % 12), 1 + static_cast<int>(i * 7 % 28),
                                     static_cast<int>(i % 4)));
            cycle.push_back(date(r.year - 40, 2, 30, 0));
        } else if (is(RosterField::student)) {
            for (const auto& word : kStudentWords) cycle.emplace_back(word.text);
        } else if (is(RosterField::assistance)) {
            cycle = {""};
            for (const AssistanceGroup& g : r.assistance_groups) cycle.push_back(g.label);
        } else if (is(RosterField::tier)) {
            cycle = {""};
            for (const Tier& t : r.tiers) cycle.push_back(t.label);
        } else if (is(RosterField::history)) {
            for (const auto& word : kHistoryWords)
                if (r.offers(word.value)) cycle.emplace_back(word.text);
        } else if (is(RosterField::payment_date)) {
            // Through the collection window and the year, and one unreadable.
            cycle = {"", date(r.year - 1, 10, 8, 0), date(r.year - 1, 12, 20, 1), date(r.year, 1, 15, 2),
                     date(r.year, 3, 31, 0), date(r.year, 7, 1, 3), date(r.year, 12, 1, 0), "下周"};
        } else {  // a member question: each answer, and empty
            cycle = {""};
            for (const MemberQuestion& q : r.member_questions)
                if (q.label == columns[c].header)
                    for (const auto& answer : q.answers) cycle.push_back(answer.label);
        }
    }
    std::string out;
    append_table(out, columns, kSampleRows,
                 [&](size_t row, size_t c) -> std::string_view { return cells[c][row % cells[c].size()]; });
    return out;
}

Json roster_columns_json(const Ruleset& ruleset) {
    Json columns = Json::array();
    for (const RosterColumn& c : roster_columns(ruleset))
        columns.push_back(json_object("header", c.header, "words", c.words));
    return json_object("columns", std::move(columns));
}

void RosterSummary::add(const MemberResult& m) {
    ++rows_estimated;
    CategoryTotals& totals = categories[static_cast<size_t>(m.category - ruleset->categories.data())];
    ++totals.count;
    totals.individual = sum_known(totals.individual, m.individual);
    totals.subsidy = sum_known(totals.subsidy, m.subsidy);
    individual = sum_known(individual, m.individual);
    subsidy = sum_known(subsidy, m.subsidy);
    // A payment that buys no cover this year is counted as such, not as a wait.
    if (m.in_window || m.benefit.start_unknown) ++start_unknown;
    else if (!m.benefit.start) ++no_cover;
    else if (m.benefit.waiting_period) ++waiting_period;
    for (const Certainty* c : m.rests_on)
        if (std::find(rests_on.begin(), rests_on.end(), c) == rests_on.end()) rests_on.push_back(c);
}

void RosterSummary::add_errors(long line, const RowProblems& problems, std::string_view name) {
    if (errors.size() < kErrorsKept) errors.push_back({line, problems, std::string(name)});
    else ++errors_not_kept;
}

Json roster_summary_json(const RosterSummary& s) {
    Json categories = Json::array();
    for (size_t i = 0; i < s.categories.size(); ++i) {
        const Category& c = s.ruleset->categories[i];
        const CategoryTotals& t = s.categories[i];
        categories.push_back(json_object("id", c.id, "label", c.label, "count", t.count,
                                         "individual_fen", fen_or_null(t.individual),
                                         "subsidy_fen", fen_or_null(t.subsidy)));
    }
    Json errors = Json::array();
    for (const RowErrors& e : s.errors) {
        Json messages = Json::array(), codes = Json::array();
        for (const RowProblem& p : e.problems) {
            messages.push_back(p.message);
            codes.push_back(code_name(p.code));
        }
        errors.push_back(json_object("line", e.line, "messages", std::move(messages), "codes", std::move(codes)));
    }
    return json_object("ok", s.ok(),
                       "ruleset", s.ruleset->id,
                       "payment_date", s.default_payment ? Json(s.default_payment->iso()) : Json(nullptr),
                       "rows_read", s.rows_read,
                       "rows_estimated", s.rows_estimated,
                       "rows_failed", s.rows_failed,
                       "categories", std::move(categories),
                       "totals", json_object("count", s.rows_estimated, "individual_fen", fen_or_null(s.individual),
                                             "subsidy_fen", fen_or_null(s.subsidy),
                                             "total_fen", fen_or_null(sum_known(s.individual, s.subsidy))),
                       "waiting_period", s.waiting_period,
                       "no_cover", s.no_cover,
                       "start_unknown", s.start_unknown,
                       "provisional", certainties_json(s.rests_on, Certainty::Kind::provisional),
                       "unknown", certainties_json(s.rests_on, Certainty::Kind::unknown),
                       "errors", std::move(errors),
                       "errors_not_kept", s.errors_not_kept);
}

namespace {
// Whether any of the 8 bytes from `at` is a quote, a CR or an LF. Most of a roster's bytes are none, and the cuts are
// looked for on the page before its roster runs: passed 8 at a time, half of a 4 MB roster took 2 ms, not 7, in wasm.
bool has_line_mark(const char* at) {
    constexpr uint64_t ones = 0x0101010101010101, highs = 0x8080808080808080;
    uint64_t word;
    std::memcpy(&word, at, sizeof word);
    const auto has_zero_byte = [&](uint64_t v) { return ((v - ones) & ~v & highs) != 0; };
    return has_zero_byte(word ^ (ones * '"')) || has_zero_byte(word ^ (ones * '\r')) || has_zero_byte(word ^ (ones * '\n'));
}
}  // namespace

std::optional<RosterCuts> roster_cuts(std::string_view bytes, size_t parts) {
    RosterCuts found;
    long lines = 1;
    bool quoted = false;  // after an odd count of quotes
    size_t line_start = 0;
    for (size_t i = 0; i < bytes.size() && found.cuts.size() + 1 < parts; ++i) {
        while (i + 8 <= bytes.size() && !has_line_mark(bytes.data() + i)) i += 8;
        if (i == bytes.size()) break;
        const char c = bytes[i];
        if (c == '"') {
            quoted = !quoted;
        } else if (c == '\r') {
            if (i + 1 < bytes.size() && bytes[i + 1] != '\n') ++lines;  // a CR alone; CRLF counts at its LF
        } else if (c == '\n') {
            ++lines;
            const size_t next = i + 1;
            if (!quoted) {
                if (!found.header_end) {
                    const std::string_view line = bytes.substr(line_start, i - line_start);
                    if (line.find_first_not_of(" \t\r") != std::string_view::npos) found.header_end = next;
                } else if (next >= bytes.size() * (found.cuts.size() + 1) / parts && next < bytes.size()) {
                    found.cuts.push_back({next, lines});
                }
            }
            line_start = next;
        }
    }
    if (found.cuts.size() + 1 != parts) return std::nullopt;
    return found;
}

namespace {
// Two sums of fen from the parts' summaries: null (an amount not published) when either is.
Json sum_fen(const Json& a, const Json& b) {
    return a.is_null() || b.is_null() ? Json(nullptr) : Json(a.get<long long>() + b.get<long long>());
}
}  // namespace

Json join_roster_summaries(Json first, const Json& later) {
    first["ok"] = first["ok"].get<bool>() && later["ok"].get<bool>();
    for (const char* count : {"rows_read", "rows_estimated", "rows_failed", "waiting_period", "no_cover", "start_unknown"})
        first[count] = first[count].get<long>() + later[count].get<long>();
    const auto add_amounts = [](Json& into, const Json& more) {
        into["count"] = into["count"].get<long>() + more["count"].get<long>();
        for (const char* fen : {"individual_fen", "subsidy_fen", "total_fen"})
            if (into.contains(fen)) into[fen] = sum_fen(into[fen], more[fen]);
    };
    Json& categories = first["categories"];
    for (size_t i = 0; i < categories.size(); ++i) add_amounts(categories[i], later["categories"][i]);
    add_amounts(first["totals"], later["totals"]);
    // The facts the rows rest on, in the order the rows first met them.
    for (const char* kind : {"provisional", "unknown"}) {
        Json& facts = first[kind];
        for (const Json& fact : later[kind])
            if (std::find(facts.begin(), facts.end(), fact) == facts.end()) facts.push_back(fact);
    }
    // The first errors are kept, as one run keeps them; the rest are counted.
    Json& errors = first["errors"];
    long not_kept = first["errors_not_kept"].get<long>() + later["errors_not_kept"].get<long>();
    for (const Json& e : later["errors"]) {
        if (errors.size() < RosterSummary::kErrorsKept) errors.push_back(e);
        else ++not_kept;
    }
    first["errors_not_kept"] = not_kept;
    return first;
}

namespace {
bool has_flags(const Ruleset& r) {
    const auto facts = r.certainties();
    return std::any_of(facts.begin(), facts.end(), [](const Certainty* c) { return c->kind != Certainty::Kind::known; });
}
}  // namespace

RosterRun::RosterRun(const Ruleset& ruleset, const RosterOptions& options, const std::optional<LaterPart>& later)
    : ruleset_(ruleset), options_(options), flags_(has_flags(ruleset)) {
    summary_.ruleset = &ruleset;
    summary_.default_payment = options.payment_date;
    summary_.categories.resize(ruleset.categories.size());
    if (!later) return;
    std::string unwritten;
    reader_.feed(later->header);
    const CsvRecord* record = reader_.next();
    if (record) header(*record, unwritten);
    summary_.errors.clear();
    // Only a header of one whole record leaves the reader between records, ready to read on from first_line.
    cut_right_ = record && !reader_.next() && reader_.record_boundary();
    if (cut_right_) reader_.continue_at(later->first_line);
    reader_.feed({});  // the header's bytes are the caller's: the reader keeps no view of them
}

void RosterRun::feed(std::string_view utf8, std::string& out) {
    reader_.feed(utf8);
    drain(out);
}

void RosterRun::finish(std::string& out) {
    reader_.finish();
    drain(out);
    if (const auto& error = reader_.error()) {
        if (!header_seen_) {
            header_seen_ = true;
            summary_.add_errors(error->line, {{Code::bad_csv, error->message}});
        } else if (summary_.header_ok) {
            // The cells of the unclosed record cannot be trusted; an empty row carries the reason instead.
            for (size_t i = 1; i < layout_.header.size(); ++i) out += ',';
            ++summary_.rows_read;
            errors_.assign({{Code::bad_csv, error->message}});
            fail_row(error->line, {}, out);
        }
    }
    if (!header_seen_) summary_.add_errors(1, {row_problem(Code::bad_roster_header, 1, "表头", "文件是空的，没有表头行")});
}

void RosterRun::drain(std::string& out) {
    while (const CsvRecord* record = reader_.next()) {
        if (!header_seen_) header(*record, out);
        else if (summary_.header_ok) row(*record, out);
    }
}

void RosterRun::header(const CsvRecord& record, std::string& out) {
    header_seen_ = true;
    errors_.clear();
    auto layout = read_roster_header(record, errors_, &ruleset_);
    if (!layout) {
        summary_.add_errors(record.line(), errors_);
        return;
    }
    layout_ = std::move(*layout);
    summary_.header_ok = true;
    if (options_.bom || reader_.had_bom()) out += kBom;
    for (size_t i = 0; i < layout_.header.size(); ++i) {
        if (i > 0) out += ',';
        append_csv_text(out, layout_.header[i]);
    }
    for (size_t i = 0; i < kAddedChinese.size(); ++i) {
        out.append(",").append(layout_.english ? kAddedEnglish[i] : kAddedChinese[i]);
        // After 政府补助, each fee part the ruleset declares, then each add-on: its label, or id_yuan.
        if (i == 2) {
            for (const FeePart& part : ruleset_.fee_parts) {
                out += ',';
                append_csv_text(out, layout_.english ? part.id + "_yuan" : part.label);
            }
            for (const AddOn& add_on : ruleset_.add_ons) {
                out += ',';
                append_csv_text(out, layout_.english ? add_on.id + "_yuan" : add_on.label);
            }
        }
    }
    if (flags_)
        for (const std::string_view name : layout_.english ? kFlagEnglish : kFlagChinese) out.append(",").append(name);
    out += "\r\n";
}

std::optional<MemberResult> RosterRun::estimate_row(const CsvRecord& record) {
    errors_.clear();
    const size_t width = layout_.header.size();
    for (size_t i = width; i < record.size(); ++i) {
        if (!trim(record[i]).empty()) {
            errors_.push_back(row_problem(Code::bad_csv, record.line(), "",
                                          "本行比表头多出" + std::to_string(record.size() - width) +
                                              "个单元格，可能是某个单元格里的逗号没有加引号"));
            break;
        }
    }
    if (!read_roster_member(layout_, record, options_.payment_date, member_, errors_, &ruleset_) || !errors_.empty())
        return std::nullopt;
    issues_.clear();
    auto result = estimate_member(ruleset_, member_, *member_.payment_date, std::string(), issues_);
    for (const Issue& issue : issues_) {
        // The estimate names a field by its contract key at the end of the issue's path.
        const std::string_view key = std::string_view(issue.path).substr(issue.path.rfind('/') + 1);
        std::string_view column;
        for (size_t f = 0; f < kRosterFields; ++f)
            if (key == kEnglishNames[f]) column = column_name(layout_, static_cast<RosterField>(f));
        // An answer's problem (answers/<question id>): the question's column, or its label when the roster has none.
        for (size_t q = 0; q < ruleset_.member_questions.size(); ++q)
            if (issue.path == "/answers/" + ruleset_.member_questions[q].id)
                column = layout_.questions[q] >= 0 ? std::string_view(layout_.header[static_cast<size_t>(layout_.questions[q])])
                                                   : std::string_view(ruleset_.member_questions[q].label);
        errors_.push_back(row_problem(issue.code, record.line(), column, issue.message));
    }
    return result;
}

void RosterRun::row(const CsvRecord& record, std::string& out) {
    bool empty = true;
    for (size_t i = 0; i < record.size() && empty; ++i) empty = trim(record[i]).empty();
    if (empty) return;  // spreadsheets leave rows of empty cells below a table
    ++summary_.rows_read;

    const std::optional<MemberResult> result = estimate_row(record);
    append_csv_cells(out, record, layout_.header.size());
    if (!result) {
        const int name = layout_.column[static_cast<size_t>(RosterField::id)];
        fail_row(record.line(), name >= 0 && size_t(name) < record.size() ? record[size_t(name)] : "", out);
        return;
    }
    const MemberResult& m = *result;
    out += ',';
    append_csv_text(out, layout_.english ? m.category->id : m.category->label);
    out += ',';
    if (m.individual) append_yuan(out, *m.individual);
    out += ',';
    if (m.subsidy) append_yuan(out, *m.subsidy);
    // Each fee part: the member's amount where its rule gives one that is published, else empty.
    for (const FeePart& part : ruleset_.fee_parts) {
        out += ',';
        for (const ContributionPart& p : m.contribution->parts)
            if (p.id == part.id && !p.amount.unknown()) append_yuan(out, p.amount.value);
    }
    // Each add-on: its fee where the member takes it, else empty.
    for (const AddOn& add_on : ruleset_.add_ons) {
        out += ',';
        if (std::find(m.add_ons.begin(), m.add_ons.end(), &add_on) != m.add_ons.end()) append_yuan(out, add_on.amount);
    }
    out += ',';
    if (m.benefit.start) {
        append_date(out, *m.benefit.start);
        out += ',';
        append_date(out, m.benefit.end);
    } else {
        out += ',';
    }
    out += ',';
    // A warning about what is not published yet (its code concerns "unpublished") is told in the flag columns; the
    // notes say the rest, and the ways to pay from a relative's employee account that the member may use.
    std::string message;
    const auto unpublished = [](Code code) { return code_concerns(code) == "unpublished"; };
    notes_.clear();
    join_notes(notes_, m.warnings, [&](Code code) -> std::string_view {
        if (flags_ && unpublished(code)) return {};
        return message = warning_message(code, ruleset_, m);
    });
    if (const auto& b = m.contribution->benefit_tier) join_notes(notes_, std::array{benefit_tier_text(ruleset_, *b)},
                                                                 [](const std::string& text) -> std::string_view { return text; });
    join_notes(notes_, m.family_accounts,
               [&](const Channel* c) -> std::string_view { return message = family_account_text(*c->family_account); });
    append_csv_text(out, notes_);
    if (flags_) {
        // 暂按往年标准: each value carried from last year that the figures rest on.
        const auto facts = [&](Certainty::Kind kind) {
            std::vector<const Certainty*> of_kind;
            for (const Certainty* c : m.rests_on)
                if (c->kind == kind) of_kind.push_back(c);
            return of_kind;
        };
        const auto fact_text = [&](const Certainty* c) -> std::string_view { return message = certainty_text(*c); };
        carried_.clear();
        join_notes(carried_, facts(Certainty::Kind::provisional), fact_text);
        out += ',';
        append_csv_text(out, carried_);
        // 未公布: each warning about what is not published that 暂按往年标准 does not already say (both starts where
        // the window's end decides, whom to ask), then each unpublished value the figures rest on not named yet.
        notes_.clear();
        join_notes(notes_, m.warnings, [&](Code code) -> std::string_view {
            if (!unpublished(code)) return {};
            message = warning_message(code, ruleset_, m);
            return carried_.find(message) == std::string::npos ? std::string_view(message) : std::string_view();
        });
        join_notes(notes_, facts(Certainty::Kind::unknown), fact_text);
        out += ',';
        append_csv_text(out, notes_);
    }
    out += "\r\n";
    summary_.add(m);
}

// Ends a row whose cells are written with empty figures and the reasons in the notes.
void RosterRun::fail_row(long line, std::string_view name, std::string& out) {
    out += ",,,,,,";
    out.append(ruleset_.fee_parts.size() + ruleset_.add_ons.size(), ',');
    append_notes(out, errors_, [](const RowProblem& p) -> std::string_view { return p.message; }, notes_);
    if (flags_) out += ",,";
    out += "\r\n";
    ++summary_.rows_failed;
    summary_.add_errors(line, errors_, name);
}

}  // namespace yibao
