// yibao batch: a roster CSV in (UTF-8 or GBK), the roster with each member's figures out, and a summary.
#pragma once

#include <iconv.h>

#include <cstdio>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.hpp"
#include "rules/ruleset.hpp"

enum class Encoding { detect, utf8, gbk };

// Turns raw input into UTF-8 chunk by chunk. Undetected, the encoding is decided by the first chunk that
// holds anything but ASCII: valid UTF-8 stays as it is, anything else is read as GB18030 (a superset of
// GBK, what Chinese spreadsheets save as "CSV"). Bytes of a character cut by a chunk's end wait for the next.
class Utf8Source {
public:
    explicit Utf8Source(Encoding encoding) : encoding_(encoding) {}
    ~Utf8Source();
    Utf8Source(const Utf8Source&) = delete;
    Utf8Source& operator=(const Utf8Source&) = delete;

    // The UTF-8 text of `bytes`, valid until the next call; nullopt when GB18030 is not available.
    std::optional<std::string_view> decode(std::string_view bytes, bool last);
    Encoding encoding() const { return encoding_; }  // detect while only ASCII has been seen

private:
    std::optional<std::string_view> from_gb18030(std::string_view bytes, bool last);

    Encoding encoding_;
    std::string held_;  // while detecting: bytes not yet passed on, from held_used_
    size_t held_used_ = 0;
    iconv_t converter_ = reinterpret_cast<iconv_t>(-1);
    std::string cut_;  // GB18030 bytes waiting for the rest of their character
    std::string converted_;
};

struct BatchOptions {
    std::string ruleset;
    std::optional<yibao::Date> payment_date;
    std::string summary_file;  // empty: the summary goes to standard error
    Encoding encoding = Encoding::detect;
    bool bom = false;
    bool template_only = false;  // --template: write the ruleset's roster template instead of estimating a roster
};

// Takes the batch option at args[i], moving i past its value; false when args[i] is none of them.
// A bad value is described in `problem`.
bool take_batch_option(const std::vector<std::string>& args, size_t& i, BatchOptions& options, std::string& problem);

// Streams the roster from `input` to standard output and writes the summary; returns the exit status
// (0 when every row was estimated, 1 otherwise).
int run_batch(const yibao::Ruleset& ruleset, const BatchOptions& options, std::FILE* input);
