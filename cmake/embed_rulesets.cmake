# Writes OUTPUT: a C++ file holding each ruleset JSON file in RULES_DIR (schema.json excepted) as a string,
# so that the CLI and the WebAssembly engine carry the rules without reading files at run time.
file(GLOB ruleset_files "${RULES_DIR}/*.json")
list(SORT ruleset_files)
list(FILTER ruleset_files EXCLUDE REGEX "/schema\\.json$")
set(body "")
foreach(path IN LISTS ruleset_files)
  file(READ "${path}" text)
  string(FIND "${text}" ")yibao_rules\"" clash)
  if(NOT clash EQUAL -1)
    message(FATAL_ERROR "${path} contains the raw-string delimiter )yibao_rules\"")
  endif()
  get_filename_component(name "${path}" NAME)
  string(APPEND body "        {\"rules/${name}\", R\"yibao_rules(${text})yibao_rules\"},\n")
endforeach()
file(WRITE "${OUTPUT}.tmp" "// Generated from rules/*.json by cmake/embed_rulesets.cmake. Do not edit.\n#include \"rules/builtin.hpp\"\n\nnamespace yibao {\n\nstd::vector<std::pair<std::string, std::string_view>> builtin_ruleset_texts() {\n    return {\n${body}    };\n}\n\n}  // namespace yibao\n")
# Touch the output only when it changes, so an unchanged ruleset does not rebuild everything.
execute_process(COMMAND ${CMAKE_COMMAND} -E copy_if_different "${OUTPUT}.tmp" "${OUTPUT}")
