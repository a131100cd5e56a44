// libFuzzer target: any bytes as a ruleset are loaded or rejected with issues, never a crash; a ruleset
// that loads must then estimate a plain household without crashing.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "io/contract.hpp"
#include "rules/ruleset.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    yibao::Issues issues;
    auto ruleset = yibao::load_ruleset_text(std::string_view(reinterpret_cast<const char*>(data), size), issues);
    if (!ruleset) {
        if (issues.empty()) __builtin_trap();  // a rejection must say why
        return 0;
    }
    yibao::Catalog catalog;
    const std::string id = ruleset->id;
    catalog.add(std::move(*ruleset));
    for (const char* member : {R"({"birth_date":"1970-01-01","tier":1})", R"({"birth_date":"2012-05-05","student":"school"})"}) {
        const std::string request = R"({"ruleset":")" + id + R"(","payment_date":"2023-12-01","members":[)" + member + "]}";
        (void)yibao::estimate_json(catalog, request);
    }
    return 0;
}
