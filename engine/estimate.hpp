// The estimator: a household and a ruleset in, each member's fees and benefit dates out, with the why.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "conditions.hpp"
#include "issues.hpp"
#include "model.hpp"

namespace yibao {

struct Warning {
    std::string code;
    std::string message;
};

// One step of the reasoning: plain text and the rule's basis.
struct Step {
    std::string kind;  // "category", "contribution", "benefit"
    std::string rule;  // id of the rule that fired
    std::string text;
    const std::vector<Basis>* basis = nullptr;  // points into the ruleset
};

struct Period {
    Date from;
    Date to;
};

struct MemberResult {
    std::string id;
    Facts facts;  // as the rules saw the member
    const Category* category = nullptr;
    const Tier* tier = nullptr;
    bool tier_applies = false;  // the ruleset has tiers and this member must choose one
    Date payment_date;
    int age = 0;
    bool newborn = false;  // born inside the benefit year
    Money individual;
    Money subsidy;
    std::optional<Date> benefit_start;  // nullopt: this payment buys no cover in the benefit year
    Date benefit_end;
    std::optional<Period> uncovered;    // days of the year (from birth, for newborns) without cover
    bool waiting_period = false;
    std::vector<Step> explanation;
    std::vector<Warning> warnings;
};

struct Result {
    const Ruleset* ruleset = nullptr;
    Date payment_date;
    bool deadline_met = false;
    std::vector<MemberResult> members;
    Money individual_total;
    Money subsidy_total;
    std::vector<const Channel*> registration;  // only those relevant to some member
    std::vector<Warning> warnings;
};

// How much of the reasoning to write out; batch work over millions of rows needs only the figures.
enum class Detail : bool { figures, full };

// Problems with the household against this ruleset (a payment outside the window, a birth after the
// payment, a missing tier) go to `issues` with the member's JSON path, and no result is given.
std::optional<MemberResult> estimate_member(const Ruleset& ruleset, const Member& member, const Date& payment_date,
                                            const std::string& path, Detail detail, Issues& issues);
std::optional<Result> estimate(const Ruleset& ruleset, const Household& household, Issues& issues);

// A ruleset-level text (collection, continuity deadline) with its {year_start}, {year_end}, {deadline} filled.
std::string ruleset_text(const Ruleset& ruleset, const std::string& text);

}  // namespace yibao
