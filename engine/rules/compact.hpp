// The rulesets of a page in a compact binary form: as the JSON loader left them (merged over their bases, every
// value checked), with the problems of the documents that did not load. It is made once, when a page is made, and
// read back by an engine without parsing JSON or checking anything again, so that a page's first result does not
// wait on its rulesets' JSON. Only an engine built from the same sources reads it: the form has a version, and a
// checksum against a damaged copy.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/issues.hpp"
#include "rules/model.hpp"
#include "rules/ruleset.hpp"

namespace yibao {

struct CompactRulesets {
    std::vector<Ruleset> rulesets;
    Issues issues;  // the documents that did not load: each problem at its JSON path in the page's data ("/1/…")
    std::vector<DocumentName> documents;  // every document of the data, in its order, the paths' first index
};

std::string write_compact(const CompactRulesets& data);
// nullopt for bytes that are not this form (another version of it, another format) or are damaged.
std::optional<CompactRulesets> read_compact(std::string_view bytes);
// The same without testing the checksum: for the tests and the fuzzer, which damage the bytes on purpose.
std::optional<CompactRulesets> read_compact_unchecked(std::string_view bytes);

}  // namespace yibao
