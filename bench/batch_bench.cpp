// yibao_batch_bench: rows per second through the roster path the CLI takes (CSV text in, estimate, CSV
// text out) on one core, and peak memory after 1M rows against the end, to show it does not grow.
// usage: yibao_batch_bench [ROWS]            measure shenyang-2024 and qingdao-2024 (default 3000000 rows)
//        yibao_batch_bench ROWS --csv FILE   write such a shenyang-2024 roster, to time the CLI on it
#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <string>

#include "rules/builtin.hpp"
#include "io/roster.hpp"

namespace {

constexpr long kBlockRows = 100000;  // a block of distinct rows, fed again and again
constexpr size_t kSlice = size_t(1) << 20;  // what the CLI reads at a time
constexpr const char* kHeader = "姓名,出生日期,在校情况,特殊人群,缴费档次,上年度参保情况,缴费日期,备注\r\n";

double peak_rss_mb() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return static_cast<double>(usage.ru_maxrss) / 1024.0;  // Linux gives KiB
}

// CPU seconds used so far: on a shared machine the wall clock also counts time spent waiting for a core.
double cpu_seconds() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    auto seconds = [](const timeval& t) {
        return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_usec) / 1e6;
    };
    return seconds(usage.ru_utime) + seconds(usage.ru_stime);
}

// Rows like a township office's list: all ages, pupils and students by age, a few assistance groups,
// late payers and new or lapsed members, dates in the forms spreadsheets write, and the odd typo.
std::string roster_block(bool tiers, unsigned seed) {
    static constexpr const char* surnames[] = {"王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴"};
    static constexpr const char* given[] = {"伟", "芳", "娜", "秀英", "敏", "静", "强", "磊", "洋", "子涵"};
    static constexpr const char* groups[] = {"低保", "特困", "孤儿", "重度残疾", "监测对象", "低保边缘"};
    static constexpr const char* colleges[] = {"大学", "大专", "本科", "研究生"};
    static constexpr const char* schools[] = {"中小学", "小学", "初中", "高中", "中职"};
    std::mt19937 random(seed);
    auto pick = [&](int n) { return static_cast<int>(random() % static_cast<unsigned>(n)); };
    std::string block;
    char line[256];
    for (long i = 0; i < kBlockRows; ++i) {
        const int age = pick(100) < 25 ? pick(18) : 18 + pick(70);
        const int year = 2023 - age, month = 1 + pick(8), day = 1 + pick(28);
        char birth[32];
        switch (pick(4)) {
            case 0: std::snprintf(birth, sizeof birth, "%d/%d/%d", year, month, day); break;
            case 1: std::snprintf(birth, sizeof birth, "%d年%d月%d日", year, month, day); break;
            default: std::snprintf(birth, sizeof birth, "%04d-%02d-%02d", year, month, day);
        }
        if (pick(1000) == 0) std::snprintf(birth, sizeof birth, "%d-02-30", year);  // a typo now and then
        const char* student = "";
        if (age >= 6 && age < 18 && pick(10) < 9) student = schools[pick(5)];
        else if (age >= 18 && age < 24 && pick(2) == 0) student = colleges[pick(4)];
        const char* group = pick(100) < 8 ? groups[pick(6)] : "";
        const char* tier = tiers && age >= 18 && student[0] == '\0' ? (pick(3) == 0 ? "一档" : "二档") : "";
        const int h = pick(10);
        const char* history = h < 7 ? "连续" : h < 8 ? "" : h < 9 ? "首次" : "断保";
        char paid[16] = "";  // most rows take the default payment date
        if (pick(10) < 4) {
            const bool late = pick(3) == 0;
            const int paid_month = late ? 1 + pick(12) : 9 + pick(4), paid_day = 1 + pick(28);
            std::snprintf(paid, sizeof paid, "%d-%02d-%02d", late ? 2024 : 2023, paid_month, paid_day);
        }
        const char* remark = pick(20) == 0 ? "\"已联系,待缴费\"" : "";
        const char* surname = surnames[pick(10)];
        const char* name = given[pick(10)];
        std::snprintf(line, sizeof line, "%s%s%ld,%s,%s,%s,%s,%s,%s,%s\r\n", surname, name, i, birth, student, group,
                      tier, history, paid, remark);
        block += line;
    }
    return block;
}

struct Measured {
    double seconds = 0;
    double cpu = 0;
    double rss_at_1m = 0;
    yibao::RosterSummary summary;
};

// Feeds the header and then the block, a slice at a time, until `rows` rows have gone through.
Measured measure(const yibao::Ruleset& ruleset, const std::string& block, long rows) {
    yibao::RosterRun run(ruleset, {yibao::Date{2023, 11, 1}, false});
    std::string out;
    Measured m;
    const double cpu_start = cpu_seconds();
    const auto start = std::chrono::steady_clock::now();
    run.feed(kHeader, out);
    for (long done = 0; done < rows; done += kBlockRows) {
        for (size_t at = 0; at < block.size(); at += kSlice) {
            run.feed(std::string_view(block).substr(at, kSlice), out);
            out.clear();  // the CLI writes it out here
        }
        if (done < 1000000 && done + kBlockRows >= 1000000) m.rss_at_1m = peak_rss_mb();
    }
    run.finish(out);
    m.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    m.cpu = cpu_seconds() - cpu_start;
    m.summary = run.summary();
    return m;
}

}  // namespace

int main(int argc, char** argv) {
    const long rows = argc > 1 ? std::atol(argv[1]) : 3000000;
    if (rows <= 0 || rows % kBlockRows != 0) {
        std::fprintf(stderr, "yibao_batch_bench: ROWS must be a positive multiple of %ld\n", kBlockRows);
        return 2;
    }
    yibao::Issues issues;
    const yibao::Catalog catalog = yibao::builtin_catalog(issues);
    if (argc == 4 && std::string(argv[2]) == "--csv") {
        std::FILE* file = std::fopen(argv[3], "wb");
        if (!file) return 1;
        const std::string block = roster_block(false, 1);
        std::fputs(kHeader, file);
        for (long done = 0; done < rows; done += kBlockRows) std::fwrite(block.data(), 1, block.size(), file);
        return std::fclose(file) == 0 ? 0 : 1;
    }
    for (const char* id : {"shenyang-2024", "qingdao-2024"}) {
        const yibao::Ruleset* ruleset = catalog.find(id);
        if (!ruleset) return 1;
        const std::string block = roster_block(ruleset->tiers.size() > 0, 1);
        const Measured m = measure(*ruleset, block, rows);
        std::printf("batch %s: %ld rows in %.2f s = %.2f M rows/s (%.2f s CPU = %.2f M rows/s), peak RSS %.1f MB "
                    "(1M rows: %.1f MB); %ld estimated, %ld failed, %ld waiting, %ld without cover\n",
                    id, rows, m.seconds, static_cast<double>(rows) / m.seconds / 1e6, m.cpu,
                    static_cast<double>(rows) / m.cpu / 1e6, peak_rss_mb(), m.rss_at_1m,
                    m.summary.rows_estimated, m.summary.rows_failed, m.summary.waiting_period, m.summary.no_cover);
    }
    return 0;
}
