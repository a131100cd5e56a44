// A ruleset's shape: each object a ruleset holds, described once in fields.cpp, field by field, with its key, its
// JSON kind, whether it is required, a one-line description and its value's JSON Schema. The loader checks unknown
// and missing keys and JSON kinds through it (FieldReader); rules/schema.json and the README's ruleset reference
// are generated from it (`yibao vocabulary`, tools/docs.mjs). What a value means (ids that must exist, dates in
// order, placeholders) the loader checks itself.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/json_reader.hpp"

namespace yibao {

// The largest amount a ruleset may give, in fen (1,000,000元).
constexpr std::int32_t kMostFen = 100000000;

enum class FieldKind : std::uint8_t {
    text,       // a string
    integer,    // a whole number in [min, max]
    boolean,
    date,       // "YYYY-MM-DD"
    object,     // an object of the table, named by `of`
    list,       // an array of objects named by `of`, at least `min` of them
    texts,      // an array of strings
    condition,  // the vocabulary's condition
    date_expr,  // the vocabulary's date expression
    amount,     // fen, or a provisional or unknown fact
    date_fact,  // a date, or a provisional or unknown fact
    plain,      // a provisional fact's value: the amount or date it stands for
};

// Plain pointers and no documentation in the page's engine (YIBAO_LEAN): the table is data it carries.
struct Field {
    const char* object = "";  // the object it belongs to
    const char* key = "";
    const char* of = "";      // object, list: the object's name
    const char* with = "";    // required when this other key of the object is given
    const char* unless = "";  // required unless this other key of the object is given
    const char* names = "";   // text: an id of an item of this list of the ruleset (e.g. "fee_parts")
#ifndef YIBAO_LEAN
    std::string_view description;
    std::string_view schema;  // more JSON Schema for the value (a pattern, an enum) where the loader checks more
    // The workbench's words: its label (a list's: the list's name) and a plain-word hint, in Chinese; an enum's
    // values in words, as a JSON object ({"A": "A 当年的正式文件", …}).
    std::string_view label;
    std::string_view hint;
    std::string_view words;
#endif
    std::int32_t min = 0;     // integer: the least value; list: the least items; text: the least characters
    std::int32_t max = 0;     // integer: the greatest value; list: the most items (0: any number)
    FieldKind kind = FieldKind::text;
    Need need = Need::optional;
    bool own = false;         // a ruleset with a base must state it itself
    bool or_unknown = false;  // may instead be {"unknown": {…}}: the sources do not say
};

struct ObjectShape {
    std::string_view name;
    std::string_view where;  // where a ruleset holds it, e.g. "contributions[]"
    std::string_view description;
    std::string_view label;  // what the workbench calls one of it, in Chinese
    std::string_view hint;   // what it is, in plain Chinese words
};

std::vector<ObjectShape> ruleset_objects();
// The fields of one object, in the table's order.
std::vector<const Field*> fields_of(std::string_view object);
const Field* find_field(std::string_view object, std::string_view key);

// Reads one object of a ruleset as the table describes it: its unknown keys are reported at once, then each field
// when the loader asks for it, as missing (when required) or of another JSON kind than the table's. The value
// itself (a range, an id, a condition) the loader reads as it means.
class FieldReader {
public:
    // `value` must be an object.
    FieldReader(JsonReader& read, std::string_view object, const Json& value, std::string at);

    // The field's value when given and of its kind; nullptr otherwise (the problem reported).
    const Json* value(std::string_view key);
    std::optional<std::string> text(std::string_view key);
    std::optional<std::int64_t> integer(std::string_view key);
    std::optional<bool> boolean(std::string_view key);
    std::optional<Date> date(std::string_view key);
    // An object field's value, read in turn as the table names that object.
    std::optional<FieldReader> part(std::string_view key);

    std::string_view name() const { return object_; }
    // The table's row for one of its keys; nullptr for a key the table does not give it.
    const Field* field(std::string_view key) const;
    const Json& object() const { return value_; }
    const std::string& at() const { return at_; }
    std::string path(std::string_view key) const { return pointer_join(at_, std::string(key)); }

private:
    JsonReader& read_;
    std::string_view object_;
    const Json& value_;
    std::string at_;
    const Field* rows_ = nullptr;  // its object's rows of the table, found once
    const Field* rows_end_ = nullptr;
};

// The table as documentation (not in the page's engine), as `yibao vocabulary` prints it and the workbench's forms
// are made from it: {"objects": [{object, where, description, label, hint}], "fields": [{object, key, kind (the
// FieldKind's name: "text", "list", "amount" …), of, form (its JSON form: "integer 0 to 120", "[contribution, …]"),
// need ("required", "optional" or what makes it required), required, min, max, or_unknown, own, names, schema, description,
// label, hint, words}]}, words an object ({} where none).
Json field_table_json();
// The whole of rules/schema.json (JSON Schema 2020-12): the table's objects and the vocabulary's definitions.
Json ruleset_schema();

}  // namespace yibao
