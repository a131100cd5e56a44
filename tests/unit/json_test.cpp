#include <catch2/catch.hpp>

#include <string>

#include "core/json.hpp"

using yibao::Json;

TEST_CASE("a JSON object keeps its keys in the order they were first set", "[json]") {
    Json object = {{"zeta", 1}, {"alpha", 2}};
    object["middle"] = 3;
    object["zeta"] = 4;  // set again: keeps its place
    CHECK(object.dump() == R"({"zeta":4,"alpha":2,"middle":3})");
    CHECK(Json::parse(R"({"b":1,"a":2})").dump() == R"({"b":1,"a":2})");
}

TEST_CASE("a JSON object finds, counts, erases and updates by key", "[json]") {
    Json object = {{"a", 1}, {"b", 2}, {"c", 3}};
    CHECK(object.contains("b"));
    CHECK(object.count("x") == 0);
    CHECK(object.value("c", 0) == 3);
    CHECK(object.erase("b") == 1);
    CHECK(object.erase("b") == 0);
    CHECK(object.dump() == R"({"a":1,"c":3})");
    object.erase(object.begin());
    CHECK(object.dump() == R"({"c":3})");
    object.update(Json{{"d", 4}, {"c", 5}});
    CHECK(object.dump() == R"({"c":5,"d":4})");
    CHECK(object == Json::parse(R"({"c":5,"d":4})"));
    CHECK(object != Json::parse(R"({"d":4,"c":5})"));  // ordered: the same keys in another order differ
}

// Why the engine has its own object type (core/json.hpp): nlohmann's ordered_map copied every member, value and
// all, each time an object's storage grew.
TEST_CASE("a JSON object moves its members when it grows, never copies them", "[json]") {
    Json object = Json::object();
    object["explanation"] = Json::array({"a step", "another step"});
    const Json* first_step = &object["explanation"][0];
    for (int i = 0; i < 100; ++i) object["key" + std::to_string(i)] = i;
    CHECK(&object["explanation"][0] == first_step);
    CHECK(object["explanation"][1] == "another step");
}
