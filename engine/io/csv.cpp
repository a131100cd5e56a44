#include "io/csv.hpp"

#include <cstring>

namespace yibao {

namespace {
constexpr char kBom[] = "\xEF\xBB\xBF";

bool is_pad(char c) { return c == ' ' || c == '\t'; }

// Whether the field holds a comma, a quote, CR or LF. Every cell written goes through here, so it looks
// at eight bytes at a time: a byte equal to b makes (w ^ b…b) have a zero byte, which the borrow reveals.
bool needs_quotes(std::string_view field) {
    constexpr std::uint64_t ones = 0x0101010101010101u, highs = 0x8080808080808080u;
    auto has = [&](std::uint64_t word, char c) {
        const std::uint64_t x = word ^ (ones * static_cast<unsigned char>(c));
        return ((x - ones) & ~x & highs) != 0;
    };
    size_t i = 0;
    for (; i + 8 <= field.size(); i += 8) {
        std::uint64_t word;
        std::memcpy(&word, field.data() + i, 8);
        if (has(word, ',') || has(word, '"') || has(word, '\r') || has(word, '\n')) return true;
    }
    for (; i < field.size(); ++i)
        if (field[i] == ',' || field[i] == '"' || field[i] == '\r' || field[i] == '\n') return true;
    return false;
}

// =, +, -, @, a tab or a carriage return: a spreadsheet would take a cell beginning with it for a formula.
bool starts_formula(char c) { return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r'; }
}  // namespace

void CsvReader::finish() { finished_ = true; }

std::optional<long> CsvReader::record_boundary() const {
    // After a CR, an LF to come would belong to its line break: not a place to cut.
    const bool between = input_.empty() && !ready_ && bom_done_ && !after_cr_ && state_ == State::field_start &&
                         record_.ends_.empty() && record_.text_.empty() && !field_quoted_;
    return between ? std::optional<long>(line_) : std::nullopt;
}

// The BOM may arrive split across chunks, so its bytes are held back until they are known to be one.
bool CsvReader::skip_bom() {
    while (!input_.empty() && bom_matched_ < 3 && input_[0] == kBom[bom_matched_]) {
        ++bom_matched_;
        input_.remove_prefix(1);
    }
    if (bom_matched_ < 3 && input_.empty() && !finished_) return false;
    had_bom_ = bom_matched_ == 3;
    if (!had_bom_ && bom_matched_ > 0) {  // the start of a character such as "，", not a BOM: it is data
        record_.text_.append(kBom, static_cast<size_t>(bom_matched_));
        state_ = State::unquoted;
    }
    bom_done_ = true;
    return true;
}

void CsvReader::start_record() {
    record_.text_.clear();
    record_.ends_.clear();
    record_.line_ = line_;
    record_.had_quotes_ = false;
    field_start_ = field_keep_ = 0;
    field_quoted_ = false;
    state_ = State::field_start;
}

void CsvReader::end_field() {
    std::string& text = record_.text_;
    const size_t keep = field_keep_ > field_start_ ? field_keep_ : field_start_;
    size_t size = text.size();
    while (size > keep && is_pad(text[size - 1])) --size;
    if (size != text.size()) text.resize(size);
    record_.ends_.push_back(size);
    field_start_ = field_keep_ = size;
    field_quoted_ = false;
}

bool CsvReader::end_record() {
    const bool blank = record_.ends_.empty() && !field_quoted_;
    end_field();
    if (blank && record_.text_.empty()) {
        start_record();
        return false;
    }
    ready_ = true;
    return true;
}

const CsvRecord* CsvReader::next() {
    if (ready_) {
        ready_ = false;
        start_record();
    }
    if (!bom_done_ && !skip_bom()) return nullptr;
    std::string& text = record_.text_;
    const char* p = input_.data();
    const char* const end = p + input_.size();
    // Appends the bytes before the next `stop` or line break; false when the input runs out first. The stops (a comma
    // or a quote) and CR and LF are all at most ',': most bytes of a roster are above it, and cost one comparison.
    auto take_until = [&](char stop) {
        const char* run = p;
        while (p < end && (static_cast<unsigned char>(*p) > ',' || (*p != stop && *p != '\n' && *p != '\r'))) ++p;
        text.append(run, static_cast<size_t>(p - run));
        return p < end;
    };
    while (p < end) {
        char c = *p;
        if (after_cr_) {  // CRLF is one line break, in a quoted field as at a record's end
            after_cr_ = false;
            if (c == '\n') {
                if (state_ == State::quoted) text += '\n';
                ++p;
                continue;
            }
        }
        switch (state_) {
        case State::field_start:
            if (c == '"') {
                state_ = State::quoted;
                field_quoted_ = record_.had_quotes_ = true;
                quote_line_ = line_;
                ++p;
                break;
            }
            state_ = State::unquoted;
            [[fallthrough]];
        case State::unquoted: {
            if (!take_until(',')) break;
            c = *p++;
            if (c == ',') {
                end_field();
                text += ',';
                field_start_ = field_keep_ = text.size();
                state_ = State::field_start;
                break;
            }
            ++line_;
            after_cr_ = c == '\r';
            if (end_record()) {
                input_ = std::string_view(p, static_cast<size_t>(end - p));
                return &record_;
            }
            break;
        }
        case State::quoted: {
            if (!take_until('"')) break;
            c = *p++;
            if (c == '"') {
                state_ = State::quote_in_quoted;
                field_keep_ = text.size();
            } else {
                text += c;
                ++line_;
                after_cr_ = c == '\r';
            }
            break;
        }
        case State::quote_in_quoted:
            if (c == '"') {  // a doubled quote stands for one
                text += '"';
                state_ = State::quoted;
                ++p;
            } else {  // the field's closing quote; anything up to the next comma is kept as written
                state_ = State::unquoted;
            }
            break;
        }
    }
    input_ = {};
    if (!finished_ || (state_ == State::field_start && record_.ends_.empty() && text.empty())) return nullptr;
    if (state_ == State::quoted) {
        if (!error_)
            error_ = CsvError{quote_line_, "第" + std::to_string(quote_line_) +
                                               "行：引号没有闭合，从这里开始的带引号单元格直到文件末尾都没有结束引号"};
        return nullptr;
    }
    return end_record() ? &record_ : nullptr;
}

void append_csv_field(std::string& out, std::string_view field) {
    // A trailing space is quoted too, or a reader that trims unquoted cells would lose it.
    if (!needs_quotes(field) && (field.empty() || !is_pad(field.back()))) {
        out.append(field);
        return;
    }
    out += '"';
    for (const char c : field) {
        if (c == '"') out += '"';
        out += c;
    }
    out += '"';
}

void append_csv_text(std::string& out, std::string_view text) {
    if (text.empty() || !starts_formula(text.front())) return append_csv_field(out, text);
    append_csv_field(out, "'" + std::string(text));
}

void append_csv_cells(std::string& out, const CsvRecord& record, size_t n) {
    // Unquoted in the file, a cell holds no comma, CR, LF or trailing space: the cells as read go at once when
    // none holds a quote or begins a formula (a roster's rows nearly always).
    if (n > 0 && record.size() >= n && !record.had_quotes()) {
        const std::string_view cells = record.joined(n);
        bool plain = cells.find('"') == std::string_view::npos;
        for (size_t i = 0; i < n && plain; ++i) plain = record[i].empty() || !starts_formula(record[i].front());
        if (plain) {
            out.append(cells);
            return;
        }
    }
    for (size_t i = 0; i < n; ++i) {
        if (i > 0) out += ',';
        if (i < record.size()) append_csv_text(out, record[i]);
    }
}

}  // namespace yibao
