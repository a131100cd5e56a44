#include "explain/explain.hpp"

namespace yibao {

namespace {

TextFacts ruleset_facts(const Ruleset& r) {
    TextFacts t;
    t.year_start = r.benefit_year_start;
    t.year_end = r.benefit_year_end;
    t.deadline = r.continuity_deadline;
    return t;
}

TextFacts member_facts(const Ruleset& r, const MemberResult& m) {
    TextFacts t = ruleset_facts(r);
    t.facts = &m.facts;
    t.category = m.category->label;
    if (m.tier) t.tier = m.tier->label;
    if (const AssistanceGroup* group = r.assistance_group(m.facts.assistance)) t.assistance = group->label;
    t.individual = m.individual;
    t.subsidy = m.subsidy;
    t.start = m.benefit_start ? &*m.benefit_start : nullptr;
    t.end = m.benefit_end;
    if (m.waiting) {
        t.fixed_months = m.waiting->fixed;
        t.variable_months = m.waiting->variable;
        t.repaired_months = m.waiting->repaired;
    }
    return t;
}

}  // namespace

std::vector<Step> explanation(const Ruleset& r, const MemberResult& m) {
    const TextFacts facts = member_facts(r, m);
    std::vector<Step> steps;
    for (const Fired& fired : m.fired)
        steps.push_back({fired.kind, fired.rule, fill_placeholders(fired.explain->text, facts), &fired.explain->basis});
    return steps;
}

std::string note_text(const Ruleset& r, const MemberResult& m, const NoteResult& note) {
    TextFacts facts = member_facts(r, m);
    facts.amount = note.amount;
    return fill_placeholders(note.note->explain.text, facts);
}

std::string warning_message(Code code, const Ruleset& r, const MemberResult& m) {
    switch (code) {
        case Code::assistance_not_in_rules: return r.silent_on_assistance;
        case Code::tier_not_in_rules: return r.silent_on_tier;
        case Code::tier_not_applicable:
            return "缴费档次不适用于" + m.category->label + ",已按" + m.category->label + "的统一标准估算";
        case Code::tier_assumed:
            return "未选择缴费档次,已按" + m.tier->label + "估算;各档的个人缴费和政府补助不同,请按实际选择的档次核对";
        case Code::lapsed_years_assumed:
            return "上年度未参保,但未填写断保年数,已按断保1年估算;断保多年的等待期更长,请按实际年数填写";
        case Code::repair_without_effect:
            return "补缴" + std::to_string(m.facts.repaired_years) + "年只能缩短变动等待期,固定等待期不变;按所填年数," +
                   "已缩短" + std::to_string(m.waiting ? m.waiting->repaired : 0) + "个月,多补缴的年数不能再缩短等待期";
        case Code::no_cover:
            return "按" + m.payment_date.chinese() + "缴费,待遇最早从" + m.earliest_start.chinese() + "开始,已超出" +
                   std::to_string(r.year) + "年度待遇期(至" + m.benefit_end.chinese() +
                   "),本次缴费在该年度不能享受医保待遇";
        case Code::waiting_period:
        case Code::coverage_gap:
            return std::string(code == Code::waiting_period ? "待遇等待期:" : "未享受待遇期间:") +
                   m.uncovered->from.chinese() + "至" + m.uncovered->to.chinese() + "发生的医疗费用医保不予报销,待遇自" +
                   m.benefit_start->chinese() + "起";
        default: return std::string(code_name(code));
    }
}

std::string household_warning_message(Code code, const Ruleset& r, const Result& result) {
    if (code == Code::deadline_missed)
        return "缴费日期" + result.payment_date.chinese() + "晚于保持待遇连续的截止日期" + r.continuity_deadline.chinese();
    return std::string(code_name(code));
}

std::string ruleset_text(const Ruleset& r, const std::string& text) { return fill_placeholders(text, ruleset_facts(r)); }

}  // namespace yibao
