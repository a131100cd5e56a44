#include "golden.hpp"

#include "rules/builtin.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace golden {

std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error("cannot read " + path);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

std::vector<Case> load_cases(const std::string& directory) {
    std::vector<std::string> files;
    for (const auto& entry : std::filesystem::directory_iterator(directory))
        if (entry.path().extension() == ".json") files.push_back(entry.path().string());
    std::sort(files.begin(), files.end());
    std::vector<Case> cases;
    for (const auto& file : files) {
        const auto document = yibao::Json::parse(read_file(file));
        const auto rules = document.value("rules", std::vector<std::string>());
        for (const auto& c : document.at("cases")) {
            const auto& request = c.at("request");
            cases.push_back({std::filesystem::path(file).filename().string(), c.at("name").get<std::string>(),
                             request.is_string() ? request.get<std::string>() : request.dump(), c.at("expect"), rules});
        }
    }
    return cases;
}

yibao::Catalog catalog_with(const std::string& root, const std::vector<std::string>& rules) {
    yibao::Issues issues;
    yibao::Catalog catalog = yibao::builtin_catalog(issues);
    std::vector<std::string> texts;
    for (const auto& path : rules) texts.push_back(read_file(root + "/" + path));
    std::vector<std::pair<std::string, std::string_view>> named;
    for (size_t i = 0; i < rules.size(); ++i) named.emplace_back(rules[i] + "#", texts[i]);
    catalog.load_texts(named, issues);
    if (!issues.empty()) throw std::runtime_error("rulesets do not load: " + issues.front().path + " " + issues.front().message);
    return catalog;
}

bool matches(const yibao::Json& expected, const yibao::Json& actual, const std::string& path, std::string& why) {
    if (expected.is_object()) {
        if (!actual.is_object()) {
            why = path + ": expected an object, got " + actual.dump();
            return false;
        }
        for (const auto& item : expected.items()) {
            const auto found = actual.find(item.key());
            if (found == actual.end()) {
                why = path + "/" + item.key() + ": missing";
                return false;
            }
            if (!matches(item.value(), *found, path + "/" + item.key(), why)) return false;
        }
        return true;
    }
    if (expected.is_array()) {
        if (!actual.is_array() || actual.size() != expected.size()) {
            why = path + ": expected " + std::to_string(expected.size()) + " items, got " + actual.dump();
            return false;
        }
        for (size_t i = 0; i < expected.size(); ++i)
            if (!matches(expected[i], actual[i], path + "/" + std::to_string(i), why)) return false;
        return true;
    }
    if (expected != actual) {
        why = path + ": expected " + expected.dump() + ", got " + actual.dump();
        return false;
    }
    return true;
}

}  // namespace golden
