// The rulesets compiled into every binary (generated from rules/*.json at build time).
#pragma once

#include <string_view>
#include <vector>

#include "ruleset.hpp"

namespace yibao {

std::vector<std::string_view> builtin_ruleset_texts();

// Loads every built-in ruleset; a broken one is reported in `issues` with its id, never skipped silently.
Catalog builtin_catalog(Issues& issues);

}  // namespace yibao
