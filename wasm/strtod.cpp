// The C library's strtod, replaced in the page's engine to leave musl's long-double scanner and the soft-float
// arithmetic behind it (13 KB of wasm) out of the download. The engine never uses a JSON number's value as a
// float: a float where an integer belongs is refused, and nlohmann only asks whether it is finite ("number
// overflow"). So this reads the digits nlohmann has already checked, and is exact enough for that question;
// numbers within a unit of the last place of DBL_MAX may come out infinite where the C library rounds down.
#include <cmath>

extern "C" double strtod(const char* text, char** end) {
    const char* s = text;
    const bool negative = *s == '-';
    if (*s == '-' || *s == '+') ++s;
    double mantissa = 0;
    long exponent = 0;
    int digits = 0;  // significant digits kept; the rest only move the exponent
    auto digit = [&](char c, bool fraction) {
        if (mantissa == 0 && c == '0') {
            if (fraction) --exponent;
            return;
        }
        if (digits < 19) {
            mantissa = mantissa * 10 + (c - '0');
            ++digits;
            if (fraction) --exponent;
        } else if (!fraction) {
            ++exponent;
        }
    };
    for (; *s >= '0' && *s <= '9'; ++s) digit(*s, false);
    if (*s == '.')
        for (++s; *s >= '0' && *s <= '9'; ++s) digit(*s, true);
    if (*s == 'e' || *s == 'E') {
        ++s;
        const bool down = *s == '-';
        if (*s == '-' || *s == '+') ++s;
        long e = 0;
        for (; *s >= '0' && *s <= '9'; ++s)
            if (e < 100000) e = e * 10 + (*s - '0');
        exponent += down ? -e : e;
    }
    if (end) *end = const_cast<char*>(s);
    if (mantissa == 0) return negative ? -0.0 : 0.0;
    const double value = mantissa * std::pow(10.0, static_cast<double>(exponent));
    return negative ? -value : value;
}

// The same object file of the C library defines these; nlohmann's lexer refers to all three.
extern "C" float strtof(const char* text, char** end) { return static_cast<float>(strtod(text, end)); }
extern "C" long double strtold(const char* text, char** end) { return strtod(text, end); }
