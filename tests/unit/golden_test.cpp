// Runs every shared golden case natively; tests/web runs the same files through the WebAssembly build.
#include <catch2/catch.hpp>

#include "rules/builtin.hpp"
#include "io/contract.hpp"
#include "golden.hpp"

#include <map>
#include <set>

TEST_CASE("every golden case gives the expected response", "[golden]") {
    const auto cases = golden::load_cases(YIBAO_SOURCE_DIR "/tests/cases");
    REQUIRE(cases.size() >= 90);
    for (const auto& c : cases) {
        DYNAMIC_SECTION(c.file << ": " << c.c.name) {
            const auto catalog = golden::catalog_with(YIBAO_SOURCE_DIR, c.rules);
            const auto response = yibao::estimate_json(catalog, c.c.request);
            const auto difference = yibao::first_difference(c.c.expect, response);
            INFO((difference ? difference->path + "：" + difference->message : "") << "\nresponse: " << response.dump(2));
            CHECK_FALSE(difference.has_value());
        }
    }
}

namespace {
// Adds "ruleset/rule" for each rule an expectation asserts in an explanation or a note.
void collect_asserted_rules(const std::string& ruleset, const yibao::Json& expect, std::set<std::string>& rules) {
    if (expect.is_object()) {
        for (const char* list : {"explanation", "notes"})
            if (expect.contains(list) && expect[list].is_array())
                for (const auto& step : expect[list])
                    if (step.contains("rule")) rules.insert(ruleset + "/" + step["rule"].get<std::string>());
        for (const auto& item : expect.items()) collect_asserted_rules(ruleset, item.value(), rules);
    } else if (expect.is_array()) {
        for (const auto& item : expect) collect_asserted_rules(ruleset, item, rules);
    }
}
}  // namespace

TEST_CASE("every rule of every ruleset fires in some golden case that asserts it", "[golden][coverage]") {
    std::set<std::string> asserted, fixtures;
    for (const auto& c : golden::load_cases(YIBAO_SOURCE_DIR "/tests/cases")) {
        const auto request = yibao::Json::parse(c.c.request, nullptr, false);
        if (request.is_object() && request.contains("ruleset") && request["ruleset"].is_string())
            collect_asserted_rules(request["ruleset"].get<std::string>(), c.c.expect, asserted);
        fixtures.insert(c.rules.begin(), c.rules.end());
    }
    const auto catalog = golden::catalog_with(YIBAO_SOURCE_DIR, {fixtures.begin(), fixtures.end()});
    for (const auto& r : catalog.all()) {
        std::vector<std::string> ids;
        for (const auto& c : r.categories) ids.push_back(c.id);
        for (const auto& c : r.contributions) ids.push_back(c.id);
        for (const auto& b : r.benefit_rules) ids.push_back(b.id);
        for (const auto& n : r.member_notes) ids.push_back(n.id);
        if (r.waiting_period.applies) {
            const auto& w = r.waiting_period;
            ids.push_back(w.fixed.id);
            for (const auto* part : {&w.variable, &w.repair, &w.floor})
                if (*part) ids.push_back((*part)->id);
            for (const auto& e : w.exempt) ids.push_back(e.id);
        }
        for (const auto& id : ids) {
            INFO(r.id << ": rule “" << id << "” is asserted by no golden case");
            CHECK(asserted.count(r.id + "/" + id));
        }
    }
}


TEST_CASE("every warning of every golden answer says what it concerns, as the code list does", "[golden][codes]") {
    std::map<std::string, std::string> concerns;
    for (const auto& c : yibao::all_codes()) concerns[std::string(c.name)] = std::string(c.concerns);
    // The classes the page groups by (web/app.js): the days without cover, what is not published, the deadline.
    CHECK(concerns["waiting_period"] == "cover");
    CHECK(concerns["no_cover"] == "cover");
    CHECK(concerns["provisional"] == "unpublished");
    CHECK(concerns["unknown_start"] == "unpublished");
    CHECK(concerns["unknown_total"] == "unpublished");
    CHECK(concerns["deadline_missed"] == "deadline");
    CHECK(concerns["tier_assumed"] == "note");
    CHECK(concerns["unknown_waiting_variable"] == "note");  // not among the member's unknown facts: told as a note
    for (const auto& c : yibao::all_codes()) CHECK((c.kind == "error") == (c.concerns == "input"));
    std::set<std::string> seen;
    for (const auto& c : golden::load_cases(YIBAO_SOURCE_DIR "/tests/cases")) {
        const auto response = yibao::estimate_json(golden::catalog_with(YIBAO_SOURCE_DIR, c.rules), c.c.request);
        if (!response["ok"].get<bool>()) continue;
        std::vector<const yibao::Json*> lists{&response["warnings"]};
        for (const auto& m : response["members"]) lists.push_back(&m["warnings"]);
        for (const auto* list : lists)
            for (const auto& w : *list) {
                INFO(c.file << ": " << c.c.name << ": " << w.dump());
                CHECK(w.value("concerns", "") == concerns[w["code"].get<std::string>()]);
                seen.insert(w["code"].get<std::string>());
            }
    }
    for (const char* code : {"waiting_period", "provisional", "deadline_missed", "tier_assumed"}) CHECK(seen.count(code));
}
