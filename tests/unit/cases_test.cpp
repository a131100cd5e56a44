// The case matcher and case files (engine/io/cases.hpp): what golden cases, `yibao cases` and the workbench share.
#include <catch2/catch.hpp>

#include "io/cases.hpp"
#include "rules/builtin.hpp"

using yibao::Json;

namespace {
std::string difference_text(const Json& expected, const Json& actual) {
    const auto d = yibao::first_difference(expected, actual);
    return d ? d->path + " " + d->message : "none";
}
}  // namespace

TEST_CASE("an answer matches a case when it holds every expected key, other keys aside", "[cases]") {
    const auto answer = Json::parse(R"({"ok": true, "members": [{"id": "爸爸", "individual_fen": 48200, "tier": 1}]})");
    CHECK(difference_text(Json::parse(R"({"members": [{"individual_fen": 48200}]})"), answer) == "none");
    CHECK(difference_text(Json::parse(R"({"ok": true})"), answer) == "none");
    CHECK(difference_text(Json::parse("{}"), answer) == "none");
    CHECK(difference_text(Json::parse(R"({"members": [{"tier": 1.0}]})"), answer) == "none");  // a number is a number
}

TEST_CASE("the first difference is named by its JSON pointer and said in Chinese", "[cases]") {
    const auto answer = Json::parse(R"({"ok": true, "members": [{"id": "爸爸", "individual_fen": 48200}], "a/b": 1})");
    CHECK(difference_text(Json::parse(R"({"members": [{"individual_fen": 1}]})"), answer) ==
          "/members/0/individual_fen 应为1，实际是48200");
    CHECK(difference_text(Json::parse(R"({"members": [{"tier": 1}]})"), answer) == "/members/0/tier 缺少");
    CHECK(difference_text(Json::parse(R"({"members": [{}, {}]})"), answer) ==
          R"(/members 应有2项，实际是[{"id":"爸爸","individual_fen":48200}])");
    CHECK(difference_text(Json::parse(R"({"ok": {"x": 1}})"), answer) == "/ok 应是对象，实际是true");
    CHECK(difference_text(Json::parse(R"({"members": [{"id": "妈妈"}]})"), answer) == R"(/members/0/id 应为"妈妈"，实际是"爸爸")");
    CHECK(difference_text(Json::parse(R"({"a/b": 2})"), answer) == "/a~1b 应为2，实际是1");  // RFC 6901 escape
    CHECK(difference_text(Json::parse("[1]"), answer).rfind(" 应有1项", 0) == 0);  // the whole answer: ""
    // The first in order: a missing key before a later wrong value.
    CHECK(difference_text(Json::parse(R"({"x": 1, "ok": false})"), answer) == "/x 缺少");
}

TEST_CASE("a case file that is not one is told by JSON path, every problem at once", "[cases]") {
    const auto problems = [](const char* text) {
        yibao::Issues issues;
        const auto file = yibao::read_case_file(text, issues);
        CHECK_FALSE(file.has_value());
        std::string out;
        for (const auto& i : issues) out += i.path + " " + std::string(yibao::code_name(i.code)) + ";";
        return out;
    };
    CHECK(problems("[]") == " wrong_type;");
    CHECK(problems(R"({"cases": [)") == " malformed_json;");
    CHECK(problems(R"({"rules": []})") == "/cases missing;");
    CHECK(problems(R"({"cases": []})") == "/cases empty;");
    CHECK(problems(R"({"cases": [{"name": "a", "request": {}}, 3, {"nmae": "b", "request": "{", "expect": {}}],
                      "rules": [1]})") ==
          "/rules/0 wrong_type;/cases/0/expect missing;/cases/1 wrong_type;/cases/2/nmae unknown_field;/cases/2/name missing;");
}

TEST_CASE("a case file reads its rulesets and cases, and a request written as a string is sent as it is", "[cases]") {
    yibao::Issues issues;
    const auto file = yibao::read_case_file(R"({"about": "x", "rules": ["tests/rulesets/a.json"], "cases": [
        {"name": "as text", "proves": "y", "request": "{\"ruleset\": ", "expect": {"ok": false}},
        {"name": "as JSON", "request": {"ruleset": "qingdao-2024"}, "expect": {}}]})", issues);
    REQUIRE(file.has_value());
    CHECK(issues.empty());
    CHECK(file->rules == std::vector<std::string>{"tests/rulesets/a.json"});
    REQUIRE(file->cases.size() == 2);
    CHECK(file->cases[0].request == "{\"ruleset\": ");
    CHECK(file->cases[1].request == R"({"ruleset":"qingdao-2024"})");
}

TEST_CASE("a case file runs against a catalog: each case passed or its first difference", "[cases]") {
    yibao::Issues issues;
    const auto catalog = yibao::builtin_catalog(issues);
    const auto request = R"({"ruleset": "qingdao-2024", "payment_date": "2023-10-10", "members": [{"birth_date": "1980-05-06", "tier": 1}]})";
    const auto file = yibao::read_case_file(std::string(R"({"cases": [{"name": "一档462元", "request": )") + request +
                                                R"(, "expect": {"ok": true, "members": [{"individual_fen": 46200}]}},
        {"name": "wrong", "request": )" + request + R"(, "expect": {"members": [{"individual_fen": 1}]}}]})", issues);
    REQUIRE(file.has_value());
    const auto run = yibao::cases_json(catalog, *file);
    CHECK(run == Json::parse(R"({"ok": true, "passed": 1, "failed": 1, "cases": [
        {"name": "一档462元", "passed": true, "difference": null},
        {"name": "wrong", "passed": false, "difference": {"path": "/members/0/individual_fen", "message": "应为1，实际是46200"}}]})"));
}
