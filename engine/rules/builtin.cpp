#include "rules/builtin.hpp"

namespace yibao {

Catalog builtin_catalog(Issues& issues) {
    Catalog catalog;
    auto texts = builtin_ruleset_texts();
    for (auto& [name, text] : texts) name += "#";
    catalog.load_texts(texts, issues);
    return catalog;
}

}  // namespace yibao
