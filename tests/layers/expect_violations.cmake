# Runs cmake/check_layers.cmake (SCRIPT) on a fixture tree (ROOT) that breaks
# the layers, and passes only if the check fails and reports exactly the
# lines of ROOT/expected.txt: each violation named, nothing allowed flagged.
#
#   cmake -DROOT=tests/layers/broken -DSCRIPT=cmake/check_layers.cmake -P tests/layers/expect_violations.cmake
cmake_minimum_required(VERSION 3.25)

execute_process(
  COMMAND ${CMAKE_COMMAND} -DROOT=${ROOT} -P ${SCRIPT}
  RESULT_VARIABLE result
  OUTPUT_VARIABLE out
  ERROR_VARIABLE out)
if(result EQUAL 0)
  message(FATAL_ERROR "check_layers passed a tree that breaks the layers:\n${out}")
endif()

file(STRINGS "${ROOT}/expected.txt" expected)
string(REPLACE "\n" ";" out_lines "${out}")
set(reported "")
foreach(line IN LISTS out_lines)
  if(line MATCHES "^src/[^ ]+:[0-9]+: ")
    list(APPEND reported "${line}")
  endif()
endforeach()

foreach(e IN LISTS expected)
  set(found FALSE)
  foreach(r IN LISTS reported)
    string(FIND "${r}" "${e}" at)
    if(at EQUAL 0)
      set(found TRUE)
    endif()
  endforeach()
  if(NOT found)
    message(FATAL_ERROR "check_layers did not report \"${e}\"; it said:\n${out}")
  endif()
endforeach()

list(LENGTH expected n_expected)
list(LENGTH reported n_reported)
if(NOT n_expected EQUAL n_reported)
  message(FATAL_ERROR "check_layers reported ${n_reported} violations, expected ${n_expected}:\n${out}")
endif()
message(STATUS "check_layers refused all ${n_expected} violations of the fixture")
