#include "rules/vocabulary.hpp"

#include "core/doc.hpp"
#include "rules/fields.hpp"

#include <algorithm>
#include <array>

namespace yibao {

const std::vector<std::string>& student_names() {
    static const std::vector<std::string> names{"none", "school", "college"};
    return names;
}
const std::vector<std::string>& assistance_names() {
    static const std::vector<std::string> names{"dibao", "tekun", "orphan", "severe_disability", "poverty_monitored",
                                                "dibao_edge"};
    return names;
}
const std::vector<std::string>& history_names() {
    static const std::vector<std::string> names{"continuous", "new", "lapsed", "paid_not_started"};
    return names;
}
const std::array<HistoryWords, 4>& history_words() {
    static constexpr std::array<HistoryWords, 4> words{{{"上年连续参保", "连续参保"},
                                                        {"首次参保", "首次参保"},
                                                        {"断保", "断保后续保"},
                                                        {"上年已缴费但待遇还没开始", "已缴费但待遇未开始"}}};
    return words;
}
Json history_words_json(std::string_view HistoryWords::*kind) {
    Json words = Json::object();
    for (size_t h = 0; h < history_words().size(); ++h) words[history_names()[h]] = history_words()[h].*kind;
    return words;
}

struct ConditionKeyword {
    std::string_view key;
    std::string_view form;         // the JSON value, as the README shows it
    std::string_view description;
    std::string_view schema;       // JSON Schema of the value
    void (*read)(VocabularyReader&, const Json& value, const std::string& at, Condition& out);
    bool (*holds)(const Condition&, const Facts&);
};

struct DateKeyword {
    std::string_view key;
    std::string_view form;
    std::string_view description;
    std::string_view schema;  // JSON Schema of the operator's argument; empty for a named date
    // nullptr for a named date ("payment_date"); an operator reads its argument (but in an engine that reads no JSON
    // rulesets, YIBAO_COMPACT_ONLY, where every reader is left out).
    void (*read)(VocabularyReader&, const Json& argument, const std::string& at, DateExpr& out);
    Date (*evaluate)(const DateExpr&, const Facts&);
};

namespace {

bool in_mask(std::uint32_t mask, int bit) { return bit >= 0 && bit < 32 && (mask >> bit) & 1u; }

template <typename T>  // ages as numbers, dates as dates (compared field by field, not as day counts)
bool compare(Relation r, const T& value, const T& bound) {
    switch (r) {
        case Relation::under: case Relation::before: return value < bound;
        case Relation::at_least: case Relation::on_or_after: return value >= bound;
        case Relation::on_or_before: return value <= bound;
        case Relation::after: return value > bound;
    }
    return false;
}

// The keywords' readers; [[maybe_unused]]: an engine without JSON readers (READER, core/doc.hpp) leaves them out.
[[maybe_unused]] void read_enum_set(VocabularyReader& v, const Json& value, const std::string& at, Condition& c,
                   const std::vector<std::string>& names) {
    if (!v.read().is_array(value, at, true)) return;
    for (size_t i = 0; i < value.size(); ++i)
        // Past 32 (only categories can be) the loader has refused the ruleset already.
        if (auto index = v.read().choice_value(value[i], pointer_join(at, i), names); index && *index < 32)
            c.mask |= 1u << *index;
}

[[maybe_unused]] void read_children(VocabularyReader& v, const Json& value, const std::string& at, Condition& c) {
    if (v.read().is_array(value, at, true))
        for (size_t i = 0; i < value.size(); ++i) c.children.push_back(v.condition(value[i], pointer_join(at, i)));
}

// {"under": n} or {"at_least": n}.
[[maybe_unused]] void read_count(VocabularyReader& v, const Json& value, const std::string& at, Condition& c) {
    if (!v.read().is_object(value, at)) return;
    v.read().only_keys(value, at, {"under", "at_least"});
    // One mistake, one error: a key of neither name has been told already.
    if (!value.contains("under") && !value.contains("at_least") && !value.empty()) return;
    if (value.size() != 1) {
        v.read().fail(at, Code::one_key, "应只含 under 或 at_least 之一");
        return;
    }
    const bool under = value.contains("under");
    c.relation = under ? Relation::under : Relation::at_least;
    c.number = static_cast<int>(v.read().integer(value, at, under ? "under" : "at_least", Need::required, 0, 150).value_or(0));
}

// {"before" | "on_or_before" | "after" | "on_or_after": date expression}.
[[maybe_unused]] void read_date_comparison(VocabularyReader& v, const Json& value, const std::string& at, Condition& c) {
    if (!v.read().is_object(value, at)) return;
    v.read().only_keys(value, at, {"before", "on_or_before", "after", "on_or_after"});
    if (!value.contains("before") && !value.contains("on_or_before") && !value.contains("after") &&
        !value.contains("on_or_after") && !value.empty())
        return;
    if (value.size() != 1) {
        v.read().fail(at, Code::one_key, "应只含 before、on_or_before、after、on_or_after 之一");
        return;
    }
    const std::string relation = value.begin().key();
    c.relation = relation == "before" ? Relation::before
                 : relation == "on_or_before" ? Relation::on_or_before
                 : relation == "after" ? Relation::after : Relation::on_or_after;
    c.date = v.date(value.begin().value(), pointer_join(at, relation));
}

[[maybe_unused]] constexpr std::string_view kCountSchema =
    R"({"type":"object","minProperties":1,"maxProperties":1,"additionalProperties":false,)"
    R"("properties":{"under":{"type":"integer","minimum":0,"maximum":150},"at_least":{"type":"integer","minimum":0,"maximum":150}}})";
[[maybe_unused]] constexpr std::string_view kDateCompareSchema =
    R"({"type":"object","minProperties":1,"maxProperties":1,"additionalProperties":false,"properties":{)"
    R"("before":{"$ref":"#/$defs/date_expr"},"on_or_before":{"$ref":"#/$defs/date_expr"},)"
    R"("after":{"$ref":"#/$defs/date_expr"},"on_or_after":{"$ref":"#/$defs/date_expr"}}})";

const std::array<ConditionKeyword, 17> kConditions{{
    {"all", DOC("[condition, …]"), DOC("every condition of the list holds"),
     DOC(R"({"type":"array","minItems":1,"items":{"$ref":"#/$defs/condition"}})"), READER(read_children),
     [](const Condition& c, const Facts& f) {
         return std::all_of(c.children.begin(), c.children.end(), [&](const Condition& x) { return holds(x, f); });
     }},
    {"any", DOC("[condition, …]"), DOC("at least one condition of the list holds"),
     DOC(R"({"type":"array","minItems":1,"items":{"$ref":"#/$defs/condition"}})"), READER(read_children),
     [](const Condition& c, const Facts& f) {
         return std::any_of(c.children.begin(), c.children.end(), [&](const Condition& x) { return holds(x, f); });
     }},
    {"not", DOC("condition"), DOC("the condition does not hold"), DOC(R"({"$ref":"#/$defs/condition"})"),
     READER([](VocabularyReader& v, const Json& value, const std::string& at, Condition& c) {
         c.children.push_back(v.condition(value, at));
     }),
     [](const Condition& c, const Facts& f) { return !holds(c.children.front(), f); }},
    {"category", DOC("[category id, …]"), DOC("the member's category is one of these (not inside /categories)"),
     DOC(R"({"type":"array","minItems":1,"items":{"type":"string"}})"),
     READER([](VocabularyReader& v, const Json& value, const std::string& at, Condition& c) {
         if (v.in_category) v.read().fail(at, Code::category_in_category, "类别的条件不能引用类别");
         else read_enum_set(v, value, at, c, v.category_ids());
     }),
     [](const Condition& c, const Facts& f) { return in_mask(c.mask, f.category); }},
    {"student", DOC("[none | school | college, …]"), DOC("the member's student status is one of these"),
     DOC(R"({"type":"array","minItems":1,"items":{"enum":["none","school","college"]}})"),
     READER([](VocabularyReader& v, const Json& value, const std::string& at, Condition& c) {
         read_enum_set(v, value, at, c, student_names());
     }),
     [](const Condition& c, const Facts& f) { return in_mask(c.mask, static_cast<int>(f.student)); }},
    {"assistance", DOC("[group id | none, …]"),
     DOC("the assistance group taken for the member is one of these ids of assistance_groups (none: in no group the "
         "ruleset names; of several, the one several_groups takes)"),
     DOC(R"({"type":"array","minItems":1,"items":{"type":"string","pattern":"^[a-z0-9_]+$"}})"),
     READER([](VocabularyReader& v, const Json& value, const std::string& at, Condition& c) {
         if (v.assistance_refused) return;  // one mistake, one error: told at the group
         std::vector<std::string> names{"none"};
         names.insert(names.end(), v.assistance_ids.begin(), v.assistance_ids.end());
         read_enum_set(v, value, at, c, names);
     }),
     [](const Condition& c, const Facts& f) { return in_mask(c.mask, f.assistance); }},
    {"answer", DOC(R"({"question": question id, "in": [answer id, …]})"),
     DOC("the member's answer to one of member_questions is one of these (a default answer counts)"),
     DOC(R"({"type":"object","additionalProperties":false,"required":["question","in"],"properties":{)"
         R"("question":{"type":"string"},"in":{"type":"array","minItems":1,"items":{"type":"string"}}}})"),
     READER([](VocabularyReader& v, const Json& value, const std::string& at, Condition& c) {
         if (!v.read().is_object(value, at)) return;
         v.read().only_keys(value, at, {"question", "in"});
         const auto id = v.read().text(value, at, "question", Need::required);
         const Json* answers = v.read().member(value, at, "in", Need::required);
         if (!id) return;
         const auto q = std::find_if(v.questions.begin(), v.questions.end(), [&](const QuestionIds& x) { return x.id == *id; });
         if (q == v.questions.end()) {
             std::string names;
             for (const auto& x : v.questions) names += (names.empty() ? "" : "、") + x.id;
             v.read().fail(pointer_join(at, "question"), Code::unknown_value,
                           "规则集没有问题“" + *id + "”" + (names.empty() ? "（member_questions 为空）" : "；可用：" + names));
             return;
         }
         c.number = static_cast<int>(q - v.questions.begin());
         if (answers) read_enum_set(v, *answers, pointer_join(at, "in"), c, q->answers);
     }),
     [](const Condition& c, const Facts& f) {
         return c.number < static_cast<int>(f.answers.size()) && in_mask(c.mask, f.answers[static_cast<size_t>(c.number)]);
     }},
    {"history", DOC("[continuous | new | lapsed | paid_not_started, …]"),
     DOC("the member's cover last year is one of these (paid_not_started: paid, but benefits had not started by the "
         "year's end; members may be given it only in a ruleset whose conditions name it)"),
     DOC(R"({"type":"array","minItems":1,"items":{"enum":["continuous","new","lapsed","paid_not_started"]}})"),
     READER([](VocabularyReader& v, const Json& value, const std::string& at, Condition& c) {
         read_enum_set(v, value, at, c, history_names());
         v.histories_named |= c.mask;
     }),
     [](const Condition& c, const Facts& f) { return in_mask(c.mask, static_cast<int>(f.history)); }},
    {"tier", DOC("[tier id, …]"), DOC("the member's tier is one of these (1 to 31)"),
     DOC(R"({"type":"array","minItems":1,"items":{"type":"integer","minimum":1,"maximum":31}})"),
     READER([](VocabularyReader& v, const Json& value, const std::string& at, Condition& c) {
         if (!v.read().is_array(value, at, true)) return;
         for (size_t i = 0; i < value.size(); ++i) {
             if (value[i].is_number_integer() && value[i].get<std::int64_t>() >= 1 && value[i].get<std::int64_t>() <= 31)
                 c.mask |= 1u << value[i].get<int>();
             else v.read().fail(pointer_join(at, i), Code::wrong_type, "档次应为 1 到 31 的整数");
         }
     }),
     [](const Condition& c, const Facts& f) { return in_mask(c.mask, f.tier); }},
    {"age", DOC(R"({"under" | "at_least": years})"), DOC("the member's age in whole years at the payment date"), DOC(kCountSchema),
     READER(read_count), [](const Condition& c, const Facts& f) { return compare(c.relation, f.age, c.number); }},
    {"lapsed_years", DOC(R"({"under" | "at_least": years})"),
     DOC("whole insurance years without cover right before this one"), DOC(kCountSchema), READER(read_count),
     [](const Condition& c, const Facts& f) { return compare(c.relation, f.lapsed_years, c.number); }},
    {"repaired_years", DOC(R"({"under" | "at_least": years})"), DOC("how many of the lapsed years the member pays back now"),
     DOC(kCountSchema), READER(read_count),
     [](const Condition& c, const Facts& f) { return compare(c.relation, f.repaired_years, c.number); }},
    {"waiting_months", DOC(R"({"under" | "at_least": months})"),
     DOC("the waiting period the ruleset's waiting_period gives the member, in months (0 without one; for benefit rules)"),
     DOC(kCountSchema),
     READER([](VocabularyReader& v, const Json& value, const std::string& at, Condition& c) {
         v.waiting_months_used.push_back(at);
         read_count(v, value, at, c);
     }),
     [](const Condition& c, const Facts& f) { return compare(c.relation, f.waiting_months, c.number); }},
    {"continuous_years", DOC(R"({"under" | "at_least": years})"),
     DOC("years of continuous cover the member states (never holds when not given)"), DOC(kCountSchema), READER(read_count),
     [](const Condition& c, const Facts& f) {
         return f.continuous_years >= 0 && compare(c.relation, f.continuous_years, c.number);
     }},
    {"claimed_last_year", DOC("true | false"),
     DOC("whether the member was reimbursed last year (never holds when not given)"), DOC(R"({"type":"boolean"})"),
     READER([](VocabularyReader& v, const Json& value, const std::string& at, Condition& c) {
         if (value.is_boolean()) c.number = value.get<bool>() ? 1 : 0;
         else v.read().fail(at, Code::wrong_type, "应为 true 或 false");
     }),
     [](const Condition& c, const Facts& f) { return f.claimed_last_year == c.number; }},
    {"payment_date", DOC(R"({"before" | "on_or_before" | "after" | "on_or_after": date})"),
     DOC("the date the money arrives compared with a date expression"), DOC(kDateCompareSchema), READER(read_date_comparison),
     [](const Condition& c, const Facts& f) {
         return compare(c.relation, f.payment_date, evaluate(c.date, f));
     }},
    {"birth_date", DOC(R"({"before" | "on_or_before" | "after" | "on_or_after": date})"),
     DOC("the member's birth date compared with a date expression"), DOC(kDateCompareSchema), READER(read_date_comparison),
     [](const Condition& c, const Facts& f) {
         return compare(c.relation, f.birth_date, evaluate(c.date, f));
     }},
}};

[[maybe_unused]] void read_one_argument(VocabularyReader& v, const Json& argument, const std::string& at, DateExpr& e) {
    e.args.push_back(v.date(argument, at));
}

[[maybe_unused]] void read_list(VocabularyReader& v, const Json& argument, const std::string& at, DateExpr& e) {
    if (v.read().is_array(argument, at, true))
        for (size_t i = 0; i < argument.size(); ++i) e.args.push_back(v.date(argument[i], pointer_join(at, i)));
}

Date extreme(const DateExpr& e, const Facts& f, bool latest) {
    Date best = evaluate(e.args.front(), f);
    for (size_t i = 1; i < e.args.size(); ++i) {
        const Date d = evaluate(e.args[i], f);
        if (latest ? best < d : d < best) best = d;
    }
    return best;
}

[[maybe_unused]] constexpr std::string_view kDateSchema = R"({"$ref":"#/$defs/date_expr"})";
[[maybe_unused]] constexpr std::string_view kDateListSchema = R"({"type":"array","minItems":1,"items":{"$ref":"#/$defs/date_expr"}})";

const std::array<DateKeyword, 13> kDates{{
    {"payment_date", DOC(R"("payment_date")"), DOC("the date the money arrives"), DOC(""), nullptr,
     [](const DateExpr&, const Facts& f) { return f.payment_date; }},
    {"birth_date", DOC(R"("birth_date")"), DOC("the member's birth date"), DOC(""), nullptr,
     [](const DateExpr&, const Facts& f) { return f.birth_date; }},
    {"year_start", DOC(R"("year_start")"), DOC("the first day of the benefit year"), DOC(""), nullptr,
     [](const DateExpr&, const Facts& f) { return f.year_start; }},
    {"year_end", DOC(R"("year_end")"), DOC("the last day of the benefit year"), DOC(""), nullptr,
     [](const DateExpr&, const Facts& f) { return f.year_end; }},
    {"deadline", DOC(R"("deadline")"), DOC("the continuity deadline: the last day of the collection window"), DOC(""), nullptr,
     [](const DateExpr&, const Facts& f) { return f.deadline; }},
    {"first_of_month", DOC(R"({"first_of_month": date})"), DOC("the 1st of that date's month"), DOC(kDateSchema), READER(read_one_argument),
     [](const DateExpr& e, const Facts& f) { return evaluate(e.args.front(), f).first_of_month(); }},
    {"first_of_next_month", DOC(R"({"first_of_next_month": date})"), DOC("the 1st of the month after that date"), DOC(kDateSchema),
     READER(read_one_argument),
     [](const DateExpr& e, const Facts& f) { return evaluate(e.args.front(), f).first_of_next_month(); }},
    {"last_of_month", DOC(R"({"last_of_month": date})"), DOC("the last day of that date's month"), DOC(kDateSchema),
     READER(read_one_argument), [](const DateExpr& e, const Facts& f) { return evaluate(e.args.front(), f).last_of_month(); }},
    {"end_of_year", DOC(R"({"end_of_year": date})"), DOC("31 December of that date's year"), DOC(kDateSchema), READER(read_one_argument),
     [](const DateExpr& e, const Facts& f) { return evaluate(e.args.front(), f).end_of_year(); }},
    {"add_months", DOC(R"({"add_months": [date, months | "waiting_months"]})"),
     DOC("the same day so many months on, clamped to a shorter month's end; \"waiting_months\" counts the member's "
     "waiting period"),
     DOC(R"({"type":"array","minItems":2,"maxItems":2,"prefixItems":[{"$ref":"#/$defs/date_expr"},)"
     R"({"oneOf":[{"type":"integer","minimum":-1200,"maximum":1200},{"const":"waiting_months"}]}]})"),
     READER([](VocabularyReader& v, const Json& argument, const std::string& at, DateExpr& e) {
         const bool by_waiting = argument.is_array() && argument.size() == 2 && argument[1] == "waiting_months";
         // A month count beyond a century is a typo, and bounding it keeps the date arithmetic in range.
         const bool counted = argument.is_array() && argument.size() == 2 && argument[1].is_number_integer() &&
                              argument[1].get<std::int64_t>() >= -1200 && argument[1].get<std::int64_t>() <= 1200;
         if (!by_waiting && !counted) {
             v.read().fail(at, Code::bad_date_expr,
                           "add_months 应为 [日期表达式, 月数]，月数为 -1200 到 1200 之间的整数或“waiting_months”");
             return;
         }
         e.args.push_back(v.date(argument[0], pointer_join(at, size_t{0})));
         e.by_waiting_months = by_waiting;
         if (by_waiting) v.waiting_months_used.push_back(pointer_join(at, size_t{1}));
         if (counted) e.months = argument[1].get<int>();
     }),
     [](const DateExpr& e, const Facts& f) {
         return evaluate(e.args.front(), f).add_months(e.by_waiting_months ? f.waiting_months : e.months);
     }},
    {"add_days", DOC(R"({"add_days": [date, days]})"),
     DOC("so many days on (back when negative): 缴费次日 is [\"payment_date\", 1]; a birth day counts as day 1, so "
         "出生90天内 ends on [\"birth_date\", 89]"),
     DOC(R"({"type":"array","minItems":2,"maxItems":2,"prefixItems":[{"$ref":"#/$defs/date_expr"},)"
     R"({"type":"integer","minimum":-36600,"maximum":36600}]})"),
     READER([](VocabularyReader& v, const Json& argument, const std::string& at, DateExpr& e) {
         // A century of days at most: beyond is a typo, and bounding it keeps the date arithmetic in range.
         if (!(argument.is_array() && argument.size() == 2 && argument[1].is_number_integer() &&
               argument[1].get<std::int64_t>() >= -36600 && argument[1].get<std::int64_t>() <= 36600)) {
             v.read().fail(at, Code::bad_date_expr, "add_days 应为 [日期表达式, 天数]，天数为 -36600 到 36600 之间的整数");
             return;
         }
         e.args.push_back(v.date(argument[0], pointer_join(at, size_t{0})));
         e.days = argument[1].get<int>();
     }),
     [](const DateExpr& e, const Facts& f) { return evaluate(e.args.front(), f).add_days(e.days); }},
    {"max", DOC(R"({"max": [date, …]})"), DOC("the latest of the dates"), DOC(kDateListSchema), READER(read_list),
     [](const DateExpr& e, const Facts& f) { return extreme(e, f, true); }},
    {"min", DOC(R"({"min": [date, …]})"), DOC("the earliest of the dates"), DOC(kDateListSchema), READER(read_list),
     [](const DateExpr& e, const Facts& f) { return extreme(e, f, false); }},
}};

// The workbench's words for the keywords its editors offer, in Chinese: each condition keyword's name and, for a
// fixed list of values, each value's words (a JSON object); each named date's name. Not in the page's engine.
struct KeywordWords {
    std::string_view key;
    std::string_view label;
    std::string_view words;
};
[[maybe_unused]] constexpr KeywordWords kConditionWords[] = {
    {"all", DOC("全部都要符合"), DOC("")},
    {"any", DOC("符合任一即可"), DOC("")},
    {"not", DOC("不符合"), DOC("")},
    {"category", DOC("人员类别"), DOC("")},
    {"student", DOC("学生"), DOC(R"({"none":"不是学生","school":"中小学生","college":"大学生"})")},
    {"assistance", DOC("特殊人群"), DOC(R"({"none":"不属于特殊人群"})")},
    {"answer", DOC("本市要问的问题"), DOC("")},
    {"history", DOC("上年度参保情况"), DOC("")},  // its words are the histories' own (history_words())
    {"tier", DOC("缴费档次"), DOC("")},
    {"age", DOC("年龄（周岁）"), DOC("")},
    {"lapsed_years", DOC("断保年数"), DOC("")},
    {"repaired_years", DOC("补缴年数"), DOC("")},
    {"waiting_months", DOC("等待期（月）"), DOC("")},
    {"continuous_years", DOC("连续参保年数"), DOC("")},
    {"claimed_last_year", DOC("上年度报销过"), DOC("")},
    {"payment_date", DOC("缴费日期"), DOC("")},
    {"birth_date", DOC("出生日期"), DOC("")},
};
[[maybe_unused]] constexpr KeywordWords kDateWords[] = {
    {"YYYY-MM-DD", DOC("某一天"), DOC("")},
    {"payment_date", DOC("缴费当天"), DOC("")},
    {"birth_date", DOC("出生那天"), DOC("")},
    {"year_start", DOC("待遇年度第一天"), DOC("")},
    {"year_end", DOC("待遇年度最后一天"), DOC("")},
    {"deadline", DOC("集中缴费截止日"), DOC("")},
};

std::string names_of_dates(bool named) {
    std::string out;
    for (const auto& k : kDates)
        if ((k.read == nullptr) == named) out += (out.empty() ? "" : "、") + std::string(k.key);
    return out;
}

struct Placeholder {
    std::string_view name;
    TextScope scope;  // ruleset: allowed in every text; member: only in texts about a member
    std::string_view description;
    std::string (*value)(const TextFacts&);
};

const std::string kUnpublished = "（尚未公布）";

std::string months_text(int months) { return std::to_string(months) + "个月"; }

const std::array<Placeholder, 21> kPlaceholders{{
    {"year_start", TextScope::ruleset, DOC("the first day of the benefit year"),
     [](const TextFacts& t) { return t.year_start.chinese(); }},
    {"year_end", TextScope::ruleset, DOC("the last day of the benefit year"),
     [](const TextFacts& t) { return t.year_end.chinese(); }},
    {"deadline", TextScope::ruleset, DOC("the continuity deadline"), [](const TextFacts& t) { return t.deadline ? t.deadline->chinese() : kUnpublished; }},
    {"payment_date", TextScope::member, DOC("the date the money arrives"),
     [](const TextFacts& t) { return t.facts->payment_date.chinese(); }},
    {"birth_date", TextScope::member, DOC("the member's birth date"),
     [](const TextFacts& t) { return t.facts->birth_date.chinese(); }},
    {"age", TextScope::member, DOC("the member's age at the payment date"),
     [](const TextFacts& t) { return std::to_string(t.facts->age); }},
    {"category", TextScope::member, DOC("the member's category label"), [](const TextFacts& t) { return std::string(t.category); }},
    {"tier", TextScope::member, DOC("the member's tier label"), [](const TextFacts& t) { return std::string(t.tier); }},
    {"assistance", TextScope::member, DOC("the member's assistance group label"),
     [](const TextFacts& t) { return std::string(t.assistance); }},
    {"assistance_groups", TextScope::member, DOC("every assistance group the member is in, joined by 、"),
     [](const TextFacts& t) { return t.assistance_groups; }},
    {"individual", TextScope::member, DOC("the individual contribution, e.g. 462元"),
     [](const TextFacts& t) { return t.individual ? t.individual->yuan_text() : kUnpublished; }},
    {"subsidy", TextScope::member, DOC("the government subsidy"), [](const TextFacts& t) { return t.subsidy ? t.subsidy->yuan_text() : kUnpublished; }},
    {"start", TextScope::member, DOC("the day benefits start"),
     [](const TextFacts& t) { return t.start ? t.start->chinese() : t.start_unknown ? kUnpublished : "（本年度无待遇）"; }},
    {"end", TextScope::member, DOC("the day benefits end"), [](const TextFacts& t) { return t.end.chinese(); }},
    {"lapsed_years", TextScope::member, DOC("the member's lapsed years"),
     [](const TextFacts& t) { return std::to_string(t.facts->lapsed_years) + "年"; }},
    {"repaired_years", TextScope::member, DOC("the lapsed years paid back now"),
     [](const TextFacts& t) { return std::to_string(t.facts->repaired_years) + "年"; }},
    {"continuous_years", TextScope::member, DOC("the member's years of continuous cover"),
     [](const TextFacts& t) { return std::to_string(std::max(0, t.facts->continuous_years)) + "年"; }},
    {"waiting_months", TextScope::member, DOC("the waiting period in months"),
     [](const TextFacts& t) { return months_text(t.facts->waiting_months); }},
    {"fixed_months", TextScope::member, DOC("the waiting period's fixed part"),
     [](const TextFacts& t) { return months_text(t.fixed_months); }},
    {"variable_months", TextScope::member, DOC("the waiting period's variable part after repair"),
     [](const TextFacts& t) { return months_text(t.variable_months - t.repaired_months); }},
    {"amount", TextScope::member, DOC("a member note's amount, e.g. the change of the 大病保险 ceiling; an add-on's fee"),
     [](const TextFacts& t) { return t.amount.yuan_text(); }},
}};

const Placeholder* placeholder(std::string_view name) {
    for (const auto& p : kPlaceholders)
        if (p.name == name) return &p;
    return nullptr;
}

}  // namespace

bool holds(const Condition& c, const Facts& f) { return !c.keyword || c.keyword->holds(c, f); }

Date evaluate(const DateExpr& e, const Facts& f) { return e.keyword ? e.keyword->evaluate(e, f) : e.literal; }

int keyword_number(const ConditionKeyword* keyword) { return keyword ? static_cast<int>(keyword - kConditions.data()) + 1 : 0; }
int keyword_number(const DateKeyword* keyword) { return keyword ? static_cast<int>(keyword - kDates.data()) + 1 : 0; }
const ConditionKeyword* condition_keyword(int number) {
    return number > 0 && static_cast<size_t>(number) <= kConditions.size() ? &kConditions[static_cast<size_t>(number) - 1] : nullptr;
}
const DateKeyword* date_keyword(int number) {
    return number > 0 && static_cast<size_t>(number) <= kDates.size() ? &kDates[static_cast<size_t>(number) - 1] : nullptr;
}

// An object's keys must all hold; {} always holds.
Condition VocabularyReader::condition(const Json& value, const std::string& at) {
    static const ConditionKeyword* const all = &kConditions[0];
    Condition every;
    every.keyword = all;
    if (!read_.is_object(value, at)) return every;
    for (const auto& item : value.items()) {
        const std::string k_at = pointer_join(at, item.key());
        const auto keyword = std::find_if(kConditions.begin(), kConditions.end(),
                                          [&](const ConditionKeyword& k) { return k.key == item.key(); });
        if (keyword == kConditions.end()) {
            std::string names;
            for (const auto& k : kConditions) names += std::string(names.empty() ? "" : ", ") + std::string(k.key);
            read_.fail(k_at, Code::unknown_field, "未知条件“" + item.key() + "”；可用：" + names);
            continue;
        }
        Condition c;
        c.keyword = &*keyword;
        keyword->read(*this, item.value(), k_at, c);
        every.children.push_back(std::move(c));
    }
    if (every.children.empty()) return Condition{};
    if (every.children.size() == 1) return std::move(every.children.front());
    return every;
}

DateExpr VocabularyReader::date(const Json& value, const std::string& at) {
    DateExpr e;
    if (value.is_string()) {
        const auto& text = value.get_ref<const std::string&>();
        for (const auto& k : kDates)
            if (!k.read && k.key == text) {
                e.keyword = &k;
                return e;
            }
        if (auto d = Date::parse(text)) e.literal = *d;
        else read_.fail(at, Code::bad_date_expr, "“" + text + "”不是日期表达式；应为 YYYY-MM-DD 或 " + names_of_dates(true));
        return e;
    }
    if (!value.is_object() || value.size() != 1) {
        read_.fail(at, Code::bad_date_expr, "日期表达式应为字符串或只含一个运算的对象（" + names_of_dates(false) + "）");
        return e;
    }
    const std::string op = value.begin().key();
    for (const auto& k : kDates)
        if (k.read && k.key == op) {
            e.keyword = &k;
            k.read(*this, value.begin().value(), pointer_join(at, op), e);
            // A broken argument leaves nothing to evaluate: keep the expression a plain date.
            if (e.args.empty()) e.keyword = nullptr;
            return e;
        }
    read_.fail(at, Code::bad_date_expr, "未知日期运算“" + op + "”；可用：" + names_of_dates(false));
    return e;
}

namespace {

struct FactKind {
    std::string_view key;
    std::string_view form;
    std::string_view description;
};

// Where a ruleset gives an amount (individual_fen, subsidy_fen) or a collection date (collection.opens,
// collection.closes, continuity_deadline.date), it may give one of these instead of the plain value.
const std::array<FactKind, 2> kFactKinds{{
    {"provisional", DOC(R"({"provisional": {"from": ruleset id, "text": told to the citizen}})"),
     DOC("carried from the named earlier ruleset (the same place, list items by id) until this year's value is "
         "published; every figure and date that rests on it is flagged with the text")},
    {"unknown", DOC(R"({"unknown": {"reason", "ask", "not_before"?, "not_after"?}})"),
     DOC("not published: no value; what depends on it says so and whom to ask, what turns on it alone is given for "
         "both cases, and a total that includes it is not a number (dates: what the sources do say as bounds)")},
}};

// A fact's plain value is read by `plain(object, path, key)`; the two other kinds are objects.
template <typename T, typename Plain>
Fact<T> read_fact(JsonReader& read, const Json& object, const std::string& at, const char* key, const std::string& fact,
                  Plain plain) {
    Fact<T> out;
    out.certainty.fact = fact;
    const Json* value = read.member(object, at, key, Need::required);
    if (!value) return out;
    if (!value->is_object()) {
        if (auto v = plain(object, at, key)) out.value = *v;
        return out;
    }
    const std::string v_at = pointer_join(at, key);
    const FieldReader keys(read, "fact", *value, v_at);  // reports the keys a fact does not have
    const bool provisional = value->contains(std::string(kFactKinds[0].key));
    const bool unknown = value->contains(std::string(kFactKinds[1].key));
    // One mistake, one error: an object of other keys only has been told already.
    if (!provisional && !unknown && !value->contains("value") && !value->empty()) return out;
    if (provisional == unknown) {
        read.fail(v_at, Code::one_key, "应只含 provisional（暂按往年）或 unknown（尚未公布）之一");
        return out;
    }
    Certainty& c = out.certainty;
    const std::string kind_key(kFactKinds[provisional ? 0 : 1].key);
    const Json& detail = (*value)[kind_key];
    const std::string d_at = pointer_join(v_at, kind_key);
    if (!read.is_object(detail, d_at)) return out;
    FieldReader fields(read, kind_key, detail, d_at);
    if (provisional) {
        c.kind = Certainty::Kind::provisional;
        c.from = fields.text("from").value_or("");
        c.text = fields.text("text").value_or("");
        // The value is filled in from `from` when the ruleset is loaded (Catalog::load).
        if (auto v = plain(*value, v_at, "value")) out.value = *v;
    } else {
        c.kind = Certainty::Kind::unknown;
        c.text = fields.text("reason").value_or("");
        c.ask = fields.text("ask").value_or("");
        c.not_before = fields.date("not_before");
        c.not_after = fields.date("not_after");
        if (value->contains("value")) read.fail(pointer_join(v_at, "value"), Code::unknown_field, "尚未公布的值不能同时给出数值");
    }
    return out;
}

}  // namespace

Fact<Money> VocabularyReader::amount(const Json& object, const std::string& at, const char* key, const std::string& fact) {
    return read_fact<Money>(read_, object, at, key, fact, [&](const Json& o, const std::string& o_at, const char* k) {
        const auto fen = read_.integer(o, o_at, k, Need::required, 0, kMostFen);
        return fen ? std::optional<Money>(Money::from_fen(*fen)) : std::nullopt;
    });
}

Fact<Date> VocabularyReader::date_fact(const Json& object, const std::string& at, const char* key, const std::string& fact) {
    return read_fact<Date>(read_, object, at, key, fact, [&](const Json& o, const std::string& o_at, const char* k) {
        return read_.date(o, o_at, k, Need::required);
    });
}

void check_placeholders(JsonReader& read, const std::string& text, const std::string& at, TextScope scope) {
    for (size_t open = text.find('{'); open != std::string::npos; open = text.find('{', open + 1)) {
        const size_t close = text.find('}', open);
        if (close == std::string::npos) {
            read.fail(at, Code::bad_placeholder, "占位符缺少右花括号“}”");
            return;
        }
        const std::string name = text.substr(open + 1, close - open - 1);
        const Placeholder* p = placeholder(name);
        if (!p || (scope == TextScope::ruleset && p->scope == TextScope::member))
            read.fail(at, Code::bad_placeholder, "此处不能用占位符{" + name + "}");
    }
}

std::string fill_placeholders(const std::string& text, const TextFacts& values) {
    std::string out;
    out.reserve(text.size() + 32);
    size_t at = 0;
    for (size_t open = text.find('{'); open != std::string::npos; open = text.find('{', at)) {
        const size_t close = text.find('}', open);
        out.append(text, at, open - at);
        if (const Placeholder* p = placeholder(std::string_view(text).substr(open + 1, close - open - 1)))
            out += p->value(values);
        at = close + 1;
    }
    out.append(text, at, std::string::npos);
    return out;
}

std::vector<KeywordDoc> vocabulary_docs() {
    // A keyword's words, where the tables above give them.
    const auto words = [](const auto& table, std::string_view key) {
        for (const KeywordWords& w : table)
            if (w.key == key) return w;
        return KeywordWords{key, "", ""};
    };
    // The history keyword's: each history's label, by its name.
    static const std::string history_json = history_words_json(&HistoryWords::label).dump();
    std::vector<KeywordDoc> docs;
    for (const auto& k : kConditions) {
        const KeywordWords w = words(kConditionWords, k.key);
        docs.push_back({"condition", k.key, k.form, k.description, w.label, k.key == "history" ? history_json : w.words});
    }
    docs.push_back({"date", "YYYY-MM-DD", R"("2024-01-01")", "that date", words(kDateWords, "YYYY-MM-DD").label});
    for (const auto& k : kDates) docs.push_back({"date", k.key, k.form, k.description, words(kDateWords, k.key).label});
    for (const auto& k : kFactKinds) docs.push_back({"fact", k.key, k.form, k.description});
    for (const auto& p : kPlaceholders)
        docs.push_back({"placeholder", p.name, p.scope == TextScope::ruleset ? "any text" : "texts about a member",
                        p.description});
    return docs;
}

Json vocabulary_json() {
    Json out = Json::array();
    for (const auto& k : vocabulary_docs())
        out.push_back({{"kind", k.kind}, {"key", k.key}, {"form", k.form}, {"description", k.description},
                       {"label", k.label}, {"words", k.words.empty() ? Json::object() : Json::parse(k.words)}});
    return out;
}

Json vocabulary_schema() {
    Json properties = Json::object();
    for (const auto& k : kConditions) {
        Json schema = Json::parse(k.schema);
        schema["description"] = k.description;
        properties[std::string(k.key)] = std::move(schema);
    }
    Json condition = {{"type", "object"},
                      {"additionalProperties", false},
                      {"description", "All keys must hold; {} always holds. Facts are taken at the payment date."},
                      {"properties", std::move(properties)}};
    Json one_of = Json::array();
    one_of.push_back({{"type", "string"}, {"pattern", "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"}, {"description", "that date"}});
    for (const auto& k : kDates) {
        if (!k.read) {
            one_of.push_back({{"const", k.key}, {"description", k.description}});
            continue;
        }
        one_of.push_back({{"type", "object"},
                          {"additionalProperties", false},
                          {"required", {k.key}},
                          {"properties", {{std::string(k.key), Json::parse(k.schema)}}},
                          {"description", k.description}});
    }
    Json date_expr = {{"description", "A date computed from the member's facts."}, {"oneOf", std::move(one_of)}};
    return {{"condition", std::move(condition)}, {"date_expr", std::move(date_expr)}};
}

}  // namespace yibao
