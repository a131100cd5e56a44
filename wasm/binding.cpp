// The engine for JavaScript: the same JSON text in and out as the CLI, over embind.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <emscripten/bind.h>

#include "binding.hpp"
#include "io/contract.hpp"
#include "io/roster.hpp"

// The rulesets the page gave with loadRulesets(), kept for every later call (and shared with the workbench's
// functions, wasm/workbench.cpp).
yibao::Catalog& loaded_catalog() {
    static yibao::Catalog catalog;
    return catalog;
}

std::string dump(const yibao::Json& document) {
    return document.dump(-1, ' ', false, yibao::Json::error_handler_t::replace);
}

namespace {

yibao::Catalog& catalog = loaded_catalog();

std::string estimate(const std::string& request) { return dump(yibao::estimate_json(catalog, request)); }

std::string rulesets() { return dump(yibao::rulesets_json(catalog)); }

// One ruleset as `yibao rulesets` lists it; the page asks for it once it needs more than the index.
std::string ruleset(const std::string& id) {
    const yibao::Ruleset* r = catalog.find(id);
    if (!r) return dump(yibao::errors_json({yibao::unknown_ruleset(catalog, "", id)}));
    yibao::Json answer = {{"ok", true}, {"ruleset", yibao::ruleset_summary(*r)}};
    return dump(answer);
}

// `yibao batch` for the page: already decoded text in, chunk by chunk, the output CSV out as it completes, and
// what the page shows before the download.
class Roster {
public:
    static constexpr size_t kPreviewRows = 50;

    Roster(const yibao::Ruleset& ruleset, const yibao::RosterOptions& options) : run_(ruleset, options) {}

    std::string_view feed(const std::string& text) {
        return step([&] { run_.feed(text, out_); });
    }

    std::string_view finish() {
        return step([&] { run_.finish(out_); });
    }

    std::string summary() const { return dump(yibao::roster_summary_json(run_.summary())); }

    // The output's header, the column of names (-1 for none), its first estimated rows, and the name in each
    // failed row. Failed rows come in the order of summary().errors, one entry each, so the page pairs them.
    std::string preview() const {
        yibao::Json failed_names = yibao::Json::array();
        for (const yibao::RowErrors& e : run_.summary().errors) failed_names.push_back(e.name);
        return dump({{"header", header_}, {"name_column", name_column_}, {"rows", rows_},
                     {"failed_names", std::move(failed_names)}});
    }

private:
    template <class Run>
    std::string_view step(Run run) {
        out_.clear();
        run();
        // Reading the output back costs time, so only while it can still add to the preview.
        if (rows_.size() < kPreviewRows) look(out_);
        return out_;
    }

    // Output chunks end with whole records, so chunks skipped here leave the reader between records.
    void look(std::string_view out) {
        echo_.feed(out);
        while (const yibao::CsvRecord* record = echo_.next()) {
            if (header_.empty()) {
                yibao::RowProblems ignored;
                if (auto layout = yibao::read_roster_header(*record, ignored))
                    name_column_ = layout->column[static_cast<size_t>(yibao::RosterField::id)];
                for (size_t i = 0; i < record->size(); ++i) header_.emplace_back((*record)[i]);
                continue;
            }
            // A row without a category failed: the summary has its name.
            if (!(*record)[header_.size() - run_.added_columns()].empty() && rows_.size() < kPreviewRows) {
                auto& cells = rows_.emplace_back();
                for (size_t i = 0; i < record->size(); ++i) cells.emplace_back((*record)[i]);
            }
        }
    }

    yibao::RosterRun run_;
    std::string out_;
    yibao::CsvReader echo_;  // reads the output back for the preview
    std::vector<std::string> header_;
    int name_column_ = -1;
    std::vector<std::vector<std::string>> rows_;
};

// One roster at a time, behind plain functions: an embind class would add 3.6 KB of gzipped glue to the page.
std::optional<Roster> roster;

// The page's rulesets (a JSON array of ruleset documents, each may name a `base` among them) replace any
// loaded before. The answer lists the index of each (README, "rulesets") and, when some did not load, "errors"
// with the JSON path of each problem inside the array ("/1/contributions/0/individual_fen"); "ok" is false
// then, but the rulesets that did load are listed and usable.
std::string load_rulesets(const std::string& text) {
    yibao::Issues issues;
    std::vector<yibao::RulesetDocument> documents;
    if (const auto array = yibao::parse_json(text, issues)) {
        if (!array->is_array())
            issues.push_back({"", yibao::Code::wrong_type, "规则集数据应为数组（JSON array）"});
        else
            for (size_t i = 0; i < array->size(); ++i) documents.push_back({yibao::pointer_join("", i), (*array)[i]});
    }
    roster.reset();  // it refers to a ruleset of the catalog replaced here
    catalog = yibao::Catalog();
    catalog.load(documents, issues);
    // Only the index: a ruleset's fee table, channels and sources come with ruleset(), when the page shows them.
    yibao::Json index = yibao::Json::array();
    for (const yibao::Ruleset& r : catalog.all()) index.push_back(yibao::ruleset_index(r));
    yibao::Json answer = {{"ok", true}, {"rulesets", std::move(index)}};
    if (!issues.empty()) {
        answer["ok"] = false;
        answer["errors"] = yibao::errors_json(issues)["errors"];
    }
    return dump(answer);
}

// Starts a run, ending any before it. "" when started, else the errors JSON (an unknown ruleset, a bad date).
// `payment_date` ("" for none) is for rows whose 缴费日期 is empty; it takes the forms a cell may hold.
std::string roster_start(const std::string& ruleset_id, const std::string& payment_date, bool bom) {
    roster.reset();
    yibao::Issues issues;
    const yibao::Ruleset* ruleset = catalog.find(ruleset_id);
    if (!ruleset) issues.push_back(yibao::unknown_ruleset(catalog, "/ruleset", ruleset_id));
    std::optional<yibao::Date> payment;
    if (!payment_date.empty() && !(payment = yibao::parse_roster_date(payment_date)))
        issues.push_back({"/payment_date", yibao::Code::invalid_date,
                          "“" + payment_date + "”不是有效日期，请按“年-月-日”填写，例如 2024-02-15"});
    if (!issues.empty()) return dump(yibao::errors_json(issues));
    roster.emplace(*ruleset, yibao::RosterOptions{payment, bom});
    return "";
}

// The output as UTF-8 bytes: a view into the engine's memory, valid until the next call, so JavaScript copies it.
// Not a std::string: embind turns that into a JS string through a TextDecoder, which drops a leading BOM.
emscripten::val bytes(std::string_view text) {
    const auto* data = reinterpret_cast<const unsigned char*>(text.data());
    return emscripten::val(emscripten::typed_memory_view(text.size(), data));
}

// Without a started run these answer nothing ("" or no bytes).
emscripten::val roster_feed(const std::string& text) { return bytes(roster ? roster->feed(text) : ""); }
emscripten::val roster_finish() { return bytes(roster ? roster->finish() : ""); }
std::string roster_summary() { return roster ? roster->summary() : ""; }
std::string roster_preview() { return roster ? roster->preview() : ""; }

}  // namespace

EMSCRIPTEN_BINDINGS(yibao) {
    emscripten::function("loadRulesets", &load_rulesets);
    emscripten::function("estimate", &estimate);
    emscripten::function("rulesets", &rulesets);
    emscripten::function("ruleset", &ruleset);
    emscripten::function("rosterStart", &roster_start);
    emscripten::function("rosterFeed", &roster_feed);
    emscripten::function("rosterFinish", &roster_finish);
    emscripten::function("rosterSummary", &roster_summary);
    emscripten::function("rosterPreview", &roster_preview);
}
