#include "rules/fields.hpp"

#include <iterator>
#include <tuple>
#include <utility>

#include "core/doc.hpp"
#include "rules/vocabulary.hpp"

namespace yibao {

namespace {

using K = FieldKind;
constexpr Need req = Need::required;
constexpr Need opt = Need::optional;

// A field: its key, kind and need, its description, and the workbench's words for it (label and hint, in Chinese).
constexpr Field row(const char* object, const char* key, FieldKind kind, Need need,
                    [[maybe_unused]] std::string_view description, [[maybe_unused]] std::string_view label,
                    [[maybe_unused]] std::string_view hint) {
    Field f{};
    f.object = object;
    f.key = key;
    f.kind = kind;
    f.need = need;
#ifndef YIBAO_LEAN
    f.description = description;
    f.label = label;
    f.hint = hint;
#endif
    return f;
}
constexpr Field range(Field f, std::int32_t min, std::int32_t max) {
    f.min = min;
    f.max = max;
    return f;
}
// An object, or a list of at least `least` objects, of the table.
constexpr Field of(Field f, const char* name, std::int32_t least = 0) {
    f.of = name;
    f.min = least;
    return f;
}
constexpr Field most(Field f, std::int32_t items) {
    f.max = items;
    return f;
}
constexpr Field non_empty(Field f) {
    f.min = 1;
    return f;
}
constexpr Field own(Field f) {
    f.own = true;
    return f;
}
constexpr Field with(Field f, const char* key) {
    f.with = key;
    return f;
}
constexpr Field unless(Field f, const char* key) {
    f.unless = key;
    return f;
}
constexpr Field names(Field f, const char* list) {
    f.names = list;
    return f;
}
constexpr Field or_unknown(Field f) {
    f.or_unknown = true;
    return f;
}
constexpr Field schema(Field f, [[maybe_unused]] std::string_view json) {
#ifndef YIBAO_LEAN
    f.schema = json;
#endif
    return f;
}
// An enum's values in words: a JSON object from each value of the schema's enum to what the workbench shows.
constexpr Field words(Field f, [[maybe_unused]] std::string_view json) {
#ifndef YIBAO_LEAN
    f.words = json;
#endif
    return f;
}

// Every object of a ruleset that explains itself says it in words, with its basis.
constexpr Field text(const char* object) {
    return row(object, "text", K::text, req,
               DOC("plain Chinese explanation shown with the result; {placeholders} as listed below (texts about a "
                   "member may use all, ruleset-level texts only year_start, year_end and deadline)"),
               DOC("说明文字（测算页上显示）"), DOC("大括号里的词（例如 {start}、{deadline}）会换成日期或金额。"));
}
constexpr Field basis(const char* object) {
    return of(row(object, "basis", K::list, req, DOC("where the rule comes from: at least one source and its words"),
                  DOC("依据"), DOC("这一条出自哪份来源的哪句原话。")),
              "basis", 1);
}
constexpr Field id(const char* object, std::string_view label, std::string_view hint) {
    return row(object, "id", K::text, req, DOC("names the item; a ruleset with a base changes or removes it by this id"),
               label, hint);
}
constexpr Field when(const char* object, std::string_view description, std::string_view label, std::string_view hint) {
    return row(object, "when", K::condition, opt, description, label, hint);
}

// Built at compile time: the page's engine carries the table as data, not as code that makes it.
constexpr ObjectShape kObjects[] = {
        {"ruleset", "",
         DOC("One city's resident medical insurance (居民医保) rules for one insurance year. With `base`, only what "
             "changed: objects merge key by key, lists of items with an id item by item."),
         DOC("规则"), DOC("一座城市一个参保年度的居民医保规则。")},
        {"source", "sources[]", DOC("A document the rules quote."), DOC("来源"),
         DOC("规则引用的文件，例如当年的参保缴费通知。")},
        {"benefit_year", "benefit_year", DOC("The insurance (benefit) year's first and last day."), DOC("待遇年度"),
         DOC("医保待遇从哪天到哪天。")},
        {"collection", "collection",
         DOC("When a payment for this year is possible at all; outside it an estimate is an error."), DOC("缴费期"),
         DOC("这一年度的医保费从哪天起、到哪天止可以缴。")},
        {"continuity_deadline", "continuity_deadline", DOC("The last payment date that keeps cover continuous."),
         DOC("集中缴费截止日"), DOC("在这天（含）之前缴费，才算连续参保。")},
        {"category", "categories[]",
         DOC("Who pays which kind of contribution; the first match decides a member's category."), DOC("人员类别"),
         DOC("缴费标准按人员类别分，例如 成年居民、少年儿童；从上往下，第一个符合的类别算数。")},
        {"tiers", "tiers", DOC("The levels a member may choose, and to whom they apply."), DOC("缴费档次"),
         DOC("居民可以选的缴费档次，以及哪些人要选。")},
        {"tier", "tiers.levels[]", DOC("One level."), DOC("档次"), DOC("一个缴费档次，例如 一档。")},
        {"assistance_group", "assistance_groups[]", DOC("A group of assisted members the sources name."),
         DOC("特殊人群"), DOC("来源里说到的资助参保人群，例如 低保对象、特困人员。")},
        {"fee_part", "fee_parts[]",
         DOC("A kind of money the notice names, and who pays it: e.g. 基本医保 and 长期护理保险 paid by the member, "
             "财政补助 and 医疗救助资助 paid by the government. Contribution rules may give their amounts by these parts."),
         DOC("费用组成"),
         DOC("通知里分开列出的一笔钱，以及由谁出，例如 个人缴的基本医保费450元、长期护理保险费30元，政府出的财政补助、"
             "医疗救助资助。")},
        {"several_groups", "several_groups",
         DOC("How one support is chosen for a member in several assistance groups, as the sources say (按“就高”原则，"
             "不重复资助). Without it a member may be in one group only."),
         DOC("同时属于几类特殊人群时"),
         DOC("一个人同时属于几类特殊人群时按哪一类资助，例如通知写“按就高原则，不重复资助”。不填，一个人只能属于一类。")},
        {"member_question", "member_questions[]",
         DOC("A fact about a member the city's rules ask (性别, 户口新迁入 …): the page, the CLI request (`answers`) "
             "and the roster (a column headed by its label) ask it only for this ruleset; the condition `answer` "
             "tests it."),
         DOC("本市要问的问题"),
         DOC("本市规则要问的个人情况，例如 性别、户口是否新迁入；测算页和花名册只在这份规则里问它。")},
        {"answer", "member_questions[].answers[]", DOC("One answer allowed."), DOC("回答"),
         DOC("这个问题可以选的一个回答，例如 女。")},
        {"contribution", "contributions[]",
         DOC("A row of the fee table: the first match gives the individual contribution and the subsidy."),
         DOC("缴费标准"), DOC("缴费标准表的一行：个人缴多少、政府补助多少；从上往下，第一个符合的算数。")},
        {"add_on", "add_ons[]",
         DOC("An optional add-on a member chooses, with its own fee (自愿参加…大病医疗互助补充保险): taken by each member "
             "its `when` matches, usually an answer to one of member_questions. Its fee is told apart, never added to "
             "the individual contribution: the member's `add_ons` and the household's `totals.add_ons`."),
         DOC("自愿参加的项目"),
         DOC("通知写了居民可以自愿参加、另外缴费的项目时才填，例如 大病医疗互助补充保险；用“本市要问的问题”问居民参不参加。")},
        {"contribution_part", "contributions[].parts[]",
         DOC("The rule's amount of one fee part, with its basis. The individual contribution is the sum of the parts "
             "the member pays, the subsidy the sum of the government's; an unknown part makes its sum unknown."),
         DOC("分项金额"),
         DOC("这一行缴费标准里一笔费用组成的金额，例如 财政补助700元。个人缴费是个人出的各项之和，政府补助是政府出的各项之和。")},
        {"benefit_tier", "contributions[].benefit_tier",
         DOC("A tier of benefits other than the tier paid (按照一档标准缴费，享受二档标准的医保待遇): the answer names "
             "both, for the members of the rule."),
         DOC("享受哪一档待遇"), DOC("通知写了按一档缴费、享受二档待遇这类话时才填。")},
        {"benefit_rule", "benefit_rules[]",
         DOC("The first match gives the day benefits start (and end). A start after the end means the payment buys no "
             "cover that year."),
         DOC("待遇开始规则"), DOC("缴费后从哪天开始享受待遇；从上往下，第一个符合的规则算数。")},
        {"waiting_period", "waiting_period",
         DOC("The waiting period of the 2025 reform (国办发〔2024〕38号), in the city's numbers: fixed + variable − "
             "repaired, at least the floor; benefit rules count it with {\"add_months\": [E, \"waiting_months\"]}."),
         DOC("待遇等待期"), DOC("断保后再参保、集中缴费期后参保要等待的月数（2025年起的规定）。")},
        {"waiting_fixed", "waiting_period.fixed", DOC("The fixed part."), DOC("固定等待期"),
         DOC("不论断保几年都有的等待月数。")},
        {"waiting_variable", "waiting_period.variable", DOC("The part that grows with the lapsed years."),
         DOC("断保增加的等待期"), DOC("每多断保1年，等待期增加的月数。")},
        {"waiting_repair", "waiting_period.repair",
         DOC("What paying back lapsed years takes off the variable part; the fixed part never shrinks."),
         DOC("补缴修复"), DOC("补缴断保的年份，可以减少断保增加的等待期；固定等待期不减。")},
        {"waiting_floor", "waiting_period.floor", DOC("The least total after repair."), DOC("修复后最短等待期"),
         DOC("补缴以后，等待期最少还有几个月。")},
        {"waiting_exempt", "waiting_period.exempt[]",
         DOC("Who has no waiting period (first match), e.g. newborns paid in their window."), DOC("不设等待期的人员"),
         DOC("哪些人不用等待，例如 出生90天内参保的新生儿。")},
        {"member_note", "member_notes[]",
         DOC("Information for a member whose facts match, e.g. how the 大病保险 ceiling changes."), DOC("提示"),
         DOC("符合条件的人会看到的说明，例如 大病保险起付线怎样变化。")},
        {"channel", "registration[], payment_channels[]",
         DOC("A way to register or pay; a registration route is shown when a member of the household matches."),
         DOC("渠道"), DOC("参保登记或缴费的地方和办法。")},
        {"family_account", "payment_channels[].family_account",
         DOC("Paying a member's fee from a relative's employee medical insurance account (职工医保个人账户家庭共济): for "
             "whom an employee's account may pay, above which balance, and the filing it needs. It is listed with the "
             "ways to pay and told to each member the channel's `when` matches; it changes no amount."),
         DOC("职工医保个人账户家庭共济"),
         DOC("通知写了可以用家人的职工医保个人账户缴费时才填：可以为哪些亲属缴费、账户余额超过多少的部分可以用、要先办理什么备案或绑定。")},
        {"contact", "contacts[]", DOC("Whom to ask."), DOC("联系方式"), DOC("有问题向谁咨询。")},
        {"silences", "silences",
         DOC("What to tell a member about what the sources do not say; the ordinary rule is used."),
         DOC("来源没有说明时的提示"), DOC("来源没有说到的情况按普通标准估算，同时告诉居民这句话。")},
        {"basis", "basis[]", DOC("A source and its words: … marks left-out words, 〔大意〕 a paraphrase."), DOC("依据"),
         DOC("这一条出自哪份来源的哪句原话：省略的地方写“…”，转述的写“〔大意〕”。")},
        {"fact", "an amount or a collection date",
         DOC("Instead of the plain value: exactly one of provisional or unknown."), DOC("金额或日期"),
         DOC("可以填具体的数，也可以选“暂按往年标准”或“尚未公布”。")},
        {"provisional", "fact.provisional",
         DOC("Carried from the named earlier ruleset (the same place, list items by id) until this year's value is "
             "published."),
         DOC("暂按往年标准"), DOC("今年的数还没公布，先按往年规则里的数估算，并告诉居民。")},
        {"unknown", "fact.unknown", DOC("Not published: no value; what depends on it says so, and whom to ask."),
         DOC("尚未公布"), DOC("来源没有写这个数：测算结果会说明，并告诉居民向谁咨询。")},
};

constexpr Field kFields[] = {
        // The top level, in the order the loader lists its keys.
        row("ruleset", "$schema", K::text, opt, DOC("the schema's address, for editors"), DOC("格式说明的地址"),
            DOC("给编辑器用的，不用填。")),
        row("ruleset", "$comment", K::text, opt, DOC("a note for rule authors; not shown to citizens"),
            DOC("给编写规则的人看的备注"), DOC("居民看不到。")),
        own(schema(row("ruleset", "id", K::text, req,
                       DOC("city and year, e.g. qingdao-2024, the request's `ruleset`: 1 to 64 characters of a-z, 0-9, "
                           "- and _ (invalid_id)"),
                       DOC("规则编号"), DOC("小写字母、数字、“-”和“_”，例如 chuzhou-2026；测算页用它区分各份规则。")),
                   DOC(R"("pattern":"^[a-z0-9_-]+$","maxLength":64)"))),
        row("ruleset", "base", K::text, opt,
            DOC("the id of the ruleset this one builds on; a change to one of its rules brings its own basis"),
            DOC("以哪份规则为基础"), DOC("往年或别处规则的编号；这份规则只写和它不同的地方。")),
        row("ruleset", "region", K::text, req, DOC("the city, as the page names it"), DOC("城市"),
            DOC("测算页上这样称呼这座城市，例如 滁州市。")),
        own(range(row("ruleset", "year", K::integer, req, DOC("the insurance (benefit) year"), DOC("参保年度"),
                      DOC("待遇年度的年份，例如 2026。")),
                  2000, 2200)),
        own(row("ruleset", "title", K::text, req, DOC("the rules' title, as the page shows it"), DOC("规则名称"),
                DOC("测算页上显示，例如 滁州市2026年度城乡居民基本医疗保险。"))),
        of(row("ruleset", "sources", K::list, req, DOC("the documents the rules quote"), DOC("来源"),
               DOC("每条依据都引自这里的一份来源。")),
           "source", 1),
        own(of(row("ruleset", "benefit_year", K::object, req, DOC("the insurance year's days"), DOC("待遇年度"),
                   DOC("")),
               "benefit_year")),
        own(of(row("ruleset", "collection", K::object, req, DOC("the collection window"), DOC("缴费期"), DOC("")),
               "collection")),
        own(of(row("ruleset", "continuity_deadline", K::object, req, DOC("the deadline for continuous cover"),
                   DOC("集中缴费截止日"), DOC("")),
               "continuity_deadline")),
        most(of(row("ruleset", "categories", K::list, req,
                    DOC("first match; the last has an empty `when`, so every member has one; at most 32, as a "
                        "condition holds them as bits"),
                    DOC("人员类别"), DOC("从上往下，第一个符合的类别算数；最后一类不设条件，其余的人都属于它。")),
                "category", 1),
             32),
        of(row("ruleset", "tiers", K::object, opt, DOC("contribution levels to choose from"), DOC("缴费档次"),
               DOC("居民可以选缴费档次的，才需要这一项。")),
           "tiers"),
        of(row("ruleset", "assistance_groups", K::list, opt, DOC("the assisted groups the sources name"),
               DOC("特殊人群"), DOC("通知里说到的资助参保人群，例如 低保对象、特困人员；没有说到的不填。")),
           "assistance_group", 1),
        of(row("ruleset", "fee_parts", K::list, opt,
               DOC("the kinds of money the notice names, for contributions given by part"), DOC("费用组成"),
               DOC("通知把一笔费用分开列出时才填，例如 495元 = 基本医保450元 + 长期护理保险30元 + 补缴15元；"
                   "缴费标准可以按这些分项填写金额。")),
           "fee_part", 1),
        of(row("ruleset", "several_groups", K::object, opt,
               DOC("how one support is chosen for a member in several assistance groups"),
               DOC("同时属于几类特殊人群时"),
               DOC("通知写了“按就高原则，不重复资助”这类话时才需要；不填，一个人只能属于一类特殊人群。")),
           "several_groups"),
        most(of(row("ruleset", "member_questions", K::list, opt, DOC("facts about a member the city's rules ask"),
                    DOC("本市要问的问题"),
                    DOC("通知按本市才有的情况定标准时才填，例如 性别、户口是否新迁入、是否退役军人；最多16个。")),
                "member_question", 1),
             16),
        of(row("ruleset", "contributions", K::list, req, DOC("the fee table, first match"), DOC("缴费标准"),
               DOC("从上往下，第一个符合的缴费标准算数。")),
           "contribution", 1),
        of(row("ruleset", "add_ons", K::list, opt, DOC("optional add-ons a member chooses, each with its own fee"),
               DOC("自愿参加的项目"), DOC("例如 大病医疗互助补充保险，每人每年60元；它的费用单独列出，不算进基本医保的个人缴费。")),
           "add_on", 1),
        of(row("ruleset", "benefit_rules", K::list, req, DOC("when benefits start, first match"),
               DOC("待遇开始规则"), DOC("从上往下，第一个符合的规则算数。")),
           "benefit_rule", 1),
        of(row("ruleset", "waiting_period", K::object, opt, DOC("the reform's waiting period (rulesets from 2025)"),
               DOC("待遇等待期"), DOC("断保后再参保、集中缴费期后参保要等待的月数（2025年起的规定）。")),
           "waiting_period"),
        of(row("ruleset", "member_notes", K::list, opt, DOC("information for members whose facts match"), DOC("提示"),
               DOC("符合条件的人会看到的说明，可以不填。")),
           "member_note", 1),
        schema(of(row("ruleset", "registration", K::list, req, DOC("where to register, shown where a member matches"),
                      DOC("参保登记"), DOC("到哪里、怎样登记参保；家里有人符合条件时显示。")),
                  "channel", 1),
               DOC(R"("items":{"allOf":[{"$ref":"#/$defs/channel"},{"properties":{"family_account":{"type":"null"}}}]})")),
        of(row("ruleset", "payment_channels", K::list, req, DOC("where to pay"), DOC("缴费渠道"),
               DOC("到哪里、怎样缴费。")),
           "channel", 1),
        of(row("ruleset", "contacts", K::list, req, DOC("whom to ask"), DOC("联系方式"), DOC("有问题向谁咨询。")),
           "contact", 1),
        row("ruleset", "websites", K::texts, opt, DOC("the city's web addresses, shown as text"), DOC("网站"),
            DOC("本市医保的网站地址，测算页上以文字显示。")),
        of(row("ruleset", "silences", K::object, req, DOC("what the sources do not say"),
               DOC("来源没有说明时的提示"), DOC("")),
           "silences"),
        own(row("ruleset", "unconfirmed_note", K::text, req,
                DOC("shown beside any explanation whose basis includes a level-B source"),
                DOC("依据是往年资料时的“请核实”提示"),
                DOC("依据里有B级来源（往年文件、转载、解读）时，测算结果旁显示这句话。"))),

        id("source", DOC("来源编号"), DOC("依据里用这个编号指这份来源，例如 notice。")),
        words(schema(row("source", "level", K::text, req,
                         DOC("A the notice itself; B an earlier-year notice, a reprint or an explainer (shown with "
                             "unconfirmed_note); C national background"),
                         DOC("级别"), DOC("")),
                     DOC(R"("enum":["A","B","C"])")),
              DOC(R"({"A":"A 当年的正式文件","B":"B 往年文件、转载或解读","C":"C 全国性背景"})")),
        row("source", "title", K::text, req, DOC("as the source gives it"), DOC("标题"), DOC("照来源写，例如通知的全称。")),
        row("source", "publisher", K::text, req, DOC("who published it, and where a reprint was found"),
            DOC("发布单位"), DOC("谁发布的；转载的，写明在哪里看到。")),
        row("source", "date", K::text, opt, DOC("when it was published"), DOC("发布日期"),
            DOC("例如 2025-10-14，可以不填。")),
        schema(row("source", "url", K::text, opt, DOC("an http:// or https:// address without spaces (bad_url)"),
                   DOC("网址"), DOC("以 http:// 或 https:// 开头，可以不填。")),
               DOC(R"("pattern":"^https?://[^\\u0000-\\u0020]+$")")),
        row("source", "text", K::text, opt,
            DOC("the source's words as published; yibao validate finds every quote of it there (quote_not_found), as "
                "it does in a sources/<id>.txt beside the file"),
            DOC("通知原文"),
            DOC("把通知的正文粘贴在这里：每条依据的原文摘录都会逐字核对，找不到的会标出来。可以不填。")),

        row("benefit_year", "start", K::date, req, DOC("the first day of cover"), DOC("待遇开始日期"),
            DOC("例如 2026-01-01。")),
        row("benefit_year", "end", K::date, req, DOC("the last day, not before start"), DOC("待遇结束日期"),
            DOC("例如 2026-12-31。")),

        row("collection", "opens", K::date_fact, req, DOC("the first day a payment for this year is possible"),
            DOC("开始缴费日期"), DOC("这一年度的医保费最早哪天可以缴。")),
        row("collection", "closes", K::date_fact, req, DOC("the last day payable, not before opens"),
            DOC("最晚缴费日期"), DOC("这一年度的医保费最晚哪天还能缴。")),
        text("collection"),
        basis("collection"),

        row("continuity_deadline", "date", K::date_fact, req,
            DOC("the last payment date (inclusive) that keeps cover continuous"), DOC("集中缴费截止日期"),
            DOC("在这天（含）之前缴费，算连续参保。")),
        text("continuity_deadline"),
        basis("continuity_deadline"),

        id("category", DOC("类别编号"), DOC("例如 adult、child。")),
        row("category", "label", K::text, req, DOC("as the fee tables name it, e.g. 少年儿童"), DOC("类别名称"),
            DOC("缴费标准表里这样称呼，例如 少年儿童。")),
        when("category", DOC("who is in it; no `category` condition here"), DOC("哪些人属于这一类"),
             DOC("从上往下，第一个符合的类别算数；最后一类不设条件，其余的人都属于它。")),
        text("category"),
        basis("category"),

        row("tiers", "applies_to", K::condition, req, DOC("the members who choose a tier"), DOC("哪些人要选档次"),
            DOC("例如 成年居民。")),
        range(row("tiers", "default", K::integer, req,
                  DOC("the level assumed, with a warning, for a member who must choose one and gives none"),
                  DOC("没选档次时按第几档"), DOC("居民没有选档次时按这一档估算，并提醒他。")),
              1, 31),
        of(row("tiers", "levels", K::list, req, DOC("the levels"), DOC("档次"), DOC("")), "tier", 1),
        range(row("tier", "id", K::integer, req, DOC("1 to 31, as a request's `tier` names it"), DOC("档次编号"),
                  DOC("1至31的整数。")),
              1, 31),
        row("tier", "label", K::text, req, DOC("e.g. 一档"), DOC("档次名称"), DOC("例如 一档。")),

        schema(row("assistance_group", "id", K::text, req,
                   DOC("the group, as a request's `assistance` and a condition's `assistance` name it: 1 to 64 "
                       "characters of a-z, 0-9 and _, not none (invalid_id); a roster's 低保, 特困, 孤儿, 重度残疾, "
                       "监测对象, 低保边缘 stand for dibao, tekun, orphan, severe_disability, poverty_monitored, "
                       "dibao_edge"),
                   DOC("人群编号"),
                   DOC("小写字母、数字和“_”，例如 dibao；常见的几类用 dibao（低保）、tekun（特困）、orphan（孤儿）、"
                       "severe_disability（重度残疾）、poverty_monitored（监测对象）、dibao_edge（低保边缘），"
                       "花名册里的中文写法就能认出来。")),
               DOC(R"("pattern":"^[a-z0-9_]+$","maxLength":64,"not":{"const":"none"})")),
        non_empty(row("assistance_group", "label", K::text, req, DOC("the group as the sources name it"),
                      DOC("来源里的叫法"), DOC("例如 低保对象、全额资助参保对象。"))),
        row("assistance_group", "who", K::text, opt, DOC("who is in the group, as the sources say"),
            DOC("哪些人属于这一类"),
            DOC("照来源写，例如 特困人员、孤儿、事实无人抚养儿童。可以不填；填了要写依据。")),
        with(of(row("assistance_group", "basis", K::list, opt, DOC("where `who` comes from"),
                    DOC("依据"), DOC("“哪些人属于这一类”出自哪份来源的哪句原话。")),
                "basis", 1),
             "who"),

        words(schema(row("several_groups", "take", K::text, req,
                         DOC("highest (就高): the group that leaves the member the least individual contribution; of "
                             "equal ones, the first in assistance_groups"),
                         DOC("按哪一类资助"), DOC("")),
                     DOC(R"("enum":["highest"])")),
              DOC(R"({"highest":"就高：按个人缴费最少的那一类（一样多的，按上面排在前面的）"})")),
        text("several_groups"),
        basis("several_groups"),

        schema(row("member_question", "id", K::text, req,
                   DOC("the question, as a request's `answers` and a condition's `answer` name it: a-z, 0-9 and _ "
                       "(invalid_id)"),
                   DOC("问题编号"), DOC("小写字母、数字和“_”，例如 sex、new_hukou；条件里用这个编号。")),
               DOC(R"("pattern":"^[a-z0-9_]+$","maxLength":64)")),
        non_empty(row("member_question", "label", K::text, req,
                      DOC("a short name: the form's label and the roster's column header, e.g. 性别"),
                      DOC("简称"), DOC("测算页上这一项的名称，也是花名册的列名，例如 性别。"))),
        non_empty(row("member_question", "question", K::text, req,
                      DOC("the question in plain words, as the page asks it"), DOC("问题"),
                      DOC("测算页上这样问，例如 户口是不是今年新迁入本市的？"))),
        most(of(row("member_question", "answers", K::list, req, DOC("the answers allowed"), DOC("回答"),
                    DOC("至少两个，例如 是、否。")),
                "answer", 2),
             31),
        row("member_question", "default", K::text, opt,
            DOC("an answer id assumed, with a warning (answer_assumed), for a member who gives none; without it an "
                "answer is required"),
            DOC("没有回答时按哪个回答"),
            DOC("填一个回答的编号，例如 no；居民没有回答时按它估算，并提醒他。不填，就一定要回答。")),
        basis("member_question"),

        schema(row("answer", "id", K::text, req, DOC("the answer, as a request names it: a-z, 0-9 and _"),
                   DOC("回答编号"), DOC("小写字母、数字和“_”，例如 yes、no。")),
               DOC(R"("pattern":"^[a-z0-9_]+$","maxLength":64)")),
        non_empty(row("answer", "label", K::text, req, DOC("the answer in plain words, e.g. 女"), DOC("回答"),
                      DOC("测算页上这样显示，例如 女。"))),

        id("contribution", DOC("编号"), DOC("例如 adult。")),
        row("contribution", "label", K::text, req, DOC("the row of the fee table, e.g. 成年居民（一档）"),
            DOC("缴费标准表的行名"), DOC("例如 成年居民（一档）。")),
        when("contribution", DOC("to whom it applies"), DOC("适用于哪些人"), DOC("从上往下，第一个符合的缴费标准算数。")),
        unless(row("contribution", "individual_fen", K::amount, req,
                   DOC("what the member pays, in fen (1元 = 100 fen); with parts, the sum of the member's parts: "
                       "left out, or equal to it (parts_do_not_add_up)"),
                   DOC("个人每年缴费"), DOC("按元填写，例如 400 或 380.50；按分项填写的，可以不填。")),
               "parts"),
        unless(row("contribution", "subsidy_fen", K::amount, req,
                   DOC("the government's subsidy, in fen; with parts, the sum of the government's parts: left out, or "
                       "equal to it (parts_do_not_add_up)"),
                   DOC("政府每年补助"), DOC("按元填写，例如 700；按分项填写的，可以不填。")),
               "parts"),
        of(row("contribution", "parts", K::list, opt,
               DOC("the amounts by fee part, e.g. 财政补助 and 医疗救助资助 beside the member's own; a payer without "
                   "parts here still needs its individual_fen or subsidy_fen"),
               DOC("分项金额"),
               DOC("通知分项列出金额时填，例如 财政补助700元、医疗救助资助320元；每项写上面“费用组成”里的编号。"
                   "只列了政府分项的，个人缴费仍要填。")),
           "contribution_part", 1),
        of(row("contribution", "benefit_tier", K::object, opt,
               DOC("where the members of this rule have the benefits of another tier than the one they pay"),
               DOC("享受哪一档待遇"), DOC("按一档缴费、享受二档待遇时才填，可以不填。")),
           "benefit_tier"),
        row("contribution", "caveat", K::text, opt,
            DOC("told as a warning whenever the rule applies, e.g. for a group this year's source no longer names"),
            DOC("提醒（测算结果旁显示）"), DOC("这条标准适用时，总会提醒居民的话，例如今年的通知不再提到这类人。可以不填。")),
        text("contribution"),
        basis("contribution"),

        non_empty(row("fee_part", "id", K::text, req, DOC("names the part; a contribution's parts[] name it"),
                      DOC("编号"), DOC("缴费标准的分项金额用这个编号，例如 medical_aid。"))),
        row("fee_part", "label", K::text, req, DOC("as the notice names it, e.g. 医疗救助资助"), DOC("名称"),
            DOC("照通知写，例如 医疗救助资助、长期护理保险。")),
        words(schema(row("fee_part", "payer", K::text, req,
                         DOC("individual (the member pays it) or government (a subsidy: 财政补助, 医疗救助资助 …)"),
                         DOC("由谁出"), DOC("")),
                     DOC(R"("enum":["individual","government"])")),
              DOC(R"({"individual":"个人缴纳","government":"政府出（财政补助、医疗救助资助等）"})")),
        basis("fee_part"),

        names(non_empty(row("contribution_part", "id", K::text, req, DOC("an id from fee_parts"), DOC("费用组成"),
                            DOC("上面“费用组成”里的一项。"))),
              "fee_parts"),
        row("contribution_part", "amount_fen", K::amount, req, DOC("the part's amount in fen, or a fact"),
            DOC("金额"), DOC("按元填写，例如 320。")),
        basis("contribution_part"),

        id("add_on", DOC("编号"), DOC("例如 mutual_aid。")),
        non_empty(row("add_on", "label", K::text, req, DOC("as the notice names it, e.g. 大病医疗互助补充保险"), DOC("名称"),
                      DOC("照通知写，例如 大病医疗互助补充保险。"))),
        when("add_on", DOC("who takes it: usually an answer to one of member_questions (参加: 是)"), DOC("哪些人参加"),
             DOC("一般是“本市要问的问题”的回答，例如 是否参加大病医疗互助补充保险：参加。")),
        range(row("add_on", "amount_fen", K::integer, req, DOC("its fee per member, in fen ({amount})"),
                  DOC("每人每年缴费（分）"), DOC("文字里的 {amount} 会换成它。")),
              0, kMostFen),
        text("add_on"),
        basis("add_on"),

        range(row("benefit_tier", "paid", K::integer, req, DOC("the tier whose fee the rule charges, an id of tiers.levels"),
                  DOC("按哪一档缴费"), DOC("档次编号，例如 1。")),
              1, 31),
        range(row("benefit_tier", "benefits", K::integer, req,
                  DOC("the tier whose benefits its members have, an id of tiers.levels"), DOC("享受哪一档待遇"),
                  DOC("档次编号，例如 2。")),
              1, 31),
        basis("benefit_tier"),

        id("benefit_rule", DOC("编号"), DOC("例如 in-window。")),
        when("benefit_rule", DOC("to whom it applies"), DOC("适用于哪些人、哪天缴费"),
             DOC("从上往下，第一个符合的规则算数。")),
        or_unknown(row("benefit_rule", "start", K::date_expr, req,
                       DOC("the first day of cover, or {\"unknown\": …} where the sources do not say"),
                       DOC("待遇从哪天开始"), DOC("例如 缴费次日：从缴费当天算起，再过1天。"))),
        row("benefit_rule", "end", K::date_expr, opt, DOC("the last day of cover; year_end when left out"),
            DOC("待遇到哪天结束"), DOC("不填就是待遇年度的最后一天。")),
        row("benefit_rule", "waiting", K::boolean, opt,
            DOC("the rule imposes a waiting period (the result warns of it)"), DOC("这条规则有待遇等待期"),
            DOC("测算结果会提示等待期。")),
        row("benefit_rule", "caveat", K::text, opt, DOC("told as a warning whenever the rule applies"),
            DOC("提醒（测算结果旁显示）"), DOC("这条规则适用时，总会提醒居民的话，可以不填。")),
        text("benefit_rule"),
        basis("benefit_rule"),

        of(row("waiting_period", "fixed", K::object, req, DOC("the fixed months"), DOC("固定等待期"), DOC("")),
           "waiting_fixed"),
        or_unknown(of(row("waiting_period", "variable", K::object, opt,
                          DOC("months per lapsed year, or {\"unknown\": …} where the sources give none (the fixed part "
                              "is applied)"),
                          DOC("断保增加的等待期"), DOC("")),
                      "waiting_variable")),
        of(row("waiting_period", "repair", K::object, opt, DOC("paying back lapsed years"), DOC("补缴修复"), DOC("")),
           "waiting_repair"),
        of(row("waiting_period", "floor", K::object, opt, DOC("the least total"), DOC("修复后最短等待期"), DOC("")),
           "waiting_floor"),
        of(row("waiting_period", "exempt", K::list, opt, DOC("who has none, first match"), DOC("不设等待期的人员"),
               DOC("")),
           "waiting_exempt", 1),

        id("waiting_fixed", DOC("编号"), DOC("")),
        range(row("waiting_fixed", "months", K::integer, req, DOC("months of the fixed part"),
                  DOC("固定等待期（月）"), DOC("例如 3。")),
              0, 120),
        when("waiting_fixed", DOC("to whom it applies, e.g. paid after the window, or lapsed_years at least 1"),
             DOC("哪些人有固定等待期"), DOC("例如 集中缴费期后缴费的，或者断保的。")),
        text("waiting_fixed"),
        basis("waiting_fixed"),

        id("waiting_variable", DOC("编号"), DOC("")),
        range(row("waiting_variable", "months_per_year", K::integer, req, DOC("months added per lapsed year"),
                  DOC("每多断保1年增加（月）"), DOC("例如 1。")),
              0, 12),
        range(row("waiting_variable", "from_lapsed_year", K::integer, req,
                  DOC("the lapsed year it counts from (Qingdao: 2, the first lapsed year adds nothing)"),
                  DOC("从断保第几年起增加"), DOC("例如 2：断保第1年不增加。")),
              1, 100),
        text("waiting_variable"),
        basis("waiting_variable"),

        id("waiting_repair", DOC("编号"), DOC("")),
        range(row("waiting_repair", "months_per_year", K::integer, req, DOC("months each repaid year takes off"),
                  DOC("每补缴1年减少（月）"), DOC("例如 1。")),
              0, 12),
        text("waiting_repair"),
        basis("waiting_repair"),

        id("waiting_floor", DOC("编号"), DOC("")),
        range(row("waiting_floor", "months", K::integer, req, DOC("the least total after repair"),
                  DOC("修复后至少（月）"), DOC("例如 6。")),
              0, 120),
        range(row("waiting_floor", "from_lapsed_years", K::integer, req, DOC("the lapsed years from which it applies"),
                  DOC("连续断保满几年起"), DOC("例如 5。")),
              1, 100),
        text("waiting_floor"),
        basis("waiting_floor"),

        id("waiting_exempt", DOC("编号"), DOC("")),
        when("waiting_exempt", DOC("who is exempt"), DOC("哪些人不设等待期"),
             DOC("例如 在出生后90天内参保的新生儿。")),
        text("waiting_exempt"),
        basis("waiting_exempt"),

        id("member_note", DOC("编号"), DOC("")),
        when("member_note", DOC("to whom it applies"), DOC("对哪些人提示"), DOC("")),
        range(row("member_note", "amount_fen", K::integer, opt, DOC("the change, in fen ({amount})"),
                  DOC("变化的金额（分）"), DOC("文字里的 {amount} 会换成它。")),
              -kMostFen, kMostFen),
        range(row("member_note", "per_year_fen", K::integer, opt,
                  DOC("instead of amount_fen: the change per continuous year beyond after_years"),
                  DOC("每多连续参保1年的变化（分）"), DOC("和“变化的金额”二选一。")),
              -kMostFen, kMostFen),
        with(range(row("member_note", "after_years", K::integer, opt, DOC("the continuous years that count for nothing"),
                       DOC("连续参保满几年后才算"), DOC("")),
                   0, 150),
             "per_year_fen"),
        text("member_note"),
        basis("member_note"),

        id("channel", DOC("编号"), DOC("例如 app。")),
        row("channel", "name", K::text, req, DOC("to whom it applies or where to go, as the source names it"),
            DOC("名称"), DOC("适用于谁，或者到哪里办理，照来源写。")),
        row("channel", "detail", K::text, opt, DOC("how"), DOC("办理方式"), DOC("可以不填。")),
        when("channel",
             DOC("registration: shown when any member of the household matches; a family account: told to each member "
                 "it matches"),
             DOC("对哪些人显示"), DOC("可以不设条件。")),
        of(row("channel", "family_account", K::object, opt,
               DOC("payment channels only: paying from a relative's employee account, with its own conditions"),
               DOC("职工医保个人账户家庭共济"), DOC("只有缴费渠道可以填：用家人的职工医保个人账户缴费。")),
           "family_account"),
        basis("channel"),

        non_empty(row("family_account", "relatives", K::texts, req,
                      DOC("for whom an employee's account may pay, as the notice lists them, e.g. 配偶, 父母, 子女"),
                      DOC("可以为哪些亲属缴费"), DOC("照通知写，每项一个，例如 配偶、父母、子女。"))),
        range(row("family_account", "balance_above_fen", K::integer, opt,
                  DOC("only the account's balance above this may pay, in fen; left out where the notice sets no floor"),
                  DOC("账户余额超过多少的部分可以用（分）"), DOC("通知没有说的，不填。")),
              0, kMostFen),
        non_empty(row("family_account", "filing", K::text, req,
                      DOC("the filing or binding it needs first, in the notice's words"), DOC("要先办理"),
                      DOC("照通知写，例如 在国家医保服务平台APP办理家庭共济备案。"))),
        basis("family_account"),

        row("contact", "name", K::text, req, DOC("whom to ask"), DOC("名称"), DOC("例如 滁州市医疗保障局。")),
        schema(row("contact", "phone", K::text, opt,
                   DOC("area code and number, keys to press after it each behind a hyphen (0532-12345678, "
                       "024-12345-1-7), a five-digit service number (12393, 95xxx) or a mobile number (bad_phone); "
                       "the page makes it a tel: link"),
                   DOC("电话"), DOC("例如 0550-12345678 或 12393。")),
               DOC(R"("pattern":"^(0[0-9]{2,3}-[0-9]{5,8}(-[0-9]{1,2})*|12[0-9]{3}|95[0-9]{3}|1[3-9][0-9]{9})$")")),
        row("contact", "detail", K::text, opt, DOC("what they do, or where"), DOC("说明"), DOC("可以不填。")),

        row("silences", "assistance", K::text, req,
            DOC("told to a member whose assistance group the sources do not cover"),
            DOC("来源没有说明某类特殊人群时的提示"), DOC("这类人按普通标准估算时，告诉他们的话。")),
        row("silences", "tier", K::text, req, DOC("told to a member who gives a tier where none applies"),
            DOC("不分档次时填了档次的提示"), DOC("居民选了档次、规则却不分档次时，告诉他的话。")),

        row("basis", "source", K::text, req, DOC("an id from sources"), DOC("来源编号"), DOC("上面“来源”里的编号。")),
        non_empty(row("basis", "quote", K::text, req, DOC("the source's own words"), DOC("原文摘录"),
                      DOC("从来源里逐字复制；省略的地方写“…”。"))),

        of(row("fact", "provisional", K::object, opt, DOC("carried from an earlier ruleset"), DOC("暂按往年标准"),
               DOC("")),
           "provisional"),
        of(row("fact", "unknown", K::object, opt, DOC("not published"), DOC("尚未公布"), DOC("")), "unknown"),
        row("fact", "value", K::plain, opt,
            DOC("provisional: the value carried, filled in from the earlier ruleset when left out"), DOC("往年的数"),
            DOC("可以不填：不填就取往年规则里的数。")),

        non_empty(row("provisional", "from", K::text, req, DOC("the ruleset id the value is carried from"),
                      DOC("暂按哪份规则"), DOC("往年规则的编号。"))),
        non_empty(row("provisional", "text", K::text, req,
                      DOC("told to the citizen beside every figure that rests on it"), DOC("告诉居民的话"),
                      DOC("每个按往年标准估算的数旁边都会显示，例如 2026年标准尚未公布，暂按2025年标准估算。"))),

        non_empty(row("unknown", "reason", K::text, req, DOC("why it is not known"), DOC("为什么还不知道"),
                      DOC("例如 通知没有写财政补助标准。"))),
        non_empty(row("unknown", "ask", K::text, req, DOC("whom to ask"), DOC("向谁咨询"), DOC("例如 滁州市医疗保障局。"))),
        row("unknown", "not_before", K::date, opt, DOC("a date: what the sources do say of it"), DOC("不早于"),
            DOC("来源说到的最早日期，可以不填。")),
        row("unknown", "not_after", K::date, opt, DOC("a date: what the sources do say of it"), DOC("不晚于"),
            DOC("来源说到的最晚日期，可以不填。")),
};

}  // namespace

std::vector<ObjectShape> ruleset_objects() { return {std::begin(kObjects), std::end(kObjects)}; }

namespace {

// Whether the table's name is `wanted`, without measuring the name first: the loader looks fields up for every
// value it reads, and a strlen of each row's names was most of a ruleset's load.
bool named(const char* name, std::string_view wanted) {
    size_t i = 0;
    for (; i < wanted.size(); ++i)
        if (name[i] == '\0' || name[i] != wanted[i]) return false;
    return name[i] == '\0';
}

// The rows of one object: the table lists each object's fields together (a unit test holds it to that).
std::pair<const Field*, const Field*> rows_of(std::string_view object) {
    const Field* first = std::begin(kFields);
    while (first != std::end(kFields) && !named(first->object, object)) ++first;
    const Field* last = first;
    while (last != std::end(kFields) && named(last->object, object)) ++last;
    return {first, last};
}

}  // namespace

std::vector<const Field*> fields_of(std::string_view object) {
    std::vector<const Field*> out;
    for (auto [f, end] = rows_of(object); f != end; ++f) out.push_back(f);
    return out;
}

const Field* find_field(std::string_view object, std::string_view key) {
    for (auto [f, end] = rows_of(object); f != end; ++f)
        if (named(f->key, key)) return f;
    return nullptr;
}

FieldReader::FieldReader(JsonReader& read, std::string_view object, const Json& value, std::string at)
    : read_(read), object_(object), value_(value), at_(std::move(at)) {
    std::tie(rows_, rows_end_) = rows_of(object);
    std::vector<std::string_view> keys;
    for (const Field* f = rows_; f != rows_end_; ++f) keys.push_back(f->key);
    read_.only_keys(value_, at_, keys);
}

const Field* FieldReader::field(std::string_view key) const {
    for (const Field* f = rows_; f != rows_end_; ++f)
        if (named(f->key, key)) return f;
    return nullptr;
}

const Json* FieldReader::value(std::string_view key) {
    const Field* f = field(key);
    if (!f) return nullptr;
    const auto given = [&](const char* other) { return value_.contains(other) && !value_[other].is_null(); };
    const bool required = (f->need == Need::required && !(*f->unless && given(f->unless))) ||
                          (*f->with && given(f->with));
    const Json* v = read_.member(value_, at_, f->key, required ? Need::required : Need::optional);
    if (!v) return nullptr;
    const std::string at = path(key);
    switch (f->kind) {
        case K::text:
            if (!read_.text_value(*v, at)) return nullptr;
            if (f->min > 0 && v->get_ref<const std::string&>().empty()) {
                read_.fail(at, Code::empty, "不能为空");
                return nullptr;
            }
            return v;
        case K::integer: return read_.integer_value(*v, at, f->min, f->max) ? v : nullptr;
        case K::boolean: return read_.boolean_value(*v, at) ? v : nullptr;
        case K::date: return read_.date_value(*v, at) ? v : nullptr;
        case K::object: return read_.is_object(*v, at) ? v : nullptr;
        case K::list:
            if (!read_.is_array(*v, at, f->min > 0)) return nullptr;
            // Too many is told at the first one too many; the list is still read, so that ids in it are known.
            if (f->max > 0 && v->size() > static_cast<size_t>(f->max))
                read_.fail(pointer_join(at, static_cast<size_t>(f->max)), Code::too_many,
                           "最多" + std::to_string(f->max) + "项，这里有" + std::to_string(v->size()) + "项");
            return v;
        case K::texts: {
            if (!read_.is_array(*v, at, f->min > 0)) return nullptr;
            // Each item is shown as a line of its own: an empty one would be a blank line, never meant.
            bool all = true;
            for (size_t i = 0; i < v->size(); ++i) {
                const std::string item_at = pointer_join(at, i);
                if (!read_.text_value((*v)[i], item_at)) {
                    all = false;
                } else if ((*v)[i].get_ref<const std::string&>().empty()) {
                    read_.fail(item_at, Code::empty, "不能为空");
                    all = false;
                }
            }
            return all ? v : nullptr;
        }
        // The vocabulary reads these, kind and all.
        case K::condition: case K::date_expr: case K::amount: case K::date_fact: case K::plain: return v;
    }
    return v;
}

std::optional<std::string> FieldReader::text(std::string_view key) {
    const Json* v = value(key);
    return v && v->is_string() ? std::optional<std::string>(v->get<std::string>()) : std::nullopt;
}
std::optional<std::int64_t> FieldReader::integer(std::string_view key) {
    const Json* v = value(key);
    return v && v->is_number_integer() ? std::optional<std::int64_t>(v->get<std::int64_t>()) : std::nullopt;
}
std::optional<bool> FieldReader::boolean(std::string_view key) {
    const Json* v = value(key);
    return v && v->is_boolean() ? std::optional<bool>(v->get<bool>()) : std::nullopt;
}
std::optional<FieldReader> FieldReader::part(std::string_view key) {
    const Json* v = value(key);
    if (!v) return std::nullopt;
    return FieldReader(read_, field(key)->of, *v, path(key));
}
std::optional<Date> FieldReader::date(std::string_view key) {
    const Json* v = value(key);
    return v && v->is_string() ? Date::parse(v->get_ref<const std::string&>()) : std::nullopt;
}

#ifndef YIBAO_LEAN

namespace {

std::string form_of(const Field& f) {
    const std::string of(f.of);
    switch (f.kind) {
        case K::text: return f.min > 0 ? "text, not empty" : "text";
        case K::integer: return "integer " + std::to_string(f.min) + " to " + std::to_string(f.max);
        case K::boolean: return "true | false";
        case K::date: return "YYYY-MM-DD";
        case K::object: return f.or_unknown ? of + " | fact with unknown" : of;
        case K::list:
            return "[" + of + ", …]" + (f.min > 0 ? ", not empty" : "") +
                   (f.max > 0 ? ", at most " + std::to_string(f.max) : "");
        case K::texts: return f.min > 0 ? "[non-empty text, …], not empty" : "[non-empty text, …]";
        case K::condition: return "condition";
        case K::date_expr: return f.or_unknown ? "date expression | fact with unknown" : "date expression";
        case K::amount: return "fen | fact";
        case K::date_fact: return "YYYY-MM-DD | fact";
        case K::plain: return "fen | YYYY-MM-DD";
    }
    return "";
}

std::string_view kind_name(FieldKind kind) {
    constexpr std::string_view names[] = {"text",      "integer",   "boolean", "date",      "object", "list",
                                          "texts",     "condition", "date_expr", "amount", "date_fact", "plain"};
    return names[static_cast<size_t>(kind)];
}

std::string need_of(const Field& f) {
    if (*f.unless) return "unless " + std::string(f.unless);
    if (f.need == Need::required) return f.own ? "required, also with base" : "required";
    if (*f.with) return "with " + std::string(f.with);
    return "optional";
}

Json ref(std::string_view name) { return {{"$ref", "#/$defs/" + std::string(name)}}; }

Json value_schema(const Field& f) {
    Json s;
    switch (f.kind) {
        case K::text:
            s = {{"type", "string"}};
            if (f.min > 0) s["minLength"] = f.min;
            break;
        case K::integer: s = {{"type", "integer"}, {"minimum", f.min}, {"maximum", f.max}}; break;
        case K::boolean: s = {{"type", "boolean"}}; break;
        case K::date: s = ref("date"); break;
        case K::object: s = ref(f.of); break;
        case K::list:
            s = {{"type", "array"}};
            if (f.min > 0) s["minItems"] = f.min;
            if (f.max > 0) s["maxItems"] = f.max;
            s["items"] = ref(f.of);
            break;
        case K::texts:
            s = {{"type", "array"}, {"items", {{"type", "string"}, {"minLength", 1}}}};
            if (f.min > 0) s["minItems"] = f.min;
            break;
        case K::condition: s = ref("condition"); break;
        case K::date_expr: s = ref("date_expr"); break;
        case K::amount: s = ref("amount"); break;
        case K::date_fact: s = ref("date_fact"); break;
        case K::plain: s = Json::object(); break;
    }
    if (!f.schema.empty()) s.update(Json::parse("{" + std::string(f.schema) + "}"));
    if (f.or_unknown) s = {{"anyOf", {s, ref("unknown_fact")}}};
    // An optional field given as null is taken as left out.
    if (f.need == Need::optional) s = {{"anyOf", {s, {{"type", "null"}}}}};
    s["description"] = f.description;
    return s;
}

// What a ruleset with a base may write at the top level: a change, checked in full after merging.
Json change_schema(const Field& f) {
    if (f.kind != K::object && f.kind != K::list) return value_schema(f);
    Json s = {{"type", f.kind == K::object ? "object" : "array"}};
    if (f.need == Need::optional) s = {{"anyOf", {s, {{"type", "null"}}}}};
    s["description"] = f.description;
    return s;
}

Json object_schema(std::string_view name, const std::string_view description) {
    Json properties = Json::object(), required = Json::array(), dependent = Json::object(), unless = Json::array();
    for (const Field* f : fields_of(name)) {
        properties[std::string(f->key)] = value_schema(*f);
        if (f->need == Need::required && !*f->unless) required.push_back(f->key);
        if (*f->with) dependent[f->with] = Json::array({f->key});
        // Required unless the other key is given (and not null).
        if (*f->unless) {
            Json given = {{"required", Json::array({f->unless})}, {"properties", Json::object()}};
            given["properties"][f->unless] = {{"not", {{"type", "null"}}}};
            unless.push_back({{"if", std::move(given)}, {"else", {{"required", Json::array({f->key})}}}});
        }
    }
    Json s = {{"type", "object"}, {"additionalProperties", false}, {"description", description}};
    if (!required.empty()) s["required"] = std::move(required);
    if (!dependent.empty()) s["dependentRequired"] = std::move(dependent);
    if (!unless.empty()) s["allOf"] = std::move(unless);
    s["properties"] = std::move(properties);
    return s;
}

// A fact: its plain value, {"provisional": …, "value"?: plain}, or {"unknown": …}.
Json fact_schema(const Json& plain, std::string_view description) {
    Json provisional = {{"type", "object"}, {"additionalProperties", false}, {"required", {"provisional"}},
                        {"properties", {{"provisional", ref("provisional")}, {"value", plain}}},
                        {"description", find_field("fact", "provisional")->description}};
    return {{"description", description}, {"oneOf", {plain, std::move(provisional), ref("unknown_fact")}}};
}

}  // namespace

Json field_table_json() {
    Json objects = Json::array(), fields = Json::array();
    for (const ObjectShape& o : kObjects)
        objects.push_back({{"object", o.name}, {"where", o.where}, {"description", o.description}, {"label", o.label},
                           {"hint", o.hint}});
    for (const Field& f : kFields)
        fields.push_back({{"object", f.object}, {"key", f.key}, {"kind", kind_name(f.kind)}, {"of", f.of},
                          {"form", form_of(f)}, {"need", need_of(f)}, {"required", f.need == Need::required},
                          {"min", f.min}, {"max", f.max}, {"or_unknown", f.or_unknown}, {"own", f.own}, {"names", f.names}, {"schema", f.schema},
                          {"description", f.description}, {"label", f.label}, {"hint", f.hint},
                          {"words", f.words.empty() ? Json::object() : Json::parse(f.words)}});
    return {{"objects", std::move(objects)}, {"fields", std::move(fields)}};
}

Json ruleset_schema() {
    const ObjectShape& top = kObjects[0];
    Json loose = Json::object(), full = Json::object(), required = Json::array(), own = Json::array({"base"});
    for (const Field* f : fields_of(top.name)) {
        loose[std::string(f->key)] = change_schema(*f);
        if (f->kind == K::object || f->kind == K::list) full[std::string(f->key)] = value_schema(*f);
        if (f->need == Need::required) required.push_back(f->key);
        if (f->own) own.push_back(f->key);
    }
    Json defs = {
        {"date", {{"type", "string"}, {"pattern", "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"}, {"description", "a real calendar date"}}},
        {"fen", {{"type", "integer"}, {"minimum", 0}, {"maximum", kMostFen}, {"description", "money in fen (1元 = 100 fen)"}}},
    };
    for (const ObjectShape& o : kObjects)
        if (o.name != top.name && o.name != "fact") defs[std::string(o.name)] = object_schema(o.name, o.description);
    defs["unknown_fact"] = {{"type", "object"}, {"additionalProperties", false}, {"required", {"unknown"}},
                            {"properties", {{"unknown", ref("unknown")}}},
                            {"description", find_field("fact", "unknown")->description}};
    defs["amount"] = fact_schema(ref("fen"), "an amount in fen, or a fact");
    defs["date_fact"] = fact_schema(ref("date"), "a date, or a fact");
    defs.update(vocabulary_schema());
    return {{"$schema", "https://json-schema.org/draft/2020-12/schema"},
            {"$id", "https://yibao.example/rules/schema.json"},
            {"title", "Yibao ruleset: one city's resident medical insurance (居民医保) rules for one insurance year"},
            {"description",
             "Generated from the engine's field table (engine/rules/fields.cpp) by `yibao vocabulary`. Rules are data: a "
             "new city or year is a new file of this form. Every rule carries its basis (source id and quote). Ordered "
             "rule lists are first-match. The engine's loader (`yibao validate FILE`) checks all of this and more "
             "(references between ids, placeholders, dates in order) and names the JSON path of each problem; a "
             "ruleset with a base is checked here for its own keys, and in full by `yibao validate` once merged."},
            {"type", "object"},
            {"additionalProperties", false},
            {"properties", std::move(loose)},
            {"allOf", Json::array({{{"if", {{"required", {"base"}}}},
                                    {"then", {{"required", std::move(own)}}},
                                    {"else", {{"required", std::move(required)}, {"properties", std::move(full)}}}}})},
            {"$defs", std::move(defs)}};
}

#endif  // YIBAO_LEAN

}  // namespace yibao
