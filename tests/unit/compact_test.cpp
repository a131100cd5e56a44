// The compact form of rulesets (rules/compact.hpp): what a page made from it answers is what the JSON loader's
// rulesets answer, and a damaged copy is refused without reading past its end.
#include <catch2/catch.hpp>

#include <map>
#include <set>
#include <type_traits>
#include <typeindex>
#include <typeinfo>

#include "golden.hpp"
#include "io/contract.hpp"
#include "rules/compact.hpp"

namespace {

yibao::Catalog catalog_of(const yibao::CompactRulesets& data) {
    yibao::Catalog catalog;
    for (const yibao::Ruleset& r : data.rulesets) catalog.add(r);
    return catalog;
}

yibao::CompactRulesets shipped() {
    return {golden::catalog_with(YIBAO_SOURCE_DIR, {}).all(), {}, {}};
}

// Each member a struct lists (YIBAO_FIELDS) with where it lies in the struct, to tell whether the list leaves a member
// out: the members listed must lie one after the other, with only the padding their alignment asks between them.
struct Layout {
    struct Place {
        size_t offset, size, alignment;
    };
    const char* base;
    std::vector<Place> members;
    template <typename... T>
    void operator()(const T&... member) {
        (members.push_back({static_cast<size_t>(reinterpret_cast<const char*>(&member) - base), sizeof(T), alignof(T)}), ...);
    }
};

template <typename T, typename = void>
struct listed : std::false_type {};
template <typename T>
struct listed<T, std::void_t<decltype(T::fields(std::declval<const T&>(), std::declval<Layout&>()))>> : std::true_type {};

// The structs checked so far (a struct that holds itself, as Condition does, once), and those whose list leaves a
// member out.
struct LayoutCheck {
    std::set<std::type_index> seen;
    std::vector<std::string> incomplete;
};

template <typename T>
void check_layout(LayoutCheck& check);

template <typename T>
void check_member(LayoutCheck& check) {
    if constexpr (listed<T>::value) check_layout<T>(check);
}
template <typename T>
void check_member_of(const std::vector<T>*, LayoutCheck& check) { check_member<T>(check); }
template <typename T>
void check_member_of(const std::optional<T>*, LayoutCheck& check) { check_member<T>(check); }
template <typename T>
void check_member_of(const T*, LayoutCheck& check) { check_member<T>(check); }

// T's list, then those of the structs it holds.
template <typename T>
void check_layout(LayoutCheck& check) {
    if (!check.seen.insert(typeid(T)).second) return;
    const T value{};
    Layout layout{reinterpret_cast<const char*>(&value), {}};
    T::fields(value, layout);
    const auto aligned = [](size_t at, size_t alignment) { return (at + alignment - 1) / alignment * alignment; };
    size_t end = 0;
    bool tiles = true;
    for (const Layout::Place& member : layout.members) {
        tiles = tiles && member.offset == aligned(end, member.alignment);
        end = member.offset + member.size;
    }
    if (!tiles || aligned(end, alignof(T)) != sizeof(T)) check.incomplete.push_back(typeid(T).name());
    T::fields(value, [&](const auto&... member) { (check_member_of(&member, check), ...); });
}

}  // namespace

TEST_CASE("every struct a ruleset holds lists all its members for the compact form", "[compact]") {
    // A member left out of a list would not be carried; one small enough to hide in padding is not seen here, and
    // only the golden cases below can tell.
    LayoutCheck check;
    check_layout<yibao::Ruleset>(check);
    check_layout<yibao::Issue>(check);
    check_layout<yibao::DocumentName>(check);
    CHECK(check.incomplete == std::vector<std::string>{});
}

TEST_CASE("every golden case answers the same from the compact form as from the rulesets' JSON", "[compact][golden]") {
    std::map<std::vector<std::string>, std::pair<yibao::Catalog, yibao::Catalog>> catalogs;  // by the case's rules
    for (const auto& c : golden::load_cases(YIBAO_SOURCE_DIR "/tests/cases")) {
        auto found = catalogs.find(c.rules);
        if (found == catalogs.end()) {
            yibao::Catalog from_json = golden::catalog_with(YIBAO_SOURCE_DIR, c.rules);
            const auto read = yibao::read_compact(yibao::write_compact({from_json.all(), {}, {}}));
            REQUIRE(read);
            found = catalogs.emplace(c.rules, std::make_pair(std::move(from_json), catalog_of(*read))).first;
        }
        const auto& [from_json, from_compact] = found->second;
        INFO(c.file << ": " << c.c.name);
        CHECK(yibao::estimate_json(from_compact, c.c.request).dump() == yibao::estimate_json(from_json, c.c.request).dump());
    }
    REQUIRE(catalogs.size() >= 2);
    for (const auto& [rules, both] : catalogs) {
        // Everything a page shows of a ruleset: its index, fee table, channels, contacts and sources.
        CHECK(yibao::rulesets_json(both.second).dump() == yibao::rulesets_json(both.first).dump());
    }
}

TEST_CASE("the problems of the documents that did not load are carried with their paths, and the documents' names", "[compact]") {
    // The page's data as a page may hold it: a ruleset, one with an amount out of range, and text that is no ruleset.
    const std::string data = R"([{"id": "x", "title": "X"}, {"id": "y", "title": "某市2027年度", "year": "2027"}, 3])";
    const yibao::CompactRulesets made = yibao::compact_rulesets(data);
    REQUIRE_FALSE(made.issues.empty());
    const auto read = yibao::read_compact(yibao::write_compact(made));
    REQUIRE(read);
    CHECK(read->rulesets.empty());
    REQUIRE(read->issues.size() == made.issues.size());
    for (size_t i = 0; i < made.issues.size(); ++i) {
        CHECK(read->issues[i].path == made.issues[i].path);
        CHECK(read->issues[i].code == made.issues[i].code);
        CHECK(read->issues[i].message == made.issues[i].message);
    }
    REQUIRE(read->documents.size() == 3);
    CHECK(read->documents[1].id == "y");
    CHECK(read->documents[1].title == "某市2027年度");
    CHECK(read->documents[2].id.empty());
    CHECK(yibao::loaded_json(yibao::Catalog(), read->issues, read->documents)["documents"][1]["title"] == "某市2027年度");
}

TEST_CASE("a syntax error keeps its line and column in the compact form", "[compact]") {
    const auto read = yibao::read_compact(yibao::write_compact(yibao::compact_rulesets("[{\"id\": }]")));
    REQUIRE(read);
    REQUIRE(read->issues.size() == 1);
    CHECK(read->issues[0].code == yibao::Code::malformed_json);
    CHECK(read->issues[0].line == 1);
    CHECK(read->issues[0].column > 0);
    CHECK(read->documents.empty());
}

TEST_CASE("a cut, damaged or other-version copy of the compact form is refused", "[compact]") {
    const std::string bytes = yibao::write_compact(shipped());
    REQUIRE(yibao::read_compact(bytes));

    SECTION("cut anywhere, it is refused") {
        for (size_t size = 0; size < bytes.size(); size += size < 64 || bytes.size() - size < 64 ? 1 : 61) {
            INFO("cut to " << size << " of " << bytes.size() << " bytes");
            CHECK_FALSE(yibao::read_compact(std::string_view(bytes).substr(0, size)));
            CHECK_FALSE(yibao::read_compact_unchecked(std::string_view(bytes).substr(0, size)));
        }
    }
    SECTION("a byte changed anywhere fails the checksum") {
        for (size_t at = 0; at < bytes.size(); at += 37) {
            std::string damaged = bytes;
            damaged[at] = static_cast<char>(damaged[at] ^ 0x5a);
            INFO("byte " << at);
            CHECK_FALSE(yibao::read_compact(damaged));
        }
    }
    SECTION("a byte changed past the checksum's test reads as something or nothing, within the bytes") {
        // Under the sanitizers (make test-asan) this is where a read past the end or an enum out of its range shows.
        for (size_t at = 8; at < bytes.size(); at += at < 512 ? 3 : 211)
            for (const unsigned char value : {0x00, 0x80, 0xff}) {
                std::string damaged = bytes;
                damaged[at] = static_cast<char>(value);
                (void)yibao::read_compact_unchecked(damaged);
            }
        SUCCEED("no damaged copy read past its bytes");
    }
    SECTION("another version of the form is refused") {
        std::string other = bytes;
        other[3] = static_cast<char>(other[3] + 1);
        CHECK_FALSE(yibao::read_compact(other));
    }
}
