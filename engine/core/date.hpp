// Civil (proleptic Gregorian) dates with the month arithmetic the rules use.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace yibao {

struct Date {
    int year = 1970;
    int month = 1;
    int day = 1;

    static constexpr Date ymd(int y, int m, int d) { return Date{y, m, d}; }
    // Whether the year (from 1), month and day make a real date: 2023-02-30 does not.
    bool real() const;

    // Strict "YYYY-MM-DD"; nullopt for anything else, including 2023-02-30.
    static std::optional<Date> parse(std::string_view text);
    // What is wrong with a text of the form YYYY-MM-DD that is no date, in the words a citizen reads: "没有13月",
    // "2月没有30日", "2023年2月没有29日"; "" for a text not of that form (or a real date).
    static std::string mistake(std::string_view text);
    // A date as people type it: 2024-2-5, 2024/2/5, 2024.2.5, 2024年2月5日 and 20240205, in ASCII or full-width
    // digits and marks (２０２４－２－５), spaces around. The same reading serves the page's form and roster cells.
    // typed_iso gives "YYYY-MM-DD" for a text of a date's shape, a real date or not (2023-02-30, which mistake()
    // then explains), and the text trimmed otherwise.
    static std::string typed_iso(std::string_view typed);
    static std::optional<Date> read(std::string_view typed);
    // What to tell a person whose text is no date: “2026-02-30”不是有效日期，2月没有30日；请按 年-月-日 填写，如 2026-11-20.
    static std::string refusal(std::string_view typed);
    std::string iso() const;
    // "2024年1月1日", the form citizens read.
    std::string chinese() const;

    // Days since 1970-01-01, so dates compare and subtract as integers.
    long serial() const;
    static Date from_serial(long days);

    Date add_days(long days) const { return from_serial(serial() + days); }
    // Same day N months on, clamped to the end of a shorter month (01-31 + 1 → 02-28/29).
    Date add_months(int months) const;
    Date first_of_month() const { return Date{year, month, 1}; }
    Date first_of_next_month() const { return Date{year, month, 1}.add_months(1); }
    Date last_of_month() const;
    Date end_of_year() const { return Date{year, 12, 31}; }
};

// A birth before this year is taken for a slip of the keyboard: the page, the contract and rosters ask to check it.
constexpr int kEarliestBirthYear = 1900;

bool is_leap_year(int year);
int days_in_month(int year, int month);
// Whole years completed on `on` by someone born on `birth` (a 29 February birthday counts on 1 March).
int age_on(const Date& birth, const Date& on);

inline bool operator==(const Date& a, const Date& b) {
    return a.year == b.year && a.month == b.month && a.day == b.day;
}
inline bool operator!=(const Date& a, const Date& b) { return !(a == b); }
inline bool operator<(const Date& a, const Date& b) {
    if (a.year != b.year) return a.year < b.year;
    if (a.month != b.month) return a.month < b.month;
    return a.day < b.day;
}
inline bool operator>(const Date& a, const Date& b) { return b < a; }
inline bool operator<=(const Date& a, const Date& b) { return !(b < a); }
inline bool operator>=(const Date& a, const Date& b) { return !(a < b); }

}  // namespace yibao
