// The engine for JavaScript: the same JSON text in and out as the CLI, over embind. The roster run for the staff page
// (批量测算) is wasm/roster_binding.cpp, linked only into that page's engine.
#include <optional>
#include <string>

#include <emscripten/bind.h>

#include "binding.hpp"
#include "io/contract.hpp"

// The rulesets the page gave with loadCompactRulesets() (the workbench: loadRulesets()), kept for every later call
// (and shared with the workbench's functions, wasm/workbench.cpp).
yibao::Catalog& loaded_catalog() {
    static yibao::Catalog catalog;
    return catalog;
}

unsigned catalog_generation = 0;

namespace {

yibao::Catalog& catalog = loaded_catalog();

// A date as typed in the form, as the engine reads it (Date::typed_iso): "YYYY-MM-DD", or the text trimmed.
std::string read_date(const std::string& typed) { return yibao::Date::typed_iso(typed); }

std::string years_for(const std::string& region, const std::string& typed_date) {
    return dump(yibao::years_json(catalog, region, typed_date));
}

std::string rulesets() { return dump(yibao::rulesets_json(catalog)); }

// One ruleset as `yibao rulesets` lists it; the page asks for it once it needs more than the index.
std::string ruleset(const std::string& id) {
    const yibao::Ruleset* r = catalog.find(id);
    if (!r) return dump(yibao::errors_json({yibao::unknown_ruleset(catalog, "", id)}));
    yibao::Json answer = yibao::json_object("ok", true, "ruleset", yibao::ruleset_summary(*r));
    return dump(answer);
}

// The page's rulesets in the compact form (rules/compact.hpp, made when the page was made: `yibao compact`) replace
// any loaded before; JavaScript passes the bytes as a Uint8Array, which embind copies as they are. The answer
// lists the index of each (README, "rulesets"), the short label of each history an index's `histories` may name
// ({"continuous": "连续参保", …}) and, when some did not load, "errors" with the JSON path of each problem inside the
// page's data ("/1/contributions/0/individual_fen") and "documents" to name them by; "ok" is false then, but the
// rulesets that did load are listed and usable. Bytes that are not the form, or are damaged, load nothing.
std::string load_compact_rulesets(const std::string& bytes) {
    ++catalog_generation;  // a roster under way refers to a ruleset of the catalog replaced here
    catalog = yibao::Catalog();
    std::optional<yibao::CompactRulesets> data = yibao::read_compact(bytes);
    if (!data) {
        return dump(yibao::loaded_json(catalog, {{"", yibao::Code::damaged_rulesets,
                                                  "已损坏，或与本页测算程序的版本不符"}}, {}));
    }
    for (yibao::Ruleset& r : data->rulesets) catalog.add(std::move(r));
    return dump(yibao::loaded_json(catalog, data->issues, data->documents));
}

}  // namespace

EMSCRIPTEN_BINDINGS(yibao) {
    emscripten::function("loadCompactRulesets", &load_compact_rulesets);
    emscripten::function("estimate", &estimate);
    emscripten::function("rulesets", &rulesets);
    emscripten::function("ruleset", &ruleset);
    emscripten::function("readDate", &read_date);
    emscripten::function("yearsFor", &years_for);
}
