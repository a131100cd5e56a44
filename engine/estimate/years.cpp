#include "estimate/years.hpp"

#include <algorithm>

namespace yibao {

namespace {

// The region's rulesets by year, in catalog order within a year. (An insertion, not std::stable_sort: a city has a
// few years, and the page's engine is smaller by 3 KB.)
std::vector<const Ruleset*> years_of(const Catalog& catalog, std::string_view region) {
    std::vector<const Ruleset*> years;
    for (const Ruleset& r : catalog.all())
        if (r.region == region)
            years.insert(std::upper_bound(years.begin(), years.end(), r.year,
                                          [](int year, const Ruleset* y) { return year < y->year; }),
                         &r);
    return years;
}

Date opens(const Ruleset& r, const std::vector<const Ruleset*>& years) {
    if (!r.payable_from.unknown()) return r.payable_from.value;
    const Ruleset* known = nullptr;
    for (const Ruleset* k : years)
        if (!k->payable_from.unknown() && k->year < r.year) known = k;
    if (!known) return Date{r.year - 1, 1, 1};
    const Date& d = known->payable_from.value;
    const int year = d.year + r.year - known->year;
    return Date{year, d.month, std::min(d.day, days_in_month(year, d.month))};
}

Date closes(const Ruleset& r) { return r.payable_to.unknown() ? r.benefit_year_end : r.payable_to.value; }

std::optional<bool> late(const Ruleset& r, const Date& date) {
    if (!r.continuity_deadline.unknown()) return date > r.continuity_deadline.value;
    if (date >= r.benefit_year_start) return true;
    return std::nullopt;
}

}  // namespace

YearChoice choose_year(const Catalog& catalog, std::string_view region, const Date& payment_date) {
    const auto years = years_of(catalog, region);
    YearChoice choice;
    bool any_open = false;
    for (auto it = years.rbegin(); it != years.rend(); ++it) {
        const bool open = opens(**it, years) <= payment_date && payment_date <= closes(**it);
        choice.years.push_back({*it, open, late(**it, payment_date)});
        any_open = any_open || open;
    }
    if (any_open) return choice;
    const long day = payment_date.serial();
    long best = 0;
    for (const Ruleset* r : years) {
        const long gap = std::max(opens(*r, years).serial() - day, day - closes(*r).serial());
        if (!choice.nearest || gap < best) {
            choice.nearest = r;
            best = gap;
        }
    }
    return choice;
}

}  // namespace yibao
