// Evaluating the rule vocabulary against one member's facts.
#pragma once

#include "model.hpp"

namespace yibao {

// What the rules may ask about a member, all taken at the payment date.
struct Facts {
    Date payment_date;
    Date birth_date;
    int age = 0;
    Student student = Student::none;
    Assistance assistance = Assistance::none;  // none when the ruleset has no such group
    History history = History::continuous;
    int tier = 0;      // 0: no tier applies
    int category = -1; // index into Ruleset::categories, -1 while it is being decided
    Date year_start;
    Date year_end;
};

bool holds(const Condition& condition, const Facts& facts);
Date evaluate(const DateExpr& expression, const Facts& facts);

}  // namespace yibao
