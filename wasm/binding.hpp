// What the workbench's functions (wasm/workbench.cpp) share with the page's (wasm/binding.cpp).
#pragma once

#include <string>

#include "core/json_reader.hpp"
#include "rules/ruleset.hpp"

// The rulesets the engine was given at start (loadRulesets).
yibao::Catalog& loaded_catalog();
// Counts the loadRulesets() calls: what refers to a ruleset of the catalog knows when it is gone.
extern unsigned catalog_generation;

// An answer as JavaScript reads it: compact, any invalid UTF-8 replaced rather than a failure.
std::string dump(const yibao::Json& document);
// A household's answer to its request (`yibao estimate`); wasm/answer.cpp, built for speed in every engine.
std::string estimate(const std::string& request);
