#include "estimate.hpp"

namespace yibao {

namespace {

template <typename Rule>
const Rule* first_match(const std::vector<Rule>& rules, const Facts& facts) {
    for (const auto& rule : rules)
        if (holds(rule.when, facts)) return &rule;
    return nullptr;
}

const char* assistance_label(const Ruleset& r, Assistance a) {
    const AssistanceGroup* group = r.assistance_group(a);
    return group ? group->label.c_str() : "";
}

// Replaces each {name} with value(name); the loader has checked that every name is known where it stands.
template <typename Value>
std::string fill(const std::string& text, Value value) {
    std::string out;
    out.reserve(text.size() + 32);
    size_t at = 0;
    for (size_t open = text.find('{'); open != std::string::npos; open = text.find('{', at)) {
        const size_t close = text.find('}', open);
        out.append(text, at, open - at);
        out += value(text.substr(open + 1, close - open - 1));
        at = close + 1;
    }
    out.append(text, at, std::string::npos);
    return out;
}

std::string ruleset_value(const Ruleset& r, const std::string& name) {
    if (name == "year_start") return r.benefit_year_start.chinese();
    if (name == "year_end") return r.benefit_year_end.chinese();
    if (name == "deadline") return r.continuity_deadline.chinese();
    return "";
}

std::string member_text(const std::string& text, const Ruleset& r, const MemberResult& m, const Facts& f) {
    return fill(text, [&](const std::string& name) -> std::string {
        if (name == "payment_date") return f.payment_date.chinese();
        if (name == "birth_date") return f.birth_date.chinese();
        if (name == "age") return std::to_string(f.age);
        if (name == "category") return m.category ? m.category->label : "";
        if (name == "tier") return m.tier ? m.tier->label : "";
        if (name == "assistance") return assistance_label(r, f.assistance);
        if (name == "individual") return m.individual.yuan_text();
        if (name == "subsidy") return m.subsidy.yuan_text();
        if (name == "start") return m.benefit_start ? m.benefit_start->chinese() : "(本年度无待遇)";
        if (name == "end") return m.benefit_end.chinese();
        return ruleset_value(r, name);
    });
}

}  // namespace

std::string ruleset_text(const Ruleset& r, const std::string& text) {
    return fill(text, [&](const std::string& name) { return ruleset_value(r, name); });
}

std::optional<MemberResult> estimate_member(const Ruleset& r, const Member& member, const Date& household_payment,
                                            const std::string& path, Detail detail, Issues& issues) {
    const size_t issues_before = issues.size();
    MemberResult m;
    m.id = member.id;
    m.payment_date = member.payment_date.value_or(household_payment);
    const std::string payment_path = member.payment_date ? pointer_join(path, "payment_date") : "/payment_date";

    if (m.payment_date < r.payable_from || m.payment_date > r.payable_to)
        issues.push_back({payment_path, "outside_collection",
                          "缴费日期" + m.payment_date.iso() + "不在" + r.title + "的缴费期(" + r.payable_from.iso() +
                              "至" + r.payable_to.iso() + ")内,无法缴纳该年度的医保费"});
    if (member.birth_date > m.payment_date)
        issues.push_back({pointer_join(path, "birth_date"), "born_after_payment",
                          "出生日期" + member.birth_date.iso() + "晚于缴费日期" + m.payment_date.iso() +
                              ",出生后才能参保缴费"});

    Facts f;
    f.payment_date = m.payment_date;
    f.birth_date = member.birth_date;
    f.age = age_on(member.birth_date, m.payment_date);
    f.student = member.student;
    f.history = member.history;
    f.year_start = r.benefit_year_start;
    f.year_end = r.benefit_year_end;
    m.age = f.age;
    m.newborn = member.birth_date >= r.benefit_year_start && member.birth_date <= r.benefit_year_end;

    if (member.assistance != Assistance::none) {
        if (r.assistance_group(member.assistance)) f.assistance = member.assistance;
        else m.warnings.push_back({"assistance_not_in_rules", r.silent_on_assistance});
    }

    for (size_t i = 0; i < r.categories.size() && f.category < 0; ++i)
        if (holds(r.categories[i].when, f)) f.category = static_cast<int>(i);
    m.category = &r.categories[static_cast<size_t>(f.category)];  // the loader guarantees a fallback category

    m.tier_applies = !r.tiers.empty() && holds(r.tier_applies, f);
    if (member.tier) {
        if (r.tiers.empty()) {
            m.warnings.push_back({"tier_not_in_rules", r.silent_on_tier});
        } else if (!r.tier(*member.tier)) {
            std::string ids;
            for (const auto& t : r.tiers) ids += (ids.empty() ? "" : "、") + std::to_string(t.id) + "(" + t.label + ")";
            issues.push_back({pointer_join(path, "tier"), "unknown_tier",
                              "缴费档次" + std::to_string(*member.tier) + "不存在,可选: " + ids});
        } else if (!m.tier_applies) {
            m.warnings.push_back({"tier_not_applicable", "缴费档次不适用于" + m.category->label + ",已按" +
                                                             m.category->label + "的统一标准估算"});
        } else {
            f.tier = *member.tier;
            m.tier = r.tier(f.tier);
        }
    } else if (m.tier_applies) {
        f.tier = r.default_tier;
        m.tier = r.tier(f.tier);
        m.warnings.push_back({"tier_assumed", "未选择缴费档次,已按" + m.tier->label + "估算;各档的个人缴费和政府补助不同,请按实际选择的档次核对"});
    }
    if (issues.size() != issues_before) return std::nullopt;

    const ContributionRule* fee = first_match(r.contributions, f);
    const BenefitRule* benefit = first_match(r.benefit_rules, f);
    if (!fee || !benefit) {
        issues.push_back({path, "no_rule", std::string("规则集“") + r.id + "”没有适用于该成员的" +
                                               (fee ? "待遇开始" : "缴费标准") + "规则,请向医保经办机构咨询"});
        return std::nullopt;
    }
    m.individual = fee->individual;
    m.subsidy = fee->subsidy;

    const Date start = evaluate(benefit->start, f);
    m.benefit_end = evaluate(benefit->end, f);
    if (start <= m.benefit_end) m.benefit_start = start;
    const Date cover_from = m.newborn ? member.birth_date : r.benefit_year_start;
    if (!m.benefit_start) m.uncovered = Period{cover_from, m.benefit_end};
    else if (start > cover_from) m.uncovered = Period{cover_from, start.add_days(-1)};
    m.waiting_period = benefit->waiting && m.uncovered.has_value();

    if (!m.benefit_start) {
        m.warnings.push_back({"no_cover", "按" + m.payment_date.chinese() + "缴费,待遇最早从" + start.chinese() +
                                              "开始,已超出" + std::to_string(r.year) + "年度待遇期(至" +
                                              m.benefit_end.chinese() + "),本次缴费在该年度不能享受医保待遇"});
    } else if (m.uncovered) {
        m.warnings.push_back({m.waiting_period ? "waiting_period" : "coverage_gap",
                              std::string(m.waiting_period ? "待遇等待期:" : "未享受待遇期间:") +
                                  m.uncovered->from.chinese() + "至" + m.uncovered->to.chinese() +
                                  "发生的医疗费用医保不予报销,待遇自" + m.benefit_start->chinese() + "起"});
    }

    m.facts = f;
    if (detail == Detail::full) {
        m.explanation.push_back({"category", m.category->id, member_text(m.category->explain.text, r, m, f),
                                 &m.category->explain.basis});
        m.explanation.push_back({"contribution", fee->id, member_text(fee->explain.text, r, m, f), &fee->explain.basis});
        m.explanation.push_back({"benefit", benefit->id, member_text(benefit->explain.text, r, m, f), &benefit->explain.basis});
    }
    return m;
}

std::optional<Result> estimate(const Ruleset& r, const Household& household, Issues& issues) {
    Result result;
    result.ruleset = &r;
    result.payment_date = household.payment_date;
    result.deadline_met = household.payment_date <= r.continuity_deadline;
    bool ok = true;
    for (size_t i = 0; i < household.members.size(); ++i) {
        const Member& member = household.members[i];
        auto m = estimate_member(r, member, household.payment_date, pointer_join("/members", i), Detail::full, issues);
        if (!m) {
            ok = false;
            continue;
        }
        result.individual_total += m->individual;
        result.subsidy_total += m->subsidy;
        result.members.push_back(std::move(*m));
    }
    if (!ok) return std::nullopt;

    for (const Channel& channel : r.registration) {
        for (const MemberResult& m : result.members) {
            if (holds(channel.when, m.facts)) {
                result.registration.push_back(&channel);
                break;
            }
        }
    }
    if (!result.deadline_met)
        result.warnings.push_back({"deadline_missed", "缴费日期" + household.payment_date.chinese() +
                                                          "晚于保持待遇连续的截止日期" +
                                                          r.continuity_deadline.chinese()});
    return result;
}

}  // namespace yibao
