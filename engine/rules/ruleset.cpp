#include "rules/ruleset.hpp"

#include "rules/merge.hpp"

#include <algorithm>
#include <set>

#include "rules/vocabulary.hpp"

namespace yibao {

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

std::vector<const Certainty*> Ruleset::certainties() const {
    std::vector<const Certainty*> facts;
    for (const ContributionRule& c : contributions) facts.insert(facts.end(), {&c.individual.certainty, &c.subsidy.certainty});
    facts.insert(facts.end(), {&payable_from.certainty, &payable_to.certainty, &continuity_deadline.certainty,
                               &waiting_period.variable_certainty});
    return facts;
}

void Catalog::add(Ruleset ruleset, Json merged) {
    for (size_t i = 0; i < rulesets_.size(); ++i) {
        if (rulesets_[i].id == ruleset.id) {
            rulesets_[i] = std::move(ruleset);
            merged_[i] = std::move(merged);
            return;
        }
    }
    rulesets_.push_back(std::move(ruleset));
    merged_.push_back(std::move(merged));
}

const Json& Catalog::merged(const std::string& id) const {
    static const Json none;
    for (size_t i = 0; i < rulesets_.size(); ++i)
        if (rulesets_[i].id == id) return merged_[i];
    return none;
}

namespace {

// A ruleset id names a file and goes in a link's city=: short, and of characters no URL or shell must quote.
constexpr size_t kMaxIdLength = 64;

// What a ruleset for another year must say for itself rather than inherit.
constexpr const char* kOwnKeys[] = {"id",         "year",       "title",           "benefit_year",
                                    "collection", "continuity_deadline", "unconfirmed_note"};

void prefix_issues(Issues& issues, size_t from, const std::string& origin) {
    for (size_t i = from; i < issues.size(); ++i) issues[i].path = origin + issues[i].path;
}

}  // namespace

void Catalog::load(const std::vector<RulesetDocument>& documents, Issues& issues) {
    std::vector<const RulesetDocument*> pending;
    for (const auto& d : documents) pending.push_back(&d);
    // Each pass loads the documents whose base is here by now; what is left after a pass without progress
    // names a base that is missing or a circle of bases.
    for (bool progress = true; progress && !pending.empty();) {
        progress = false;
        for (auto it = pending.begin(); it != pending.end();) {
            const RulesetDocument& d = **it;
            const auto found = d.json.is_object() ? d.json.find("base") : d.json.end();
            const Json* base_id = found != d.json.end() ? &*found : nullptr;
            const bool has_base = base_id && !base_id->is_null();
            // A ruleset waits for its base and for the rulesets its provisional values come from.
            std::vector<std::string> needs = provisional_sources(d.json);
            if (has_base && base_id->is_string()) needs.push_back(base_id->get<std::string>());
            if (std::any_of(needs.begin(), needs.end(), [&](const std::string& id) {
                    return merged(id).is_null() && std::any_of(pending.begin(), pending.end(), [&](const RulesetDocument* other) {
                               return other != &d && other->json.is_object() && other->json.value("id", Json()) == id;
                           });
                })) {
                ++it;
                continue;
            }
            const size_t before = issues.size();
            Json document = d.json;
            if (has_base) {
                if (!base_id->is_string()) {
                    issues.push_back({"/base", Code::wrong_type, "base 应为规则集编号（字符串）"});
                } else if (merged(base_id->get<std::string>()).is_null()) {
                    const std::string id = base_id->get<std::string>();
                    const bool given = std::any_of(documents.begin(), documents.end(), [&](const RulesetDocument& other) {
                        return other.json.is_object() && other.json.value("id", Json()) == id;
                    });
                    issues.push_back({"/base", Code::unknown_base,
                                      given ? "基础规则集“" + id + "”有错误，未能载入；请先改正它"
                                            : "基础规则集“" + id + "”未载入；请同时载入该规则集文件"});
                } else {
                    for (const char* key : kOwnKeys)
                        if (!d.json.contains(key))
                            issues.push_back({pointer_join("", key), Code::missing,
                                              std::string("以其他规则集为基础时，须写明本年度自己的“") + key + "”"});
                    document = merge_base(merged(base_id->get<std::string>()), d.json, issues);
                    document["base"] = *base_id;
                }
            }
            if (issues.size() == before)
                fill_provisional(document, [&](const std::string& id) -> const Json& { return merged(id); }, issues);
            if (issues.size() == before)
                if (auto ruleset = load_ruleset(document, issues)) add(std::move(*ruleset), std::move(document));
            prefix_issues(issues, before, d.origin);
            it = pending.erase(it);
            progress = true;
        }
    }
    // What is left waits for rulesets of this set that wait in turn: a circle.
    for (const RulesetDocument* d : pending)
        issues.push_back({d->origin + "/base", Code::base_cycle, "规则集之间互相以对方为基础（base）或互相沿用数值，形成了循环"});
}

void Catalog::load_texts(const std::vector<std::pair<std::string, std::string_view>>& texts, Issues& issues) {
    std::vector<RulesetDocument> documents;
    for (const auto& [origin, text] : texts) {
        const size_t before = issues.size();
        if (auto json = parse_json(text, issues)) documents.push_back({origin, std::move(*json)});
        prefix_issues(issues, before, origin);
    }
    load(documents, issues);
}

const Ruleset* Catalog::find(const std::string& id) const {
    for (const auto& r : rulesets_)
        if (r.id == id) return &r;
    return nullptr;
}

namespace {

// Builds a Ruleset while remembering which category ids and source ids exist, so references can be checked.
class Loader {
public:
    explicit Loader(Issues& issues)
        : issues_(issues), issues_before_(issues.size()), read_(issues), vocabulary_(read_, category_ids_) {}

    std::optional<Ruleset> load(const Json& doc) {
        if (!read_.is_object(doc, "")) return std::nullopt;
        read_.only_keys(doc, "", {"$schema", "$comment", "id", "base", "region", "year", "title", "sources", "benefit_year", "collection",
                                  "continuity_deadline", "categories", "tiers", "assistance_groups", "contributions",
                                  "benefit_rules", "waiting_period", "member_notes", "registration", "payment_channels", "contacts", "websites",
                                  "silences", "unconfirmed_note"});
        Ruleset r;
        r.id = read_.text(doc, "", "id", Need::required).value_or("");
        if (doc.contains("id") && doc["id"].is_string() && !valid_id(r.id))
            read_.fail("/id", Code::invalid_id, "规则集编号应为1到" + std::to_string(kMaxIdLength) +
                                                    "个字符，只含小写字母、数字、连字符（-）和下划线（_）");
        r.base = read_.text(doc, "", "base", Need::optional).value_or("");
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
            r.payable_from = vocabulary_.date_fact(*collection, "/collection", "opens", "collection.opens");
            r.payable_to = vocabulary_.date_fact(*collection, "/collection", "closes", "collection.closes");
            if (!r.payable_from.unknown() && !r.payable_to.unknown() && r.payable_to.value < r.payable_from.value)
                read_.fail("/collection/closes", Code::out_of_order, "缴费截止日期早于开始日期");
            r.collection = explained(*collection, "/collection", TextScope::ruleset);
        }
        if (const Json* deadline = read_.member(doc, "", "continuity_deadline", Need::required);
            deadline && read_.is_object(*deadline, "/continuity_deadline")) {
            read_.only_keys(*deadline, "/continuity_deadline", {"date", "text", "basis"});
            r.continuity_deadline = vocabulary_.date_fact(*deadline, "/continuity_deadline", "date", "continuity_deadline");
            r.deadline = explained(*deadline, "/continuity_deadline", TextScope::ruleset);
        }

        if (const Json* categories = read_.member(doc, "", "categories", Need::required);
            categories && read_.is_array(*categories, "/categories", true)) {
            // Ids first, so that later conditions can name any category.
            for (size_t i = 0; i < categories->size(); ++i) load_category((*categories)[i], pointer_join("/categories", i), r);
            for (const auto& c : r.categories) category_ids_.push_back(c.id);
            // A condition holds categories as the bits of 32.
            if (r.categories.size() > 32)
                read_.fail(pointer_join("/categories", size_t{32}), Code::too_many,
                           "类别最多32个，这里有" + std::to_string(r.categories.size()) + "个");
            if (!r.categories.empty() && r.categories.back().when.keyword)
                read_.fail(pointer_join(pointer_join("/categories", categories->size() - 1), "when"), Code::no_fallback,
                           "最后一个类别的条件必须为空对象 {}，保证每位成员都有类别");
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
                        read_.fail(pointer_join(at, "id"), Code::unknown_value, "“none”不是特殊人群");
                }
                group.label = read_.text(g, at, "label", Need::required).value_or("");
                r.assistance_groups.push_back(group);
            }
        }

        load_list(doc, "contributions", [&](const Json& item, const std::string& at) {
            read_.only_keys(item, at, {"id", "label", "when", "individual_fen", "subsidy_fen", "caveat", "text", "basis"});
            ContributionRule rule;
            rule.id = read_.text(item, at, "id", Need::required).value_or("");
            rule.label = read_.text(item, at, "label", Need::required).value_or("");
            rule.when = condition_member(item, at);
            rule.individual = vocabulary_.amount(item, at, "individual_fen", "individual_fen");
            rule.subsidy = vocabulary_.amount(item, at, "subsidy_fen", "subsidy_fen");
            rule.caveat = read_.text(item, at, "caveat", Need::optional).value_or("");
            rule.explain = explained(item, at, TextScope::member);
            r.contributions.push_back(std::move(rule));
        });
        load_list(doc, "benefit_rules", [&](const Json& item, const std::string& at) {
            read_.only_keys(item, at, {"id", "when", "start", "end", "waiting", "caveat", "text", "basis"});
            BenefitRule rule;
            rule.id = read_.text(item, at, "id", Need::required).value_or("");
            rule.when = condition_member(item, at);
            // {"unknown": {reason, ask}}: the sources do not say when benefits start (e.g. a newborn's).
            if (const Json* start = read_.member(item, at, "start", Need::required); start && start->is_object() && start->contains("unknown"))
                rule.start_certainty = vocabulary_.date_fact(item, at, "start", "benefit_start").certainty;
            else if (start)
                rule.start = vocabulary_.date(*start, pointer_join(at, "start"));
            rule.end = vocabulary_.date("year_end", pointer_join(at, "end"));
            if (const Json* end = read_.member(item, at, "end", Need::optional))
                rule.end = vocabulary_.date(*end, pointer_join(at, "end"));
            rule.waiting = read_.boolean(item, at, "waiting", Need::optional).value_or(false);
            rule.caveat = read_.text(item, at, "caveat", Need::optional).value_or("");
            rule.explain = explained(item, at, TextScope::member);
            r.benefit_rules.push_back(std::move(rule));
        });
        if (const Json* waiting = read_.member(doc, "", "waiting_period", Need::optional); waiting)
            load_waiting_period(*waiting, r.waiting_period);
        if (const Json* notes = read_.member(doc, "", "member_notes", Need::optional);
            notes && read_.is_array(*notes, "/member_notes", true))
            for (size_t i = 0; i < notes->size(); ++i)
                if (read_.is_object((*notes)[i], pointer_join("/member_notes", i)))
                    r.member_notes.push_back(member_note((*notes)[i], pointer_join("/member_notes", i)));
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
            const std::string& phone = r.contacts.back().phone;
            if (item.contains("phone") && item["phone"].is_string() && !valid_phone(phone))
                read_.fail(pointer_join(at, "phone"), Code::bad_phone,
                           "“" + phone + "”不是可拨打的电话号码；应写作区号-号码（如 0532-12345678，分机或按键用连字符接在后面，"
                           "如 024-12345-1-7）、12345 这样的五位服务号码、95开头的五位号码或11位手机号码");
        });
        if (const Json* sites = read_.member(doc, "", "websites", Need::optional); sites && read_.is_array(*sites, "/websites"))
            for (size_t i = 0; i < sites->size(); ++i) {
                if ((*sites)[i].is_string()) r.websites.push_back((*sites)[i].get<std::string>());
                else read_.fail(pointer_join("/websites", i), Code::wrong_type, "应为字符串");
            }
        if (const Json* silences = read_.member(doc, "", "silences", Need::required);
            silences && read_.is_object(*silences, "/silences")) {
            read_.only_keys(*silences, "/silences", {"assistance", "tier"});
            r.silent_on_assistance = read_.text(*silences, "/silences", "assistance", Need::required).value_or("");
            r.silent_on_tier = read_.text(*silences, "/silences", "tier", Need::required).value_or("");
        }
        check_waiting_months_used(r);
        check_reachable(doc, "benefit_rules");
        check_duplicates(r);
        if (issues_.size() != issues_before_) return std::nullopt;
        return r;
    }

private:
    static bool valid_id(const std::string& id) {
        return !id.empty() && id.size() <= kMaxIdLength && std::all_of(id.begin(), id.end(), [](char c) {
            return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
        });
    }

    // The shapes of a contact's number the README lists: what the page may turn into a tel: link.
    static bool valid_phone(const std::string& phone) {
        std::vector<std::string_view> parts;  // split at each '-'
        for (size_t at = 0;;) {
            const size_t dash = phone.find('-', at);
            parts.push_back(std::string_view(phone).substr(at, dash - at));
            if (dash == std::string::npos) break;
            at = dash + 1;
        }
        const auto digits = [](std::string_view part, size_t least, size_t most) {
            return part.size() >= least && part.size() <= most &&
                   std::all_of(part.begin(), part.end(), [](char c) { return c >= '0' && c <= '9'; });
        };
        const std::string_view first = parts[0];
        if (parts.size() == 1)  // a service number (12345, 12393, 95xxx) or a mobile
            return (digits(first, 5, 5) && (first.rfind("12", 0) == 0 || first.rfind("95", 0) == 0)) ||
                   (digits(first, 11, 11) && first[0] == '1' && first[1] >= '3');
        // area code - number, then any keys to press (each 1 or 2 digits)
        if (!(digits(first, 3, 4) && first[0] == '0' && digits(parts[1], 5, 8))) return false;
        return std::all_of(parts.begin() + 2, parts.end(), [&](std::string_view key) { return digits(key, 1, 2); });
    }

    static bool valid_url(const std::string& url) {
        const size_t scheme = url.rfind("https://", 0) == 0 ? 8 : url.rfind("http://", 0) == 0 ? 7 : 0;
        return scheme && url.size() > scheme &&
               std::none_of(url.begin(), url.end(), [](char c) { return static_cast<unsigned char>(c) <= ' '; });
    }

    // Two dates of one object where the second may not precede the first; an order is only
    // checked when both parsed, so one typo gives one error.
    void ordered_dates(const Json& object, const std::string& at, const char* first_key, const char* second_key,
                       Date& first, Date& second, const char* message) {
        const auto a = read_.date(object, at, first_key, Need::required);
        const auto b = read_.date(object, at, second_key, Need::required);
        if (a) first = *a;
        if (b) second = *b;
        if (a && b && *b < *a) read_.fail(pointer_join(at, second_key), Code::out_of_order, message);
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
        read_.only_keys(s, at, {"id", "level", "title", "publisher", "date", "url", "text"});
        read_.text(s, at, "text", Need::optional);  // the source's words, for the quote check (rules/quotes.hpp)
        Source source;
        source.id = read_.text(s, at, "id", Need::required).value_or("");
        source.level = read_.text(s, at, "level", Need::required).value_or("");
        if (!source.level.empty() && source.level != "A" && source.level != "B" && source.level != "C")
            read_.fail(pointer_join(at, "level"), Code::unknown_value, "来源级别应为 A、B 或 C");
        source.title = read_.text(s, at, "title", Need::required).value_or("");
        source.publisher = read_.text(s, at, "publisher", Need::required).value_or("");
        source.date = read_.text(s, at, "date", Need::optional).value_or("");
        source.url = read_.text(s, at, "url", Need::optional).value_or("");
        if (s.contains("url") && s["url"].is_string() && !valid_url(source.url))
            read_.fail(pointer_join(at, "url"), Code::bad_url, "“" + source.url + "”不是网页地址；应以 http:// 或 https:// 开头，不含空格");
        r.sources.push_back(source);
        source_ids_.push_back(source.id);
    }

    void load_category(const Json& c, const std::string& at, Ruleset& r) {
        if (!read_.is_object(c, at)) return;
        read_.only_keys(c, at, {"id", "label", "when", "text", "basis"});
        Category category;
        category.id = read_.text(c, at, "id", Need::required).value_or("");
        category.label = read_.text(c, at, "label", Need::required).value_or("");
        vocabulary_.in_category = true;
        category.when = condition_member(c, at);
        vocabulary_.in_category = false;
        category.explain = explained(c, at, TextScope::member);
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
            read_.fail("/tiers/default", Code::unknown_value, "默认档次" + std::to_string(r.default_tier) + "不在 /tiers/levels 中");
    }

    // Each part of the waiting period: its id, its numbers (the JSON keys `numbers` names, read into months and
    // from_years), an optional condition, and its text and basis.
    WaitingPart waiting_part(const Json& item, const std::string& at, const char* months_key, const char* from_key,
                             int most_months) {
        WaitingPart part;
        if (!read_.is_object(item, at)) return part;
        part.id = read_.text(item, at, "id", Need::required).value_or("");
        if (months_key)
            part.months = static_cast<int>(read_.integer(item, at, months_key, Need::required, 0, most_months).value_or(0));
        if (from_key) part.from_years = static_cast<int>(read_.integer(item, at, from_key, Need::required, 1, 100).value_or(1));
        part.when = condition_member(item, at);
        part.explain = explained(item, at, TextScope::member);
        return part;
    }

    void load_waiting_period(const Json& w, WaitingPeriod& out) {
        const std::string at = "/waiting_period";
        if (!read_.is_object(w, at)) return;
        read_.only_keys(w, at, {"fixed", "variable", "repair", "floor", "exempt"});
        out.applies = true;
        auto part = [&](const char* key, std::initializer_list<const char*> keys, const char* months_key,
                        const char* from_key, int most, Need need) -> std::optional<WaitingPart> {
            const Json* item = read_.member(w, at, key, need);
            if (!item) return std::nullopt;
            if (item->is_object()) read_.only_keys(*item, pointer_join(at, key), keys);
            return waiting_part(*item, pointer_join(at, key), months_key, from_key, most);
        };
        out.fixed = part("fixed", {"id", "months", "when", "text", "basis"}, "months", nullptr, 120, Need::required)
                        .value_or(WaitingPart{});
        // {"unknown": {reason, ask}}: the sources give no variable part; only the fixed part is applied.
        if (const Json* variable = read_.member(w, at, "variable", Need::optional);
            variable && variable->is_object() && variable->contains("unknown"))
            out.variable_certainty = vocabulary_.date_fact(w, at, "variable", "waiting_period.variable").certainty;
        else
            out.variable = part("variable", {"id", "months_per_year", "from_lapsed_year", "text", "basis"},
                                "months_per_year", "from_lapsed_year", 12, Need::optional);
        out.repair = part("repair", {"id", "months_per_year", "text", "basis"}, "months_per_year", nullptr, 12,
                          Need::optional);
        out.floor = part("floor", {"id", "months", "from_lapsed_years", "text", "basis"}, "months", "from_lapsed_years",
                         120, Need::optional);
        if (const Json* exempt = read_.member(w, at, "exempt", Need::optional);
            exempt && read_.is_array(*exempt, pointer_join(at, "exempt"), true))
            for (size_t i = 0; i < exempt->size(); ++i) {
                const std::string e_at = pointer_join(pointer_join(at, "exempt"), i);
                if ((*exempt)[i].is_object()) read_.only_keys((*exempt)[i], e_at, {"id", "when", "text", "basis"});
                out.exempt.push_back(waiting_part((*exempt)[i], e_at, nullptr, nullptr, 0));
            }
    }

    MemberNote member_note(const Json& item, const std::string& at) {
        read_.only_keys(item, at, {"id", "when", "amount_fen", "per_year_fen", "after_years", "text", "basis"});
        MemberNote note;
        note.id = read_.text(item, at, "id", Need::required).value_or("");
        note.when = condition_member(item, at);
        constexpr std::int64_t kMost = 100000000;
        if (item.contains("per_year_fen")) {
            note.per_year = true;
            note.amount = Money::from_fen(read_.integer(item, at, "per_year_fen", Need::required, -kMost, kMost).value_or(0));
            note.after_years = static_cast<int>(read_.integer(item, at, "after_years", Need::required, 0, 150).value_or(0));
        } else {
            note.amount = Money::from_fen(read_.integer(item, at, "amount_fen", Need::optional, -kMost, kMost).value_or(0));
        }
        note.explain = explained(item, at, TextScope::member);
        return note;
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

    Explained explained(const Json& item, const std::string& at, TextScope scope) {
        Explained e;
        e.text = read_.text(item, at, "text", Need::required).value_or("");
        check_placeholders(read_, e.text, pointer_join(at, "text"), scope);
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
                read_.fail(pointer_join(b_at, "source"), Code::unknown_source, "来源“" + b.source + "”未在 /sources 中列出");
            if ((*list)[i].contains("quote") && b.quote.empty())
                read_.fail(pointer_join(b_at, "quote"), Code::empty, "引文不能为空");
            out.push_back(std::move(b));
        }
        return out;
    }

    Condition condition_member(const Json& item, const std::string& at) {
        const Json* when = read_.member(item, at, "when", Need::optional);
        return when ? condition(*when, pointer_join(at, "when")) : Condition{};
    }

    Condition condition(const Json& value, const std::string& at) { return vocabulary_.condition(value, at); }

    // waiting_months counts the waiting_period section's months: without one it is always 0, a silent mistake.
    void check_waiting_months_used(const Ruleset& r) {
        if (r.waiting_period.applies) return;
        for (const std::string& at : vocabulary_.waiting_months_used)
            read_.fail(at, Code::no_waiting_period,
                       "用到了待遇等待期的月数（waiting_months），但规则集没有 waiting_period，月数总是0；"
                       "请加上 waiting_period，或写明具体的月数");
    }

    // First match wins, so a rule after one whose condition always holds, or after one with the same condition,
    // can never apply: an error, not a rule that silently never fires.
    // Equal as JSON, whatever the order of an object's keys (an ordered_json compares them in order).
    static bool same_json(const Json& a, const Json& b) {
        if (a.is_object() && b.is_object()) {
            if (a.size() != b.size()) return false;
            for (const auto& item : a.items()) {
                const auto other = b.find(item.key());
                if (other == b.end() || !same_json(item.value(), *other)) return false;
            }
            return true;
        }
        if (a.is_array() && b.is_array()) {
            if (a.size() != b.size()) return false;
            for (size_t i = 0; i < a.size(); ++i)
                if (!same_json(a[i], b[i])) return false;
            return true;
        }
        return a == b;
    }

    void check_reachable(const Json& doc, const char* key) {
        const auto found = doc.find(key);
        if (found == doc.end() || !found->is_array()) return;
        const Json& list = *found;
        static const Json always = Json::object();
        auto condition_of = [](const Json& item) -> const Json& {
            const auto when = item.is_object() ? item.find("when") : item.end();
            return when == item.end() ? always : *when;
        };
        for (size_t i = 0; i < list.size(); ++i) {
            const Json& when = condition_of(list[i]);
            for (size_t j = 0; j < i; ++j) {
                const Json& earlier = condition_of(list[j]);
                if (!(earlier.is_object() && earlier.empty()) && !same_json(earlier, when)) continue;
                const Json& other = list[j];
                const std::string id = "“" + (other.is_object() && other.value("id", Json()).is_string()
                                                   ? other["id"].get<std::string>() : std::to_string(j)) + "”";
                std::string at = pointer_join(pointer_join("", key), i);
                if (list[i].is_object() && list[i].contains("when")) at = pointer_join(at, "when");
                read_.fail(at, Code::unreachable_rule,
                           earlier.empty() ? "前面的规则" + id + "条件为空、总是适用，这条规则永远用不上；请把它移到" + id + "前面，或删去"
                                           : "条件与前面的规则" + id + "完全相同，这条规则永远用不上；请改正条件，或删去");
                break;
            }
        }
    }

    void check_duplicates(const Ruleset& r) {
        auto check = [&](const char* list, auto& items, auto id_of) {
            std::set<std::string> seen;
            for (size_t i = 0; i < items.size(); ++i)
                if (!seen.insert(id_of(items[i])).second)
                    read_.fail(pointer_join(pointer_join(pointer_join("", list), i), "id"), Code::duplicate_id,
                               "编号“" + id_of(items[i]) + "”重复");
        };
        check("sources", r.sources, [](const Source& s) { return s.id; });
        check("categories", r.categories, [](const Category& c) { return c.id; });
        check("contributions", r.contributions, [](const ContributionRule& c) { return c.id; });
        check("benefit_rules", r.benefit_rules, [](const BenefitRule& b) { return b.id; });
        check("member_notes", r.member_notes, [](const MemberNote& n) { return n.id; });
    }

    Issues& issues_;
    const size_t issues_before_;
    JsonReader read_;
    std::vector<std::string> source_ids_;
    std::vector<std::string> category_ids_;
    VocabularyReader vocabulary_;
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
