// YIBAO_FIELDS(s.a, s.b, …): a struct's members listed once, beside them, for the compact form of rulesets
// (rules/compact.hpp). `T::fields(s, f)` calls f(s.a, s.b, …): with s const to write it, not const to read it.
// A member left out of the list is not carried by the compact form: compact_test holds every answer and every
// ruleset summary of the page read back from it to the JSON loader's.
#pragma once

#define YIBAO_FIELDS(...)                                   \
    template <typename S, typename F>                       \
    static void fields(S& s, F&& f) {                       \
        f(__VA_ARGS__);                                     \
    }
