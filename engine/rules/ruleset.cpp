#include "rules/ruleset.hpp"

#include "rules/merge.hpp"

#include <algorithm>
#include <set>

#include "rules/fields.hpp"
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
const AssistanceGroup* Ruleset::assistance_group(int group) const {
    return group > 0 && static_cast<size_t>(group) <= assistance_groups.size() ? &assistance_groups[static_cast<size_t>(group) - 1]
                                                                              : nullptr;
}
int Ruleset::assistance_index(const std::string& group_id) const {
    for (size_t i = 0; i < assistance_groups.size(); ++i)
        if (assistance_groups[i].id == group_id) return static_cast<int>(i) + 1;
    return 0;
}

const FeePart* Ruleset::fee_part(const std::string& part_id) const {
    for (const auto& p : fee_parts)
        if (p.id == part_id) return &p;
    return nullptr;
}

std::vector<const Certainty*> ContributionRule::certainties() const {
    std::vector<const Certainty*> facts;
    for_each_certainty([&](const Certainty& c) { facts.push_back(&c); });
    return facts;
}

std::vector<const Certainty*> Ruleset::certainties() const {
    std::vector<const Certainty*> facts;
    for (const ContributionRule& c : contributions) {
        const auto own = c.certainties();
        facts.insert(facts.end(), own.begin(), own.end());
    }
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

std::vector<RulesetDocument> data_documents(std::string_view text, Issues& issues) {
    std::vector<RulesetDocument> documents;
    if (const auto array = parse_json(text, issues)) {
        if (!array->is_array())
            issues.push_back({"", Code::wrong_type, "规则集数据应为数组（JSON array）"});
        else
            for (size_t i = 0; i < array->size(); ++i) documents.push_back({pointer_join("", i), (*array)[i]});
    }
    return documents;
}

std::vector<DocumentName> document_names(const std::vector<RulesetDocument>& documents) {
    const auto text = [](const Json& document, const char* key) {
        const auto found = document.is_object() ? document.find(key) : document.end();
        return document.is_object() && found != document.end() && found->is_string() ? found->get<std::string>() : "";
    };
    std::vector<DocumentName> names;
    for (const RulesetDocument& d : documents) names.push_back({text(d.json, "id"), text(d.json, "title")});
    return names;
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
                    // What a ruleset for another year must say for itself rather than inherit.
                    for (const Field* f : fields_of("ruleset"))
                        if (f->own && !d.json.contains(f->key))
                            issues.push_back({pointer_join("", std::string(f->key)), Code::missing,
                                              "以其他规则集为基础时，须写明本年度自己的“" + std::string(f->key) + "”"});
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
        FieldReader top(read_, "ruleset", doc, "");
        top.text("$schema");  // for editors and authors only: read that they are text
        top.text("$comment");
        Ruleset r;
        r.id = top.text("id").value_or("");
        if (doc.contains("id") && doc["id"].is_string() && !valid_id(r.id))
            read_.fail("/id", Code::invalid_id, "规则集编号应为1到" + std::to_string(kMaxIdLength) +
                                                    "个字符，只含小写字母、数字、连字符（-）和下划线（_）");
        r.base = top.text("base").value_or("");
        r.region = top.text("region").value_or("");
        r.year = static_cast<int>(top.integer("year").value_or(0));
        r.title = top.text("title").value_or("");
        r.unconfirmed_note = top.text("unconfirmed_note").value_or("");

        // Sources first: every basis below must name one of them.
        each_object(top, "sources", [&](FieldReader& source) { load_source(source, r); });

        if (auto days = top.part("benefit_year"))
            ordered_dates(*days, "start", "end", r.benefit_year_start, r.benefit_year_end, "待遇年度的结束日期早于开始日期");
        if (auto window = top.part("collection")) {
            r.payable_from = vocabulary_.date_fact(window->object(), window->at(), "opens", "collection.opens");
            r.payable_to = vocabulary_.date_fact(window->object(), window->at(), "closes", "collection.closes");
            if (!r.payable_from.unknown() && !r.payable_to.unknown() && r.payable_to.value < r.payable_from.value)
                read_.fail(window->path("closes"), Code::out_of_order, "缴费截止日期早于开始日期");
            r.collection = explained(*window, TextScope::ruleset);
        }
        if (auto deadline = top.part("continuity_deadline")) {
            r.continuity_deadline = vocabulary_.date_fact(deadline->object(), deadline->at(), "date", "continuity_deadline");
            r.deadline = explained(*deadline, TextScope::ruleset);
        }

        // Groups and questions before any condition, which may name them.
        load_groups_and_questions(top, r);

        // Ids first, so that later conditions can name any category.
        if (const Json* categories = each_object(top, "categories", [&](FieldReader& c) { load_category(c, r); })) {
            for (const auto& c : r.categories) category_ids_.push_back(c.id);
            if (!r.categories.empty() && r.categories.back().when.keyword)
                read_.fail(pointer_join(pointer_join("/categories", categories->size() - 1), "when"), Code::no_fallback,
                           "最后一个类别的条件必须为空对象 {}，保证每位成员都有类别");
        }
        if (auto tiers = top.part("tiers")) load_tiers(*tiers, r);
        each_object(top, "fee_parts", [&](FieldReader& p) {
            FeePart part;
            part.id = p.text("id").value_or("");
            part.label = p.text("label").value_or("");
            if (const Json* payer = p.value("payer"))
                if (auto index = read_.choice_value(*payer, p.path("payer"), {"individual", "government"}))
                    part.payer = static_cast<Payer>(*index);
            part.basis = basis(p);
            r.fee_parts.push_back(std::move(part));
        });

        each_object(top, "contributions", [&](FieldReader& item) {
            ContributionRule rule;
            rule.id = item.text("id").value_or("");
            rule.label = item.text("label").value_or("");
            rule.when = condition_member(item);
            const size_t problems = issues_.size();
            each_object(item, "parts", [&](FieldReader& p) { rule.parts.push_back(contribution_part(p, r)); });
            // One mistake, one error: parts that could not be read are not added up.
            const bool parts_read = issues_.size() == problems;
            rule.individual = amount_by_parts(item, r, rule.parts, Payer::individual, "individual_fen", parts_read);
            rule.subsidy = amount_by_parts(item, r, rule.parts, Payer::government, "subsidy_fen", parts_read);
            rule.caveat = item.text("caveat").value_or("");
            if (auto tier = item.part("benefit_tier")) {
                BenefitTier& b = rule.benefit_tier.emplace();
                for (auto [key, value] : {std::pair{"paid", &b.paid}, std::pair{"benefits", &b.benefits}}) {
                    *value = static_cast<int>(tier->integer(key).value_or(0));
                    if (*value && !r.tier(*value))
                        read_.fail(tier->path(key), Code::unknown_tier,
                                   "档次" + std::to_string(*value) + "不在 /tiers/levels 中");
                }
                b.basis = basis(*tier);
            }
            rule.explain = explained(item, TextScope::member);
            r.contributions.push_back(std::move(rule));
        });
        each_object(top, "add_ons", [&](FieldReader& item) {
            AddOn add_on;
            add_on.id = item.text("id").value_or("");
            add_on.label = item.text("label").value_or("");
            add_on.when = condition_member(item);
            add_on.amount = Money::from_fen(item.integer("amount_fen").value_or(0));
            add_on.explain = explained(item, TextScope::member);
            r.add_ons.push_back(std::move(add_on));
        });
        each_object(top, "benefit_rules", [&](FieldReader& item) {
            BenefitRule rule;
            rule.id = item.text("id").value_or("");
            rule.when = condition_member(item);
            // {"unknown": {reason, ask}}: the sources do not say when benefits start (e.g. a newborn's).
            if (const Json* start = item.value("start"); start && start->is_object() && start->contains("unknown"))
                rule.start_certainty = vocabulary_.date_fact(item.object(), item.at(), "start", "benefit_start").certainty;
            else if (start)
                rule.start = vocabulary_.date(*start, item.path("start"));
            rule.end = vocabulary_.date("year_end", item.path("end"));
            if (const Json* end = item.value("end")) rule.end = vocabulary_.date(*end, item.path("end"));
            rule.waiting = item.boolean("waiting").value_or(false);
            rule.caveat = item.text("caveat").value_or("");
            rule.explain = explained(item, TextScope::member);
            r.benefit_rules.push_back(std::move(rule));
        });
        if (auto waiting = top.part("waiting_period")) load_waiting_period(*waiting, r.waiting_period);
        each_object(top, "member_notes", [&](FieldReader& item) { r.member_notes.push_back(member_note(item)); });
        each_object(top, "registration", [&](FieldReader& item) { r.registration.push_back(channel(item, false)); });
        each_object(top, "payment_channels", [&](FieldReader& item) { r.payment.push_back(channel(item, true)); });
        each_object(top, "contacts", [&](FieldReader& item) {
            const auto name = item.text("name");
            const auto phone = item.text("phone");
            r.contacts.push_back({name.value_or(""), phone.value_or(""), item.text("detail").value_or("")});
            if (phone && !valid_phone(*phone))
                read_.fail(item.path("phone"), Code::bad_phone,
                           "“" + *phone + "”不是可拨打的电话号码；应写作区号-号码（如 0532-12345678，分机或按键用连字符接在后面，"
                           "如 024-12345-1-7）、12345 这样的五位服务号码、95开头的五位号码或11位手机号码");
        });
        if (const Json* sites = top.value("websites"))
            for (const Json& site : *sites) r.websites.push_back(site.get<std::string>());
        if (auto silences = top.part("silences")) {
            r.silent_on_assistance = silences->text("assistance").value_or("");
            r.silent_on_tier = silences->text("tier").value_or("");
        }
        check_waiting_months_used(r);
        for (size_t h = 0; h < history_names().size(); ++h)
            if (!decided_by_rules(static_cast<History>(h)) || (vocabulary_.histories_named >> h & 1u))
                r.histories |= 1u << h;
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
    // Two dates of one object where the second may not precede the first; an order is only
    // checked when both parsed, so one typo gives one error.
    void ordered_dates(FieldReader& object, const char* first_key, const char* second_key, Date& first, Date& second,
                       const char* message) {
        const auto a = object.date(first_key);
        const auto b = object.date(second_key);
        if (a) first = *a;
        if (b) second = *b;
        if (a && b && *b < *a) read_.fail(object.path(second_key), Code::out_of_order, message);
    }

    // Each object of the list `key` of `parent`, read as the field table names its items; the list, when given.
    template <typename Each>
    const Json* each_object(FieldReader& parent, const char* key, Each each) {
        const Json* list = parent.value(key);
        if (!list) return nullptr;
        const std::string_view object = parent.field(key)->of;
        const std::string path = parent.path(key);
        for (size_t i = 0; i < list->size(); ++i) {
            const std::string at = pointer_join(path, i);
            if (!read_.is_object((*list)[i], at)) continue;
            FieldReader item(read_, object, (*list)[i], at);
            each(item);
        }
        return list;
    }

    void load_source(FieldReader& s, Ruleset& r) {
        Source source;
        source.id = s.text("id").value_or("");
        source.level = s.text("level").value_or("");
        if (!source.level.empty() && source.level != "A" && source.level != "B" && source.level != "C")
            read_.fail(s.path("level"), Code::unknown_value, "来源级别应为 A、B 或 C");
        source.title = s.text("title").value_or("");
        source.publisher = s.text("publisher").value_or("");
        source.date = s.text("date").value_or("");
        s.text("text");  // the source's words, for the quote check (rules/quotes.hpp); checked as text here
        const auto url = s.text("url");
        source.url = url.value_or("");
        if (url && !valid_url(*url))
            read_.fail(s.path("url"), Code::bad_url, "“" + source.url + "”不是网页地址；应以 http:// 或 https:// 开头，不含空格");
        r.sources.push_back(source);
        source_ids_.push_back(source.id);
    }

    void load_category(FieldReader& c, Ruleset& r) {
        Category category;
        category.id = c.text("id").value_or("");
        category.label = c.text("label").value_or("");
        vocabulary_.in_category = true;
        category.when = condition_member(c);
        vocabulary_.in_category = false;
        category.explain = explained(c, TextScope::member);
        r.categories.push_back(std::move(category));
    }

    // An id a request, a share link and a roster carry: ASCII, so it never needs quoting.
    void check_plain_id(FieldReader& item, const std::string& id, const char* what) {
        const bool plain = !id.empty() && id.size() <= kMaxIdLength && std::all_of(id.begin(), id.end(), [](char c) {
            return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
        });
        if (!id.empty() && !plain)
            read_.fail(item.path("id"), Code::invalid_id,
                       std::string(what) + "编号“" + id + "”应为1到64个小写字母、数字或下划线（_）");
    }

    void load_groups_and_questions(FieldReader& top, Ruleset& r) {
        each_object(top, "assistance_groups", [&](FieldReader& g) {
            AssistanceGroup group;
            const size_t before = issues_.size();
            group.id = g.text("id").value_or("");
            check_plain_id(g, group.id, "特殊人群");
            if (group.id == "none") read_.fail(g.path("id"), Code::unknown_value, "“none”表示不属于特殊人群，不能作为人群编号");
            if (issues_.size() != before) vocabulary_.assistance_refused = true;
            group.label = g.text("label").value_or("");
            group.who = g.text("who").value_or("");
            group.basis = basis(g);  // required with `who`
            r.assistance_groups.push_back(std::move(group));
            vocabulary_.assistance_ids.push_back(r.assistance_groups.back().id);
        });
        if (auto several = top.part("several_groups")) {
            SeveralGroups rule;
            rule.take = several->text("take").value_or("");
            if (several->object().contains("take") && several->object()["take"].is_string() && rule.take != "highest")
                read_.fail(several->path("take"), Code::unknown_value, "take 应为 highest（就高）");
            rule.explain = explained(*several, TextScope::member);
            r.several_groups = std::move(rule);
            if (r.assistance_groups.size() < 2)
                read_.fail("/several_groups", Code::unknown_value, "assistance_groups 少于两个人群，不会有人同时属于几个人群");
        }
        each_object(top, "member_questions", [&](FieldReader& q) {
            MemberQuestion question;
            question.id = q.text("id").value_or("");
            check_plain_id(q, question.id, "问题");
            question.label = q.text("label").value_or("");
            question.question = q.text("question").value_or("");
            QuestionIds ids{question.id, {}};
            each_object(q, "answers", [&](FieldReader& a) {
                MemberQuestion::Answer answer{a.text("id").value_or(""), a.text("label").value_or("")};
                check_plain_id(a, answer.id, "答案");
                if (std::find(ids.answers.begin(), ids.answers.end(), answer.id) != ids.answers.end())
                    read_.fail(a.path("id"), Code::duplicate_id, "答案编号“" + answer.id + "”重复");
                ids.answers.push_back(answer.id);
                question.answers.push_back(std::move(answer));
            });
            if (auto given = q.text("default")) {
                const auto found = std::find(ids.answers.begin(), ids.answers.end(), *given);
                if (found == ids.answers.end())
                    read_.fail(q.path("default"), Code::unknown_value, "默认答案“" + *given + "”不在 answers 中");
                else question.default_answer = static_cast<int>(found - ids.answers.begin());
            }
            question.basis = basis(q);
            r.member_questions.push_back(std::move(question));
            vocabulary_.questions.push_back(std::move(ids));
        });
    }

    void load_tiers(FieldReader& tiers, Ruleset& r) {
        if (const Json* applies = tiers.value("applies_to")) r.tier_applies = condition(*applies, tiers.path("applies_to"));
        each_object(tiers, "levels", [&](FieldReader& level) {
            Tier tier;
            tier.id = static_cast<int>(level.integer("id").value_or(0));
            tier.label = level.text("label").value_or("");
            r.tiers.push_back(tier);
        });
        r.default_tier = static_cast<int>(tiers.integer("default").value_or(0));
        if (r.default_tier && !r.tier(r.default_tier))
            read_.fail(tiers.path("default"), Code::unknown_value,
                       "默认档次" + std::to_string(r.default_tier) + "不在 /tiers/levels 中");
    }

    // Each part of the waiting period: its id, its numbers (the keys named here, read into months and from_years),
    // an optional condition, and its text and basis.
    WaitingPart waiting_part(FieldReader& item, const char* months_key, const char* from_key) {
        WaitingPart part;
        part.id = item.text("id").value_or("");
        if (months_key) part.months = static_cast<int>(item.integer(months_key).value_or(0));
        if (from_key) part.from_years = static_cast<int>(item.integer(from_key).value_or(1));
        part.when = condition_member(item);
        part.explain = explained(item, TextScope::member);
        return part;
    }

    void load_waiting_period(FieldReader& w, WaitingPeriod& out) {
        out.applies = true;
        auto part = [&](const char* key, const char* months_key, const char* from_key) -> std::optional<WaitingPart> {
            auto reader = w.part(key);
            if (!reader) return std::nullopt;
            return waiting_part(*reader, months_key, from_key);
        };
        out.fixed = part("fixed", "months", nullptr).value_or(WaitingPart{});
        // {"unknown": {reason, ask}}: the sources give no variable part; only the fixed part is applied.
        const auto variable = w.object().find("variable");
        if (variable != w.object().end() && variable->is_object() && variable->contains("unknown"))
            out.variable_certainty = vocabulary_.date_fact(w.object(), w.at(), "variable", "waiting_period.variable").certainty;
        else
            out.variable = part("variable", "months_per_year", "from_lapsed_year");
        out.repair = part("repair", "months_per_year", nullptr);
        out.floor = part("floor", "months", "from_lapsed_years");
        each_object(w, "exempt", [&](FieldReader& item) { out.exempt.push_back(waiting_part(item, nullptr, nullptr)); });
    }

    ContributionPart contribution_part(FieldReader& item, const Ruleset& r) {
        ContributionPart part;
        part.id = item.text("id").value_or("");
        const FeePart* declared = r.fee_part(part.id);
        if (item.object().contains("id") && item.object()["id"].is_string() && !part.id.empty() && !declared)
            read_.fail(item.path("id"), Code::unknown_value, "费用组成“" + part.id + "”未在 /fee_parts 中列出");
        part.amount = vocabulary_.amount(item.object(), item.at(), "amount_fen", "parts." + part.id);
        if (declared) part.amount.certainty.label = declared->label;
        part.basis = basis(item);
        return part;
    }

    // A contribution's individual_fen or subsidy_fen: as given, or where the rule has parts paid by `payer`, their
    // sum (unknown when one of them is), which a total given beside them must equal.
    Fact<Money> amount_by_parts(FieldReader& item, const Ruleset& r, const std::vector<ContributionPart>& parts, Payer payer,
                                const char* key, bool parts_read) {
        Fact<Money> sum;  // its fact left unnamed: it rests on its parts' facts, not on one of its own
        std::string terms;  // e.g. 基本医保450元＋长期护理保险30元
        bool any = false;
        for (const ContributionPart& p : parts) {
            const FeePart* declared = r.fee_part(p.id);
            if (!declared || declared->payer != payer) continue;
            any = true;
            if (p.amount.unknown()) sum.certainty.kind = Certainty::Kind::unknown;
            else if (p.amount.provisional() && sum.known()) sum.certainty.kind = Certainty::Kind::provisional;
            sum.value = Money::from_fen(sum.value.fen + p.amount.value.fen);
            terms += (terms.empty() ? "" : "＋") + declared->label + (p.amount.unknown() ? "（尚未公布）" : p.amount.value.yuan_text());
        }
        if (!any) return vocabulary_.amount(item.object(), item.at(), key, key);
        if (!item.object().contains(key) || item.object()[key].is_null()) return sum;
        const Fact<Money> total = vocabulary_.amount(item.object(), item.at(), key, key);
        const char* what = payer == Payer::individual ? "个人缴费" : "政府补助";
        if (parts_read && (total.unknown() != sum.unknown() || (!sum.unknown() && total.value.fen != sum.value.fen)))
            read_.fail(item.path(key), Code::parts_do_not_add_up,
                       std::string(what) + "合计" + (total.unknown() ? "尚未公布" : "为" + total.value.yuan_text()) +
                           "，但它的各部分相加为" + (sum.unknown() ? "尚未公布" : sum.value.yuan_text()) + "（" + terms +
                           "）；请改正合计或各部分，或删去合计");
        return total;  // the same figure, and what it says of itself (why it is unknown) is told too
    }

    MemberNote member_note(FieldReader& item) {
        MemberNote note;
        note.id = item.text("id").value_or("");
        note.when = condition_member(item);
        const auto amount = item.integer("amount_fen");
        const auto per_year = item.integer("per_year_fen");
        const auto after = item.integer("after_years");
        note.per_year = item.value("per_year_fen") != nullptr;
        note.amount = Money::from_fen(note.per_year ? per_year.value_or(0) : amount.value_or(0));
        note.after_years = static_cast<int>(after.value_or(0));
        note.explain = explained(item, TextScope::member);
        return note;
    }

    Channel channel(FieldReader& item, bool payment) {
        Channel c;
        c.id = item.text("id").value_or("");
        c.who = item.text("name").value_or("");
        c.how = item.text("detail").value_or("");
        c.when = condition_member(item);
        if (auto account = item.part("family_account")) {
            if (!payment)
                read_.fail(item.path("family_account"), Code::unknown_field,
                           "职工医保个人账户家庭共济是一种缴费方式，只能写在缴费渠道（payment_channels）里");
            FamilyAccount& a = c.family_account.emplace();
            if (const Json* relatives = account->value("relatives"))
                for (const Json& relative : *relatives) a.relatives.push_back(relative.get<std::string>());
            if (const auto above = account->integer("balance_above_fen")) a.balance_above = Money::from_fen(*above);
            a.filing = account->text("filing").value_or("");
            a.basis = basis(*account);
        }
        c.basis = basis(item);
        return c;
    }

    Explained explained(FieldReader& item, TextScope scope) {
        Explained e;
        e.text = item.text("text").value_or("");
        check_placeholders(read_, e.text, item.path("text"), scope);
        e.basis = basis(item);
        return e;
    }

    // Every rule must say where it comes from: at least one {source, quote}, the source declared above.
    std::vector<Basis> basis(FieldReader& item) {
        std::vector<Basis> out;
        each_object(item, "basis", [&](FieldReader& b) {
            Basis one;
            one.source = b.text("source").value_or("");
            one.quote = b.text("quote").value_or("");
            if (!one.source.empty() && std::find(source_ids_.begin(), source_ids_.end(), one.source) == source_ids_.end())
                read_.fail(b.path("source"), Code::unknown_source, "来源“" + one.source + "”未在 /sources 中列出");
            out.push_back(std::move(one));
        });
        return out;
    }

    Condition condition_member(FieldReader& item) {
        const Json* when = item.value("when");
        return when ? condition(*when, item.path("when")) : Condition{};
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
        check("fee_parts", r.fee_parts, [](const FeePart& p) { return p.id; });
        check("add_ons", r.add_ons, [](const AddOn& a) { return a.id; });
        for (size_t i = 0; i < r.contributions.size(); ++i) {
            std::set<std::string> seen;
            const auto& parts = r.contributions[i].parts;
            for (size_t k = 0; k < parts.size(); ++k)
                if (!seen.insert(parts[k].id).second)
                    read_.fail(pointer_join(pointer_join(pointer_join(pointer_join("/contributions", i), "parts"), k), "id"),
                               Code::duplicate_id, "费用组成“" + parts[k].id + "”在这条规则中重复");
        }
        check("assistance_groups", r.assistance_groups, [](const AssistanceGroup& g) { return g.id; });
        check("member_questions", r.member_questions, [](const MemberQuestion& q) { return q.id; });
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
