// Problems found in input, each tied to a JSON pointer (or a CSV line) so the user can find it.
#pragma once

#include <string>
#include <vector>

#include "core/codes.hpp"
#include "core/members.hpp"

namespace yibao {

struct Issue {
    std::string path;     // JSON pointer into the input, "" for the whole document
    Code code;            // stable machine-readable reason, e.g. invalid_date (core/codes.hpp)
    std::string message;  // what is wrong, in words a person reads
    int line = 0;         // malformed JSON: where the syntax breaks, from 1 (0: not a syntax error)
    int column = 0;       // in characters from 1
    YIBAO_FIELDS(s.path, s.code, s.message, s.line, s.column)
};

using Issues = std::vector<Issue>;

// Appends one JSON-pointer token, escaped as RFC 6901 asks.
std::string pointer_join(const std::string& base, const std::string& token);
inline std::string pointer_join(const std::string& base, size_t index) {
    return base + "/" + std::to_string(index);
}

}  // namespace yibao
