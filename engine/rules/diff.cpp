#include "rules/diff.hpp"

#include "core/date.hpp"
#include "core/money.hpp"

namespace yibao {

namespace {

bool is_id_list(const Json& list) {
    if (!list.is_array() || list.empty()) return false;
    for (const Json& item : list)
        if (!item.is_object() || !item.contains("id")) return false;
    return true;
}

std::string id_text(const Json& id) { return id.is_string() ? id.get<std::string>() : id.dump(); }

std::string value_text(const std::string& key, const Json& value) {
    if (value.is_object() && value.contains("provisional") && value["provisional"].is_object()) {
        const Json& p = value["provisional"];
        return "暂按" + p.value("from", std::string()) + "的" + (value.contains("value") ? value_text(key, value["value"]) : "") +
               "（" + p.value("text", std::string()) + "）";
    }
    if (value.is_object() && value.contains("unknown") && value["unknown"].is_object())
        return "尚未公布（" + value["unknown"].value("reason", std::string()) + "）";
    if (key.size() > 4 && key.compare(key.size() - 4, 4, "_fen") == 0 && value.is_number_integer())
        return Money::from_fen(value.get<std::int64_t>()).yuan_text();
    if (value.is_string()) return "“" + value.get<std::string>() + "”";
    std::string text = value.dump(-1, ' ', false, Json::error_handler_t::replace);
    if (text.size() <= 160) return text;
    size_t cut = 157;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;  // not inside a character
    return text.substr(0, cut) + "…";
}

const char* kind_of(const std::string& top, const std::string& key, const Json& value) {
    if (key.size() > 4 && key.compare(key.size() - 4, 4, "_fen") == 0) return "金额";
    if (top == "sources") return "来源";
    if (value.is_string() && Date::parse(value.get<std::string>())) return "日期";
    if (top == "categories" || top == "contributions" || top == "benefit_rules" || top == "waiting_period" ||
        top == "member_notes" || top == "tiers" || top == "assistance_groups")
        return key == "text" || key == "label" ? "文字" : "规则";
    return "文字";
}

void basis_lines(const Json& item, std::vector<std::string>& out) {
    const auto basis = item.find("basis");
    if (basis == item.end() || !basis->is_array()) return;
    for (const Json& b : *basis)
        if (b.is_object())
            out.push_back("    依据 " + b.value("source", std::string()) + ":" + b.value("quote", std::string()));
}

struct Differ {
    std::vector<std::string> out;

    void line(const char* kind, const std::string& where, const std::string& what) {
        out.push_back(std::string(kind) + " " + where + what);
    }

    // Returns whether anything under `where` changed, not counting the basis (reported with the change).
    bool compare(const std::string& top, const std::string& where, const std::string& key, const Json& a,
                 const Json& b) {
        if (a == b) return false;
        const auto is_fact = [](const Json& v) { return v.is_object() && (v.contains("provisional") || v.contains("unknown")); };
        if (a.is_object() && b.is_object() && !is_fact(a) && !is_fact(b)) {
            bool changed = false;
            // Ids name the items in the lines' paths already.
            for (const auto& item : a.items()) {
                if (item.key() == "basis" || item.key() == "id") continue;
                const std::string at = where + (where.empty() ? "" : ".") + item.key();
                if (!b.contains(item.key())) {
                    line(kind_of(top, item.key(), item.value()), at, ": " + value_text(item.key(), item.value()) + " → （无）");
                    changed = true;
                } else {
                    changed |= compare(top.empty() ? item.key() : top, at, item.key(), item.value(), b[item.key()]);
                }
            }
            for (const auto& item : b.items()) {
                if (item.key() == "basis" || item.key() == "id" || a.contains(item.key())) continue;
                const std::string at = where + (where.empty() ? "" : ".") + item.key();
                const std::string item_top = top.empty() ? item.key() : top;
                // A new section or list is told item by item, like a changed one.
                if (item.value().is_object()) compare(item_top, at, item.key(), Json::object(), item.value());
                else if (is_id_list(item.value())) compare(item_top, at, item.key(), Json::array(), item.value());
                else line(kind_of(item_top, item.key(), item.value()), at, ": （无） → " + value_text(item.key(), item.value()));
                changed = true;
            }
            const bool basis_changed = a.value("basis", Json()) != b.value("basis", Json());
            if (changed || basis_changed) {
                if (!changed) line("来源", where, ": 依据改为");
                basis_lines(b, out);
            }
            return changed;
        }
        if ((is_id_list(a) || (a.is_array() && a.empty())) && is_id_list(b)) {
            bool changed = false;
            for (const Json& old_item : a) {
                const std::string at = where + "[" + id_text(old_item["id"]) + "]";
                const Json* new_item = nullptr;
                for (const Json& n : b)
                    if (n["id"] == old_item["id"]) new_item = &n;
                if (!new_item) {
                    line(kind_of(top, "", Json()), "− " + at, "");
                    changed = true;
                } else {
                    changed |= compare(top, at, "", old_item, *new_item);
                }
            }
            for (const Json& new_item : b) {
                bool known = false;
                for (const Json& o : a) known = known || o["id"] == new_item["id"];
                if (known) continue;
                const std::string label = new_item.value("label", new_item.value("name", new_item.value("title", std::string())));
                line(kind_of(top, "", Json()), "+ " + where + "[" + id_text(new_item["id"]) + "]", label.empty() ? "" : " " + label);
                for (const auto& [amount, name] : {std::pair{"individual_fen", "个人缴费"}, std::pair{"subsidy_fen", "政府补助"},
                                                    std::pair{"amount_fen", "金额"}, std::pair{"per_year_fen", "每年"}})
                    if (new_item.contains(amount)) out.back() += std::string(" ") + name + " " + value_text(amount, new_item[amount]);
                basis_lines(new_item, out);
                changed = true;
            }
            return changed;
        }
        // A date that becomes unknown (or the reverse) is still a date.
        line(kind_of(top, key, b.is_string() ? b : a), where, ": " + value_text(key, a) + " → " + value_text(key, b));
        return true;
    }
};

}  // namespace

std::vector<std::string> diff_rulesets(const Json& old_ruleset, const Json& new_ruleset) {
    Differ differ;
    Json a = old_ruleset, b = new_ruleset;
    for (Json* doc : {&a, &b}) {
        doc->erase("$schema");
        doc->erase("$comment");
        doc->erase("base");
    }
    differ.compare("", "", "", a, b);
    return differ.out;
}

}  // namespace yibao
