// The engine for JavaScript: the same JSON text in and out as the CLI, over embind. The roster run for the staff page
// (批量测算) is wasm/roster_binding.cpp, linked only into that page's engine.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <emscripten/bind.h>

#include "binding.hpp"
#include "io/contract.hpp"

// The rulesets the page gave with loadRulesets(), kept for every later call (and shared with the workbench's
// functions, wasm/workbench.cpp).
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

// The page's rulesets (a JSON array of ruleset documents, each may name a `base` among them) replace any
// loaded before. The answer lists the index of each (README, "rulesets"), the short label of each history an index's
// `histories` may name ("histories": {"continuous": "连续参保", …}) and, when some did not load, "errors"
// with the JSON path of each problem inside the array ("/1/contributions/0/individual_fen"); "ok" is false
// then, but the rulesets that did load are listed and usable.
std::string load_rulesets(const std::string& text) {
    yibao::Issues issues;
    const std::vector<yibao::RulesetDocument> documents = yibao::data_documents(text, issues);
    ++catalog_generation;  // a roster under way refers to a ruleset of the catalog replaced here
    catalog = yibao::Catalog();
    catalog.load(documents, issues);
    // Only the index: a ruleset's fee table, channels and sources come with ruleset(), when the page shows them.
    yibao::Json index = yibao::Json::array();
    for (const yibao::Ruleset& r : catalog.all()) index.push_back(yibao::ruleset_index(r));
    yibao::Json answer = yibao::json_object("ok", true, "rulesets", std::move(index), "histories",
                                            yibao::history_words_json(&yibao::HistoryWords::short_label));
    if (!issues.empty()) {
        answer["ok"] = false;
        answer["errors"] = yibao::errors_json(issues)["errors"];
    }
    return dump(answer);
}

}  // namespace

EMSCRIPTEN_BINDINGS(yibao) {
    emscripten::function("loadRulesets", &load_rulesets);
    emscripten::function("estimate", &estimate);
    emscripten::function("rulesets", &rulesets);
    emscripten::function("ruleset", &ruleset);
    emscripten::function("readDate", &read_date);
    emscripten::function("yearsFor", &years_for);
}
