#include "builtin.hpp"

namespace yibao {

Catalog builtin_catalog(Issues& issues) {
    Catalog catalog;
    for (std::string_view text : builtin_ruleset_texts())
        if (auto ruleset = load_ruleset_text(text, issues)) catalog.add(std::move(*ruleset));
    return catalog;
}

}  // namespace yibao
