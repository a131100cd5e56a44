// Money as integer fen: the sources give whole yuan, and sums must never drift.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace yibao {

struct Money {
    std::int64_t fen = 0;

    static constexpr Money from_fen(std::int64_t f) { return Money{f}; }
    static constexpr Money from_yuan(std::int64_t y) { return Money{y * 100}; }

    // "462元" or "462.50元"
    std::string yuan_text() const {
        const std::int64_t size = fen < 0 ? -fen : fen, whole = size / 100, cents = size % 100;
        const std::string sign = fen < 0 ? "-" : "";
        if (cents == 0) return sign + std::to_string(whole) + "元";
        return sign + std::to_string(whole) + "." + (cents < 10 ? "0" : "") + std::to_string(cents) + "元";
    }

    Money& operator+=(Money other) {
        fen += other.fen;
        return *this;
    }
    friend Money operator+(Money a, Money b) { return a += b; }
    friend bool operator==(Money a, Money b) { return a.fen == b.fen; }
    friend bool operator!=(Money a, Money b) { return a.fen != b.fen; }
};

// A sum with an amount that is not published in it (nullopt) is not a number either.
inline std::optional<Money> sum_known(const std::optional<Money>& a, const std::optional<Money>& b) {
    return a && b ? std::optional<Money>(*a + *b) : std::nullopt;
}

}  // namespace yibao
