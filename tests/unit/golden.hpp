// Shared golden cases (tests/cases/*.json): what each case expects is a subset of the response.
#pragma once

#include <string>
#include <vector>

#include "core/json_reader.hpp"

namespace golden {

struct Case {
    std::string file;
    std::string name;
    std::string request_text;  // a string "request" is sent as raw text (for malformed JSON cases)
    yibao::Json expect;
};

std::string read_file(const std::string& path);
std::vector<Case> load_cases(const std::string& directory);

// Objects: each expected key must match; arrays: same length, element by element; scalars: equal.
// On a mismatch, `why` says where.
bool matches(const yibao::Json& expected, const yibao::Json& actual, const std::string& path, std::string& why);

}  // namespace golden
