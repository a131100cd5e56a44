// Runs every shared golden case natively; tests/web runs the same files through the WebAssembly build.
#include <catch2/catch.hpp>

#include "rules/builtin.hpp"
#include "io/contract.hpp"
#include "golden.hpp"

#include <set>

TEST_CASE("every golden case gives the expected response", "[golden]") {
    const auto cases = golden::load_cases(YIBAO_SOURCE_DIR "/tests/cases");
    REQUIRE(cases.size() >= 90);
    for (const auto& c : cases) {
        DYNAMIC_SECTION(c.file << ": " << c.name) {
            const auto catalog = golden::catalog_with(YIBAO_SOURCE_DIR, c.rules);
            const auto response = yibao::estimate_json(catalog, c.request_text);
            std::string why;
            const bool ok = golden::matches(c.expect, response, "", why);
            INFO(why << "\nresponse: " << response.dump(2));
            CHECK(ok);
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
        const auto request = yibao::Json::parse(c.request_text, nullptr, false);
        if (request.is_object() && request.contains("ruleset") && request["ruleset"].is_string())
            collect_asserted_rules(request["ruleset"].get<std::string>(), c.expect, asserted);
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

namespace {
// A basis list as an inline answer spells it: each source's level and title from the listing's sources.
nlohmann::json spelled_basis(const nlohmann::json& basis, const nlohmann::json& listing) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& b : basis) {
        nlohmann::json source;
        for (const auto& s : listing["sources"])
            if (s["id"] == b["source"]) source = s;
        out.push_back({{"source", b["source"]}, {"quote", b["quote"]}, {"level", source.value("level", "")},
                       {"source_title", source.value("title", "")}});
    }
    return out;
}

// An explained text (a step or a note) as an inline answer spells it.
void spell_explained(nlohmann::json& item, const nlohmann::json& listing) {
    item["basis"] = spelled_basis(item["basis"], listing);
    const nlohmann::json first = item["basis"].front();
    for (const char* key : {"source", "quote", "level", "source_title"}) item[key] = first[key];
    for (const auto& b : item["basis"])
        if (b["level"] == "B") item["note"] = listing["unconfirmed_note"];
}

// What a reader holding the listing makes of a by-id answer: the inline answer, if by_id leaves nothing out.
nlohmann::json spelled_out(nlohmann::json answer, const nlohmann::json& listing) {
    answer["ruleset"] = {{"id", listing["id"]}, {"region", listing["region"]}, {"year", listing["year"]},
                         {"title", listing["title"]}, {"benefit_year", listing["benefit_year"]},
                         {"collection", listing["collection"]}, {"sources", listing["sources"]}};
    nlohmann::json deadline = listing["continuity_deadline"];
    deadline["met"] = answer["deadline"]["met"];
    answer["deadline"] = deadline;
    nlohmann::json registration = nlohmann::json::array();
    for (const auto& id : answer["registration_ids"])
        for (const auto& channel : listing["registration"])
            if (channel["id"] == id) registration.push_back(channel);
    answer.erase("registration_ids");
    answer["registration"] = registration;
    for (const char* key : {"payment_channels", "contacts", "websites"}) answer[key] = listing[key];
    for (auto& m : answer["members"]) {
        for (auto& step : m["explanation"]) spell_explained(step, listing);
        for (auto& note : m["notes"]) spell_explained(note, listing);
        if (m["cases"].is_object())
            for (const char* c : {"in_window", "after_window"})
                for (auto& step : m["cases"][c]["explanation"]) spell_explained(step, listing);
    }
    return answer;
}
}  // namespace

TEST_CASE("an answer by id, with the rulesets listing, says all that the inline answer says", "[golden][texts]") {
    size_t answered = 0, sizes[2] = {0, 0};  // inline, by id
    for (const auto& c : golden::load_cases(YIBAO_SOURCE_DIR "/tests/cases")) {
        auto request = yibao::Json::parse(c.request_text, nullptr, false);
        if (!request.is_object() || request.contains("texts")) continue;
        const auto catalog = golden::catalog_with(YIBAO_SOURCE_DIR, c.rules);
        const auto spelled = nlohmann::json::parse(yibao::estimate_json(catalog, request.dump()).dump());
        request["texts"] = "by_id";
        const auto by_id = nlohmann::json::parse(yibao::estimate_json(catalog, request.dump()).dump());
        INFO(c.file << ": " << c.name);
        if (!spelled["ok"].get<bool>()) {
            CHECK(by_id == spelled);  // errors are the same either way
            continue;
        }
        ++answered;
        const auto listing = nlohmann::json::parse(yibao::ruleset_summary(*catalog.find(by_id["ruleset"]["id"])).dump());
        sizes[0] += spelled.dump().size();
        sizes[1] += by_id.dump().size();
        CHECK(spelled_out(by_id, listing) == spelled);
    }
    CHECK(answered >= 150);
    INFO("inline " << sizes[0] << " bytes, by id " << sizes[1]);
    CHECK(sizes[1] * 2 <= sizes[0]);
}
