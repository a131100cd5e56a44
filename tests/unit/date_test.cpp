#include <catch2/catch.hpp>

#include "core/date.hpp"

using yibao::Date;

TEST_CASE("dates parse only real calendar days in YYYY-MM-DD", "[date]") {
    CHECK(Date::parse("2024-02-29") == Date{2024, 2, 29});
    CHECK_FALSE(Date::parse("2023-02-29"));
    CHECK_FALSE(Date::parse("1900-02-29"));
    CHECK(Date::parse("2000-02-29"));
    CHECK_FALSE(Date::parse("2024-04-31"));
    CHECK_FALSE(Date::parse("2024-13-01"));
    CHECK_FALSE(Date::parse("2024-00-10"));
    CHECK_FALSE(Date::parse("2024-1-01"));
    CHECK_FALSE(Date::parse("2024/01/01"));
    CHECK_FALSE(Date::parse("2024-01-01T00:00"));
    CHECK_FALSE(Date::parse(""));
    CHECK_FALSE(Date::parse("２０２４-01-01"));
}

TEST_CASE("a text of the date's form that is no date says what is wrong, as a citizen reads it", "[date]") {
    CHECK(Date::mistake("2026-13-01") == "没有13月");
    CHECK(Date::mistake("2026-00-10") == "没有0月");
    CHECK(Date::mistake("2026-02-30") == "2月没有30日");
    CHECK(Date::mistake("2023-02-29") == "2023年2月没有29日");
    CHECK(Date::mistake("2026-04-31") == "4月没有31日");
    CHECK(Date::mistake("2026-04-00") == "没有0日");
    CHECK(Date::mistake("2026-04-30") == "");
    CHECK(Date::mistake("2026/04/31") == "");
    CHECK(Date::mistake("abc") == "");
}

TEST_CASE("dates print as ISO and as Chinese", "[date]") {
    CHECK(Date{2024, 1, 5}.iso() == "2024-01-05");
    // Years outside 1000–9999, as a date expression may reach: padded and signed as printf's %04d writes them.
    CHECK(Date{987, 12, 31}.iso() == "0987-12-31");
    CHECK(Date{12345, 1, 1}.iso() == "12345-01-01");
    CHECK(Date{-5, 3, 1}.iso() == "-005-03-01");
    CHECK(Date{2024, 1, 5}.chinese() == "2024年1月5日");
}

TEST_CASE("serial days round-trip across centuries and leap days", "[date]") {
    CHECK(Date{1970, 1, 1}.serial() == 0);
    CHECK(Date{2024, 3, 1}.serial() - Date{2024, 2, 28}.serial() == 2);
    CHECK(Date{2023, 3, 1}.serial() - Date{2023, 2, 28}.serial() == 1);
    for (long day = -800000; day < 800000; day += 997) CHECK(Date::from_serial(day).serial() == day);
    CHECK(Date{2023, 12, 31}.add_days(1) == Date{2024, 1, 1});
    CHECK(Date{2024, 1, 1}.add_days(-1) == Date{2023, 12, 31});
}

TEST_CASE("adding months keeps the day or clamps it to the month's end", "[date]") {
    CHECK(Date{2024, 1, 10}.add_months(3) == Date{2024, 4, 10});
    CHECK(Date{2024, 1, 31}.add_months(1) == Date{2024, 2, 29});
    CHECK(Date{2023, 1, 31}.add_months(1) == Date{2023, 2, 28});
    CHECK(Date{2024, 1, 31}.add_months(3) == Date{2024, 4, 30});
    CHECK(Date{2024, 3, 31}.add_months(6) == Date{2024, 9, 30});
    CHECK(Date{2024, 11, 15}.add_months(3) == Date{2025, 2, 15});
    CHECK(Date{2024, 12, 1}.add_months(12) == Date{2025, 12, 1});
    CHECK(Date{2024, 3, 15}.add_months(-3) == Date{2023, 12, 15});
}

TEST_CASE("month starts and year ends", "[date]") {
    CHECK(Date{2024, 2, 15}.first_of_month() == Date{2024, 2, 1});
    CHECK(Date{2024, 2, 15}.first_of_next_month() == Date{2024, 3, 1});
    CHECK(Date{2023, 12, 21}.first_of_next_month() == Date{2024, 1, 1});
    CHECK(Date{2024, 6, 6}.end_of_year() == Date{2024, 12, 31});
    CHECK(Date{2024, 2, 1}.last_of_month() == Date{2024, 2, 29});
    CHECK(Date{2023, 2, 28}.last_of_month() == Date{2023, 2, 28});
    CHECK(Date{2023, 12, 31}.last_of_month() == Date{2023, 12, 31});
}

TEST_CASE("age counts whole years completed on the day", "[date]") {
    CHECK(yibao::age_on({2005, 12, 1}, {2023, 11, 30}) == 17);
    CHECK(yibao::age_on({2005, 12, 1}, {2023, 12, 1}) == 18);
    CHECK(yibao::age_on({2005, 12, 1}, {2023, 12, 2}) == 18);
    CHECK(yibao::age_on({2004, 2, 29}, {2022, 2, 28}) == 17);
    CHECK(yibao::age_on({2004, 2, 29}, {2022, 3, 1}) == 18);
    CHECK(yibao::age_on({2024, 3, 10}, {2024, 3, 10}) == 0);
}

TEST_CASE("dates order as the calendar does", "[date]") {
    CHECK(Date{2023, 12, 31} < Date{2024, 1, 1});
    CHECK(Date{2024, 1, 2} > Date{2024, 1, 1});
    CHECK(Date{2024, 2, 1} > Date{2024, 1, 31});
    CHECK(Date{2024, 1, 1} <= Date{2024, 1, 1});
}

TEST_CASE("a typed date is read in the forms people and spreadsheets write", "[date][typed]") {
    for (const char* typed : {"2024-02-05", "2024-2-5", "2024/2/5", "2024/02/05", "2024.2.5", "2024年2月5日",
                              "2024年2月5", "20240205", " 2024-02-05 ", "\t2024-2-5\n", "\u30002024-2-5\u3000",
                              "２０２４－２－５", "２０２４／０２／０５", "２０２４．２．５", "２０２４年２月５日", "２０２４０２０５"}) {
        INFO(typed);
        CHECK(Date::typed_iso(typed) == "2024-02-05");
        CHECK(Date::read(typed) == Date{2024, 2, 5});
    }
    CHECK(Date::read("2024年2月29日") == Date{2024, 2, 29});
}

TEST_CASE("a typed text of a date's shape but no date is read for mistake() to explain", "[date][typed]") {
    CHECK(Date::typed_iso("2023/2/30") == "2023-02-30");
    CHECK_FALSE(Date::read("2023/2/30"));
    CHECK(Date::mistake(Date::typed_iso("2023/2/30")) == "2月没有30日");
    CHECK(Date::typed_iso("2023年13月1日") == "2023-13-01");
    CHECK(Date::mistake(Date::typed_iso("2023年13月1日")) == "没有13月");
    CHECK(Date::typed_iso("20231301") == "2023-13-01");
}

TEST_CASE("anything else is left as typed, trimmed, for the engine to flag", "[date][typed]") {
    CHECK(Date::typed_iso(" 明天 ") == "明天");
    CHECK(Date::typed_iso("2024-02") == "2024-02");
    CHECK(Date::typed_iso("２０２４－２") == "2024-2");
    for (const char* bad : {"", "2023-11", "202311", "2023-11-01x", "2023-11/01", "2023年11-01", "23-11-01",
                            "2023110", "2023/11/1/", "二〇二三年", "2023-111-01"}) {
        INFO(bad);
        CHECK_FALSE(Date::read(bad));
        CHECK(Date::typed_iso(bad) == std::string(bad));
    }
}
