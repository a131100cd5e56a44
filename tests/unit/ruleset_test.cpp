#include <catch2/catch.hpp>

#include "rules/builtin.hpp"
#include "golden.hpp"
#include "rules/ruleset.hpp"

namespace {
yibao::Json ruleset_file(const std::string& id) {
    return yibao::Json::parse(golden::read_file(YIBAO_SOURCE_DIR "/rules/" + id + ".json"));
}

// Calls `visit` with the basis of every rule in the ruleset.
template <typename Visit>
void for_each_basis(const yibao::Ruleset& r, Visit visit) {
    for (const auto& c : r.categories) visit(c.explain.basis);
    for (const auto& c : r.contributions) visit(c.explain.basis);
    for (const auto& b : r.benefit_rules) visit(b.explain.basis);
    for (const auto& c : r.registration) visit(c.basis);
    for (const auto& c : r.payment) visit(c.basis);
    visit(r.collection.basis);
    visit(r.deadline.basis);
}
}  // namespace

TEST_CASE("the built-in rulesets load without issues", "[ruleset]") {
    yibao::Issues issues;
    const auto catalog = yibao::builtin_catalog(issues);
    for (const auto& issue : issues) INFO(issue.path << ": " << issue.message);
    REQUIRE(issues.empty());
    REQUIRE(catalog.find("qingdao-2024"));
    REQUIRE(catalog.find("shenyang-2024"));
    CHECK_FALSE(catalog.find("beijing-2024"));
}

TEST_CASE("every rule quotes a declared source", "[ruleset][provenance]") {
    yibao::Issues issues;
    const auto catalog = yibao::builtin_catalog(issues);
    for (const auto& r : catalog.all()) {
        for_each_basis(r, [&](const std::vector<yibao::Basis>& basis) {
            REQUIRE_FALSE(basis.empty());
            for (const auto& b : basis) {
                CHECK(r.source(b.source));
                CHECK_FALSE(b.quote.empty());
            }
        });
    }
}

TEST_CASE("level-A quotes appear word for word in the primary sources", "[ruleset][provenance]") {
    yibao::Issues issues;
    const auto catalog = yibao::builtin_catalog(issues);
    for (const auto& r : catalog.all()) {
        for (const auto& source : r.sources) {
            if (source.level != "A") continue;
            // The sources break lines mid-sentence; quotes are matched with line breaks removed.
            std::string joined;
            for (char ch : golden::read_file(YIBAO_SOURCE_DIR "/rules/sources/" + source.id + ".txt"))
                if (ch != '\n') joined += ch;
            for_each_basis(r, [&](const std::vector<yibao::Basis>& basis) {
                for (const auto& b : basis) {
                    if (b.source != source.id) continue;
                    // An ellipsis in a quote stands for left-out words: each piece must appear.
                    size_t from = 0;
                    const std::string ellipsis = "…";
                    for (size_t cut; from <= b.quote.size(); from = cut + ellipsis.size()) {
                        cut = b.quote.find(ellipsis, from);
                        if (cut == std::string::npos) cut = b.quote.size();
                        const std::string piece = b.quote.substr(from, cut - from);
                        INFO(r.id << " quotes “" << piece << "”");
                        CHECK(joined.find(piece) != std::string::npos);
                    }
                }
            });
        }
    }
}

TEST_CASE("a broken ruleset reports each problem at its JSON path", "[ruleset][errors]") {
    const auto document = yibao::Json::parse(golden::read_file(YIBAO_SOURCE_DIR "/tests/rulesets/broken.json"));
    REQUIRE(document.at("cases").size() >= 20);
    for (const auto& c : document.at("cases")) {
        DYNAMIC_SECTION(c.at("name").get<std::string>()) {
            const auto broken = ruleset_file(c.at("base").get<std::string>()).patch(c.at("patch"));
            yibao::Issues issues;
            CHECK_FALSE(yibao::load_ruleset(broken, issues));
            yibao::Json got = yibao::Json::array();
            for (const auto& issue : issues) got.push_back({{"path", issue.path}, {"code", yibao::code_name(issue.code)}});
            std::string why;
            const bool ok = golden::matches(c.at("errors"), got, "", why);
            INFO(why);
            CHECK(ok);
        }
    }
}

TEST_CASE("a ruleset that is not JSON says where it breaks", "[ruleset][errors]") {
    yibao::Issues issues;
    CHECK_FALSE(yibao::load_ruleset_text("{\"id\": \"x\",\n \"year\": }", issues));
    REQUIRE(issues.size() == 1);
    CHECK(issues[0].code == yibao::Code::malformed_json);
    CHECK(issues[0].message.find("line 2") != std::string::npos);
}

TEST_CASE("a ruleset that is not an object is one clear error", "[ruleset][errors]") {
    yibao::Issues issues;
    CHECK_FALSE(yibao::load_ruleset_text("[]", issues));
    REQUIRE(issues.size() == 1);
    CHECK(issues[0].path.empty());
    CHECK(issues[0].code == yibao::Code::wrong_type);
}

TEST_CASE("a catalog lets a local file replace a built-in ruleset", "[ruleset]") {
    yibao::Issues issues;
    auto catalog = yibao::builtin_catalog(issues);
    auto edited = ruleset_file("shenyang-2024");
    edited["title"] = "edited";
    auto ruleset = yibao::load_ruleset(edited, issues);
    REQUIRE(ruleset);
    const size_t before = catalog.all().size();
    catalog.add(std::move(*ruleset));
    CHECK(catalog.all().size() == before);
    CHECK(catalog.find("shenyang-2024")->title == "edited");
}
