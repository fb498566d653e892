# Project-wide settings live on an INTERFACE target, not in directory-wide state.
if(NOT CMAKE_BUILD_TYPE AND NOT CMAKE_CONFIGURATION_TYPES)
    set(CMAKE_BUILD_TYPE RelWithDebInfo CACHE STRING "Build type" FORCE)
endif()

find_program(CHORUS_CCACHE ccache)
if(CHORUS_CCACHE AND NOT CMAKE_CXX_COMPILER_LAUNCHER)
    set(CMAKE_CXX_COMPILER_LAUNCHER "${CHORUS_CCACHE}")
    set(CMAKE_C_COMPILER_LAUNCHER "${CHORUS_CCACHE}")
endif()

add_library(chorus_options INTERFACE)
add_library(Chorus::options ALIAS chorus_options)
target_compile_features(chorus_options INTERFACE cxx_std_17)
set(CMAKE_CXX_EXTENSIONS OFF)
if(CMAKE_CXX_COMPILER_ID MATCHES "GNU|Clang")
    target_compile_options(chorus_options INTERFACE -Wall -Wextra -Wpedantic -Wno-unused-parameter)
endif()
target_compile_definitions(chorus_options INTERFACE CHORUS_VERSION="${PROJECT_VERSION}")

# Sanitizers go on every Chorus target through chorus_options (never directory-wide), so the
# system libraries (Qt, LibTorch) stay as Debian built them. Fuzzers additionally instrument
# Chorus's code for libFuzzer's coverage feedback.
if(CHORUS_BUILD_FUZZERS)
    if(NOT CMAKE_CXX_COMPILER_ID MATCHES "Clang")
        message(FATAL_ERROR "CHORUS_BUILD_FUZZERS needs Clang (libFuzzer): configure with -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_C_COMPILER=clang")
    endif()
    set(CHORUS_SANITIZE ON)
    target_compile_options(chorus_options INTERFACE -fsanitize=fuzzer-no-link)
endif()
if(CHORUS_SANITIZE)
    target_compile_options(chorus_options INTERFACE -fsanitize=address,undefined -fno-omit-frame-pointer
                                                    -fno-sanitize-recover=undefined)
    target_link_options(chorus_options INTERFACE -fsanitize=address,undefined)
endif()

# Collects the .cpp files of a source folder; CONFIGURE_DEPENDS so new files need no CMake edit.
function(chorus_sources out_var)
    set(result)
    foreach(dir IN LISTS ARGN)
        file(GLOB found CONFIGURE_DEPENDS "${CMAKE_CURRENT_SOURCE_DIR}/${dir}/*.cpp")
        list(APPEND result ${found})
    endforeach()
    set(${out_var} ${result} PARENT_SCOPE)
endfunction()
