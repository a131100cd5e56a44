// The roster run (批量测算) for the staff page's engine (yibao-batch.js): `yibao batch` over the same catalog as
// wasm/binding.cpp's functions, fed decoded text chunk by chunk. The family page's engine is built without it.
#include <algorithm>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <emscripten/bind.h>

#include "binding.hpp"
#include "io/contract.hpp"
#include "io/encoding.hpp"
#include "io/roster.hpp"

namespace {

// Bytes from JavaScript (a Uint8Array) into `into`, by one TypedArray.set, into the memory `into` already holds: a
// std::string parameter would be a new allocation and a second copy of each slice.
void copy_in(const emscripten::val& bytes, std::string& into) {
    into.resize(bytes["length"].as<size_t>());
    const auto* data = reinterpret_cast<unsigned char*>(into.data());
    const emscripten::val view(emscripten::typed_memory_view(into.size(), data));
    view.call<void>("set", bytes);
    // embind keeps the last arguments of each kind of method call in an array of its own until the next such call:
    // an empty one in their place, so that JavaScript does not hold a whole roster for as long (batch.test's memory test).
    view.call<void>("set", emscripten::val::array());
}

// `yibao batch` for the page: already decoded text in, chunk by chunk, the output CSV out as it completes, and
// what the page shows before the download.
class Roster {
public:
    static constexpr size_t kPreviewRows = 20;

    Roster(const yibao::Ruleset& ruleset, const yibao::RosterOptions& options, const std::optional<yibao::LaterPart>& later)
        : run_(ruleset, options, later), header_written_(!later) {}

    // A slice of the roster: bytes (a Uint8Array), or a string, as UTF-8.
    std::string_view feed(const emscripten::val& slice) {
        if (slice.isString())
            input_ = slice.as<std::string>();
        else
            copy_in(slice, input_);
        return step([&] { run_.feed(input_, out_); });
    }

    std::string_view finish() {
        return step([&] { run_.finish(out_); });
    }

    std::string summary() const { return dump(yibao::roster_summary_json(run_.summary())); }
    long rows() const { return run_.summary().rows_read; }
    long next_line() const { return run_.next_line().value_or(0); }

    // The output's header, how many of its columns the run added, the column of names (-1 for none; a later part
    // of a cut roster writes no header, and has neither), its first estimated rows, and the name in each failed row.
    // Failed rows come in the order of summary().errors, one entry each, so the page pairs them.
    std::string preview() const {
        yibao::Json failed_names = yibao::Json::array();
        for (const yibao::RowErrors& e : run_.summary().errors) failed_names.push_back(e.name);
        return dump(yibao::json_object("header", header_, "added", run_.added_columns(), "name_column", name_column_,
                                       "rows", rows_, "failed_names", std::move(failed_names)));
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
            if (header_written_ && header_.empty()) {
                yibao::RowProblems ignored;
                if (auto layout = yibao::read_roster_header(*record, ignored))
                    name_column_ = layout->column[static_cast<size_t>(yibao::RosterField::id)];
                for (size_t i = 0; i < record->size(); ++i) header_.emplace_back((*record)[i]);
                continue;
            }
            // A row without a category failed: the summary has its name.
            if (!(*record)[record->size() - run_.added_columns()].empty() && rows_.size() < kPreviewRows) {
                auto& cells = rows_.emplace_back();
                for (size_t i = 0; i < record->size(); ++i) cells.emplace_back((*record)[i]);
            }
        }
    }

    yibao::RosterRun run_;
    std::string input_;  // the slice being fed, its memory kept from slice to slice
    std::string out_;
    yibao::CsvReader echo_;  // reads the output back for the preview
    bool header_written_;    // the output starts with the header: not so for a later part of a cut roster
    std::vector<std::string> header_;
    int name_column_ = -1;
    std::vector<std::vector<std::string>> rows_;
};

// One roster at a time, behind plain functions: an embind class would add 3.6 KB of gzipped glue to the page.
std::optional<Roster> roster;
unsigned roster_generation = 0;  // catalog_generation when it started

// Starts a run, ending any before it. "" when started, else the errors JSON (an unknown ruleset, a bad date).
// `payment_date` ("" for none) is for rows whose 缴费日期 is empty; it takes the forms a cell may hold. With a
// `header` (the roster's header record, line end included), the run is of the later part of a roster cut at a record
// boundary, whose text starts on physical line `first_line` (yibao::LaterPart).
std::string roster_start(const std::string& ruleset_id, const std::string& payment_date, bool bom,
                         const std::string& header, double first_line) {
    roster.reset();
    yibao::Issues issues;
    yibao::Catalog& catalog = loaded_catalog();
    const yibao::Ruleset* ruleset = catalog.find(ruleset_id);
    if (!ruleset) issues.push_back(yibao::unknown_ruleset(catalog, "/ruleset", ruleset_id));
    std::optional<yibao::Date> payment;
    if (!payment_date.empty() && !(payment = yibao::Date::read(payment_date)))
        issues.push_back({"/payment_date", yibao::Code::invalid_date, yibao::Date::refusal(payment_date)});
    if (!issues.empty()) return dump(yibao::errors_json(issues));
    std::optional<yibao::LaterPart> later;
    if (!header.empty()) later = yibao::LaterPart{header, static_cast<long>(first_line)};
    roster.emplace(*ruleset, yibao::RosterOptions{payment, bom}, later);
    roster_generation = catalog_generation;
    return "";
}

// The output as UTF-8 bytes: a view into the engine's memory, valid until the next call, so JavaScript copies it.
// Not a std::string: the page keeps the output as bytes (a Blob), which a string would have it decode and encode
// again.
emscripten::val bytes(std::string_view text) {
    const auto* data = reinterpret_cast<const unsigned char*>(text.data());
    return emscripten::val(emscripten::typed_memory_view(text.size(), data));
}

// The run, unless the rulesets were loaded again since it started (its ruleset is gone then).
Roster* current() {
    if (roster && roster_generation != catalog_generation) roster.reset();
    return roster ? &*roster : nullptr;
}

// A text the engine makes of a loaded ruleset, as UTF-8 bytes; no bytes for a ruleset not loaded.
template <std::string (*make)(const yibao::Ruleset&)>
emscripten::val ruleset_bytes(const std::string& ruleset_id) {
    static std::string text;  // the view's memory, until the next call
    const yibao::Ruleset* ruleset = loaded_catalog().find(ruleset_id);
    text = ruleset ? make(*ruleset) : "";
    return bytes(text);
}

// The template's column guide for a ruleset ({"columns": [{"header", "words"}]}), or the errors JSON.
std::string roster_columns(const std::string& ruleset_id) {
    const yibao::Catalog& catalog = loaded_catalog();
    const yibao::Ruleset* ruleset = catalog.find(ruleset_id);
    if (!ruleset) return dump(yibao::errors_json({yibao::unknown_ruleset(catalog, "/ruleset", ruleset_id)}));
    return dump(yibao::roster_columns_json(*ruleset));
}

// How the page runs a roster's bytes (a Uint8Array): whether they read as GBK, as `yibao batch` decides, and where to
// cut them to run `parts` parts side by side (yibao::roster_cuts; null for one part, or where there is no such place):
// {"gbk": bool, "cut": {"header": N, "cuts": [{"at": N, "line": N}]} or null}.
std::string roster_plan(const emscripten::val& bytes, double parts) {
    std::string roster;
    copy_in(bytes, roster);
    yibao::Json cut;
    if (const auto cuts = parts > 1 ? yibao::roster_cuts(roster, static_cast<size_t>(parts)) : std::nullopt) {
        yibao::Json list = yibao::Json::array();
        for (const yibao::RosterCut& c : cuts->cuts) list.push_back(yibao::json_object("at", c.at, "line", c.line));
        cut = yibao::json_object("header", cuts->header_end, "cuts", std::move(list));
    }
    return dump(yibao::json_object("gbk", yibao::reads_as_gbk(roster), "cut", std::move(cut)));
}

// Without a started run these answer nothing ("" or no bytes).
emscripten::val roster_feed(const emscripten::val& slice) { return bytes(current() ? current()->feed(slice) : ""); }
emscripten::val roster_finish() { return bytes(current() ? current()->finish() : ""); }
std::string roster_summary() { return current() ? current()->summary() : ""; }
std::string roster_preview() { return current() ? current()->preview() : ""; }
// Rows read so far, for the progress bar.
double roster_rows() { return current() ? static_cast<double>(current()->rows()) : 0; }
// The physical line the next record starts on when the text fed so far ends between records, else 0: where a later
// part cut there must start, and, right after rosterStart with a header, whether that header was one whole record.
double roster_line() { return current() ? static_cast<double>(current()->next_line()) : 0; }

// The summary and preview of a roster run in two parts cut at a record boundary, from each part's: what one run of
// the whole would answer ({"summary", "preview"}).
std::string roster_join(const std::string& first_summary, const std::string& first_preview,
                        const std::string& later_summary, const std::string& later_preview) {
    const auto parse = [](const std::string& text) { return yibao::Json::parse(text, nullptr, false); };
    yibao::Json summary = yibao::join_roster_summaries(parse(first_summary), parse(later_summary));
    yibao::Json preview = parse(first_preview);
    const yibao::Json later = parse(later_preview);
    for (const yibao::Json& row : later["rows"])
        if (preview["rows"].size() < Roster::kPreviewRows) preview["rows"].push_back(row);
    yibao::Json& names = preview["failed_names"];
    for (const yibao::Json& name : later["failed_names"]) names.push_back(name);
    names.erase(names.begin() + static_cast<std::ptrdiff_t>(std::min(names.size(), summary["errors"].size())), names.end());
    return dump(yibao::json_object("summary", std::move(summary), "preview", std::move(preview)));
}

}  // namespace

EMSCRIPTEN_BINDINGS(yibao_roster) {
    emscripten::function("rosterStart", &roster_start);
    emscripten::function("rosterFeed", &roster_feed);
    emscripten::function("rosterFinish", &roster_finish);
    emscripten::function("rosterSummary", &roster_summary);
    emscripten::function("rosterPreview", &roster_preview);
    emscripten::function("rosterRows", &roster_rows);
    emscripten::function("rosterLine", &roster_line);
    emscripten::function("rosterJoin", &roster_join);
    emscripten::function("rosterPlan", &roster_plan);
    // The roster template (with the BOM, CRLF), as `yibao batch --template` writes it; the sample roster.
    emscripten::function("rosterTemplate", &ruleset_bytes<yibao::roster_template>);
    emscripten::function("rosterSample", &ruleset_bytes<yibao::roster_sample>);
    emscripten::function("rosterColumns", &roster_columns);
}
