// Which insurance year a payment belongs to: a city's rulesets are one per year, and a payment date may lie in
// one year's collection window, in two (in autumn: late for this year, in time for the next), or in none.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "core/date.hpp"
#include "rules/ruleset.hpp"

namespace yibao {

struct YearAtDate {
    const Ruleset* ruleset = nullptr;
    bool open = false;  // the year's collection window holds the date
    // Past the year's collection period: after its continuity deadline or, where that is not published, once the
    // benefit year has begun; nullopt when that cannot be said.
    std::optional<bool> late;
};

struct YearChoice {
    std::vector<YearAtDate> years;     // every year of the region, the later first
    const Ruleset* nearest = nullptr;  // no window holds the date: the year whose window is nearest, to say so
};

// A window whose opening is not published is taken, for this choice only, to open on the day the region's latest
// known window opened, as many years on; with none known, on 1 January of the year before. One whose end is not
// published is taken to end with its benefit year.
YearChoice choose_year(const Catalog& catalog, std::string_view region, const Date& payment_date);

}  // namespace yibao
