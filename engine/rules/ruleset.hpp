// Loading and validating rulesets: JSON data in, a checked Ruleset out, or every problem with its path.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/issues.hpp"
#include "core/json_reader.hpp"
#include "core/members.hpp"
#include "rules/model.hpp"

namespace yibao {

std::optional<Ruleset> load_ruleset(const Json& document, Issues& issues);
// Parses text first; a syntax error is an issue at "" with the line and column.
std::optional<Ruleset> load_ruleset_text(std::string_view text, Issues& issues);

// A ruleset as written, and where it came from: `origin` goes before the JSON path of each of its problems
// ("rules/qingdao-2027.json#", or "/2" for the third ruleset of the page's data block).
struct RulesetDocument {
    std::string origin;
    Json json;
};

// A page's rulesets data: a JSON array of ruleset documents, each with its index as its origin ("/1"); a text that
// is not such an array is a problem at "".
std::vector<RulesetDocument> data_documents(std::string_view text, Issues& issues);
// A document of a page's data as a notice names it when it does not load: its id and title ("" where it has none).
struct DocumentName {
    std::string id;
    std::string title;
    YIBAO_FIELDS(s.id, s.title)
};
std::vector<DocumentName> document_names(const std::vector<RulesetDocument>& documents);

// The rulesets an estimate may name, in the order they were added, each with its document merged over its base.
class Catalog {
public:
    // Loads each document, resolving `base` among the documents and the rulesets already here. A broken
    // document is reported in `issues` (paths prefixed with its origin) and left out; the others load.
    void load(const std::vector<RulesetDocument>& documents, Issues& issues);
    // Parses each text as JSON first, then loads as above.
    void load_texts(const std::vector<std::pair<std::string, std::string_view>>& origin_and_text, Issues& issues);

    // A ruleset with an id already present replaces it (a rule author's local file wins over the built-in one).
    void add(Ruleset ruleset, Json merged = Json());
    const Ruleset* find(const std::string& id) const;
    // The ruleset's document with its bases merged in; null JSON for a ruleset added without one.
    const Json& merged(const std::string& id) const;
    const std::vector<Ruleset>& all() const { return rulesets_; }

private:
    std::vector<Ruleset> rulesets_;
    std::vector<Json> merged_;  // beside rulesets_
};

}  // namespace yibao
