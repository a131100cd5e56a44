// Shared golden cases (tests/cases/*.json): what each case expects is a subset of the response.
#pragma once

#include <string>
#include <vector>

#include "core/json_reader.hpp"
#include "io/cases.hpp"
#include "rules/ruleset.hpp"

namespace golden {

// A case of the engine's case files (io/cases.hpp), with its file's name and rulesets.
struct Case {
    std::string file;
    yibao::Case c;
    std::vector<std::string> rules;  // ruleset files (repository paths) loaded beside the built-in ones
};

std::string read_file(const std::string& path);
std::vector<Case> load_cases(const std::string& directory);

// The built-in rulesets plus `rules` (paths under `root`), as `yibao estimate --rules` loads them.
yibao::Catalog catalog_with(const std::string& root, const std::vector<std::string>& rules);

}  // namespace golden
