// Rulesets that build on last year's: a ruleset naming a `base` holds only what changed.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "core/issues.hpp"
#include "core/json_reader.hpp"

namespace yibao {

// The base document with `change` laid over it, as RFC 7396 merge patch does, except that lists of objects
// with an `id` (sources, categories, contributions, benefit rules, channels, tier levels …) merge item by item:
// an item with a known id is merged into it in place, a new id is appended, and {"id": …, "removed": true}
// drops one. A changed rule must bring its own `basis`; every problem goes to `issues` at its path in `change`.
Json merge_base(const Json& base, const Json& change, Issues& issues);

// The rulesets a document's provisional values are carried from ({"provisional": {"from": id}}).
std::vector<std::string> provisional_sources(const Json& document);

// Fills each provisional value's "value" from the same place (list items found by id) in the ruleset it names,
// as `merged(id)` gives it (null JSON when not loaded). Problems go to `issues` at their path.
void fill_provisional(Json& document, const std::function<const Json&(const std::string&)>& merged, Issues& issues);

}  // namespace yibao
