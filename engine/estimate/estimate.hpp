// The estimator: a household and a ruleset in, each member's fees, benefit dates and the ids of the rules that
// gave them out. Pure: it writes no text (explain/ turns rule ids and codes into cited Chinese).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/issues.hpp"
#include "rules/model.hpp"
#include "rules/vocabulary.hpp"

namespace yibao {

// A rule that fired for the member: its kind, its id and its text template with basis, in the ruleset.
struct Fired {
    const char* kind;  // "assistance" (the group taken of several), "category", "contribution", "waiting", "benefit"
    const std::string* rule;
    const Explained* explain;
    const std::string* caveat = nullptr;  // the rule's, when it has one
};

struct Period {
    Date from;
    Date to;
};

// The reform's waiting period in months, by part: total = fixed + variable − repaired + floor.
struct WaitingMonths {
    int fixed = 0;
    int variable = 0;  // before repair
    int repaired = 0;  // months the repaid years take off the variable part
    int floor = 0;     // months added to reach the floor after long lapses
    int total() const { return fixed + variable - repaired + floor; }
};

struct NoteResult {
    const MemberNote* note;
    Money amount;
};

// When benefits start under one reading of the collection window: what the waiting period and the benefit rule
// give. A member whose start turns on an unknown window end has two: in the window and after it.
struct BenefitOutcome {
    std::optional<WaitingMonths> waiting;  // nullopt: the ruleset has no waiting_period section
    std::vector<Fired> fired;              // the waiting parts and the benefit rule
    Date earliest_start;                   // what the benefit rule gave, even past the year's end
    std::optional<Date> start;             // nullopt: this payment buys no cover in the benefit year, or
    const Certainty* start_unknown = nullptr;  // the rule does not say when (its reason and whom to ask)
    Date end;
    std::optional<Period> uncovered;       // days of the year (from birth, for newborns) without cover
    bool waiting_period = false;
    std::vector<Code> warnings;
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
    std::optional<Money> individual;  // nullopt: not published (an unknown amount)
    std::optional<Money> subsidy;
    const ContributionRule* contribution = nullptr;  // the rule that gave the amounts, and its parts
    // When benefits start. Where the start turns on the unknown end of the collection window, its start is
    // nullopt and in_window, after_window hold the two readings.
    BenefitOutcome benefit;
    std::optional<BenefitOutcome> in_window, after_window;
    // Where the window's end is unknown but both readings give the same start: the after-window reading, whose rule
    // the explanation cites beside the in-window one (`benefit`), so the reasons never assume the window.
    std::optional<BenefitOutcome> after_window_agrees;
    std::vector<Fired> fired;  // the category and contribution rules; the benefit's own follow in `benefit`
    std::vector<NoteResult> notes;
    std::vector<const Channel*> family_accounts;
    std::vector<const AddOn*> add_ons;  // the add-ons the member takes, each with its own fee  // the payment channels with a family account the member may use
    std::vector<const Certainty*> rests_on;  // the provisional and unknown facts the figures and dates rest on
    std::vector<Code> warnings;
    std::vector<int> groups;                      // every group of the ruleset the member is in (1 + index)
    std::vector<const MemberQuestion*> assumed;   // the questions left out whose default was taken
};

// The insurance year before the one paid for, for a member who has no cover in it yet (born in it, or lapsed in it)
// and whom the same payment date still buys cover in it: that year's answer, the last payment day that keeps its
// start, and when the next year's cover then starts (the member counts as insured the year before).
struct EarlierYear {
    const Ruleset* ruleset = nullptr;
    MemberResult result;
    Date pay_by;
    std::optional<MemberResult> next_year;  // the year paid for, the member counted as insured the year before
};

// One fee part summed across the household's members whose rule gives it.
struct PartTotal {
    const FeePart* part = nullptr;
    std::optional<Money> amount;  // nullopt: a member's amount of it is not published
};

// One add-on's fees summed across the members who take it.
struct AddOnTotal {
    const AddOn* add_on = nullptr;
    Money amount;
};

struct Result {
    const Ruleset* ruleset = nullptr;
    Date payment_date;
    std::optional<bool> deadline_met;  // nullopt: the deadline is not published and the date is near it
    bool deadline_applies = true;      // false: every member was born after the deadline, so none could meet it
    std::vector<MemberResult> members;
    std::vector<std::optional<EarlierYear>> earlier_years;  // one per member
    std::optional<Money> individual_total;  // nullopt: it includes an amount that is not published
    std::optional<Money> subsidy_total;
    std::vector<PartTotal> part_totals;  // in the ruleset's fee_parts order, the parts some member's rule gives
    std::vector<AddOnTotal> add_on_totals;  // in the ruleset's order, the add-ons some member takes
    std::vector<const Certainty*> rests_on;
    std::vector<const Channel*> registration;  // only those relevant to some member
    std::vector<Code> warnings;
};

// Problems with the household against this ruleset (a payment outside the window, a birth after the
// payment, facts that contradict each other) go to `issues` with the member's JSON path, and no result is given.
std::optional<MemberResult> estimate_member(const Ruleset& ruleset, const Member& member, const Date& payment_date,
                                            const std::string& path, Issues& issues);
// `earlier`: the ruleset of the insurance year before, when there is one (the same region), for EarlierYear.
std::optional<Result> estimate(const Ruleset& ruleset, const Household& household, Issues& issues,
                               const Ruleset* earlier = nullptr);
std::optional<EarlierYear> earlier_year(const Ruleset& earlier, const Ruleset& ruleset, const Member& member,
                                        const Date& payment_date);

}  // namespace yibao
