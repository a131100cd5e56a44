#include "encoding.hpp"

#include <algorithm>

namespace yibao {

Utf8Check check_utf8(std::string_view bytes) {
    bool multibyte = false;
    for (size_t i = 0; i < bytes.size();) {
        const auto c = static_cast<unsigned char>(bytes[i]);
        if (c < 0x80) {
            ++i;
            continue;
        }
        size_t length = 0;
        unsigned char low = 0x80, high = 0xBF;  // the range of the second byte (no overlongs, no surrogates)
        if (c >= 0xC2 && c <= 0xDF) {
            length = 2;
        } else if (c >= 0xE0 && c <= 0xEF) {
            length = 3;
            if (c == 0xE0) low = 0xA0;
            if (c == 0xED) high = 0x9F;
        } else if (c >= 0xF0 && c <= 0xF4) {
            length = 4;
            if (c == 0xF0) low = 0x90;
            if (c == 0xF4) high = 0x8F;
        } else {
            return Utf8Check::invalid;
        }
        for (size_t k = 1; k < length; ++k) {
            if (i + k == bytes.size()) return multibyte ? Utf8Check::valid : Utf8Check::ascii;
            const auto next = static_cast<unsigned char>(bytes[i + k]);
            if (next < (k == 1 ? low : 0x80) || next > (k == 1 ? high : 0xBF)) return Utf8Check::invalid;
        }
        multibyte = true;
        i += length;
    }
    return multibyte ? Utf8Check::valid : Utf8Check::ascii;
}

bool reads_as_gbk(std::string_view bytes) {
    size_t from = 0;  // after the ASCII already passed on: a cut character waits for the next block
    for (size_t end = std::min(kEncodingBlock, bytes.size());; end = std::min(end + kEncodingBlock, bytes.size())) {
        const Utf8Check check = check_utf8(bytes.substr(from, end - from));
        if (check != Utf8Check::ascii || end == bytes.size()) return check == Utf8Check::invalid;
        while (from < end && static_cast<unsigned char>(bytes[from]) < 0x80) ++from;
    }
}

}  // namespace yibao
