# A stage's internals stay inside it: `engine/<stage>/detail/` headers are
# included only by files of that stage (engine/<stage>/…), never by another
# stage, a test, a bench or a fuzzer. Checked at configure time, so a
# crossing fails the build with the file and the line to fix.
function(lettrine_check_stage_boundaries root)
  file(GLOB_RECURSE sources RELATIVE ${root}
       ${root}/engine/*.cpp ${root}/engine/*.hpp
       ${root}/tests/*.cpp ${root}/tests/*.hpp
       ${root}/bench/*.cpp ${root}/fuzz/*.cpp)
  set(crossings "")
  foreach(source ${sources})
    file(STRINGS ${root}/${source} includes REGEX "^#include \"[a-z_]+/detail/")
    foreach(line ${includes})
      string(REGEX REPLACE "^#include \"([a-z_]+)/detail/.*" "\\1" stage "${line}")
      if(NOT source MATCHES "^engine/${stage}/")
        string(APPEND crossings "\n  ${source} : ${line}")
      endif()
    endforeach()
  endforeach()
  if(crossings)
    message(FATAL_ERROR "En-têtes internes (detail/) inclus hors de leur étape :${crossings}")
  endif()
endfunction()

# `cmake -DROOT=… -P cmake/stage_boundaries.cmake`: the same check on another
# tree (the test that the check fails on a crossing, tests/CMakeLists.txt).
if(CMAKE_SCRIPT_MODE_FILE AND ROOT)
  lettrine_check_stage_boundaries(${ROOT})
endif()
