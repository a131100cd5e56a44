// Rosters: header and cell mapping, row errors with their lines, the summary, and the CLI's decoding of
// GBK or UTF-8 input that arrives in chunks.
#include <algorithm>
#include <filesystem>
#include <map>
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "batch.hpp"
#include "golden.hpp"
#include "rules/builtin.hpp"
#include "golden.hpp"
#include "io/encoding.hpp"
#include "io/roster.hpp"

namespace {

const yibao::Ruleset& ruleset(const char* id) {
    static const yibao::Catalog catalog = [] {
        yibao::Issues issues;
        return yibao::builtin_catalog(issues);
    }();
    return *catalog.find(id);
}

constexpr yibao::Date kDefaultPayment{2023, 11, 1};

struct Run {
    std::string out;
    yibao::RosterSummary summary;
};

// Runs a roster given as text, fed `chunk` bytes at a time.
Run run_roster(const char* ruleset_id, std::string_view text, yibao::RosterOptions options = {kDefaultPayment, false},
               size_t chunk = std::string_view::npos) {
    yibao::RosterRun run(ruleset(ruleset_id), options);
    Run result;
    for (size_t at = 0; at < text.size(); at += chunk) run.feed(text.substr(at, chunk), result.out);
    run.finish(result.out);
    result.summary = run.summary();
    return result;
}

std::vector<std::string> lines_of(const std::string& out) {
    std::vector<std::string> lines;
    for (size_t at = 0; at < out.size();) {
        const size_t end = out.find("\r\n", at);
        lines.push_back(out.substr(at, end - at));
        if (end == std::string::npos) break;
        at = end + 2;
    }
    return lines;
}

std::vector<std::string> messages(const yibao::RowProblems& problems) {
    std::vector<std::string> out;
    for (const auto& p : problems) out.push_back(p.message);
    return out;
}

struct MemberRead {
    bool ok = false;
    yibao::Member member;
    yibao::RowProblems problems;
    std::vector<std::string> errors;  // their messages
};

// Reads the one data row of a roster with the given header.
MemberRead read_member(const std::string& header, const std::string& row,
                       std::optional<yibao::Date> default_payment = kDefaultPayment) {
    const std::string text = header + "\n" + row + "\n";
    yibao::CsvReader reader;
    reader.feed(text);
    reader.finish();
    yibao::RowProblems header_problems;
    const auto layout = yibao::read_roster_header(*reader.next(), header_problems);
    REQUIRE(layout);
    const yibao::CsvRecord* record = reader.next();
    REQUIRE(record);
    MemberRead read;
    read.ok = yibao::read_roster_member(*layout, *record, default_payment, read.member, read.problems);
    read.errors = messages(read.problems);
    return read;
}

std::optional<yibao::RosterLayout> header_of(const std::string& header, std::vector<std::string>& errors) {
    yibao::CsvReader reader;
    reader.feed(header);
    reader.finish();
    yibao::RowProblems problems;
    auto layout = yibao::read_roster_header(*reader.next(), problems);
    for (const auto& p : problems) CHECK(p.code == yibao::Code::bad_roster_header);
    errors = messages(problems);
    return layout;
}

constexpr const char* kChineseHeader = "姓名,出生日期,在校情况,特殊人群,缴费档次,上年度参保情况,缴费日期";

}  // namespace

TEST_CASE("Chinese headers and contract keys map their columns in any order", "[roster]") {
    std::vector<std::string> errors;
    const auto chinese = header_of("备注,出生日期,姓名,在校情况", errors);
    REQUIRE(chinese);
    CHECK(chinese->column[static_cast<size_t>(yibao::RosterField::birth_date)] == 1);
    CHECK(chinese->column[static_cast<size_t>(yibao::RosterField::id)] == 2);
    CHECK(chinese->column[static_cast<size_t>(yibao::RosterField::student)] == 3);
    CHECK(chinese->column[static_cast<size_t>(yibao::RosterField::tier)] == -1);
    CHECK_FALSE(chinese->english);
    CHECK(chinese->header == std::vector<std::string>{"备注", "出生日期", "姓名", "在校情况"});

    const auto english = header_of("payment_date,x,birth_date,history", errors);
    REQUIRE(english);
    CHECK(english->english);
    CHECK(english->column[static_cast<size_t>(yibao::RosterField::payment_date)] == 0);
    CHECK(english->column[static_cast<size_t>(yibao::RosterField::history)] == 3);
    CHECK(errors.empty());
}

TEST_CASE("a header without a birth date column, or with a column twice, is unusable", "[roster]") {
    std::vector<std::string> errors;
    CHECK_FALSE(header_of("姓名,生日", errors));
    REQUIRE(errors.size() == 1);
    CHECK(errors[0] == "第1行 表头：缺少“出生日期”列（也可写作birth_date），无法测算");

    errors.clear();
    CHECK_FALSE(header_of("出生日期,姓名,birth_date", errors));
    REQUIRE(errors.size() == 1);
    CHECK(errors[0] == "第1行 表头：“出生日期”列出现了不止一次，请只保留一列");
}

TEST_CASE("cell words map to the contract's values", "[roster]") {
    using yibao::History;
    using yibao::Student;
    const std::string header = "出生日期,在校情况,特殊人群,缴费档次,上年度参保情况";
    auto read = [&](const std::string& cells) {
        const MemberRead r = read_member(header, "1990-01-01," + cells);
        INFO(cells << ": " << (r.errors.empty() ? "" : r.errors[0]));
        REQUIRE(r.ok);
        return r.member;
    };
    for (const char* none : {"", "否", "无", "none", "幼儿园"})
        CHECK(read(std::string(none) + ",,,").student == Student::none);
    for (const char* school : {"中小学", "小学", "初中", "高中", "中职", "school"})
        CHECK(read(std::string(school) + ",,,").student == Student::school);
    for (const char* college : {"大学", "大专", "本科", "研究生", "college"})
        CHECK(read(std::string(college) + ",,,").student == Student::college);

    const std::vector<std::pair<const char*, std::vector<std::string>>> groups{
        {"", {}},           {"无", {}},
        {"低保", {"dibao"}},       {"低保对象", {"dibao"}},
        {"特困", {"tekun"}},       {"特困供养人员", {"tekun"}},
        {"孤儿", {"orphan"}},      {"重度残疾", {"severe_disability"}},
        {"重度残疾（二级及以上）人员", {"severe_disability"}},
        {"重度残疾(二级及以上)人员", {"severe_disability"}},
        {"监测对象", {"poverty_monitored"}},
        {"脱贫返贫致贫人口", {"poverty_monitored"}},
        {"纳入监测范围的脱贫返贫致贫人口", {"poverty_monitored"}},
        {"低保边缘", {"dibao_edge"}}, {"低保边缘家庭成员", {"dibao_edge"}},
        {"dibao_edge", {"dibao_edge"}}, {"severe_disability", {"severe_disability"}},
        {"低保、特困", {"dibao", "tekun"}}};
    for (const auto& [word, group] : groups) CHECK(read("," + std::string(word) + ",,").assistance == group);

    CHECK(read(",,一档,").tier == 1);
    CHECK(read(",,1,").tier == 1);
    CHECK(read(",,二档,").tier == 2);
    CHECK(read(",,2,").tier == 2);
    CHECK_FALSE(read(",,,").tier);

    const std::vector<std::pair<const char*, History>> histories{
        {"", History::continuous},       {"连续", History::continuous},   {"连续参保", History::continuous},
        {"首次", History::new_enrollee},  {"首次参保", History::new_enrollee}, {"新参保", History::new_enrollee},
        {"new", History::new_enrollee},  {"断保", History::lapsed},       {"断保后续保", History::lapsed},
        {"lapsed", History::lapsed},    {"上年已缴费但待遇还没开始", History::paid_not_started},
        {"paid_not_started", History::paid_not_started}};
    for (const auto& [word, history] : histories) CHECK(read(",,," + std::string(word)).history == history);
}

TEST_CASE("an unreadable cell is an error naming the line and the column as the header writes it", "[roster]") {
    const MemberRead dates = read_member(kChineseHeader, "张三,1980-02-30,,,,,2023/13/1");
    CHECK_FALSE(dates.ok);
    CHECK(dates.errors == std::vector<std::string>{"第2行 出生日期：“1980-02-30”不是有效日期",
                                                   "第2行 缴费日期：“2023/13/1”不是有效日期"});
    CHECK(dates.problems[0].code == yibao::Code::bad_cell);

    const MemberRead words = read_member("birth_date,student,assistance,tier,history", "1990-01-01,在家,有钱,三档,很久");
    REQUIRE(words.errors.size() == 4);
    CHECK(words.errors[0].rfind("第2行 student：“在家”无法识别，可填：否、中小学、大学", 0) == 0);
    CHECK(words.errors[1].rfind("第2行 assistance：“有钱”无法识别", 0) == 0);
    CHECK(words.errors[2].rfind("第2行 tier：“三档”无法识别", 0) == 0);
    CHECK(words.errors[3].rfind("第2行 history：“很久”无法识别", 0) == 0);

    CHECK(read_member(kChineseHeader, "张三,,,,,,").errors == std::vector<std::string>{"第2行 出生日期：未填写"});
    CHECK(read_member(kChineseHeader, "张三,1870-01-01,,,,,").errors ==
          std::vector<std::string>{"第2行 出生日期：“1870-01-01”早于1900年，请核对出生日期"});
}

TEST_CASE("an empty payment date takes the default, and without one it is an error", "[roster]") {
    CHECK(read_member(kChineseHeader, "张三,1980-01-01,,,,,").member.payment_date == kDefaultPayment);
    CHECK(read_member(kChineseHeader, "张三,1980-01-01,,,,,2024年2月15日").member.payment_date ==
          yibao::Date{2024, 2, 15});
    CHECK(read_member("出生日期", "1980-01-01").member.payment_date == kDefaultPayment);
    const MemberRead none = read_member("出生日期", "1980-01-01", std::nullopt);
    CHECK(none.errors == std::vector<std::string>{"第2行 缴费日期：未填写，也没有给出默认缴费日期"});
}

TEST_CASE("a roster comes back with its cells and the figures added", "[roster]") {
    const Run run = run_roster("shenyang-2024",
                               "姓名,出生日期,在校情况,特殊人群,备注\n"
                               "张伟,1975-03-08,否,无,\"住址:和平区,三好街\"\n"
                               "李婷,2003年5月20日,本科,低保边缘,\n");
    const auto lines = lines_of(run.out);
    REQUIRE(lines.size() == 3);
    CHECK(lines[0] == "姓名,出生日期,在校情况,特殊人群,备注,类别,个人缴费,政府补助,待遇开始,待遇结束,提示");
    CHECK(lines[1] == "张伟,1975-03-08,否,无,\"住址:和平区,三好街\",成年居民,450,640,2024-01-01,2024-12-31,");
    CHECK(lines[2] == "李婷,2003年5月20日,本科,低保边缘,,在校学生,104,796,2024-01-01,2024-12-31,");
    CHECK(run.summary.ok());
}

TEST_CASE("cells passed through that begin like a formula come back as text; figures and dates stay", "[roster]") {
    // OWASP's CSV injection list: =, +, -, @, tab and carriage return at the start of a cell get a single quote.
    const Run run = run_roster("shenyang-2024",
                               "姓名,出生日期,在校情况,特殊人群,=备注\n"
                               "=cmd|' /C calc'!A0,1975-03-08,否,无,+1\n"
                               "@SUM(A1:A2),1975-03-08,否,无,\"=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"\n"
                               "-2,1975-03-08,否,无,\"\tx\"\n"
                               "\"\rx\",=1975-03-08,否,无,张 =1\n");
    const auto lines = lines_of(run.out);
    REQUIRE(lines.size() == 5);
    CHECK(lines[0] == "姓名,出生日期,在校情况,特殊人群,'=备注,类别,个人缴费,政府补助,待遇开始,待遇结束,提示");
    CHECK(lines[1] == "'=cmd|' /C calc'!A0,1975-03-08,否,无,'+1,成年居民,450,640,2024-01-01,2024-12-31,");
    CHECK(lines[2] == "'@SUM(A1:A2),1975-03-08,否,无,\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",成年居民,450,640,2024-01-01,2024-12-31,");
    CHECK(lines[3] == "'-2,1975-03-08,否,无,'\tx,成年居民,450,640,2024-01-01,2024-12-31,");
    // A bad row keeps its cells, neutralized too; a formula sign inside a cell is left alone.
    CHECK(lines[4].rfind("\"'\rx\",'=1975-03-08,否,无,张 =1,,,,,,第5行 出生日期：", 0) == 0);
}

TEST_CASE("an English header gets English added columns and category ids", "[roster]") {
    const Run run =
        run_roster("qingdao-2024", "id,birth_date,tier,payment_date\r\ngrandma,1958-04-02,1,2024-02-15\r\n");
    const auto lines = lines_of(run.out);
    REQUIRE(lines.size() == 2);
    CHECK(lines[0] ==
          "id,birth_date,tier,payment_date,category,individual_yuan,subsidy_yuan,benefit_start,benefit_end,notes");
    CHECK(lines[1].rfind("grandma,1958-04-02,1,2024-02-15,adult,462,850,2024-05-01,2024-12-31,待遇等待期：", 0) == 0);
}

TEST_CASE("a ruleset that declares fee parts adds one column per part after 政府补助", "[roster][parts]") {
    const auto catalog = golden::catalog_with(YIBAO_SOURCE_DIR, {"tests/rulesets/parts-example.json"});
    auto roster = [&](std::string_view text) {
        yibao::RosterRun run(*catalog.find("parts-example"), {yibao::Date{2026, 11, 1}, false});
        std::string out;
        run.feed(text, out);
        run.finish(out);
        return lines_of(out);
    };
    const auto lines = roster("姓名,出生日期,特殊人群\n居民,1980-05-01,无\n低保,1970-03-01,低保\n孤儿,2015-03-01,孤儿\n错,1980-13-01,无\n");
    REQUIRE(lines.size() == 5);
    CHECK(lines[0] == "姓名,出生日期,特殊人群,类别,个人缴费,政府补助,基本医保,长期护理保险,财政补助,医疗救助资助,待遇开始,待遇结束,"
                      "提示,暂按往年标准,未公布");
    CHECK(lines[1] == "居民,1980-05-01,无,城乡居民,480,700,450,30,700,,2027-01-01,2027-12-31,,,");
    CHECK(lines[2] == "低保,1970-03-01,低保,城乡居民,160,1020,130,30,700,320,2027-01-01,2027-12-31,,,");
    // Parts not published are empty, and named in 未公布.
    CHECK(lines[3].rfind("孤儿,2015-03-01,孤儿,城乡居民,,,,30,700,,2027-01-01,2027-12-31,,,基本医保尚未公布：", 0) == 0);
    // A bad row keeps the columns in place.
    CHECK(lines[4].rfind("错,1980-13-01,无,,,,,,,,,,第5行", 0) == 0);
    const auto english = roster("id,birth_date\nx,1980-05-01\n");
    CHECK(english[0] == "id,birth_date,category,individual_yuan,subsidy_yuan,basic_yuan,ltc_yuan,finance_yuan,medical_aid_yuan,"
                        "benefit_start,benefit_end,notes,provisional,unknown");
}

TEST_CASE("a bad row is reported with its line and reason and the others go on", "[roster]") {
    const Run run = run_roster("shenyang-2024",
                               "姓名,出生日期,缴费日期\n"
                               "好人,1980-01-01,\n"
                               "\n"
                               "日期错,1980-02-30,\n"
                               "太早,1990-01-01,2023-08-31\n"
                               "多列,1990-01-01,,x\n"
                               ",,\n"
                               "好人二,1981-01-01,\n"
                               "未闭合,\"1990-01-01\n"
                               "好人三,1982-01-01,\n");
    const auto lines = lines_of(run.out);
    REQUIRE(lines.size() == 7);
    CHECK(lines[2] == "日期错,1980-02-30,,,,,,,第4行 出生日期：“1980-02-30”不是有效日期");
    CHECK(lines[3].rfind("太早,1990-01-01,2023-08-31,,,,,,第5行 缴费日期：缴费日期2023-08-31不在", 0) == 0);
    CHECK(lines[4] == "多列,1990-01-01,,,,,,,第6行：本行比表头多出1个单元格，可能是某个单元格里的逗号没有加引号");
    CHECK(lines[5].rfind("好人二,1981-01-01,,成年居民,450,640,", 0) == 0);
    CHECK(lines[6].rfind(",,,,,,,,第9行：引号没有闭合", 0) == 0);

    const yibao::RosterSummary& s = run.summary;
    CHECK_FALSE(s.ok());
    CHECK(s.header_ok);
    CHECK(s.rows_read == 6);
    CHECK(s.rows_estimated == 2);
    CHECK(s.rows_failed == 4);
    REQUIRE(s.errors.size() == 4);
    CHECK(s.errors[0].line == 4);
    CHECK(s.errors[1].line == 5);
    CHECK(s.errors[2].line == 6);
    CHECK(s.errors[3].line == 9);
    CHECK(messages(s.errors[0].problems) == std::vector<std::string>{"第4行 出生日期：“1980-02-30”不是有效日期"});
    CHECK(s.errors[0].problems[0].code == yibao::Code::bad_cell);
}

TEST_CASE("the summary counts and sums by category, waiting periods and rows without cover", "[roster]") {
    const Run run = run_roster("shenyang-2024",
                               "姓名,出生日期,在校情况,特殊人群,上年度参保情况,缴费日期\n"
                               "成人,1975-03-08,,,,\n"                         // 450 + 640
                               "低保成人,1960-01-01,,低保,断保,2024-02-15\n"    // 0 + 1090, waits to 06-01
                               "学生,2010-01-01,初中,,,\n"                       // 260 + 640
                               "边缘学生,2003-05-20,本科,低保边缘,,\n"           // 104 + 796
                               "孩子,2015-01-01,,,首次,2024-02-15\n"            // 450 + 640, waits to 03-01
                               "晚缴,1985-06-15,,,,2024-11-20\n");              // 450 + 640, no cover
    const yibao::RosterSummary& s = run.summary;
    CHECK(s.ok());
    CHECK(s.rows_read == 6);
    CHECK(s.rows_estimated == 6);
    REQUIRE(s.categories.size() == 3);  // student, minor, adult
    CHECK(s.categories[0].count == 2);
    CHECK(s.categories[0].individual == yibao::Money::from_fen(36400));
    CHECK(s.categories[0].subsidy == yibao::Money::from_fen(143600));
    CHECK(s.categories[1].count == 1);
    CHECK(s.categories[1].individual == yibao::Money::from_fen(45000));
    CHECK(s.categories[2].count == 3);
    CHECK(s.categories[2].individual == yibao::Money::from_fen(90000));
    CHECK(s.categories[2].subsidy == yibao::Money::from_fen(64000 + 109000 + 64000));
    CHECK(s.individual == yibao::Money::from_fen(36400 + 45000 + 90000));
    CHECK(s.subsidy == yibao::Money::from_fen(143600 + 64000 + 237000));
    CHECK(s.waiting_period == 2);
    CHECK(s.no_cover == 1);

    const yibao::Json json = yibao::roster_summary_json(s);
    CHECK(json["ok"] == true);
    CHECK(json["categories"][0]["label"] == "在校学生");
    CHECK(json["totals"]["individual_fen"] == 171400);
    CHECK(json["errors"].empty());
}

TEST_CASE("the summary keeps the first thousand failed rows and counts the rest", "[roster]") {
    std::string text = "出生日期\n";
    for (int i = 0; i < 1005; ++i) text += "不是日期\n";
    const Run run = run_roster("shenyang-2024", text);
    CHECK(run.summary.rows_failed == 1005);
    CHECK(run.summary.errors.size() == yibao::RosterSummary::kErrorsKept);
    CHECK(run.summary.errors_not_kept == 5);
    CHECK(run.summary.errors.back().line == 1001);
}

TEST_CASE("fed in chunks of any size, a roster gives the same output", "[roster]") {
    const std::string text = "\xEF\xBB\xBF姓名,出生日期,备注\r\n张三,1980-01-01,\"多\r\n行\"\r\n\r\n李四,2015年6月1日,\r\n错,x,\r\n";
    const Run whole = run_roster("qingdao-2024", text);
    CHECK(whole.out.rfind("\xEF\xBB\xBF姓名,出生日期,备注,类别,", 0) == 0);
    for (size_t chunk = 1; chunk < text.size(); ++chunk) {
        INFO("chunk " << chunk);
        const Run split = run_roster("qingdao-2024", text, {kDefaultPayment, false}, chunk);
        CHECK(split.out == whole.out);
        CHECK(split.summary.rows_failed == whole.summary.rows_failed);
    }
}

// The record boundaries after the first record (byte, physical line), as a reader fed a byte at a time finds them; the
// first ends the header.
std::vector<std::pair<size_t, long>> record_boundaries(std::string_view text) {
    std::vector<std::pair<size_t, long>> boundaries;
    yibao::CsvReader reader;
    size_t records = 0;
    for (size_t at = 0; at < text.size(); ++at) {
        reader.feed(text.substr(at, 1));
        while (reader.next()) ++records;
        if (const auto line = reader.record_boundary(); line && records > 0) boundaries.emplace_back(at + 1, *line);
    }
    return boundaries;
}

// Cuts `text` at every `stride`-th record boundary after the header, runs the two parts apart as a page's two workers
// do, and checks that the outputs put together and the joined summary are the whole run's.
void check_cuts(const char* ruleset_id, const std::string& text, yibao::RosterOptions options, size_t stride = 1) {
    const Run whole = run_roster(ruleset_id, text, options);
    const yibao::Json whole_summary = yibao::roster_summary_json(whole.summary);
    const auto boundaries = record_boundaries(text);
    REQUIRE(boundaries.size() > 1);
    const std::string_view header = std::string_view(text).substr(0, boundaries.front().first);
    for (size_t i = 1; i < boundaries.size(); i += stride) {
        const auto [cut, line] = boundaries[i];
        INFO("cut at byte " << cut << ", line " << line);
        yibao::RosterRun first(ruleset(ruleset_id), options);
        std::string out;
        first.feed(std::string_view(text).substr(0, cut), out);
        CHECK(first.next_line() == line);
        yibao::RosterRun later(ruleset(ruleset_id), options, yibao::LaterPart{header, line});
        CHECK(later.next_line() == line);
        later.feed(std::string_view(text).substr(cut), out);
        later.finish(out);
        CHECK(out == whole.out);
        CHECK(yibao::join_roster_summaries(yibao::roster_summary_json(first.summary()),
                                           yibao::roster_summary_json(later.summary())) == whole_summary);
    }
}

TEST_CASE("a roster cut at any record boundary and run in two parts gives the whole run's output and summary",
          "[roster][cut]") {
    const std::string rosters = YIBAO_SOURCE_DIR "/tests/rosters/";
    for (const char* file : {"shenyang.csv", "shenyang-bom.csv", "bad-rows.csv", "formulas.csv"}) {
        INFO(file);
        check_cuts("shenyang-2024", golden::read_file(rosters + file), {kDefaultPayment, false});
    }
    check_cuts("qingdao-2024", golden::read_file(rosters + "qingdao-en.csv"), {kDefaultPayment, true});
    check_cuts("shenyang-2026", golden::read_file(rosters + "shenyang-2026.csv"), {yibao::Date{2025, 10, 22}, false});
    check_cuts("qingdao-2027", golden::read_file(rosters + "qingdao-2027-en.csv"), {yibao::Date{2026, 12, 1}, false});
    // Quoted line breaks, a blank line, CRLF: a cut falls only between records.
    check_cuts("qingdao-2024", "姓名,出生日期,备注\r\n张三,1980-01-01,\"多\r\n行\"\r\n\r\n李四,2015年6月1日,\r\n错,x,\r\n",
               {kDefaultPayment, false});
    // More failed rows than the summary keeps, cut before and after the thousandth.
    std::string failing = "出生日期\n";
    for (int i = 0; i < 1005; ++i) failing += "不是日期\n";
    check_cuts("shenyang-2024", failing, {kDefaultPayment, false}, 97);
}

TEST_CASE("the cuts into parts fall on record boundaries past each part's share, with their lines", "[roster][cut]") {
    const std::string rosters = YIBAO_SOURCE_DIR "/tests/rosters/";
    std::string failing = "\r\n \r\n出生日期\n";  // blank lines before the header
    for (int i = 0; i < 300; ++i) failing += i % 7 ? "不是日期\r\n" : "\"多\n行\",1980-01-01\r\n";
    std::vector<std::string> texts{failing};
    for (const char* file : {"shenyang.csv", "shenyang-bom.csv", "bad-rows.csv", "qingdao-en.csv"})
        texts.push_back(golden::read_file(rosters + file));
    for (const std::string& text : texts) {
        const auto boundaries = record_boundaries(text);
        for (size_t parts = 2; parts <= 4; ++parts) {
            INFO(text.substr(0, 40) << " in " << parts << " parts");
            const auto cuts = yibao::roster_cuts(text, parts);
            REQUIRE(cuts);
            CHECK(cuts->header_end == boundaries.front().first);
            REQUIRE(cuts->cuts.size() == parts - 1);
            for (size_t i = 0; i < cuts->cuts.size(); ++i) {
                const yibao::RosterCut& cut = cuts->cuts[i];
                CHECK(std::find(boundaries.begin(), boundaries.end(), std::pair{cut.at, cut.line}) != boundaries.end());
                CHECK(cut.at >= text.size() * (i + 1) / parts);
                // The first boundary past the share: none between the share and the cut.
                CHECK(std::none_of(boundaries.begin(), boundaries.end(), [&](const auto& b) {
                    return b.first >= text.size() * (i + 1) / parts && b.first < cut.at;
                }));
            }
        }
    }
    // A CR alone ends a line too.
    const auto lone_cr = yibao::roster_cuts("出生日期\n1980-01-01\r1980-01-02\n1980-01-03\n", 2);
    REQUIRE(lone_cr);
    CHECK(lone_cr->cuts[0].line == 4);
    // No place to cut: one record, or none past the share.
    CHECK_FALSE(yibao::roster_cuts("出生日期\n", 2));
    CHECK_FALSE(yibao::roster_cuts("出生日期\n1980-01-01\n", 3));
}

TEST_CASE("a later part whose header is not one whole record does not read on", "[roster][cut]") {
    const auto next_line = [](std::string_view header) {
        return yibao::RosterRun(ruleset("shenyang-2024"), {kDefaultPayment, false}, yibao::LaterPart{header, 3}).next_line();
    };
    CHECK_FALSE(next_line("姓名,出生日期\n张三,1980-01-01\n"));  // two records
    CHECK_FALSE(next_line("姓名,\"出生日期\n"));                   // cut inside a quoted cell
    CHECK_FALSE(next_line("姓名,出生日期\r"));                     // an LF may still come
    CHECK_FALSE(next_line(" \n"));                                 // a blank line, no header
    CHECK(next_line("姓名,出生日期\r\n") == 3);
}

TEST_CASE("the output starts with a BOM when the input had one or when asked", "[roster]") {
    CHECK(run_roster("shenyang-2024", "出生日期\n1980-01-01\n").out.rfind("出生日期,", 0) == 0);
    CHECK(run_roster("shenyang-2024", "\xEF\xBB\xBF出生日期\n1980-01-01\n").out.rfind("\xEF\xBB\xBF出生日期,", 0) == 0);
    CHECK(run_roster("shenyang-2024", "出生日期\n1980-01-01\n", {kDefaultPayment, true}).out.rfind("\xEF\xBB\xBF", 0) == 0);
}

TEST_CASE("an empty input or an unusable header gives no output and a failed summary", "[roster]") {
    const Run empty = run_roster("shenyang-2024", "\xEF\xBB\xBF\r\n");
    CHECK(empty.out.empty());
    CHECK_FALSE(empty.summary.ok());
    REQUIRE(empty.summary.errors.size() == 1);
    CHECK(empty.summary.errors[0].problems[0].message == "第1行 表头：文件是空的，没有表头行");
    CHECK(empty.summary.errors[0].problems[0].code == yibao::Code::bad_roster_header);

    const Run bad = run_roster("shenyang-2024", "姓名,生日\n张三,1980-01-01\n");
    CHECK(bad.out.empty());
    CHECK_FALSE(bad.summary.ok());
    CHECK(bad.summary.rows_read == 0);
}

// The CLI's decoding: bytes cut anywhere between two chunks must give the same UTF-8 text.
namespace {
std::string decode(Encoding encoding, std::string_view bytes, size_t cut) {
    Utf8Source source(encoding);
    std::string text;
    const auto first = source.decode(bytes.substr(0, cut), false);
    REQUIRE(first);
    text += *first;
    const auto second = source.decode(bytes.substr(cut), true);
    REQUIRE(second);
    text += *second;
    return text;
}

// "姓名,出生日期\n王小明,2015年6月1日\n" and "😀" (a four-byte GB18030 character) in GB18030.
constexpr std::string_view kGbk =
    "\xd0\xd5\xc3\xfb,\xb3\xf6\xc9\xfa\xc8\xd5\xc6\xda\n\xcd\xf5\xd0\xa1\xc3\xf7,2015\xc4\xea"
    "6\xd4\xc2"
    "1\xc8\xd5\n\x94\x39\xfc\x36\n";
constexpr std::string_view kUtf8 = "姓名,出生日期\n王小明,2015年6月1日\n😀\n";
}  // namespace

TEST_CASE("GBK input is detected and converted wherever a chunk cuts a character", "[batch][encoding]") {
    for (size_t cut = 0; cut <= kGbk.size(); ++cut) {
        INFO("cut at " << cut);
        CHECK(decode(Encoding::detect, kGbk, cut) == kUtf8);
        CHECK(decode(Encoding::gbk, kGbk, cut) == kUtf8);
    }
}

TEST_CASE("UTF-8 input is detected wherever a chunk cuts a character, and kept as it is", "[batch][encoding]") {
    for (size_t cut = 0; cut <= kUtf8.size(); ++cut) {
        INFO("cut at " << cut);
        CHECK(decode(Encoding::detect, kUtf8, cut) == kUtf8);
    }
    Utf8Source source(Encoding::detect);
    CHECK(*source.decode("id,birth_date\n", false) == "id,birth_date\n");
    CHECK(source.encoding() == Encoding::detect);  // only ASCII so far: still undecided
    CHECK(*source.decode("\xe7\x8e\x8b,1980-01-01\n", true) == "\xe7\x8e\x8b,1980-01-01\n");
    CHECK(source.encoding() == Encoding::utf8);
}

TEST_CASE("GBK after an ASCII-only first chunk is still detected", "[batch][encoding]") {
    Utf8Source source(Encoding::detect);
    CHECK(*source.decode("id,birth_date\n", false) == "id,birth_date\n");
    CHECK(*source.decode("\xcd\xf5,1980-01-01\n", true) == "王,1980-01-01\n");
    CHECK(source.encoding() == Encoding::gbk);
}

// The staff page holds the whole roster and asks reads_as_gbk; `yibao batch` reads it block by block.
TEST_CASE("a whole roster is read as GBK or UTF-8 as yibao batch decides reading it block by block", "[batch][encoding]") {
    const auto by_blocks = [](std::string_view bytes) {
        Utf8Source source(Encoding::detect);
        for (size_t at = 0;; at += yibao::kEncodingBlock) {
            const std::string_view block = bytes.substr(std::min(at, bytes.size()), yibao::kEncodingBlock);
            const bool last = block.size() < yibao::kEncodingBlock;
            REQUIRE(source.decode(block, last));
            if (last) return source.encoding() == Encoding::gbk;
        }
    };
    const std::string ascii(yibao::kEncodingBlock - 1, 'a');
    const std::string gbk(kGbk), utf8(kUtf8);
    const std::vector<std::pair<std::string, bool>> rosters{
        {"", false},
        {ascii + ascii, false},
        {gbk, true},
        {utf8, false},
        {ascii + utf8 + ascii + gbk, false},  // the first block not all ASCII, a character cut at its end, is UTF-8
        {ascii + "a" + ascii + gbk, true},    // the second block is the first not all ASCII
        {ascii + "\xe7" + ascii + "\x8e\x8b" + gbk, true},  // a character cut at the block's end, and GBK after it
    };
    for (const auto& [roster, is_gbk] : rosters) {
        INFO(roster.size() << " bytes");
        CHECK(by_blocks(roster) == is_gbk);
        CHECK(yibao::reads_as_gbk(roster) == is_gbk);
    }
}

TEST_CASE("a byte that is no GB18030 character becomes U+FFFD", "[batch][encoding]") {
    Utf8Source source(Encoding::gbk);
    CHECK(*source.decode("a\xff" "b\xcd", true) == "a\xEF\xBF\xBD" "b\xEF\xBF\xBD");
}

namespace {

// A ruleset of tests/rulesets/ over the built-in ones, loaded once: groups-example (its groups by label, 就高, its
// two member questions), choices-example (a family account, an add-on a member chooses, a benefit tier).
const yibao::Ruleset& test_fixture(const std::string& id) {
    static std::map<std::string, yibao::Catalog> catalogs;
    auto found = catalogs.find(id);
    if (found == catalogs.end()) {
        yibao::Issues issues;
        yibao::Catalog c = yibao::builtin_catalog(issues);
        c.load_texts({{id, golden::read_file(YIBAO_SOURCE_DIR "/tests/rulesets/" + id + ".json")}}, issues);
        REQUIRE(issues.empty());
        found = catalogs.emplace(id, std::move(c)).first;
    }
    return *found->second.find(id);
}

}  // namespace

TEST_CASE("a roster answers a ruleset's member questions in columns headed by their labels, and names a bad answer by line",
          "[roster][questions]") {
    yibao::RosterRun run(test_fixture("groups-example"), {yibao::Date{2026, 11, 15}, false});
    std::string out;
    run.feed("姓名,出生日期,特殊人群,性别,户口新迁入\n"
             "母亲,1976-11-15,,女,\n"
             "父亲,1966-11-16,定额资助参保对象、全额资助参保对象,男,不是\n"
             "某人,1970-01-01,,未知,\n"
             "某某,1970-01-01,,,\n",
             out);
    run.finish(out);
    const auto lines = lines_of(out);
    REQUIRE(lines.size() == 5);
    CHECK(lines[1].rfind("母亲,1976-11-15,,女,,城乡居民,350,700,2027-01-01,2027-12-31,", 0) == 0);
    CHECK(lines[1].find("已按“不是”估算") != std::string::npos);  // 户口新迁入 left empty: its default, said
    CHECK(lines[2] == "父亲,1966-11-16,定额资助参保对象、全额资助参保对象,男,不是,城乡居民,0,700,2027-01-01,2027-12-31,");
    CHECK(lines[3].find("第4行 性别：“未知”无法识别，可填：男、女") != std::string::npos);
    CHECK(lines[4].find("第5行 性别：请选择性别（男、女）") != std::string::npos);
    CHECK(run.summary().rows_failed == 2);
}

TEST_CASE("a roster gives each add-on its own column with the fee of a member who takes it, apart from the contribution",
          "[roster][add_ons]") {
    yibao::RosterRun run(test_fixture("choices-example"), {yibao::Date{2026, 11, 15}, false});
    std::string out;
    run.feed("姓名,出生日期,缴费档次,大病医疗互助\n母亲,1980-03-01,一档,参加\n父亲,1978-03-01,一档,不参加\n", out);
    run.finish(out);
    const auto lines = lines_of(out);
    REQUIRE(lines.size() == 3);
    CHECK(lines[0] == "姓名,出生日期,缴费档次,大病医疗互助,类别,个人缴费,政府补助,大病医疗互助补充保险,待遇开始,待遇结束,提示");
    CHECK(lines[1].rfind("母亲,1980-03-01,一档,参加,城乡居民,400,700,60,2027-01-01,2027-12-31,", 0) == 0);
    CHECK(lines[2].rfind("父亲,1978-03-01,一档,不参加,城乡居民,400,700,,2027-01-01,2027-12-31,", 0) == 0);
}

TEST_CASE("a roster's notes tell a member of paying from a relative's employee account", "[roster][family_account]") {
    yibao::RosterRun run(test_fixture("choices-example"), {yibao::Date{2026, 11, 15}, false});
    std::string out;
    run.feed("姓名,出生日期,缴费档次,大病医疗互助\n母亲,1980-03-01,一档,不参加\n", out);
    run.finish(out);
    const auto lines = lines_of(out);
    REQUIRE(lines.size() == 2);
    CHECK(lines[1].find("可以用家人的职工医保个人账户缴费：职工医保参保人的个人账户可以为其配偶、父母、子女缴费，"
                        "账户余额超过2000元的部分才能用；使用前须在医保服务平台办理家庭共济备案。") != std::string::npos);
}

TEST_CASE("a roster's notes tell a student who pays tier 1 that she has tier 2's benefits", "[roster][benefit_tier]") {
    yibao::RosterRun run(test_fixture("choices-example"), {yibao::Date{2026, 11, 15}, false});
    std::string out;
    run.feed("姓名,出生日期,在校情况,大病医疗互助\n孩子,2012-05-01,中小学,不参加\n", out);
    run.finish(out);
    const auto lines = lines_of(out);
    REQUIRE(lines.size() == 2);
    CHECK(lines[1].rfind("孩子,2012-05-01,中小学,不参加,在校学生,400,700,,2027-01-01,2027-12-31,", 0) == 0);
    CHECK(lines[1].find("按一档标准缴费，享受二档标准的医保待遇。") != std::string::npos);
}

namespace {

// Every ruleset the page may be built with: the built-in ones and each fixture of tests/rulesets/ (broken.json is
// broken on purpose).
std::vector<const yibao::Ruleset*> every_ruleset() {
    std::vector<const yibao::Ruleset*> all;
    yibao::Issues issues;
    static const yibao::Catalog builtin = yibao::builtin_catalog(issues);
    for (const yibao::Ruleset& r : builtin.all()) all.push_back(&r);
    for (const auto& file : std::filesystem::directory_iterator(YIBAO_SOURCE_DIR "/tests/rulesets")) {
        const std::string id = file.path().stem().string();
        if (file.path().extension() == ".json" && id != "broken") all.push_back(&test_fixture(id));
    }
    return all;
}

std::string template_of(const yibao::Ruleset& r) {
    const std::string text = yibao::roster_template(r);
    REQUIRE(text.rfind("\xEF\xBB\xBF", 0) == 0);  // a BOM and CRLF line ends, for Excel and WPS
    REQUIRE(text.substr(text.size() - 2) == "\r\n");
    return text.substr(3);
}

}  // namespace

TEST_CASE("the template of every shipped ruleset and fixture reads back through the roster with no error",
          "[roster][template]") {
    for (const yibao::Ruleset* r : every_ruleset()) {
        INFO(r->id);
        // The second example row leaves 缴费日期 empty: the page's default date, here the day the collection opens.
        const yibao::Date payment = r->payable_from.unknown() ? r->benefit_year_start : r->payable_from.value;
        yibao::RosterRun run(*r, {payment, false});
        std::string out;
        run.feed(yibao::roster_template(*r), out);
        run.finish(out);
        INFO(out);
        CHECK(run.summary().ok());
        CHECK(run.summary().rows_estimated == 2);
    }
}

TEST_CASE("the sample roster of every shipped ruleset and fixture reads through: most rows estimated, in several "
          "categories, late payments and failures among them", "[roster][template]") {
    for (const yibao::Ruleset* r : every_ruleset()) {
        INFO(r->id);
        // Empty 缴费日期 cells take the page's default date, here the day the collection opens.
        yibao::RosterRun run(*r, {r->payable_from.unknown() ? r->benefit_year_start : r->payable_from.value, false});
        std::string out;
        run.feed(yibao::roster_sample(*r), out);
        run.finish(out);
        const yibao::RosterSummary& s = run.summary();
        CHECK(s.header_ok);
        CHECK(s.rows_read == long(yibao::kSampleRows));
        CHECK(s.rows_estimated > s.rows_read / 2);
        CHECK(s.rows_failed > 0);
        CHECK(std::count_if(s.categories.begin(), s.categories.end(), [](const auto& c) { return c.count > 0; }) >=
              std::min<long>(2, long(r->categories.size())));
        CHECK(s.waiting_period + s.no_cover + s.start_unknown > 0);
    }
}

TEST_CASE("the template has the columns the ruleset uses, its example rows in the ruleset's own words",
          "[roster][template]") {
    // Shenyang has assistance groups and no tiers.
    CHECK(lines_of(template_of(ruleset("shenyang-2024"))) ==
          std::vector<std::string>{"姓名,出生日期,在校情况,特殊人群,上年度参保情况,缴费日期",
                                   "张三,1980-05-12,否,无,连续,2023-09-01", "李小明,2015-06-01,中小学,低保对象,连续,"});
    // Qingdao has tiers and no assistance groups.
    CHECK(lines_of(template_of(ruleset("qingdao-2024"))) ==
          std::vector<std::string>{"姓名,出生日期,在校情况,缴费档次,上年度参保情况,缴费日期",
                                   "张三,1980-05-12,否,一档,连续,2023-09-01", "李小明,2015-06-01,中小学,,连续,"});
    // The city's own groups, and a column per member question headed by its label with an answer's label.
    CHECK(lines_of(template_of(test_fixture("groups-example"))) ==
          std::vector<std::string>{"姓名,出生日期,在校情况,特殊人群,上年度参保情况,缴费日期,性别,户口新迁入",
                                   "张三,1983-05-12,否,无,连续,2026-09-01,男,不是",
                                   "李小明,2018-06-01,中小学,全额资助参保对象,连续,,女,是"});
    CHECK(lines_of(template_of(test_fixture("choices-example"))) ==
          std::vector<std::string>{"姓名,出生日期,在校情况,缴费档次,上年度参保情况,缴费日期,大病医疗互助",
                                   "张三,1983-05-12,否,一档,连续,2026-09-01,不参加",
                                   "李小明,2018-06-01,中小学,,连续,,参加"});
}

TEST_CASE("the column guide says the words each column takes for the ruleset", "[roster][template]") {
    const auto guide = [](const yibao::Ruleset& r) {
        std::map<std::string, std::string> words;
        for (const yibao::RosterColumn& c : yibao::roster_columns(r)) words[c.header] = c.words;
        return words;
    };
    const auto shenyang = guide(ruleset("shenyang-2024"));
    CHECK(shenyang.count("缴费档次") == 0);
    CHECK(shenyang.at("特殊人群") == "无、“低保对象”、“特困供养人员”、“孤儿”、“重度残疾（二级及以上）人员”、"
                                      "“纳入监测范围的脱贫返贫致贫人口”、“低保边缘家庭成员”；留空即无");
    // The history words are the reader's own list: each value's first word, its other spellings, the empty cell.
    CHECK(shenyang.at("上年度参保情况") == "连续（也可写连续参保）、首次（也可写首次参保、新参保）、断保（也可写断保后续保）；留空即连续");
    CHECK(shenyang.at("在校情况").rfind("否（也可写无、不在校、非在校、幼儿园）、中小学（也可写小学、", 0) == 0);
    CHECK(shenyang.at("缴费日期") == "写作年-月-日，如2024-02-15（也可写2024/2/15、2024年2月15日、20240215）；留空的按默认缴费日期测算");
    CHECK(guide(ruleset("qingdao-2024")).at("缴费档次") == "一档、二档；留空的按一档测算；不分档的人留空");
    const auto groups = guide(test_fixture("groups-example"));
    CHECK(groups.at("特殊人群") == "无、“全额资助参保对象”、“定额资助参保对象”；留空即无；属于几个人群的，都写在这一格里，用“、”隔开");
    CHECK(groups.at("性别") == "这位成员的性别？男、女；必须填写");
    CHECK(groups.at("户口新迁入") == "户口是不是新迁入本市？不是、是；留空即不是");
    // A history only the rulesets whose rules decide on it offer.
    CHECK(guide(test_fixture("choices-example")).at("上年度参保情况") ==
          "连续（也可写连续参保）、首次（也可写首次参保、新参保）、断保（也可写断保后续保）、上年已缴费但待遇还没开始；留空即连续");
}

TEST_CASE("a group's label that holds 、 is read whole, alone or beside another", "[roster][template]") {
    const yibao::Ruleset& yuxi = ruleset("yuxi-hongta-2026");
    const std::string a = yuxi.assistance_groups[0].label, b = yuxi.assistance_groups[2].label;
    REQUIRE(a.find("、") != std::string::npos);
    for (const auto& [cell, ids] : std::vector<std::pair<std::string, std::vector<std::string>>>{
             {a, {yuxi.assistance_groups[0].id}},
             {b + "、" + a, {yuxi.assistance_groups[2].id, yuxi.assistance_groups[0].id}},
             {a + " ；低保", {yuxi.assistance_groups[0].id, "dibao"}}}) {
        INFO(cell);
        yibao::CsvReader reader;
        const std::string text = "出生日期,特殊人群\n1980-01-01,\"" + cell + "\"\n";
        reader.feed(text);
        reader.finish();
        yibao::RowProblems problems;
        const auto layout = yibao::read_roster_header(*reader.next(), problems, &yuxi);
        REQUIRE(layout);
        yibao::Member member;
        CHECK(yibao::read_roster_member(*layout, *reader.next(), kDefaultPayment, member, problems, &yuxi));
        CHECK(member.assistance == ids);
    }
}

TEST_CASE("a tier is read by the ruleset's own label", "[roster][template]") {
    yibao::Ruleset r = test_fixture("choices-example");
    r.tiers[1].label = "高档";
    yibao::CsvReader reader;
    reader.feed("出生日期,缴费档次\n1980-01-01,高档\n");
    reader.finish();
    yibao::RowProblems problems;
    const auto layout = yibao::read_roster_header(*reader.next(), problems, &r);
    REQUIRE(layout);
    yibao::Member member;
    CHECK(yibao::read_roster_member(*layout, *reader.next(), kDefaultPayment, member, problems, &r));
    CHECK(member.tier == std::optional<int>(2));
}

TEST_CASE("a warning about what is not published is told in the flag columns, not in the notes", "[roster][flags]") {
    // Shenyang 2026 publishes neither its subsidy nor the end of its window, and a payment on 2025-12-25 starts
    // benefits on 2026-01-01 inside the window but three months later after it: both starts are said, in 未公布.
    yibao::RosterRun run(ruleset("shenyang-2026"), {yibao::Date{2025, 12, 25}, false});
    std::string out;
    run.feed("姓名,出生日期\n张三,1980-05-01\n", out);
    run.finish(out);
    const auto lines = lines_of(out);
    REQUIRE(lines.size() == 2);
    CHECK(lines[0] == "姓名,出生日期,类别,个人缴费,政府补助,待遇开始,待遇结束,提示,暂按往年标准,未公布");
    std::vector<std::string> cells;
    for (size_t at = 0; at <= lines[1].size();) {
        const size_t end = std::min(lines[1].find(',', at), lines[1].size());
        cells.push_back(lines[1].substr(at, end - at));
        at = end + 1;
    }
    REQUIRE(cells.size() == 10);
    CHECK(cells[7].find("尚未公布") == std::string::npos);  // 提示
    CHECK(cells[9].rfind("政府补助标准尚未公布：", 0) == 0);
    CHECK(cells[9].find("；集中缴费期的截止日期尚未公布：") != std::string::npos);
    CHECK(cells[9].find("。如在集中缴费期内缴费：") != std::string::npos);
    CHECK(cells[9].find("；如已过集中缴费期：") != std::string::npos);
}

TEST_CASE("a roster's 上年度参保情况 takes 上年已缴费但待遇还没开始 where the ruleset names it, and elsewhere names the line",
          "[roster][history]") {
    yibao::RosterRun choices(test_fixture("choices-example"), {yibao::Date{2026, 11, 15}, false});
    std::string out;
    choices.feed("姓名,出生日期,缴费档次,上年度参保情况\n母亲,1980-03-01,一档,上年已缴费但待遇还没开始\n"
                 "父亲,1978-03-01,一档,很久\n", out);
    choices.finish(out);
    // A row's last note, the whole of it: up to the cell's end.
    const auto ends_with_note = [](const std::string& line, const std::string& note) {
        const size_t at = line.find(note);
        return at != std::string::npos && (at + note.size() == line.size() || line[at + note.size()] == ',');
    };
    auto lines = lines_of(out);
    REQUIRE(lines.size() == 3);
    CHECK(lines[1].rfind("母亲,1980-03-01,一档,上年已缴费但待遇还没开始,城乡居民,400,700,,2027-01-01,2027-12-31,", 0) == 0);
    // The words the column guide names for the ruleset: each history it offers, with its other spellings.
    CHECK(ends_with_note(lines[2], "第3行 上年度参保情况：“很久”无法识别，可填：连续（也可写连续参保）、首次（也可写首次参保、新参保）、"
                                   "断保（也可写断保后续保）、上年已缴费但待遇还没开始；留空即连续"));

    yibao::RosterRun qingdao(ruleset("qingdao-2027"), {yibao::Date{2026, 11, 15}, false});
    out.clear();
    qingdao.feed("姓名,出生日期,缴费档次,上年度参保情况\n父亲,1978-03-01,一档,上年已缴费但待遇还没开始\n"
                 "母亲,1980-03-01,一档,很久\n", out);
    qingdao.finish(out);
    lines = lines_of(out);
    REQUIRE(lines.size() == 3);
    CHECK(lines[1].find("第2行 上年度参保情况：青岛市2027年度城乡居民基本医疗保险的规则没有说明“上年已缴费但待遇还没开始”的人怎样算") !=
          std::string::npos);
    CHECK(ends_with_note(lines[2], "第3行 上年度参保情况：“很久”无法识别，可填：连续（也可写连续参保）、首次（也可写首次参保、新参保）、"
                                   "断保（也可写断保后续保）；留空即连续"));
    CHECK(qingdao.summary().rows_failed == 2);
}
