#include "core/json_reader.hpp"

#include <algorithm>
#include <set>

namespace yibao {

std::string pointer_join(const std::string& base, const std::string& token) {
    std::string out = base + "/";
    for (char c : token) {
        if (c == '~') out += "~0";
        else if (c == '/') out += "~1";
        else out += c;
    }
    return out;
}

std::string json_type_name(const Json& value) {
    switch (value.type()) {
        case Json::value_t::null: return "null";
        case Json::value_t::object: return "对象";
        case Json::value_t::array: return "数组";
        case Json::value_t::string: return "字符串";
        case Json::value_t::boolean: return "布尔值";
        case Json::value_t::number_integer:
        case Json::value_t::number_unsigned: return "整数";
        case Json::value_t::number_float: return "小数";
        default: return "无法识别的值";
    }
}

bool JsonReader::is_object(const Json& value, const std::string& path) {
    if (value.is_object()) return true;
    fail(path, Code::wrong_type, "应为对象（JSON object），实际是" + json_type_name(value));
    return false;
}

bool JsonReader::is_array(const Json& value, const std::string& path, bool non_empty) {
    if (!value.is_array()) {
        fail(path, Code::wrong_type, "应为数组（JSON array），实际是" + json_type_name(value));
        return false;
    }
    if (non_empty && value.empty()) {
        fail(path, Code::empty, "不能为空，至少需要一项");
        return false;
    }
    return true;
}

void JsonReader::only_keys(const Json& object, const std::string& path, const std::vector<std::string_view>& allowed) {
    for (const auto& item : object.items()) {
        if (std::find(allowed.begin(), allowed.end(), item.key()) == allowed.end()) {
            std::string names;
            for (std::string_view key : allowed) names += (names.empty() ? "" : ", ") + std::string(key);
            fail(pointer_join(path, item.key()), Code::unknown_field,
                 "未知字段“" + item.key() + "”；可用字段：" + names);
        }
    }
}

const Json* JsonReader::member(const Json& object, const std::string& path, const char* key, Need need) {
    const auto found = object.find(key);
    // An optional field given as null is taken as left out, as forms send it.
    if (found != object.end() && !(found->is_null() && need == Need::optional)) return &*found;
    if (need == Need::required) fail(pointer_join(path, key), Code::missing, std::string("缺少必填字段“") + key + "”");
    return nullptr;
}

std::optional<std::string> JsonReader::text(const Json& object, const std::string& path, const char* key,
                                            Need need) {
    const Json* value = member(object, path, key, need);
    if (!value || !text_value(*value, pointer_join(path, key))) return std::nullopt;
    return value->get<std::string>();
}

bool JsonReader::text_value(const Json& value, const std::string& path) {
    if (value.is_string()) return true;
    fail(path, Code::wrong_type, "应为字符串，实际是" + json_type_name(value));
    return false;
}

std::optional<Date> JsonReader::date_value(const Json& value, const std::string& path) {
    if (!value.is_string()) {
        fail(path, Code::wrong_type, "日期应为“YYYY-MM-DD”格式的字符串，实际是" + json_type_name(value));
        return std::nullopt;
    }
    const auto& raw = value.get_ref<const std::string&>();
    auto parsed = Date::parse(raw);
    if (!parsed) fail(path, Code::invalid_date, Date::refusal(raw));
    return parsed;
}

std::optional<Date> JsonReader::date(const Json& object, const std::string& path, const char* key, Need need) {
    const Json* value = member(object, path, key, need);
    if (!value) return std::nullopt;
    return date_value(*value, pointer_join(path, key));
}

std::optional<std::int64_t> JsonReader::integer(const Json& object, const std::string& path, const char* key,
                                                Need need, std::int64_t min, std::int64_t max) {
    const Json* value = member(object, path, key, need);
    if (!value || !integer_value(*value, pointer_join(path, key), min, max)) return std::nullopt;
    return value->get<std::int64_t>();
}

bool JsonReader::integer_value(const Json& value, const std::string& at, std::int64_t min, std::int64_t max) {
    if (!value.is_number_integer()) {
        fail(at, Code::wrong_type, "应为整数，实际是" + json_type_name(value));
        return false;
    }
    // Unsigned values above INT64_MAX must not wrap into negatives.
    if (value.is_number_unsigned() && value.get<std::uint64_t>() > static_cast<std::uint64_t>(max)) {
        fail(at, Code::out_of_range, "应在" + std::to_string(min) + "到" + std::to_string(max) + "之间");
        return false;
    }
    const auto number = value.get<std::int64_t>();
    if (number < min || number > max) {
        fail(at, Code::out_of_range, "应在" + std::to_string(min) + "到" + std::to_string(max) + "之间，实际是" +
                                     std::to_string(number));
        return false;
    }
    return true;
}

std::optional<bool> JsonReader::boolean(const Json& object, const std::string& path, const char* key, Need need) {
    const Json* value = member(object, path, key, need);
    if (!value || !boolean_value(*value, pointer_join(path, key))) return std::nullopt;
    return value->get<bool>();
}

bool JsonReader::boolean_value(const Json& value, const std::string& path) {
    if (value.is_boolean()) return true;
    fail(path, Code::wrong_type, "应为 true 或 false，实际是" + json_type_name(value));
    return false;
}

std::optional<size_t> JsonReader::choice_value(const Json& value, const std::string& path,
                                               const std::vector<std::string>& names) {
    std::string listed;
    for (const auto& name : names) listed += (listed.empty() ? "" : ", ") + name;
    if (!value.is_string()) {
        fail(path, Code::wrong_type, "应为以下之一：" + listed + "；实际是" + json_type_name(value));
        return std::nullopt;
    }
    const auto& raw = value.get_ref<const std::string&>();
    const auto found = std::find(names.begin(), names.end(), raw);
    if (found == names.end()) {
        fail(path, Code::unknown_value, "未知取值“" + raw + "”，应为以下之一：" + listed);
        return std::nullopt;
    }
    return static_cast<size_t>(found - names.begin());
}

std::optional<size_t> JsonReader::choice(const Json& object, const std::string& path, const char* key, Need need,
                                         const std::vector<std::string>& names) {
    const Json* value = member(object, path, key, need);
    if (!value) return std::nullopt;
    return choice_value(*value, pointer_join(path, key), names);
}

namespace {

// nlohmann's own DOM builder behind a SAX handler that keeps a syntax error (with its line and column, or a
// number like 1e999 out of range) as a message instead of throwing it: the engine needs no exceptions. nlohmann
// parses without recursion, but copying, printing and reading a document recurse: the handler refuses nesting past
// max_json_depth as it is read, before anything recurses. It also refuses a key given twice in one object, which
// nlohmann would quietly let the last one win.
class DomBuilder {
public:
    explicit DomBuilder(Json& result) : dom_(result, false) {}
    bool null() { return value() && dom_.null(); }
    bool boolean(bool v) { return value() && dom_.boolean(v); }
    bool number_integer(Json::number_integer_t v) { return value() && dom_.number_integer(v); }
    bool number_unsigned(Json::number_unsigned_t v) { return value() && dom_.number_unsigned(v); }
    bool number_float(Json::number_float_t v, const Json::string_t& text) { return value() && dom_.number_float(v, text); }
    bool string(Json::string_t& v) { return value() && dom_.string(v); }
    bool binary(Json::binary_t& v) { return value() && dom_.binary(v); }
    bool start_object(std::size_t size) { return open(true) && dom_.start_object(size); }
    bool key(Json::string_t& name) {
        Level& level = levels_.back();
        level.key = name;
        if (!level.keys.insert(name).second)
            refused.push_back({path(), Code::duplicate_key,
                               "字段“" + name + "”在同一个对象里出现了两次；每个字段只能写一次，请删去多余的一个"});
        return dom_.key(name);
    }
    bool end_object() { levels_.pop_back(); return dom_.end_object(); }
    bool start_array(std::size_t size) { return open(false) && dom_.start_array(size); }
    bool end_array() { levels_.pop_back(); return dom_.end_array(); }
    bool parse_error(std::size_t position, const std::string& last_read, const nlohmann::detail::exception& error) {
        message = error.what();
        token = last_read;
        at = position;
        return false;
    }

    std::string message;  // nlohmann's, in English: read by syntax_mistake
    std::string token;    // the text read last, where the syntax broke
    std::size_t at = 0;  // bytes read when the syntax broke
    Issues refused;      // too deep or a key twice: the text is JSON, but not one the engine takes

private:
    struct Level {
        bool object = false;
        std::size_t count = 0;  // an array's elements begun so far
        std::string key;        // an object's key being read
        std::set<std::string> keys;
    };

    // Every value starts here: an array counts it, for the JSON pointer of what it holds.
    bool value() {
        if (!levels_.empty() && !levels_.back().object) ++levels_.back().count;
        return true;
    }
    bool open(bool object) {
        value();
        if (levels_.size() == max_json_depth) {
            refused.push_back({path(), Code::too_deep,
                               "对象和数组嵌套超过" + std::to_string(max_json_depth) + "层，无法读取；请检查括号是否多写了"});
            return false;
        }
        levels_.emplace_back().object = object;
        return true;
    }
    std::string path() const {
        std::string out;
        for (const Level& level : levels_)
            out = level.object ? pointer_join(out, level.key) : pointer_join(out, level.count - 1);
        return out;
    }

    nlohmann::detail::json_sax_dom_parser<Json> dom_;
    std::vector<Level> levels_;
};

// What is wrong with the text, in Chinese, from nlohmann's English message (its wording is stable: "syntax error
// while parsing CONTEXT - unexpected TOKEN; expected TOKEN", or the lexer's own "invalid string: …") and the token
// read last, which ends at byte `at` of `text`.
std::string syntax_mistake(const std::string& what, const std::string& last_read, std::string_view text, std::size_t at) {
    const auto has = [&](const char* words) { return what.find(words) != std::string::npos; };
    // nlohmann's text read last runs from the last literal, string or number it began: a bracket or comma read
    // after it is named in the message ("unexpected ']'"), and one read before it is not part of it.
    std::string token = last_read;
    if (const auto quoted = what.find("unexpected '"); quoted != std::string::npos) token = what.substr(quoted + 12, 1);
    else if (token.empty() || token[0] != '"') token.erase(0, token.find_first_not_of("[]{},: \t\r\n"));
    const std::string shown = "“" + token + "”";
    if (text.find_first_not_of(" \t\r\n") == std::string_view::npos) return "内容是空的，没有 JSON";
    if (has("number overflow")) return "数字" + shown + "太大，超出了能读的范围";
    if (has("unexpected end of input") || (token.empty() && !has("expected end of input")))
        return "内容没有写完就结束了：可能少了右括号“}”或“]”，或者少了一个英文双引号";
    if (has("expected end of input")) return "JSON 到这里本该结束，后面却还有" + shown + "；一个文件只能有一个最外层的对象";
    if (has("control character")) return "文字里有不能直接写的控制字符（如换行或制表符），换行请写作 \\n";
    if (has("missing closing quote")) return "文字缺少结尾的英文双引号“\"”";
    if (has("ill-formed UTF-8")) return "这里有不是 UTF-8 编码的字节；请把文件存为 UTF-8";
    if (has("after backslash")) return "反斜杠“\\”后面不能接" + shown + "的最后一个字；要写反斜杠本身，请写作 \\\\";
    if (has("invalid string")) return "文字里的 \\u 转义写得不对：\\u 后面应是4位十六进制数字";
    if (has("invalid number")) return shown + "不是有效的数字";
    if (has("invalid literal"))
        return shown + "不是 JSON 的值：文字要写在英文双引号里，其他的值只能是数字、true、false 或 null";
    if (has("invalid BOM")) return "文件开头的字节不是有效的 UTF-8 标记（BOM）";
    // A comma just before a closing bracket: the last item may not be followed by one.
    if (token == "]" || token == "}") {
        std::size_t before = at >= token.size() ? at - token.size() : 0;
        while (before > 0 && std::string_view(" \t\r\n").find(text[before - 1]) != std::string_view::npos) --before;
        if (before > 0 && text[before - 1] == ',') return "“" + token + "”前面多了一个逗号：最后一项后面不能有逗号";
    }
    if (has("while parsing object key")) return "这里应是用英文双引号括起来的字段名，却是" + shown;
    if (has("while parsing object separator")) return "字段名后面应是英文冒号“:”，却是" + shown;
    if (has("while parsing object -")) return "这里应是英文逗号“,”或右花括号“}”，却是" + shown + "；可能少了一个逗号";
    if (has("while parsing array")) return "这里应是英文逗号“,”或右方括号“]”，却是" + shown + "；可能少了一个逗号";
    if (has("while parsing value")) return "这里应是一个值（对象、数组、文字、数字、true、false 或 null），却是" + shown;
    return "这里的" + shown + "不符合 JSON 的写法";
}

}  // namespace

std::optional<Json> parse_json(std::string_view text, Issues& issues) {
    Json document;
    DomBuilder builder(document);
    const bool parsed = Json::sax_parse(text.begin(), text.end(), &builder);
    if (builder.message.empty()) {  // no syntax error
        issues.insert(issues.end(), builder.refused.begin(), builder.refused.end());
        if (parsed && builder.refused.empty()) return document;
        return std::nullopt;
    }
    // The line and column of the last character read, counting characters, not bytes, as an editor does.
    int line = 1, column = 0;
    for (std::size_t i = 0; i < std::min(builder.at, text.size()); ++i) {
        if (text[i] == '\n') {
            ++line;
            column = 0;
        } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
            ++column;
        }
    }
    column = std::max(column, 1);
    const std::string where = "第" + std::to_string(line) + "行第" + std::to_string(column) + "列";
    issues.push_back({"", Code::malformed_json,
                      "JSON 格式错误（" + where + "）：" + syntax_mistake(builder.message, builder.token, text, builder.at),
                      line, column});
    return std::nullopt;
}

bool same_json(const Json& a, const Json& b) {
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

}  // namespace yibao
