// libFuzzer target: any bytes as a roster, fed in uneven chunks, must stream through without a crash, and
// splitting the input differently must not change the output.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "rules/builtin.hpp"
#include "io/roster.hpp"

namespace {

std::string run(const yibao::Ruleset& ruleset, std::string_view text, size_t chunk) {
    yibao::RosterOptions options;
    options.payment_date = yibao::Date{2023, 11, 1};
    yibao::RosterRun roster(ruleset, options);
    std::string out;
    for (size_t at = 0; at < text.size(); at += chunk) roster.feed(text.substr(at, chunk), out);
    roster.finish(out);
    return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const yibao::Catalog catalog = [] {
        yibao::Issues issues;
        return yibao::builtin_catalog(issues);
    }();
    if (size == 0) return 0;
    // The first byte picks the ruleset and the chunk size, so both vary with the input.
    const yibao::Ruleset& ruleset = catalog.all()[data[0] % catalog.all().size()];
    const std::string_view text(reinterpret_cast<const char*>(data + 1), size - 1);
    const size_t chunk = 1 + data[0] % 7;
    if (run(ruleset, text, chunk) != run(ruleset, text, text.size() + 1)) __builtin_trap();
    return 0;
}
