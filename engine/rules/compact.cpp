#include "rules/compact.hpp"

#include <algorithm>
#include <cstdint>
#include <limits>
#include <type_traits>

namespace yibao {

namespace {

// "YBR", the form's version (a change to a member list or to this file's encoding is a new one), then a checksum of
// the rest: FNV-1a, enough to tell a copy damaged on its way from one made so.
constexpr std::string_view kMagic = "YBR\x02";
constexpr size_t kHeader = kMagic.size() + 4;
// Conditions and date expressions nest. A ruleset's structs nest no deeper than twice its JSON (a plain amount is a
// Fact holding a Certainty), which the loader keeps within max_json_depth; a damaged copy may claim any depth.
constexpr int kDeepest = 2 * static_cast<int>(max_json_depth);

std::uint32_t checksum(std::string_view bytes) {
    std::uint32_t hash = 2166136261u;
    for (const char c : bytes) hash = (hash ^ static_cast<unsigned char>(c)) * 16777619u;
    return hash;
}

// The last value of each enum a ruleset holds, so that a damaged copy cannot make one outside it.
constexpr int last(Relation) { return static_cast<int>(Relation::on_or_after); }
constexpr int last(Payer) { return static_cast<int>(Payer::government); }
constexpr int last(Certainty::Kind) { return static_cast<int>(Certainty::Kind::unknown); }
#define YIBAO_CODE_COUNT(code, kind, concerns, meaning) +1
constexpr int last(Code) { return 0 YIBAO_CODES(YIBAO_CODE_COUNT) - 1; }
#undef YIBAO_CODE_COUNT

// Whether T lists its members (YIBAO_FIELDS).
struct AnyMembers {
    template <typename... T>
    void operator()(T&...) const {}
};
template <typename T, typename = void>
struct has_fields : std::false_type {};
template <typename T>
struct has_fields<T, std::void_t<decltype(T::fields(std::declval<T&>(), AnyMembers{}))>> : std::true_type {};

// Numbers as LEB128 (signed ones zigzagged), texts and lists by their length first, optionals by a flag.
class Writer {
public:
    std::string bytes;

    template <typename... T>
    void operator()(const T&... values) { (put(values), ...); }

private:
    void number(std::uint64_t n) {
        for (; n >= 0x80; n >>= 7) bytes += static_cast<char>(n | 0x80);
        bytes += static_cast<char>(n);
    }
    template <typename T>
    void put(const T& value) {
        if constexpr (std::is_same_v<T, bool>) {
            number(value ? 1 : 0);
        } else if constexpr (std::is_enum_v<T>) {
            number(static_cast<std::uint64_t>(value));
        } else if constexpr (std::is_integral_v<T> && std::is_signed_v<T>) {
            const auto n = static_cast<std::int64_t>(value);
            number((static_cast<std::uint64_t>(n) << 1) ^ static_cast<std::uint64_t>(n >> 63));
        } else if constexpr (std::is_integral_v<T>) {
            number(value);
        } else if constexpr (std::is_same_v<T, std::string>) {
            number(value.size());
            bytes += value;
        } else if constexpr (std::is_same_v<T, Date>) {
            (*this)(value.year, value.month, value.day);
        } else if constexpr (std::is_same_v<T, Money>) {
            put(value.fen);
        } else if constexpr (std::is_pointer_v<T>) {  // a keyword of the vocabulary
            number(static_cast<std::uint64_t>(keyword_number(value)));
        } else if constexpr (has_fields<T>::value) {
            T::fields(value, *this);
        } else {
            put_list(value);
        }
    }
    template <typename T>
    void put_list(const std::optional<T>& value) {
        number(value ? 1 : 0);
        if (value) put(*value);
    }
    template <typename T>
    void put_list(const std::vector<T>& values) {
        number(values.size());
        for (const T& value : values) put(value);
    }
};

// Reads what Writer wrote. Every read is bounded by the bytes left: a damaged copy fails (ok() false), it never
// reads past the end, makes an enum value outside its type, a date that is no date or a list longer than the bytes.
class Reader {
public:
    explicit Reader(std::string_view bytes) : at_(bytes.data()), end_(bytes.data() + bytes.size()) {}

    template <typename... T>
    void operator()(T&... values) { (get(values), ...); }

    bool ok() const { return ok_ && at_ == end_; }

private:
    const char* at_;
    const char* end_;
    bool ok_ = true;
    int depth_ = 0;

    size_t left() const { return static_cast<size_t>(end_ - at_); }
    void fail() {
        ok_ = false;
        at_ = end_;
    }
    std::uint64_t number() {
        std::uint64_t n = 0;
        for (int shift = 0; shift < 64 && at_ < end_; shift += 7) {
            const auto byte = static_cast<unsigned char>(*at_++);
            n |= static_cast<std::uint64_t>(byte & 0x7f) << shift;
            if (!(byte & 0x80)) return n;
        }
        fail();
        return 0;
    }
    std::int64_t signed_number() {
        const std::uint64_t n = number();
        return static_cast<std::int64_t>(n >> 1) ^ -static_cast<std::int64_t>(n & 1);
    }
    // A number that must be at most `most` (and at least `least`).
    std::int64_t within(std::int64_t n, std::int64_t least, std::int64_t most) {
        if (n < least || n > most) fail();
        return ok_ ? n : least;
    }
    template <typename T>
    void get(T& value) {
        if (!ok_) return;
        if constexpr (std::is_same_v<T, bool>) {
            value = within(static_cast<std::int64_t>(number()), 0, 1) == 1;
        } else if constexpr (std::is_enum_v<T>) {
            value = static_cast<T>(within(static_cast<std::int64_t>(std::min<std::uint64_t>(number(), 0xffff)), 0, last(T{})));
        } else if constexpr (std::is_integral_v<T> && std::is_signed_v<T>) {
            value = static_cast<T>(within(signed_number(), std::numeric_limits<T>::min(), std::numeric_limits<T>::max()));
        } else if constexpr (std::is_integral_v<T>) {
            const std::uint64_t n = number();
            if (n > std::numeric_limits<T>::max()) fail();
            value = static_cast<T>(n);
        } else if constexpr (std::is_same_v<T, std::string>) {
            const std::uint64_t size = number();
            if (size > left()) return fail();
            value.assign(at_, static_cast<size_t>(size));
            at_ += size;
        } else if constexpr (std::is_same_v<T, Date>) {
            (*this)(value.year, value.month, value.day);
            if (!value.real() || value.year > 9999) fail();
        } else if constexpr (std::is_same_v<T, Money>) {
            get(value.fen);
        } else if constexpr (std::is_same_v<T, const ConditionKeyword*> || std::is_same_v<T, const DateKeyword*>) {
            const auto n = static_cast<int>(std::min<std::uint64_t>(number(), 0xffff));
            if constexpr (std::is_same_v<T, const ConditionKeyword*>) value = condition_keyword(n);
            else value = date_keyword(n);
            if (n != 0 && !value) fail();
        } else if constexpr (has_fields<T>::value) {
            if (++depth_ > kDeepest) return fail();
            T::fields(value, *this);
            --depth_;
        } else {
            get_list(value);
        }
    }
    template <typename T>
    void get_list(std::optional<T>& value) {
        bool given = false;
        get(given);
        if (given) get(value.emplace());
    }
    template <typename T>
    void get_list(std::vector<T>& values) {
        // Item by item, not resized at once: a damaged count must not allocate more than the bytes can hold.
        const std::uint64_t count = number();
        if (count > left()) return fail();  // every item takes a byte at least
        values.clear();
        for (std::uint64_t i = 0; i < count && ok_; ++i) get(values.emplace_back());
    }
};

}  // namespace

std::string write_compact(const CompactRulesets& data) {
    Writer write;
    write(data.rulesets, data.issues, data.documents);
    const std::uint32_t sum = checksum(write.bytes);
    std::string bytes(kMagic);
    for (int shift = 0; shift < 32; shift += 8) bytes += static_cast<char>(sum >> shift & 0xff);
    return bytes + write.bytes;
}

std::optional<CompactRulesets> read_compact_unchecked(std::string_view bytes) {
    if (bytes.size() < kHeader || bytes.substr(0, kMagic.size()) != kMagic) return std::nullopt;
    CompactRulesets data;
    Reader read(bytes.substr(kHeader));
    read(data.rulesets, data.issues, data.documents);
    if (!read.ok()) return std::nullopt;
    return data;
}

std::optional<CompactRulesets> read_compact(std::string_view bytes) {
    if (bytes.size() < kHeader) return std::nullopt;
    std::uint32_t sum = 0;
    for (size_t i = 0; i < 4; ++i) sum |= static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[kMagic.size() + i])) << (8 * i);
    if (checksum(bytes.substr(kHeader)) != sum) return std::nullopt;
    return read_compact_unchecked(bytes);
}

}  // namespace yibao
