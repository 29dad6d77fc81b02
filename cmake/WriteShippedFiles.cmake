# Script mode (cmake -P): copies the shipped native files into OUT_DIR and writes SHA256SUMS
# (sha256sum format) beside them. The Java loader extracts exactly the files SHA256SUMS lists
# and checks each hash before loading, so the list is the single source of truth.
#
#   cmake -DOUT_DIR=<dir> -DFILES=<file;file;...> -P WriteShippedFiles.cmake

if(NOT OUT_DIR OR NOT FILES)
  message(FATAL_ERROR "usage: cmake -DOUT_DIR=<dir> -DFILES=<files> -P WriteShippedFiles.cmake")
endif()

file(MAKE_DIRECTORY "${OUT_DIR}")
# Removed first and written last: an interrupted run leaves no SHA256SUMS describing files
# that were not all copied.
file(REMOVE "${OUT_DIR}/SHA256SUMS")
set(names "")
foreach(file IN LISTS FILES)
  if(NOT EXISTS "${file}")
    message(FATAL_ERROR "asnative: shipped file ${file} does not exist")
  endif()
  get_filename_component(name "${file}" NAME)
  file(COPY_FILE "${file}" "${OUT_DIR}/${name}" ONLY_IF_DIFFERENT)
  list(APPEND names "${name}")
endforeach()
list(SORT names)

set(sums "")
foreach(name IN LISTS names)
  file(SHA256 "${OUT_DIR}/${name}" hash)
  string(APPEND sums "${hash}  ${name}\n")
endforeach()
file(WRITE "${OUT_DIR}/SHA256SUMS.tmp" "${sums}")
file(RENAME "${OUT_DIR}/SHA256SUMS.tmp" "${OUT_DIR}/SHA256SUMS")
