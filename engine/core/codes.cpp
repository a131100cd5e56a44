#include "core/codes.hpp"

namespace yibao {

const std::vector<CodeInfo>& all_codes() {
    static const std::vector<CodeInfo> table{
#define YIBAO_CODE_INFO(code, kind, concerns, meaning) {Code::code, #code, #kind, #concerns, meaning},
        YIBAO_CODES(YIBAO_CODE_INFO)
#undef YIBAO_CODE_INFO
    };
    return table;
}

// Names alone, so a build that never lists the codes (the page's engine) carries no meanings.
std::string_view code_name(Code code) {
    static constexpr std::string_view names[] = {
#define YIBAO_CODE_NAME(code, kind, concerns, meaning) #code,
        YIBAO_CODES(YIBAO_CODE_NAME)
#undef YIBAO_CODE_NAME
    };
    return names[static_cast<size_t>(code)];
}

std::string_view code_concerns(Code code) {
    static constexpr std::string_view concerns[] = {
#define YIBAO_CODE_CONCERNS(code, kind, concerns, meaning) #concerns,
        YIBAO_CODES(YIBAO_CODE_CONCERNS)
#undef YIBAO_CODE_CONCERNS
    };
    return concerns[static_cast<size_t>(code)];
}

}  // namespace yibao
