// The rule vocabulary, keyword by keyword: every condition and date expression on the day before, the day of and
// the day after its boundary. A test at the end fails when a keyword of the vocabulary has no case here.
#include <catch2/catch.hpp>

#include <algorithm>
#include <map>

#include "golden.hpp"
#include "rules/vocabulary.hpp"

namespace {

// Facts of an adult paying on 2026-11-15 for benefit year 2027, window closing 2026-12-31.
yibao::Facts facts() {
    yibao::Facts f;
    f.payment_date = {2026, 11, 15};
    f.birth_date = {1990, 6, 15};
    f.age = 36;
    f.year_start = {2027, 1, 1};
    f.year_end = {2027, 12, 31};
    f.deadline = {2026, 12, 31};
    return f;
}

const std::vector<std::string> kCategories{"college", "child", "adult"};

// Reads `text` as the vocabulary would at `at`, which must raise no issue.
template <typename Read>
auto read_clean(const char* text, Read read_one) {
    yibao::Issues issues;
    yibao::JsonReader read(issues);
    yibao::VocabularyReader vocabulary(read, kCategories);
    vocabulary.assistance_ids = yibao::assistance_names();
    vocabulary.questions = {{"sex", {"male", "female"}}, {"moved_in", {"no", "yes"}}};
    auto value = read_one(vocabulary, yibao::Json::parse(text));
    INFO(text << (issues.empty() ? "" : " → " + issues.front().message));
    REQUIRE(issues.empty());
    return value;
}

bool holds(const char* condition, const yibao::Facts& f) {
    return yibao::holds(read_clean(condition, [](auto& v, const auto& json) { return v.condition(json, "/when"); }), f);
}

yibao::Date date(const char* expression, const yibao::Facts& f) {
    return yibao::evaluate(read_clean(expression, [](auto& v, const auto& json) { return v.date(json, "/start"); }), f);
}

yibao::Facts paid(yibao::Date day) {
    auto f = facts();
    f.payment_date = day;
    return f;
}

}  // namespace

TEST_CASE("payment_date comparisons hold the day before, of and after the deadline as their relation says",
          "[vocabulary]") {
    const yibao::Date before{2026, 12, 30}, on{2026, 12, 31}, after{2027, 1, 1};
    CHECK(holds(R"({"payment_date": {"before": "deadline"}})", paid(before)));
    CHECK_FALSE(holds(R"({"payment_date": {"before": "deadline"}})", paid(on)));
    CHECK(holds(R"({"payment_date": {"on_or_before": "deadline"}})", paid(on)));
    CHECK_FALSE(holds(R"({"payment_date": {"on_or_before": "deadline"}})", paid(after)));
    CHECK_FALSE(holds(R"({"payment_date": {"after": "deadline"}})", paid(on)));
    CHECK(holds(R"({"payment_date": {"after": "deadline"}})", paid(after)));
    CHECK_FALSE(holds(R"({"payment_date": {"on_or_after": "2026-12-31"}})", paid(before)));
    CHECK(holds(R"({"payment_date": {"on_or_after": "2026-12-31"}})", paid(on)));
}

TEST_CASE("birth_date comparisons hold around year_start", "[vocabulary]") {
    auto born = [](yibao::Date day) {
        auto f = facts();
        f.birth_date = day;
        return f;
    };
    CHECK_FALSE(holds(R"({"birth_date": {"on_or_after": "year_start"}})", born({2026, 12, 31})));
    CHECK(holds(R"({"birth_date": {"on_or_after": "year_start"}})", born({2027, 1, 1})));
    CHECK(holds(R"({"birth_date": {"before": "year_start"}})", born({2026, 12, 31})));
    CHECK_FALSE(holds(R"({"birth_date": {"after": "year_end"}})", born({2027, 12, 31})));
    CHECK(holds(R"({"birth_date": {"on_or_before": "year_end"}})", born({2027, 12, 31})));
}

TEST_CASE("counted facts compare with under and at_least at 17, 18 and 19", "[vocabulary]") {
    for (const char* key : {"age", "lapsed_years", "repaired_years", "continuous_years"}) {
        for (int n : {17, 18, 19}) {
            auto f = facts();
            f.age = f.lapsed_years = f.repaired_years = f.continuous_years = n;
            const std::string under = std::string(R"({")") + key + R"(": {"under": 18}})";
            const std::string at_least = std::string(R"({")") + key + R"(": {"at_least": 18}})";
            INFO(key << " = " << n);
            CHECK(holds(under.c_str(), f) == (n < 18));
            CHECK(holds(at_least.c_str(), f) == (n >= 18));
        }
    }
}

TEST_CASE("continuous_years and claimed_last_year never hold when the member does not say", "[vocabulary]") {
    auto f = facts();
    CHECK_FALSE(holds(R"({"continuous_years": {"under": 150}})", f));
    CHECK_FALSE(holds(R"({"claimed_last_year": false})", f));
    CHECK_FALSE(holds(R"({"claimed_last_year": true})", f));
    f.claimed_last_year = 0;
    CHECK(holds(R"({"claimed_last_year": false})", f));
    CHECK_FALSE(holds(R"({"claimed_last_year": true})", f));
    f.claimed_last_year = 1;
    CHECK(holds(R"({"claimed_last_year": true})", f));
}

TEST_CASE("enumerated facts match their listed values", "[vocabulary]") {
    auto f = facts();
    f.student = yibao::Student::school;
    f.assistance = 6;  // the sixth group of the reader's assistance_ids: dibao_edge
    f.history = yibao::History::lapsed;
    f.tier = 2;
    f.category = 1;
    CHECK(holds(R"({"student": ["school", "college"]})", f));
    CHECK_FALSE(holds(R"({"student": ["none"]})", f));
    CHECK(holds(R"({"assistance": ["dibao_edge"]})", f));
    CHECK_FALSE(holds(R"({"assistance": ["dibao", "tekun", "orphan", "severe_disability", "poverty_monitored", "none"]})", f));
    CHECK(holds(R"({"history": ["lapsed"]})", f));
    CHECK_FALSE(holds(R"({"history": ["continuous", "new"]})", f));
    CHECK(holds(R"({"tier": [2]})", f));
    CHECK_FALSE(holds(R"({"tier": [1]})", f));
    CHECK(holds(R"({"category": ["child"]})", f));
    CHECK_FALSE(holds(R"({"category": ["college", "adult"]})", f));
}

TEST_CASE("history paid_not_started is a value of its own: continuous, new and lapsed never match it", "[vocabulary]") {
    auto f = facts();
    f.history = yibao::History::paid_not_started;
    CHECK(holds(R"({"history": ["paid_not_started"]})", f));
    CHECK(holds(R"({"history": ["continuous", "paid_not_started"]})", f));
    CHECK_FALSE(holds(R"({"history": ["continuous", "new", "lapsed"]})", f));
    f.history = yibao::History::continuous;
    CHECK_FALSE(holds(R"({"history": ["paid_not_started"]})", f));
}

TEST_CASE("answer holds when the member's answer to the named question is one of those listed", "[vocabulary]") {
    auto f = facts();
    CHECK_FALSE(holds(R"({"answer": {"question": "sex", "in": ["male", "female"]}})", f));  // no answer
    f.answers[0] = 1;  // sex: female
    CHECK(holds(R"({"answer": {"question": "sex", "in": ["female"]}})", f));
    CHECK_FALSE(holds(R"({"answer": {"question": "sex", "in": ["male"]}})", f));
    CHECK_FALSE(holds(R"({"answer": {"question": "moved_in", "in": ["no", "yes"]}})", f));
    f.answers[1] = 0;
    CHECK(holds(R"({"answer": {"question": "moved_in", "in": ["no"]}})", f));
}

TEST_CASE("an answer condition naming a question or an answer the ruleset does not declare is an error at its path",
          "[vocabulary]") {
    for (const auto& [text, path] : std::vector<std::pair<const char*, const char*>>{
             {R"({"answer": {"question": "age_group", "in": ["old"]}})", "/when/answer/question"},
             {R"({"answer": {"question": "sex", "in": ["other"]}})", "/when/answer/in/0"},
             {R"({"assistance": ["dibao", "low_income"]})", "/when/assistance/1"}}) {
        yibao::Issues issues;
        yibao::JsonReader read(issues);
        yibao::VocabularyReader vocabulary(read, kCategories);
        vocabulary.assistance_ids = {"dibao"};
        vocabulary.questions = {{"sex", {"male", "female"}}};
        vocabulary.condition(yibao::Json::parse(text), "/when");
        INFO(text);
        REQUIRE(issues.size() == 1);
        CHECK(issues.front().path == path);
        CHECK(issues.front().code == yibao::Code::unknown_value);
    }
}

TEST_CASE("all, any and not combine conditions; {} always holds", "[vocabulary]") {
    const auto f = facts();  // age 36
    CHECK(holds("{}", f));
    CHECK(holds(R"({"all": [{"age": {"at_least": 18}}, {"age": {"under": 60}}]})", f));
    CHECK_FALSE(holds(R"({"all": [{"age": {"at_least": 18}}, {"age": {"under": 30}}]})", f));
    CHECK(holds(R"({"any": [{"age": {"under": 18}}, {"age": {"at_least": 30}}]})", f));
    CHECK_FALSE(holds(R"({"any": [{"age": {"under": 18}}, {"age": {"at_least": 60}}]})", f));
    CHECK(holds(R"({"not": {"age": {"under": 18}}})", f));
    CHECK_FALSE(holds(R"({"not": {}})", f));
    // Keys of one object must all hold.
    CHECK_FALSE(holds(R"({"age": {"at_least": 18}, "student": ["school"]})", f));
}

TEST_CASE("named dates are the member's and the ruleset's dates", "[vocabulary]") {
    const auto f = facts();
    CHECK(date(R"("payment_date")", f) == yibao::Date{2026, 11, 15});
    CHECK(date(R"("birth_date")", f) == yibao::Date{1990, 6, 15});
    CHECK(date(R"("year_start")", f) == yibao::Date{2027, 1, 1});
    CHECK(date(R"("year_end")", f) == yibao::Date{2027, 12, 31});
    CHECK(date(R"("deadline")", f) == yibao::Date{2026, 12, 31});
    CHECK(date(R"("2024-02-29")", f) == yibao::Date{2024, 2, 29});
}

TEST_CASE("month operators at the last, first and second day of a month", "[vocabulary]") {
    for (const auto& [day, first, next] :
         std::vector<std::tuple<yibao::Date, yibao::Date, yibao::Date>>{{{2027, 1, 31}, {2027, 1, 1}, {2027, 2, 1}},
                                                                        {{2027, 2, 1}, {2027, 2, 1}, {2027, 3, 1}},
                                                                        {{2027, 2, 2}, {2027, 2, 1}, {2027, 3, 1}}}) {
        const auto f = paid(day);
        CHECK(date(R"({"first_of_month": "payment_date"})", f) == first);
        CHECK(date(R"({"first_of_next_month": "payment_date"})", f) == next);
        CHECK(date(R"({"end_of_year": "payment_date"})", f) == yibao::Date{2027, 12, 31});
    }
}

TEST_CASE("add_months clamps to a shorter month and can count the waiting months", "[vocabulary]") {
    CHECK(date(R"({"add_months": ["payment_date", 3]})", paid({2026, 11, 30})) == yibao::Date{2027, 2, 28});
    CHECK(date(R"({"add_months": ["payment_date", 3]})", paid({2026, 12, 1})) == yibao::Date{2027, 3, 1});
    CHECK(date(R"({"add_months": ["payment_date", -1]})", paid({2027, 3, 31})) == yibao::Date{2027, 2, 28});
    auto f = facts();
    f.waiting_months = 0;
    CHECK(date(R"({"add_months": ["year_start", "waiting_months"]})", f) == yibao::Date{2027, 1, 1});
    f.waiting_months = 4;
    CHECK(date(R"({"add_months": ["year_start", "waiting_months"]})", f) == yibao::Date{2027, 5, 1});
}

TEST_CASE("add_days counts days, back when negative, across a month's, a leap year's and a year's end",
          "[vocabulary]") {
    // 缴费次日: paid on the last day of February, of the year, and on a leap day.
    CHECK(date(R"({"add_days": ["payment_date", 1]})", paid({2027, 2, 28})) == yibao::Date{2027, 3, 1});
    CHECK(date(R"({"add_days": ["payment_date", 1]})", paid({2028, 2, 28})) == yibao::Date{2028, 2, 29});
    CHECK(date(R"({"add_days": ["payment_date", 1]})", paid({2026, 12, 31})) == yibao::Date{2027, 1, 1});
    CHECK(date(R"({"add_days": ["payment_date", 0]})", paid({2026, 12, 31})) == yibao::Date{2026, 12, 31});
    CHECK(date(R"({"add_days": ["year_start", -1]})", facts()) == yibao::Date{2026, 12, 31});
    CHECK(date(R"({"add_days": [{"first_of_next_month": "payment_date"}, 30]})", paid({2027, 1, 5})) ==
          yibao::Date{2027, 3, 3});
}

TEST_CASE("出生90天内 is written with add_days 89: the 89th day after birth holds, the 90th does not",
          "[vocabulary]") {
    // The birth day counts as day 1 (born 1月10日, 3个月内 runs to 4月9日 含), so the 90th day is birth + 89.
    const char* within_90_days = R"({"payment_date": {"on_or_before": {"add_days": ["birth_date", 89]}}})";
    auto born_2027_01_10 = [](yibao::Date payment) {
        auto f = paid(payment);
        f.birth_date = {2027, 1, 10};
        return f;
    };
    CHECK(holds(within_90_days, born_2027_01_10({2027, 4, 8})));        // the 89th day
    CHECK(holds(within_90_days, born_2027_01_10({2027, 4, 9})));        // the 90th day
    CHECK_FALSE(holds(within_90_days, born_2027_01_10({2027, 4, 10})));  // the 91st day
}

TEST_CASE("last_of_month is the last day of that date's month, February of a leap year included",
          "[vocabulary]") {
    for (const auto& [day, last] : std::vector<std::pair<yibao::Date, yibao::Date>>{
             {{2027, 1, 30}, {2027, 1, 31}}, {{2027, 1, 31}, {2027, 1, 31}}, {{2027, 2, 1}, {2027, 2, 28}},
             {{2028, 2, 1}, {2028, 2, 29}}, {{2027, 4, 30}, {2027, 4, 30}}, {{2027, 12, 1}, {2027, 12, 31}}})
        CHECK(date(R"({"last_of_month": "payment_date"})", paid(day)) == last);
}

TEST_CASE("max and min pick the latest and the earliest date, ties included", "[vocabulary]") {
    const char* later = R"({"max": ["year_start", {"first_of_next_month": "payment_date"}]})";
    const char* earlier = R"({"min": ["year_start", {"first_of_next_month": "payment_date"}]})";
    CHECK(date(later, paid({2026, 11, 30})) == yibao::Date{2027, 1, 1});
    CHECK(date(later, paid({2026, 12, 31})) == yibao::Date{2027, 1, 1});
    CHECK(date(later, paid({2027, 1, 1})) == yibao::Date{2027, 2, 1});
    CHECK(date(earlier, paid({2026, 11, 30})) == yibao::Date{2026, 12, 1});
    CHECK(date(earlier, paid({2027, 1, 1})) == yibao::Date{2027, 1, 1});
}

TEST_CASE("bad conditions and date expressions are errors at their JSON path", "[vocabulary][errors]") {
    auto problems = [](const char* text, bool as_date) {
        yibao::Issues issues;
        yibao::JsonReader read(issues);
        yibao::VocabularyReader vocabulary(read, kCategories);
        const auto json = yibao::Json::parse(text);
        if (as_date) vocabulary.date(json, "/start");
        else vocabulary.condition(json, "/when");
        return issues;
    };
    auto first = [](const yibao::Issues& issues) {
        REQUIRE_FALSE(issues.empty());
        return issues.front();
    };
    CHECK(first(problems(R"({"agee": {"under": 18}})", false)).path == "/when/agee");
    CHECK(first(problems(R"({"age": {"under": 18, "at_least": 2}})", false)).code == yibao::Code::one_key);
    CHECK(first(problems(R"({"lapsed_years": {"at_least": -1}})", false)).path == "/when/lapsed_years/at_least");
    CHECK(first(problems(R"({"category": ["nobody"]})", false)).path == "/when/category/0");
    CHECK(first(problems(R"({"claimed_last_year": "no"})", false)).code == yibao::Code::wrong_type);
    CHECK(first(problems(R"({"payment_date": {"before": "tomorrow"}})", false)).path == "/when/payment_date/before");
    CHECK(first(problems(R"({"add_months": ["year_start", "waiting"]})", true)).code == yibao::Code::bad_date_expr);
    CHECK(first(problems(R"({"add_months": ["year_start", 1201]})", true)).path == "/start/add_months");
    CHECK(first(problems(R"({"next_week": "payment_date"})", true)).code == yibao::Code::bad_date_expr);
    CHECK(first(problems(R"({"max": []})", true)).path == "/start/max");
    CHECK(first(problems(R"({"add_days": ["payment_date", 1.5]})", true)).path == "/start/add_days");
    CHECK(first(problems(R"({"add_days": ["payment_date", 36601]})", true)).code == yibao::Code::bad_date_expr);
    CHECK(first(problems(R"({"add_days": ["payment_date"]})", true)).code == yibao::Code::bad_date_expr);
    CHECK(first(problems(R"({"add_days": ["tomorrow", 1]})", true)).path == "/start/add_days/0");
    CHECK(first(problems(R"({"last_of_month": "2027-02-30"})", true)).path == "/start/last_of_month");
}

TEST_CASE("every keyword of the vocabulary has a case above", "[vocabulary]") {
    // ctest runs each case in a process of its own, so this reads the cases rather than watching them run.
    const std::string cases = golden::read_file(YIBAO_SOURCE_DIR "/tests/unit/vocabulary_test.cpp");
    const std::string tests_start = "TEST_CASE(\"payment_date comparisons";
    const std::string body = cases.substr(cases.find(tests_start));
    for (const auto& keyword : yibao::vocabulary_docs()) {
        if (keyword.kind == "placeholder" || keyword.key == "YYYY-MM-DD") continue;
        INFO(keyword.kind << " " << keyword.key);
        CHECK(body.find("\"" + std::string(keyword.key) + "\"") != std::string::npos);
    }
}

TEST_CASE("every condition keyword and named date has its Chinese label, and each fixed choice its words",
          "[vocabulary]") {
    const auto chinese = [](std::string_view words) {
        return std::any_of(words.begin(), words.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x80; });
    };
    for (const auto& keyword : yibao::vocabulary_docs()) {
        INFO(keyword.kind << " " << keyword.key);
        const bool named_date = keyword.kind == "date" && keyword.form.find('{') == std::string_view::npos;
        if (keyword.kind == "condition" || named_date) CHECK(chinese(keyword.label));
        // "[none | school | college, …]": each value of a fixed list, in words.
        const std::string form(keyword.form);
        if (keyword.kind != "condition" || form.find(" | ") == std::string::npos || form[0] != '[') continue;
        const auto words = yibao::Json::parse(keyword.words.empty() ? "{}" : std::string(keyword.words));
        std::string list = form.substr(1, form.find(", …]") - 1) + " | ";
        for (size_t at = 0, bar; (bar = list.find(" | ", at)) != std::string::npos; at = bar + 3) {
            const std::string value = list.substr(at, bar - at);
            if (value.find(" id") != std::string::npos) continue;  // the ruleset's own ids, named by the ruleset
            INFO(value);
            CHECK((words.contains(value) && chinese(words[value].get<std::string>())));
        }
    }
}

TEST_CASE("every placeholder is filled with its value, and an unknown one is refused", "[vocabulary]") {
    auto f = facts();
    f.lapsed_years = 2;
    f.repaired_years = 1;
    f.continuous_years = 6;
    f.waiting_months = 3;
    yibao::TextFacts t;
    t.facts = &f;
    t.category = "成年居民";
    t.tier = "一档";
    t.assistance = "低保对象";
    t.assistance_groups = "低保对象、重度残疾人";
    t.individual = yibao::Money::from_yuan(482);
    t.subsidy = yibao::Money::from_yuan(880);
    const yibao::Date start{2027, 4, 1};
    t.start = &start;
    t.end = {2027, 12, 31};
    t.fixed_months = 3;
    t.variable_months = 1;
    t.repaired_months = 1;
    t.amount = yibao::Money::from_yuan(-3000);
    t.year_start = f.year_start;
    t.year_end = f.year_end;
    t.deadline = f.deadline;
    const std::map<std::string, std::string> expected{
        {"year_start", "2027年1月1日"}, {"year_end", "2027年12月31日"}, {"deadline", "2026年12月31日"},
        {"payment_date", "2026年11月15日"}, {"birth_date", "1990年6月15日"}, {"age", "36"},
        {"category", "成年居民"}, {"tier", "一档"}, {"assistance", "低保对象"},
        {"assistance_groups", "低保对象、重度残疾人"}, {"individual", "482元"},
        {"subsidy", "880元"}, {"start", "2027年4月1日"}, {"end", "2027年12月31日"}, {"lapsed_years", "2年"},
        {"repaired_years", "1年"}, {"continuous_years", "6年"}, {"waiting_months", "3个月"},
        {"fixed_months", "3个月"}, {"variable_months", "0个月"}, {"amount", "-3000元"}};
    for (const auto& keyword : yibao::vocabulary_docs()) {
        if (keyword.kind != "placeholder") continue;
        const std::string name(keyword.key);
        INFO(name);
        REQUIRE(expected.count(name));
        CHECK(yibao::fill_placeholders("[{" + name + "}]", t) == "[" + expected.at(name) + "]");
    }
    yibao::Issues issues;
    yibao::JsonReader read(issues);
    yibao::check_placeholders(read, "{start} {nonsense}", "/text", yibao::TextScope::member);
    yibao::check_placeholders(read, "{start}", "/collection/text", yibao::TextScope::ruleset);
    yibao::check_placeholders(read, "{deadline", "/text", yibao::TextScope::ruleset);
    REQUIRE(issues.size() == 3);
    for (const auto& issue : issues) CHECK(issue.code == yibao::Code::bad_placeholder);
    CHECK(issues[1].path == "/collection/text");
}

TEST_CASE("an amount or a date may be plain, provisional or unknown; each kind is checked at its path",
          "[vocabulary][facts]") {
    auto read_amount = [](const char* text, yibao::Issues& issues) {
        yibao::JsonReader read(issues);
        yibao::VocabularyReader vocabulary(read, kCategories);
        return vocabulary.amount(yibao::Json::parse(text), "/contributions/0", "subsidy_fen", "subsidy_fen");
    };
    yibao::Issues issues;
    const auto plain = read_amount(R"({"subsidy_fen": 88000})", issues);
    CHECK(plain.known());
    CHECK(plain.value.fen == 88000);
    const auto carried = read_amount(
        R"({"subsidy_fen": {"provisional": {"from": "qingdao-2026", "text": "按2026年度标准估算"}, "value": 88000}})", issues);
    CHECK(carried.provisional());
    CHECK(carried.certainty.from == "qingdao-2026");
    CHECK(carried.value.fen == 88000);
    const auto missing = read_amount(R"({"subsidy_fen": {"unknown": {"reason": "未公布", "ask": "024-12345-1-7"}}})", issues);
    CHECK(missing.unknown());
    CHECK(missing.certainty.ask == "024-12345-1-7");
    CHECK(missing.certainty.fact == "subsidy_fen");
    REQUIRE(issues.empty());

    auto first_problem = [&](const char* text) {
        yibao::Issues problems;
        read_amount(text, problems);
        REQUIRE_FALSE(problems.empty());
        return problems.front();
    };
    CHECK(first_problem(R"({"subsidy_fen": {"unknown": {"ask": "024-12345-1-7"}}})").path ==
          "/contributions/0/subsidy_fen/unknown/reason");
    CHECK(first_problem(R"({"subsidy_fen": {"unknown": {"reason": "", "ask": "x"}}})").code == yibao::Code::empty);
    CHECK(first_problem(R"({"subsidy_fen": {"provisional": {"from": "a", "text": "b"}, "unknown": {}}})").code ==
          yibao::Code::one_key);
    CHECK(first_problem(R"({"subsidy_fen": {"provisional": {"text": "b"}, "value": 1}})").path ==
          "/contributions/0/subsidy_fen/provisional/from");
    CHECK(first_problem(R"({"subsidy_fen": {"unknown": {"reason": "r", "ask": "a"}, "value": 1}})").path ==
          "/contributions/0/subsidy_fen/value");
    CHECK(first_problem(R"({"subsidy_fen": {"later": true}})").code == yibao::Code::unknown_field);

    yibao::JsonReader read(issues);
    yibao::VocabularyReader vocabulary(read, kCategories);
    const auto deadline = vocabulary.date_fact(
        yibao::Json::parse(R"({"date": {"unknown": {"reason": "未见公布", "ask": "024-12345-1-7",
                                                    "not_before": "2025-10-22", "not_after": "2025-12-31"}}})"),
        "/continuity_deadline", "date", "continuity_deadline");
    REQUIRE(issues.empty());
    CHECK(deadline.unknown());
    CHECK(deadline.certainty.not_before == yibao::Date{2025, 10, 22});
    CHECK(deadline.certainty.not_after == yibao::Date{2025, 12, 31});
}
