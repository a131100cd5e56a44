// The C library's snprintf, replaced in the page's engine like strtod (wasm/strtod.cpp): musl's printf with its
// floating-point formatting is 9 KB of wasm. nlohmann calls it, to escape a control character ("\u%04x") and to name
// one in a syntax error ("<U+%.4X>"), and the staff page's roster sample to write dates ("%04d-%02d-%02d"); so this
// writes %d, %u, %x, %X, %s, %c and %% with a zero flag, a width and a precision, and fails (-1) on any other
// conversion. tests/web/parity.test.mjs holds it to the CLI's.
#include <cstdarg>
#include <cstddef>
#include <string>

extern "C" int vsnprintf(char* out, std::size_t size, const char* format, va_list args) {
    std::string text;
    for (const char* f = format; *f; ++f) {
        if (*f != '%') {
            text += *f;
            continue;
        }
        if (*++f == '%') {
            text += '%';
            continue;
        }
        const bool zeros = *f == '0';
        if (zeros) ++f;
        std::size_t width = 0, precision = 0;
        for (; *f >= '0' && *f <= '9'; ++f) width = width * 10 + static_cast<std::size_t>(*f - '0');
        if (*f == '.')
            for (++f; *f >= '0' && *f <= '9'; ++f) precision = precision * 10 + static_cast<std::size_t>(*f - '0');
        std::string field;
        bool negative = false;
        switch (*f) {
        case 'd': {
            const long value = va_arg(args, int);
            negative = value < 0;
            field = std::to_string(negative ? -value : value);
            break;
        }
        case 'u': field = std::to_string(va_arg(args, unsigned)); break;
        case 'x':
        case 'X': {
            const char* digits = *f == 'x' ? "0123456789abcdef" : "0123456789ABCDEF";
            unsigned value = va_arg(args, unsigned);
            do field.insert(field.begin(), digits[value % 16]); while (value /= 16);
            break;
        }
        case 's': field = va_arg(args, const char*); break;
        case 'c': field = static_cast<char>(va_arg(args, int)); break;
        default: return -1;  // not written by this engine's callers: fail as the C library does on a bad format
        }
        if (precision > field.size() && *f != 's' && *f != 'c') field.insert(0, precision - field.size(), '0');
        if (negative) field.insert(field.begin(), '-');
        // Zeros go after the sign, spaces before it.
        if (width > field.size()) field.insert(zeros && negative ? 1 : 0, width - field.size(), zeros ? '0' : ' ');
        text += field;
    }
    if (size > 0) {
        const std::size_t kept = text.size() < size - 1 ? text.size() : size - 1;
        text.copy(out, kept);
        out[kept] = '\0';
    }
    return static_cast<int>(text.size());
}

extern "C" int snprintf(char* out, std::size_t size, const char* format, ...) {
    va_list args;
    va_start(args, format);
    const int written = vsnprintf(out, size, format, args);
    va_end(args);
    return written;
}
