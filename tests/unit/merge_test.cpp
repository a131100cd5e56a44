// merge_base's inverse (key_patch): what a ruleset over a base writes at a key, merged back, gives the value wanted.
#include <catch2/catch.hpp>

#include "rules/merge.hpp"

using yibao::Json;

namespace {
// The base's list with `patch` merged over it as a ruleset's would be (nothing written: the base's list).
Json merged_back(const Json& base, const Json& patch) {
    yibao::Issues issues;
    Json change = Json::object();
    if (!patch.is_null()) change["benefit_rules"] = patch;
    return yibao::merge_base({{"benefit_rules", base}}, change, issues)["benefit_rules"];
}

// Equal whatever the order of an object's keys (the merge appends a key it adds).
bool same(const Json& a, const Json& b) { return nlohmann::json::parse(a.dump()) == nlohmann::json::parse(b.dump()); }

const Json any(Json::value_t::discarded);  // a patch not checked but by merging it back

const Json base = Json::parse(R"([
  {"id": "a", "start": {"date": "2027-01-01"}, "note": "x", "waiting": {"months": 3, "basis": "b1"}},
  {"id": "b", "levels": [{"id": "1", "fen": 100}, {"id": "2", "fen": 200}]},
  {"id": "c", "amount": {"provisional": {"from": "x-2026"}}}])");
}  // namespace

TEST_CASE("the patch of a list merged over the base gives back the list wanted", "[merge][key_patch]") {
    const auto check = [](const char* what, const Json& wanted, const Json& expected_patch) {
        const Json patch = yibao::key_patch("benefit_rules", base, wanted);
        INFO(what << "\npatch: " << patch.dump());
        CHECK(same(merged_back(base, patch), wanted));
        if (!expected_patch.is_discarded()) CHECK(patch == expected_patch);
    };
    Json wanted = base;
    check("nothing changed", wanted, nullptr);
    wanted.push_back({{"id", "d"}, {"note", "new"}});
    check("an addition", wanted, Json::parse(R"([{"id": "d", "note": "new"}])"));
    wanted = base;
    wanted[0]["note"] = "y";
    check("a change", wanted, Json::parse(R"([{"id": "a", "note": "y"}])"));
    wanted = base;
    wanted[0].erase("note");
    check("a changed key removed", wanted, Json::parse(R"([{"id": "a", "note": null}])"));
    wanted = base;
    wanted.erase(1);
    check("a removal", wanted, Json::parse(R"([{"id": "b", "removed": true}])"));
    wanted = base;
    wanted[0]["waiting"].erase("basis");
    check("a key of a nested object removed", wanted, Json::parse(R"([{"id": "a", "waiting": {"basis": null}}])"));
    wanted = base;
    wanted[1]["levels"].erase(0);
    wanted[1]["levels"][0]["fen"] = 250;
    check("a nested id list: one removed, one changed", wanted,
          Json::parse(R"([{"id": "b", "levels": [{"id": "2", "fen": 250}, {"id": "1", "removed": true}]}])"));
    wanted = base;
    wanted[0]["start"] = {{"months_after_payment", 1}};
    check("a date expression is replaced whole", wanted, Json::parse(R"([{"id": "a", "start": {"months_after_payment": 1}}])"));
    wanted = base;
    wanted[2]["amount"] = {{"fen", 500}};
    check("a provisional value made this year's", wanted, any);
    wanted = Json::array({base[2], base[0], base[1]});
    check("an item moved to the front: the others taken out and added again", wanted, any);
    wanted = Json::array({base[0], {{"id", "d"}}, base[1], base[2]});
    check("an addition in the middle", wanted, any);
    wanted = Json::array({base[0], base[1], base[2], {{"id", "d"}}});
    wanted[1]["note"] = "changed";
    wanted.erase(2);
    check("additions, changes and removals at once", wanted,
          Json::parse(R"([{"id": "b", "note": "changed"}, {"id": "d"}, {"id": "c", "removed": true}])"));
}

TEST_CASE("a list without ids, or wanted without them, is written whole", "[merge][key_patch]") {
    CHECK(yibao::key_patch("websites", Json::parse(R"(["a", "b"])"), Json::parse(R"(["a"])")) == Json::parse(R"(["a"])"));
    CHECK(yibao::key_patch("websites", base, Json::array()) == Json::array());
    CHECK(same(merged_back(base, Json::array()), Json::array()));
    CHECK(yibao::key_patch("websites", nullptr, base) == base);  // no base
    CHECK(yibao::key_patch("websites", Json::parse(R"(["a"])"), Json::parse(R"(["a"])")).is_null());
    const Json twice = Json::array({base[0], base[0]});  // an id twice: the loader names it
    CHECK(yibao::key_patch("websites", base, twice) == twice);
}

TEST_CASE("the patch of an object is the keys that changed, merged back it gives the object wanted", "[merge][key_patch]") {
    const Json was = Json::parse(R"({"fixed": {"months": 3, "basis": [{"source": "s", "quote": "q"}]},
      "variable": {"months_per_year": 2}, "exempt": [{"id": "x", "when": {"student": ["school"]}}]})");
    const auto back = [&](const Json& patch) {
        yibao::Issues issues;
        Json change = Json::object();
        if (!patch.is_null()) change["waiting_period"] = patch;
        return yibao::merge_base({{"waiting_period", was}}, change, issues)["waiting_period"];
    };
    Json wanted = was;
    wanted["fixed"]["months"] = 4;
    wanted.erase("variable");
    wanted["exempt"][0]["when"] = {{"student", {"college"}}};
    const Json patch = yibao::key_patch("waiting_period", was, wanted);
    CHECK(same(patch, Json::parse(R"({"fixed": {"months": 4}, "variable": null,
      "exempt": [{"id": "x", "when": {"student": ["college"]}}]})")));
    CHECK(same(back(patch), wanted));
    CHECK(yibao::key_patch("waiting_period", was, was).is_null());
    // A condition, or an object where there was none, is written whole.
    CHECK(yibao::key_patch("when", Json::parse(R"({"a": 1, "b": 2})"), Json::parse(R"({"a": 1})")) == Json::parse(R"({"a": 1})"));
    CHECK(yibao::key_patch("tiers", nullptr, wanted) == wanted);
}
