# Data-parallel training needs LibTorch's c10d headers with ProcessGroupGloo and the Gloo library
# they were built against. Debian's LibTorch 1.13 ships the c10d headers but needs libgloo-dev for
# Gloo's own headers and library; a pip LibTorch carries Gloo inside libtorch_cpu. Rather than
# guessing from versions, a small program that opens a Gloo process group must compile and link;
# without it chorus-cli still builds and says that distributed runs are unavailable.
set(CHORUS_HAVE_DISTRIBUTED OFF)
if(CHORUS_WITH_DISTRIBUTED)
    find_path(CHORUS_GLOO_INCLUDE_DIR gloo/config.h HINTS ${TORCH_INCLUDE_DIRS})
    find_library(CHORUS_GLOO_LIBRARY gloo)
    if(CHORUS_GLOO_INCLUDE_DIR)
        set(_chorus_gloo_libs ${TORCH_LIBRARIES})
        if(CHORUS_GLOO_LIBRARY)
            list(APPEND _chorus_gloo_libs ${CHORUS_GLOO_LIBRARY})
        endif()
        include(CheckCXXSourceCompiles)
        set(CMAKE_REQUIRED_INCLUDES ${TORCH_INCLUDE_DIRS} ${CHORUS_GLOO_INCLUDE_DIR})
        set(CMAKE_REQUIRED_DEFINITIONS -DUSE_C10D_GLOO)
        set(CMAKE_REQUIRED_LIBRARIES ${_chorus_gloo_libs})
        set(CMAKE_REQUIRED_FLAGS "-std=c++17")
        set(CMAKE_REQUIRED_QUIET ON)
        check_cxx_source_compiles([=[
            #include <torch/csrc/distributed/c10d/ProcessGroupGloo.hpp>
            #include <torch/csrc/distributed/c10d/TCPStore.hpp>
            int main() {
                c10d::TCPStoreOptions options;
                auto store = c10::make_intrusive<c10d::TCPStore>("127.0.0.1", options);
                auto groupOptions = c10d::ProcessGroupGloo::Options::create();
                groupOptions->devices.push_back(c10d::ProcessGroupGloo::createDeviceForHostname("127.0.0.1"));
                auto group = c10::make_intrusive<c10d::ProcessGroupGloo>(store, 0, 1, groupOptions);
                return group->getSize() == 1 ? 0 : 1;
            }]=] CHORUS_GLOO_LINKS)
        unset(CMAKE_REQUIRED_INCLUDES)
        unset(CMAKE_REQUIRED_DEFINITIONS)
        unset(CMAKE_REQUIRED_LIBRARIES)
        unset(CMAKE_REQUIRED_FLAGS)
        unset(CMAKE_REQUIRED_QUIET)
        if(CHORUS_GLOO_LINKS)
            set(CHORUS_HAVE_DISTRIBUTED ON)
            set(CHORUS_DISTRIBUTED_LIBRARIES ${_chorus_gloo_libs})
        endif()
    endif()
    if(CHORUS_HAVE_DISTRIBUTED)
        message(STATUS "Distributed training: c10d with Gloo")
    else()
        message(STATUS "Distributed training: off (no LibTorch c10d/Gloo that links; on Debian install libgloo-dev)")
    endif()
endif()
