// The engine for JavaScript: the same JSON text in and out as the CLI, over embind.
#include <string>

#include <emscripten/bind.h>

#include "builtin.hpp"
#include "contract.hpp"

namespace {

// The built-in rulesets, loaded on first use and kept for every later call.
struct Engine {
    yibao::Issues issues;
    yibao::Catalog catalog = yibao::builtin_catalog(issues);
};

const Engine& engine() {
    static const Engine instance;
    return instance;
}

// A broken built-in ruleset is a build bug; it is reported as the answer to every call rather than aborting.
template <class Make>
std::string answer(Make make) {
    const Engine& loaded = engine();
    const yibao::Json document = loaded.issues.empty() ? make(loaded.catalog) : yibao::errors_json(loaded.issues);
    return document.dump(-1, ' ', false, yibao::Json::error_handler_t::replace);
}

std::string estimate(const std::string& request) {
    return answer([&](const yibao::Catalog& catalog) { return yibao::estimate_json(catalog, request); });
}

std::string rulesets() {
    return answer(yibao::rulesets_json);
}

}  // namespace

EMSCRIPTEN_BINDINGS(yibao) {
    emscripten::function("estimate", &estimate);
    emscripten::function("rulesets", &rulesets);
}
