// libFuzzer target: objects and arrays nested to any depth, up to 200,000 levels (60,000 overflowed the stack
// before the limit), built from a few input bytes, as a ruleset and as a request. Nesting up to max_json_depth
// is read; deeper is refused as too_deep, never a crash.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/json_reader.hpp"
#include "io/contract.hpp"
#include "rules/builtin.hpp"
#include "rules/ruleset.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const yibao::Catalog builtins = [] {
        yibao::Issues issues;
        return yibao::builtin_catalog(issues);
    }();
    if (size == 0) return 0;
    // The first byte picks where the nesting sits; each byte after opens a run of levels: bit 0 an object or an
    // array, the other bits how many (1 to 128).
    struct Around {
        std::string_view before, after;
        std::size_t depth;  // the levels it adds
    };
    constexpr Around kAround[] = {
        {"", "", 0},
        {R"({"ruleset":"qingdao-2024","payment_date":"2024-02-15","members":[{"birth_date":"1958-04-02","id":)", "}]}", 3},
        {R"({"id":"deep-2024","base":"qingdao-2024","year":2024,"title":)", "}", 1},
    };
    const Around& around = kAround[data[0] % 3];
    std::string open(around.before), close;
    std::size_t depth = around.depth;
    for (std::size_t i = 1; i < size && depth < 200000; ++i) {
        const std::size_t run = (data[i] >> 1) + 1;
        for (std::size_t level = 0; level < run; ++level) {
            open += data[i] & 1 ? R"({"k":)" : "[";
            close += data[i] & 1 ? '}' : ']';
        }
        depth += run;
    }
    const std::string text = open + "0" + std::string(close.rbegin(), close.rend()) + std::string(around.after);

    yibao::Issues issues;
    const auto document = yibao::parse_json(text, issues);
    const bool too_deep = depth > yibao::max_json_depth;
    if (document.has_value() == too_deep) __builtin_trap();
    if (too_deep && (issues.size() != 1 || issues[0].code != yibao::Code::too_deep)) __builtin_trap();
    if (document) (void)document->dump();

    const auto response = yibao::estimate_json(builtins, text);
    if (!response.contains("ok")) __builtin_trap();
    yibao::Catalog catalog = builtins;
    issues.clear();
    catalog.load_texts({{"fuzz#", text}}, issues);
    return 0;
}
