// The engine for JavaScript: the same JSON text in and out as the CLI, over embind.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <emscripten/bind.h>

#include "builtin.hpp"
#include "contract.hpp"
#include "roster.hpp"

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

std::string dump(const yibao::Json& document) {
    return document.dump(-1, ' ', false, yibao::Json::error_handler_t::replace);
}

// A broken built-in ruleset is a build bug; it is reported as the answer to every call rather than aborting.
template <class Make>
std::string answer(Make make) {
    const Engine& loaded = engine();
    return dump(loaded.issues.empty() ? make(loaded.catalog) : yibao::errors_json(loaded.issues));
}

std::string estimate(const std::string& request) {
    return answer([&](const yibao::Catalog& catalog) { return yibao::estimate_json(catalog, request); });
}

std::string rulesets() {
    return answer(yibao::rulesets_json);
}

// `yibao batch` for the page: already decoded text in, chunk by chunk, the output CSV out as it completes, and
// what the page shows before the download.
class Roster {
public:
    static constexpr size_t kPreviewRows = 50;
    static constexpr size_t kAddedColumns = 6;  // 类别 … 提示, which RosterRun appends to every row

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
        return dump({{"header", header_}, {"name_column", name_column_}, {"rows", rows_},
                     {"failed_names", failed_names_}});
    }

private:
    template <class Run>
    std::string_view step(Run run) {
        out_.clear();
        const long failed = run_.summary().rows_failed;
        run();
        // Reading the output back costs time, so only while it can still add to the preview.
        const bool more_failed =
            run_.summary().rows_failed > failed && failed_names_.size() < yibao::RosterSummary::kErrorsKept;
        if (rows_.size() < kPreviewRows || more_failed) look(out_);
        return out_;
    }

    // Output chunks end with whole records, so chunks skipped here leave the reader between records.
    void look(std::string_view out) {
        echo_.feed(out);
        while (const yibao::CsvRecord* record = echo_.next()) {
            if (header_.empty()) {
                std::vector<std::string> ignored;
                if (auto layout = yibao::read_roster_header(*record, ignored))
                    name_column_ = layout->column[static_cast<size_t>(yibao::RosterField::id)];
                for (size_t i = 0; i < record->size(); ++i) header_.emplace_back((*record)[i]);
                continue;
            }
            if ((*record)[header_.size() - kAddedColumns].empty()) {  // no category: the row failed
                if (failed_names_.size() < yibao::RosterSummary::kErrorsKept)
                    failed_names_.emplace_back(name_column_ >= 0 ? (*record)[size_t(name_column_)] : "");
            } else if (rows_.size() < kPreviewRows) {
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
    std::vector<std::string> failed_names_;
};

// One roster at a time, behind plain functions: an embind class would add 3.6 KB of gzipped glue to the page.
std::optional<Roster> roster;

// Starts a run, ending any before it. "" when started, else the errors JSON (an unknown ruleset, a bad date).
// `payment_date` ("" for none) is for rows whose 缴费日期 is empty; it takes the forms a cell may hold.
std::string roster_start(const std::string& ruleset_id, const std::string& payment_date, bool bom) {
    roster.reset();
    const Engine& loaded = engine();
    yibao::Issues issues = loaded.issues;
    const yibao::Ruleset* ruleset = loaded.catalog.find(ruleset_id);
    if (!ruleset) issues.push_back(yibao::unknown_ruleset(loaded.catalog, "/ruleset", ruleset_id));
    std::optional<yibao::Date> payment;
    if (!payment_date.empty() && !(payment = yibao::parse_roster_date(payment_date)))
        issues.push_back({"/payment_date", "invalid_date",
                          "“" + payment_date + "”不是有效日期,请按“年-月-日”填写,例如 2024-02-15"});
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
    emscripten::function("estimate", &estimate);
    emscripten::function("rulesets", &rulesets);
    emscripten::function("rosterStart", &roster_start);
    emscripten::function("rosterFeed", &roster_feed);
    emscripten::function("rosterFinish", &roster_finish);
    emscripten::function("rosterSummary", &roster_summary);
    emscripten::function("rosterPreview", &roster_preview);
}
