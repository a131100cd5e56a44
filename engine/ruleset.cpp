#include "ruleset.hpp"

#include <algorithm>
#include <set>

namespace yibao {

const std::vector<std::string>& student_names() {
    static const std::vector<std::string> names{"none", "school", "college"};
    return names;
}
const std::vector<std::string>& assistance_names() {
    static const std::vector<std::string> names{"none",   "dibao",     "tekun",     "orphan", "severe_disability",
                                                "poverty_monitored", "dibao_edge"};
    return names;
}
const std::vector<std::string>& history_names() {
    static const std::vector<std::string> names{"continuous", "new", "lapsed"};
    return names;
}

const Source* Ruleset::source(const std::string& source_id) const {
    for (const auto& s : sources)
        if (s.id == source_id) return &s;
    return nullptr;
}
const Tier* Ruleset::tier(int tier_id) const {
    for (const auto& t : tiers)
        if (t.id == tier_id) return &t;
    return nullptr;
}
const AssistanceGroup* Ruleset::assistance_group(Assistance group) const {
    for (const auto& g : assistance_groups)
        if (g.id == group) return &g;
    return nullptr;
}

void Catalog::add(Ruleset ruleset) {
    for (auto& existing : rulesets_) {
        if (existing.id == ruleset.id) {
            existing = std::move(ruleset);
            return;
        }
    }
    rulesets_.push_back(std::move(ruleset));
}

const Ruleset* Catalog::find(const std::string& id) const {
    for (const auto& r : rulesets_)
        if (r.id == id) return &r;
    return nullptr;
}

namespace {

// nlohmann's own DOM builder behind a SAX handler that keeps a syntax error (with its line and column, or a
// number like 1e999 out of range) as a message instead of throwing it: the engine needs no exceptions.
class DomBuilder {
public:
    explicit DomBuilder(Json& result) : dom_(result, false) {}
    bool null() { return dom_.null(); }
    bool boolean(bool value) { return dom_.boolean(value); }
    bool number_integer(Json::number_integer_t value) { return dom_.number_integer(value); }
    bool number_unsigned(Json::number_unsigned_t value) { return dom_.number_unsigned(value); }
    bool number_float(Json::number_float_t value, const Json::string_t& text) { return dom_.number_float(value, text); }
    bool string(Json::string_t& value) { return dom_.string(value); }
    bool binary(Json::binary_t& value) { return dom_.binary(value); }
    bool start_object(std::size_t size) { return dom_.start_object(size); }
    bool key(Json::string_t& value) { return dom_.key(value); }
    bool end_object() { return dom_.end_object(); }
    bool start_array(std::size_t size) { return dom_.start_array(size); }
    bool end_array() { return dom_.end_array(); }
    bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception& error) {
        const std::string what = error.what();
        const auto bracket = what.find("] ");  // drop nlohmann's "[json.exception.parse_error.101]"
        message = bracket == std::string::npos ? what : what.substr(bracket + 2);
        return false;
    }

    std::string message;

private:
    nlohmann::detail::json_sax_dom_parser<Json> dom_;
};

}  // namespace

std::optional<Json> parse_json(std::string_view text, Issues& issues) {
    Json document;
    DomBuilder builder(document);
    if (Json::sax_parse(text.begin(), text.end(), &builder)) return document;
    issues.push_back({"", "malformed_json", "JSON 格式错误: " + builder.message});
    return std::nullopt;
}

namespace {

// Texts about the whole ruleset know only its dates; texts about a member also know the member's facts.
const std::set<std::string> kRulesetPlaceholders{"year_start", "year_end", "deadline"};
const std::set<std::string> kMemberPlaceholders{
    "payment_date", "birth_date", "age",   "category",   "tier",       "assistance",
    "individual",   "subsidy",    "start", "end",        "year_start", "year_end", "deadline"};

// Builds a Ruleset while remembering which category ids and source ids exist, so references can be checked.
class Loader {
public:
    explicit Loader(Issues& issues) : issues_(issues), issues_before_(issues.size()), read_(issues) {}

    std::optional<Ruleset> load(const Json& doc) {
        if (!read_.is_object(doc, "")) return std::nullopt;
        read_.only_keys(doc, "", {"$schema", "id", "region", "year", "title", "sources", "benefit_year", "collection",
                                  "continuity_deadline", "categories", "tiers", "assistance_groups", "contributions",
                                  "benefit_rules", "registration", "payment_channels", "contacts", "websites",
                                  "silences", "unconfirmed_note"});
        Ruleset r;
        r.id = read_.text(doc, "", "id", Need::required).value_or("");
        if (!r.id.empty() && !valid_id(r.id)) read_.fail("/id", "invalid_id", "规则集编号只能含小写字母、数字和连字符");
        r.region = read_.text(doc, "", "region", Need::required).value_or("");
        r.year = static_cast<int>(read_.integer(doc, "", "year", Need::required, 2000, 2200).value_or(0));
        r.title = read_.text(doc, "", "title", Need::required).value_or("");
        r.unconfirmed_note = read_.text(doc, "", "unconfirmed_note", Need::required).value_or("");

        // Sources first: every basis below must name one of them.
        if (const Json* sources = read_.member(doc, "", "sources", Need::required);
            sources && read_.is_array(*sources, "/sources", true))
            for (size_t i = 0; i < sources->size(); ++i) load_source((*sources)[i], pointer_join("/sources", i), r);

        if (const Json* year = read_.member(doc, "", "benefit_year", Need::required);
            year && read_.is_object(*year, "/benefit_year")) {
            read_.only_keys(*year, "/benefit_year", {"start", "end"});
            ordered_dates(*year, "/benefit_year", "start", "end", r.benefit_year_start, r.benefit_year_end,
                          "待遇年度的结束日期早于开始日期");
        }

        if (const Json* collection = read_.member(doc, "", "collection", Need::required);
            collection && read_.is_object(*collection, "/collection")) {
            read_.only_keys(*collection, "/collection", {"opens", "closes", "text", "basis"});
            ordered_dates(*collection, "/collection", "opens", "closes", r.payable_from, r.payable_to,
                          "缴费截止日期早于开始日期");
            r.collection = explained(*collection, "/collection", kRulesetPlaceholders);
        }
        if (const Json* deadline = read_.member(doc, "", "continuity_deadline", Need::required);
            deadline && read_.is_object(*deadline, "/continuity_deadline")) {
            read_.only_keys(*deadline, "/continuity_deadline", {"date", "text", "basis"});
            r.continuity_deadline =
                read_.date(*deadline, "/continuity_deadline", "date", Need::required).value_or(Date{});
            r.deadline = explained(*deadline, "/continuity_deadline", kRulesetPlaceholders);
        }

        if (const Json* categories = read_.member(doc, "", "categories", Need::required);
            categories && read_.is_array(*categories, "/categories", true)) {
            // Ids first, so that later conditions can name any category.
            for (size_t i = 0; i < categories->size(); ++i) load_category((*categories)[i], pointer_join("/categories", i), r);
            for (const auto& c : r.categories) category_ids_.push_back(c.id);
            if (!r.categories.empty() && r.categories.back().when.op != Condition::Op::always)
                read_.fail(pointer_join(pointer_join("/categories", categories->size() - 1), "when"), "no_fallback",
                           "最后一个类别的条件必须为空对象 {},保证每位成员都有类别");
        }
        if (const Json* tiers = read_.member(doc, "", "tiers", Need::optional); tiers) load_tiers(*tiers, r);
        if (const Json* groups = read_.member(doc, "", "assistance_groups", Need::optional);
            groups && read_.is_array(*groups, "/assistance_groups", true)) {
            for (size_t i = 0; i < groups->size(); ++i) {
                const std::string at = pointer_join("/assistance_groups", i);
                const Json& g = (*groups)[i];
                if (!read_.is_object(g, at)) continue;
                read_.only_keys(g, at, {"id", "label"});
                AssistanceGroup group;
                if (auto id = read_.choice(g, at, "id", Need::required, assistance_names())) {
                    group.id = static_cast<Assistance>(*id);
                    if (group.id == Assistance::none)
                        read_.fail(pointer_join(at, "id"), "unknown_value", "“none”不是特殊人群");
                }
                group.label = read_.text(g, at, "label", Need::required).value_or("");
                r.assistance_groups.push_back(group);
            }
        }

        load_list(doc, "contributions", [&](const Json& item, const std::string& at) {
            read_.only_keys(item, at, {"id", "label", "when", "individual_fen", "subsidy_fen", "text", "basis"});
            ContributionRule rule;
            rule.id = read_.text(item, at, "id", Need::required).value_or("");
            rule.label = read_.text(item, at, "label", Need::required).value_or("");
            rule.when = condition_member(item, at);
            rule.individual = Money::from_fen(read_.integer(item, at, "individual_fen", Need::required, 0, 100000000).value_or(0));
            rule.subsidy = Money::from_fen(read_.integer(item, at, "subsidy_fen", Need::required, 0, 100000000).value_or(0));
            rule.explain = explained(item, at, kMemberPlaceholders);
            r.contributions.push_back(std::move(rule));
        });
        load_list(doc, "benefit_rules", [&](const Json& item, const std::string& at) {
            read_.only_keys(item, at, {"id", "when", "start", "end", "waiting", "text", "basis"});
            BenefitRule rule;
            rule.id = read_.text(item, at, "id", Need::required).value_or("");
            rule.when = condition_member(item, at);
            if (const Json* start = read_.member(item, at, "start", Need::required))
                rule.start = date_expr(*start, pointer_join(at, "start"));
            rule.end.op = DateExpr::Op::year_end;
            if (const Json* end = read_.member(item, at, "end", Need::optional))
                rule.end = date_expr(*end, pointer_join(at, "end"));
            rule.waiting = read_.boolean(item, at, "waiting", Need::optional).value_or(false);
            rule.explain = explained(item, at, kMemberPlaceholders);
            r.benefit_rules.push_back(std::move(rule));
        });
        load_list(doc, "registration", [&](const Json& item, const std::string& at) {
            r.registration.push_back(channel(item, at));
        });
        load_list(doc, "payment_channels", [&](const Json& item, const std::string& at) {
            r.payment.push_back(channel(item, at));
        });
        load_list(doc, "contacts", [&](const Json& item, const std::string& at) {
            read_.only_keys(item, at, {"name", "phone", "detail"});
            r.contacts.push_back({read_.text(item, at, "name", Need::required).value_or(""),
                                  read_.text(item, at, "phone", Need::optional).value_or(""),
                                  read_.text(item, at, "detail", Need::optional).value_or("")});
        });
        if (const Json* sites = read_.member(doc, "", "websites", Need::optional); sites && read_.is_array(*sites, "/websites"))
            for (size_t i = 0; i < sites->size(); ++i) {
                if ((*sites)[i].is_string()) r.websites.push_back((*sites)[i].get<std::string>());
                else read_.fail(pointer_join("/websites", i), "wrong_type", "应为字符串");
            }
        if (const Json* silences = read_.member(doc, "", "silences", Need::required);
            silences && read_.is_object(*silences, "/silences")) {
            read_.only_keys(*silences, "/silences", {"assistance", "tier"});
            r.silent_on_assistance = read_.text(*silences, "/silences", "assistance", Need::required).value_or("");
            r.silent_on_tier = read_.text(*silences, "/silences", "tier", Need::required).value_or("");
        }
        check_duplicates(r);
        if (issues_.size() != issues_before_) return std::nullopt;
        return r;
    }

private:
    static bool valid_id(const std::string& id) {
        return std::all_of(id.begin(), id.end(), [](char c) {
            return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
        });
    }

    // Two dates of one object where the second may not precede the first; an order is only
    // checked when both parsed, so one typo gives one error.
    void ordered_dates(const Json& object, const std::string& at, const char* first_key, const char* second_key,
                       Date& first, Date& second, const char* message) {
        const auto a = read_.date(object, at, first_key, Need::required);
        const auto b = read_.date(object, at, second_key, Need::required);
        if (a) first = *a;
        if (b) second = *b;
        if (a && b && *b < *a) read_.fail(pointer_join(at, second_key), "out_of_order", message);
    }

    template <typename Each>
    void load_list(const Json& doc, const char* key, Each each) {
        const std::string path = pointer_join("", key);
        const Json* list = read_.member(doc, "", key, Need::required);
        if (!list || !read_.is_array(*list, path, true)) return;
        for (size_t i = 0; i < list->size(); ++i) {
            const std::string at = pointer_join(path, i);
            if (read_.is_object((*list)[i], at)) each((*list)[i], at);
        }
    }

    void load_source(const Json& s, const std::string& at, Ruleset& r) {
        if (!read_.is_object(s, at)) return;
        read_.only_keys(s, at, {"id", "level", "title", "publisher", "date", "url"});
        Source source;
        source.id = read_.text(s, at, "id", Need::required).value_or("");
        source.level = read_.text(s, at, "level", Need::required).value_or("");
        if (!source.level.empty() && source.level != "A" && source.level != "B" && source.level != "C")
            read_.fail(pointer_join(at, "level"), "unknown_value", "来源级别应为 A、B 或 C");
        source.title = read_.text(s, at, "title", Need::required).value_or("");
        source.publisher = read_.text(s, at, "publisher", Need::required).value_or("");
        source.date = read_.text(s, at, "date", Need::optional).value_or("");
        source.url = read_.text(s, at, "url", Need::optional).value_or("");
        r.sources.push_back(source);
        source_ids_.push_back(source.id);
    }

    void load_category(const Json& c, const std::string& at, Ruleset& r) {
        if (!read_.is_object(c, at)) return;
        read_.only_keys(c, at, {"id", "label", "when", "text", "basis"});
        Category category;
        category.id = read_.text(c, at, "id", Need::required).value_or("");
        category.label = read_.text(c, at, "label", Need::required).value_or("");
        in_category_ = true;
        category.when = condition_member(c, at);
        in_category_ = false;
        category.explain = explained(c, at, kMemberPlaceholders);
        r.categories.push_back(std::move(category));
    }

    void load_tiers(const Json& tiers, Ruleset& r) {
        if (!read_.is_object(tiers, "/tiers")) return;
        read_.only_keys(tiers, "/tiers", {"applies_to", "default", "levels"});
        if (const Json* applies = read_.member(tiers, "/tiers", "applies_to", Need::required))
            r.tier_applies = condition(*applies, "/tiers/applies_to");
        const Json* levels = read_.member(tiers, "/tiers", "levels", Need::required);
        if (!levels || !read_.is_array(*levels, "/tiers/levels", true)) return;
        for (size_t i = 0; i < levels->size(); ++i) {
            const std::string at = pointer_join("/tiers/levels", i);
            if (!read_.is_object((*levels)[i], at)) continue;
            read_.only_keys((*levels)[i], at, {"id", "label"});
            Tier tier;
            tier.id = static_cast<int>(read_.integer((*levels)[i], at, "id", Need::required, 1, 31).value_or(0));
            tier.label = read_.text((*levels)[i], at, "label", Need::required).value_or("");
            r.tiers.push_back(tier);
        }
        r.default_tier = static_cast<int>(read_.integer(tiers, "/tiers", "default", Need::required, 1, 31).value_or(0));
        if (r.default_tier && !r.tier(r.default_tier))
            read_.fail("/tiers/default", "unknown_value", "默认档次" + std::to_string(r.default_tier) + "不在 /tiers/levels 中");
    }

    Channel channel(const Json& item, const std::string& at) {
        read_.only_keys(item, at, {"id", "name", "detail", "when", "basis"});
        Channel c;
        c.id = read_.text(item, at, "id", Need::required).value_or("");
        c.who = read_.text(item, at, "name", Need::required).value_or("");
        c.how = read_.text(item, at, "detail", Need::optional).value_or("");
        c.when = condition_member(item, at);
        c.basis = basis(item, at);
        return c;
    }

    Explained explained(const Json& item, const std::string& at, const std::set<std::string>& placeholders) {
        Explained e;
        e.text = read_.text(item, at, "text", Need::required).value_or("");
        check_placeholders(e.text, pointer_join(at, "text"), placeholders);
        e.basis = basis(item, at);
        return e;
    }

    // Every rule must say where it comes from: at least one {source, quote}, the source declared above.
    std::vector<Basis> basis(const Json& item, const std::string& at) {
        std::vector<Basis> out;
        const Json* list = read_.member(item, at, "basis", Need::required);
        const std::string path = pointer_join(at, "basis");
        if (!list || !read_.is_array(*list, path, true)) return out;
        for (size_t i = 0; i < list->size(); ++i) {
            const std::string b_at = pointer_join(path, i);
            if (!read_.is_object((*list)[i], b_at)) continue;
            read_.only_keys((*list)[i], b_at, {"source", "quote"});
            Basis b;
            b.source = read_.text((*list)[i], b_at, "source", Need::required).value_or("");
            b.quote = read_.text((*list)[i], b_at, "quote", Need::required).value_or("");
            if (!b.source.empty() &&
                std::find(source_ids_.begin(), source_ids_.end(), b.source) == source_ids_.end())
                read_.fail(pointer_join(b_at, "source"), "unknown_source", "来源“" + b.source + "”未在 /sources 中列出");
            if ((*list)[i].contains("quote") && b.quote.empty())
                read_.fail(pointer_join(b_at, "quote"), "empty", "引文不能为空");
            out.push_back(std::move(b));
        }
        return out;
    }

    void check_placeholders(const std::string& text, const std::string& at, const std::set<std::string>& known) {
        for (size_t open = text.find('{'); open != std::string::npos; open = text.find('{', open + 1)) {
            const size_t close = text.find('}', open);
            if (close == std::string::npos) {
                read_.fail(at, "bad_placeholder", "占位符缺少右花括号“}”");
                return;
            }
            const std::string name = text.substr(open + 1, close - open - 1);
            if (!known.count(name)) read_.fail(at, "bad_placeholder", "此处不能用占位符{" + name + "}");
        }
    }

    Condition condition_member(const Json& item, const std::string& at) {
        const Json* when = read_.member(item, at, "when", Need::optional);
        return when ? condition(*when, pointer_join(at, "when")) : Condition{};
    }

    // An object's keys are all required to hold; {} always holds.
    Condition condition(const Json& value, const std::string& at) {
        Condition all;
        all.op = Condition::Op::all;
        if (!read_.is_object(value, at)) return all;
        for (const auto& item : value.items()) {
            const std::string key = item.key();
            const std::string k_at = pointer_join(at, key);
            const Json& v = item.value();
            Condition c;
            if (key == "all" || key == "any") {
                c.op = key == "all" ? Condition::Op::all : Condition::Op::any;
                if (read_.is_array(v, k_at, true))
                    for (size_t i = 0; i < v.size(); ++i) c.children.push_back(condition(v[i], pointer_join(k_at, i)));
            } else if (key == "not") {
                c.op = Condition::Op::negate;
                c.children.push_back(condition(v, k_at));
            } else if (key == "student") {
                c = enum_set(v, k_at, Condition::Op::student, student_names());
            } else if (key == "assistance") {
                c = enum_set(v, k_at, Condition::Op::assistance, assistance_names());
            } else if (key == "history") {
                c = enum_set(v, k_at, Condition::Op::history, history_names());
            } else if (key == "category") {
                if (in_category_) {
                    read_.fail(k_at, "category_in_category", "类别的条件不能引用类别");
                    continue;
                }
                c = enum_set(v, k_at, Condition::Op::category, category_ids_);
            } else if (key == "tier") {
                c.op = Condition::Op::tier;
                if (read_.is_array(v, k_at, true))
                    for (size_t i = 0; i < v.size(); ++i) {
                        if (v[i].is_number_integer() && v[i].get<int>() >= 1 && v[i].get<int>() <= 31)
                            c.mask |= 1u << v[i].get<int>();
                        else read_.fail(pointer_join(k_at, i), "wrong_type", "档次应为 1 到 31 的整数");
                    }
            } else if (key == "age") {
                c = age(v, k_at);
            } else if (key == "payment_date" || key == "birth_date") {
                c = date_comparison(v, k_at, key == "payment_date");
            } else {
                read_.fail(k_at, "unknown_field",
                           "未知条件“" + key + "”;可用: all, any, not, category, student, assistance, history, tier, age, "
                           "payment_date, birth_date");
                continue;
            }
            all.children.push_back(std::move(c));
        }
        if (all.children.empty()) return Condition{};
        if (all.children.size() == 1) return std::move(all.children.front());
        return all;
    }

    Condition enum_set(const Json& v, const std::string& at, Condition::Op op, const std::vector<std::string>& names) {
        Condition c;
        c.op = op;
        if (!read_.is_array(v, at, true)) return c;
        for (size_t i = 0; i < v.size(); ++i)
            if (auto index = read_.choice_value(v[i], pointer_join(at, i), names)) c.mask |= 1u << *index;
        return c;
    }

    Condition age(const Json& v, const std::string& at) {
        Condition c;
        if (!read_.is_object(v, at)) return c;
        read_.only_keys(v, at, {"under", "at_least"});
        if (v.size() != 1) {
            read_.fail(at, "one_key", "应只含 under 或 at_least 之一");
            return c;
        }
        const bool under = v.contains("under");
        c.op = under ? Condition::Op::age_under : Condition::Op::age_at_least;
        c.number = static_cast<int>(read_.integer(v, at, under ? "under" : "at_least", Need::required, 0, 150).value_or(0));
        return c;
    }

    Condition date_comparison(const Json& v, const std::string& at, bool payment) {
        using Op = Condition::Op;
        Condition c;
        if (!read_.is_object(v, at)) return c;
        read_.only_keys(v, at, {"before", "on_or_before", "after", "on_or_after"});
        if (v.size() != 1) {
            read_.fail(at, "one_key", "应只含 before、on_or_before、after、on_or_after 之一");
            return c;
        }
        const std::string relation = v.begin().key();
        if (relation == "before") c.op = payment ? Op::paid_before : Op::born_before;
        else if (relation == "on_or_before") c.op = payment ? Op::paid_on_or_before : Op::born_on_or_before;
        else if (relation == "after") c.op = payment ? Op::paid_after : Op::born_after;
        else c.op = payment ? Op::paid_on_or_after : Op::born_on_or_after;
        c.date = date_expr(v.begin().value(), pointer_join(at, relation));
        return c;
    }

    DateExpr date_expr(const Json& v, const std::string& at) {
        using Op = DateExpr::Op;
        DateExpr e;
        if (v.is_string()) {
            const auto& s = v.get_ref<const std::string&>();
            if (s == "payment_date") e.op = Op::payment_date;
            else if (s == "birth_date") e.op = Op::birth_date;
            else if (s == "year_start") e.op = Op::year_start;
            else if (s == "year_end") e.op = Op::year_end;
            else if (auto d = Date::parse(s)) e.literal = *d;
            else read_.fail(at, "bad_date_expr",
                            "“" + s + "”不是日期表达式;应为 YYYY-MM-DD 或 payment_date、birth_date、year_start、year_end");
            return e;
        }
        if (!v.is_object() || v.size() != 1) {
            read_.fail(at, "bad_date_expr",
                       "日期表达式应为字符串或只含一个运算的对象(first_of_month、first_of_next_month、end_of_year、"
                       "add_months、max、min)");
            return e;
        }
        const std::string op = v.begin().key();
        const Json& arg = v.begin().value();
        const std::string a_at = pointer_join(at, op);
        if (op == "first_of_month" || op == "first_of_next_month" || op == "end_of_year") {
            e.op = op == "first_of_month" ? Op::first_of_month
                   : op == "first_of_next_month" ? Op::first_of_next_month : Op::end_of_year;
            e.args.push_back(date_expr(arg, a_at));
        } else if (op == "add_months") {
            e.op = Op::add_months;
            // A month count beyond a century is a typo, and bounding it keeps the date arithmetic in range.
            if (!arg.is_array() || arg.size() != 2 || !arg[1].is_number_integer() || arg[1].get<std::int64_t>() < -1200 ||
                arg[1].get<std::int64_t>() > 1200) {
                read_.fail(a_at, "bad_date_expr", "add_months 应为 [日期表达式, 月数],月数在 -1200 到 1200 之间");
                return e;
            }
            e.args.push_back(date_expr(arg[0], pointer_join(a_at, size_t{0})));
            e.months = arg[1].get<int>();
        } else if (op == "max" || op == "min") {
            e.op = op == "max" ? Op::max : Op::min;
            if (read_.is_array(arg, a_at, true))
                for (size_t i = 0; i < arg.size(); ++i) e.args.push_back(date_expr(arg[i], pointer_join(a_at, i)));
        } else {
            read_.fail(at, "bad_date_expr", "未知日期运算“" + op + "”");
        }
        return e;
    }

    void check_duplicates(const Ruleset& r) {
        auto check = [&](const char* list, auto& items, auto id_of) {
            std::set<std::string> seen;
            for (size_t i = 0; i < items.size(); ++i)
                if (!seen.insert(id_of(items[i])).second)
                    read_.fail(pointer_join(pointer_join(pointer_join("", list), i), "id"), "duplicate_id",
                               "编号“" + id_of(items[i]) + "”重复");
        };
        check("sources", r.sources, [](const Source& s) { return s.id; });
        check("categories", r.categories, [](const Category& c) { return c.id; });
        check("contributions", r.contributions, [](const ContributionRule& c) { return c.id; });
        check("benefit_rules", r.benefit_rules, [](const BenefitRule& b) { return b.id; });
    }

    Issues& issues_;
    const size_t issues_before_;
    JsonReader read_;
    std::vector<std::string> source_ids_;
    std::vector<std::string> category_ids_;
    bool in_category_ = false;
};

}  // namespace

std::optional<Ruleset> load_ruleset(const Json& document, Issues& issues) {
    return Loader(issues).load(document);
}

std::optional<Ruleset> load_ruleset_text(std::string_view text, Issues& issues) {
    auto document = parse_json(text, issues);
    if (!document) return std::nullopt;
    return load_ruleset(*document, issues);
}

}  // namespace yibao
