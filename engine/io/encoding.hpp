// How a roster's bytes are read when nobody said: UTF-8 or GBK, decided as `yibao batch` decides reading them block
// by block, and as the staff page decides holding them whole, so the two read every file alike.
#pragma once

#include <cstddef>
#include <string_view>

namespace yibao {

// The size of the blocks the decision is made by: `yibao batch` reads its input in blocks of this size.
constexpr size_t kEncodingBlock = size_t(1) << 20;

enum class Utf8Check { ascii, valid, invalid };

// Whether the bytes read as UTF-8. A character cut off by the end of the bytes counts neither way: its rest is in the
// next block.
Utf8Check check_utf8(std::string_view bytes);

// Whether a whole roster reads as GBK (GB18030, what Chinese spreadsheets save as "CSV"): by the first block that holds
// anything but ASCII (a character cut at a block's end is read with the next one), GBK unless it reads as UTF-8.
bool reads_as_gbk(std::string_view bytes);

}  // namespace yibao
