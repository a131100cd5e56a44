#include "rules/quotes.hpp"

namespace yibao {
namespace {

constexpr std::string_view kEllipsis = "…";
constexpr std::string_view kParaphrase = "〔大意〕";

std::string without_line_breaks(std::string_view text) {
    std::string joined;
    joined.reserve(text.size());
    for (char ch : text)
        if (ch != '\n' && ch != '\r') joined += ch;
    return joined;
}

bool paraphrase(std::string_view quote) { return quote.substr(0, kParaphrase.size()) == kParaphrase; }

// The first piece of `quote` (split at "…") that `joined` does not hold, or nullopt when every piece stands.
std::optional<std::string> missing_piece(std::string_view quote, const std::string& joined) {
    const std::string whole = without_line_breaks(quote);
    for (size_t from = 0; from <= whole.size();) {
        size_t cut = whole.find(kEllipsis, from);
        if (cut == std::string::npos) cut = whole.size();
        const std::string piece = whole.substr(from, cut - from);
        if (joined.find(piece) == std::string::npos) return piece;
        from = cut + kEllipsis.size();
    }
    return std::nullopt;
}

// `texts` with their line breaks left out, once for all the quotes of each.
void walk(const Json& node, const std::string& at, const SourceTexts& texts, Issues& issues) {
    if (node.is_array()) {
        for (size_t i = 0; i < node.size(); ++i) walk(node[i], pointer_join(at, i), texts, issues);
        return;
    }
    if (!node.is_object()) return;
    for (const auto& [key, value] : node.items()) {
        const std::string here = pointer_join(at, key);
        if (key != "basis" || !value.is_array()) {
            walk(value, here, texts, issues);
            continue;
        }
        for (size_t i = 0; i < value.size(); ++i) {
            const Json& b = value[i];
            if (!b.is_object() || !b.contains("source") || !b.contains("quote") || !b["source"].is_string() ||
                !b["quote"].is_string())
                continue;  // the loader reports a basis of the wrong shape
            const auto text = texts.find(b["source"].get<std::string>());
            if (text == texts.end()) continue;
            const std::string& quote = b["quote"].get_ref<const std::string&>();
            if (paraphrase(quote)) continue;
            if (const auto piece = missing_piece(quote, text->second))
                issues.push_back({pointer_join(pointer_join(here, i), "quote"), Code::quote_not_found,
                                  "“" + *piece + "”在来源“" + text->first +
                                      "”的原文中找不到；摘录应逐字照抄原文，省略的字用“…”表示"});
        }
    }
}

}  // namespace

bool quote_found(std::string_view quote, std::string_view text) {
    return paraphrase(quote) || !missing_piece(quote, without_line_breaks(text));
}

SourceTexts source_texts(const Json& ruleset, SourceTexts beside) {
    if (ruleset.is_object() && ruleset.contains("sources") && ruleset["sources"].is_array())
        for (const auto& s : ruleset["sources"])
            if (s.is_object() && s.contains("id") && s["id"].is_string() && s.contains("text") && s["text"].is_string())
                beside[s["id"].get<std::string>()] = s["text"].get<std::string>();
    return beside;
}

void check_quotes(const Json& document, const SourceTexts& texts, Issues& issues) {
    SourceTexts joined;
    for (const auto& [id, text] : texts) joined[id] = without_line_breaks(text);
    walk(document, "", joined, issues);
}

}  // namespace yibao
