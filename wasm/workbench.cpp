// The rules workbench's functions, beside the page's (wasm/binding.cpp): the same engine, in a build of its own
// (yibao-workbench.js) so that the citizen's page does not carry them.
#include <optional>
#include <string>
#include <vector>

#include <emscripten/bind.h>

#include "binding.hpp"
#include "io/cases.hpp"
#include "io/contract.hpp"
#include "rules/diff.hpp"
#include "rules/fields.hpp"
#include "rules/merge.hpp"
#include "rules/quotes.hpp"
#include "rules/vocabulary.hpp"

namespace {

// What useRuleset() put in the catalog: its id, and the loaded ruleset it took the place of, so that the next
// call can take it out again without reloading every ruleset.
struct Used {
    std::string id;
    std::optional<yibao::Ruleset> replaced;
    yibao::Json replaced_merged;
};
Used used;

void unuse() {
    yibao::Catalog& catalog = loaded_catalog();
    if (used.replaced) {
        catalog.add(std::move(*used.replaced), std::move(used.replaced_merged));
    } else if (!used.id.empty()) {
        yibao::Catalog rest;
        for (const yibao::Ruleset& r : catalog.all())
            if (r.id != used.id) rest.add(r, catalog.merged(r.id));
        catalog = std::move(rest);
    }
    used = Used();
}

// The page's rulesets as their JSON (a JSON array of ruleset documents, each may name a `base` among them) replace any
// loaded before; the answer is the pages' engines' loadCompactRulesets() one (wasm/binding.cpp).
std::string load_rulesets(const std::string& text) {
    yibao::Catalog& catalog = loaded_catalog();
    yibao::Issues issues;
    const std::vector<yibao::RulesetDocument> documents = yibao::data_documents(text, issues);
    ++catalog_generation;
    used = Used();  // what useRuleset() put in goes with the rest
    catalog = yibao::Catalog();
    catalog.load(documents, issues);
    return dump(yibao::loaded_json(catalog, issues, yibao::document_names(documents)));
}

// The same data in the compact form the pages' engines load, as `yibao compact` answers: {"ok", "rulesets",
// "compact": base64, "errors"?}. The workbench's export puts it in the pages it makes.
std::string compact_rulesets(const std::string& text) { return dump(yibao::compact_json(text)); }

// A rule author's ruleset, as typed: checked beside the loaded rulesets (it may build on one of them) and, when
// it loads, put among them in place of one with its id (until the next call), so estimate() and diffRulesets()
// can use it. The answer: {"ok", "errors": [{path, code, message}] with paths inside the text ("" and line and
// column for a syntax error), "ruleset": its summary, "document": it merged over its base}.
std::string use_ruleset(const std::string& text) {
    yibao::Catalog& catalog = loaded_catalog();
    yibao::Issues issues;
    const auto document = yibao::parse_json(text, issues);
    const yibao::Json* id = document && document->is_object() && document->contains("id") ? &(*document)["id"] : nullptr;
    const std::string name = id && id->is_string() ? id->get<std::string>() : "";
    // The same id as last time is replaced in place; a loaded one it replaces is kept to put back.
    if (name != used.id) {
        unuse();
        if (const yibao::Ruleset* loaded = catalog.find(name)) {
            used.replaced = *loaded;
            used.replaced_merged = catalog.merged(name);
        }
    }
    if (document) catalog.load({{"", *document}}, issues);
    // Its quotes against the texts its sources carry, as `yibao validate` checks them.
    if (document && document->is_object()) {
        const yibao::Ruleset* loaded = issues.empty() ? catalog.find(name) : nullptr;
        yibao::check_quotes(*document, yibao::source_texts(loaded ? catalog.merged(name) : *document, {}), issues);
    }
    yibao::Json answer = yibao::json_object("ok", issues.empty(), "errors", yibao::errors_json(issues)["errors"]);
    if (issues.empty()) {
        used.id = name;
        answer["ruleset"] = yibao::ruleset_summary(*catalog.find(name));
        answer["document"] = catalog.merged(name);
    } else {
        unuse();
    }
    return dump(answer);
}

// A ruleset document (JSON text) laid over its `base` among the loaded rulesets as the engine merges it, even where
// the result would not load: the form shows it while its author is still typing. A document without a loaded base
// comes back as it is; text that is no JSON object, as null.
std::string merge_over_base(const std::string& text) {
    yibao::Issues issues;
    const auto document = yibao::parse_json(text, issues);
    if (!document || !document->is_object()) return "null";
    const auto base = document->find("base");
    if (base == document->end() || !base->is_string()) return dump(*document);
    const yibao::Json& merged = loaded_catalog().merged(base->get<std::string>());
    if (merged.is_null()) return dump(*document);
    return dump(yibao::merge_base(merged, *document, issues));
}

// What a ruleset over a base writes at one of its keys so that the merge gives the value wanted (the key, then both
// JSON texts, the base's value null where there is none): the patch, the value whole, or null for nothing.
std::string key_patch(const std::string& key, const std::string& base, const std::string& wanted) {
    yibao::Issues issues;
    const auto from = yibao::parse_json(base, issues);
    const auto to = yibao::parse_json(wanted, issues);
    return from && to ? dump(yibao::key_patch(key, *from, *to)) : "null";
}

// A case file's text run against the loaded rulesets and the one in use (the file's own "rules" are not read):
// as `yibao cases` answers, {"ok", "passed", "failed", "cases"} or {"ok": false, "errors"} by JSON path.
std::string run_cases(const std::string& text) {
    yibao::Issues issues;
    const auto file = yibao::read_case_file(text, issues);
    return dump(file ? yibao::cases_json(loaded_catalog(), *file) : yibao::errors_json(issues));
}

// What changed from ruleset OLD to NEW, as `yibao diff` prints it: {"ok", "lines"} or {"ok": false, "errors"}.
std::string diff_rulesets(const std::string& old_id, const std::string& new_id) {
    const yibao::Catalog& catalog = loaded_catalog();
    yibao::Issues issues;
    for (const std::string* id : {&old_id, &new_id})
        if (!catalog.find(*id)) issues.push_back(yibao::unknown_ruleset(catalog, "", *id));
    if (!issues.empty()) return dump(yibao::errors_json(issues));
    return dump(yibao::json_object("ok", true, "lines", yibao::diff_rulesets(catalog.merged(old_id), catalog.merged(new_id))));
}

// The ruleset's shape as the field table describes it, and the vocabulary's keywords, with the workbench's words
// for both, for the workbench's forms: {"objects", "fields", "vocabulary"} as `yibao vocabulary` prints them.
std::string field_table() {
    yibao::Json table = yibao::field_table_json();
    table["vocabulary"] = yibao::vocabulary_json();
    return dump(table);
}

}  // namespace

EMSCRIPTEN_BINDINGS(yibao_workbench) {
    emscripten::function("loadRulesets", &load_rulesets);
    emscripten::function("compactRulesets", &compact_rulesets);
    emscripten::function("useRuleset", &use_ruleset);
    emscripten::function("diffRulesets", &diff_rulesets);
    emscripten::function("mergeOverBase", &merge_over_base);
    emscripten::function("fieldTable", &field_table);
    emscripten::function("keyPatch", &key_patch);
    emscripten::function("runCases", &run_cases);
}
