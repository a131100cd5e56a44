// Quotes against the words of their sources: every rule's basis must stand word for word in its source's text.
// Pure: the caller reads the texts (a sources/<id>.txt beside the ruleset file) and hands them in.
#pragma once

#include <map>
#include <string>
#include <string_view>

#include "core/issues.hpp"
#include "core/json_reader.hpp"

namespace yibao {

// Whether `quote` stands in `text`. Line breaks are left out of both (sources break lines mid-sentence); "…"
// marks left-out words, so each piece between them must stand in the text. A quote marked "〔大意〕" says it
// is a paraphrase, not the source's words, and is not looked for.
bool quote_found(std::string_view quote, std::string_view text);

// Source id → its text.
using SourceTexts = std::map<std::string, std::string>;

// `beside` (the texts the caller found for the ruleset's sources) with each source's own "text" field of
// `ruleset` (a ruleset document, its bases merged in) in place of a text found beside.
SourceTexts source_texts(const Json& ruleset, SourceTexts beside);

// Each basis {source, quote} of `document` (a ruleset as written) whose source has a text in `texts`: a quote
// not found there is a `quote_not_found` issue at its JSON path (/contributions/0/basis/1/quote).
void check_quotes(const Json& document, const SourceTexts& texts, Issues& issues);

}  // namespace yibao
