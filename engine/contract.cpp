#include "contract.hpp"

namespace yibao {

namespace {

Json date_or_null(const std::optional<Date>& date) { return date ? Json(date->iso()) : Json(nullptr); }

Json basis_json(const Ruleset& r, const std::vector<Basis>& basis) {
    Json list = Json::array();
    for (const Basis& b : basis) {
        const Source* s = r.source(b.source);
        list.push_back({{"source", b.source}, {"quote", b.quote}, {"level", s ? s->level : ""},
                        {"source_title", s ? s->title : ""}});
    }
    return list;
}

// A text with its basis, the first basis spelled out flat for readers that show one quote.
Json explained_json(const Ruleset& r, const std::string& text, const std::vector<Basis>& basis) {
    Json out = {{"text", text}, {"basis", basis_json(r, basis)}};
    const Json first = out["basis"].front();  // a copy: inserting into an ordered_json moves its members
    for (const char* key : {"source", "quote", "level", "source_title"}) out[key] = first[key];
    for (const Json& b : out["basis"])
        if (b["level"] == "B") out["note"] = r.unconfirmed_note;
    return out;
}

Json warnings_json(const std::vector<Warning>& warnings) {
    Json list = Json::array();
    for (const Warning& w : warnings) list.push_back({{"code", w.code}, {"message", w.message}});
    return list;
}

Json channel_json(const Ruleset& r, const Channel& c) {
    Json out = explained_json(r, c.how, c.basis);
    out.erase("text");
    out["id"] = c.id;
    out["name"] = c.who;
    out["detail"] = c.how;
    return out;
}

Json channels_json(const Ruleset& r, const std::vector<Channel>& channels) {
    Json list = Json::array();
    for (const Channel& c : channels) list.push_back(channel_json(r, c));
    return list;
}

Json sources_json(const Ruleset& r) {
    Json list = Json::array();
    for (const Source& s : r.sources)
        list.push_back({{"id", s.id}, {"level", s.level}, {"title", s.title}, {"publisher", s.publisher},
                        {"date", s.date}, {"url", s.url}});
    return list;
}

Json contacts_json(const Ruleset& r) {
    Json list = Json::array();
    for (const Contact& c : r.contacts) list.push_back({{"name", c.name}, {"phone", c.phone}, {"detail", c.detail}});
    return list;
}

Json benefit_year_json(const Ruleset& r) {
    return {{"start", r.benefit_year_start.iso()}, {"end", r.benefit_year_end.iso()}};
}

Json collection_json(const Ruleset& r) {
    Json collection = explained_json(r, ruleset_text(r, r.collection.text), r.collection.basis);
    collection["opens"] = r.payable_from.iso();
    collection["closes"] = r.payable_to.iso();
    return collection;
}

Json deadline_json(const Ruleset& r) {
    Json deadline = explained_json(r, ruleset_text(r, r.deadline.text), r.deadline.basis);
    deadline["date"] = r.continuity_deadline.iso();
    return deadline;
}

Json member_json(const Ruleset& r, const MemberResult& m) {
    Json explanation = Json::array();
    for (const Step& step : m.explanation) {
        Json s = explained_json(r, step.text, *step.basis);
        s["kind"] = step.kind;
        s["rule"] = step.rule;
        explanation.push_back(std::move(s));
    }
    return {{"id", m.id},
            {"category", m.category->id},
            {"category_label", m.category->label},
            {"tier", m.tier ? Json(m.tier->id) : Json(nullptr)},
            {"tier_label", m.tier ? Json(m.tier->label) : Json(nullptr)},
            {"tier_applies", m.tier_applies},
            {"age", m.age},
            {"newborn", m.newborn},
            {"payment_date", m.payment_date.iso()},
            {"individual_fen", m.individual.fen},
            {"subsidy_fen", m.subsidy.fen},
            {"total_fen", (m.individual + m.subsidy).fen},
            {"benefit_start", date_or_null(m.benefit_start)},
            {"benefit_end", m.benefit_end.iso()},
            {"waiting_period", m.waiting_period},
            {"uncovered", m.uncovered ? Json{{"from", m.uncovered->from.iso()}, {"to", m.uncovered->to.iso()}}
                                      : Json(nullptr)},
            {"explanation", std::move(explanation)},
            {"warnings", warnings_json(m.warnings)}};
}

std::optional<Member> parse_member(const Json& item, const std::string& at, size_t index, JsonReader& read) {
    if (!read.is_object(item, at)) return std::nullopt;
    read.only_keys(item, at, {"id", "birth_date", "student", "assistance", "tier", "history", "payment_date"});
    Member m;
    m.id = read.text(item, at, "id", Need::optional).value_or("成员" + std::to_string(index + 1));
    const auto birth = read.date(item, at, "birth_date", Need::required);
    if (birth) m.birth_date = *birth;
    if (birth && birth->year < 1880)
        read.fail(pointer_join(at, "birth_date"), "implausible_date", "出生日期" + birth->iso() + "不合常理,请检查年份");
    m.student = static_cast<Student>(read.choice(item, at, "student", Need::optional, student_names()).value_or(0));
    m.assistance =
        static_cast<Assistance>(read.choice(item, at, "assistance", Need::optional, assistance_names()).value_or(0));
    m.history = static_cast<History>(read.choice(item, at, "history", Need::optional, history_names()).value_or(0));
    if (auto tier = read.integer(item, at, "tier", Need::optional, 1, 31)) m.tier = static_cast<int>(*tier);
    m.payment_date = read.date(item, at, "payment_date", Need::optional);
    return m;
}

}  // namespace

Issue unknown_ruleset(const Catalog& catalog, const std::string& path, const std::string& id) {
    std::string known;
    for (const auto& r : catalog.all()) known += (known.empty() ? "" : ", ") + r.id;
    return {path, "unknown_ruleset", "没有规则集“" + id + "”;可用: " + known};
}

std::optional<Household> parse_request(const Json& request, const Catalog& catalog, Issues& issues) {
    const size_t before = issues.size();
    JsonReader read(issues);
    if (!read.is_object(request, "")) return std::nullopt;
    read.only_keys(request, "", {"ruleset", "payment_date", "members"});
    Household h;
    if (auto id = read.text(request, "", "ruleset", Need::required)) {
        h.ruleset_id = *id;
        if (!catalog.find(*id)) issues.push_back(unknown_ruleset(catalog, "/ruleset", *id));
    }
    if (auto date = read.date(request, "", "payment_date", Need::required)) h.payment_date = *date;
    if (const Json* members = read.member(request, "", "members", Need::required);
        members && read.is_array(*members, "/members", true)) {
        for (size_t i = 0; i < members->size(); ++i)
            if (auto m = parse_member((*members)[i], pointer_join("/members", i), i, read)) h.members.push_back(*m);
    }
    if (issues.size() != before) return std::nullopt;
    return h;
}

Json result_json(const Result& result) {
    const Ruleset& r = *result.ruleset;
    Json members = Json::array();
    for (const MemberResult& m : result.members) members.push_back(member_json(r, m));
    Json registration = Json::array();
    for (const Channel* c : result.registration) registration.push_back(channel_json(r, *c));
    Json deadline = deadline_json(r);
    deadline["met"] = result.deadline_met;
    return {{"ok", true},
            {"ruleset", {{"id", r.id}, {"region", r.region}, {"year", r.year}, {"title", r.title},
                         {"benefit_year", benefit_year_json(r)}, {"collection", collection_json(r)},
                         {"sources", sources_json(r)}}},
            {"payment_date", result.payment_date.iso()},
            {"members", std::move(members)},
            {"totals", {{"individual_fen", result.individual_total.fen}, {"subsidy_fen", result.subsidy_total.fen},
                        {"total_fen", (result.individual_total + result.subsidy_total).fen}}},
            {"deadline", std::move(deadline)},
            {"registration", std::move(registration)},
            {"payment_channels", channels_json(r, r.payment)},
            {"contacts", contacts_json(r)},
            {"websites", r.websites},
            {"warnings", warnings_json(result.warnings)}};
}

Json errors_json(const Issues& issues) {
    Json list = Json::array();
    for (const Issue& i : issues) list.push_back({{"path", i.path}, {"code", i.code}, {"message", i.message}});
    return {{"ok", false}, {"errors", std::move(list)}};
}

Json ruleset_summary(const Ruleset& r) {
    Json categories = Json::array();
    for (const Category& c : r.categories) categories.push_back({{"id", c.id}, {"label", c.label}});
    Json tiers = Json::array();
    for (const Tier& t : r.tiers) tiers.push_back({{"id", t.id}, {"label", t.label}});
    Json groups = Json::array();
    for (const AssistanceGroup& g : r.assistance_groups)
        groups.push_back({{"id", assistance_names()[static_cast<size_t>(g.id)]}, {"label", g.label}});
    Json fees = Json::array();
    for (const ContributionRule& c : r.contributions) {
        Json row = explained_json(r, c.label, c.explain.basis);
        row.erase("text");
        row["id"] = c.id;
        row["label"] = c.label;
        row["individual_fen"] = c.individual.fen;
        row["subsidy_fen"] = c.subsidy.fen;
        fees.push_back(std::move(row));
    }
    return {{"id", r.id},
            {"region", r.region},
            {"year", r.year},
            {"title", r.title},
            {"benefit_year", benefit_year_json(r)},
            {"collection", collection_json(r)},
            {"continuity_deadline", deadline_json(r)},
            {"categories", std::move(categories)},
            {"tiers", std::move(tiers)},
            {"assistance_groups", std::move(groups)},
            {"fees", std::move(fees)},
            {"registration", channels_json(r, r.registration)},
            {"payment_channels", channels_json(r, r.payment)},
            {"contacts", contacts_json(r)},
            {"websites", r.websites},
            {"unconfirmed_note", r.unconfirmed_note},
            {"sources", sources_json(r)}};
}

Json rulesets_json(const Catalog& catalog) {
    Json list = Json::array();
    for (const Ruleset& r : catalog.all()) list.push_back(ruleset_summary(r));
    return {{"ok", true}, {"rulesets", std::move(list)}};
}

Json estimate_json(const Catalog& catalog, std::string_view request_text) {
    Issues issues;
    const auto request = parse_json(request_text, issues);
    if (!request) return errors_json(issues);
    const auto household = parse_request(*request, catalog, issues);
    if (!household) return errors_json(issues);
    const auto result = estimate(*catalog.find(household->ruleset_id), *household, issues);
    if (!result) return errors_json(issues);
    return result_json(*result);
}

}  // namespace yibao
