#include "io/roster.hpp"

#include "explain/explain.hpp"
#include "io/contract.hpp"

#include <algorithm>

#include <charconv>

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
    {"断保", History::lapsed}, {"断保后续保", History::lapsed}};
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

// An empty cell chooses no tier; digits are passed on for the estimate to check against the ruleset.
bool read_tier(std::string_view cell, std::optional<int>& tier) {
    tier.reset();
    if (cell.empty()) return true;
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

// A roster's assistance cell: one group, or several joined by 、 (or ；), each a common word (低保 …), or the
// ruleset's own id or label. false when a part is none of these.
bool read_groups(std::string_view cell, const Ruleset* ruleset, std::vector<std::string>& groups) {
    groups.clear();
    for (size_t at = 0; at <= cell.size();) {
        size_t end = std::min(cell.find("、", at), cell.find("；", at));
        if (end == std::string_view::npos) end = cell.size();
        const std::string_view part = trim(cell.substr(at, end - at));
        at = end == cell.size() ? end + 1 : end + std::string_view("、").size();
        std::string_view id;
        for (const auto& word : kAssistanceWords)
            if (word.text == part) id = word.value;
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
    if (!read_tier(cell(RosterField::tier), member.tier))
        unknown(RosterField::tier, "一档、二档（或1、2），不分档的留空");
    if (!choose(cell(RosterField::history), kHistoryWords, history_names(), member.history))
        unknown(RosterField::history, "连续、首次、断保（留空即连续）");
    if (!cell(RosterField::payment_date).empty()) member.payment_date = date(RosterField::payment_date);
    else if (default_payment) member.payment_date = default_payment;
    else fail(RosterField::payment_date, "未填写，也没有给出默认缴费日期");
    return errors.size() == errors_before;
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
        categories.push_back({{"id", c.id}, {"label", c.label}, {"count", t.count},
                              {"individual_fen", fen_or_null(t.individual)}, {"subsidy_fen", fen_or_null(t.subsidy)}});
    }
    Json errors = Json::array();
    for (const RowErrors& e : s.errors) {
        Json messages = Json::array(), codes = Json::array();
        for (const RowProblem& p : e.problems) {
            messages.push_back(p.message);
            codes.push_back(code_name(p.code));
        }
        errors.push_back({{"line", e.line}, {"messages", std::move(messages)}, {"codes", std::move(codes)}});
    }
    return {{"ok", s.ok()},
            {"ruleset", s.ruleset->id},
            {"payment_date", s.default_payment ? Json(s.default_payment->iso()) : Json(nullptr)},
            {"rows_read", s.rows_read},
            {"rows_estimated", s.rows_estimated},
            {"rows_failed", s.rows_failed},
            {"categories", std::move(categories)},
            {"totals", {{"count", s.rows_estimated}, {"individual_fen", fen_or_null(s.individual)},
                        {"subsidy_fen", fen_or_null(s.subsidy)}, {"total_fen", fen_or_null(sum_known(s.individual, s.subsidy))}}},
            {"waiting_period", s.waiting_period},
            {"no_cover", s.no_cover},
            {"start_unknown", s.start_unknown},
            {"provisional", certainties_json(s.rests_on, Certainty::Kind::provisional)},
            {"unknown", certainties_json(s.rests_on, Certainty::Kind::unknown)},
            {"errors", std::move(errors)},
            {"errors_not_kept", s.errors_not_kept}};
}

namespace {
bool has_flags(const Ruleset& r) {
    const auto facts = r.certainties();
    return std::any_of(facts.begin(), facts.end(), [](const Certainty* c) { return c->kind != Certainty::Kind::known; });
}
}  // namespace

RosterRun::RosterRun(const Ruleset& ruleset, const RosterOptions& options)
    : ruleset_(ruleset), options_(options), flags_(has_flags(ruleset)) {
    summary_.ruleset = &ruleset;
    summary_.default_payment = options.payment_date;
    summary_.categories.resize(ruleset.categories.size());
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
    for (size_t i = 0; i < layout_.header.size(); ++i) {
        if (i > 0) out += ',';
        if (i < record.size()) append_csv_text(out, record[i]);
    }
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
    // The flag columns say what is provisional or not published; the notes say the rest, and the ways to pay from a
    // relative's employee account that the member may use.
    std::string message;
    notes_.clear();
    join_notes(notes_, m.warnings, [&](Code code) -> std::string_view {
        if (flags_ && (code == Code::provisional || code == Code::unknown_amount)) return {};
        return message = warning_message(code, ruleset_, m);
    });
    if (const auto& b = m.contribution->benefit_tier) join_notes(notes_, std::array{benefit_tier_text(ruleset_, *b)},
                                                                 [](const std::string& text) -> std::string_view { return text; });
    join_notes(notes_, m.family_accounts,
               [&](const Channel* c) -> std::string_view { return message = family_account_text(*c->family_account); });
    append_csv_text(out, notes_);
    if (flags_) {
        for (const auto kind : {Certainty::Kind::provisional, Certainty::Kind::unknown}) {
            out += ',';
            std::vector<const Certainty*> facts;
            for (const Certainty* c : m.rests_on)
                if (c->kind == kind) facts.push_back(c);
            append_notes(out, facts, [&](const Certainty* c) -> std::string_view { return message = certainty_text(*c); }, notes_);
        }
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
