#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>

#include "rules/builtin.hpp"
#include "rules/fields.hpp"
#include "golden.hpp"
#include "rules/quotes.hpp"
#include "rules/ruleset.hpp"

namespace {
yibao::Json ruleset_file(const std::string& id) {
    return yibao::Json::parse(golden::read_file(YIBAO_SOURCE_DIR "/rules/" + id + ".json"));
}

// Calls `visit` with the basis of every rule in the ruleset.
template <typename Visit>
void for_each_basis(const yibao::Ruleset& r, Visit visit) {
    for (const auto& c : r.categories) visit(c.explain.basis);
    for (const auto& c : r.contributions) visit(c.explain.basis);
    for (const auto& b : r.benefit_rules) visit(b.explain.basis);
    for (const auto& c : r.registration) visit(c.basis);
    for (const auto& c : r.payment) visit(c.basis);
    visit(r.collection.basis);
    visit(r.deadline.basis);
    for (const auto& n : r.member_notes) visit(n.explain.basis);
    if (r.waiting_period.applies) {
        const auto& w = r.waiting_period;
        visit(w.fixed.explain.basis);
        for (const auto* part : {&w.variable, &w.repair, &w.floor})
            if (*part) visit((*part)->explain.basis);
        for (const auto& e : w.exempt) visit(e.explain.basis);
    }
}
}  // namespace

TEST_CASE("the built-in rulesets load without issues", "[ruleset]") {
    yibao::Issues issues;
    const auto catalog = yibao::builtin_catalog(issues);
    for (const auto& issue : issues) INFO(issue.path << ": " << issue.message);
    REQUIRE(issues.empty());
    REQUIRE(catalog.find("qingdao-2024"));
    REQUIRE(catalog.find("shenyang-2024"));
    CHECK_FALSE(catalog.find("beijing-2024"));
}

TEST_CASE("every rule quotes a declared source", "[ruleset][provenance]") {
    yibao::Issues issues;
    const auto catalog = yibao::builtin_catalog(issues);
    for (const auto& r : catalog.all()) {
        for_each_basis(r, [&](const std::vector<yibao::Basis>& basis) {
            REQUIRE_FALSE(basis.empty());
            for (const auto& b : basis) {
                CHECK(r.source(b.source));
                CHECK_FALSE(b.quote.empty());
            }
        });
    }
}

TEST_CASE("quotes appear word for word in every source kept in rules/sources", "[ruleset][provenance]") {
    // Each ruleset file as written, its quotes against the texts kept beside it (rules/quotes.hpp).
    std::vector<std::string> files{YIBAO_SOURCE_DIR "/tests/rulesets/qingdao-2027-example.json"};
    for (const auto& entry : std::filesystem::directory_iterator(YIBAO_SOURCE_DIR "/rules"))
        if (entry.path().extension() == ".json" && entry.path().filename() != "schema.json")
            files.push_back(entry.path().string());
    for (const auto& entry : std::filesystem::directory_iterator(YIBAO_SOURCE_DIR "/tests/rulesets"))
        if (entry.path().filename().string().find("-2026") != std::string::npos) files.push_back(entry.path().string());
    yibao::SourceTexts kept;
    for (const auto& entry : std::filesystem::directory_iterator(YIBAO_SOURCE_DIR "/rules/sources"))
        kept[entry.path().stem().string()] = golden::read_file(entry.path().string());
    const auto catalog = golden::catalog_with(YIBAO_SOURCE_DIR, {"tests/rulesets/qingdao-2027-example.json"});
    for (const auto& r : catalog.all())
        for (const auto& source : r.sources) {
            INFO(r.id << " cites " << source.id);
            if (source.level == "A") CHECK(kept.count(source.id));  // level A sources must be kept
        }
    for (const auto& file : files) {
        yibao::Issues issues;
        yibao::check_quotes(yibao::Json::parse(golden::read_file(file)), kept, issues);
        for (const auto& issue : issues) INFO(file << issue.path << ": " << issue.message);
        CHECK(issues.empty());
    }
}

TEST_CASE("a quote is found only when its source's text holds it word for word", "[ruleset][provenance]") {
    const std::string text = "参保人应在2023年9月—12月集中缴费期内缴纳2024年度居民基本医疗保险费,\n并自2024年1月1日起享受待遇";
    CHECK(yibao::quote_found("参保人应在2023年9月—12月集中缴费期内缴纳", text));
    CHECK(yibao::quote_found("缴纳2024年度居民基本医疗保险费,并自2024年1月1日起", text));  // across the line break
    CHECK(yibao::quote_found("参保人应在…集中缴费期内…并自2024年1月1日起享受待遇", text));
    CHECK_FALSE(yibao::quote_found("参保人应在2023年9月—11月集中缴费期内缴纳", text));  // made up
    CHECK_FALSE(yibao::quote_found("参保人应在…2025年1月1日起", text));                // one piece made up
    CHECK(yibao::quote_found("〔大意〕集中缴费期内缴费的，次年起享受", text));           // a paraphrase says so
}

TEST_CASE("a made-up quote in any ruleset is named at its JSON path", "[ruleset][provenance]") {
    auto document = ruleset_file("qingdao-2024");
    yibao::SourceTexts texts{{"000_4c8884ade9bbb4b3", golden::read_file(YIBAO_SOURCE_DIR "/rules/sources/000_4c8884ade9bbb4b3.txt")}};
    yibao::Issues issues;
    yibao::check_quotes(document, texts, issues);
    CHECK(issues.empty());
    document["contributions"][0]["basis"][0]["quote"] = "大学生180元执行";
    document["contributions"][1]["basis"][0]["quote"] = "二档居民…395元";
    yibao::check_quotes(document, texts, issues);
    REQUIRE(issues.size() == 1);
    CHECK(issues[0].path == "/contributions/0/basis/0/quote");
    CHECK(issues[0].code == yibao::Code::quote_not_found);
    CHECK(issues[0].message.find("大学生180元执行") != std::string::npos);
    // A source's own text field stands in for a text beside the file.
    document["sources"][0]["text"] = "大学生180元执行";
    issues.clear();
    yibao::check_quotes(document, yibao::source_texts(document, texts), issues);
    CHECK_FALSE(issues.empty());
    CHECK(issues[0].path != "/contributions/0/basis/0/quote");
}

TEST_CASE("a broken ruleset reports each problem at its JSON path", "[ruleset][errors]") {
    const auto document = yibao::Json::parse(golden::read_file(YIBAO_SOURCE_DIR "/tests/rulesets/broken.json"));
    REQUIRE(document.at("cases").size() >= 20);
    for (const auto& c : document.at("cases")) {
        DYNAMIC_SECTION(c.at("name").get<std::string>()) {
            const auto broken = ruleset_file(c.at("base").get<std::string>()).patch(c.at("patch"));
            yibao::Issues issues;
            CHECK_FALSE(yibao::load_ruleset(broken, issues));
            yibao::Json got = yibao::Json::array();
            for (const auto& issue : issues) got.push_back({{"path", issue.path}, {"code", yibao::code_name(issue.code)}});
            const auto difference = yibao::first_difference(c.at("errors"), got);
            INFO((difference ? difference->path + "：" + difference->message : ""));
            CHECK_FALSE(difference.has_value());
        }
    }
}

TEST_CASE("the field table describes each object once and names only objects it describes", "[ruleset][fields]") {
    std::set<std::string_view> names;
    for (const auto& o : yibao::ruleset_objects()) {
        INFO(o.name);
        CHECK(names.insert(o.name).second);
        CHECK_FALSE(yibao::fields_of(o.name).empty());
    }
    for (const auto& o : yibao::ruleset_objects())
        for (const yibao::Field* f : yibao::fields_of(o.name)) {
            INFO(o.name << "." << f->key);
            CHECK(yibao::find_field(o.name, f->key) == f);  // each key once
            if (f->kind == yibao::FieldKind::object || f->kind == yibao::FieldKind::list) CHECK(names.count(f->of));
        }
}

// The loader finds an object's fields as one run of the table's rows: a row placed away from its object's would not
// be read (its key refused as unknown).
TEST_CASE("the field table lists each object's fields together, so the loader finds every one of them",
          "[ruleset][fields]") {
    std::map<std::string, size_t> rows;
    const auto table = yibao::field_table_json();
    for (const auto& f : table["fields"]) ++rows[f["object"].get<std::string>()];
    for (const auto& [object, count] : rows) {
        INFO(object);
        CHECK(yibao::fields_of(object).size() == count);
    }
}

namespace {
// Words a Chinese reader reads: not empty, and not an English key (at least one character beyond ASCII).
bool chinese(std::string_view words) {
    return std::any_of(words.begin(), words.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x80; });
}
}  // namespace

TEST_CASE("every object and field of the field table has its Chinese label, so the workbench never shows a key",
          "[ruleset][fields]") {
    for (const auto& o : yibao::ruleset_objects()) {
        INFO(o.name);
        CHECK(chinese(o.label));
        CHECK(chinese(o.hint));
        for (const yibao::Field* f : yibao::fields_of(o.name)) {
            INFO(o.name << "." << f->key);
            CHECK(chinese(f->label));
            CHECK((f->hint.empty() || chinese(f->hint)));
        }
    }
}

TEST_CASE("each value of a field's enum has its words in the table, and only those", "[ruleset][fields]") {
    for (const auto& o : yibao::ruleset_objects())
        for (const yibao::Field* f : yibao::fields_of(o.name)) {
            const auto schema = yibao::Json::parse("{" + std::string(f->schema) + "}");
            const auto words = f->words.empty() ? yibao::Json::object() : yibao::Json::parse(f->words);
            INFO(o.name << "." << f->key);
            std::set<std::string> values, worded;
            for (const auto& v : schema.value("enum", yibao::Json::array())) values.insert(v.get<std::string>());
            for (const auto& [value, text] : words.items()) {
                worded.insert(value);
                CHECK(chinese(text.get<std::string>()));
            }
            CHECK(values == worded);
        }
}

TEST_CASE("a misspelt key is refused with the keys the field table gives its object", "[ruleset][fields]") {
    auto broken = ruleset_file("shenyang-2024");
    broken["contributions"][0]["individual"] = 1;
    yibao::Issues issues;
    CHECK_FALSE(yibao::load_ruleset(broken, issues));
    REQUIRE(issues.size() == 1);
    CHECK(issues[0].path == "/contributions/0/individual");
    CHECK(issues[0].code == yibao::Code::unknown_field);
    for (const yibao::Field* f : yibao::fields_of("contribution"))
        CHECK(issues[0].message.find(std::string(f->key)) != std::string::npos);
}

TEST_CASE("a ruleset that is not JSON says where it breaks", "[ruleset][errors]") {
    yibao::Issues issues;
    CHECK_FALSE(yibao::load_ruleset_text("{\"id\": \"x\",\n \"year\": }", issues));
    REQUIRE(issues.size() == 1);
    CHECK(issues[0].code == yibao::Code::malformed_json);
    CHECK(issues[0].message == "JSON 格式错误（第2行第10列）：这里应是一个值（对象、数组、文字、数字、true、false 或 null），却是“}”");
    CHECK(issues[0].line == 2);
    CHECK(issues[0].column == 10);  // " \"year\": }": the brace is the 10th character
}

TEST_CASE("each JSON syntax mistake is said in Chinese, what is wrong and where", "[ruleset][errors]") {
    auto said = [](std::string_view text) {
        yibao::Issues issues;
        CHECK_FALSE(yibao::parse_json(text, issues));
        REQUIRE(issues.size() == 1);
        CHECK(issues[0].code == yibao::Code::malformed_json);
        return issues[0].message;
    };
    CHECK(said("{\"a\": 1,\n}") == "JSON 格式错误（第2行第1列）：“}”前面多了一个逗号：最后一项后面不能有逗号");
    CHECK(said("[1, 2 ,\t]") == "JSON 格式错误（第1行第9列）：“]”前面多了一个逗号：最后一项后面不能有逗号");
    CHECK(said("{\"a\": 1 \"b\": 2}") == "JSON 格式错误（第1行第11列）：这里应是英文逗号“,”或右花括号“}”，却是“\"b\"”；可能少了一个逗号");
    CHECK(said("[1 2]") == "JSON 格式错误（第1行第4列）：这里应是英文逗号“,”或右方括号“]”，却是“2”；可能少了一个逗号");
    CHECK(said("{\"a\" 1}") == "JSON 格式错误（第1行第6列）：字段名后面应是英文冒号“:”，却是“1”");
    CHECK(said("{a: 1}") == "JSON 格式错误（第1行第2列）：“a”不是 JSON 的值：文字要写在英文双引号里，其他的值只能是数字、true、false 或 null");
    CHECK(said("{1: 1}") == "JSON 格式错误（第1行第2列）：这里应是用英文双引号括起来的字段名，却是“1”");
    CHECK(said("{\"a\": [1, 2}").find("这里应是英文逗号“,”或右方括号“]”") != std::string::npos);
    CHECK(said("{\"a\": \"x").find("文字缺少结尾的英文双引号") != std::string::npos);
    CHECK(said("{\"a\": \"x\ny\"}").find("控制字符") != std::string::npos);
    CHECK(said("{\"a\": 1e999}").find("数字“1e999”太大") != std::string::npos);
    CHECK(said("{\"a\": -}").find("不是有效的数字") != std::string::npos);
    CHECK(said("{\"a\": 1").find("内容没有写完就结束了") != std::string::npos);
    CHECK(said("{} {}").find("后面却还有“{”") != std::string::npos);
    CHECK(said("  ") == "JSON 格式错误（第1行第2列）：内容是空的，没有 JSON");
    // Columns count characters, not bytes.
    CHECK(said("{\"名\": 1,}") == "JSON 格式错误（第1行第9列）：“}”前面多了一个逗号：最后一项后面不能有逗号");
}

TEST_CASE("a ruleset that is not an object is one clear error", "[ruleset][errors]") {
    yibao::Issues issues;
    CHECK_FALSE(yibao::load_ruleset_text("[]", issues));
    REQUIRE(issues.size() == 1);
    CHECK(issues[0].path.empty());
    CHECK(issues[0].code == yibao::Code::wrong_type);
}

TEST_CASE("a catalog lets a local file replace a built-in ruleset", "[ruleset]") {
    yibao::Issues issues;
    auto catalog = yibao::builtin_catalog(issues);
    auto edited = ruleset_file("shenyang-2024");
    edited["title"] = "edited";
    auto ruleset = yibao::load_ruleset(edited, issues);
    REQUIRE(ruleset);
    const size_t before = catalog.all().size();
    catalog.add(std::move(*ruleset));
    CHECK(catalog.all().size() == before);
    CHECK(catalog.find("shenyang-2024")->title == "edited");
}

namespace {
// Loads documents (origin "/i" for the i-th) into a catalog holding the built-in rulesets.
yibao::Issues load_beside_builtins(const std::vector<yibao::Json>& documents, yibao::Catalog& catalog) {
    yibao::Issues issues;
    catalog = yibao::builtin_catalog(issues);
    std::vector<yibao::RulesetDocument> docs;
    for (size_t i = 0; i < documents.size(); ++i) docs.push_back({"/" + std::to_string(i), documents[i]});
    catalog.load(docs, issues);
    return issues;
}

yibao::Json fixture() {
    return yibao::Json::parse(golden::read_file(YIBAO_SOURCE_DIR "/tests/rulesets/qingdao-2027-example.json"));
}

yibao::Json contribution_change(int fen) {
    return {{"id", "college"}, {"individual_fen", fen},
            {"basis", {{{"source", "000_4c8884ade9bbb4b3"}, {"quote", "大学生150元"}}}}};
}
}  // namespace

TEST_CASE("a ruleset with a base inherits what it does not change and keeps the order of first-match rules",
          "[ruleset][base]") {
    yibao::Catalog catalog;
    REQUIRE(load_beside_builtins({fixture()}, catalog).empty());
    const auto* r = catalog.find("qingdao-2027-example");
    REQUIRE(r);
    CHECK(r->base == "qingdao-2024");
    CHECK(r->year == 2027);
    CHECK(r->contributions.size() == 4);
    CHECK(r->contributions[0].individual.value.fen == 15000);
    std::vector<std::string> order;
    for (const auto& b : r->benefit_rules) order.push_back(b.id);
    CHECK(order == std::vector<std::string>{"newborn-within-6-months", "newborn-6-to-12-months", "in-window", "after-window"});
    CHECK(r->source("000_4c8884ade9bbb4b3"));  // the base's sources stay, with the new ones after them
    CHECK(r->sources.back().id == "shandong-critical-illness");
    CHECK(r->waiting_period.applies);
    CHECK(catalog.merged("qingdao-2027-example")["base"] == "qingdao-2024");
}

TEST_CASE("a change to a base's rule must bring its own basis", "[ruleset][base]") {
    auto change = fixture();
    auto item = contribution_change(20000);
    item.erase("basis");
    change["contributions"] = yibao::Json::array({item});
    yibao::Catalog catalog;
    const auto issues = load_beside_builtins({change}, catalog);
    REQUIRE(issues.size() == 1);
    CHECK(issues[0].path == "/0/contributions/0/basis");
    CHECK(issues[0].code == yibao::Code::missing_basis);
    CHECK_FALSE(catalog.find("qingdao-2027-example"));

    change["contributions"] = yibao::Json::array({contribution_change(20000)});
    REQUIRE(load_beside_builtins({change}, catalog).empty());
    CHECK(catalog.find("qingdao-2027-example")->contributions[0].individual.value.fen == 20000);
}

TEST_CASE("a based ruleset states its own year, dates and title", "[ruleset][base]") {
    auto change = fixture();
    change.erase("benefit_year");
    change.erase("title");
    yibao::Catalog catalog;
    const auto issues = load_beside_builtins({change}, catalog);
    REQUIRE(issues.size() == 2);
    CHECK(issues[0].path == "/0/title");
    CHECK(issues[1].path == "/0/benefit_year");
    CHECK(issues[0].code == yibao::Code::missing);
}

TEST_CASE("an unknown base, a circle of bases and removing what the base lacks are errors at their path",
          "[ruleset][base]") {
    auto orphan = fixture();
    orphan["base"] = "qingdao-2019";
    yibao::Catalog catalog;
    auto issues = load_beside_builtins({orphan}, catalog);
    REQUIRE(issues.size() == 1);
    CHECK(issues[0].path == "/0/base");
    CHECK(issues[0].code == yibao::Code::unknown_base);

    auto a = fixture(), b = fixture();
    a["id"] = "a-2027";
    a["base"] = "b-2027";
    b["id"] = "b-2027";
    b["base"] = "a-2027";
    issues = load_beside_builtins({a, b}, catalog);
    REQUIRE(issues.size() == 2);
    CHECK(issues[0].code == yibao::Code::base_cycle);
    CHECK(issues[1].path == "/1/base");

    auto removal = fixture();
    removal["benefit_rules"].push_back({{"id", "no-such-rule"}, {"removed", true}});
    issues = load_beside_builtins({removal}, catalog);
    REQUIRE(issues.size() == 1);
    CHECK(issues[0].path == "/0/benefit_rules/4/id");
    CHECK(issues[0].code == yibao::Code::unknown_value);
}

TEST_CASE("rulesets may build on each other in any order of loading", "[ruleset][base]") {
    yibao::Json next;
    for (const char* key : {"title", "benefit_year", "collection", "continuity_deadline", "unconfirmed_note"})
        next[key] = fixture()[key];
    next["id"] = "qingdao-2028-example";
    next["base"] = "qingdao-2027-example";
    next["year"] = 2028;
    next["contributions"] = yibao::Json::array({contribution_change(25000)});
    yibao::Catalog catalog;
    REQUIRE(load_beside_builtins({next, fixture()}, catalog).empty());
    const auto* r = catalog.find("qingdao-2028-example");
    REQUIRE(r);
    CHECK(r->contributions[0].individual.value.fen == 25000);
    CHECK(r->contributions[1].individual.value.fen == 39500);
    CHECK(r->waiting_period.applies);
}

TEST_CASE("a provisional value is filled from the ruleset it names, which must be loaded and have it",
          "[ruleset][base][facts]") {
    yibao::Catalog catalog;
    REQUIRE(load_beside_builtins({}, catalog).empty());
    const auto* q27 = catalog.find("qingdao-2027");
    REQUIRE(q27);
    CHECK(q27->contributions[2].individual.provisional());
    CHECK(q27->contributions[2].individual.value.fen == 48200);  // qingdao-2026's 一档
    CHECK(q27->contributions[2].individual.certainty.from == "qingdao-2026");

    auto change = fixture();
    change["contributions"] = yibao::Json::parse(R"([{"id": "college", "individual_fen": {"provisional":
        {"from": "qingdao-2019", "text": "按往年标准估算"}}}])");
    auto issues = load_beside_builtins({change}, catalog);
    REQUIRE(issues.size() == 1);
    CHECK(issues[0].path == "/0/contributions/0/individual_fen/provisional/from");
    CHECK(issues[0].code == yibao::Code::unknown_base);

    change["contributions"] = yibao::Json::parse(R"([{"id": "nursery", "label": "托幼", "individual_fen": {"provisional":
        {"from": "qingdao-2026", "text": "按2026年度标准估算"}}, "subsidy_fen": 0, "text": "x",
        "basis": [{"source": "000_4c8884ade9bbb4b3", "quote": "大学生150元"}]}])");
    issues = load_beside_builtins({change}, catalog);
    REQUIRE(issues.size() == 1);
    CHECK(issues[0].path == "/0/contributions/4/individual_fen/provisional/from");
    CHECK(issues[0].code == yibao::Code::unknown_value);
}
