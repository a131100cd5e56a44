// Shared golden cases (tests/cases/*.json): what each case expects is a subset of the response.
#pragma once

#include <string>
#include <vector>

#include "core/json_reader.hpp"
#include "rules/ruleset.hpp"

namespace golden {

struct Case {
    std::string file;
    std::string name;
    std::string request_text;  // a string "request" is sent as raw text (for malformed JSON cases)
    yibao::Json expect;
    std::vector<std::string> rules;  // ruleset files (repository paths) loaded beside the built-in ones
};

std::string read_file(const std::string& path);
std::vector<Case> load_cases(const std::string& directory);

// The built-in rulesets plus `rules` (paths under `root`), as `yibao estimate --rules` loads them.
yibao::Catalog catalog_with(const std::string& root, const std::vector<std::string>& rules);

// Objects: each expected key must match; arrays: same length, element by element; scalars: equal.
// On a mismatch, `why` says where.
bool matches(const yibao::Json& expected, const yibao::Json& actual, const std::string& path, std::string& why);

}  // namespace golden
