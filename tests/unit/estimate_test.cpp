// The estimator through its C++ API: what the JSON golden cases cannot express as simply.
#include <catch2/catch.hpp>

#include <algorithm>
#include <optional>

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

// One adult (tier 1) paying on `paid`, estimated on `r`.
std::optional<yibao::Result> one_adult(const yibao::Ruleset& r, yibao::Date paid) {
    yibao::Household household;
    household.ruleset_id = r.id;
    household.payment_date = paid;
    household.members = {adult(1)};
    yibao::Issues issues;
    return yibao::estimate(r, household, issues);
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

TEST_CASE("an answer is written from explain()'s texts and makes none of its own: parse, estimate, explain, write",
          "[estimate][provenance]") {
    const auto& r = *catalog().find("qingdao-2027");
    const auto result = one_adult(r, {2027, 2, 15});
    REQUIRE(result);
    auto said = yibao::explain(*result, yibao::Texts::spelled_out);
    REQUIRE(said.members.size() == 1);
    REQUIRE_FALSE(said.members[0].warnings.empty());
    REQUIRE_FALSE(result->members[0].rests_on.empty());
    // Each text changed in the explanation comes out changed in the answer: the writer only writes.
    said.members[0].steps[0].text = "步骤";
    said.members[0].warnings[0] = "提示";
    said.ruleset.collection = "缴费时间";
    for (auto& [fact, text] : said.certainties) text = "未定：" + fact->fact;
    const auto answer = yibao::result_json(*result, said);
    const auto& member = answer["members"][0];
    CHECK(member["explanation"][0]["text"] == "步骤");
    CHECK(member["warnings"][0]["message"] == "提示");
    CHECK(answer["ruleset"]["collection"]["text"] == "缴费时间");
    const auto& fact = result->members[0].rests_on.front();
    const auto& listed = member[fact->kind == yibao::Certainty::Kind::provisional ? "provisional" : "unknown"];
    REQUIRE_FALSE(listed.empty());
    CHECK(listed[0]["text"] == "未定：" + listed[0]["fact"].get<std::string>());
}

TEST_CASE("an answer by id is explained with only the texts it writes, and is the same as from every text",
          "[estimate][provenance]") {
    // 示例县: a member with a family account, a ruleset with another channel's account and window dates to tell.
    const auto catalog = golden::catalog_with(YIBAO_SOURCE_DIR, {"tests/rulesets/choices-example.json"});
    const auto& r = *catalog.find("choices-example");
    const auto result = one_adult(r, {2026, 11, 15});
    REQUIRE(result);
    REQUIRE_FALSE(result->members[0].family_accounts.empty());
    const auto by_id = yibao::Texts::by_id;
    CHECK(yibao::result_json(*result, yibao::explain(*result, by_id), by_id).dump() ==
          yibao::result_json(*result, yibao::explain(*result, yibao::Texts::spelled_out), by_id).dump());

    auto said = yibao::explain(*result, by_id);
    CHECK(said.ruleset.collection.empty());
    CHECK(said.ruleset.deadline.empty());
    // Each text said, marked, comes out in the answer: none was made for nothing.
    size_t n = 0;
    for (auto& [fact, text] : said.certainties) text = "事实" + std::to_string(n++);
    for (auto& [account, text] : said.family_accounts) text = "共济" + std::to_string(n++);
    REQUIRE(n > 0);
    const std::string answer = yibao::result_json(*result, said, by_id).dump();
    for (const auto& [fact, text] : said.certainties) CHECK(answer.find("\"" + text + "\"") != std::string::npos);
    for (const auto& [account, text] : said.family_accounts) CHECK(answer.find("\"" + text + "\"") != std::string::npos);
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
            CHECK(r["assistance_groups"].size() == 3);  // the notice's three 参保资助 groups (400, 180, 120元)
            CHECK(r["fees"].size() == 4);
        } else {
            CHECK(r["tiers"].empty());
            CHECK(r["assistance_groups"].size() == 6);
            CHECK(r["fees"].size() == (r["id"] == "shenyang-2024" ? 6 : 7));
        }
    }
}

TEST_CASE("a ruleset offers paid_not_started only where its conditions name it, and the listing says which histories",
          "[estimate][history]") {
    const auto catalog = golden::catalog_with(YIBAO_SOURCE_DIR, {"tests/rulesets/choices-example.json"});
    using yibao::History;
    for (const char* id : {"qingdao-2027", "shenyang-2027", "choices-example"}) {
        INFO(id);
        for (const History h : {History::continuous, History::new_enrollee, History::lapsed})
            CHECK(catalog.find(id)->offers(h));
        CHECK(catalog.find(id)->offers(History::paid_not_started) == (std::string(id) == "choices-example"));
    }
    CHECK(yibao::ruleset_index(*catalog.find("qingdao-2027"))["histories"] == yibao::Json{"continuous", "new", "lapsed"});
    CHECK(yibao::ruleset_index(*catalog.find("choices-example"))["histories"] ==
          yibao::Json{"continuous", "new", "lapsed", "paid_not_started"});
}

TEST_CASE("every history has its words in the engine's one list: the label, and the page's short label, which fits "
          "a closed select at 360 px in 大字模式",
          "[estimate][history]") {
    const auto characters = [](std::string_view utf8) {
        return std::count_if(utf8.begin(), utf8.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; });
    };
    const yibao::Json choices = yibao::history_words_json(&yibao::HistoryWords::short_label);
    REQUIRE(choices.size() == yibao::history_names().size());
    for (size_t h = 0; h < choices.size(); ++h) {
        INFO(yibao::history_names()[h]);
        CHECK(choices[yibao::history_names()[h]] == yibao::history_words()[h].short_label);
        CHECK(characters(yibao::history_words()[h].short_label) <= 10);
    }
    // The words the page has always shown under 上年度参保情况.
    CHECK(choices == yibao::Json{{"continuous", "连续参保"}, {"new", "首次参保"}, {"lapsed", "断保后续保"},
                                 {"paid_not_started", "已缴费但待遇未开始"}});
    // The workbench's words for the history keyword are the labels.
    for (const auto& keyword : yibao::vocabulary_json())
        if (keyword["key"] == "history")
            for (size_t h = 0; h < choices.size(); ++h)
                CHECK(keyword["words"][yibao::history_names()[h]] == yibao::history_words()[h].label);
}

TEST_CASE("paid_not_started leaves lapsed_years and continuous_years to the ruleset: neither contradicts it",
          "[estimate][history]") {
    const auto catalog = golden::catalog_with(YIBAO_SOURCE_DIR, {"tests/rulesets/choices-example.json"});
    const auto answer = yibao::estimate_json(
        catalog, R"({"ruleset":"choices-example","payment_date":"2026-11-15",
                     "members":[{"birth_date":"1980-03-01","tier":1,"history":"paid_not_started","lapsed_years":1,
                                 "continuous_years":3}]})");
    INFO(answer.dump());
    REQUIRE(answer["ok"] == true);
    CHECK(answer["members"][0]["lapsed_years"] == 1);
    CHECK(answer["members"][0]["benefit_start"] == "2027-01-01");
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

namespace {
// A fixture of tests/rulesets/ changed by `change`, loaded beside the built-in rulesets.
template <typename Change>
yibao::Catalog changed_fixture(const char* file, Change change) {
    auto catalog = golden::catalog_with(YIBAO_SOURCE_DIR, {});
    auto doc = yibao::Json::parse(golden::read_file(std::string(YIBAO_SOURCE_DIR "/tests/rulesets/") + file));
    change(doc);
    yibao::Issues issues;
    catalog.load({{"", doc}}, issues);
    for (const auto& issue : issues) INFO(issue.path << ": " << issue.message);
    REQUIRE(issues.empty());
    return catalog;
}

std::vector<std::pair<std::string, std::string>> warnings_of(const yibao::Json& member) {
    std::vector<std::pair<std::string, std::string>> out;
    for (const auto& w : member["warnings"]) out.emplace_back(w["code"].get<std::string>(), w["message"].get<std::string>());
    return out;
}
}  // namespace

TEST_CASE("a benefit rule's caveat is told with its own text, once, beside the contribution's", "[estimate][caveat]") {
    const char* adult_after_window = R"({"ruleset":"days-example","payment_date":"2027-03-01",
        "members":[{"birth_date":"1980-05-01"}]})";
    const char* adult_in_window = R"({"ruleset":"days-example","payment_date":"2026-12-01",
        "members":[{"birth_date":"1980-05-01"}]})";
    using Warnings = std::vector<std::pair<std::string, std::string>>;
    const Warnings none;
    SECTION("only the benefit rule has one: its text, not an empty message") {
        const auto catalog = changed_fixture("days-example.json", [](yibao::Json& doc) {
            doc["benefit_rules"][4]["caveat"] = "集中缴费期后缴费的待遇起始日期按往年通知估算。";
        });
        const auto answer = yibao::estimate_json(catalog, adult_after_window);
        CHECK(warnings_of(answer["members"][0]) ==
              Warnings{{"coverage_gap", answer["members"][0]["warnings"][0]["message"].get<std::string>()},
                       {"caveat", "集中缴费期后缴费的待遇起始日期按往年通知估算。"}});
        // A rule that does not apply says nothing.
        CHECK(warnings_of(yibao::estimate_json(catalog, adult_in_window)["members"][0]) == none);
    }
    SECTION("both have one: one warning with both texts, never the other rule's alone") {
        const auto catalog = changed_fixture("days-example.json", [](yibao::Json& doc) {
            doc["contributions"][0]["caveat"] = "缴费标准按往年通知估算。";
            doc["benefit_rules"][4]["caveat"] = "集中缴费期后缴费的待遇起始日期按往年通知估算。";
        });
        const auto after = warnings_of(yibao::estimate_json(catalog, adult_after_window)["members"][0]);
        REQUIRE(after.size() == 2);
        CHECK(after[0] == std::pair<std::string, std::string>{"caveat", "缴费标准按往年通知估算。；集中缴费期后缴费的待遇起始日期按往年通知估算。"});
        CHECK(after[1].first == "coverage_gap");
        CHECK(warnings_of(yibao::estimate_json(catalog, adult_in_window)["members"][0]) ==
              Warnings{{"caveat", "缴费标准按往年通知估算。"}});
    }
}

TEST_CASE("a rule marked waiting whose waiting period comes to 0 months never says 待遇等待期", "[estimate][waiting]") {
    const char* late_adult = R"({"ruleset":"qingdao-2027-example","payment_date":"2027-02-15",
        "members":[{"birth_date":"1980-05-01","tier":1}]})";
    SECTION("3 months: a waiting period") {
        const auto catalog = golden::catalog_with(YIBAO_SOURCE_DIR, {"tests/rulesets/qingdao-2027-example.json"});
        const auto member = yibao::estimate_json(catalog, late_adult)["members"][0];
        CHECK(member["waiting_months"] == 3);
        CHECK(member["waiting_period"] == true);
        CHECK(member["warnings"][0]["code"] == "waiting_period");
    }
    SECTION("0 months: the days before the start are a gap, not a 待遇等待期") {
        const auto catalog = changed_fixture("qingdao-2027-example.json", [](yibao::Json& doc) {
            doc["waiting_period"]["fixed"]["months"] = 0;
        });
        const auto member = yibao::estimate_json(catalog, late_adult)["members"][0];
        CHECK(member["waiting_months"] == 0);
        CHECK(member["benefit_start"] == "2027-02-01");
        CHECK(member["waiting_period"] == false);
        REQUIRE(member["warnings"].size() == 1);
        CHECK(member["warnings"][0]["code"] == "coverage_gap");
        CHECK(member["warnings"][0]["message"] ==
              "未享受待遇期间：2027年1月1日至2027年1月31日发生的医疗费用医保不予报销，待遇自2027年2月1日起");
        // The engine's own words; the rules' texts are the ruleset author's.
        CHECK(member["warnings"].dump().find("待遇等待期") == std::string::npos);
    }
}

TEST_CASE("就高: of groups giving the same individual contribution the first in assistance_groups is taken", "[estimate][groups]") {
    auto document = yibao::Json::parse(golden::read_file(YIBAO_SOURCE_DIR "/tests/rulesets/groups-example.json"));
    document["contributions"][1]["individual_fen"] = 0;  // 定额资助 now leaves 0元 too
    auto taken = [&](const yibao::Json& rules) {
        yibao::Issues issues;
        const auto r = yibao::load_ruleset(rules, issues);
        REQUIRE(r);
        yibao::Member m;
        m.birth_date = {1980, 1, 1};
        m.assistance = {"fixed_aid", "full_aid"};
        m.answers = {{"sex", "male"}, {"moved_in", "no"}};
        const auto result = yibao::estimate_member(*r, m, {2026, 11, 15}, "/members/0", issues);
        REQUIRE(result);
        return r->assistance_group(result->facts.assistance)->id;
    };
    CHECK(taken(document) == "full_aid");
    std::swap(document["assistance_groups"][0], document["assistance_groups"][1]);
    CHECK(taken(document) == "fixed_aid");
}
