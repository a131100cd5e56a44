// libFuzzer target: any bytes as an estimate request must give {"ok": ...}, never a crash or an abort.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "rules/builtin.hpp"
#include "io/contract.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const yibao::Catalog catalog = [] {
        yibao::Issues issues;
        return yibao::builtin_catalog(issues);
    }();
    const auto response = yibao::estimate_json(catalog, std::string_view(reinterpret_cast<const char*>(data), size));
    if (!response.contains("ok")) __builtin_trap();
    // Invalid UTF-8 in the input may reach error messages; replacing it keeps the output valid JSON.
    (void)response.dump(-1, ' ', false, yibao::Json::error_handler_t::replace);
    return 0;
}
