// Rulesets that build on last year's: a ruleset naming a `base` holds only what changed.
#pragma once

#include <string>

#include "core/issues.hpp"
#include "core/json_reader.hpp"

namespace yibao {

// The base document with `change` laid over it, as RFC 7396 merge patch does, except that lists of objects
// with an `id` (sources, categories, contributions, benefit rules, channels, tier levels …) merge item by item:
// an item with a known id is merged into it in place, a new id is appended, and {"id": …, "removed": true}
// drops one. A changed rule must bring its own `basis`; every problem goes to `issues` at its path in `change`.
Json merge_base(const Json& base, const Json& change, Issues& issues);

}  // namespace yibao
