# Runs `yibao batch` on the rosters in tests/rosters and on the roster templates `yibao batch --template` writes
# (tests/rosters/templates, the staff page's 下载模板), and compares its output and summary with tests/rosters/expected
# byte for byte (ctest test "batch_contract").
set(rosters "${SOURCE_DIR}/tests/rosters")
file(MAKE_DIRECTORY "${WORK_DIR}")

function(same actual expected)
  execute_process(COMMAND ${CMAKE_COMMAND} -E compare_files "${actual}" "${expected}" RESULT_VARIABLE differ)
  if(differ)
    message(FATAL_ERROR "${actual} differs from ${expected}")
  endif()
endfunction()

# batch(CODE INPUT EXPECTED ARGS...): runs on tests/rosters/INPUT (INPUT with a folder: from the source root) and
# expects exit CODE, the roster expected/EXPECTED.csv on stdout and the summary expected/EXPECTED.summary.json.
function(batch code input expected)
  set(out "${WORK_DIR}/${expected}.csv")
  set(summary "${WORK_DIR}/${expected}.summary.json")
  set(file "${rosters}/${input}")
  if(input MATCHES "/")
    set(file "${SOURCE_DIR}/${input}")
  endif()
  execute_process(COMMAND ${YIBAO} batch ${ARGN} --summary ${summary} ${file}
                  RESULT_VARIABLE got OUTPUT_FILE ${out} ERROR_VARIABLE err)
  if(NOT got EQUAL code)
    message(FATAL_ERROR "batch on ${input} exited ${got}, expected ${code}\n${err}")
  endif()
  same("${out}" "${rosters}/expected/${expected}.csv")
  same("${summary}" "${rosters}/expected/${expected}.summary.json")
endfunction()

set(shenyang --ruleset shenyang-2024 --payment-date 2023-11-01)
set(qingdao --ruleset qingdao-2024 --payment-date 2023-11-01)
batch(0 shenyang-bom.csv shenyang-bom ${shenyang})
batch(0 shenyang.csv shenyang ${shenyang})
# The GBK file and its UTF-8 twin give the same bytes, detected or told.
batch(0 shenyang-gbk.csv shenyang ${shenyang})
batch(0 shenyang-gbk.csv shenyang ${shenyang} --encoding gbk)
batch(0 qingdao-en.csv qingdao-en ${qingdao})
batch(1 bad-rows.csv bad-rows ${shenyang})
batch(1 bad-header.csv bad-header ${shenyang})
# Cells that begin like a formula come back with a leading single quote; the figures and dates do not.
batch(1 formulas.csv formulas ${shenyang})
# Each template is the CLI's for its ruleset, and is estimated with no failed row.
foreach(id shenyang-2024 qingdao-2024 yuxi-hongta-2026)
  execute_process(COMMAND ${YIBAO} batch --template --ruleset ${id} RESULT_VARIABLE got
                  OUTPUT_FILE "${WORK_DIR}/template-${id}.csv" ERROR_VARIABLE err)
  if(NOT got EQUAL 0)
    message(FATAL_ERROR "batch --template --ruleset ${id} exited ${got}\n${err}")
  endif()
  same("${WORK_DIR}/template-${id}.csv" "${rosters}/templates/${id}.csv")
endforeach()
batch(0 tests/rosters/templates/shenyang-2024.csv template-shenyang ${shenyang})
batch(0 tests/rosters/templates/qingdao-2024.csv template-qingdao ${qingdao})
set(yuxi --ruleset yuxi-hongta-2026 --payment-date 2025-11-01)
batch(0 tests/rosters/templates/yuxi-hongta-2026.csv template-yuxi ${yuxi})
# Rulesets with values carried from last year or not published: the flag columns, empty cells, null sums.
set(shenyang26 --ruleset shenyang-2026 --payment-date 2025-10-22)
set(qingdao27 --ruleset qingdao-2027 --payment-date 2026-12-01)
batch(1 shenyang-2026.csv shenyang-2026 ${shenyang26})
batch(0 qingdao-2027-en.csv qingdao-2027-en ${qingdao27})

# Standard input, --bom, and the summary on standard error.
execute_process(COMMAND ${YIBAO} batch ${shenyang} --bom - INPUT_FILE ${rosters}/shenyang.csv
                RESULT_VARIABLE got OUTPUT_FILE ${WORK_DIR}/stdin.csv ERROR_VARIABLE err)
file(READ "${WORK_DIR}/stdin.csv" bom LIMIT 3 HEX)
file(READ "${WORK_DIR}/stdin.csv" rest OFFSET 3)
file(READ "${rosters}/expected/shenyang.csv" expected)
string(FIND "${err}" "\"rows_estimated\": 13" at)
if(NOT got EQUAL 0 OR NOT bom STREQUAL "efbbbf" OR NOT rest STREQUAL expected OR at EQUAL -1)
  message(FATAL_ERROR "batch from stdin with --bom: exit ${got}, starts ${bom}\n${err}")
endif()
