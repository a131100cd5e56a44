// Every error and warning code the engine can give, with its meaning: the one list the README's codes section
// is generated from (`yibao vocabulary`, tools/docs.mjs) and that every Issue and Warning is made from.
#pragma once

#include <string_view>
#include <vector>

namespace yibao {

// X(code, kind, concerns, meaning): kind is error (no answer is given) or warning (the answer stands, with a
// caveat). What a code concerns (each warning of an answer carries it, so a reader groups them without a list of
// its own): an error, the input (`input`); a warning, the member's days without cover (`cover`), a figure that rests
// on what is not published yet, which the answer's `provisional` and `unknown` facts spell out (`unpublished`),
// the deadline for continuous cover, which the answer's `deadline` spells out (`deadline`), or anything else, told
// as a note (`note`).
#define YIBAO_CODES(X)                                                                                               \
    X(malformed_json, error, input, "The text is not JSON; the message gives the line and column.")                     \
    X(too_deep, error, input, "Objects and arrays nest deeper than any real input; the message gives the limit.")             \
    X(duplicate_key, error, input, "An object holds the same key twice; JSON readers disagree which one counts.")      \
    X(wrong_type, error, input, "A value has the wrong JSON type (text where a number belongs, …).")                     \
    X(missing, error, input, "A required field is absent.")                                                              \
    X(empty, error, input, "A list or text that must hold something is empty.")                                          \
    X(unknown_field, error, input, "A field the format does not have, most often a misspelling.")                       \
    X(unknown_value, error, input, "A value outside the allowed set, e.g. a student status or a source level.")         \
    X(out_of_range, error, input, "A number outside its bounds, e.g. a negative lapsed_years.")                         \
    X(invalid_date, error, input, "Not a real date in the form YYYY-MM-DD; the message says what is wrong (没有13月).")  \
    X(implausible_date, error, input, "A real date that cannot be meant: a birth year before 1900, asked to be checked.") \
    X(unknown_ruleset, error, input, "No ruleset has this id.")                                                          \
    X(outside_collection, error, input, "The payment is before the year's collection opens or after the year ends.")    \
    X(born_after_payment, error, input, "The member is born after the payment date.")                                   \
    X(unknown_tier, error, input, "The ruleset has no such tier.")                                                       \
    X(contradiction, error, input, "Two member facts disagree, e.g. history continuous with lapsed_years 2.")           \
    X(several_groups, error, input, "A member is in several assistance groups and the ruleset has no several_groups rule saying which one is taken.")\
    X(no_rule, error, input, "No contribution or benefit rule of the ruleset applies to the member.")                   \
    X(unreadable_file, error, input, "A file named on the command line cannot be read.")                                \
    X(invalid_id, error, input, "A ruleset id is empty, longer than 64 characters, or holds other than a-z, 0-9, - and _ (a group, question or answer id: a-z, 0-9 and _).") \
    X(bad_url, error, input, "A url is not an http:// or https:// address.")                                           \
    X(bad_phone, error, input, "A contact's phone number has none of the shapes the README lists.")                     \
    X(out_of_order, error, input, "An end date before its start date.")                                                 \
    X(no_fallback, error, input, "The last category must have the empty condition {}, so every member has one.")        \
    X(too_many, error, input, "A ruleset may have at most 32 categories (a condition holds them as bits).")            \
    X(category_in_category, error, input, "A category's condition may not name a category.")                           \
    X(one_key, error, input, "An object that must hold exactly one of its keys holds none or several.")                 \
    X(bad_date_expr, error, input, "Not a date expression of the vocabulary.")                                          \
    X(bad_placeholder, error, input, "A {placeholder} that is unknown or not allowed in this text.")                    \
    X(unknown_source, error, input, "A basis names a source the ruleset does not declare.")                             \
    X(duplicate_id, error, input, "Two items of one list have the same id.")                                            \
    X(no_waiting_period, error, input, "waiting_months is used in a ruleset with no waiting_period, where it would always be 0.")\
    X(unreachable_rule, error, input, "A benefit rule can never apply: an earlier rule always applies, or has the same condition.")\
    X(unknown_base, error, input, "A ruleset names a base ruleset that is not loaded.")                                 \
    X(base_cycle, error, input, "Rulesets name each other as base in a circle.")                                       \
    X(missing_basis, error, input, "A change to a base ruleset's rule gives no source and quote of its own.")          \
    X(quote_not_found, error, input, "A quote is not word for word in its source's text (sources/<id>.txt beside the ruleset, or the source's text).") \
    X(parts_do_not_add_up, error, input, "A contribution's individual_fen or subsidy_fen differs from the sum of its parts of that payer (合计与各部分之和不符).") \
    X(damaged_rulesets, error, input, "A page's rulesets in the engine's compact form are damaged, or were made by another version of the engine.") \
    X(bad_roster_header, error, input, "A roster's header lacks the birth-date column or names a field twice.")        \
    X(bad_cell, error, input, "A roster cell cannot be read (a date, a status, a tier …).")                            \
    X(bad_csv, error, input, "A roster row is not valid CSV, or holds more cells than its header.")                    \
    X(waiting_period, warning, cover, "Benefits start after a waiting period; the days before are not covered.")       \
    X(coverage_gap, warning, cover, "Days of the year before benefits start are not covered (no waiting period rule).") \
    X(no_cover, warning, cover, "This payment buys no cover in the benefit year.")                                     \
    X(assistance_not_in_rules, warning, note, "The ruleset's sources do not name the member's assistance group.")    \
    X(answer_assumed, warning, note, "A member question was not answered; the ruleset's default answer was taken.")  \
    X(tier_assumed, warning, note, "No tier was chosen; the ruleset's default tier was used.")                       \
    X(tier_not_in_rules, warning, note, "A tier was given but the ruleset has none.")                                 \
    X(tier_not_applicable, warning, note, "A tier was given for a member the tiers do not apply to.")                \
    X(lapsed_years_assumed, warning, note, "history is lapsed but lapsed_years is not given; one year was assumed.") \
    X(repair_without_effect, warning, note, "Years paid back that cannot shorten the waiting period any further.")    \
    X(provisional, warning, unpublished, "Figures rest on values carried from an earlier ruleset until this year's are published.") \
    X(unknown_amount, warning, unpublished, "The individual contribution or the subsidy is not published; it is not counted.")   \
    X(unknown_total, warning, unpublished, "A household total includes an amount that is not published, so it is not a number.")\
    X(unknown_deadline, warning, unpublished, "The window's end is not published and the start date turns on it: both cases.")   \
    X(unknown_collection_dates, warning, unpublished, "It is not published whether the collection is open on this payment date.")\
    X(unknown_start, warning, unpublished, "The rule that applies does not say when benefits start: no date is given, only why and whom to ask.")\
    X(unknown_waiting_variable, warning, note, "The sources give no variable waiting period; only the fixed part is applied.")\
    X(caveat, warning, note, "The rule that applies says what its source leaves open (e.g. kept from an earlier year).")   \
    X(assistance_not_asked, warning, note, "The ruleset names no assistance group, so none is asked: its silences.assistance note is told to the household.")\
    X(deadline_missed, warning, deadline, "The household's payment date is after the deadline for continuous cover.")

enum class Code {
#define YIBAO_CODE_ENUM(code, kind, concerns, meaning) code,
    YIBAO_CODES(YIBAO_CODE_ENUM)
#undef YIBAO_CODE_ENUM
};

struct CodeInfo {
    Code code;
    std::string_view name;
    std::string_view kind;      // "error" or "warning"
    std::string_view concerns;  // "input", "cover", "unpublished", "deadline" or "note"
    std::string_view meaning;
};

const std::vector<CodeInfo>& all_codes();
std::string_view code_name(Code code);
std::string_view code_concerns(Code code);

}  // namespace yibao
