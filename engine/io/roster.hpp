// The roster: a CSV table of members, one a row, estimated row by row into the same table with the
// figures added. Its header may be in Chinese (姓名, 出生日期, …) or use the contract's keys (id, birth_date, …).
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "io/csv.hpp"
#include "estimate/estimate.hpp"
#include "core/json_reader.hpp"
#include "rules/model.hpp"

namespace yibao {

// The member's fields a roster column may hold, in the order of their contract keys.
enum class RosterField : std::uint8_t { id, birth_date, student, assistance, tier, history, payment_date };
constexpr size_t kRosterFields = 7;

// A problem with a roster row (or its header): its code and "第N行 列名：…".
struct RowProblem {
    Code code;
    std::string message;
};
using RowProblems = std::vector<RowProblem>;

struct RosterLayout {
    std::array<int, kRosterFields> column{};  // each field's column, -1 when the roster has none
    bool english = false;                     // the header used contract keys: added columns get English names
    std::vector<std::string> header;          // the header's cells as written
    std::vector<int> questions;               // by the ruleset's member question: its column, -1 when none
};

// Maps a header row; problems (no birth date column, a field given twice) go to `errors`.
// With the ruleset, a column headed by a member question's label (or id) holds its answers.
std::optional<RosterLayout> read_roster_header(const CsvRecord& header, RowProblems& errors,
                                               const Ruleset* ruleset = nullptr);

// Reads a data row into `member`, which is reused from row to row. Its payment date is the row's own or
// `default_payment`. false, with each problem in `errors` as "第N行 列名：…", when a cell cannot be read.
bool read_roster_member(const RosterLayout& layout, const CsvRecord& row, const std::optional<Date>& default_payment,
                        Member& member, RowProblems& errors, const Ruleset* ruleset = nullptr);

// A column of a ruleset's roster template: its header, what its cells take in plain words (the column guide), and
// its cell in each of the template's two example rows.
struct RosterColumn {
    std::string header;
    std::string words;
    std::array<std::string, 2> examples;
};

// The columns of the roster template for a ruleset, in the words its reader takes: 姓名 … 缴费日期 (特殊人群 only where
// the ruleset names assistance groups, 缴费档次 only where it has tiers), then one per member question, by its label.
std::vector<RosterColumn> roster_columns(const Ruleset& ruleset);
// The template itself: those columns and their example rows as CSV with a UTF-8 BOM and CRLF, which Excel and WPS
// open as they are.
std::string roster_template(const Ruleset& ruleset);
// A sample roster for the ruleset (UTF-8, no BOM, CRLF): the template's columns, and kSampleRows rows that mix every
// word each column's reader knows (or the ruleset's labels), birth dates of every age band in each form a cell takes,
// payment dates across the collection window and the year, and now and then a cell that cannot be read. The staff
// page runs it before a clerk's roster comes, so that the browser has compiled the roster path's every branch.
constexpr size_t kSampleRows = 240;
std::string roster_sample(const Ruleset& ruleset);
// The column guide: {"columns": [{"header", "words"}]}.
Json roster_columns_json(const Ruleset& ruleset);

struct CategoryTotals {
    long count = 0;
    std::optional<Money> individual = Money{};  // nullopt once a row's amount is not published
    std::optional<Money> subsidy = Money{};
};

struct RowErrors {
    long line = 0;
    RowProblems problems;
    std::string name;  // the row's name cell ("" for none), for a page to say whose row it is; not in the JSON
};

struct RosterSummary {
    static constexpr size_t kErrorsKept = 1000;  // beyond this only the count grows, so memory stays flat

    const Ruleset* ruleset = nullptr;
    std::optional<Date> default_payment;
    bool header_ok = false;
    long rows_read = 0;
    long rows_estimated = 0;
    long rows_failed = 0;
    std::vector<CategoryTotals> categories;  // by index into the ruleset's categories
    std::optional<Money> individual = Money{};
    std::optional<Money> subsidy = Money{};
    long waiting_period = 0;  // members covered this year, but only after a waiting period
    long no_cover = 0;        // members whose payment buys no cover in the benefit year
    long start_unknown = 0;   // members whose start turns on the collection window's unpublished end
    std::vector<const Certainty*> rests_on;  // the provisional and unknown facts the estimated rows rest on
    std::vector<RowErrors> errors;
    long errors_not_kept = 0;

    bool ok() const { return header_ok && rows_failed == 0; }
    void add(const MemberResult& estimated);
    void add_errors(long line, const RowProblems& problems, std::string_view name = {});
};

Json roster_summary_json(const RosterSummary& summary);
// The summary of a roster cut at a record boundary into two parts run apart (a page runs them side by side), from
// the summaries of its first part and of the later one: the whole roster's summary, as one run would give it.
Json join_roster_summaries(Json first, const Json& later);

struct RosterOptions {
    std::optional<Date> payment_date;  // for rows whose 缴费日期 is empty
    bool bom = false;                  // write a UTF-8 BOM even when the input had none
};

// The later part of a roster cut at a record boundary: the roster's header record, line end included, read for the
// columns and not written (its problems are the first part's to report), and the physical line the part's own text
// starts on. The part reads on only when the header is one whole record (next_line() says so).
struct LaterPart {
    std::string_view header;
    long first_line = 1;
};

// Where a roster's bytes may be cut into parts of about the same size, to be run side by side (each later part as a
// LaterPart) and joined (join_roster_summaries): each cut comes after the first LF past its share with an even count
// of quotes before it, so that no quoted cell spans it (in UTF-8 and GBK alike, an LF or a quote is never part of
// another character). A stray quote in an unquoted cell can mislead the count; the parts' runs then do not meet
// between records (next_line()), and the roster must be run whole.
struct RosterCut {
    size_t at = 0;  // the byte the next part starts at
    long line = 0;  // the physical line it starts on (a CR alone ends a line too)
};
struct RosterCuts {
    size_t header_end = 0;  // the end of the header record, its line end included (blank lines before it skipped)
    std::vector<RosterCut> cuts;
};
// The cuts into `parts` parts (parts - 1 of them), or nullopt when the roster has no such places.
std::optional<RosterCuts> roster_cuts(std::string_view bytes, size_t parts);

// A whole roster, streamed: UTF-8 text in as it arrives, the output CSV (CRLF line ends) out as each
// record completes. Nothing is kept per row but the summary's counts, so memory does not grow with the file.
class RosterRun {
public:
    RosterRun(const Ruleset& ruleset, const RosterOptions& options, const std::optional<LaterPart>& later = std::nullopt);

    // Appends to `out` the output of every record the text completes.
    void feed(std::string_view utf8, std::string& out);
    // End of input: the last record, an unclosed quote or a missing header is dealt with.
    void finish(std::string& out);

    const RosterSummary& summary() const { return summary_; }
    // The physical line the next record starts on, when the text fed so far ends between two records (so a later
    // part cut there reads on from that line); nullopt inside a record.
    std::optional<long> next_line() const { return cut_right_ ? reader_.record_boundary() : std::nullopt; }
    // The columns each output row has after the roster's own: 类别, 个人缴费, 政府补助, one per fee part and one per
    // add-on the ruleset declares, 待遇开始 … 提示, and where the ruleset has values carried from last year or not
    // published, 暂按往年标准 and 未公布.
    size_t added_columns() const { return (flags_ ? 8 : 6) + ruleset_.fee_parts.size() + ruleset_.add_ons.size(); }

private:
    void drain(std::string& out);
    void header(const CsvRecord& record, std::string& out);
    void row(const CsvRecord& record, std::string& out);
    // Reads and estimates a row; its problems are left in errors_.
    std::optional<MemberResult> estimate_row(const CsvRecord& record);
    void fail_row(long line, std::string_view name, std::string& out);

    const Ruleset& ruleset_;
    RosterOptions options_;
    bool flags_;  // the ruleset has provisional or unknown values
    bool cut_right_ = true;  // false for a later part whose header was not one whole record
    CsvReader reader_;
    bool header_seen_ = false;
    RosterLayout layout_;
    RosterSummary summary_;
    // Reused from row to row, so a row costs no allocation beyond what the estimate itself makes.
    Member member_;
    Issues issues_;
    RowProblems errors_;
    std::string notes_;
    std::string carried_;  // the row's 暂按往年标准 cell
};

}  // namespace yibao
