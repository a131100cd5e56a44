// The incremental CSV reader and the field writer.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "io/csv.hpp"

namespace {

struct Record {
    long line;
    std::vector<std::string> fields;
    bool operator==(const Record& other) const { return line == other.line && fields == other.fields; }
};

struct Parsed {
    std::vector<Record> records;
    std::optional<yibao::CsvError> error;
    bool bom = false;
};

// Reads `text` fed at the given cut points, as a file read in chunks would arrive.
Parsed read_csv(std::string_view text, const std::vector<size_t>& cuts = {}) {
    yibao::CsvReader reader;
    Parsed parsed;
    auto drain = [&] {
        while (const yibao::CsvRecord* r = reader.next()) {
            Record record{r->line(), {}};
            for (size_t i = 0; i < r->size(); ++i) record.fields.emplace_back((*r)[i]);
            parsed.records.push_back(record);
        }
    };
    size_t at = 0;
    for (size_t cut : cuts) {
        reader.feed(text.substr(at, cut - at));
        drain();
        at = cut;
    }
    reader.feed(text.substr(at));
    drain();
    reader.finish();
    drain();
    parsed.error = reader.error();
    parsed.bom = reader.had_bom();
    return parsed;
}

using Fields = std::vector<std::string>;

}  // namespace

TEST_CASE("plain records give their fields and starting lines", "[csv]") {
    const auto p = read_csv("a,b,c\n1,2,3\n");
    REQUIRE(p.records.size() == 2);
    CHECK(p.records[0] == Record{1, {"a", "b", "c"}});
    CHECK(p.records[1] == Record{2, {"1", "2", "3"}});
    CHECK_FALSE(p.error);
}

TEST_CASE("quoted fields hold commas and doubled quotes", "[csv]") {
    const auto p = read_csv("\"a,b\",\"say \"\"hi\"\"\",c,\"\"\n");
    REQUIRE(p.records.size() == 1);
    CHECK(p.records[0].fields == Fields{"a,b", "say \"hi\"", "c", ""});
}

TEST_CASE("quoted fields hold LF, CR and CRLF, and the lines are still counted", "[csv]") {
    const auto p = read_csv("\"x\ny\",z\r\n\"a\r\nb\",\"c\rd\"\nlast\n");
    REQUIRE(p.records.size() == 3);
    CHECK(p.records[0] == Record{1, {"x\ny", "z"}});
    CHECK(p.records[1] == Record{3, {"a\r\nb", "c\rd"}});
    CHECK(p.records[2] == Record{6, {"last"}});
}

TEST_CASE("records end with LF, CRLF or CR, the last one with no line end at all", "[csv]") {
    const auto p = read_csv("a\r\nb\nc\rd");
    REQUIRE(p.records.size() == 4);
    CHECK(p.records[0] == Record{1, {"a"}});
    CHECK(p.records[1] == Record{2, {"b"}});
    CHECK(p.records[2] == Record{3, {"c"}});
    CHECK(p.records[3] == Record{4, {"d"}});
}

TEST_CASE("blank lines are skipped but keep their line numbers", "[csv]") {
    const auto p = read_csv("\n\na\n\r\n  \nb\n\n");
    REQUIRE(p.records.size() == 2);
    CHECK(p.records[0] == Record{3, {"a"}});
    CHECK(p.records[1] == Record{6, {"b"}});
}

TEST_CASE("a line of empty fields or one quoted empty field is a record, not a blank line", "[csv]") {
    const auto p = read_csv(",\n\"\"\na,,\n");
    REQUIRE(p.records.size() == 3);
    CHECK(p.records[0].fields == Fields{"", ""});
    CHECK(p.records[1].fields == Fields{""});
    CHECK(p.records[2].fields == Fields{"a", "", ""});
}

TEST_CASE("trailing spaces of unquoted fields are trimmed, quoted ones keep theirs", "[csv]") {
    const auto p = read_csv("a  , b\t,\" c \"  ,\"d\" e \n");
    REQUIRE(p.records.size() == 1);
    CHECK(p.records[0].fields == Fields{"a", " b", " c ", "d e"});
}

TEST_CASE("a UTF-8 BOM at the start is skipped and noticed", "[csv]") {
    const auto with = read_csv("\xEF\xBB\xBF姓名,出生日期\n");
    CHECK(with.bom);
    REQUIRE(with.records.size() == 1);
    CHECK(with.records[0].fields == Fields{"姓名", "出生日期"});

    const auto without = read_csv("姓名\n");
    CHECK_FALSE(without.bom);
    CHECK(without.records[0].fields == Fields{"姓名"});

    // "，" starts with the BOM's first byte but is text.
    const auto comma = read_csv("\xEF\xBC\x8C,x\n");
    CHECK_FALSE(comma.bom);
    CHECK(comma.records[0].fields == Fields{"\xEF\xBC\x8C", "x"});

    const auto only_part = read_csv("\xEF\xBB");
    CHECK(only_part.records[0].fields == Fields{"\xEF\xBB"});
}

TEST_CASE("a quote left open to the end of input is an error with the line it opened on", "[csv]") {
    const auto p = read_csv("a,b\n\n\"c,d\ne\n");
    REQUIRE(p.records.size() == 1);
    CHECK(p.records[0] == Record{1, {"a", "b"}});
    REQUIRE(p.error);
    CHECK(p.error->line == 3);
    CHECK(p.error->message.find("第3行") == 0);
    CHECK(p.error->message.find("引号没有闭合") != std::string::npos);
}

TEST_CASE("every cut of a tricky input into chunks reads the same records", "[csv]") {
    const std::string text =
        "\xEF\xBB\xBF姓名,备注 \r\n"
        "\"王,五\",\"他说\"\"好\"\"\r\n第二行\"\r\n"
        "\r\n"
        "\"a\rb\",c  \rlast,\"\"\n"
        "\xEF\xBC\x8C,\"open";
    const Parsed whole = read_csv(text);
    REQUIRE(whole.records.size() == 4);
    CHECK(whole.records[0] == Record{1, {"姓名", "备注"}});
    CHECK(whole.records[1] == Record{2, {"王,五", "他说\"好\"\r\n第二行"}});
    CHECK(whole.records[2] == Record{5, {"a\rb", "c"}});
    CHECK(whole.records[3] == Record{7, {"last", ""}});
    REQUIRE(whole.error);
    CHECK(whole.error->line == 8);

    for (size_t cut = 0; cut <= text.size(); ++cut) {
        INFO("cut at " << cut);
        const Parsed split = read_csv(text, {cut});
        CHECK(split.records == whole.records);
        CHECK(split.bom);
        REQUIRE(split.error);
        CHECK(split.error->line == 8);
    }
    std::vector<size_t> every_byte;
    for (size_t cut = 1; cut < text.size(); ++cut) every_byte.push_back(cut);
    CHECK(read_csv(text, every_byte).records == whole.records);
}

TEST_CASE("the writer quotes a field only when it must, and the reader reads it back", "[csv]") {
    const Fields fields{"plain", "a,b", "say \"hi\"", "two\r\nlines", "cr\r", "lf\n", "pad ", "", "中文"};
    std::string line;
    for (size_t i = 0; i < fields.size(); ++i) {
        if (i > 0) line += ',';
        yibao::append_csv_field(line, fields[i]);
    }
    CHECK(line == "plain,\"a,b\",\"say \"\"hi\"\"\",\"two\r\nlines\",\"cr\r\",\"lf\n\",\"pad \",,中文");
    const auto p = read_csv(line + "\r\n");
    REQUIRE(p.records.size() == 1);
    CHECK(p.records[0].fields == fields);
}

TEST_CASE("a record's cells are written back as each cell alone would be, the plain ones at once", "[csv]") {
    // Each row, read, then its first three cells written: at once where no cell needs quotes or a guard.
    const std::vector<std::pair<std::string, std::string>> rows{
        {"a,b,c", "a,b,c"},                               // plain: the cells as read
        {"a , b,c  ,d", "a, b,c"},                        // trailing spaces trimmed, leading kept; a fourth cell left
        {"a,b", "a,b,"},                                  // a cell past the record's end is empty
        {"a", "a,,"},
        {"\"a\",b,c", "a,b,c"},                           // quoted in the file, needing no quotes
        {"\"a,1\",b,c", "\"a,1\",b,c"},                   // a comma in a quoted cell
        {"\"pad \",b,c", "\"pad \",b,c"},                 // a quoted cell's trailing space
        {"\"two\nlines\",b,c", "\"two\nlines\",b,c"},
        {"a\"b,c,d", "\"a\"\"b\",c,d"},                   // a quote inside an unquoted cell
        {"a,=SUM(A1),c", "a,'=SUM(A1),c"},                // a formula's start, guarded
        {"-1,+2,@3", "'-1,'+2,'@3"},
        {",,", ",,"},
        {"中文,，,x", "中文,，,x"},
    };
    for (const auto& [row, written] : rows) {
        yibao::CsvReader reader;
        const std::string text = row + "\r\n";
        reader.feed(text);
        const yibao::CsvRecord* record = reader.next();
        REQUIRE(record);
        std::string one_by_one;
        for (size_t i = 0; i < 3; ++i) {
            if (i > 0) one_by_one += ',';
            if (i < record->size()) yibao::append_csv_text(one_by_one, (*record)[i]);
        }
        std::string out = "x,";
        yibao::append_csv_cells(out, *record, 3);
        INFO(row);
        CHECK(out == "x," + written);
        CHECK(out == "x," + one_by_one);
    }
}
