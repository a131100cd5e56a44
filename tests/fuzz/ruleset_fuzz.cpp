// libFuzzer target: any bytes as a ruleset are loaded or rejected with issues, never a crash — on their own and
// beside the built-in rulesets, where they may name one as their base or carry its values as provisional. A
// ruleset that loads must then estimate a plain household without crashing.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "io/contract.hpp"
#include "rules/builtin.hpp"
#include "rules/ruleset.hpp"
#include "core/json_reader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const yibao::Catalog builtins = [] {
        yibao::Issues issues;
        return yibao::builtin_catalog(issues);
    }();
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    yibao::Issues issues;
    yibao::Catalog catalog = builtins;
    catalog.load_texts({{"fuzz#", text}}, issues);
    if (!issues.empty()) return 0;  // refused, and said why
    // Accepted without a word: it must be loaded, under its own id.
    const auto document = yibao::parse_json(text, issues);
    const yibao::Ruleset* r = document ? catalog.find((*document)["id"].get<std::string>()) : nullptr;
    if (!r) __builtin_trap();
    // Paid on the day its collection opens (where the ruleset says when).
    const std::string paid = r->payable_from.value.iso();
    for (const char* member : {R"({"birth_date":"1970-01-01","tier":1})", R"({"birth_date":"2012-05-05","student":"school"})",
                               R"({"birth_date":"1980-01-01","history":"lapsed","lapsed_years":5,"repaired_years":2})"}) {
        const std::string request = R"({"ruleset":")" + r->id + R"(","payment_date":")" + paid + R"(","members":[)" + member + "]}";
        (void)yibao::estimate_json(catalog, request);
    }
    return 0;
}
