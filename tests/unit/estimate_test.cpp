// The estimator through its C++ API: what the JSON golden cases cannot express as simply.
#include <catch2/catch.hpp>

#include "rules/builtin.hpp"
#include "io/contract.hpp"
#include "estimate/estimate.hpp"
#include "explain/explain.hpp"
#include "golden.hpp"

namespace {
const yibao::Catalog& catalog() {
    static const yibao::Catalog loaded = [] {
        yibao::Issues issues;
        return yibao::builtin_catalog(issues);
    }();
    return loaded;
}

yibao::Member adult(int tier) {
    yibao::Member m;
    m.id = "成人";
    m.birth_date = {1970, 1, 1};
    m.tier = tier;
    return m;
}
}  // namespace

TEST_CASE("the estimate names the rules that fired; the explanation gives their text, source and quote",
          "[estimate][provenance]") {
    const auto& r = *catalog().find("qingdao-2024");
    yibao::Issues issues;
    auto m = yibao::estimate_member(r, adult(1), {2024, 2, 15}, "/members/0", issues);
    REQUIRE(m);
    REQUIRE(m->fired.size() == 2);
    REQUIRE(m->benefit.fired.size() == 1);
    CHECK(*m->benefit.fired[0].rule == "late-payment-waiting-period");
    CHECK(m->individual == yibao::Money::from_fen(46200));
    CHECK(m->benefit.start == yibao::Date{2024, 5, 1});
    const auto steps = yibao::explanation(r, *m);
    REQUIRE(steps.size() == 3);
    CHECK(std::string(steps[0].kind) == "category");
    CHECK(steps[1].text == "成年居民选择一档，个人缴费462元，财政补助850元。");
    CHECK(steps[2].text.find("2024年5月1日") != std::string::npos);
    CHECK(steps[2].basis->front().source == "000_4c8884ade9bbb4b3");
}

TEST_CASE("a basis resting on an earlier-year notice carries the confirm note", "[estimate][provenance]") {
    const auto response = yibao::estimate_json(
        catalog(), R"({"ruleset":"shenyang-2024","payment_date":"2023-12-10",
                       "members":[{"id":"新","birth_date":"1980-01-01","history":"new"}]})");
    REQUIRE(response["ok"] == true);
    const auto& benefit = response["members"][0]["explanation"][2];
    CHECK(benefit["kind"] == "benefit");
    CHECK(benefit["note"].get<std::string>().find("024-12345-1-7") != std::string::npos);
    bool has_level_b = false;
    for (const auto& b : benefit["basis"]) has_level_b = has_level_b || b["level"] == "B";
    CHECK(has_level_b);
    const auto& fee = response["members"][0]["explanation"][1];
    CHECK_FALSE(fee.contains("note"));
    CHECK(fee["level"] == "A");
}

TEST_CASE("registration lists only what applies to the members entered", "[estimate]") {
    const auto pupils_only = yibao::estimate_json(
        catalog(), R"({"ruleset":"qingdao-2024","payment_date":"2023-10-10",
                       "members":[{"birth_date":"2012-01-01","student":"school"}]})");
    std::vector<std::string> ids;
    for (const auto& c : pupils_only["registration"]) ids.push_back(c["id"]);
    CHECK(std::find(ids.begin(), ids.end(), "school") != ids.end());
    CHECK(std::find(ids.begin(), ids.end(), "rural-village") == ids.end());
    CHECK(std::find(ids.begin(), ids.end(), "urban-new") == ids.end());

    const auto newborn = yibao::estimate_json(
        catalog(), R"({"ruleset":"shenyang-2024","payment_date":"2024-03-01",
                       "members":[{"birth_date":"2024-02-01","history":"new"}]})");
    ids.clear();
    for (const auto& c : newborn["registration"]) ids.push_back(c["id"]);
    CHECK(std::find(ids.begin(), ids.end(), "newborn") != ids.end());
    CHECK(std::find(ids.begin(), ids.end(), "assistance") == ids.end());
}

TEST_CASE("the response carries channels, contacts and the deadline", "[estimate]") {
    const auto response = yibao::estimate_json(
        catalog(), R"({"ruleset":"shenyang-2024","payment_date":"2023-12-20","members":[{"birth_date":"1980-01-01"}]})");
    CHECK(response["deadline"]["date"] == "2023-12-20");
    CHECK(response["deadline"]["met"] == true);
    CHECK(response["contacts"].size() == 17);
    CHECK(response["contacts"][0]["phone"] == "024-12345-1-7");
    CHECK(response["payment_channels"].size() == 7);
    CHECK(response["ruleset"]["year"] == 2024);
}

TEST_CASE("member ids default to their position", "[estimate]") {
    const auto response = yibao::estimate_json(
        catalog(), R"({"ruleset":"shenyang-2024","payment_date":"2023-10-10",
                       "members":[{"birth_date":"1980-01-01"},{"birth_date":"1981-01-01","id":null}]})");
    CHECK(response["members"][0]["id"] == "成员1");
    CHECK(response["members"][1]["id"] == "成员2");
}

TEST_CASE("the rulesets listing offers tiers, groups and fee tables", "[estimate]") {
    const auto listing = yibao::rulesets_json(catalog());
    REQUIRE(listing["rulesets"].size() == 7);
    for (const auto& r : listing["rulesets"]) {
        if (r["region"] == "青岛市") {
            CHECK(r["tiers"].size() == 2);
            CHECK(r["assistance_groups"].empty());
            CHECK(r["fees"].size() == 4);
        } else if (r["region"] == "玉溪市红塔区") {
            CHECK(r["tiers"].empty());
            CHECK(r["assistance_groups"].size() == 5);  // the notice's groups on today's list (README, "Every city")
            CHECK(r["fees"].size() == 4);
        } else {
            CHECK(r["tiers"].empty());
            CHECK(r["assistance_groups"].size() == 6);
            CHECK(r["fees"].size() == (r["id"] == "shenyang-2024" ? 6 : 7));
        }
    }
}

TEST_CASE("ruleset-level texts come with their dates filled in", "[estimate]") {
    const auto listing = yibao::rulesets_json(catalog());
    for (const auto& r : listing["rulesets"]) {
        const std::string deadline = r["continuity_deadline"]["text"];
        INFO(deadline);
        CHECK(deadline.find('{') == std::string::npos);
        if (r["year"] == 2024) CHECK(deadline.find("2023年12月") != std::string::npos);
        if (r["id"] == "qingdao-2027") CHECK(deadline.find("2026年12月31日") != std::string::npos);
    }
}

TEST_CASE("a provisional date flags the deadline and the start that rest on it", "[estimate][facts]") {
    auto catalog = golden::catalog_with(YIBAO_SOURCE_DIR, {});
    auto doc = yibao::Json::parse(golden::read_file(YIBAO_SOURCE_DIR "/rules/qingdao-2027.json"));
    doc["id"] = "qingdao-2027-carried-deadline";
    doc["continuity_deadline"]["date"] = {{"provisional", {{"from", "qingdao-2027"}, {"text", "截止日期暂按往年"}}}};
    yibao::Issues issues;
    catalog.load({{"", doc}}, issues);
    REQUIRE(issues.empty());
    const auto answer = yibao::estimate_json(catalog, R"({"ruleset":"qingdao-2027-carried-deadline","payment_date":"2026-12-01",
        "members":[{"birth_date":"1980-01-01","tier":1}]})");
    REQUIRE(answer["ok"] == true);
    CHECK(answer["deadline"]["date"] == "2026-12-31");
    CHECK(answer["deadline"]["provisional"][0]["text"] == "截止日期暂按往年");
    bool flagged = false;
    for (const auto& p : answer["members"][0]["provisional"]) flagged = flagged || p["fact"] == "continuity_deadline";
    CHECK(flagged);
}
