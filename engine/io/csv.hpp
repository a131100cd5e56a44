// RFC 4180 CSV, read incrementally: bytes arrive in chunks of any size and records come out whole,
// so a file of any length is read in constant memory.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace yibao {

// One record's fields; valid until the reader is asked for the next record.
class CsvRecord {
public:
    size_t size() const { return ends_.size(); }
    std::string_view operator[](size_t i) const {
        const size_t begin = i == 0 ? 0 : ends_[i - 1] + 1;
        return std::string_view(text_).substr(begin, ends_[i] - begin);
    }
    long line() const { return line_; }  // the physical line (from 1) the record starts on
    // The first n fields (1 ≤ n ≤ size()) as read, joined by commas.
    std::string_view joined(size_t n) const { return std::string_view(text_).substr(0, ends_[n - 1]); }
    // Whether any field was quoted in the file: only then may a field hold a comma, CR, LF or trailing spaces.
    bool had_quotes() const { return had_quotes_; }

private:
    friend class CsvReader;
    std::string text_;          // the fields with a comma between each two, reused from record to record
    std::vector<size_t> ends_;  // where each field ends in text_
    long line_ = 1;
    bool had_quotes_ = false;
};

struct CsvError {
    long line = 0;
    std::string message;
};

// Quoted fields may hold commas, doubled quotes and line breaks (CR, LF or CRLF); records end with
// LF, CRLF or CR. A UTF-8 BOM at the start is skipped, blank lines are skipped, and trailing spaces of
// unquoted fields are trimmed (spreadsheets pad cells). Usage: feed(), drain next(), and at the end
// finish() and drain next() once more.
class CsvReader {
public:
    // The next bytes of input; they must stay alive until next() returns nullptr.
    void feed(std::string_view bytes) { input_ = bytes; }
    // No more input: a last record without a line end is completed, an open quote becomes error().
    void finish();
    // The next complete record, or nullptr when the bytes fed so far complete no more.
    const CsvRecord* next();

    const std::optional<CsvError>& error() const { return error_; }
    bool had_bom() const { return had_bom_; }

    // The physical line the next record starts on, when the bytes fed so far end between two records (every record
    // they complete taken by next()); nullopt inside a record.
    std::optional<long> record_boundary() const;
    // The input read on from here starts on physical line `line`: for the later part of a file cut at a record
    // boundary, after its header was read from the file's start.
    void continue_at(long line) { line_ = record_.line_ = line; }

private:
    enum class State : std::uint8_t { field_start, unquoted, quoted, quote_in_quoted };

    bool skip_bom();
    void end_field();
    bool end_record();  // false for a blank line, which is dropped
    void start_record();

    std::string_view input_;
    CsvRecord record_;
    State state_ = State::field_start;
    bool ready_ = false;        // record_ is complete and has been handed out
    bool finished_ = false;
    bool after_cr_ = false;     // the last byte was a CR, so an LF right after it ends no new line
    bool field_quoted_ = false;
    size_t field_start_ = 0;    // where the current field begins in record_.text_
    size_t field_keep_ = 0;     // trimming stops here: the end of the quoted part
    long line_ = 1;
    long quote_line_ = 0;       // where the open quote began
    int bom_matched_ = 0;       // bytes of the BOM seen at the start of input
    bool bom_done_ = false;
    bool had_bom_ = false;
    std::optional<CsvError> error_;
};

// Appends one field, quoted when it holds a comma, a quote, CR or LF.
void append_csv_field(std::string& out, std::string_view field);
// Appends a field of text for a spreadsheet, never a formula: one that begins with =, +, -, @, a tab or a carriage
// return gets a single quote in front (OWASP's CSV injection guidance), so Excel, WPS and LibreOffice show it as
// text and run nothing. Numbers and dates a program writes itself go through append_csv_field.
void append_csv_text(std::string& out, std::string_view text);
// Appends a record's first n cells as append_csv_text writes each, joined by commas (an empty cell for each past its
// end).
void append_csv_cells(std::string& out, const CsvRecord& record, size_t n);

}  // namespace yibao
