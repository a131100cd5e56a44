// The domain vocabulary: members as the request gives them, and rulesets as data describes them.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "date.hpp"
#include "money.hpp"

namespace yibao {

enum class Student : std::uint8_t { none, school, college };
enum class Assistance : std::uint8_t {
    none, dibao, tekun, orphan, severe_disability, poverty_monitored, dibao_edge
};
enum class History : std::uint8_t { continuous, new_enrollee, lapsed };

// Contract spellings, in enum order.
const std::vector<std::string>& student_names();
const std::vector<std::string>& assistance_names();
const std::vector<std::string>& history_names();

struct Member {
    std::string id;
    Date birth_date;
    Student student = Student::none;
    Assistance assistance = Assistance::none;
    std::optional<int> tier;
    History history = History::continuous;
    std::optional<Date> payment_date;  // overrides the household's
};

struct Household {
    std::string ruleset_id;
    Date payment_date;
    std::vector<Member> members;
};

// Where a rule comes from: a source id of the ruleset and the words quoted from it.
struct Basis {
    std::string source;
    std::string quote;
};

// A date computed from the member's facts, e.g. max(2024-01-01, first_of_next_month(payment_date)).
struct DateExpr {
    enum class Op : std::uint8_t {
        literal, payment_date, birth_date, year_start, year_end,
        first_of_month, first_of_next_month, add_months, end_of_year, max, min
    };
    Op op = Op::literal;
    Date literal;
    int months = 0;
    std::vector<DateExpr> args;
};

struct Condition {
    enum class Op : std::uint8_t {
        always, all, any, negate, category, student, assistance, history, tier,
        age_under, age_at_least,
        paid_before, paid_on_or_before, paid_after, paid_on_or_after,
        born_before, born_on_or_before, born_after, born_on_or_after
    };
    Op op = Op::always;
    std::vector<Condition> children;
    std::uint32_t mask = 0;  // bit per enum value / category index / tier id
    int number = 0;
    DateExpr date;
};

// One step of a result's explanation template: text with {placeholders}, and its basis.
struct Explained {
    std::string text;
    std::vector<Basis> basis;
};

struct Category {
    std::string id;
    std::string label;
    Condition when;
    Explained explain;
};

struct Tier {
    int id = 0;
    std::string label;
};

struct AssistanceGroup {
    Assistance id = Assistance::none;
    std::string label;
};

struct ContributionRule {
    std::string id;
    std::string label;  // the row of a fee table, e.g. "成年居民(一档)"
    Condition when;
    Money individual;
    Money subsidy;
    Explained explain;
};

struct BenefitRule {
    std::string id;
    Condition when;
    DateExpr start;
    DateExpr end;
    bool waiting = false;  // the rule imposes a waiting period the citizen should be warned of
    Explained explain;
};

struct Channel {
    std::string id;
    std::string who;   // to whom it applies, as the source names them
    std::string how;
    Condition when;    // relevant when any member of the household matches
    std::vector<Basis> basis;
};

struct Contact {
    std::string name;
    std::string phone;   // empty where the source gives none
    std::string detail;
};

struct Source {
    std::string id;
    std::string level;  // "A" primary, "B" earlier-year notice, "C" national background
    std::string title;
    std::string publisher;
    std::string date;
    std::string url;
};

struct Ruleset {
    std::string id;
    std::string region;
    int year = 0;
    std::string title;
    Date benefit_year_start;
    Date benefit_year_end;
    Date payable_from;
    Date payable_to;
    Explained collection;
    Date continuity_deadline;
    Explained deadline;
    std::vector<Category> categories;
    std::vector<Tier> tiers;
    int default_tier = 0;  // assumed, with a warning, when a member who must choose a tier gives none
    Condition tier_applies;
    std::vector<AssistanceGroup> assistance_groups;
    std::vector<ContributionRule> contributions;
    std::vector<BenefitRule> benefit_rules;
    std::vector<Channel> registration;
    std::vector<Channel> payment;
    std::vector<Contact> contacts;
    std::vector<std::string> websites;
    std::string silent_on_assistance;  // what to tell a member whose group the sources do not cover
    std::string silent_on_tier;
    std::string unconfirmed_note;      // shown beside a basis that rests on a level-B source
    std::vector<Source> sources;

    const Source* source(const std::string& source_id) const;
    const Tier* tier(int tier_id) const;
    const AssistanceGroup* assistance_group(Assistance group) const;
};

}  // namespace yibao
