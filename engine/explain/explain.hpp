// Explanation: the rule ids and codes an estimate gives turned into the plain Chinese a citizen reads, each
// text filled from its rule's template and cited with the rule's basis.
#pragma once

#include <string>
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

}  // namespace yibao
