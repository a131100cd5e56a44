#include "core/date.hpp"

#include <iterator>

namespace yibao {

bool is_leap_year(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int days_in_month(int year, int month) {
    static constexpr int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return month == 2 && is_leap_year(year) ? 29 : days[month - 1];
}

namespace {
// Year, month and day of a text of the form YYYY-MM-DD, each -1 where it is not digits; all -1 for another form.
struct Parts {
    int y = -1, m = -1, d = -1;
};
Parts parts_of(std::string_view text) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') return {};
    auto number = [&](size_t from, size_t count) -> int {
        int value = 0;
        for (size_t i = from; i < from + count; ++i) {
            if (text[i] < '0' || text[i] > '9') return -1;
            value = value * 10 + (text[i] - '0');
        }
        return value;
    };
    return {number(0, 4), number(5, 2), number(8, 2)};
}
}  // namespace

namespace {
std::optional<Date> date_of(const Parts& p) {
    const Date date{p.y, p.m, p.d};
    if (!date.real()) return std::nullopt;
    return date;
}
}  // namespace

bool Date::real() const { return year >= 1 && month >= 1 && month <= 12 && day >= 1 && day <= days_in_month(year, month); }

std::optional<Date> Date::parse(std::string_view text) { return date_of(parts_of(text)); }

std::string Date::mistake(std::string_view text) {
    const auto [y, m, d] = parts_of(text);
    if (y < 1 || m < 0 || d < 0) return "";
    if (m < 1 || m > 12) return "没有" + std::to_string(m) + "月";
    if (d < 1) return "没有0日";
    if (d <= days_in_month(y, m)) return "";
    // Only a 29 February turns on the year.
    const std::string month = (m == 2 && d == 29 ? std::to_string(y) + "年" : "") + std::to_string(m) + "月";
    return month + "没有" + std::to_string(d) + "日";
}

namespace {
// As printf's %0<width>d: the sign, then zeros up to the width. (Not snprintf: the page's engine leaves the C
// library's printf, and its floating-point formatting, out of the download.)
std::string zero_padded(int value, size_t width) {
    const std::string digits = std::to_string(value < 0 ? -static_cast<long>(value) : static_cast<long>(value));
    const size_t used = digits.size() + (value < 0 ? 1 : 0);
    return (value < 0 ? "-" : "") + std::string(width > used ? width - used : 0, '0') + digits;
}

// The typed text with full-width digits and date marks (－／．) as ASCII and the spaces around it (ASCII, and the
// ideographic space U+3000) removed: a view of `typed` itself where no character needs changing (a roster's cells,
// read by the hundred thousand, mostly), else of `kept`.
std::string_view half_width(std::string_view typed, std::string& kept) {
    // Full-width forms and the ideographic space are the only characters that change; they start EF and E3.
    if (typed.find_first_of("\xEF\xE3") != std::string_view::npos) {
        for (size_t i = 0; i < typed.size(); ++i) {
            const auto byte = [&](size_t k) { return static_cast<unsigned char>(typed[k]); };
            // U+FF0D－ U+FF0E． U+FF0F／ U+FF10..U+FF19 ０..９ are EF BC 8D..99 in UTF-8: ASCII 0x2D..0x39 + 0x60.
            if (i + 2 < typed.size() && byte(i) == 0xEF && byte(i + 1) == 0xBC && byte(i + 2) >= 0x8D && byte(i + 2) <= 0x99) {
                kept += static_cast<char>(byte(i + 2) - 0x60);
                i += 2;
            } else {
                kept += typed[i];
            }
        }
        typed = kept;
    }
    constexpr std::string_view kIdeographicSpace = "\u3000";
    const auto ascii_space = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
    for (;;) {
        if (!typed.empty() && ascii_space(typed.front())) typed.remove_prefix(1);
        else if (typed.substr(0, kIdeographicSpace.size()) == kIdeographicSpace) typed.remove_prefix(kIdeographicSpace.size());
        else break;
    }
    for (;;) {
        if (!typed.empty() && ascii_space(typed.back())) typed.remove_suffix(1);
        else if (typed.size() >= kIdeographicSpace.size() &&
                 typed.substr(typed.size() - kIdeographicSpace.size()) == kIdeographicSpace)
            typed.remove_suffix(kIdeographicSpace.size());
        else break;
    }
    return typed;
}

// Year, month and day of a half-width text in one of the forms people type (Date::typed_iso); all -1 for a text of
// another shape.
Parts typed_parts(std::string_view text) {
    auto digits = [&](size_t least, size_t most, int& value) {
        size_t count = 0;
        for (value = 0; count < most && !text.empty() && text[0] >= '0' && text[0] <= '9'; ++count) {
            value = value * 10 + (text[0] - '0');
            text.remove_prefix(1);
        }
        return count >= least;
    };
    auto literal = [&](std::string_view word) {
        if (text.substr(0, word.size()) != word) return false;
        text.remove_prefix(word.size());
        return true;
    };
    int y = 0, m = 0, d = 0;
    if (!digits(4, 4, y)) return {};
    if (text.size() == 4 && text[0] >= '0' && text[0] <= '9') {  // YYYYMMDD
        if (!digits(2, 2, m) || !digits(2, 2, d)) return {};
    } else {
        std::string_view between, after;  // what follows the month, and what may follow the day
        if (literal("年")) {
            between = "月";
            after = "日";
        } else {
            for (const std::string_view separator : {"-", "/", "."})
                if (literal(separator)) between = separator;
        }
        if (between.empty() || !digits(1, 2, m) || !literal(between) || !digits(1, 2, d)) return {};
        if (!after.empty()) literal(after);
    }
    if (!text.empty()) return {};
    return {y, m, d};
}
}  // namespace

std::string Date::typed_iso(std::string_view typed) {
    std::string kept;
    const std::string_view text = half_width(typed, kept);
    const Parts p = typed_parts(text);
    if (p.y < 0) return std::string(text);
    return zero_padded(p.y, 4) + "-" + zero_padded(p.m, 2) + "-" + zero_padded(p.d, 2);
}

std::optional<Date> Date::read(std::string_view typed) {
    // Most cells of a roster are already YYYY-MM-DD: read so at once, with nothing to convert or trim.
    if (const Parts p = parts_of(typed); p.y >= 0 && p.m >= 0 && p.d >= 0) return date_of(p);
    std::string kept;
    return date_of(typed_parts(half_width(typed, kept)));
}

std::string Date::refusal(std::string_view typed) {
    const std::string mistake = Date::mistake(typed_iso(typed));
    return "“" + std::string(typed) + "”不是有效日期" + (mistake.empty() ? "" : "，" + mistake) +
           "；请按 年-月-日 填写，如 2026-11-20";
}

std::string Date::iso() const { return zero_padded(year, 4) + "-" + zero_padded(month, 2) + "-" + zero_padded(day, 2); }

std::string Date::chinese() const {
    // One allocation: the roster's notes give two or three dates a row.
    std::string out;
    out.reserve(24);
    const auto put = [&](int number, std::string_view unit) {  // a date's numbers are not negative
        char digits[12];
        char* at = std::end(digits);
        for (unsigned value = static_cast<unsigned>(number); at == std::end(digits) || value > 0; value /= 10)
            *--at = static_cast<char>('0' + value % 10);
        out.append(at, std::end(digits)).append(unit);
    };
    put(year, "年");
    put(month, "月");
    put(day, "日");
    return out;
}

// Howard Hinnant's days_from_civil / civil_from_days.
long Date::serial() const {
    const long y = year - (month <= 2 ? 1 : 0);
    const long era = (y >= 0 ? y : y - 399) / 400;
    const long yoe = y - era * 400;
    const long mp = (month + 9) % 12;
    const long doy = (153 * mp + 2) / 5 + day - 1;
    const long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

Date Date::from_serial(long days) {
    days += 719468;
    const long era = (days >= 0 ? days : days - 146096) / 146097;
    const long doe = days - era * 146097;
    const long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const long mp = (5 * doy + 2) / 153;
    const int d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
    const int m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
    const int y = static_cast<int>(yoe + era * 400 + (m <= 2 ? 1 : 0));
    return Date{y, m, d};
}

Date Date::add_months(int months) const {
    const int index = year * 12 + (month - 1) + months;
    const int y = index / 12, m = index % 12 + 1;
    const int d = day < days_in_month(y, m) ? day : days_in_month(y, m);
    return Date{y, m, d};
}

Date Date::last_of_month() const { return Date{year, month, days_in_month(year, month)}; }

int age_on(const Date& birth, const Date& on) {
    int age = on.year - birth.year;
    if (on.month < birth.month || (on.month == birth.month && on.day < birth.day)) --age;
    return age;
}

}  // namespace yibao
