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
        yibao::Issues issues;
        const auto read = yibao::read_case_file(read_file(file), issues);
        if (!read) throw std::runtime_error(file + ": not a case file: " + issues.front().path + " " + issues.front().message);
        for (const auto& c : read->cases) cases.push_back({std::filesystem::path(file).filename().string(), c, read->rules});
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

}  // namespace golden
