// yibao: the command line over the engine. It only reads files, calls the engine and prints.
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>
#include <string>
#include <vector>

#include "batch.hpp"
#include "rules/builtin.hpp"
#include "rules/diff.hpp"
#include "rules/fields.hpp"
#include "rules/quotes.hpp"
#include "rules/vocabulary.hpp"
#include "io/cases.hpp"
#include "io/contract.hpp"
#include "io/roster.hpp"

namespace {

constexpr const char* kUsageText = R"(usage:
  yibao rulesets [--rules FILE]...             list the rulesets (JSON)
  yibao estimate [--rules FILE]... [FILE|-]    estimate a household: request JSON in, response JSON out
  yibao validate RULESET.json...               check ruleset files (each merged over its base); errors name
                                               the JSON path
  yibao year [--rules FILE]... REGION DATE     which insurance year a payment on DATE belongs to in REGION, as
                                               the page chooses it: the years whose collection window holds it
                                               (JSON); DATE as people type it (2026-11-20, 2026/11/20,
                                               2026年11月20日)
  yibao cases [--rules FILE]... FILE          run a case file ({"cases": [{"name", "request", "expect"}]}):
                                               each case passed, or where its answer first differs (JSON);
                                               the file's own "rules" are loaded from the current directory
  yibao diff OLD NEW                           what changed from ruleset OLD to NEW (files or built-in ids),
                                               one plain line each
  yibao compact DATA.json                      a page's rulesets (a JSON array of ruleset documents, each
                                               base among them) in the compact form a page's engine reads,
                                               base64 in JSON; the documents that do not load are errors
  yibao vocabulary                             the rule vocabulary, the ruleset's fields, the error and warning
                                               codes and rules/schema.json (JSON)
  yibao batch --ruleset ID [--payment-date YYYY-MM-DD] [--summary FILE] [--encoding utf-8|gbk] [--bom]
              [--rules FILE]... [FILE|-]       estimate a roster (CSV, one member a row): the roster with
                                               figures added on stdout, a summary (JSON) on stderr or in FILE
  yibao batch --template --ruleset ID [--rules FILE]...
                                               the roster template for the ruleset (CSV, UTF-8 with BOM, CRLF):
                                               its columns and two example rows in its own words

  --rules FILE         also load this ruleset file; it replaces a built-in ruleset with the same id
  --ruleset ID         the ruleset a batch is estimated with
  --payment-date DATE  the payment date of roster rows whose 缴费日期 is empty
  --summary FILE       write the batch summary there instead of to stderr
  --encoding ENC       read the roster as utf-8 or gbk (default: detected)
  --bom                start the output with a UTF-8 BOM (it does when the input has one)
  --template           write the ruleset's roster template instead of estimating a roster

a request's member may give "assistance" as one group id or an array of ids, and "answers": {"question id":
"answer id"} for the ruleset's member_questions; `yibao rulesets` lists both for each ruleset. A roster takes a
column per member question, headed by its label.

exit status: 0 success, 1 invalid input (error JSON on stdout; for batch: a row or the header failed; for
cases: a case failed), 2 wrong usage
)";

enum Exit { kOk = 0, kInvalid = 1, kUsage = 2 };

bool read_all(const std::string& path, std::string& out) {
    if (path == "-") {
        out.assign(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
        return !std::cin.bad();
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) return false;
    std::ostringstream buffer;
    buffer << in.rdbuf();
    out = buffer.str();
    return true;
}

int print(const yibao::Json& document, bool ok) {
    std::cout << document.dump(2, ' ', false, yibao::Json::error_handler_t::replace) << '\n';
    return ok ? kOk : kInvalid;
}

int usage_error(const std::string& message) {
    std::cerr << "yibao: " << message << "\n" << kUsageText;
    return kUsage;
}

// An unreadable file is an input problem reported like any other, with its name as the path.
yibao::Issue unreadable(const std::string& path) {
    return {path, yibao::Code::unreadable_file, "无法读取文件“" + path + "”"};
}

// The built-in rulesets and then each --rules file, so a file may build on a built-in ruleset or on an earlier file.
// Problems name the file before the JSON path ("rules/x.json#/contributions/0").
bool load_catalog(const std::vector<std::string>& files, yibao::Catalog& catalog, yibao::Issues& issues) {
    catalog = yibao::builtin_catalog(issues);
    std::vector<std::string> texts(files.size());
    std::vector<std::pair<std::string, std::string_view>> named;
    for (size_t i = 0; i < files.size(); ++i) {
        if (!read_all(files[i], texts[i])) {
            issues.push_back(unreadable(files[i]));
            continue;
        }
        named.emplace_back(files[i] + "#", texts[i]);
    }
    catalog.load_texts(named, issues);
    return issues.empty();
}

// The texts of the sources a ruleset file quotes, read from sources/<id>.txt beside the file where one exists;
// a source's own "text" field in the merged ruleset (or the file, when it did not load) takes its place.
yibao::SourceTexts quoted_source_texts(const std::string& file, const yibao::Json& document, const yibao::Json& merged) {
    const std::filesystem::path beside = std::filesystem::path(file).parent_path() / "sources";
    yibao::SourceTexts texts;
    const yibao::Json& ruleset = merged.is_object() ? merged : document;
    if (ruleset.contains("sources") && ruleset["sources"].is_array())
        for (const auto& s : ruleset["sources"]) {
            if (!s.is_object() || !s.contains("id") || !s["id"].is_string()) continue;
            const std::string id = s["id"].get<std::string>();
            std::string text;
            if (id.find('/') == std::string::npos && read_all((beside / (id + ".txt")).string(), text))
                texts[id] = std::move(text);
        }
    return yibao::source_texts(ruleset, std::move(texts));
}

// Each file checked after its bases are merged in, and its quotes against its sources' texts; the report lists
// the rulesets as merged.
int validate(const std::vector<std::string>& files) {
    if (files.empty()) return usage_error("validate needs at least one ruleset file");
    yibao::Catalog catalog;
    yibao::Issues issues;
    load_catalog(files, catalog, issues);
    bool all_ok = issues.empty();
    yibao::Json report = yibao::Json::array();
    for (const auto& file : files) {
        yibao::Issues mine;  // with paths inside the file, as its entry names the file
        for (const auto& issue : issues) {
            if (issue.path.rfind(file, 0) != 0) continue;
            mine.push_back(issue);
            mine.back().path.erase(0, std::min(issue.path.size(), file.size() + 1));
        }
        std::string text;
        yibao::Issues ignored;
        const auto document = read_all(file, text) ? yibao::parse_json(text, ignored) : std::nullopt;
        const auto* r = document && document->is_object() && (*document)["id"].is_string()
                            ? catalog.find((*document)["id"].get<std::string>()) : nullptr;
        if (document) {
            const yibao::Json& merged = r ? catalog.merged(r->id) : yibao::Json();
            const size_t before = mine.size();
            yibao::check_quotes(*document, quoted_source_texts(file, *document, merged), mine);
            if (mine.size() > before) all_ok = false;
        }
        yibao::Json entry = yibao::errors_json(mine);
        entry["ok"] = mine.empty();
        entry["file"] = file;
        // What the file's ruleset carries from last year or leaves unpublished, as its summary lists them.
        if (r && mine.empty()) {
            const yibao::Json summary = yibao::ruleset_summary(*r);
            entry["ruleset"] = r->id;
            entry["provisional"] = summary["provisional"];
            entry["unknown"] = summary["unknown"];
        }
        report.push_back(std::move(entry));
    }
    return print({{"ok", all_ok}, {"files", report}}, all_ok);
}

}  // namespace

// OLD and NEW are ruleset files (merged over their bases) or ids of loaded rulesets.
int diff(const std::vector<std::string>& operands, const std::vector<std::string>& rules_files) {
    if (operands.size() != 2) return usage_error("diff needs two rulesets: OLD NEW");
    std::vector<std::string> files = rules_files;
    std::vector<std::string> ids;
    for (const auto& operand : operands) {
        std::string text;
        if (!read_all(operand, text)) {
            ids.push_back(operand);
            continue;
        }
        files.push_back(operand);
        yibao::Issues ignored;
        const auto document = yibao::parse_json(text, ignored);
        ids.push_back(document && document->is_object() && (*document)["id"].is_string()
                          ? (*document)["id"].get<std::string>() : operand);
    }
    yibao::Catalog catalog;
    yibao::Issues issues;
    load_catalog(files, catalog, issues);
    for (const auto& id : ids)
        if (issues.empty() && !catalog.find(id)) issues.push_back(yibao::unknown_ruleset(catalog, id, id));
    if (!issues.empty()) return print(yibao::errors_json(issues), false);
    const auto lines = yibao::diff_rulesets(catalog.merged(ids[0]), catalog.merged(ids[1]));
    std::cout << ids[0] << " → " << ids[1] << "\n";
    for (const auto& line : lines) std::cout << line << "\n";
    if (lines.empty()) std::cout << "没有差异\n";
    return kOk;
}

// The case file's rulesets (its "rules", from the current directory, as the repository's name theirs from its
// root) are loaded before the --rules files, after the built-in ones.
int cases(const std::vector<std::string>& operands, const std::vector<std::string>& rules_files) {
    if (operands.size() != 1) return usage_error("cases takes one case file");
    std::string text;
    if (!read_all(operands[0], text)) return print(yibao::errors_json({unreadable(operands[0])}), false);
    yibao::Issues issues;
    const auto file = yibao::read_case_file(text, issues);
    if (!file) return print(yibao::errors_json(issues), false);
    std::vector<std::string> files = file->rules;
    files.insert(files.end(), rules_files.begin(), rules_files.end());
    yibao::Catalog catalog;
    if (!load_catalog(files, catalog, issues)) return print(yibao::errors_json(issues), false);
    const yibao::Json answer = yibao::cases_json(catalog, *file);
    return print(answer, answer["failed"] == 0);
}

int vocabulary() {
    yibao::Json codes = yibao::Json::array();
    for (const auto& c : yibao::all_codes()) codes.push_back({{"code", c.name}, {"kind", c.kind}, {"concerns", c.concerns}, {"meaning", c.meaning}});
    yibao::Json table = yibao::field_table_json();
    return print({{"vocabulary", yibao::vocabulary_json()}, {"codes", std::move(codes)},
                  {"objects", std::move(table["objects"])}, {"fields", std::move(table["fields"])},
                  {"schema", yibao::ruleset_schema()}},
                 true);
}

// The page's data as its engine reads it fastest (rules/compact.hpp), as yibao::compact_json answers. A document that
// does not load is left out and carried as its errors, as the page's engine reports them.
int compact(const std::string& path) {
    std::string text;
    if (!read_all(path, text))
        return print(yibao::errors_json({{"", yibao::Code::unreadable_file, "无法读取文件：" + path}}), false);
    const yibao::Json answer = yibao::compact_json(text);
    return print(answer, answer["ok"].get<bool>());
}

int main(int argc, char** argv) {
    std::vector<std::string> args(argv + 1, argv + argc);
    if (args.empty()) return usage_error("missing command");
    if (args[0] == "--help" || args[0] == "-h" || args[0] == "help") {
        std::cout << kUsageText;
        return kOk;
    }
    const std::string command = args[0];
    std::vector<std::string> rules_files, operands;
    BatchOptions batch;
    for (size_t i = 1; i < args.size(); ++i) {
        std::string problem;
        if (args[i] == "--rules") {
            if (i + 1 == args.size()) return usage_error("--rules needs a file");
            rules_files.push_back(args[++i]);
        } else if (command == "batch" && take_batch_option(args, i, batch, problem)) {
            if (!problem.empty()) return usage_error(problem);
        } else if (args[i].size() > 1 && args[i][0] == '-' && args[i] != "-") {
            return usage_error("unknown option " + args[i]);
        } else {
            operands.push_back(args[i]);
        }
    }
    if (command == "validate") return validate(operands);
    if (command == "diff") return diff(operands, rules_files);
    if (command == "cases") return cases(operands, rules_files);
    if (command == "vocabulary") return operands.empty() ? vocabulary() : usage_error("vocabulary takes no operands");

    if (command == "compact") {
        if (operands.size() != 1 || !rules_files.empty()) return usage_error("compact takes one data file");
        return compact(operands[0]);
    }

    yibao::Issues issues;
    yibao::Catalog catalog;
    if (!load_catalog(rules_files, catalog, issues)) return print(yibao::errors_json(issues), false);

    if (command == "rulesets") {
        if (!operands.empty()) return usage_error("rulesets takes no operands");
        return print(yibao::rulesets_json(catalog), true);
    }
    if (command == "estimate") {
        if (operands.size() > 1) return usage_error("estimate takes one request file (or - for standard input)");
        const std::string source = operands.empty() ? "-" : operands[0];
        std::string text;
        if (!read_all(source, text)) return print(yibao::errors_json({unreadable(source)}), false);
        const yibao::Json response = yibao::estimate_json(catalog, text);
        return print(response, response["ok"].get<bool>());
    }
    if (command == "year") {
        if (operands.size() != 2) return usage_error("year takes a region and a date");
        if (!yibao::Date::read(operands[1]))
            return print(yibao::errors_json({{"DATE", yibao::Code::invalid_date, yibao::Date::refusal(operands[1])}}),
                         false);
        const yibao::Json answer = yibao::years_json(catalog, operands[0], operands[1]);
        return print(answer, answer["ok"].get<bool>());
    }
    if (command == "batch") {
        if (batch.ruleset.empty()) return usage_error("batch needs --ruleset ID");
        if (operands.size() > 1) return usage_error("batch takes one roster file (or - for standard input)");
        const yibao::Ruleset* ruleset = catalog.find(batch.ruleset);
        if (!ruleset) return print(yibao::errors_json({yibao::unknown_ruleset(catalog, "--ruleset", batch.ruleset)}), false);
        if (batch.template_only) {
            if (!operands.empty()) return usage_error("batch --template takes no roster file");
            std::cout << yibao::roster_template(*ruleset);
            return kOk;
        }
        const std::string source = operands.empty() ? "-" : operands[0];
        std::FILE* input = source == "-" ? stdin : std::fopen(source.c_str(), "rb");
        if (!input) return print(yibao::errors_json({unreadable(source)}), false);
        const int status = run_batch(*ruleset, batch, input);
        if (input != stdin) std::fclose(input);
        return status;
    }
    return usage_error("unknown command " + command);
}
