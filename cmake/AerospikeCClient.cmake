# Obtains the official Aerospike C client at configure time, with no download site: the npm
# package aerospike@6.7.1 carries a complete build of C client 7.4.0 inside its Node addon
# (see shared/c-client/README.md). `npm pack` is the only download; the tarball is pinned by
# its sha512 and cached outside the source tree.
#
# Sets, in the including scope:
#   ASNATIVE_ADDON           the stripped addon for this platform, in the build tree
#   ASNATIVE_CLIENT_VERSION  the C client version the addon contains ("7.4.0")
# Options:
#   -DASNATIVE_NPM_CACHE=dir   where the tarball is kept between builds
#                              (default $HOME/.cache/asnative/npm)
#   -DASNATIVE_NODE_ABI=n      which of the addon's Node ABI builds to take (default 137)

include_guard(GLOBAL)

set(ASNATIVE_NPM_SPEC "aerospike@6.7.1")
set(ASNATIVE_NPM_TARBALL_NAME "aerospike-6.7.1.tgz")
# npm's integrity for the tarball, sha512-AvlkTebJbwr3aAbPmBl+BbtF7FKhrdtDBHQXud0AxBVgDITgTSL5CKORsKCMXQPQw+SODs3qsWJ4ooA+jtwodA==
# written as hex because CMake hashes to hex.
set(ASNATIVE_NPM_SHA512
    "02f9644de6c96f0af76806cf98197e05bb45ec52a1addb43047417b9dd00c415600c84e04d22f908a391b0a08c5d03d0c3e48e0ecdeab16278a2803e8edc2874")
set(ASNATIVE_CLIENT_VERSION "7.4.0")

# ABI 137 (Node 24) is the build the stub was tested with; its libuv structs match Debian's
# libuv 1.44 byte for byte (async.md).
set(ASNATIVE_NODE_ABI "137" CACHE STRING "Node ABI of the addon build to take from the npm package")

if(DEFINED ENV{HOME} AND NOT "$ENV{HOME}" STREQUAL "")
  set(_asnative_default_cache "$ENV{HOME}/.cache/asnative/npm")
else()
  set(_asnative_default_cache "${CMAKE_BINARY_DIR}/npm-cache")
endif()
set(ASNATIVE_NPM_CACHE "${_asnative_default_cache}" CACHE PATH
    "Directory that keeps the npm tarball of the C client between builds")

function(_asnative_addon_platform out)
  if(NOT CMAKE_SYSTEM_NAME STREQUAL "Linux")
    message(FATAL_ERROR "asnative: the C client addon is only taken for Linux, not ${CMAKE_SYSTEM_NAME}")
  endif()
  if(CMAKE_SYSTEM_PROCESSOR MATCHES "^(x86_64|AMD64|amd64)$")
    set(${out} "linux-x64" PARENT_SCOPE)
  elseif(CMAKE_SYSTEM_PROCESSOR MATCHES "^(aarch64|arm64|ARM64)$")
    set(${out} "linux-arm64" PARENT_SCOPE)
  else()
    message(FATAL_ERROR "asnative: no C client addon for processor '${CMAKE_SYSTEM_PROCESSOR}' "
                        "(the npm package has linux-x64 and linux-arm64)")
  endif()
endfunction()

function(_asnative_sha512_matches file out)
  set(${out} FALSE PARENT_SCOPE)
  if(EXISTS "${file}" AND NOT IS_DIRECTORY "${file}")
    file(SHA512 "${file}" actual)
    if(actual STREQUAL ASNATIVE_NPM_SHA512)
      set(${out} TRUE PARENT_SCOPE)
    endif()
  endif()
endfunction()

# Returns the cached tarball, fetching it with `npm pack` when absent or not the pinned one.
function(_asnative_fetch_tarball out)
  set(tarball "${ASNATIVE_NPM_CACHE}/${ASNATIVE_NPM_TARBALL_NAME}")
  _asnative_sha512_matches("${tarball}" cached_ok)
  if(cached_ok)
    message(STATUS "asnative: using cached ${tarball}")
    set(${out} "${tarball}" PARENT_SCOPE)
    return()
  endif()

  find_program(ASNATIVE_NPM npm)
  if(NOT ASNATIVE_NPM)
    message(FATAL_ERROR "asnative: npm is needed to fetch the C client (${ASNATIVE_NPM_SPEC}); "
                        "install it (Debian: apt-get install npm) or put a verified "
                        "${ASNATIVE_NPM_TARBALL_NAME} in ${ASNATIVE_NPM_CACHE}")
  endif()

  # A private staging directory, then a rename: a concurrent or interrupted build never
  # leaves a half-written tarball under the cached name.
  string(RANDOM LENGTH 12 nonce)
  set(staging "${ASNATIVE_NPM_CACHE}/.staging-${nonce}")
  file(MAKE_DIRECTORY "${staging}")
  message(STATUS "asnative: npm pack ${ASNATIVE_NPM_SPEC} into ${ASNATIVE_NPM_CACHE}")
  execute_process(
    COMMAND "${ASNATIVE_NPM}" pack "${ASNATIVE_NPM_SPEC}" --pack-destination "${staging}"
            --silent --no-fund --no-audit
    WORKING_DIRECTORY "${staging}"
    RESULT_VARIABLE rc
    OUTPUT_VARIABLE npm_out
    ERROR_VARIABLE npm_err)
  set(fetched "${staging}/${ASNATIVE_NPM_TARBALL_NAME}")
  if(NOT rc EQUAL 0 OR NOT EXISTS "${fetched}")
    file(REMOVE_RECURSE "${staging}")
    message(FATAL_ERROR "asnative: `npm pack ${ASNATIVE_NPM_SPEC}` failed (exit ${rc}):\n${npm_err}")
  endif()

  file(SHA512 "${fetched}" actual)
  if(NOT actual STREQUAL ASNATIVE_NPM_SHA512)
    file(REMOVE_RECURSE "${staging}")
    message(FATAL_ERROR "asnative: ${ASNATIVE_NPM_SPEC} from npm does not match the pinned hash.\n"
                        "  expected sha512 ${ASNATIVE_NPM_SHA512}\n"
                        "  got      sha512 ${actual}\n"
                        "Refusing to build against an unverified C client.")
  endif()
  file(RENAME "${fetched}" "${tarball}")
  file(REMOVE_RECURSE "${staging}")
  set(${out} "${tarball}" PARENT_SCOPE)
endfunction()

# Extracts only this platform's addon and strips its debug info (28 MB -> 2 MB) into dest.
function(_asnative_extract_addon tarball platform dest)
  set(member "package/lib/binding/node-v${ASNATIVE_NODE_ABI}-${platform}/aerospike.node")
  # The stamp names the source and the stripped result's hash, so a changed pin, ABI or a
  # damaged build-tree copy all lead to a fresh extraction.
  set(stamp "${dest}.source")
  set(source_text "${ASNATIVE_NPM_SHA512} ${member}")
  if(EXISTS "${dest}" AND EXISTS "${stamp}")
    file(READ "${stamp}" previous)
    file(SHA256 "${dest}" current)
    if(previous STREQUAL "${source_text} ${current}")
      return()
    endif()
  endif()

  set(scratch "${CMAKE_BINARY_DIR}/addon-extract")
  file(REMOVE_RECURSE "${scratch}")
  file(ARCHIVE_EXTRACT INPUT "${tarball}" DESTINATION "${scratch}" PATTERNS "${member}")
  if(NOT EXISTS "${scratch}/${member}")
    message(FATAL_ERROR "asnative: ${ASNATIVE_NPM_SPEC} has no ${member}")
  endif()

  get_filename_component(dest_dir "${dest}" DIRECTORY)
  file(MAKE_DIRECTORY "${dest_dir}")
  execute_process(
    COMMAND "${CMAKE_STRIP}" --strip-debug -o "${dest}" "${scratch}/${member}"
    RESULT_VARIABLE rc
    ERROR_VARIABLE err)
  file(REMOVE_RECURSE "${scratch}")
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "asnative: strip --strip-debug of the addon failed: ${err}")
  endif()
  file(SHA256 "${dest}" stripped)
  file(WRITE "${stamp}" "${source_text} ${stripped}")
endfunction()

function(_asnative_check_exports addon)
  execute_process(
    COMMAND "${CMAKE_NM}" -D --defined-only "${addon}"
    RESULT_VARIABLE rc
    OUTPUT_VARIABLE symbols)
  if(NOT rc EQUAL 0 OR NOT symbols MATCHES "[ \t]aerospike_client_version\n")
    message(FATAL_ERROR "asnative: ${addon} does not export aerospike_client_version: not the C client")
  endif()
endfunction()

if(NOT CMAKE_NM OR NOT CMAKE_STRIP)
  message(FATAL_ERROR "asnative: nm and strip (binutils) are needed; enable a language before including AerospikeCClient")
endif()

_asnative_addon_platform(_asnative_platform)
_asnative_fetch_tarball(_asnative_tarball)
set(ASNATIVE_ADDON "${CMAKE_BINARY_DIR}/lib/aerospike.node")
_asnative_extract_addon("${_asnative_tarball}" "${_asnative_platform}" "${ASNATIVE_ADDON}")
_asnative_check_exports("${ASNATIVE_ADDON}")
message(STATUS "asnative: C client ${ASNATIVE_CLIENT_VERSION} addon (${_asnative_platform}, node ABI ${ASNATIVE_NODE_ABI}): ${ASNATIVE_ADDON}")
