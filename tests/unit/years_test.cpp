// Which insurance year a payment belongs to (choose_year), on the built-in rulesets: Qingdao's windows
// 2023-09-01..2024-12-31, 2025-09-01..2026-12-31 and 2026-09-01..2027-12-31, deadlines on 31 December; Shenyang
// 2026 and 2027 with openings and deadlines not published.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "estimate/years.hpp"
#include "io/contract.hpp"
#include "rules/builtin.hpp"

namespace {

const yibao::Catalog& builtin() {
    static const yibao::Catalog catalog = [] {
        yibao::Issues issues;
        return yibao::builtin_catalog(issues);
    }();
    return catalog;
}

// "id late" for each year whose window holds the date, the later first; late as 1, 0 or ?.
std::vector<std::string> open_years(const std::string& region, const std::string& date) {
    std::vector<std::string> open;
    for (const auto& y : yibao::choose_year(builtin(), region, *yibao::Date::parse(date)).years)
        if (y.open) open.push_back(y.ruleset->id + " " + (y.late ? (*y.late ? "1" : "0") : "?"));
    return open;
}

std::string nearest(const std::string& region, const std::string& date) {
    const auto* r = yibao::choose_year(builtin(), region, *yibao::Date::parse(date)).nearest;
    return r ? r->id : "";
}

}  // namespace

TEST_CASE("a payment in one year's window belongs to that year; late once its deadline has passed", "[years]") {
    CHECK(open_years("青岛市", "2025-09-01") == std::vector<std::string>{"qingdao-2026 0"});
    CHECK(open_years("青岛市", "2025-12-31") == std::vector<std::string>{"qingdao-2026 0"});
    CHECK(open_years("青岛市", "2026-01-01") == std::vector<std::string>{"qingdao-2026 1"});
    CHECK(open_years("青岛市", "2026-08-31") == std::vector<std::string>{"qingdao-2026 1"});
}

TEST_CASE("in autumn two windows hold the date: the later year first, in time; this year late", "[years]") {
    CHECK(open_years("青岛市", "2026-09-01") == std::vector<std::string>{"qingdao-2027 0", "qingdao-2026 1"});
    CHECK(open_years("青岛市", "2026-12-31") == std::vector<std::string>{"qingdao-2027 0", "qingdao-2026 1"});
    CHECK(open_years("青岛市", "2027-01-01") == std::vector<std::string>{"qingdao-2027 1"});
}

TEST_CASE("a date no window holds gives the nearest year, for the estimate to say it is outside", "[years]") {
    CHECK(open_years("青岛市", "2023-08-31").empty());
    CHECK(nearest("青岛市", "2023-08-31") == "qingdao-2024");
    CHECK(open_years("青岛市", "2025-01-01").empty());
    CHECK(nearest("青岛市", "2025-01-01") == "qingdao-2024");
    CHECK(nearest("青岛市", "2025-08-31") == "qingdao-2026");
    CHECK(nearest("青岛市", "2028-01-01") == "qingdao-2027");
    CHECK(nearest("青岛市", "2026-10-01").empty());
}

TEST_CASE("an opening not published is taken from the latest known one, as many years on", "[years]") {
    // shenyang-2024 opened on 2023-09-01: 2026 is taken to open on 2025-09-01, 2027 on 2026-09-01.
    CHECK(open_years("沈阳市", "2025-08-31").empty());
    CHECK(open_years("沈阳市", "2025-09-01") == std::vector<std::string>{"shenyang-2026 ?"});
    // Deadlines not published: late only once the benefit year has begun.
    CHECK(open_years("沈阳市", "2026-09-01") == std::vector<std::string>{"shenyang-2027 ?", "shenyang-2026 1"});
}

TEST_CASE("years_json reads the date as people type it and refuses a region no ruleset has", "[years][contract]") {
    const auto typed = yibao::years_json(builtin(), "青岛市", "２０２６年９月１日");
    CHECK(typed["ok"] == true);
    CHECK(typed["date"] == "2026-09-01");
    CHECK(typed["years"].size() == 3);
    CHECK(typed["years"][0]["id"] == "qingdao-2027");
    CHECK(typed["years"][0]["open"] == true);
    CHECK(typed["years"][2]["open"] == false);
    CHECK(typed["nearest"].is_null());
    const auto partial = yibao::years_json(builtin(), "青岛市", "2026-9");
    CHECK(partial["ok"] == true);
    CHECK(partial["date"].is_null());
    const auto nowhere = yibao::years_json(builtin(), "北京市", "2026-09-01");
    CHECK(nowhere["ok"] == false);
    CHECK(nowhere["errors"][0]["path"] == "/region");
    CHECK(nowhere["errors"][0]["code"] == "unknown_value");
}
