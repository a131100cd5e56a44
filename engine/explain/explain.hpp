// Explanation: the rule ids and codes an estimate gives turned into the plain Chinese a citizen reads, each
// text filled from its rule's template and cited with the rule's basis.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "estimate/estimate.hpp"

namespace yibao {

// One step of the reasoning: the rule that fired, its text filled in, and its basis in the ruleset.
struct Step {
    const char* kind;
    const std::string* rule;
    std::string text;
    const std::vector<Basis>* basis;
};

std::vector<Step> explanation(const Ruleset& ruleset, const MemberResult& member);
// The steps of one reading of an unknown window end (MemberResult::in_window, after_window).
std::vector<Step> explanation(const Ruleset& ruleset, const MemberResult& member, const BenefitOutcome& outcome);
std::string note_text(const Ruleset& ruleset, const MemberResult& member, const NoteResult& note);
// What a member is told of a benefit tier other than the tier paid: 按一档标准缴费，享受二档标准的医保待遇。
std::string benefit_tier_text(const Ruleset& ruleset, const BenefitTier& tier);
// What a member is told of an add-on they take, its {amount} its fee.
std::string add_on_text(const Ruleset& ruleset, const MemberResult& member, const AddOn& add_on);
// What a member is told of paying from a relative's employee account: for whom, above which balance, what to file.
std::string family_account_text(const FamilyAccount& account);
std::string warning_message(Code code, const Ruleset& ruleset, const MemberResult& member);
std::string household_warning_message(Code code, const Ruleset& ruleset, const Result& result);

// What the citizen is told of a provisional or unknown fact, e.g. "按2026年度标准估算…" or "政府补助尚未公布：…".
std::string certainty_text(const Certainty& certainty);

// A ruleset-level text (collection, continuity deadline) with its {year_start}, {year_end}, {deadline} filled.
std::string ruleset_text(const Ruleset& ruleset, const std::string& text);

// The ruleset's own texts an answer or a page's index spells out, their dates filled.
struct RulesetTexts {
    std::string collection;
    std::string deadline;
};
RulesetTexts ruleset_texts(const Ruleset& ruleset);

// Every text of one member's answer; each list in the order of the MemberResult's own.
struct MemberExplanation {
    std::vector<Step> steps;
    std::vector<Step> in_window, after_window;  // where the start turns on the window's unknown end (MemberResult's)
    std::vector<std::string> notes;
    std::vector<std::string> add_ons;
    std::string benefit_tier;  // empty: the member has the benefits of the tier paid
    std::vector<std::string> warnings;
};

// How an answer carries its ruleset's texts that no household changes (the channels, contacts, websites and
// sources, the year's collection and deadline texts, each basis's source title and level): spelled out in every
// answer ("inline", the default), or named by id (request "texts": "by_id") for a reader that holds
// `rulesets()` already, as the page does; that halves the answer and the time to write it.
enum class Texts { spelled_out, by_id };

// Every text of an answer, made once from the result, so that writing the answer (io/contract) only writes:
// parse → estimate → explain → write.
struct Explanation {
    RulesetTexts ruleset;
    std::vector<MemberExplanation> members;
    std::vector<std::vector<Step>> earlier_years;  // the steps of each member's earlier year; empty where none
    std::vector<std::string> warnings;             // the household's, in the order of Result::warnings
    // What the answer says of each provisional or unknown fact it names, and of each family account.
    std::vector<std::pair<const Certainty*, std::string>> certainties;
    std::vector<std::pair<const FamilyAccount*, std::string>> family_accounts;

    const std::string& text_of(const Certainty& certainty) const;
    const std::string& text_of(const FamilyAccount& account) const;
    void say(const Certainty& certainty);  // once each
    void say(const FamilyAccount& account);
};
// The texts of the answer written with `texts`: by id, not the ruleset's own texts, nor what is said of the facts and
// family accounts the answer leaves to the ruleset's listing.
Explanation explain(const Result& result, Texts texts);
// The texts of a ruleset a page's index shows: its own texts, each unpublished fact and each family account.
Explanation explain_ruleset(const Ruleset& ruleset);
// What is said of these facts alone (a roster's summary).
Explanation explain_facts(const std::vector<const Certainty*>& facts);

}  // namespace yibao
