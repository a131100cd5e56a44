#include "io/contract.hpp"

#include <algorithm>
#include <cstdint>

#include "estimate/years.hpp"
#include "explain/explain.hpp"

namespace yibao {

namespace {

Json date_or_null(const std::optional<Date>& date) { return date ? Json(date->iso()) : Json(nullptr); }

// By id, each basis is its source and quote: the source's title and level are the ruleset's.
Json basis_json(const Ruleset& r, const std::vector<Basis>& basis, Texts texts) {
    Json list = Json::array();
    for (const Basis& b : basis) {
        if (texts == Texts::by_id) {
            list.push_back(json_object("source", b.source, "quote", b.quote));
            continue;
        }
        const Source* s = r.source(b.source);
        list.push_back(json_object("source", b.source, "quote", b.quote, "level", s ? s->level : "",
                                   "source_title", s ? s->title : ""));
    }
    return list;
}

// A text with its basis, the first basis spelled out flat for readers that show one quote. By id, only the
// text and the basis: the flat copy and the note on level-B sources are the ruleset's.
Json explained_json(const Ruleset& r, const std::string& text, const std::vector<Basis>& basis,
                    Texts texts = Texts::spelled_out) {
    Json out = json_object("text", text, "basis", basis_json(r, basis, texts));
    if (texts == Texts::by_id) return out;
    const Json first = out["basis"].front();  // a copy: inserting into `out` may move its members
    for (const char* key : {"source", "quote", "level", "source_title"}) out[key] = first[key];
    for (const Json& b : out["basis"])
        if (b["level"] == "B") out["note"] = r.unconfirmed_note;
    return out;
}

// Each code with the message explain() gave it (`messages` in the codes' order) and what it concerns.
Json warnings_json(const std::vector<Code>& codes, const std::vector<std::string>& messages) {
    Json list = Json::array();
    for (size_t i = 0; i < codes.size(); ++i)
        list.push_back(
            json_object("code", code_name(codes[i]), "message", messages[i], "concerns", code_concerns(codes[i])));
    return list;
}

// A family account's conditions as data, and what a member is told of it (`text`) with its basis.
Json family_account_json(const Ruleset& r, const Channel& c, const std::string& text, Texts texts) {
    const FamilyAccount& a = *c.family_account;
    Json out = explained_json(r, text, a.basis, texts);
    out["channel"] = c.id;
    out["relatives"] = a.relatives;
    out["balance_above_fen"] = a.balance_above ? Json(a.balance_above->fen) : Json(nullptr);
    out["filing"] = a.filing;
    return out;
}

Json channel_json(const Ruleset& r, const Channel& c, const Explanation& said) {
    Json out = explained_json(r, c.how, c.basis);
    out.erase("text");
    out["id"] = c.id;
    out["name"] = c.who;
    out["detail"] = c.how;
    if (c.family_account)
        out["family_account"] = family_account_json(r, c, said.text_of(*c.family_account), Texts::spelled_out);
    return out;
}

Json channels_json(const Ruleset& r, const std::vector<Channel>& channels, const Explanation& said) {
    Json list = Json::array();
    for (const Channel& c : channels) list.push_back(channel_json(r, c, said));
    return list;
}

Json sources_json(const Ruleset& r) {
    Json list = Json::array();
    for (const Source& s : r.sources)
        list.push_back(json_object("id", s.id, "level", s.level, "title", s.title, "publisher", s.publisher,
                                   "date", s.date, "url", s.url));
    return list;
}

Json contacts_json(const Ruleset& r) {
    Json list = Json::array();
    for (const Contact& c : r.contacts)
        list.push_back(json_object("name", c.name, "phone", c.phone, "detail", c.detail));
    return list;
}

Json benefit_year_json(const Ruleset& r) {
    return json_object("start", r.benefit_year_start.iso(), "end", r.benefit_year_end.iso());
}

Json fact_json(const Fact<Date>& date) { return date.unknown() ? Json(nullptr) : Json(date.value.iso()); }
Json fact_json(const Fact<Money>& amount) { return amount.unknown() ? Json(nullptr) : Json(amount.value.fen); }
Json sum_or_null(const std::optional<Money>& a, const std::optional<Money>& b) { return fen_or_null(sum_known(a, b)); }

// The provisional facts among `facts` as {fact, from, text}, or the unknown ones as {fact, reason, ask, text, …},
// each fact and text once, as `said` tells them.
Json certainties_json(const std::vector<const Certainty*>& facts, Certainty::Kind kind, const Explanation& said) {
    Json list = Json::array();
    std::vector<std::string> told;  // one line per fact and text, however many rules share it
    for (const Certainty* c : facts) {
        if (c->kind != kind) continue;
        const std::string& text = said.text_of(*c);
        const std::string key = c->fact + "\n" + text;
        if (std::find(told.begin(), told.end(), key) != told.end()) continue;
        told.push_back(key);
        if (kind == Certainty::Kind::provisional)
            list.push_back(json_object("fact", c->fact, "from", c->from, "text", text));
        else {
            Json item = json_object("fact", c->fact, "reason", c->text, "ask", c->ask, "text", text);
            // What the sources do say of an unknown date.
            if (c->not_before) item["not_before"] = c->not_before->iso();
            if (c->not_after) item["not_after"] = c->not_after->iso();
            if (!c->label.empty()) item["label"] = c->label;  // a fee part's, as the ruleset names it
            list.push_back(std::move(item));
        }
    }
    return list;
}

void add_certainties(Json& out, const std::vector<const Certainty*>& facts, const Explanation& said) {
    out["provisional"] = certainties_json(facts, Certainty::Kind::provisional, said);
    out["unknown"] = certainties_json(facts, Certainty::Kind::unknown, said);
}

Json collection_json(const Ruleset& r, const Explanation& said) {
    Json collection = explained_json(r, said.ruleset.collection, r.collection.basis);
    collection["opens"] = fact_json(r.payable_from);
    collection["closes"] = fact_json(r.payable_to);
    add_certainties(collection, {&r.payable_from.certainty, &r.payable_to.certainty}, said);
    return collection;
}

Json deadline_json(const Ruleset& r, const Explanation& said) {
    Json deadline = explained_json(r, said.ruleset.deadline, r.deadline.basis);
    deadline["date"] = fact_json(r.continuity_deadline);
    add_certainties(deadline, {&r.continuity_deadline.certainty}, said);
    return deadline;
}

Json waiting_json(const std::optional<WaitingMonths>& w) {
    if (!w) return nullptr;
    return json_object("fixed", w->fixed, "variable", w->variable, "repaired", w->repaired, "floor", w->floor);
}

Json steps_json(const Ruleset& r, const std::vector<Step>& steps, Texts texts) {
    Json explanation = Json::array();
    for (const Step& step : steps) {
        Json s = explained_json(r, step.text, *step.basis, texts);
        s["kind"] = step.kind;
        s["rule"] = *step.rule;
        explanation.push_back(std::move(s));
    }
    return explanation;
}

Json uncovered_json(const std::optional<Period>& uncovered) {
    return uncovered ? json_object("from", uncovered->from.iso(), "to", uncovered->to.iso()) : Json(nullptr);
}

// Where the start turns on the unknown end of the collection window: the answer in it and after it.
Json cases_json(const Ruleset& r, const MemberResult& m, const MemberExplanation& said, Texts texts) {
    if (!m.in_window) return nullptr;
    auto one = [&](const BenefitOutcome& o, const std::vector<Step>& steps) {
        return json_object("benefit_start", date_or_null(o.start),
                           "benefit_start_unknown", o.start_unknown != nullptr,
                           "benefit_end", o.end.iso(),
                           "waiting_period", o.waiting_period,
                           "waiting_months", o.waiting ? Json(o.waiting->total()) : Json(nullptr),
                           "waiting_parts", waiting_json(o.waiting),
                           "uncovered", uncovered_json(o.uncovered),
                           "explanation", steps_json(r, steps, texts));
    };
    return json_object("in_window", one(*m.in_window, said.in_window),
                       "after_window", one(*m.after_window, said.after_window));
}

const char* payer_name(Payer payer) { return payer == Payer::individual ? "individual" : "government"; }

// A fee part as the answer names it: its id, label and payer, and an amount (null: not published).
Json part_json(const FeePart& part, const Json& amount) {
    return json_object("id", part.id, "label", part.label, "payer", payer_name(part.payer), "amount_fen", amount);
}

// The parts a contribution rule gives its amounts in; empty where it gives only the two totals.
Json contribution_parts_json(const Ruleset& r, const ContributionRule& c) {
    Json parts = Json::array();
    for (const ContributionPart& p : c.parts) parts.push_back(part_json(*r.fee_part(p.id), fact_json(p.amount)));
    return parts;
}

Json member_json(const Ruleset& r, const MemberResult& m, const MemberExplanation& said, const Explanation& all,
                 Texts texts) {
    Json notes = Json::array();
    for (size_t i = 0; i < m.notes.size(); ++i) {
        const NoteResult& note = m.notes[i];
        Json n = explained_json(r, said.notes[i], note.note->explain.basis, texts);
        n["rule"] = note.note->id;
        n["amount_fen"] = note.amount.fen;
        notes.push_back(std::move(n));
    }
    Json add_ons = Json::array();
    Money add_ons_fen;
    for (size_t i = 0; i < m.add_ons.size(); ++i) {
        const AddOn* a = m.add_ons[i];
        add_ons.push_back(explained_json(r, said.add_ons[i], a->explain.basis, texts));
        add_ons.back()["id"] = a->id;
        add_ons.back()["label"] = a->label;
        add_ons.back()["amount_fen"] = a->amount.fen;
        add_ons_fen += a->amount;
    }
    Json benefit_tier = nullptr;
    if (const auto& b = m.contribution->benefit_tier) {
        benefit_tier = explained_json(r, said.benefit_tier, b->basis, texts);
        benefit_tier["paid"] = b->paid;
        benefit_tier["paid_label"] = r.tier(b->paid)->label;
        benefit_tier["tier"] = b->benefits;
        benefit_tier["label"] = r.tier(b->benefits)->label;
    }
    Json family_accounts = Json::array();
    for (const Channel* c : m.family_accounts)
        family_accounts.push_back(family_account_json(r, *c, all.text_of(*c->family_account), texts));
    const AssistanceGroup* group = r.assistance_group(m.facts.assistance);
    return json_object("id", m.id,
                       "category", m.category->id,
                       "category_label", m.category->label,
                       "tier", m.tier ? Json(m.tier->id) : Json(nullptr),
                       "tier_label", m.tier ? Json(m.tier->label) : Json(nullptr),
                       "tier_applies", m.tier_applies,
                       "benefit_tier", std::move(benefit_tier),
                       // The group taken (of several, the one several_groups takes), for the page's print and totals
                       // to name.
                       "assistance", group ? Json(group->id) : Json(nullptr),
                       "age", m.age,
                       "newborn", m.newborn,
                       "birth_date", m.facts.birth_date.iso(),
                       "payment_date", m.payment_date.iso(),
                       "individual_fen", fen_or_null(m.individual),
                       "subsidy_fen", fen_or_null(m.subsidy),
                       "total_fen", sum_or_null(m.individual, m.subsidy),
                       "parts", contribution_parts_json(r, *m.contribution),
                       "add_ons", std::move(add_ons),
                       "add_ons_fen", add_ons_fen.fen,
                       "benefit_start", date_or_null(m.benefit.start),
                       "benefit_start_unknown", m.benefit.start_unknown != nullptr,
                       "benefit_end", m.benefit.end.iso(),
                       "waiting_period", m.benefit.waiting_period,
                       "lapsed_years", m.facts.lapsed_years,
                       "repaired_years", m.facts.repaired_years,
                       "waiting_months", m.benefit.waiting ? Json(m.benefit.waiting->total()) : Json(nullptr),
                       "waiting_parts", waiting_json(m.benefit.waiting),
                       "uncovered", uncovered_json(m.benefit.uncovered),
                       "cases", cases_json(r, m, said, texts),
                       "provisional", certainties_json(m.rests_on, Certainty::Kind::provisional, all),
                       "unknown", certainties_json(m.rests_on, Certainty::Kind::unknown, all),
                       "explanation", steps_json(r, said.steps, texts),
                       "notes", std::move(notes),
                       "family_account", std::move(family_accounts),
                       "warnings", warnings_json(m.warnings, said.warnings));
}

// When the year paid for starts once the year before is paid: the start, or where it turns on an unpublished
// window end, each case's start (the shape of a member's `cases`).
Json next_year_json(const std::optional<MemberResult>& m) {
    if (!m) return nullptr;
    if (!m->in_window) return json_object("benefit_start", date_or_null(m->benefit.start), "cases", nullptr);
    return json_object("benefit_start", nullptr,
                       "cases",
                       json_object("in_window", json_object("benefit_start", date_or_null(m->in_window->start)),
                                   "after_window", json_object("benefit_start", date_or_null(m->after_window->start))));
}

// The year before's answer for a member who also needs it (EarlierYear), its texts always spelled out: the
// page's listing is of the year paid for, not of the earlier one.
Json earlier_year_json(const std::optional<EarlierYear>& e, const std::vector<Step>& steps, const Explanation& all) {
    if (!e) return nullptr;
    const Ruleset& r = *e->ruleset;
    const MemberResult& m = e->result;
    return json_object("ruleset", r.id,
                       "year", r.year,
                       "individual_fen", fen_or_null(m.individual),
                       "subsidy_fen", fen_or_null(m.subsidy),
                       "total_fen", sum_or_null(m.individual, m.subsidy),
                       "benefit_start", date_or_null(m.benefit.start),
                       "benefit_end", m.benefit.end.iso(),
                       "pay_by", e->pay_by.iso(),
                       "next_year", next_year_json(e->next_year),
                       "provisional", certainties_json(m.rests_on, Certainty::Kind::provisional, all),
                       "unknown", certainties_json(m.rests_on, Certainty::Kind::unknown, all),
                       "explanation", steps_json(r, steps, Texts::spelled_out));
}

// `assistance`: a group id, or several; "none" is none. `answers`: {question id: answer id}. Which ids the
// ruleset knows the estimate checks, at the member's path.
void read_groups_and_answers(const Json& item, const std::string& at, JsonReader& read, Member& m) {
    if (const Json* groups = read.member(item, at, "assistance", Need::optional)) {
        const std::string g_at = pointer_join(at, "assistance");
        auto add = [&](const Json& id, const std::string& id_at) {
            if (!id.is_string()) read.fail(id_at, Code::wrong_type, "特殊人群应为人群编号（字符串）");
            else if (id.get_ref<const std::string&>() != "none") m.assistance.push_back(id.get<std::string>());
        };
        if (groups->is_array())
            for (size_t i = 0; i < groups->size(); ++i) add((*groups)[i], pointer_join(g_at, i));
        else add(*groups, g_at);
    }
    if (const Json* answers = read.member(item, at, "answers", Need::optional);
        answers && read.is_object(*answers, pointer_join(at, "answers")))
        for (const auto& answer : answers->items()) {
            if (answer.value().is_string()) m.answers.emplace_back(answer.key(), answer.value().get<std::string>());
            else read.fail(pointer_join(pointer_join(at, "answers"), answer.key()), Code::wrong_type, "答案应为答案编号（字符串）");
        }
}

std::optional<Member> parse_member(const Json& item, const std::string& at, size_t index, JsonReader& read) {
    if (!read.is_object(item, at)) return std::nullopt;
    read.only_keys(item, at, {"id", "birth_date", "student", "assistance", "tier", "history", "payment_date",
                              "lapsed_years", "repaired_years", "continuous_years", "claimed_last_year", "answers"});
    Member m;
    m.id = read.text(item, at, "id", Need::optional).value_or("成员" + std::to_string(index + 1));
    const auto birth = read.date(item, at, "birth_date", Need::required);
    if (birth) m.birth_date = *birth;
    if (birth && birth->year < kEarliestBirthYear)
        read.fail(pointer_join(at, "birth_date"), Code::implausible_date,
                  "出生日期" + birth->iso() + "早于" + std::to_string(kEarliestBirthYear) + "年，请核对出生日期");
    m.student = static_cast<Student>(read.choice(item, at, "student", Need::optional, student_names()).value_or(0));
    read_groups_and_answers(item, at, read, m);
    m.history = static_cast<History>(read.choice(item, at, "history", Need::optional, history_names()).value_or(0));
    if (auto tier = read.integer(item, at, "tier", Need::optional, 1, 31)) m.tier = static_cast<int>(*tier);
    m.payment_date = read.date(item, at, "payment_date", Need::optional);
    if (auto years = read.integer(item, at, "lapsed_years", Need::optional, 0, 150)) m.lapsed_years = static_cast<int>(*years);
    m.repaired_years = static_cast<int>(read.integer(item, at, "repaired_years", Need::optional, 0, 150).value_or(0));
    if (auto years = read.integer(item, at, "continuous_years", Need::optional, 0, 150))
        m.continuous_years = static_cast<int>(*years);
    m.claimed_last_year = read.boolean(item, at, "claimed_last_year", Need::optional);
    return m;
}

Json member_note_ids(const Ruleset& r) {
    Json ids = Json::array();
    for (const MemberNote& n : r.member_notes) ids.push_back(n.id);
    return ids;
}

}  // namespace

Json certainties_json(const std::vector<const Certainty*>& facts, Certainty::Kind kind) {
    return certainties_json(facts, kind, explain_facts(facts));
}

Issue unknown_ruleset(const Catalog& catalog, const std::string& path, const std::string& id) {
    std::string known;
    for (const auto& r : catalog.all()) known += (known.empty() ? "" : ", ") + r.id;
    return {path, Code::unknown_ruleset, "没有规则集“" + id + "”；可用：" + known};
}

std::optional<Request> parse_request(const Json& request, const Catalog& catalog, Issues& issues) {
    const size_t before = issues.size();
    JsonReader read(issues);
    if (!read.is_object(request, "")) return std::nullopt;
    read.only_keys(request, "", {"ruleset", "payment_date", "members", "texts"});
    Request out;
    out.texts = static_cast<Texts>(read.choice(request, "", "texts", Need::optional, {"inline", "by_id"}).value_or(0));
    Household& h = out.household;
    if (auto id = read.text(request, "", "ruleset", Need::required)) {
        h.ruleset_id = *id;
        if (!catalog.find(*id)) issues.push_back(unknown_ruleset(catalog, "/ruleset", *id));
    }
    const auto date = read.date(request, "", "payment_date", Need::required);
    if (date) h.payment_date = *date;
    std::vector<size_t> read_well;  // the members read without a problem, by their place in the request
    if (const Json* members = read.member(request, "", "members", Need::required);
        members && read.is_array(*members, "/members", true)) {
        for (size_t i = 0; i < members->size(); ++i) {
            const size_t problems = issues.size();
            if (auto m = parse_member((*members)[i], pointer_join("/members", i), i, read)) {
                h.members.push_back(*m);
                if (issues.size() == problems) read_well.push_back(h.members.size() - 1);
            }
        }
    }
    if (issues.size() == before) return out;
    // No answer; yet the members that read well are checked against the year's rules too, so that every mistake of
    // the household is told at once, not one member's after another's.
    const Ruleset* ruleset = catalog.find(h.ruleset_id);
    if (ruleset && date) {
        Issues more;
        for (size_t k = 0; k < h.members.size(); ++k) {
            if (std::find(read_well.begin(), read_well.end(), k) == read_well.end()) continue;
            estimate_member(*ruleset, h.members[k], *date, pointer_join("/members", k), more);
        }
        issues.insert(issues.end(), more.begin(), more.end());
    }
    return std::nullopt;
}

Json result_json(const Result& result, const Explanation& said, Texts texts) {
    const Ruleset& r = *result.ruleset;
    Json members = Json::array();
    for (size_t i = 0; i < result.members.size(); ++i) {
        members.push_back(member_json(r, result.members[i], said.members[i], said, texts));
        members.back()["earlier_year"] = earlier_year_json(result.earlier_years[i], said.earlier_years[i], said);
    }
    const Json met = result.deadline_met ? Json(*result.deadline_met) : Json(nullptr);
    Json totals = json_object("individual_fen", fen_or_null(result.individual_total),
                              "subsidy_fen", fen_or_null(result.subsidy_total),
                              "total_fen", sum_or_null(result.individual_total, result.subsidy_total),
                              "parts", Json::array());
    for (const PartTotal& t : result.part_totals) totals["parts"].push_back(part_json(*t.part, fen_or_null(t.amount)));
    // The add-ons' fees apart from the basic contribution's.
    Money add_ons_fen;
    totals["add_ons"] = Json::array();
    for (const AddOnTotal& t : result.add_on_totals) {
        totals["add_ons"].push_back(
            json_object("id", t.add_on->id, "label", t.add_on->label, "amount_fen", t.amount.fen));
        add_ons_fen += t.amount;
    }
    totals["add_ons_fen"] = add_ons_fen.fen;
    // What the household pays: its individual contributions and the add-ons paid with them.
    totals["to_pay_fen"] = fen_or_null(sum_known(result.individual_total, add_ons_fen));
    add_certainties(totals, result.rests_on, said);
    Json warnings = warnings_json(result.warnings, said.warnings);
    if (texts == Texts::by_id) {
        Json registration = Json::array();
        for (const Channel* c : result.registration) registration.push_back(c->id);
        return json_object("ok", true,
                           "ruleset", json_object("id", r.id),
                           "payment_date", result.payment_date.iso(),
                           "members", std::move(members),
                           "totals", std::move(totals),
                           "deadline", json_object("met", met, "applies", result.deadline_applies),
                           "registration_ids", std::move(registration),
                           "warnings", std::move(warnings));
    }
    Json registration = Json::array();
    for (const Channel* c : result.registration) registration.push_back(channel_json(r, *c, said));
    Json deadline = deadline_json(r, said);
    deadline["met"] = met;
    deadline["applies"] = result.deadline_applies;
    return json_object("ok", true,
                       "ruleset", json_object("id", r.id, "region", r.region, "year", r.year, "title", r.title,
                                              "benefit_year", benefit_year_json(r),
                                              "collection", collection_json(r, said), "sources", sources_json(r)),
                       "payment_date", result.payment_date.iso(),
                       "members", std::move(members),
                       "totals", std::move(totals),
                       "deadline", std::move(deadline),
                       "registration", std::move(registration),
                       "payment_channels", channels_json(r, r.payment, said),
                       "contacts", contacts_json(r),
                       "websites", r.websites,
                       "warnings", std::move(warnings));
}

Json errors_json(const Issues& issues) {
    Json list = Json::array();
    for (const Issue& i : issues) {
        list.push_back(json_object("path", i.path, "code", code_name(i.code), "message", i.message));
        if (i.line) {
            list.back()["line"] = i.line;
            list.back()["column"] = i.column;
        }
    }
    return json_object("ok", false, "errors", std::move(list));
}

namespace {

// The index, its texts as `said` tells them.
Json index_json(const Ruleset& r, const Explanation& said) {
    Json categories = Json::array();
    for (const Category& c : r.categories) categories.push_back(json_object("id", c.id, "label", c.label));
    Json tiers = Json::array();
    for (const Tier& t : r.tiers) tiers.push_back(json_object("id", t.id, "label", t.label));
    Json groups = Json::array();
    for (const AssistanceGroup& g : r.assistance_groups) {
        groups.push_back(json_object("id", g.id, "label", g.label));
        if (!g.who.empty()) groups.back()["who"] = g.who;
    }
    Json questions = Json::array();
    for (const MemberQuestion& q : r.member_questions) {
        Json answers = Json::array();
        for (const auto& a : q.answers) answers.push_back(json_object("id", a.id, "label", a.label));
        const Json default_answer =
            q.default_answer >= 0 ? Json(q.answers[static_cast<size_t>(q.default_answer)].id) : Json(nullptr);
        questions.push_back(json_object("id", q.id, "label", q.label, "question", q.question,
                                        "answers", std::move(answers), "default", default_answer));
    }
    Json waiting = nullptr;
    if (r.waiting_period.applies) {
        const WaitingPeriod& w = r.waiting_period;
        waiting = json_object(
            "fixed_months", w.fixed.months,
            "variable", w.variable ? json_object("months_per_year", w.variable->months,
                                                 "from_lapsed_year", w.variable->from_years)
                                   : Json(nullptr),
            "repair", w.repair ? json_object("months_per_year", w.repair->months) : Json(nullptr),
            "floor", w.floor ? json_object("months", w.floor->months, "from_lapsed_years", w.floor->from_years)
                             : Json(nullptr));
        add_certainties(waiting, {&w.variable_certainty}, said);
    }
    const auto facts = r.certainties();
    Json histories = Json::array();
    for (size_t h = 0; h < history_names().size(); ++h)
        if (r.offers(static_cast<History>(h))) histories.push_back(history_names()[h]);
    Json fee_parts = Json::array();
    for (const FeePart& p : r.fee_parts)
        fee_parts.push_back(json_object("id", p.id, "label", p.label, "payer", payer_name(p.payer)));
    return json_object("id", r.id,
                       "base", r.base.empty() ? Json(nullptr) : Json(r.base),
                       "region", r.region,
                       "year", r.year,
                       "title", r.title,
                       "benefit_year", benefit_year_json(r),
                       "collection", collection_json(r, said),
                       "continuity_deadline", deadline_json(r, said),
                       "categories", std::move(categories),
                       "tiers", std::move(tiers),
                       "assistance_groups", std::move(groups),
                       "fee_parts", std::move(fee_parts),
                       "several_groups", r.several_groups.has_value(),
                       "member_questions", std::move(questions),
                       "histories", std::move(histories),
                       "waiting_period", std::move(waiting),
                       "member_notes", member_note_ids(r),
                       "unconfirmed_note", r.unconfirmed_note,
                       "provisional", certainties_json(facts, Certainty::Kind::provisional, said),
                       "unknown", certainties_json(facts, Certainty::Kind::unknown, said));
}

}  // namespace

Json ruleset_index(const Ruleset& r) { return index_json(r, explain_ruleset(r)); }

Json ruleset_summary(const Ruleset& r) {
    const Explanation said = explain_ruleset(r);
    Json summary = index_json(r, said);
    Json fees = Json::array();
    for (const ContributionRule& c : r.contributions) {
        Json row = explained_json(r, c.label, c.explain.basis);
        row.erase("text");
        row["id"] = c.id;
        row["label"] = c.label;
        row["individual_fen"] = fact_json(c.individual);
        row["subsidy_fen"] = fact_json(c.subsidy);
        row["parts"] = contribution_parts_json(r, c);
        add_certainties(row, c.certainties(), said);
        fees.push_back(std::move(row));
    }
    summary["fees"] = std::move(fees);
    summary["registration"] = channels_json(r, r.registration, said);
    summary["payment_channels"] = channels_json(r, r.payment, said);
    summary["contacts"] = contacts_json(r);
    summary["websites"] = r.websites;
    summary["sources"] = sources_json(r);
    return summary;
}

Json rulesets_json(const Catalog& catalog) {
    Json list = Json::array();
    for (const Ruleset& r : catalog.all()) list.push_back(ruleset_summary(r));
    return json_object("ok", true, "rulesets", std::move(list));
}

CompactRulesets compact_rulesets(std::string_view data_text) {
    CompactRulesets data;
    const std::vector<RulesetDocument> documents = data_documents(data_text, data.issues);
    Catalog catalog;
    catalog.load(documents, data.issues);
    data.rulesets = catalog.all();
    data.documents = document_names(documents);
    return data;
}

namespace {

std::string base64(std::string_view bytes) {
    static constexpr char kDigits[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::string out;
    for (size_t i = 0; i < bytes.size(); i += 3) {
        const size_t given = std::min<size_t>(3, bytes.size() - i);  // the last group may hold fewer bytes
        std::uint32_t group = 0;
        for (size_t j = 0; j < 3; ++j) group = group << 8 | (j < given ? static_cast<unsigned char>(bytes[i + j]) : 0u);
        for (size_t j = 0; j < 4; ++j) out += j <= given ? kDigits[group >> (18 - 6 * j) & 63] : '=';
    }
    return out;
}

}  // namespace

Json compact_json(std::string_view data_text) {
    const CompactRulesets data = compact_rulesets(data_text);
    Json ids = Json::array();
    for (const Ruleset& r : data.rulesets) ids.push_back(r.id);
    Json answer = json_object("ok", data.issues.empty(), "rulesets", std::move(ids), "compact", base64(write_compact(data)));
    if (!data.issues.empty()) answer["errors"] = errors_json(data.issues)["errors"];
    return answer;
}

Json loaded_json(const Catalog& catalog, const Issues& issues, const std::vector<DocumentName>& documents) {
    // Only the index: a ruleset's fee table, channels and sources come with ruleset(), when the page shows them.
    Json index = Json::array();
    for (const Ruleset& r : catalog.all()) index.push_back(ruleset_index(r));
    Json answer = json_object("ok", issues.empty(), "rulesets", std::move(index), "histories",
                              history_words_json(&HistoryWords::short_label));
    if (!issues.empty()) {
        answer["errors"] = errors_json(issues)["errors"];
        Json names = Json::array();
        for (const DocumentName& d : documents) names.push_back(json_object("id", d.id, "title", d.title));
        answer["documents"] = std::move(names);
    }
    return answer;
}

Json years_json(const Catalog& catalog, std::string_view region, std::string_view typed_date) {
    const auto date = Date::read(typed_date);
    const YearChoice choice = choose_year(catalog, region, date.value_or(Date{}));
    if (choice.years.empty()) {
        std::string known;
        for (const Ruleset& r : catalog.all())
            if (known.find("“" + r.region + "”") == std::string::npos)
                known += (known.empty() ? "“" : "、“") + r.region + "”";
        return errors_json({{"/region", Code::unknown_value, "没有地区“" + std::string(region) + "”的规则；已有：" + known}});
    }
    Json answer = Json::object();
    answer["ok"] = true;
    answer["date"] = date ? Json(date->iso()) : Json();
    Json& years = answer["years"] = Json::array();
    for (const YearAtDate& y : choice.years) {
        if (!date) break;
        Json& year = years.emplace_back(Json::object());
        year["id"] = y.ruleset->id;
        year["open"] = y.open;
        year["late"] = y.late ? Json(*y.late) : Json();
    }
    answer["nearest"] = date && choice.nearest ? Json(choice.nearest->id) : Json();
    return answer;
}

Json estimate_json(const Catalog& catalog, std::string_view request_text) {
    Issues issues;
    const auto request = parse_json(request_text, issues);
    if (!request) return errors_json(issues);
    const auto parsed = parse_request(*request, catalog, issues);
    if (!parsed) return errors_json(issues);
    const Ruleset& ruleset = *catalog.find(parsed->household.ruleset_id);
    const auto& all = catalog.all();
    const auto earlier = std::find_if(all.begin(), all.end(), [&](const Ruleset& e) {
        return e.region == ruleset.region && e.year == ruleset.year - 1;
    });
    const auto result = estimate(ruleset, parsed->household, issues, earlier == all.end() ? nullptr : &*earlier);
    if (!result) return errors_json(issues);
    return result_json(*result, explain(*result, parsed->texts), parsed->texts);
}

}  // namespace yibao
