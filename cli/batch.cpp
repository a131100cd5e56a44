#include "batch.hpp"

#include <cerrno>

#include "io/encoding.hpp"
#include "io/roster.hpp"

namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD for bytes that are no character

bool write_all(std::FILE* to, std::string_view text) {
    return std::fwrite(text.data(), 1, text.size(), to) == text.size();
}

}  // namespace

Utf8Source::~Utf8Source() {
    if (converter_ != reinterpret_cast<iconv_t>(-1)) iconv_close(converter_);
}

std::optional<std::string_view> Utf8Source::decode(std::string_view bytes, bool last) {
    if (encoding_ == Encoding::detect) {
        held_.erase(0, held_used_);
        held_.append(bytes);
        const yibao::Utf8Check check = yibao::check_utf8(held_);
        if (check == yibao::Utf8Check::ascii && !last) {  // undecided: pass the ASCII on, keep a cut character
            held_used_ = 0;
            while (held_used_ < held_.size() && static_cast<unsigned char>(held_[held_used_]) < 0x80) ++held_used_;
            return std::string_view(held_).substr(0, held_used_);
        }
        encoding_ = check == yibao::Utf8Check::invalid ? Encoding::gbk : Encoding::utf8;
        held_used_ = held_.size();
        bytes = held_;
    }
    if (encoding_ == Encoding::utf8) return bytes;
    return from_gb18030(bytes, last);
}

std::optional<std::string_view> Utf8Source::from_gb18030(std::string_view bytes, bool last) {
    if (converter_ == reinterpret_cast<iconv_t>(-1)) {
        converter_ = iconv_open("UTF-8", "GB18030");
        if (converter_ == reinterpret_cast<iconv_t>(-1)) return std::nullopt;
    }
    cut_.append(bytes);
    // UTF-8 takes at most 3 bytes for each GB18030 byte (U+FFFD for a stray one), so this always fits.
    converted_.resize(cut_.size() * 3);
    char* in = cut_.data();
    size_t in_left = cut_.size();
    char* out = converted_.data();
    size_t out_left = converted_.size();
    while (in_left > 0 && iconv(converter_, &in, &in_left, &out, &out_left) == static_cast<size_t>(-1)) {
        if (errno == EINVAL && !last) break;  // a character cut by the chunk's end
        // A byte that begins no character (or a character cut by the end of input) becomes U+FFFD.
        for (const char c : kReplacement) *out++ = c;
        out_left -= kReplacement.size();
        ++in;
        --in_left;
    }
    cut_.erase(0, cut_.size() - in_left);
    return std::string_view(converted_.data(), converted_.size() - out_left);
}

bool take_batch_option(const std::vector<std::string>& args, size_t& i, BatchOptions& options, std::string& problem) {
    const std::string& option = args[i];
    if (option == "--bom" || option == "--template") {
        (option == "--bom" ? options.bom : options.template_only) = true;
        return true;
    }
    if (option != "--ruleset" && option != "--payment-date" && option != "--summary" && option != "--encoding")
        return false;
    if (i + 1 == args.size()) {
        problem = option + " needs a value";
        return true;
    }
    const std::string& value = args[++i];
    if (option == "--ruleset") {
        options.ruleset = value;
    } else if (option == "--summary") {
        options.summary_file = value;
    } else if (option == "--payment-date") {
        options.payment_date = yibao::Date::parse(value);
        if (!options.payment_date) problem = "--payment-date needs a date YYYY-MM-DD";
    } else if (value == "utf-8" || value == "utf8") {
        options.encoding = Encoding::utf8;
    } else if (value == "gbk" || value == "gb18030") {
        options.encoding = Encoding::gbk;
    } else {
        problem = "--encoding takes utf-8 or gbk";
    }
    return true;
}

int run_batch(const yibao::Ruleset& ruleset, const BatchOptions& options, std::FILE* input) {
    yibao::RosterRun run(ruleset, {options.payment_date, options.bom});
    Utf8Source source(options.encoding);
    std::string chunk(yibao::kEncodingBlock, '\0');  // the blocks the encoding is decided by
    std::string out;
    bool written = true;
    std::string failure;  // a reason the run could not read its input through
    for (bool last = false; !last && written;) {
        const size_t size = std::fread(chunk.data(), 1, chunk.size(), input);
        last = size < chunk.size();
        if (last && std::ferror(input)) failure = "读取输入时出错，结果不完整";
        const auto text = source.decode(std::string_view(chunk).substr(0, size), last);
        if (!text) {
            failure = "本机的iconv不支持GB18030，无法读取GBK编码的文件；请把文件另存为UTF-8后再试";
            break;
        }
        run.feed(*text, out);
        if (last) run.finish(out);
        written = write_all(stdout, out) && std::fflush(stdout) == 0;
        out.clear();
    }
    if (!written && failure.empty()) failure = "写出结果时出错，结果不完整";

    yibao::Json summary = yibao::roster_summary_json(run.summary());
    if (!failure.empty()) {
        summary["ok"] = false;
        summary["failure"] = failure;
    }
    const std::string text = summary.dump(2, ' ', false, yibao::Json::error_handler_t::replace) + "\n";
    if (options.summary_file.empty()) {
        write_all(stderr, text);
    } else {
        std::FILE* file = std::fopen(options.summary_file.c_str(), "wb");
        const bool saved = file && write_all(file, text);
        if (!file || std::fclose(file) != 0 || !saved) {
            write_all(stderr, "yibao: 无法写入汇总文件“" + options.summary_file + "”\n");
            return 1;
        }
    }
    return summary["ok"].get<bool>() ? 0 : 1;
}
