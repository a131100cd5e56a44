#include "conditions.hpp"

#include <algorithm>

namespace yibao {

namespace {
bool in_mask(std::uint32_t mask, int bit) { return bit >= 0 && bit < 32 && (mask >> bit) & 1u; }
}  // namespace

bool holds(const Condition& c, const Facts& f) {
    using Op = Condition::Op;
    switch (c.op) {
        case Op::always: return true;
        case Op::all:
            return std::all_of(c.children.begin(), c.children.end(), [&](const Condition& x) { return holds(x, f); });
        case Op::any:
            return std::any_of(c.children.begin(), c.children.end(), [&](const Condition& x) { return holds(x, f); });
        case Op::negate: return !holds(c.children.front(), f);
        case Op::category: return in_mask(c.mask, f.category);
        case Op::student: return in_mask(c.mask, static_cast<int>(f.student));
        case Op::assistance: return in_mask(c.mask, static_cast<int>(f.assistance));
        case Op::history: return in_mask(c.mask, static_cast<int>(f.history));
        case Op::tier: return in_mask(c.mask, f.tier);
        case Op::age_under: return f.age < c.number;
        case Op::age_at_least: return f.age >= c.number;
        case Op::paid_before: return f.payment_date < evaluate(c.date, f);
        case Op::paid_on_or_before: return f.payment_date <= evaluate(c.date, f);
        case Op::paid_after: return f.payment_date > evaluate(c.date, f);
        case Op::paid_on_or_after: return f.payment_date >= evaluate(c.date, f);
        case Op::born_before: return f.birth_date < evaluate(c.date, f);
        case Op::born_on_or_before: return f.birth_date <= evaluate(c.date, f);
        case Op::born_after: return f.birth_date > evaluate(c.date, f);
        case Op::born_on_or_after: return f.birth_date >= evaluate(c.date, f);
    }
    return false;
}

Date evaluate(const DateExpr& e, const Facts& f) {
    using Op = DateExpr::Op;
    switch (e.op) {
        case Op::literal: return e.literal;
        case Op::payment_date: return f.payment_date;
        case Op::birth_date: return f.birth_date;
        case Op::year_start: return f.year_start;
        case Op::year_end: return f.year_end;
        case Op::first_of_month: return evaluate(e.args.front(), f).first_of_month();
        case Op::first_of_next_month: return evaluate(e.args.front(), f).first_of_next_month();
        case Op::end_of_year: return evaluate(e.args.front(), f).end_of_year();
        case Op::add_months: return evaluate(e.args.front(), f).add_months(e.months);
        case Op::max:
        case Op::min: {
            Date best = evaluate(e.args.front(), f);
            for (size_t i = 1; i < e.args.size(); ++i) {
                const Date d = evaluate(e.args[i], f);
                if (e.op == Op::max ? best < d : d < best) best = d;
            }
            return best;
        }
    }
    return e.literal;
}

}  // namespace yibao
