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

// merge_base's inverse at one list of a ruleset: what a ruleset over a base must write there so that merging it
// over the base's list gives `wanted`. Null when nothing (the base's list is wanted). Where both lists have ids,
// only what differs, item by item: a changed item as its id and the keys that changed (a key taken out as null,
// a nested object or id list by its own changes), a new item whole, an item taken out as {"id", "removed": true},
// and an item out of the base's order (the merge keeps it, and appends new ones) taken out and added again.
// Otherwise `wanted` whole.
Json list_patch(const Json& base, const Json& wanted);

// The rulesets a document's provisional values are carried from ({"provisional": {"from": id}}).
std::vector<std::string> provisional_sources(const Json& document);

// Fills each provisional value's "value" from the same place (list items found by id) in the ruleset it names,
// as `merged(id)` gives it (null JSON when not loaded). Problems go to `issues` at their path.
void fill_provisional(Json& document, const std::function<const Json&(const std::string&)>& merged, Issues& issues);

}  // namespace yibao
