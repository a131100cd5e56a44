// What changed from one ruleset to another, in plain lines a rule author reads (`yibao diff`, the workbench).
#pragma once

#include <string>
#include <vector>

#include "core/json_reader.hpp"

namespace yibao {

// Compares two rulesets as merged documents (Catalog::merged). Each line starts with what changed — 金额
// (amounts), 日期 (dates), 规则 (conditions, waiting periods, notes), 来源 (sources), 文字 (texts, channels,
// contacts) — then where, with list items named by id, and old → new; an added (+) or removed (−) item, or a
// changed one, is followed by its basis.
std::vector<std::string> diff_rulesets(const Json& old_ruleset, const Json& new_ruleset);

}  // namespace yibao
