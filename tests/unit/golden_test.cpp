// Runs every shared golden case natively; tests/web runs the same files through the WebAssembly build.
#include <catch2/catch.hpp>

#include "rules/builtin.hpp"
#include "io/contract.hpp"
#include "golden.hpp"

TEST_CASE("every golden case gives the expected response", "[golden]") {
    yibao::Issues issues;
    const yibao::Catalog catalog = yibao::builtin_catalog(issues);
    REQUIRE(issues.empty());
    const auto cases = golden::load_cases(YIBAO_SOURCE_DIR "/tests/cases");
    REQUIRE(cases.size() >= 90);
    for (const auto& c : cases) {
        DYNAMIC_SECTION(c.file << ": " << c.name) {
            const auto response = yibao::estimate_json(catalog, c.request_text);
            std::string why;
            const bool ok = golden::matches(c.expect, response, "", why);
            INFO(why << "\nresponse: " << response.dump(2));
            CHECK(ok);
        }
    }
}
