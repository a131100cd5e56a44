#include "rules/merge.hpp"

namespace yibao {

namespace {

bool has_id(const Json& item) { return item.is_object() && item.contains("id") && !item["id"].is_null(); }

bool is_id_list(const Json& list) {
    if (!list.is_array() || list.empty()) return false;
    for (const Json& item : list)
        if (!has_id(item)) return false;
    return true;
}

// A change to anything but the basis itself.
bool changes_more_than_basis(const Json& change) {
    for (const auto& item : change.items())
        if (item.key() != "basis" && item.key() != "id") return true;
    return false;
}

void merge_into(Json& target, const Json& change, const std::string& at, Issues& issues);

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
                          "修改了基础规则集中的这条规则,须同时给出新的依据(basis:来源和原文)"});
    for (const auto& item : change.items()) {
        const std::string key_at = pointer_join(at, item.key());
        const Json& value = item.value();
        auto found = target.find(item.key());
        if (value.is_null()) {
            if (found != target.end()) target.erase(found);
        } else if (found != target.end() && found->is_object() && value.is_object()) {
            merge_into(*found, value, key_at, issues);
        } else if (found != target.end() && is_id_list(*found) && is_id_list(value)) {
            merge_list(*found, value, key_at, issues);
        } else {
            target[item.key()] = value;
        }
    }
}

}  // namespace

Json merge_base(const Json& base, const Json& change, Issues& issues) {
    Json merged = base;
    merged.erase("base");
    merge_into(merged, change, "", issues);
    return merged;
}

}  // namespace yibao
