#include "explain/explain.hpp"

#include <algorithm>
#include <string_view>
#include <utility>

namespace yibao {

namespace {

TextFacts ruleset_facts(const Ruleset& r) {
    TextFacts t;
    t.year_start = r.benefit_year_start;
    t.year_end = r.benefit_year_end;
    if (!r.continuity_deadline.unknown()) t.deadline = r.continuity_deadline.value;
    return t;
}

TextFacts member_facts(const Ruleset& r, const MemberResult& m) {
    TextFacts t = ruleset_facts(r);
    t.facts = &m.facts;
    t.category = m.category->label;
    if (m.tier) t.tier = m.tier->label;
    if (const AssistanceGroup* group = r.assistance_group(m.facts.assistance)) t.assistance = group->label;
    for (int g : m.groups) t.assistance_groups += (t.assistance_groups.empty() ? "" : "、") + r.assistance_group(g)->label;
    t.individual = m.individual;
    t.subsidy = m.subsidy;
    t.start = m.benefit.start ? &*m.benefit.start : nullptr;
    t.start_unknown = m.benefit.start_unknown != nullptr;
    t.end = m.benefit.end;
    if (m.benefit.waiting) {
        t.fixed_months = m.benefit.waiting->fixed;
        t.variable_months = m.benefit.waiting->variable;
        t.repaired_months = m.benefit.waiting->repaired;
    }
    return t;
}

std::vector<Step> steps(const std::vector<Fired>& fired, const TextFacts& facts) {
    std::vector<Step> out;
    for (const Fired& f : fired) out.push_back({f.kind, f.rule, fill_placeholders(f.explain->text, facts), &f.explain->basis});
    return out;
}

const char* fact_label(const std::string& fact) {
    if (fact == "individual_fen") return "个人缴费标准";
    if (fact == "subsidy_fen") return "政府补助标准";
    if (fact == "continuity_deadline") return "集中缴费期的截止日期";
    if (fact == "collection.opens") return "开始缴费的日期";
    if (fact == "collection.closes") return "缴费截止日期";
    if (fact == "waiting_period.variable") return "断保多年增加的变动待遇等待期";
    if (fact == "benefit_start") return "待遇开始日期";
    return "该项标准";
}

// The distinct texts of the facts of one kind (and whose name starts with `prefix`) the member rests on, joined.
std::string texts_of(const std::vector<const Certainty*>& facts, Certainty::Kind kind, const std::string& prefix = "") {
    std::string out;
    for (const Certainty* c : facts) {
        if (c->kind != kind || c->fact.rfind(prefix, 0) != 0) continue;
        const std::string text = certainty_text(*c);
        if (out.find(text) == std::string::npos) out += (out.empty() ? "" : "；") + text;
    }
    return out;
}

std::string part_text(const Ruleset& r, const ContributionPart& p) {
    const FeePart& part = *r.fee_part(p.id);  // the loader checked the id
    return part.label + (p.amount.unknown() ? "尚未公布" : p.amount.value.yuan_text()) +
           (part.payer == Payer::individual ? "，由个人缴纳。" : "，由政府补助。");
}

std::string outcome_text(const BenefitOutcome& o) {
    if (o.start_unknown) return "待遇开始日期尚未公布";
    if (!o.start) return "本年度不能享受待遇";
    std::string text = "待遇自" + o.start->chinese() + "起";
    if (o.waiting && o.waiting->total() > 0) text += "（待遇等待期" + std::to_string(o.waiting->total()) + "个月）";
    return text;
}

}  // namespace

std::vector<Step> explanation(const Ruleset& r, const MemberResult& m) {
    auto out = steps(m.fired, member_facts(r, m));
    // Each part of the fee, after the contribution rule, with its own basis.
    for (const ContributionPart& p : m.contribution->parts) out.push_back({"part", &p.id, part_text(r, p), &p.basis});
    if (!m.after_window_agrees) {
        for (auto& step : explanation(r, m, m.benefit)) out.push_back(std::move(step));
        return out;
    }
    // The window's end is unknown and both readings agree: where they rest on different rules, each is said as the
    // case it is, never as if the payment were known to be in the window.
    const std::pair<const BenefitOutcome*, const char*> readings[] = {{&m.benefit, "如果您在集中缴费期内缴费："},
                                                                      {&*m.after_window_agrees, "如果已过集中缴费期："}};
    const bool same_rule = *m.benefit.fired.back().rule == *m.after_window_agrees->fired.back().rule;
    for (const auto& [outcome, when] : readings) {
        for (auto& step : explanation(r, m, *outcome)) {
            if (std::any_of(out.begin(), out.end(), [&](const Step& s) { return *s.rule == *step.rule; })) continue;
            if (!same_rule && std::string_view(step.kind) == "benefit") step.text = when + step.text;
            out.push_back(std::move(step));
        }
    }
    return out;
}

std::vector<Step> explanation(const Ruleset& r, const MemberResult& m, const BenefitOutcome& outcome) {
    TextFacts facts = member_facts(r, m);
    Facts with_waiting = m.facts;
    with_waiting.waiting_months = outcome.waiting ? outcome.waiting->total() : 0;
    facts.facts = &with_waiting;
    facts.start = outcome.start ? &*outcome.start : nullptr;
    facts.start_unknown = outcome.start_unknown != nullptr;
    if (outcome.waiting) {
        facts.fixed_months = outcome.waiting->fixed;
        facts.variable_months = outcome.waiting->variable;
        facts.repaired_months = outcome.waiting->repaired;
    }
    return steps(outcome.fired, facts);
}

std::string note_text(const Ruleset& r, const MemberResult& m, const NoteResult& note) {
    TextFacts facts = member_facts(r, m);
    facts.amount = note.amount;
    return fill_placeholders(note.note->explain.text, facts);
}

std::string benefit_tier_text(const Ruleset& r, const BenefitTier& b) {
    return "按" + r.tier(b.paid)->label + "标准缴费，享受" + r.tier(b.benefits)->label + "标准的医保待遇。";
}

std::string add_on_text(const Ruleset& r, const MemberResult& m, const AddOn& add_on) {
    TextFacts facts = member_facts(r, m);
    facts.amount = add_on.amount;
    return fill_placeholders(add_on.explain.text, facts);
}

std::string family_account_text(const FamilyAccount& a) {
    std::string relatives;
    for (const std::string& relative : a.relatives) relatives += (relatives.empty() ? "" : "、") + relative;
    return "可以用家人的职工医保个人账户缴费：职工医保参保人的个人账户可以为其" + relatives + "缴费" +
           (a.balance_above ? "，账户余额超过" + a.balance_above->yuan_text() + "的部分才能用" : "") + "；" + a.filing +
           (a.filing.size() >= 3 && a.filing.compare(a.filing.size() - 3, 3, "。") == 0 ? "" : "。");
}

std::string certainty_text(const Certainty& c) {
    if (c.kind == Certainty::Kind::provisional) return c.text;
    return (c.label.empty() ? std::string(fact_label(c.fact)) : c.label) + "尚未公布：" + c.text + "；请咨询" + c.ask;
}

std::string warning_message(Code code, const Ruleset& r, const MemberResult& m) {
    switch (code) {
        case Code::assistance_not_in_rules: return r.silent_on_assistance;
        case Code::tier_not_in_rules: return r.silent_on_tier;
        case Code::answer_assumed: {
            std::string out;
            for (const MemberQuestion* q : m.assumed)
                out += (out.empty() ? "未填写" : "；未填写") + ("“" + q->label + "”，已按“" +
                       q->answers[static_cast<size_t>(q->default_answer)].label + "”估算");
            return out + "；如有不同，请填写后重新测算";
        }
        case Code::tier_not_applicable:
            return "缴费档次不适用于" + m.category->label + "，已按" + m.category->label + "的统一标准估算";
        case Code::tier_assumed:
            return "未选择缴费档次，已按" + m.tier->label + "估算；各档的个人缴费和政府补助不同，请按实际选择的档次核对";
        case Code::lapsed_years_assumed:
            return "上年度未参保，但未填写断保年数，已按断保1年估算；断保多年的等待期更长，请按实际年数填写";
        case Code::repair_without_effect:
            return "补缴" + std::to_string(m.facts.repaired_years) + "年只能缩短变动等待期，固定等待期不变；按所填年数，" +
                   "已缩短" + std::to_string(m.benefit.waiting ? m.benefit.waiting->repaired : 0) + "个月，多补缴的年数不能再缩短等待期";
        case Code::no_cover:
            return "按" + m.payment_date.chinese() + "缴费，待遇最早从" + m.benefit.earliest_start.chinese() + "开始，已超出" +
                   std::to_string(r.year) + "年度待遇期（至" + m.benefit.end.chinese() +
                   "），本次缴费在该年度不能享受医保待遇";
        case Code::waiting_period:
        case Code::coverage_gap:
            return std::string(code == Code::waiting_period ? "待遇等待期：" : "未享受待遇期间：") +
                   m.benefit.uncovered->from.chinese() + "至" + m.benefit.uncovered->to.chinese() +
                   "发生的医疗费用医保不予报销，待遇自" + m.benefit.start->chinese() + "起";
        case Code::provisional: return texts_of(m.rests_on, Certainty::Kind::provisional);
        case Code::unknown_amount: {
            std::string out;
            for (const char* amount : {"individual_fen", "subsidy_fen", "parts."}) {
                const std::string text = texts_of(m.rests_on, Certainty::Kind::unknown, amount);
                if (!text.empty()) out += (out.empty() ? "" : "；") + text;
            }
            return out;
        }
        case Code::unknown_deadline:
            return certainty_text(r.continuity_deadline.certainty) + "。如在集中缴费期内缴费：" + outcome_text(*m.in_window) +
                   "；如已过集中缴费期：" + outcome_text(*m.after_window) + "。";
        case Code::unknown_collection_dates:
            return texts_of(m.rests_on, Certainty::Kind::unknown, "collection.") + "。" + m.payment_date.chinese() +
                   "能否缴纳本年度的医保费，请先咨询确认；下面按可以缴费估算。";
        case Code::unknown_waiting_variable:
            return certainty_text(r.waiting_period.variable_certainty) + "。已只按固定待遇等待期估算，断保" +
                   std::to_string(m.facts.lapsed_years) + "年的实际等待期可能更长。";
        case Code::caveat: {
            // The contribution's and the benefit rule's, in each reading of the window, each text once.
            std::string out;
            for (const auto* fired : {&m.fired, &m.benefit.fired, m.in_window ? &m.in_window->fired : nullptr,
                                      m.after_window ? &m.after_window->fired : nullptr}) {
                if (!fired) continue;
                for (const Fired& f : *fired)
                    if (f.caveat && out.find(*f.caveat) == std::string::npos) out += (out.empty() ? "" : "；") + *f.caveat;
            }
            return out;
        }
        case Code::unknown_start: return texts_of(m.rests_on, Certainty::Kind::unknown, "benefit_start");
        default: return std::string(code_name(code));
    }
}

std::string household_warning_message(Code code, const Ruleset& r, const Result& result) {
    if (code == Code::assistance_not_asked) return r.silent_on_assistance;
    if (code == Code::deadline_missed)
        return "缴费日期" + result.payment_date.chinese() + "晚于保持待遇连续的截止日期" +
               r.continuity_deadline.value.chinese();
    if (code == Code::unknown_total) {
        std::string parts = !result.individual_total ? "个人缴费" : "";
        if (!result.subsidy_total) parts += std::string(parts.empty() ? "" : "和") + "政府补助";
        return "家庭合计中有尚未公布的" + parts + "标准，无法算出" + parts + "合计；已公布的部分见各成员。";
    }
    return std::string(code_name(code));
}

std::string ruleset_text(const Ruleset& r, const std::string& text) { return fill_placeholders(text, ruleset_facts(r)); }

RulesetTexts ruleset_texts(const Ruleset& r) {
    return {ruleset_text(r, r.collection.text), ruleset_text(r, r.deadline.text)};
}

namespace {

MemberExplanation explain_member(const Ruleset& r, const MemberResult& m) {
    MemberExplanation e;
    e.steps = explanation(r, m);
    if (m.in_window) {
        e.in_window = explanation(r, m, *m.in_window);
        e.after_window = explanation(r, m, *m.after_window);
    }
    for (const NoteResult& note : m.notes) e.notes.push_back(note_text(r, m, note));
    for (const AddOn* a : m.add_ons) e.add_ons.push_back(add_on_text(r, m, *a));
    if (const auto& b = m.contribution->benefit_tier) e.benefit_tier = benefit_tier_text(r, *b);
    for (Code code : m.warnings) e.warnings.push_back(warning_message(code, r, m));
    return e;
}

template <typename Fact>
const std::string& text_in(const std::vector<std::pair<const Fact*, std::string>>& texts, const Fact& fact) {
    const auto said = std::find_if(texts.begin(), texts.end(), [&](const auto& t) { return t.first == &fact; });
    return said->second;  // every fact written was said first
}

template <typename Fact, typename Text>
void say_in(std::vector<std::pair<const Fact*, std::string>>& texts, const Fact& fact, Text text) {
    if (std::none_of(texts.begin(), texts.end(), [&](const auto& t) { return t.first == &fact; }))
        texts.emplace_back(&fact, text(fact));
}

void say_accounts(Explanation& e, const Ruleset& r) {
    for (const auto* channels : {&r.payment, &r.registration})
        for (const Channel& c : *channels)
            if (c.family_account) e.say(*c.family_account);
}

}  // namespace

const std::string& Explanation::text_of(const Certainty& certainty) const { return text_in(certainties, certainty); }
const std::string& Explanation::text_of(const FamilyAccount& account) const { return text_in(family_accounts, account); }
void Explanation::say(const Certainty& certainty) { say_in(certainties, certainty, certainty_text); }
void Explanation::say(const FamilyAccount& account) { say_in(family_accounts, account, family_account_text); }

Explanation explain(const Result& result, Texts texts) {
    const Ruleset& r = *result.ruleset;
    Explanation e;
    for (const MemberResult& m : result.members) {
        e.members.push_back(explain_member(r, m));
        for (const Certainty* c : m.rests_on) e.say(*c);
        for (const Channel* c : m.family_accounts) e.say(*c->family_account);
    }
    for (const auto& earlier : result.earlier_years) {
        e.earlier_years.push_back(earlier ? explanation(*earlier->ruleset, earlier->result) : std::vector<Step>{});
        if (earlier)
            for (const Certainty* c : earlier->result.rests_on) e.say(*c);
    }
    for (Code code : result.warnings) e.warnings.push_back(household_warning_message(code, r, result));
    for (const Certainty* c : result.rests_on) e.say(*c);
    if (texts == Texts::by_id) return e;
    // Spelled out, the answer writes the ruleset's collection and deadline, and its channels with their accounts.
    e.ruleset = ruleset_texts(r);
    for (const Certainty* c : {&r.payable_from.certainty, &r.payable_to.certainty, &r.continuity_deadline.certainty}) e.say(*c);
    say_accounts(e, r);
    return e;
}

Explanation explain_ruleset(const Ruleset& r) {
    Explanation e;
    e.ruleset = ruleset_texts(r);
    for (const Certainty* c : r.certainties()) e.say(*c);
    say_accounts(e, r);
    return e;
}

Explanation explain_facts(const std::vector<const Certainty*>& facts) {
    Explanation e;
    for (const Certainty* c : facts) e.say(*c);
    return e;
}

}  // namespace yibao
