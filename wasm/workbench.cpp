// The rules workbench's functions, beside the page's (wasm/binding.cpp): the same engine, in a build of its own
// (yibao-workbench.js) so that the citizen's page does not carry them.
#include <string>

#include <emscripten/bind.h>

#include "io/contract.hpp"
#include "loaded.hpp"
#include "rules/diff.hpp"

namespace {

std::string dump(const yibao::Json& document) {
    return document.dump(-1, ' ', false, yibao::Json::error_handler_t::replace);
}

// A rule author's ruleset, as typed: checked beside the loaded rulesets (it may build on one of them) and, when
// it loads, put among them in place of one with its id, so estimate() and diffRulesets() can use it. The answer:
// {"ok", "errors": [{path, code, message}] with paths inside the text ("" and line and column for a syntax
// error), "ruleset": its summary, "document": it merged over its base}.
std::string use_ruleset(const std::string& text) {
    yibao::Issues issues;
    loaded_catalog().load_texts({{"", text}}, issues);
    yibao::Json answer = {{"ok", issues.empty()}, {"errors", yibao::errors_json(issues)["errors"]}};
    if (issues.empty()) {
        const auto document = yibao::parse_json(text, issues);
        const std::string id = (*document)["id"].get<std::string>();
        answer["ruleset"] = yibao::ruleset_summary(*loaded_catalog().find(id));
        answer["document"] = loaded_catalog().merged(id);
    }
    return dump(answer);
}

// What changed from ruleset OLD to NEW, as `yibao diff` prints it: {"ok", "lines"} or {"ok": false, "errors"}.
std::string diff_rulesets(const std::string& old_id, const std::string& new_id) {
    const yibao::Catalog& catalog = loaded_catalog();
    yibao::Issues issues;
    for (const std::string* id : {&old_id, &new_id})
        if (!catalog.find(*id)) issues.push_back(yibao::unknown_ruleset(catalog, "", *id));
    if (!issues.empty()) return dump(yibao::errors_json(issues));
    return dump({{"ok", true}, {"lines", yibao::diff_rulesets(catalog.merged(old_id), catalog.merged(new_id))}});
}

}  // namespace

EMSCRIPTEN_BINDINGS(yibao_workbench) {
    emscripten::function("useRuleset", &use_ruleset);
    emscripten::function("diffRulesets", &diff_rulesets);
}
