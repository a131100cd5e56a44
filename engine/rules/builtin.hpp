// The rulesets compiled into every binary (generated from rules/*.json at build time).
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "rules/ruleset.hpp"

namespace yibao {

// Each rules/*.json file: its path in the repository and its text.
std::vector<std::pair<std::string, std::string_view>> builtin_ruleset_texts();

// Loads every built-in ruleset; a broken one is reported in `issues` with its id, never skipped silently.
Catalog builtin_catalog(Issues& issues);

}  // namespace yibao
