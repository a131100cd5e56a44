// The path a family's estimate takes, request to answer text, built -O2 in every engine (wasm/CMakeLists.txt): LTO
// inlines the whole walk (parse, estimate, explain, write) into estimate() here, so this file's level decides its
// speed, and -Oz, the rest of the family page's engine, calls even a string's size() out of line. README, "Figures".
#include "binding.hpp"
#include "io/contract.hpp"

std::string dump(const yibao::Json& document) {
    return document.dump(-1, ' ', false, yibao::Json::error_handler_t::replace);
}

std::string estimate(const std::string& request) { return dump(yibao::estimate_json(loaded_catalog(), request)); }
