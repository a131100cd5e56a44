// The domain vocabulary: members as the request gives them, and rulesets as data describes them.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/date.hpp"
#include "core/money.hpp"
#include "rules/vocabulary.hpp"

namespace yibao {

struct Member {
    std::string id;
    Date birth_date;
    Student student = Student::none;
    std::vector<std::string> assistance;  // the assistance groups the member is in, by id; empty: none
    std::vector<std::pair<std::string, std::string>> answers;  // member question id → answer id, as given
    std::optional<int> tier;
    History history = History::continuous;
    std::optional<Date> payment_date;  // overrides the household's
    std::optional<int> lapsed_years;   // whole insurance years without cover right before this one
    int repaired_years = 0;            // how many of those are paid back now
    std::optional<int> continuous_years;
    std::optional<bool> claimed_last_year;
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
    YIBAO_FIELDS(s.source, s.quote)
};

// One step of a result's explanation template: text with {placeholders}, and its basis.
struct Explained {
    std::string text;
    std::vector<Basis> basis;
    YIBAO_FIELDS(s.text, s.basis)
};

struct Category {
    std::string id;
    std::string label;
    Condition when;
    Explained explain;
    YIBAO_FIELDS(s.id, s.label, s.when, s.explain)
};

struct Tier {
    int id = 0;
    std::string label;
    YIBAO_FIELDS(s.id, s.label)
};

struct AssistanceGroup {
    std::string id;
    std::string label;
    std::string who;  // who is in the group, as the sources say ("" where they only name it)
    std::vector<Basis> basis;
    YIBAO_FIELDS(s.id, s.label, s.who, s.basis)
};

// How one support is chosen for a member in several assistance groups (按“就高”原则，不重复资助).
struct SeveralGroups {
    std::string id = "several_groups";  // the rule's name in an explanation
    std::string take;                   // "highest": the group that leaves the member the least to pay
    Explained explain;
    YIBAO_FIELDS(s.id, s.take, s.explain)
};

// A fact about a member the city's rules ask, e.g. 性别 or 户口新迁入, and the answers allowed.
struct MemberQuestion {
    struct Answer {
        std::string id;
        std::string label;
        YIBAO_FIELDS(s.id, s.label)
    };
    std::string id;
    std::string label;     // a short name: the form's label, the roster's column header
    std::string question;  // the plain-word question the page asks
    std::vector<Answer> answers;
    int default_answer = -1;  // assumed, with a warning, when the member gives none; -1: an answer is required
    std::vector<Basis> basis;
    YIBAO_FIELDS(s.id, s.label, s.question, s.answers, s.default_answer, s.basis)
};

// Who pays a kind of money a ruleset names: the member, or a government body (财政补助, 医疗救助资助 …).
enum class Payer : std::uint8_t { individual, government };

// A kind of money a ruleset names (fee_parts[]), e.g. 基本医保 and 长期护理保险 paid by the member, 财政补助 and
// 医疗救助资助 paid by the government: the parts a contribution rule may give its amounts in.
struct FeePart {
    std::string id;
    std::string label;
    Payer payer = Payer::individual;
    std::vector<Basis> basis;
    YIBAO_FIELDS(s.id, s.label, s.payer, s.basis)
};

// A contribution rule's amount of one fee part, with its own basis.
struct ContributionPart {
    std::string id;  // the FeePart's
    Fact<Money> amount;
    std::vector<Basis> basis;
    YIBAO_FIELDS(s.id, s.amount, s.basis)
};

// A tier of benefits other than the tier paid (按照一档标准缴费，享受二档标准的医保待遇), for the members of a
// contribution rule.
struct BenefitTier {
    int paid = 0;      // the tier whose fee the rule charges
    int benefits = 0;  // the tier whose benefits the member has
    std::vector<Basis> basis;
    YIBAO_FIELDS(s.paid, s.benefits, s.basis)
};

struct ContributionRule {
    std::string id;
    std::string label;  // the row of a fee table, e.g. "成年居民（一档）"
    Condition when;
    Fact<Money> individual;
    Fact<Money> subsidy;
    // Where the rule gives its amounts by part: individual and subsidy are then the sums of the individual and the
    // government parts (unknown when one of them is), and each part's own fact is what the answer rests on.
    std::vector<ContributionPart> parts;
    std::string caveat;  // told as a warning whenever the rule applies, e.g. a group this year's source omits
    std::optional<BenefitTier> benefit_tier;
    Explained explain;

    // The facts its figures rest on: its parts', or where it has none its two amounts'; each given to `visit`
    // (a roster asks this of every row, so without a list made for it).
    template <typename Visit>
    void for_each_certainty(Visit visit) const {
        // A total the rule gives itself; one it sums from its parts has no fact of its own.
        for (const Fact<Money>* total : {&individual, &subsidy})
            if (!total->certainty.fact.empty()) visit(total->certainty);
        for (const ContributionPart& p : parts) visit(p.amount.certainty);
    }
    std::vector<const Certainty*> certainties() const;
    YIBAO_FIELDS(s.id, s.label, s.when, s.individual, s.subsidy, s.parts, s.caveat, s.benefit_tier, s.explain)
};

struct BenefitRule {
    std::string id;
    Condition when;
    DateExpr start;
    Certainty start_certainty;  // unknown: the sources do not say when benefits start, so no date is given
    DateExpr end;
    bool waiting = false;  // the rule imposes a waiting period the citizen should be warned of
    std::string caveat;
    Explained explain;
    YIBAO_FIELDS(s.id, s.when, s.start, s.start_certainty, s.end, s.waiting, s.caveat, s.explain)
};

// A part of the waiting period (国办发〔2024〕38号 and the city's own numbers), with its source.
struct WaitingPart {
    std::string id;
    int months = 0;      // fixed: months; variable, repair: months per year; floor: the least total
    int from_years = 0;  // variable: the lapsed year it counts from; floor: the lapsed years it applies from
    Condition when;      // fixed: to whom it applies; exemptions: who is exempt
    Explained explain;
    YIBAO_FIELDS(s.id, s.months, s.from_years, s.when, s.explain)
};

// The reform's waiting period; absent (`applies` false) in rulesets before insurance year 2025.
struct WaitingPeriod {
    bool applies = false;
    WaitingPart fixed;
    std::optional<WaitingPart> variable;
    Certainty variable_certainty;  // unknown: the sources give no variable part (the fixed part is applied)
    std::optional<WaitingPart> repair;
    std::optional<WaitingPart> floor;
    std::vector<WaitingPart> exempt;
    YIBAO_FIELDS(s.applies, s.fixed, s.variable, s.variable_certainty, s.repair, s.floor, s.exempt)
};

// Information for a member whose facts match, e.g. how their 大病保险 ceiling changes.
struct MemberNote {
    std::string id;
    Condition when;
    Money amount;          // the change, or per year beyond `after_years` when `per_year` is set
    bool per_year = false;
    int after_years = 0;   // per_year: counts continuous_years beyond this
    Explained explain;
    YIBAO_FIELDS(s.id, s.when, s.amount, s.per_year, s.after_years, s.explain)
};

// An optional add-on a member chooses, with its own fee (自愿参加…大病医疗互助补充保险): taken when `when` holds for
// the member, usually an answer to a member question. Its fee is its own, never part of the basic contribution.
struct AddOn {
    std::string id;
    std::string label;
    Condition when;
    Money amount;
    Explained explain;
    YIBAO_FIELDS(s.id, s.label, s.when, s.amount, s.explain)
};

// Paying a member's fee from a relative's employee medical insurance account (职工医保个人账户家庭共济): whose
// account may pay for whom, above which balance, and the filing it needs. It changes no amount.
struct FamilyAccount {
    std::vector<std::string> relatives;  // for whom an employee's account may pay, as the notice lists them (配偶 …)
    std::optional<Money> balance_above;  // only the balance above this may pay; nullopt: the notice sets none
    std::string filing;                  // the filing or binding it needs first, in the notice's words
    std::vector<Basis> basis;
    YIBAO_FIELDS(s.relatives, s.balance_above, s.filing, s.basis)
};

struct Channel {
    std::string id;
    std::string who;   // to whom it applies, as the source names them
    std::string how;
    Condition when;    // registration: relevant when any member matches; a family account: the members it serves
    std::optional<FamilyAccount> family_account;  // payment channels only
    std::vector<Basis> basis;
    YIBAO_FIELDS(s.id, s.who, s.how, s.when, s.family_account, s.basis)
};

struct Contact {
    std::string name;
    std::string phone;   // empty where the source gives none
    std::string detail;
    YIBAO_FIELDS(s.name, s.phone, s.detail)
};

struct Source {
    std::string id;
    std::string level;  // "A" primary, "B" earlier-year notice, "C" national background
    std::string title;
    std::string publisher;
    std::string date;
    std::string url;
    YIBAO_FIELDS(s.id, s.level, s.title, s.publisher, s.date, s.url)
};

struct Ruleset {
    std::string id;
    std::string base;  // the ruleset this one builds on ("" for none); it is merged in already
    std::string region;
    int year = 0;
    std::string title;
    Date benefit_year_start;
    Date benefit_year_end;
    Fact<Date> payable_from;
    Fact<Date> payable_to;
    Explained collection;
    Fact<Date> continuity_deadline;
    Explained deadline;
    std::vector<Category> categories;
    std::vector<Tier> tiers;
    int default_tier = 0;  // assumed, with a warning, when a member who must choose a tier gives none
    Condition tier_applies;
    std::vector<AssistanceGroup> assistance_groups;
    std::vector<FeePart> fee_parts;
    std::optional<SeveralGroups> several_groups;  // nullopt: a member may be in one group only
    std::vector<MemberQuestion> member_questions;
    std::vector<ContributionRule> contributions;
    std::vector<AddOn> add_ons;
    std::vector<BenefitRule> benefit_rules;
    WaitingPeriod waiting_period;
    std::vector<MemberNote> member_notes;
    std::vector<Channel> registration;
    std::vector<Channel> payment;
    std::vector<Contact> contacts;
    std::vector<std::string> websites;
    std::string silent_on_assistance;  // what to tell a member whose group the sources do not cover
    std::string silent_on_tier;
    std::string unconfirmed_note;      // shown beside a basis that rests on a level-B source
    std::vector<Source> sources;
    // The histories a member may be given, a bit per History: those every ruleset offers, and one it decides
    // (decided_by_rules) where its conditions name it. A mask, not a list: the page's engine is smaller so.
    std::uint32_t histories = 0;

    const Source* source(const std::string& source_id) const;
    bool offers(History history) const { return histories >> static_cast<unsigned>(history) & 1u; }
    const Tier* tier(int tier_id) const;
    const FeePart* fee_part(const std::string& part_id) const;
    // The group by its index + 1 (Facts::assistance), or by id; nullptr for none.
    const AssistanceGroup* assistance_group(int group) const;
    int assistance_index(const std::string& id) const;  // 1 + its index; 0 when the ruleset does not name it
    // How sure each of its values is that may be provisional or unknown: amounts, collection dates, the
    // variable waiting part.
    std::vector<const Certainty*> certainties() const;
    YIBAO_FIELDS(s.id, s.base, s.region, s.year, s.title, s.benefit_year_start, s.benefit_year_end, s.payable_from, s.payable_to, s.collection, s.continuity_deadline, s.deadline, s.categories, s.tiers, s.default_tier, s.tier_applies, s.assistance_groups, s.fee_parts, s.several_groups, s.member_questions, s.contributions, s.add_ons, s.benefit_rules, s.waiting_period, s.member_notes, s.registration, s.payment, s.contacts, s.websites, s.silent_on_assistance, s.silent_on_tier, s.unconfirmed_note, s.sources, s.histories)
};

}  // namespace yibao
