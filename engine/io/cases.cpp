#include "io/cases.hpp"

#include "io/contract.hpp"

namespace yibao {

namespace {

std::string shown(const Json& value) { return value.dump(-1, ' ', false, Json::error_handler_t::replace); }

std::optional<Difference> difference_at(const Json& expected, const Json& actual, const std::string& at) {
    if (expected.is_object()) {
        if (!actual.is_object()) return Difference{at, "应是对象，实际是" + shown(actual)};
        for (const auto& item : expected.items()) {
            const std::string key_at = pointer_join(at, item.key());
            const auto found = actual.find(item.key());
            if (found == actual.end()) return Difference{key_at, "缺少"};
            if (auto d = difference_at(item.value(), *found, key_at)) return d;
        }
        return std::nullopt;
    }
    if (expected.is_array()) {
        if (!actual.is_array() || actual.size() != expected.size())
            return Difference{at, "应有" + std::to_string(expected.size()) + "项，实际是" + shown(actual)};
        for (size_t i = 0; i < expected.size(); ++i)
            if (auto d = difference_at(expected[i], actual[i], pointer_join(at, i))) return d;
        return std::nullopt;
    }
    if (expected != actual) return Difference{at, "应为" + shown(expected) + "，实际是" + shown(actual)};
    return std::nullopt;
}

}  // namespace

std::optional<Difference> first_difference(const Json& expected, const Json& actual) {
    return difference_at(expected, actual, "");
}

std::optional<CaseFile> read_case_file(std::string_view text, Issues& issues) {
    const size_t before = issues.size();
    const auto parsed = parse_json(text, issues);
    JsonReader reader(issues);
    if (!parsed || !reader.is_object(*parsed, "")) return std::nullopt;
    const Json& document = *parsed;
    reader.only_keys(document, "", {"about", "rules", "cases"});
    CaseFile file;
    if (const Json* rules = reader.member(document, "", "rules", Need::optional); rules && reader.is_array(*rules, "/rules"))
        for (size_t i = 0; i < rules->size(); ++i)
            if (reader.text_value((*rules)[i], pointer_join("/rules", i))) file.rules.push_back((*rules)[i].get<std::string>());
    const Json* cases = reader.member(document, "", "cases", Need::required);
    if (cases && reader.is_array(*cases, "/cases", true))
        for (size_t i = 0; i < cases->size(); ++i) {
            const Json& c = (*cases)[i];
            const std::string at = pointer_join("/cases", i);
            if (!reader.is_object(c, at)) continue;
            reader.only_keys(c, at, {"name", "proves", "request", "expect"});
            const auto name = reader.text(c, at, "name", Need::required);
            const Json* request = reader.member(c, at, "request", Need::required);
            const Json* expect = reader.member(c, at, "expect", Need::required);
            if (name && request && expect)
                file.cases.push_back({*name, request->is_string() ? request->get<std::string>() : shown(*request), *expect});
        }
    if (issues.size() != before) return std::nullopt;
    return file;
}

std::optional<Difference> run_case(const Catalog& catalog, const Case& c) {
    return first_difference(c.expect, estimate_json(catalog, c.request));
}

Json cases_json(const Catalog& catalog, const CaseFile& file) {
    Json results = Json::array();
    size_t failed = 0;
    for (const Case& c : file.cases) {
        const auto difference = run_case(catalog, c);
        failed += difference.has_value();
        results.push_back(json_object("name", c.name, "passed", !difference,
                                      "difference", difference ? json_object("path", difference->path,
                                                                             "message", difference->message)
                                                               : Json(nullptr)));
    }
    return json_object("ok", true, "passed", file.cases.size() - failed, "failed", failed, "cases", std::move(results));
}

}  // namespace yibao
