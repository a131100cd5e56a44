// make bench: native estimate throughput on a realistic household mix, through the full JSON contract
// (parse, validate, estimate, explain, serialise) as the CLI and the page use it.
#include <chrono>
#include <cstdio>
#include <random>
#include <string>
#include <vector>

#include "rules/builtin.hpp"
#include "io/contract.hpp"

namespace {

// Households as the autumn collection sees them: grandparents, parents, pupils, students, newborns.
std::vector<std::string> make_households(size_t count, std::mt19937& random) {
    const char* rulesets[] = {"qingdao-2024", "shenyang-2024"};
    const char* assistance[] = {"none", "none", "none", "none", "dibao", "dibao_edge", "tekun"};
    const char* history[] = {"continuous", "continuous", "continuous", "new", "lapsed"};
    const char* payment_dates[] = {"2023-09-15", "2023-10-20", "2023-12-01", "2023-12-20",
                                   "2023-12-28", "2024-01-15", "2024-03-03", "2024-07-01"};
    auto pick = [&](auto& list) { return list[random() % (sizeof list / sizeof list[0])]; };
    std::vector<std::string> out;
    for (size_t i = 0; i < count; ++i) {
        const std::string ruleset = pick(rulesets);
        const bool qingdao = ruleset == "qingdao-2024";
        yibao::Json request = {{"ruleset", ruleset}, {"payment_date", pick(payment_dates)}, {"members", yibao::Json::array()}};
        const size_t members = 1 + random() % 6;
        for (size_t m = 0; m < members; ++m) {
            const int kind = static_cast<int>(random() % 5);  // elder, adult, pupil, student, baby
            const int year = kind == 0 ? 1940 + static_cast<int>(random() % 20)
                           : kind == 1 ? 1965 + static_cast<int>(random() % 35)
                           : kind == 2 ? 2006 + static_cast<int>(random() % 16)
                           : kind == 3 ? 2000 + static_cast<int>(random() % 6) : 2023;
            char birth[16];
            std::snprintf(birth, sizeof birth, "%04d-%02d-%02d", year, 1 + static_cast<int>(random() % 8),
                          1 + static_cast<int>(random() % 28));
            yibao::Json member = {{"id", "成员" + std::to_string(m + 1)}, {"birth_date", birth},
                                  {"history", pick(history)}};
            if (kind == 2) member["student"] = "school";
            if (kind == 3) member["student"] = "college";
            if (qingdao && kind <= 1) member["tier"] = 1 + static_cast<int>(random() % 2);
            if (!qingdao) member["assistance"] = pick(assistance);
            request["members"].push_back(member);
        }
        out.push_back(request.dump());
    }
    return out;
}

}  // namespace

int main() {
    yibao::Issues issues;
    const yibao::Catalog catalog = yibao::builtin_catalog(issues);
    if (!issues.empty()) return 1;
    std::mt19937 random(20231101);
    const auto households = make_households(20000, random);

    using Clock = std::chrono::steady_clock;
    size_t estimated = 0, members = 0, failed = 0, bytes = 0;
    const auto start = Clock::now();
    double seconds = 0;
    while (seconds < 2.0) {
        for (const auto& request : households) {
            const auto response = yibao::estimate_json(catalog, request);
            if (response["ok"] == true) members += response["members"].size();
            else ++failed;
            bytes += response.dump().size();
            ++estimated;
        }
        seconds = std::chrono::duration<double>(Clock::now() - start).count();
    }
    // The engine core alone: households already parsed, results kept as structs (explanations included).
    std::vector<yibao::Household> parsed;
    for (const auto& request : households)
        if (auto parsed_request = yibao::parse_request(yibao::Json::parse(request), catalog, issues))
            parsed.push_back(parsed_request->household);
    size_t core_estimated = 0, core_members = 0;
    const auto core_start = Clock::now();
    double core_seconds = 0;
    while (core_seconds < 2.0) {
        for (const auto& household : parsed) {
            if (auto result = yibao::estimate(*catalog.find(household.ruleset_id), household, issues))
                core_members += result->members.size();
            ++core_estimated;
        }
        core_seconds = std::chrono::duration<double>(Clock::now() - core_start).count();
    }
    std::printf("estimate (engine core, native): %zu households in %.2f s = %.0f households/s, %.0f members/s\n",
                core_estimated, core_seconds, static_cast<double>(core_estimated) / core_seconds,
                static_cast<double>(core_members) / core_seconds);
    std::printf("estimate (JSON contract, native): %zu households (%zu members, %zu rejected) in %.2f s = %.0f households/s, "
                "%.0f members/s, %.1f KB response on average\n",
                estimated, members, failed, seconds, static_cast<double>(estimated) / seconds, static_cast<double>(members) / seconds,
                static_cast<double>(bytes) / 1024.0 / static_cast<double>(estimated));
    return 0;
}
