# Writes the C source of the trap definitions (see trap.h) for every symbol the addon expects
# from Node: its strong undefined dynamic symbols that no real library provides. Generated at
# configure time from the addon itself, so another addon build gets its own list.

function(_asnative_defined_symbols library out)
  execute_process(
    COMMAND "${CMAKE_NM}" -D --defined-only "${library}"
    RESULT_VARIABLE rc
    OUTPUT_VARIABLE listing)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "asnative: nm -D ${library} failed")
  endif()
  # "<address> <type> <name>[@[@]version]"
  string(REGEX MATCHALL "[^\n ]+\n" names "${listing}")
  string(REGEX REPLACE "(@[^\n;]*)?\n" "" names "${names}")
  set(${out} "${names}" PARENT_SCOPE)
endfunction()

# asnative_generate_traps(ADDON <file> PROVIDERS <libraries...> OUTPUT <file.c>)
function(asnative_generate_traps)
  cmake_parse_arguments(ARG "" "ADDON;OUTPUT" "PROVIDERS" ${ARGN})

  execute_process(
    COMMAND "${CMAKE_NM}" -D --undefined-only "${ARG_ADDON}"
    RESULT_VARIABLE rc
    OUTPUT_VARIABLE listing)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "asnative: nm -D --undefined-only ${ARG_ADDON} failed")
  endif()
  # Only strong ("U") references: weak ones (__gmon_start__, _ITM_*) may stay unresolved, and
  # defining them would change what the C runtime does. A versioned reference (name@VERSION)
  # names the real library that defines it, so it is never Node's.
  string(REGEX MATCHALL " U [^\n@]+\n" wanted "${listing}")
  string(REGEX REPLACE " U ([^\n]+)\n" "\\1" wanted "${wanted}")

  set(provided "")
  foreach(library IN LISTS ARG_PROVIDERS)
    _asnative_defined_symbols("${library}" names)
    list(APPEND provided ${names})
  endforeach()
  list(REMOVE_DUPLICATES provided)

  set(traps "")
  foreach(symbol IN LISTS wanted)
    if(symbol IN_LIST provided)
      continue()
    endif()
    # uv_* must come from the real libuv for async to work: a trap would shadow it (async.md).
    # node_module_register is the stub's own no-op.
    if(symbol MATCHES "^uv_" OR symbol STREQUAL "node_module_register")
      continue()
    endif()
    if(NOT symbol MATCHES "^[A-Za-z_][A-Za-z0-9_]*$")
      message(FATAL_ERROR "asnative: unexpected undefined symbol '${symbol}' in ${ARG_ADDON}")
    endif()
    list(APPEND traps "${symbol}")
  endforeach()
  list(SORT traps)

  set(source "/* Generated at configure time by GenerateTraps.cmake from\n * ${ARG_ADDON}: do not edit. */\n#include \"trap.h\"\n\n")
  set(n 0)
  foreach(symbol IN LISTS traps)
    string(APPEND source "ASNATIVE_TRAP(${n}, \"${symbol}\")\n")
    math(EXPR n "${n} + 1")
  endforeach()
  file(CONFIGURE OUTPUT "${ARG_OUTPUT}" CONTENT "${source}" @ONLY)
  list(LENGTH traps count)
  message(STATUS "asnative: ${count} Node/V8 symbols of the addon defined as traps")
endfunction()
