// The JSON contract shared by the CLI and the WebAssembly binding: request text in, response text out.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "estimate/estimate.hpp"
#include "core/json_reader.hpp"
#include "rules/ruleset.hpp"

namespace yibao {

// "No ruleset X; known: …" at `path`, shared by every front end that takes a ruleset id.
Issue unknown_ruleset(const Catalog& catalog, const std::string& path, const std::string& id);

// Checks the request's shape and values; every problem goes to `issues` with its JSON path.
std::optional<Household> parse_request(const Json& request, const Catalog& catalog, Issues& issues);

Json result_json(const Result& result);
// The provisional facts among `facts` as {fact, from, text}, or the unknown ones as {fact, reason, ask, text,
// not_before?, not_after?}: each fact and text once, however many rules share it.
Json certainties_json(const std::vector<const Certainty*>& facts, Certainty::Kind kind);
Json errors_json(const Issues& issues);
// What a page needs to offer a ruleset: its groups, tiers, fee table, deadline, channels and sources.
Json ruleset_summary(const Ruleset& ruleset);
Json rulesets_json(const Catalog& catalog);

// The whole round trip; never throws, bad input gives {"ok": false, "errors": [...]}.
Json estimate_json(const Catalog& catalog, std::string_view request_text);

}  // namespace yibao
