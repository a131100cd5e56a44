#include "estimate/estimate.hpp"

#include <algorithm>
#include <utility>

namespace yibao {

namespace {

template <typename Rule>
const Rule* first_match(const std::vector<Rule>& rules, const Facts& facts) {
    for (const auto& rule : rules)
        if (holds(rule.when, facts)) return &rule;
    return nullptr;
}

// The lapsed years as the rules see them: as given, else one when the history says lapsed.
int lapsed_years(const Member& member) {
    return member.lapsed_years.value_or(member.history == History::lapsed ? 1 : 0);
}

// Lapsed and repaired years must agree with the member's history; each contradiction at the field that breaks it.
void check_lapse(const Member& member, const std::string& path, Issues& issues) {
    const auto lapsed_path = [&] { return pointer_join(path, "lapsed_years"); };  // only for a problem: rosters are long
    if (member.lapsed_years) {
        const int lapsed = *member.lapsed_years;
        if (lapsed > 0 && member.history == History::continuous)
            issues.push_back({lapsed_path(), Code::contradiction,
                              "上年度参保情况为“连续参保”，断保年数应为0，这里是" + std::to_string(lapsed)});
        else if (lapsed > 0 && member.history == History::new_enrollee)
            issues.push_back({lapsed_path(), Code::contradiction,
                              "首次参保的人没有断保年数，应为0，这里是" + std::to_string(lapsed) + "；以前参过保的请选“断保”"});
        else if (lapsed == 0 && member.history == History::lapsed)
            issues.push_back({lapsed_path(), Code::contradiction, "上年度参保情况为“断保”，断保年数至少为1"});
    }
    // Paid last year, a member whose benefits had not started may count years of cover, or lapsed ones before: the
    // ruleset that offers the history decides what they mean.
    if (member.continuous_years && *member.continuous_years > 0 &&
        (member.history == History::new_enrollee || member.history == History::lapsed))
        issues.push_back({pointer_join(path, "continuous_years"), Code::contradiction,
                          "上年度未参保（" + std::string(member.history == History::lapsed ? "断保" : "首次参保") +
                              "），连续参保年数应为0，这里是" + std::to_string(*member.continuous_years)});
    const int lapsed = lapsed_years(member);
    if (member.repaired_years > lapsed)
        issues.push_back({pointer_join(path, "repaired_years"), Code::contradiction,
                          "补缴（修复）年数" + std::to_string(member.repaired_years) + "多于断保年数" +
                              std::to_string(lapsed)});
}

// The reform's waiting period for this member (国办发〔2024〕38号 as the ruleset sets its numbers).
WaitingMonths waiting_months(const WaitingPeriod& w, const Facts& f, BenefitOutcome& m) {
    WaitingMonths months;
    if (const WaitingPart* exempt = first_match(w.exempt, f)) {
        m.fired.push_back({"waiting", &exempt->id, &exempt->explain});
        return months;
    }
    if (holds(w.fixed.when, f)) {
        months.fixed = w.fixed.months;
        m.fired.push_back({"waiting", &w.fixed.id, &w.fixed.explain});
    }
    if (w.variable_certainty.kind == Certainty::Kind::unknown && f.lapsed_years >= 2)
        m.warnings.push_back(Code::unknown_waiting_variable);
    if (w.variable && f.lapsed_years >= w.variable->from_years) {
        months.variable = (f.lapsed_years - w.variable->from_years + 1) * w.variable->months;
        m.fired.push_back({"waiting", &w.variable->id, &w.variable->explain});
    }
    if (f.repaired_years > 0) {
        // Repair shortens only the variable part; the fixed part stays.
        const int offered = w.repair ? f.repaired_years * w.repair->months : 0;
        months.repaired = std::min(offered, months.variable);
        if (months.repaired > 0) m.fired.push_back({"waiting", &w.repair->id, &w.repair->explain});
        if (offered > months.repaired) m.warnings.push_back(Code::repair_without_effect);
    }
    if (w.floor && f.lapsed_years >= w.floor->from_years && months.total() < w.floor->months) {
        months.floor = w.floor->months - months.total();
        m.fired.push_back({"waiting", &w.floor->id, &w.floor->explain});
    }
    return months;
}

void add_once(std::vector<const Certainty*>& list, const Certainty& c) {
    if (c.kind != Certainty::Kind::known && std::find(list.begin(), list.end(), &c) == list.end()) list.push_back(&c);
}

// The waiting period and the benefit rule for these facts (their deadline one reading of the window).
std::optional<BenefitOutcome> decide_benefit(const Ruleset& r, Facts f, const Member& member, bool newborn,
                                             const std::string& path, Issues& issues) {
    BenefitOutcome o;
    if (r.waiting_period.applies) {
        o.waiting = waiting_months(r.waiting_period, f, o);
        f.waiting_months = o.waiting->total();
    }
    const BenefitRule* benefit = first_match(r.benefit_rules, f);
    if (!benefit) {
        issues.push_back({path, Code::no_rule, "规则集“" + r.id + "”没有适用于该成员的待遇开始规则，请向医保经办机构咨询"});
        return std::nullopt;
    }
    // The rule's caveat is told once for the member, with the contribution's (estimate_member).
    o.fired.push_back({"benefit", &benefit->id, &benefit->explain, benefit->caveat.empty() ? nullptr : &benefit->caveat});
    o.end = evaluate(benefit->end, f);
    if (benefit->start_certainty.kind == Certainty::Kind::unknown) {
        // Not published: no date, and so no days without cover and no waiting period, are guessed.
        o.start_unknown = &benefit->start_certainty;
        o.warnings.push_back(Code::unknown_start);
        return o;
    }
    o.earliest_start = evaluate(benefit->start, f);
    if (o.earliest_start <= o.end) o.start = o.earliest_start;
    const Date cover_from = newborn ? member.birth_date : r.benefit_year_start;
    if (!o.start) o.uncovered = Period{cover_from, o.end};
    else if (o.earliest_start > cover_from) o.uncovered = Period{cover_from, o.earliest_start.add_days(-1)};
    // A rule marked waiting whose waiting period comes to 0 months leaves a gap that is no 待遇等待期.
    o.waiting_period = benefit->waiting && o.uncovered.has_value() && (!o.waiting || o.waiting->total() > 0);
    if (!o.start) o.warnings.push_back(Code::no_cover);
    else if (o.uncovered) o.warnings.push_back(o.waiting_period ? Code::waiting_period : Code::coverage_gap);
    return o;
}

bool same_start(const BenefitOutcome& a, const BenefitOutcome& b) {
    return a.start == b.start && a.start_unknown == b.start_unknown && a.end == b.end && (a.waiting ? a.waiting->total() : -1) == (b.waiting ? b.waiting->total() : -1);
}

// Where a date falls against a fact that may be unknown: surely on or before it, surely after it, or unknown.
enum class Side : std::uint8_t { on_or_before, after, unsure };
Side side_of(const Date& day, const Fact<Date>& limit) {
    if (!limit.unknown()) return day <= limit.value ? Side::on_or_before : Side::after;
    if (limit.certainty.not_before && day <= *limit.certainty.not_before) return Side::on_or_before;
    if (limit.certainty.not_after && day > *limit.certainty.not_after) return Side::after;
    return Side::unsure;
}


// The member's answers to the ruleset's questions into `f`; a question left out takes its default (a warning),
// or is an error when it has none. Each problem at the member's answers/<question id>.
void read_answers(const Ruleset& r, const Member& member, const std::string& path, Facts& f, MemberResult& m,
                  Issues& issues) {
    const auto answers_path = [&] { return pointer_join(path, "answers"); };  // only for a problem: rosters are long
    for (const auto& given : member.answers) {
        const std::string& question_id = given.first;  // named, not bound: a lambda may not capture a binding (C++17)
        const std::string& answer_id = given.second;
        const auto q = std::find_if(r.member_questions.begin(), r.member_questions.end(),
                                    [&](const MemberQuestion& x) { return x.id == question_id; });
        const auto at = [&] { return pointer_join(answers_path(), question_id); };
        if (q == r.member_questions.end()) {
            std::string ids;
            for (const MemberQuestion& x : r.member_questions) ids += (ids.empty() ? "" : "、") + x.id + "（" + x.label + "）";
            issues.push_back({at(), Code::unknown_value,
                              r.title + "不问“" + question_id + "”" + (ids.empty() ? "，不必填写" : "；可填：" + ids)});
            continue;
        }
        const auto a = std::find_if(q->answers.begin(), q->answers.end(),
                                    [&](const MemberQuestion::Answer& x) { return x.id == answer_id; });
        if (a == q->answers.end()) {
            std::string ids;
            for (const auto& x : q->answers) ids += (ids.empty() ? "" : "、") + x.id + "（" + x.label + "）";
            issues.push_back({at(), Code::unknown_value, "“" + answer_id + "”不是“" + q->label + "”的答案；可选：" + ids});
            continue;
        }
        f.answers[static_cast<size_t>(q - r.member_questions.begin())] = static_cast<std::int8_t>(a - q->answers.begin());
    }
    for (size_t i = 0; i < r.member_questions.size(); ++i) {
        const MemberQuestion& q = r.member_questions[i];
        if (f.answers[i] >= 0) continue;
        const bool answered = std::any_of(member.answers.begin(), member.answers.end(),
                                          [&](const auto& answer) { return answer.first == q.id; });
        if (answered) continue;  // told above: an answer that is not one of the question's
        if (q.default_answer >= 0) {
            f.answers[i] = static_cast<std::int8_t>(q.default_answer);
            m.assumed.push_back(&q);
            if (m.assumed.size() == 1) m.warnings.push_back(Code::answer_assumed);
        } else {
            std::string labels;
            for (const auto& x : q.answers) labels += (labels.empty() ? "" : "、") + x.label;
            issues.push_back({pointer_join(answers_path(), q.id), Code::missing, "请选择" + q.label + "（" + labels + "）"});
        }
    }
}

// The ruleset's groups the member is in (1 + index, in the ruleset's order). A common id the ruleset does not
// name (dibao …) is told with its silences.assistance note; any other id is an error, as is being in several
// groups where the ruleset does not say how one support is taken.
std::vector<int> member_groups(const Ruleset& r, const Member& member, const std::string& path, MemberResult& m,
                               Issues& issues) {
    std::vector<int> groups;
    const auto at = [&] { return pointer_join(path, "assistance"); };  // only for a problem
    for (const std::string& id : member.assistance) {
        if (const int index = r.assistance_index(id)) {
            // In the ruleset's order (an insertion: std::sort would add 1 KB to the page's engine).
            const auto at_order = std::lower_bound(groups.begin(), groups.end(), index);
            if (at_order == groups.end() || *at_order != index) groups.insert(at_order, index);
        } else if (std::find(assistance_names().begin(), assistance_names().end(), id) != assistance_names().end()) {
            if (std::find(m.warnings.begin(), m.warnings.end(), Code::assistance_not_in_rules) == m.warnings.end())
                m.warnings.push_back(Code::assistance_not_in_rules);
        } else {
            std::string ids;
            for (const AssistanceGroup& g : r.assistance_groups) ids += (ids.empty() ? "" : "、") + g.id + "（" + g.label + "）";
            issues.push_back({at(), Code::unknown_value,
                              "“" + id + "”不是" + r.title + "的特殊人群" + (ids.empty() ? "" : "；可选：none（无）、" + ids)});
        }
    }
    if (groups.size() > 1 && !r.several_groups) {
        std::string labels;
        for (int g : groups) labels += (labels.empty() ? "" : "、") + r.assistance_group(g)->label;
        issues.push_back({at(), Code::several_groups,
                          "同时属于" + labels + "；" + r.title + "没有说明属于几个特殊人群时按哪一个资助，请只选一个，并向医保经办机构核实"});
    }
    return groups;
}

// 就高: of the member's groups, the one whose contribution rule leaves the least to pay (a published amount before
// an unpublished one; of equal ones the first in the ruleset). Each is tried with its own category and the tier
// the member will have.
int highest_group(const Ruleset& r, const Member& member, const Facts& facts, const std::vector<int>& groups) {
    int best = groups.front();
    std::optional<Money> least;
    bool found = false;
    for (int g : groups) {
        Facts f = facts;
        f.assistance = g;
        f.category = -1;
        for (size_t i = 0; i < r.categories.size() && f.category < 0; ++i)
            if (holds(r.categories[i].when, f)) f.category = static_cast<int>(i);
        if (!r.tiers.empty() && holds(r.tier_applies, f))
            f.tier = member.tier && r.tier(*member.tier) ? *member.tier : r.default_tier;
        const ContributionRule* fee = first_match(r.contributions, f);
        if (!fee || fee->individual.unknown()) continue;
        if (!found || fee->individual.value.fen < least->fen) {
            best = g;
            least = fee->individual.value;
            found = true;
        }
    }
    return best;
}
}  // namespace

std::optional<MemberResult> estimate_member(const Ruleset& r, const Member& member, const Date& household_payment,
                                            const std::string& path, Issues& issues) {
    const size_t issues_before = issues.size();
    // Built where it is returned (every return is of `answer`): a MemberResult is large, and a roster makes one a row.
    std::optional<MemberResult> answer(std::in_place);
    MemberResult& m = *answer;
    m.id = member.id;
    m.payment_date = member.payment_date.value_or(household_payment);

    // A payment before the opening day: the next day is still on or before it.
    const Side opened = side_of(m.payment_date.add_days(1), r.payable_from);
    const Side closed = side_of(m.payment_date, r.payable_to);
    if (opened == Side::on_or_before || closed == Side::after) {
        auto shown = [](const Fact<Date>& d) { return d.unknown() ? std::string("尚未公布") : d.value.iso(); };
        const std::string at = member.payment_date ? pointer_join(path, "payment_date") : "/payment_date";
        issues.push_back({at, Code::outside_collection,
                          "缴费日期" + m.payment_date.iso() + "不在" + r.title + "的缴费期（" + shown(r.payable_from) +
                              "至" + shown(r.payable_to) + "）内，无法缴纳该年度的医保费"});
    }
    if (opened == Side::unsure || closed == Side::unsure) {
        m.warnings.push_back(Code::unknown_collection_dates);
        add_once(m.rests_on, opened == Side::unsure ? r.payable_from.certainty : r.payable_to.certainty);
    }
    if (member.birth_date > m.payment_date)
        issues.push_back({pointer_join(path, "birth_date"), Code::born_after_payment,
                          "出生日期" + member.birth_date.iso() + "晚于缴费日期" + m.payment_date.iso() +
                              "，出生后才能参保缴费"});
    check_lapse(member, path, issues);
    // A history the ruleset has not decided on (decided_by_rules) is not estimated as another one.
    if (!r.offers(member.history)) {
        std::string message = r.title;
        message.append("的规则没有说明“").append(history_words()[static_cast<size_t>(member.history)].label).append("”的人怎样算，请从");
        const char* separator = "";
        for (size_t h = 0; h < history_words().size(); ++h)
            if (r.offers(static_cast<History>(h))) message.append(std::exchange(separator, "、")).append(history_words()[h].label);
        issues.push_back({pointer_join(path, "history"), Code::unknown_value, message.append("中选择；拿不准的请向医保经办机构咨询")});
    }

    Facts f;
    f.payment_date = m.payment_date;
    f.birth_date = member.birth_date;
    f.age = age_on(member.birth_date, m.payment_date);
    f.student = member.student;
    f.history = member.history;
    f.lapsed_years = lapsed_years(member);
    f.repaired_years = member.repaired_years;
    f.continuous_years = member.continuous_years.value_or(-1);
    f.claimed_last_year = member.claimed_last_year ? (*member.claimed_last_year ? 1 : 0) : -1;
    f.year_start = r.benefit_year_start;
    f.year_end = r.benefit_year_end;
    f.deadline = r.continuity_deadline.value;
    m.age = f.age;
    m.newborn = member.birth_date >= r.benefit_year_start && member.birth_date <= r.benefit_year_end;

    read_answers(r, member, path, f, m, issues);
    const std::vector<int> groups = member_groups(r, member, path, m, issues);
    m.groups = groups;
    if (groups.size() == 1) f.assistance = groups.front();
    else if (groups.size() > 1 && r.several_groups) f.assistance = highest_group(r, member, f, groups);

    for (size_t i = 0; i < r.categories.size() && f.category < 0; ++i)
        if (holds(r.categories[i].when, f)) f.category = static_cast<int>(i);
    m.category = &r.categories[static_cast<size_t>(f.category)];  // the loader guarantees a fallback category

    m.tier_applies = !r.tiers.empty() && holds(r.tier_applies, f);
    if (member.tier) {
        if (r.tiers.empty()) {
            m.warnings.push_back(Code::tier_not_in_rules);
        } else if (!r.tier(*member.tier)) {
            std::string ids;
            for (const auto& t : r.tiers) ids += (ids.empty() ? "" : "、") + std::to_string(t.id) + "（" + t.label + "）";
            issues.push_back({pointer_join(path, "tier"), Code::unknown_tier,
                              "缴费档次" + std::to_string(*member.tier) + "不存在，可选：" + ids});
        } else if (!m.tier_applies) {
            m.warnings.push_back(Code::tier_not_applicable);
        } else {
            f.tier = *member.tier;
            m.tier = r.tier(f.tier);
        }
    } else if (m.tier_applies) {
        f.tier = r.default_tier;
        m.tier = r.tier(f.tier);
        m.warnings.push_back(Code::tier_assumed);
    }
    if (issues.size() != issues_before) {
        answer.reset();
        return answer;
    }

    const ContributionRule* fee = first_match(r.contributions, f);
    if (!fee) {
        issues.push_back({path, Code::no_rule, "规则集“" + r.id + "”没有适用于该成员的缴费标准规则，请向医保经办机构咨询"});
        answer.reset();
        return answer;
    }
    m.fired.reserve(3);
    if (m.groups.size() > 1) m.fired.push_back({"assistance", &r.several_groups->id, &r.several_groups->explain});
    m.fired.push_back({"category", &m.category->id, &m.category->explain});
    m.fired.push_back({"contribution", &fee->id, &fee->explain, fee->caveat.empty() ? nullptr : &fee->caveat});
    if (!fee->caveat.empty()) m.warnings.push_back(Code::caveat);
    m.contribution = fee;
    fee->for_each_certainty([&](const Certainty& c) { add_once(m.rests_on, c); });
    if (!fee->individual.unknown()) m.individual = fee->individual.value;
    if (!fee->subsidy.unknown()) m.subsidy = fee->subsidy.value;
    if (fee->individual.provisional() || fee->subsidy.provisional()) m.warnings.push_back(Code::provisional);
    if (fee->individual.unknown() || fee->subsidy.unknown()) m.warnings.push_back(Code::unknown_amount);

    if (r.waiting_period.applies && !member.lapsed_years && member.history == History::lapsed)
        m.warnings.push_back(Code::lapsed_years_assumed);
    const Side window = side_of(m.payment_date, r.continuity_deadline);
    if (r.continuity_deadline.provisional() || window == Side::unsure) add_once(m.rests_on, r.continuity_deadline.certainty);
    if (window != Side::unsure) {
        if (r.continuity_deadline.unknown()) f.deadline = window == Side::on_or_before ? m.payment_date : m.payment_date.add_days(-1);
        auto outcome = decide_benefit(r, f, member, m.newborn, path, issues);
        if (!outcome) {
            answer.reset();
            return answer;
        }
        m.benefit = std::move(*outcome);
    } else {
        // The window's end is not published: the answer stands where both readings agree, else it gives both.
        Facts in = f, after = f;
        in.deadline = m.payment_date;
        after.deadline = m.payment_date.add_days(-1);
        auto a = decide_benefit(r, in, member, m.newborn, path, issues);
        auto b = decide_benefit(r, after, member, m.newborn, path, issues);
        if (!a || !b) {
            answer.reset();
            return answer;
        }
        if (same_start(*a, *b)) {
            m.benefit = std::move(*a);
            m.after_window_agrees = std::move(*b);
        } else {
            m.benefit.end = a->end;
            m.benefit.earliest_start = a->earliest_start;
            m.benefit.warnings.push_back(Code::unknown_deadline);
            m.in_window = std::move(*a);
            m.after_window = std::move(*b);
        }
    }
    m.warnings.insert(m.warnings.end(), m.benefit.warnings.begin(), m.benefit.warnings.end());
    // The benefit rule's caveat and its unknown start, in either reading of the window, once for the member.
    for (const auto* o : {&m.benefit, m.in_window ? &*m.in_window : nullptr, m.after_window ? &*m.after_window : nullptr}) {
        if (!o) continue;
        if (!o->fired.empty() && o->fired.back().caveat && std::find(m.warnings.begin(), m.warnings.end(), Code::caveat) == m.warnings.end())
            m.warnings.push_back(Code::caveat);
        if (o->start_unknown) add_once(m.rests_on, *o->start_unknown);
    }
    if (m.in_window && (m.in_window->start_unknown || m.after_window->start_unknown) &&
        std::find(m.warnings.begin(), m.warnings.end(), Code::unknown_start) == m.warnings.end())
        m.warnings.push_back(Code::unknown_start);
    f.waiting_months = m.benefit.waiting ? m.benefit.waiting->total() : 0;

    for (const MemberNote& note : r.member_notes) {
        if (!holds(note.when, f)) continue;
        const int years = note.per_year ? std::max(0, f.continuous_years - note.after_years) : 1;
        m.notes.push_back({&note, Money::from_fen(note.amount.fen * years)});
    }
    for (const AddOn& add_on : r.add_ons)
        if (holds(add_on.when, f)) m.add_ons.push_back(&add_on);
    for (const Channel& channel : r.payment)
        if (channel.family_account && holds(channel.when, f)) m.family_accounts.push_back(&channel);
    m.facts = f;
    return answer;
}

std::optional<EarlierYear> earlier_year(const Ruleset& earlier, const Ruleset& r, const Member& member,
                                        const Date& payment_date) {
    const bool born_in_it = member.birth_date >= earlier.benefit_year_start && member.birth_date <= earlier.benefit_year_end;
    const bool newborn = born_in_it && member.history == History::new_enrollee;
    if (!newborn && member.history != History::lapsed) return std::nullopt;
    // As the earlier year sees the member: a newborn as given; one lapsed in it, with one lapsed year fewer.
    Member then = member;
    then.payment_date.reset();
    if (!newborn) {
        then.lapsed_years = lapsed_years(member) - 1;
        then.history = *then.lapsed_years > 0 ? History::lapsed : History::continuous;
        then.repaired_years = 0;
        then.continuous_years.reset();
        then.claimed_last_year.reset();
    }
    Issues ignored;
    auto answer = [&](const Date& day) { return estimate_member(earlier, then, day, "", ignored); };
    auto result = answer(payment_date);
    if (!result || !ignored.empty() || !result->benefit.start || result->in_window) return std::nullopt;
    // The last day a payment keeps this start: within the collection and giving the same start.
    Date pay_by = payment_date;
    for (Date day = payment_date.add_days(1); side_of(day, earlier.payable_to) == Side::on_or_before; day = day.add_days(1)) {
        const auto later = answer(day);
        if (!later || !ignored.empty() || later->benefit.start != result->benefit.start || later->in_window) break;
        pay_by = day;
    }
    // Insured in the earlier year, the member counts as continuous for the year paid for.
    Member insured = member;
    insured.history = History::continuous;
    insured.lapsed_years.reset();
    insured.repaired_years = 0;
    auto next = estimate_member(r, insured, payment_date, "", ignored);
    return EarlierYear{&earlier, std::move(*result), pay_by, ignored.empty() ? std::move(next) : std::nullopt};
}

namespace {

// Each fee part some member's rule gives, summed across the members whose rule gives it.
std::vector<PartTotal> part_totals(const Ruleset& r, const std::vector<MemberResult>& members) {
    std::vector<PartTotal> totals;
    for (const FeePart& part : r.fee_parts) {
        PartTotal total{&part, Money{}};
        bool given = false;
        for (const MemberResult& m : members)
            for (const ContributionPart& p : m.contribution->parts)
                if (p.id == part.id) {
                    given = true;
                    total.amount = sum_known(total.amount, p.amount.unknown() ? std::nullopt : std::optional<Money>(p.amount.value));
                }
        if (given) totals.push_back(total);
    }
    return totals;
}

}  // namespace

std::optional<Result> estimate(const Ruleset& r, const Household& household, Issues& issues, const Ruleset* earlier) {
    Result result;
    result.ruleset = &r;
    result.payment_date = household.payment_date;
    if (const Side window = side_of(household.payment_date, r.continuity_deadline); window != Side::unsure)
        result.deadline_met = window == Side::on_or_before;
    bool ok = true;
    result.individual_total = Money{};
    result.subsidy_total = Money{};
    result.members.reserve(household.members.size());
    result.earlier_years.reserve(household.members.size());
    for (size_t i = 0; i < household.members.size(); ++i) {
        auto m = estimate_member(r, household.members[i], household.payment_date, pointer_join("/members", i), issues);
        if (!m) {
            ok = false;
            continue;
        }
        // A total that includes an amount not published is no number.
        result.individual_total = sum_known(result.individual_total, m->individual);
        result.subsidy_total = sum_known(result.subsidy_total, m->subsidy);
        for (const Certainty* c : m->rests_on) add_once(result.rests_on, *c);
        result.earlier_years.push_back(
            earlier ? earlier_year(*earlier, r, household.members[i], m->payment_date) : std::nullopt);
        result.members.push_back(std::move(*m));
    }
    if (!ok) return std::nullopt;
    result.part_totals = part_totals(r, result.members);
    for (const AddOn& add_on : r.add_ons) {
        AddOnTotal total{&add_on, Money{}};
        bool taken = false;
        for (const MemberResult& m : result.members)
            if (std::find(m.add_ons.begin(), m.add_ons.end(), &add_on) != m.add_ons.end()) {
                taken = true;
                total.amount += add_on.amount;
            }
        if (taken) result.add_on_totals.push_back(total);
    }

    for (const Channel& channel : r.registration) {
        for (const MemberResult& m : result.members) {
            if (holds(channel.when, m.facts)) {
                result.registration.push_back(&channel);
                break;
            }
        }
    }
    // A baby born after the deadline could never have paid by it: its own rules decide its start.
    result.deadline_applies = std::any_of(household.members.begin(), household.members.end(), [&](const Member& m) {
        return side_of(m.birth_date, r.continuity_deadline) != Side::after;
    });
    if (result.deadline_met == false && result.deadline_applies) result.warnings.push_back(Code::deadline_missed);
    // Where the ruleset names no assistance group the page asks for none: its silence reaches the household here
    // (a member who gave a group has been told it already).
    if (r.assistance_groups.empty() && std::all_of(household.members.begin(), household.members.end(), [](const Member& m) {
            return m.assistance.empty();
        }))
        result.warnings.push_back(Code::assistance_not_asked);
    if (!result.individual_total || !result.subsidy_total) result.warnings.push_back(Code::unknown_total);
    return result;
}

}  // namespace yibao
