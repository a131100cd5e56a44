// libFuzzer target: any bytes after the compact form's header (rules/compact.hpp) are read back or refused, never
// read past their end, never a crash. The checksum is not tested here, so that the fuzzer reaches the reader.
#include <cstddef>
#include <cstdint>
#include <string>

#include "rules/compact.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string bytes(reinterpret_cast<const char*>(data), size);
    if (bytes.compare(0, 4, "YBR\x01") != 0) bytes.insert(0, std::string("YBR\x01\0\0\0\0", 8));
    (void)yibao::read_compact_unchecked(bytes);
    return 0;
}
