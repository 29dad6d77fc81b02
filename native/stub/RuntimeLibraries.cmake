# Finds the system libraries the stub and the addon need at run time, by soname, and names the
# Debian package to install when one is missing: the configure fails here rather than the JVM
# failing at load time on a developer's machine.

function(asnative_debian_package soname out)
  set(packages
      "libssl.so.3=libssl3" "libcrypto.so.3=libssl3" "libuv.so.1=libuv1"
      "libyaml-0.so.2=libyaml-0-2" "libz.so.1=zlib1g" "libstdc++.so.6=libstdc++6"
      "libgcc_s.so.1=libgcc-s1")
  set(${out} "libc6" PARENT_SCOPE)
  foreach(entry IN LISTS packages)
    if(entry MATCHES "^${soname}=(.*)$")
      set(${out} "${CMAKE_MATCH_1}" PARENT_SCOPE)
    endif()
  endforeach()
endfunction()

# Sets `var` (a cache variable) to the full path of the library with this soname.
function(asnative_find_runtime_library var soname)
  find_library(${var} NAMES "${soname}" NO_CACHE)
  if(NOT ${var})
    asnative_debian_package("${soname}" package)
    message(FATAL_ERROR "asnative: ${soname} not found; install it (Debian: apt-get install ${package})")
  endif()
  set(${var} "${${var}}" PARENT_SCOPE)
endfunction()

# The sonames `library` declares as NEEDED.
function(asnative_needed_sonames library out)
  execute_process(
    COMMAND "${CMAKE_OBJDUMP}" -p "${library}"
    RESULT_VARIABLE rc
    OUTPUT_VARIABLE dynamic)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "asnative: objdump -p ${library} failed")
  endif()
  string(REGEX MATCHALL "NEEDED +[^\n]+" lines "${dynamic}")
  set(sonames "")
  foreach(line IN LISTS lines)
    string(REGEX REPLACE "NEEDED +" "" soname "${line}")
    string(STRIP "${soname}" soname)
    list(APPEND sonames "${soname}")
  endforeach()
  set(${out} "${sonames}" PARENT_SCOPE)
endfunction()
