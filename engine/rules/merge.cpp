#include "rules/merge.hpp"

#include <algorithm>
#include <optional>

namespace yibao {

namespace {

bool has_id(const Json& item) { return item.is_object() && item.contains("id") && !item["id"].is_null(); }

bool is_id_list(const Json& list) {
    if (!list.is_array() || list.empty()) return false;
    for (const Json& item : list)
        if (!has_id(item)) return false;
    return true;
}

// A change to anything but the basis itself. Marking a value provisional or unknown changes no rule: the
// rule keeps its basis, and the marker says why the value is not this year's.
bool changes_more_than_basis(const Json& change) {
    for (const auto& item : change.items())
        if (item.key() != "basis" && item.key() != "id" &&
            !(item.value().is_object() && (item.value().contains("provisional") || item.value().contains("unknown"))))
            return true;
    return false;
}

void merge_into(Json& target, const Json& change, const std::string& at, Issues& issues);

// Conditions, date expressions and provisional or unknown values are one value each: a change replaces them.
bool replaced_whole(const std::string& key, const Json& value) {
    return key == "when" || key == "start" || key == "end" || key == "applies_to" ||
           (value.is_object() && (value.contains("provisional") || value.contains("unknown")));
}

void merge_list(Json& target, const Json& change, const std::string& at, Issues& issues) {
    for (size_t i = 0; i < change.size(); ++i) {
        const Json& item = change[i];
        const std::string item_at = pointer_join(at, i);
        auto found = std::find_if(target.begin(), target.end(), [&](const Json& t) { return t["id"] == item["id"]; });
        const bool removed = item.contains("removed") && item["removed"] == true;
        if (removed) {
            if (found == target.end())
                issues.push_back({pointer_join(item_at, "id"), Code::unknown_value,
                                  "要删除的“" + (item["id"].is_string() ? item["id"].get<std::string>() : item["id"].dump()) +
                                      "”在基础规则集中不存在"});
            else target.erase(found);
        } else if (found == target.end()) {
            target.push_back(item);
        } else {
            merge_into(*found, item, item_at, issues);
        }
    }
}

void merge_into(Json& target, const Json& change, const std::string& at, Issues& issues) {
    // Where the merged object quotes its basis, changing it without a basis of its own would leave last year's
    // quote beside this year's value.
    if (target.contains("basis") && changes_more_than_basis(change) && !change.contains("basis"))
        issues.push_back({at.empty() ? "/basis" : pointer_join(at, "basis"), Code::missing_basis,
                          "修改了基础规则集中的这条规则，须同时给出新的依据（来源和原文）"});
    for (const auto& item : change.items()) {
        const std::string key_at = pointer_join(at, item.key());
        const Json& value = item.value();
        auto found = target.find(item.key());
        if (value.is_null()) {
            if (found != target.end()) target.erase(found);
        } else if (found != target.end() && found->is_object() && value.is_object() && !replaced_whole(item.key(), value)) {
            merge_into(*found, value, key_at, issues);
        } else if (found != target.end() && is_id_list(*found) && is_id_list(value)) {
            merge_list(*found, value, key_at, issues);
        } else {
            target[item.key()] = value;
        }
    }
}

std::optional<Json> list_changes(const Json& base, const Json& wanted);

// What merge_into must be given to turn `old` into `wanted` (both objects), or nothing where no change can: a
// null is only ever read as "take the key out", and an object that holds a provisional or unknown key is
// written whole.
std::optional<Json> object_changes(const Json& old, const Json& wanted) {
    Json change = Json::object();
    for (const auto& item : old.items())
        if (!wanted.contains(item.key())) change[item.key()] = nullptr;
    for (const auto& item : wanted.items()) {
        const std::string& key = item.key();
        const Json& value = item.value();
        const auto found = old.find(key);
        if (found != old.end() && same_json(*found, value)) continue;
        if (value.is_null()) return std::nullopt;
        if (found != old.end() && found->is_object() && value.is_object() && !replaced_whole(key, value)) {
            auto inner = object_changes(*found, value);
            if (!inner || replaced_whole(key, *inner)) return std::nullopt;
            change[key] = std::move(*inner);
        } else if (found != old.end() && is_id_list(*found) && is_id_list(value)) {
            auto inner = list_changes(*found, value);
            if (!inner) return std::nullopt;
            change[key] = std::move(*inner);
        } else {
            change[key] = value;
        }
    }
    return change;
}

// merge_list's inverse for two id lists; nothing where `wanted` holds an id twice. The merge changes the base's
// items in place, drops the removed ones and appends the rest, so the longest start of `wanted` that keeps the
// base's order is changed in place, and what follows is appended (an item of the base taken out first).
std::optional<Json> list_changes(const Json& base, const Json& wanted) {
    Json changed = Json::array(), appended = Json::array(), removed = Json::array();
    std::vector<bool> placed(base.size(), false);
    size_t next = 0;  // the base's items before it are behind the last item changed in place
    bool in_place = true;
    for (size_t w = 0; w < wanted.size(); ++w) {
        const Json& item = wanted[w];
        for (size_t v = 0; v < w; ++v)
            if (wanted[v]["id"] == item["id"]) return std::nullopt;
        const auto found = std::find_if(base.begin(), base.end(), [&](const Json& b) { return b["id"] == item["id"]; });
        const size_t at = static_cast<size_t>(found - base.begin());
        if (found != base.end()) placed[at] = true;
        if (found != base.end() && in_place && at >= next) {
            if (auto change = object_changes(*found, item)) {
                next = at + 1;
                if (!change->empty()) {
                    Json patch = json_object("id", item["id"]);
                    patch.update(*change);
                    changed.push_back(std::move(patch));
                }
                continue;
            }
        }
        in_place = false;
        if (found != base.end()) appended.push_back(json_object("id", item["id"], "removed", true));
        appended.push_back(item);
    }
    for (size_t i = 0; i < base.size(); ++i)
        if (!placed[i]) removed.push_back(json_object("id", base[i]["id"], "removed", true));
    for (auto* part : {&appended, &removed})
        for (Json& item : *part) changed.push_back(std::move(item));
    return changed;
}

}  // namespace

Json key_patch(const std::string& key, const Json& base, const Json& wanted) {
    if (same_json(base, wanted)) return nullptr;
    if (base.is_object() && wanted.is_object() && !replaced_whole(key, base) && !replaced_whole(key, wanted)) {
        auto changes = object_changes(base, wanted);
        return changes && !replaced_whole(key, *changes) ? std::move(*changes) : wanted;
    }
    if (!is_id_list(base) || !is_id_list(wanted)) return wanted;
    auto changes = list_changes(base, wanted);
    return changes ? std::move(*changes) : wanted;
}

Json merge_base(const Json& base, const Json& change, Issues& issues) {
    Json merged = base;
    merged.erase("base");
    merge_into(merged, change, "", issues);
    return merged;
}

namespace {

bool is_provisional(const Json& node) {
    return node.is_object() && node.contains("provisional") && node["provisional"].is_object();
}

void collect_sources(const Json& node, std::vector<std::string>& out) {
    if (is_provisional(node)) {
        const auto from = node["provisional"].find("from");
        if (from != node["provisional"].end() && from->is_string()) out.push_back(from->get<std::string>());
    }
    if (node.is_structured())
        for (const auto& child : node) collect_sources(child, out);
}

struct Step {
    std::string key;  // an object key, or "" for a list item
    Json id;          // the list item's id
};

// The node of `document` at `steps`, or nullptr.
const Json* locate(const Json& document, const std::vector<Step>& steps) {
    const Json* node = &document;
    for (const auto& step : steps) {
        if (!step.key.empty()) {
            if (!node->is_object() || !node->contains(step.key)) return nullptr;
            node = &(*node)[step.key];
            continue;
        }
        if (!node->is_array()) return nullptr;
        const auto found = std::find_if(node->begin(), node->end(),
                                        [&](const Json& item) { return item.is_object() && item.value("id", Json()) == step.id; });
        if (found == node->end()) return nullptr;
        node = &*found;
    }
    return node;
}

// `steps` grows and shrinks with the walk, and only objects and lists are entered (a provisional value is an
// object): a ruleset's thousands of texts and numbers cost nothing.
void fill_in(Json& node, std::vector<Step>& steps, const std::string& at,
             const std::function<const Json&(const std::string&)>& merged, Issues& issues) {
    if (is_provisional(node)) {
        if (node.contains("value")) return;
        const Json& from = node["provisional"].value("from", Json());
        if (!from.is_string()) return;  // the loader names what is missing
        const std::string from_at = pointer_join(pointer_join(at, "provisional"), "from");
        const Json& other = merged(from.get<std::string>());
        if (other.is_null()) {
            issues.push_back({from_at, Code::unknown_base, "暂按规则集“" + from.get<std::string>() + "”的数值，但该规则集未载入"});
            return;
        }
        const Json* twin = locate(other, steps);
        if (twin && is_provisional(*twin)) twin = twin->contains("value") ? &(*twin)["value"] : nullptr;
        if (!twin || twin->is_object()) {
            issues.push_back({from_at, Code::unknown_value,
                              "规则集“" + from.get<std::string>() + "”在此处没有可沿用的数值"});
            return;
        }
        node["value"] = *twin;
        return;
    }
    if (node.is_object()) {
        for (auto& item : node.items()) {
            if (!item.value().is_structured()) continue;
            steps.push_back({item.key(), Json()});
            fill_in(item.value(), steps, pointer_join(at, item.key()), merged, issues);
            steps.pop_back();
        }
    } else if (node.is_array()) {
        for (size_t i = 0; i < node.size(); ++i) {
            if (!node[i].is_object() || !node[i].contains("id")) continue;
            steps.push_back({"", node[i]["id"]});
            fill_in(node[i], steps, pointer_join(at, i), merged, issues);
            steps.pop_back();
        }
    }
}

}  // namespace

std::vector<std::string> provisional_sources(const Json& document) {
    std::vector<std::string> out;
    collect_sources(document, out);
    return out;
}

void fill_provisional(Json& document, const std::function<const Json&(const std::string&)>& merged, Issues& issues) {
    std::vector<Step> steps;
    fill_in(document, steps, "", merged, issues);
}

}  // namespace yibao
