// Loading and validating rulesets: JSON data in, a checked Ruleset out, or every problem with its path.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "issues.hpp"
#include "json_reader.hpp"
#include "model.hpp"

namespace yibao {

std::optional<Ruleset> load_ruleset(const Json& document, Issues& issues);
// Parses text first; a syntax error is an issue at "" with the line and column.
std::optional<Ruleset> load_ruleset_text(std::string_view text, Issues& issues);

// Parses JSON text without throwing; on failure records where the syntax breaks.
std::optional<Json> parse_json(std::string_view text, Issues& issues);

// The rulesets an estimate may name, in the order they were added.
class Catalog {
public:
    // A ruleset with an id already present replaces it (a rule author's local file wins over the built-in one).
    void add(Ruleset ruleset);
    const Ruleset* find(const std::string& id) const;
    const std::vector<Ruleset>& all() const { return rulesets_; }

private:
    std::vector<Ruleset> rulesets_;
};

}  // namespace yibao
