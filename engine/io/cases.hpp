// Test cases of the JSON contract: a request and the part of its answer it expects. The shared golden cases
// (tests/cases/), `yibao cases` and the workbench's 测试用例 read and match them here, once.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/json_reader.hpp"
#include "rules/ruleset.hpp"

namespace yibao {

// The first place an answer differs from what a case expects.
struct Difference {
    std::string path;     // JSON pointer into the answer ("" for the whole answer)
    std::string message;  // how, in Chinese: 应为1，实际是48200
};

// Objects: each expected key must be there and match (other keys may be too); arrays: the same length, item by
// item; anything else: equal. The first difference in that order, or none.
std::optional<Difference> first_difference(const Json& expected, const Json& actual);

struct Case {
    std::string name;
    std::string request;  // the text sent; a request written as a JSON string is sent as it is (malformed input)
    Json expect;
};

struct CaseFile {
    std::vector<std::string> rules;  // ruleset files the cases need beside the built-in ones, from the repository root
    std::vector<Case> cases;
};

// A case file's text: {"about"?, "rules"?: [file, …], "cases": [{"name", "proves"?, "request", "expect"}, …]}.
// Every problem goes to `issues` at its JSON path; nothing is returned when there is one.
std::optional<CaseFile> read_case_file(std::string_view text, Issues& issues);

// The case run through the contract against `catalog`, and where its answer differs from what it expects.
std::optional<Difference> run_case(const Catalog& catalog, const Case& c);

// Each case of the file run against `catalog` (the file's own `rules` are the caller's to load): {"ok": true,
// "passed", "failed", "cases": [{"name", "passed", "difference": {path, message} or null}]}.
Json cases_json(const Catalog& catalog, const CaseFile& file);

}  // namespace yibao
