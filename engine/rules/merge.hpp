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

// merge_base's inverse at one key of a ruleset: what a ruleset over a base must write at `key` so that merging it
// over the base's value there gives `wanted`. Null when nothing (the base's value is wanted). An object by the keys
// that changed (a key taken out as null, a nested object or id list by its own changes); where both are lists with
// ids, only what differs, item by item: a changed item as its id and the keys that changed, a new item whole, an
// item taken out as {"id", "removed": true}, and an item out of the base's order (the merge keeps it, and appends
// new ones) taken out and added again. Otherwise (a condition, a date expression, a provisional or unknown fact, a
// list without ids, a text) `wanted` whole.
Json key_patch(const std::string& key, const Json& base, const Json& wanted);

// The rulesets a document's provisional values are carried from ({"provisional": {"from": id}}).
std::vector<std::string> provisional_sources(const Json& document);

// Fills each provisional value's "value" from the same place (list items found by id) in the ruleset it names,
// as `merged(id)` gives it (null JSON when not loaded). Problems go to `issues` at their path.
void fill_provisional(Json& document, const std::function<const Json&(const std::string&)>& merged, Issues& issues);

}  // namespace yibao
