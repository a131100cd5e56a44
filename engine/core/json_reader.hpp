// Typed reads from a JSON document that record every problem with its JSON pointer
// instead of stopping at the first, so a user sees all that is wrong at once.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.hpp"
#include "core/money.hpp"
#include "core/issues.hpp"
#include "core/json.hpp"

namespace yibao {

enum class Need : bool { optional, required };

class JsonReader {
public:
    explicit JsonReader(Issues& issues) : issues_(issues) {}

    void fail(const std::string& path, Code code, const std::string& message) {
        issues_.push_back({path, code, message});
    }

    bool is_object(const Json& value, const std::string& path);
    bool is_array(const Json& value, const std::string& path, bool non_empty = false);
    // Each key of `object` not in `allowed` is an issue: a misspelt key must not be silently ignored.
    void only_keys(const Json& object, const std::string& path, const std::vector<std::string_view>& allowed);

    // The member `key` of `object`, or nullptr when absent (an issue when required). `object` must be an object.
    const Json* member(const Json& object, const std::string& path, const char* key, Need need);

    std::optional<std::string> text(const Json& object, const std::string& path, const char* key, Need need);
    // The same checks on a value already found, reported at `path`.
    bool text_value(const Json& value, const std::string& path);
    bool integer_value(const Json& value, const std::string& path, std::int64_t min, std::int64_t max);
    bool boolean_value(const Json& value, const std::string& path);
    std::optional<Date> date(const Json& object, const std::string& path, const char* key, Need need);
    std::optional<Date> date_value(const Json& value, const std::string& path);
    std::optional<std::int64_t> integer(const Json& object, const std::string& path, const char* key, Need need,
                                        std::int64_t min, std::int64_t max);
    std::optional<bool> boolean(const Json& object, const std::string& path, const char* key, Need need);
    // Index of the value within `names`.
    std::optional<size_t> choice(const Json& object, const std::string& path, const char* key, Need need,
                                 const std::vector<std::string>& names);
    std::optional<size_t> choice_value(const Json& value, const std::string& path,
                                       const std::vector<std::string>& names);

private:
    Issues& issues_;
};

std::string json_type_name(const Json& value);
// Equal as JSON whatever the order of an object's keys (an ordered_json compares them in order; a form or the
// merge may write a key anywhere).
bool same_json(const Json& a, const Json& b);

// An amount in an answer: its fen, or null when it is not published.
inline Json fen_or_null(const std::optional<Money>& amount) { return amount ? Json(amount->fen) : Json(nullptr); }

// How deeply objects and arrays may nest in any JSON the engine reads. The deepest real input (a ruleset's
// conditions, a test case) nests 11; reading, copying and printing recurse once a level, which 64 keeps far
// inside the smallest stack the engine runs on (the WebAssembly build's).
constexpr std::size_t max_json_depth = 64;

// Parses JSON text without throwing; on failure records where the syntax breaks (line and column), where it nests
// deeper than max_json_depth (too_deep), or where an object holds a key twice (duplicate_key).
std::optional<Json> parse_json(std::string_view text, Issues& issues);

}  // namespace yibao
