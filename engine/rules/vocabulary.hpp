// The rule vocabulary: every condition, date expression and {placeholder} a ruleset may use, each defined once
// in vocabulary.cpp with its JSON key, how it is read and checked, how it is evaluated, and a one-line
// description. rules/schema.json's condition and date_expr definitions and the README's vocabulary tables are
// generated from that table (`yibao vocabulary`, tools/docs.mjs) and checked against it by the tests.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.hpp"
#include "core/json_reader.hpp"
#include "core/members.hpp"
#include "core/money.hpp"

namespace yibao {

enum class Student : std::uint8_t { none, school, college };
// paid_not_started: paid last year, but benefits had not started by its end (a late payment's waiting period).
enum class History : std::uint8_t { continuous, new_enrollee, lapsed, paid_not_started };
// Whether a ruleset offers the history only where its conditions name it: notices differ on whether paid_not_started
// counts as continuous, so a ruleset that never names it has not said what it means.
constexpr bool decided_by_rules(History history) { return history == History::paid_not_started; }

// Contract spellings, in enum order.
const std::vector<std::string>& student_names();
// The assistance group ids most notices name, which a roster's Chinese words (低保, 特困 …) stand for. A ruleset may
// name its groups with any ids; a member given one of these that the ruleset does not name is estimated as in
// none, with its silences.assistance note.
const std::vector<std::string>& assistance_names();
const std::vector<std::string>& history_names();
// Each history's words, in enum order: as rules, messages and the workbench's editors say it (`label`), and as the
// page offers it under the question 上年度参保情况 (`short_label`: a closed select at 360 px in 大字模式 holds about
// ten characters).
struct HistoryWords {
    std::string_view label;
    std::string_view short_label;
};
const std::array<HistoryWords, 4>& history_words();
// Each history's words of one kind by its name, {"continuous": …}: `label`s for the workbench's editors,
// `short_label`s for the page's choices.
Json history_words_json(std::string_view HistoryWords::*kind);

// What the rules may ask about a member, all taken at the payment date.
struct Facts {
    Date payment_date;
    Date birth_date;
    int age = 0;
    Student student = Student::none;
    int assistance = 0;        // 1 + the index of the ruleset's assistance group taken; 0: none
    History history = History::continuous;
    int tier = 0;              // 0: no tier applies
    int category = -1;         // index into Ruleset::categories, -1 while it is being decided
    int lapsed_years = 0;      // whole insurance years without cover right before this one
    int repaired_years = 0;    // how many of those are paid back now
    int continuous_years = -1; // years of continuous cover so far; -1: not given
    int claimed_last_year = -1;  // 1 yes, 0 no, -1 not given
    int waiting_months = 0;    // the waiting period the ruleset's waiting_period section gives the member
    Date year_start;
    Date year_end;
    Date deadline;             // the continuity deadline: the end of the collection window
    // Each member question's answer, by the ruleset's question index: the index of the answer; -1 for none.
    std::array<std::int8_t, 16> answers{-1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1};
};

// A ruleset's member question as conditions name it: its id and its answers' ids.
struct QuestionIds {
    std::string id;
    std::vector<std::string> answers;
};

// How sure a ruleset's value is: known; provisional (carried from a named earlier ruleset until the new one is
// published); or unknown (no value: why, and whom to ask). Amounts and the collection's dates may be either.
struct Certainty {
    enum class Kind : std::uint8_t { known, provisional, unknown };
    Kind kind = Kind::known;
    std::string fact;  // what the value is, e.g. "subsidy_fen", "continuity_deadline", "parts.medical_aid"
    std::string label; // what the ruleset calls it, where it names it (a fee part's label)
    std::string from;  // provisional: the ruleset the value is carried from
    std::string text;  // provisional: what to tell the citizen; unknown: why it is not known
    std::string ask;   // unknown: whom to ask
    std::optional<Date> not_before, not_after;  // unknown dates: what the sources do say of them
    YIBAO_FIELDS(s.kind, s.fact, s.label, s.from, s.text, s.ask, s.not_before, s.not_after)
};

template <typename T>
struct Fact {
    T value{};  // unknown: not a value to use
    Certainty certainty;
    bool known() const { return certainty.kind == Certainty::Kind::known; }
    bool unknown() const { return certainty.kind == Certainty::Kind::unknown; }
    bool provisional() const { return certainty.kind == Certainty::Kind::provisional; }
    YIBAO_FIELDS(s.value, s.certainty)
};

struct ConditionKeyword;
struct DateKeyword;

// A date computed from the member's facts, e.g. max(2024-01-01, first_of_next_month(payment_date)).
struct DateExpr {
    const DateKeyword* keyword = nullptr;  // nullptr: the literal date
    Date literal;
    int months = 0;
    int days = 0;  // add_days
    bool by_waiting_months = false;  // add_months counts the member's waiting months instead of `months`
    std::vector<DateExpr> args;
    YIBAO_FIELDS(s.keyword, s.literal, s.months, s.days, s.by_waiting_months, s.args)
};

enum class Relation : std::uint8_t { under, at_least, before, on_or_before, after, on_or_after };

struct Condition {
    const ConditionKeyword* keyword = nullptr;  // nullptr: always holds
    std::vector<Condition> children;
    std::uint32_t mask = 0;  // bit per enum value / category index / tier id
    int number = 0;
    Relation relation = Relation::under;
    DateExpr date;
    YIBAO_FIELDS(s.keyword, s.children, s.mask, s.number, s.relation, s.date)
};

bool holds(const Condition& condition, const Facts& facts);
Date evaluate(const DateExpr& expression, const Facts& facts);

// A keyword by its number in the vocabulary's table (1 + its index; 0 and nullptr: none), as the compact form of
// rulesets names it; nullptr for a number past the table.
int keyword_number(const ConditionKeyword* keyword);
int keyword_number(const DateKeyword* keyword);
const ConditionKeyword* condition_keyword(int number);
const DateKeyword* date_keyword(int number);

// Reads conditions and date expressions, recording every problem at its JSON path.
class VocabularyReader {
public:
    VocabularyReader(JsonReader& read, const std::vector<std::string>& category_ids)
        : read_(read), category_ids_(category_ids) {}

    Condition condition(const Json& value, const std::string& at);
    DateExpr date(const Json& value, const std::string& at);
    // A ruleset's amount or date: a plain value, {"provisional": {"from", "text"}, "value"} (the value filled in
    // from the named ruleset when loading), or {"unknown": {"reason", "ask", "not_before"?, "not_after"?}}.
    // `fact` names it in answers.
    Fact<Money> amount(const Json& object, const std::string& at, const char* key, const std::string& fact);
    Fact<Date> date_fact(const Json& object, const std::string& at, const char* key, const std::string& fact);

    bool in_category = false;  // a category's own condition may not name a category
    // The ruleset's assistance group ids and member questions, which `assistance` and `answer` may name.
    std::vector<std::string> assistance_ids;
    bool assistance_refused = false;  // a group's id was refused: conditions naming groups are not checked again
    std::vector<QuestionIds> questions;
    // Where waiting_months was read (a condition, or add_months counting it): the loader refuses it in a ruleset
    // without a waiting_period, where it would always be 0.
    std::vector<std::string> waiting_months_used;
    std::uint32_t histories_named = 0;  // bit per History some `history` condition names

    // For the keyword table's readers.
    JsonReader& read() { return read_; }
    const std::vector<std::string>& category_ids() const { return category_ids_; }

private:
    JsonReader& read_;
    const std::vector<std::string>& category_ids_;
};

// What a text's {placeholder} may be filled with: the member's facts and figures as the explanation shows them.
struct TextFacts {
    const Facts* facts = nullptr;  // nullptr in a ruleset-level text
    std::string_view category;
    std::string_view tier;
    std::string_view assistance;
    std::string assistance_groups;  // every group the member is in, joined by 、
    std::optional<Money> individual;  // nullopt: not published
    std::optional<Money> subsidy;
    const Date* start = nullptr;  // nullptr: no cover in the benefit year, or not published (start_unknown)
    bool start_unknown = false;
    Date end;
    int fixed_months = 0;
    int variable_months = 0;
    int repaired_months = 0;
    Money amount;  // a member note's
    Date year_start;
    Date year_end;
    std::optional<Date> deadline;  // nullopt: not published
};

enum class TextScope : std::uint8_t { ruleset, member };

// Checks each {name} of `text` against the placeholders allowed in `scope`.
void check_placeholders(JsonReader& read, const std::string& text, const std::string& at, TextScope scope);
// Replaces each {name}; the loader has checked every name.
std::string fill_placeholders(const std::string& text, const TextFacts& values);

// The vocabulary as documentation: kind ("condition", "date", "placeholder"), key, the JSON form, the description;
// the workbench's words for the keywords its editors offer (every condition and named date): its Chinese label and,
// for a fixed list of values, each value's words as a JSON object ({"none": "不是学生", …}).
struct KeywordDoc {
    std::string_view kind;
    std::string_view key;
    std::string_view form;
    std::string_view description;
    std::string_view label = {};
    std::string_view words = {};
};
std::vector<KeywordDoc> vocabulary_docs();
// The same as JSON, as `yibao vocabulary` prints it and the workbench reads it: [{kind, key, form, description, label,
// words}], words an object ({} where none).
Json vocabulary_json();
// JSON Schema definitions `condition` and `date_expr`, as rules/schema.json must hold them.
Json vocabulary_schema();

}  // namespace yibao
