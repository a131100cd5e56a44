// yibao: the command line over the engine. It only reads files, calls the engine and prints.
#include <cstdio>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>
#include <string>
#include <vector>

#include "batch.hpp"
#include "builtin.hpp"
#include "contract.hpp"

namespace {

constexpr const char* kUsageText = R"(usage:
  yibao rulesets [--rules FILE]...             list the rulesets (JSON)
  yibao estimate [--rules FILE]... [FILE|-]    estimate a household: request JSON in, response JSON out
  yibao validate RULESET.json...               check ruleset files; errors name the JSON path
  yibao batch --ruleset ID [--payment-date YYYY-MM-DD] [--summary FILE] [--encoding utf-8|gbk] [--bom]
              [--rules FILE]... [FILE|-]       estimate a roster (CSV, one member a row): the roster with
                                               figures added on stdout, a summary (JSON) on stderr or in FILE

  --rules FILE         also load this ruleset file; it replaces a built-in ruleset with the same id
  --ruleset ID         the ruleset a batch is estimated with
  --payment-date DATE  the payment date of roster rows whose 缴费日期 is empty
  --summary FILE       write the batch summary there instead of to stderr
  --encoding ENC       read the roster as utf-8 or gbk (default: detected)
  --bom                start the output with a UTF-8 BOM (it does when the input has one)

exit status: 0 success, 1 invalid input (error JSON on stdout; for batch: a row or the header failed), 2 wrong usage
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
yibao::Json unreadable(const std::string& path) {
    return yibao::errors_json({{path, "unreadable_file", "无法读取文件“" + path + "”"}});
}

int validate(const std::vector<std::string>& files) {
    if (files.empty()) return usage_error("validate needs at least one ruleset file");
    yibao::Json report = yibao::Json::array();
    bool all_ok = true;
    for (const auto& file : files) {
        std::string text;
        yibao::Issues issues;
        if (!read_all(file, text)) issues.push_back({"", "unreadable_file", "无法读取文件"});
        else yibao::load_ruleset_text(text, issues);
        all_ok = all_ok && issues.empty();
        yibao::Json entry = yibao::errors_json(issues);
        entry["ok"] = issues.empty();
        entry["file"] = file;
        report.push_back(std::move(entry));
    }
    return print({{"ok", all_ok}, {"files", report}}, all_ok);
}

}  // namespace

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

    yibao::Issues issues;
    yibao::Catalog catalog = yibao::builtin_catalog(issues);
    for (const auto& file : rules_files) {
        std::string text;
        if (!read_all(file, text)) return print(unreadable(file), false);
        yibao::Issues file_issues;
        if (auto ruleset = yibao::load_ruleset_text(text, file_issues)) catalog.add(std::move(*ruleset));
        for (auto& issue : file_issues) issue.path = file + "#" + issue.path;
        issues.insert(issues.end(), file_issues.begin(), file_issues.end());
    }
    if (!issues.empty()) return print(yibao::errors_json(issues), false);

    if (command == "rulesets") {
        if (!operands.empty()) return usage_error("rulesets takes no operands");
        return print(yibao::rulesets_json(catalog), true);
    }
    if (command == "estimate") {
        if (operands.size() > 1) return usage_error("estimate takes one request file (or - for standard input)");
        const std::string source = operands.empty() ? "-" : operands[0];
        std::string text;
        if (!read_all(source, text)) return print(unreadable(source), false);
        const yibao::Json response = yibao::estimate_json(catalog, text);
        return print(response, response["ok"].get<bool>());
    }
    if (command == "batch") {
        if (batch.ruleset.empty()) return usage_error("batch needs --ruleset ID");
        if (operands.size() > 1) return usage_error("batch takes one roster file (or - for standard input)");
        const yibao::Ruleset* ruleset = catalog.find(batch.ruleset);
        if (!ruleset) return print(yibao::errors_json({yibao::unknown_ruleset(catalog, "--ruleset", batch.ruleset)}), false);
        const std::string source = operands.empty() ? "-" : operands[0];
        std::FILE* input = source == "-" ? stdin : std::fopen(source.c_str(), "rb");
        if (!input) return print(unreadable(source), false);
        const int status = run_batch(*ruleset, batch, input);
        if (input != stdin) std::fclose(input);
        return status;
    }
    return usage_error("unknown command " + command);
}
