// The JSON contract shared by the CLI and the WebAssembly binding: request text in, response text out.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "estimate/estimate.hpp"
#include "explain/explain.hpp"
#include "core/json_reader.hpp"
#include "rules/compact.hpp"
#include "rules/ruleset.hpp"

namespace yibao {

// "No ruleset X; known: …" at `path`, shared by every front end that takes a ruleset id.
Issue unknown_ruleset(const Catalog& catalog, const std::string& path, const std::string& id);

struct Request {
    Household household;
    Texts texts = Texts::spelled_out;
};

// Checks the request's shape and values; every problem goes to `issues` with its JSON path.
std::optional<Request> parse_request(const Json& request, const Catalog& catalog, Issues& issues);

// The answer as JSON: the result's figures and dates, and the texts explain() made of them.
Json result_json(const Result& result, const Explanation& said, Texts texts = Texts::spelled_out);
// The provisional facts among `facts` as {fact, from, text}, or the unknown ones as {fact, reason, ask, text,
// not_before?, not_after?}: each fact and text once, however many rules share it.
Json certainties_json(const std::vector<const Certainty*>& facts, Certainty::Kind kind);
Json errors_json(const Issues& issues);
// What a page needs to offer a ruleset and choose its year: its groups, tiers, dates and what is not published.
Json ruleset_index(const Ruleset& ruleset);
// The index and the rest a page shows of a ruleset: its fee table, registration, channels, contacts and sources.
Json ruleset_summary(const Ruleset& ruleset);
Json rulesets_json(const Catalog& catalog);
// The insurance year a payment date typed as people type it (Date::typed_iso) belongs to, in the region:
// {"ok": true, "date": "YYYY-MM-DD" or null (not a date yet), "years": [{"id", "open": whether its collection window holds the
// date, "late": whether the date is past its collection period, or null}] (every year of the region, the later
// first), "nearest": the year whose window is nearest the date when none holds it, else null}; a region no ruleset
// has is an error.
Json years_json(const Catalog& catalog, std::string_view region, std::string_view typed_date);

// A page's rulesets data (a JSON array of ruleset documents, each may name a `base` among them) loaded as the JSON
// loader loads it, with the problems of the documents that did not load, ready for the compact form a page carries.
CompactRulesets compact_rulesets(std::string_view data_text);
// That as `yibao compact` answers it: {"ok", "rulesets": [the ids that loaded], "compact": the form in base64,
// "errors"?}.
Json compact_json(std::string_view data_text);
// What an engine answers once it has loaded a page's rulesets (README, "rulesets"): {"ok", "rulesets": [each
// one's index], "histories": {id: short label}}, and where some did not load, "ok" false, their "errors" and
// "documents", each document's {id, title}, by which a notice names the document a path's first index points to.
Json loaded_json(const Catalog& catalog, const Issues& issues, const std::vector<DocumentName>& documents);

// The whole round trip; never throws, bad input gives {"ok": false, "errors": [...]}.
Json estimate_json(const Catalog& catalog, std::string_view request_text);

}  // namespace yibao
