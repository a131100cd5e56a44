#include "rules/fields.hpp"

#include <iterator>

#include "core/doc.hpp"
#include "rules/vocabulary.hpp"

namespace yibao {

namespace {

using K = FieldKind;
constexpr Need req = Need::required;
constexpr Need opt = Need::optional;

constexpr Field row(const char* object, const char* key, FieldKind kind, Need need,
                    [[maybe_unused]] std::string_view description) {
    Field f{};
    f.object = object;
    f.key = key;
    f.kind = kind;
    f.need = need;
#ifndef YIBAO_LEAN
    f.description = description;
#endif
    return f;
}
constexpr Field range(Field f, std::int32_t min, std::int32_t max) {
    f.min = min;
    f.max = max;
    return f;
}
// An object, or a list of at least `least` objects, of the table.
constexpr Field of(Field f, const char* name, std::int32_t least = 0) {
    f.of = name;
    f.min = least;
    return f;
}
constexpr Field most(Field f, std::int32_t items) {
    f.max = items;
    return f;
}
constexpr Field non_empty(Field f) {
    f.min = 1;
    return f;
}
constexpr Field own(Field f) {
    f.own = true;
    return f;
}
constexpr Field with(Field f, const char* key) {
    f.with = key;
    return f;
}
constexpr Field unless(Field f, const char* key) {
    f.unless = key;
    return f;
}
constexpr Field or_unknown(Field f) {
    f.or_unknown = true;
    return f;
}
constexpr Field schema(Field f, [[maybe_unused]] std::string_view json) {
#ifndef YIBAO_LEAN
    f.schema = json;
#endif
    return f;
}

// Every object of a ruleset that explains itself says it in words, with its basis.
constexpr Field text(const char* object) {
    return row(object, "text", K::text, req,
               DOC("plain Chinese explanation shown with the result; {placeholders} as listed below (texts about a "
                   "member may use all, ruleset-level texts only year_start, year_end and deadline)"));
}
constexpr Field basis(const char* object) {
    return of(row(object, "basis", K::list, req, DOC("where the rule comes from: at least one source and its words")),
              "basis", 1);
}
constexpr Field id(const char* object) {
    return row(object, "id", K::text, req, DOC("names the item; a ruleset with a base changes or removes it by this id"));
}
constexpr Field when(const char* object, std::string_view description) {
    return row(object, "when", K::condition, opt, description);
}

// Built at compile time: the page's engine carries the table as data, not as code that makes it.
constexpr ObjectShape kObjects[] = {
        {"ruleset", "", DOC("One city's resident medical insurance (居民医保) rules for one insurance year. With `base`, "
                            "only what changed: objects merge key by key, lists of items with an id item by item.")},
        {"source", "sources[]", DOC("A document the rules quote.")},
        {"benefit_year", "benefit_year", DOC("The insurance (benefit) year's first and last day.")},
        {"collection", "collection", DOC("When a payment for this year is possible at all; outside it an estimate is "
                                         "an error.")},
        {"continuity_deadline", "continuity_deadline", DOC("The last payment date that keeps cover continuous.")},
        {"category", "categories[]", DOC("Who pays which kind of contribution; the first match decides a member's "
                                         "category.")},
        {"tiers", "tiers", DOC("The levels a member may choose, and to whom they apply.")},
        {"tier", "tiers.levels[]", DOC("One level.")},
        {"assistance_group", "assistance_groups[]", DOC("A group of assisted members the sources name.")},
        {"fee_part", "fee_parts[]",
         DOC("A kind of money the notice names, and who pays it: e.g. 基本医保 and 长期护理保险 paid by the member, "
             "财政补助 and 医疗救助资助 paid by the government. Contribution rules may give their amounts by these parts.")},
        {"several_groups", "several_groups",
         DOC("How one support is chosen for a member in several assistance groups, as the sources say (按“就高”原则，"
             "不重复资助). Without it a member may be in one group only.")},
        {"member_question", "member_questions[]",
         DOC("A fact about a member the city's rules ask (性别, 户口新迁入 …): the page, the CLI request (`answers`) "
             "and the roster (a column headed by its label) ask it only for this ruleset; the condition `answer` "
             "tests it.")},
        {"answer", "member_questions[].answers[]", DOC("One answer allowed.")},
        {"contribution", "contributions[]", DOC("A row of the fee table: the first match gives the individual "
                                                "contribution and the subsidy.")},
        {"contribution_part", "contributions[].parts[]",
         DOC("The rule's amount of one fee part, with its basis. The individual contribution is the sum of the parts "
             "the member pays, the subsidy the sum of the government's; an unknown part makes its sum unknown.")},
        {"benefit_rule", "benefit_rules[]", DOC("The first match gives the day benefits start (and end). A start after "
                                                "the end means the payment buys no cover that year.")},
        {"waiting_period", "waiting_period",
         DOC("The waiting period of the 2025 reform (国办发〔2024〕38号), in the city's numbers: fixed + variable − "
             "repaired, at least the floor; benefit rules count it with {\"add_months\": [E, \"waiting_months\"]}.")},
        {"waiting_fixed", "waiting_period.fixed", DOC("The fixed part.")},
        {"waiting_variable", "waiting_period.variable", DOC("The part that grows with the lapsed years.")},
        {"waiting_repair", "waiting_period.repair", DOC("What paying back lapsed years takes off the variable part; "
                                                        "the fixed part never shrinks.")},
        {"waiting_floor", "waiting_period.floor", DOC("The least total after repair.")},
        {"waiting_exempt", "waiting_period.exempt[]", DOC("Who has no waiting period (first match), e.g. newborns "
                                                          "paid in their window.")},
        {"member_note", "member_notes[]", DOC("Information for a member whose facts match, e.g. how the 大病保险 "
                                              "ceiling changes.")},
        {"channel", "registration[], payment_channels[]",
         DOC("A way to register or pay; a registration route is shown when a member of the household matches.")},
        {"contact", "contacts[]", DOC("Whom to ask.")},
        {"silences", "silences", DOC("What to tell a member about what the sources do not say; the ordinary rule is "
                                     "used.")},
        {"basis", "basis[]", DOC("A source and its words: … marks left-out words, 〔大意〕 a paraphrase.")},
        {"fact", "an amount or a collection date",
         DOC("Instead of the plain value: exactly one of provisional or unknown.")},
        {"provisional", "fact.provisional", DOC("Carried from the named earlier ruleset (the same place, list items by "
                                                "id) until this year's value is published.")},
        {"unknown", "fact.unknown", DOC("Not published: no value; what depends on it says so, and whom to ask.")},
};

constexpr Field kFields[] = {
        // The top level, in the order the loader lists its keys.
        row("ruleset", "$schema", K::text, opt, DOC("the schema's address, for editors")),
        row("ruleset", "$comment", K::text, opt, DOC("a note for rule authors; not shown to citizens")),
        own(schema(row("ruleset", "id", K::text, req,
                       DOC("city and year, e.g. qingdao-2024, the request's `ruleset`: 1 to 64 characters of a-z, 0-9, "
                           "- and _ (invalid_id)")),
                   DOC(R"("pattern":"^[a-z0-9_-]+$","maxLength":64)"))),
        row("ruleset", "base", K::text, opt,
            DOC("the id of the ruleset this one builds on; a change to one of its rules brings its own basis")),
        row("ruleset", "region", K::text, req, DOC("the city, as the page names it")),
        own(range(row("ruleset", "year", K::integer, req, DOC("the insurance (benefit) year")), 2000, 2200)),
        own(row("ruleset", "title", K::text, req, DOC("the rules' title, as the page shows it"))),
        of(row("ruleset", "sources", K::list, req, DOC("the documents the rules quote")), "source", 1),
        own(of(row("ruleset", "benefit_year", K::object, req, DOC("the insurance year's days")), "benefit_year")),
        own(of(row("ruleset", "collection", K::object, req, DOC("the collection window")), "collection")),
        own(of(row("ruleset", "continuity_deadline", K::object, req, DOC("the deadline for continuous cover")),
               "continuity_deadline")),
        most(of(row("ruleset", "categories", K::list, req,
                    DOC("first match; the last has an empty `when`, so every member has one; at most 32, as a "
                        "condition holds them as bits")),
                "category", 1),
             32),
        of(row("ruleset", "tiers", K::object, opt, DOC("contribution levels to choose from")), "tiers"),
        of(row("ruleset", "assistance_groups", K::list, opt, DOC("the assisted groups the sources name")),
           "assistance_group", 1),
        of(row("ruleset", "fee_parts", K::list, opt,
               DOC("the kinds of money the notice names, for contributions given by part")),
           "fee_part", 1),
        of(row("ruleset", "several_groups", K::object, opt,
               DOC("how one support is chosen for a member in several assistance groups")),
           "several_groups"),
        most(of(row("ruleset", "member_questions", K::list, opt, DOC("facts about a member the city's rules ask")),
                "member_question", 1),
             16),
        of(row("ruleset", "contributions", K::list, req, DOC("the fee table, first match")), "contribution", 1),
        of(row("ruleset", "benefit_rules", K::list, req, DOC("when benefits start, first match")), "benefit_rule", 1),
        of(row("ruleset", "waiting_period", K::object, opt, DOC("the reform's waiting period (rulesets from 2025)")),
           "waiting_period"),
        of(row("ruleset", "member_notes", K::list, opt, DOC("information for members whose facts match")),
           "member_note", 1),
        of(row("ruleset", "registration", K::list, req, DOC("where to register, shown where a member matches")),
           "channel", 1),
        of(row("ruleset", "payment_channels", K::list, req, DOC("where to pay")), "channel", 1),
        of(row("ruleset", "contacts", K::list, req, DOC("whom to ask")), "contact", 1),
        row("ruleset", "websites", K::texts, opt, DOC("the city's web addresses, shown as text")),
        of(row("ruleset", "silences", K::object, req, DOC("what the sources do not say")), "silences"),
        own(row("ruleset", "unconfirmed_note", K::text, req,
                DOC("shown beside any explanation whose basis includes a level-B source"))),

        id("source"),
        schema(row("source", "level", K::text, req,
                   DOC("A the notice itself; B an earlier-year notice, a reprint or an explainer (shown with "
                       "unconfirmed_note); C national background")),
               DOC(R"("enum":["A","B","C"])")),
        row("source", "title", K::text, req, DOC("as the source gives it")),
        row("source", "publisher", K::text, req, DOC("who published it, and where a reprint was found")),
        row("source", "date", K::text, opt, DOC("when it was published")),
        schema(row("source", "url", K::text, opt, DOC("an http:// or https:// address without spaces (bad_url)")),
               DOC(R"("pattern":"^https?://[^\\u0000-\\u0020]+$")")),
        row("source", "text", K::text, opt,
            DOC("the source's words as published; yibao validate finds every quote of it there (quote_not_found), as it does in a sources/<id>.txt beside the file")),

        row("benefit_year", "start", K::date, req, DOC("the first day of cover")),
        row("benefit_year", "end", K::date, req, DOC("the last day, not before start")),

        row("collection", "opens", K::date_fact, req, DOC("the first day a payment for this year is possible")),
        row("collection", "closes", K::date_fact, req, DOC("the last day payable, not before opens")),
        text("collection"),
        basis("collection"),

        row("continuity_deadline", "date", K::date_fact, req,
            DOC("the last payment date (inclusive) that keeps cover continuous")),
        text("continuity_deadline"),
        basis("continuity_deadline"),

        id("category"),
        row("category", "label", K::text, req, DOC("as the fee tables name it, e.g. 少年儿童")),
        when("category", DOC("who is in it; no `category` condition here")),
        text("category"),
        basis("category"),

        row("tiers", "applies_to", K::condition, req, DOC("the members who choose a tier")),
        range(row("tiers", "default", K::integer, req,
                  DOC("the level assumed, with a warning, for a member who must choose one and gives none")),
              1, 31),
        of(row("tiers", "levels", K::list, req, DOC("the levels")), "tier", 1),
        range(row("tier", "id", K::integer, req, DOC("1 to 31, as a request's `tier` names it")), 1, 31),
        row("tier", "label", K::text, req, DOC("e.g. 一档")),

        schema(row("assistance_group", "id", K::text, req,
                   DOC("the group, as a request's `assistance` and a condition's `assistance` name it: 1 to 64 "
                       "characters of a-z, 0-9 and _, not none (invalid_id); a roster's 低保, 特困, 孤儿, 重度残疾, "
                       "监测对象, 低保边缘 stand for dibao, tekun, orphan, severe_disability, poverty_monitored, "
                       "dibao_edge")),
               DOC(R"("pattern":"^[a-z0-9_]+$","maxLength":64,"not":{"const":"none"})")),
        non_empty(row("assistance_group", "label", K::text, req, DOC("the group as the sources name it"))),
        row("assistance_group", "who", K::text, opt, DOC("who is in the group, as the sources say")),
        with(of(row("assistance_group", "basis", K::list, opt, DOC("where `who` comes from")), "basis", 1), "who"),

        schema(row("several_groups", "take", K::text, req,
                   DOC("highest (就高): the group that leaves the member the least individual contribution; of equal "
                       "ones, the first in assistance_groups")),
               DOC(R"("enum":["highest"])")),
        text("several_groups"),
        basis("several_groups"),

        schema(row("member_question", "id", K::text, req,
                   DOC("the question, as a request's `answers` and a condition's `answer` name it: a-z, 0-9 and _ "
                       "(invalid_id)")),
               DOC(R"("pattern":"^[a-z0-9_]+$","maxLength":64)")),
        non_empty(row("member_question", "label", K::text, req,
                      DOC("a short name: the form's label and the roster's column header, e.g. 性别"))),
        non_empty(row("member_question", "question", K::text, req, DOC("the question in plain words, as the page asks it"))),
        most(of(row("member_question", "answers", K::list, req, DOC("the answers allowed")), "answer", 2), 31),
        row("member_question", "default", K::text, opt,
            DOC("an answer id assumed, with a warning (answer_assumed), for a member who gives none; without it an "
                "answer is required")),
        basis("member_question"),

        schema(row("answer", "id", K::text, req, DOC("the answer, as a request names it: a-z, 0-9 and _")),
               DOC(R"("pattern":"^[a-z0-9_]+$","maxLength":64)")),
        non_empty(row("answer", "label", K::text, req, DOC("the answer in plain words, e.g. 女"))),

        id("contribution"),
        row("contribution", "label", K::text, req, DOC("the row of the fee table, e.g. 成年居民（一档）")),
        when("contribution", DOC("to whom it applies")),
        unless(row("contribution", "individual_fen", K::amount, req,
                   DOC("what the member pays, in fen (1元 = 100 fen); with parts, the sum of the member's parts: "
                       "left out, or equal to it (parts_do_not_add_up)")),
               "parts"),
        unless(row("contribution", "subsidy_fen", K::amount, req,
                   DOC("the government's subsidy, in fen; with parts, the sum of the government's parts: left out, or "
                       "equal to it (parts_do_not_add_up)")),
               "parts"),
        of(row("contribution", "parts", K::list, opt,
               DOC("the amounts by fee part, e.g. 财政补助 and 医疗救助资助 beside the member's own; a payer without "
                   "parts here still needs its individual_fen or subsidy_fen")),
           "contribution_part", 1),
        row("contribution", "caveat", K::text, opt,
            DOC("told as a warning whenever the rule applies, e.g. for a group this year's source no longer names")),
        text("contribution"),
        basis("contribution"),

        non_empty(row("fee_part", "id", K::text, req, DOC("names the part; a contribution's parts[] name it"))),
        row("fee_part", "label", K::text, req, DOC("as the notice names it, e.g. 医疗救助资助")),
        schema(row("fee_part", "payer", K::text, req,
                   DOC("individual (the member pays it) or government (a subsidy: 财政补助, 医疗救助资助 …)")),
               DOC(R"("enum":["individual","government"])")),
        basis("fee_part"),

        non_empty(row("contribution_part", "id", K::text, req, DOC("an id from fee_parts"))),
        row("contribution_part", "amount_fen", K::amount, req, DOC("the part's amount in fen, or a fact")),
        basis("contribution_part"),

        id("benefit_rule"),
        when("benefit_rule", DOC("to whom it applies")),
        or_unknown(row("benefit_rule", "start", K::date_expr, req, DOC("the first day of cover, or {\"unknown\": …} where the sources do not say"))),
        row("benefit_rule", "end", K::date_expr, opt, DOC("the last day of cover; year_end when left out")),
        row("benefit_rule", "waiting", K::boolean, opt, DOC("the rule imposes a waiting period (the result warns of it)")),
        row("benefit_rule", "caveat", K::text, opt, DOC("told as a warning whenever the rule applies")),
        text("benefit_rule"),
        basis("benefit_rule"),

        of(row("waiting_period", "fixed", K::object, req, DOC("the fixed months")), "waiting_fixed"),
        or_unknown(of(row("waiting_period", "variable", K::object, opt,
                          DOC("months per lapsed year, or {\"unknown\": …} where the sources give none (the fixed part "
                              "is applied)")),
                      "waiting_variable")),
        of(row("waiting_period", "repair", K::object, opt, DOC("paying back lapsed years")), "waiting_repair"),
        of(row("waiting_period", "floor", K::object, opt, DOC("the least total")), "waiting_floor"),
        of(row("waiting_period", "exempt", K::list, opt, DOC("who has none, first match")), "waiting_exempt", 1),

        id("waiting_fixed"),
        range(row("waiting_fixed", "months", K::integer, req, DOC("months of the fixed part")), 0, 120),
        when("waiting_fixed", DOC("to whom it applies, e.g. paid after the window, or lapsed_years at least 1")),
        text("waiting_fixed"),
        basis("waiting_fixed"),

        id("waiting_variable"),
        range(row("waiting_variable", "months_per_year", K::integer, req, DOC("months added per lapsed year")), 0, 12),
        range(row("waiting_variable", "from_lapsed_year", K::integer, req,
                  DOC("the lapsed year it counts from (Qingdao: 2, the first lapsed year adds nothing)")),
              1, 100),
        text("waiting_variable"),
        basis("waiting_variable"),

        id("waiting_repair"),
        range(row("waiting_repair", "months_per_year", K::integer, req, DOC("months each repaid year takes off")), 0,
              12),
        text("waiting_repair"),
        basis("waiting_repair"),

        id("waiting_floor"),
        range(row("waiting_floor", "months", K::integer, req, DOC("the least total after repair")), 0, 120),
        range(row("waiting_floor", "from_lapsed_years", K::integer, req, DOC("the lapsed years from which it applies")),
              1, 100),
        text("waiting_floor"),
        basis("waiting_floor"),

        id("waiting_exempt"),
        when("waiting_exempt", DOC("who is exempt")),
        text("waiting_exempt"),
        basis("waiting_exempt"),

        id("member_note"),
        when("member_note", DOC("to whom it applies")),
        range(row("member_note", "amount_fen", K::integer, opt, DOC("the change, in fen ({amount})")), -kMostFen,
              kMostFen),
        range(row("member_note", "per_year_fen", K::integer, opt,
                  DOC("instead of amount_fen: the change per continuous year beyond after_years")),
              -kMostFen, kMostFen),
        with(range(row("member_note", "after_years", K::integer, opt, DOC("the continuous years that count for nothing")),
                   0, 150),
             "per_year_fen"),
        text("member_note"),
        basis("member_note"),

        id("channel"),
        row("channel", "name", K::text, req, DOC("to whom it applies or where to go, as the source names it")),
        row("channel", "detail", K::text, opt, DOC("how")),
        when("channel", DOC("registration: shown when any member of the household matches")),
        basis("channel"),

        row("contact", "name", K::text, req, DOC("whom to ask")),
        schema(row("contact", "phone", K::text, opt,
                   DOC("area code and number, keys to press after it each behind a hyphen (0532-12345678, "
                       "024-12345-1-7), a five-digit service number (12393, 95xxx) or a mobile number (bad_phone); "
                       "the page makes it a tel: link")),
               DOC(R"("pattern":"^(0[0-9]{2,3}-[0-9]{5,8}(-[0-9]{1,2})*|12[0-9]{3}|95[0-9]{3}|1[3-9][0-9]{9})$")")),
        row("contact", "detail", K::text, opt, DOC("what they do, or where")),

        row("silences", "assistance", K::text, req,
            DOC("told to a member whose assistance group the sources do not cover")),
        row("silences", "tier", K::text, req, DOC("told to a member who gives a tier where none applies")),

        row("basis", "source", K::text, req, DOC("an id from sources")),
        non_empty(row("basis", "quote", K::text, req, DOC("the source's own words"))),

        of(row("fact", "provisional", K::object, opt, DOC("carried from an earlier ruleset")), "provisional"),
        of(row("fact", "unknown", K::object, opt, DOC("not published")), "unknown"),
        row("fact", "value", K::plain, opt, DOC("provisional: the value carried, filled in from the earlier ruleset when left out")),

        non_empty(row("provisional", "from", K::text, req, DOC("the ruleset id the value is carried from"))),
        non_empty(row("provisional", "text", K::text, req, DOC("told to the citizen beside every figure that rests on it"))),

        non_empty(row("unknown", "reason", K::text, req, DOC("why it is not known"))),
        non_empty(row("unknown", "ask", K::text, req, DOC("whom to ask"))),
        row("unknown", "not_before", K::date, opt, DOC("a date: what the sources do say of it")),
        row("unknown", "not_after", K::date, opt, DOC("a date: what the sources do say of it")),
};

}  // namespace

std::vector<ObjectShape> ruleset_objects() { return {std::begin(kObjects), std::end(kObjects)}; }

std::vector<const Field*> fields_of(std::string_view object) {
    std::vector<const Field*> out;
    for (const Field& f : kFields)
        if (f.object == object) out.push_back(&f);
    return out;
}

const Field* find_field(std::string_view object, std::string_view key) {
    for (const Field& f : kFields)
        if (f.object == object && f.key == key) return &f;
    return nullptr;
}

FieldReader::FieldReader(JsonReader& read, std::string_view object, const Json& value, std::string at)
    : read_(read), object_(object), value_(value), at_(std::move(at)) {
    std::vector<std::string_view> keys;
    for (const Field* f : fields_of(object_)) keys.push_back(f->key);
    read_.only_keys(value_, at_, keys);
}

const Json* FieldReader::value(std::string_view key) {
    const Field* f = find_field(object_, key);
    if (!f) return nullptr;
    const auto given = [&](const char* other) { return value_.contains(other) && !value_[other].is_null(); };
    const bool required = (f->need == Need::required && !(*f->unless && given(f->unless))) ||
                          (*f->with && given(f->with));
    const std::string name(key);
    const Json* v = read_.member(value_, at_, name.c_str(), required ? Need::required : Need::optional);
    if (!v) return nullptr;
    const std::string at = path(key);
    switch (f->kind) {
        case K::text:
            if (!read_.text_value(*v, at)) return nullptr;
            if (f->min > 0 && v->get_ref<const std::string&>().empty()) {
                read_.fail(at, Code::empty, "不能为空");
                return nullptr;
            }
            return v;
        case K::integer: return read_.integer_value(*v, at, f->min, f->max) ? v : nullptr;
        case K::boolean: return read_.boolean_value(*v, at) ? v : nullptr;
        case K::date: return read_.date_value(*v, at) ? v : nullptr;
        case K::object: return read_.is_object(*v, at) ? v : nullptr;
        case K::list:
            if (!read_.is_array(*v, at, f->min > 0)) return nullptr;
            // Too many is told at the first one too many; the list is still read, so that ids in it are known.
            if (f->max > 0 && v->size() > static_cast<size_t>(f->max))
                read_.fail(pointer_join(at, static_cast<size_t>(f->max)), Code::too_many,
                           "最多" + std::to_string(f->max) + "项，这里有" + std::to_string(v->size()) + "项");
            return v;
        case K::texts: {
            if (!read_.is_array(*v, at)) return nullptr;
            bool all = true;
            for (size_t i = 0; i < v->size(); ++i)
                if (!read_.text_value((*v)[i], pointer_join(at, i))) all = false;
            return all ? v : nullptr;
        }
        // The vocabulary reads these, kind and all.
        case K::condition: case K::date_expr: case K::amount: case K::date_fact: case K::plain: return v;
    }
    return v;
}

std::optional<std::string> FieldReader::text(std::string_view key) {
    const Json* v = value(key);
    return v && v->is_string() ? std::optional<std::string>(v->get<std::string>()) : std::nullopt;
}
std::optional<std::int64_t> FieldReader::integer(std::string_view key) {
    const Json* v = value(key);
    return v && v->is_number_integer() ? std::optional<std::int64_t>(v->get<std::int64_t>()) : std::nullopt;
}
std::optional<bool> FieldReader::boolean(std::string_view key) {
    const Json* v = value(key);
    return v && v->is_boolean() ? std::optional<bool>(v->get<bool>()) : std::nullopt;
}
std::optional<FieldReader> FieldReader::part(std::string_view key) {
    const Json* v = value(key);
    if (!v) return std::nullopt;
    return FieldReader(read_, find_field(object_, key)->of, *v, path(key));
}
std::optional<Date> FieldReader::date(std::string_view key) {
    const Json* v = value(key);
    return v && v->is_string() ? Date::parse(v->get_ref<const std::string&>()) : std::nullopt;
}

#ifndef YIBAO_LEAN

namespace {

std::string form_of(const Field& f) {
    const std::string of(f.of);
    switch (f.kind) {
        case K::text: return f.min > 0 ? "text, not empty" : "text";
        case K::integer: return "integer " + std::to_string(f.min) + " to " + std::to_string(f.max);
        case K::boolean: return "true | false";
        case K::date: return "YYYY-MM-DD";
        case K::object: return f.or_unknown ? of + " | fact with unknown" : of;
        case K::list:
            return "[" + of + ", …]" + (f.min > 0 ? ", not empty" : "") +
                   (f.max > 0 ? ", at most " + std::to_string(f.max) : "");
        case K::texts: return "[text, …]";
        case K::condition: return "condition";
        case K::date_expr: return f.or_unknown ? "date expression | fact with unknown" : "date expression";
        case K::amount: return "fen | fact";
        case K::date_fact: return "YYYY-MM-DD | fact";
        case K::plain: return "fen | YYYY-MM-DD";
    }
    return "";
}

std::string_view kind_name(FieldKind kind) {
    constexpr std::string_view names[] = {"text",      "integer",   "boolean", "date",      "object", "list",
                                          "texts",     "condition", "date_expr", "amount", "date_fact", "plain"};
    return names[static_cast<size_t>(kind)];
}

std::string need_of(const Field& f) {
    if (*f.unless) return "unless " + std::string(f.unless);
    if (f.need == Need::required) return f.own ? "required, also with base" : "required";
    if (*f.with) return "with " + std::string(f.with);
    return "optional";
}

Json ref(std::string_view name) { return {{"$ref", "#/$defs/" + std::string(name)}}; }

Json value_schema(const Field& f) {
    Json s;
    switch (f.kind) {
        case K::text:
            s = {{"type", "string"}};
            if (f.min > 0) s["minLength"] = f.min;
            break;
        case K::integer: s = {{"type", "integer"}, {"minimum", f.min}, {"maximum", f.max}}; break;
        case K::boolean: s = {{"type", "boolean"}}; break;
        case K::date: s = ref("date"); break;
        case K::object: s = ref(f.of); break;
        case K::list:
            s = {{"type", "array"}};
            if (f.min > 0) s["minItems"] = f.min;
            if (f.max > 0) s["maxItems"] = f.max;
            s["items"] = ref(f.of);
            break;
        case K::texts: s = {{"type", "array"}, {"items", {{"type", "string"}}}}; break;
        case K::condition: s = ref("condition"); break;
        case K::date_expr: s = ref("date_expr"); break;
        case K::amount: s = ref("amount"); break;
        case K::date_fact: s = ref("date_fact"); break;
        case K::plain: s = Json::object(); break;
    }
    if (!f.schema.empty()) s.update(Json::parse("{" + std::string(f.schema) + "}"));
    if (f.or_unknown) s = {{"anyOf", {s, ref("unknown_fact")}}};
    // An optional field given as null is taken as left out.
    if (f.need == Need::optional) s = {{"anyOf", {s, {{"type", "null"}}}}};
    s["description"] = f.description;
    return s;
}

// What a ruleset with a base may write at the top level: a change, checked in full after merging.
Json change_schema(const Field& f) {
    if (f.kind != K::object && f.kind != K::list) return value_schema(f);
    Json s = {{"type", f.kind == K::object ? "object" : "array"}};
    if (f.need == Need::optional) s = {{"anyOf", {s, {{"type", "null"}}}}};
    s["description"] = f.description;
    return s;
}

Json object_schema(std::string_view name, const std::string_view description) {
    Json properties = Json::object(), required = Json::array(), dependent = Json::object(), unless = Json::array();
    for (const Field* f : fields_of(name)) {
        properties[std::string(f->key)] = value_schema(*f);
        if (f->need == Need::required && !*f->unless) required.push_back(f->key);
        if (*f->with) dependent[f->with] = Json::array({f->key});
        // Required unless the other key is given (and not null).
        if (*f->unless) {
            Json given = {{"required", Json::array({f->unless})}, {"properties", Json::object()}};
            given["properties"][f->unless] = {{"not", {{"type", "null"}}}};
            unless.push_back({{"if", std::move(given)}, {"else", {{"required", Json::array({f->key})}}}});
        }
    }
    Json s = {{"type", "object"}, {"additionalProperties", false}, {"description", description}};
    if (!required.empty()) s["required"] = std::move(required);
    if (!dependent.empty()) s["dependentRequired"] = std::move(dependent);
    if (!unless.empty()) s["allOf"] = std::move(unless);
    s["properties"] = std::move(properties);
    return s;
}

// A fact: its plain value, {"provisional": …, "value"?: plain}, or {"unknown": …}.
Json fact_schema(const Json& plain, std::string_view description) {
    Json provisional = {{"type", "object"}, {"additionalProperties", false}, {"required", {"provisional"}},
                        {"properties", {{"provisional", ref("provisional")}, {"value", plain}}},
                        {"description", find_field("fact", "provisional")->description}};
    return {{"description", description}, {"oneOf", {plain, std::move(provisional), ref("unknown_fact")}}};
}

}  // namespace

std::vector<FieldDoc> field_docs() {
    std::vector<FieldDoc> docs;
    for (const Field& f : kFields) docs.push_back({f.object, f.key, kind_name(f.kind), f.of, form_of(f), need_of(f), f.description});
    return docs;
}

Json ruleset_schema() {
    const ObjectShape& top = kObjects[0];
    Json loose = Json::object(), full = Json::object(), required = Json::array(), own = Json::array({"base"});
    for (const Field* f : fields_of(top.name)) {
        loose[std::string(f->key)] = change_schema(*f);
        if (f->kind == K::object || f->kind == K::list) full[std::string(f->key)] = value_schema(*f);
        if (f->need == Need::required) required.push_back(f->key);
        if (f->own) own.push_back(f->key);
    }
    Json defs = {
        {"date", {{"type", "string"}, {"pattern", "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"}, {"description", "a real calendar date"}}},
        {"fen", {{"type", "integer"}, {"minimum", 0}, {"maximum", kMostFen}, {"description", "money in fen (1元 = 100 fen)"}}},
    };
    for (const ObjectShape& o : kObjects)
        if (o.name != top.name && o.name != "fact") defs[std::string(o.name)] = object_schema(o.name, o.description);
    defs["unknown_fact"] = {{"type", "object"}, {"additionalProperties", false}, {"required", {"unknown"}},
                            {"properties", {{"unknown", ref("unknown")}}},
                            {"description", find_field("fact", "unknown")->description}};
    defs["amount"] = fact_schema(ref("fen"), "an amount in fen, or a fact");
    defs["date_fact"] = fact_schema(ref("date"), "a date, or a fact");
    defs.update(vocabulary_schema());
    return {{"$schema", "https://json-schema.org/draft/2020-12/schema"},
            {"$id", "https://yibao.example/rules/schema.json"},
            {"title", "Yibao ruleset: one city's resident medical insurance (居民医保) rules for one insurance year"},
            {"description",
             "Generated from the engine's field table (engine/rules/fields.cpp) by `yibao vocabulary`. Rules are data: a "
             "new city or year is a new file of this form. Every rule carries its basis (source id and quote). Ordered "
             "rule lists are first-match. The engine's loader (`yibao validate FILE`) checks all of this and more "
             "(references between ids, placeholders, dates in order) and names the JSON path of each problem; a "
             "ruleset with a base is checked here for its own keys, and in full by `yibao validate` once merged."},
            {"type", "object"},
            {"additionalProperties", false},
            {"properties", std::move(loose)},
            {"allOf", Json::array({{{"if", {{"required", {"base"}}}},
                                    {"then", {{"required", std::move(own)}}},
                                    {"else", {{"required", std::move(required)}, {"properties", std::move(full)}}}}})},
            {"$defs", std::move(defs)}};
}

#endif  // YIBAO_LEAN

}  // namespace yibao
