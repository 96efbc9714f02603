# Compile flags every corolint target shares with the LLVM it builds against.
separate_arguments(COROLINT_LLVM_DEFINITIONS NATIVE_COMMAND "${LLVM_DEFINITIONS}")

add_library(corolint_llvm_flags INTERFACE)
# LLVM's include directory is searched AFTER the standard library's
# (-idirafter, still a system directory): with libc++abi-NN-dev installed it
# also holds libc++abi's cxxabi.h, which as -isystem would shadow
# libstdc++'s and break every <cxxabi.h> user (GoogleTest among them).
set(_llvm_include_dirs ${LLVM_INCLUDE_DIRS} ${CLANG_INCLUDE_DIRS})
list(REMOVE_DUPLICATES _llvm_include_dirs)
if(CMAKE_CXX_COMPILER_ID MATCHES "GNU|Clang")
  foreach(_dir IN LISTS _llvm_include_dirs)
    target_compile_options(corolint_llvm_flags INTERFACE "-idirafter${_dir}")
  endforeach()
else()
  target_include_directories(corolint_llvm_flags SYSTEM AFTER INTERFACE ${_llvm_include_dirs})
endif()
target_compile_definitions(corolint_llvm_flags INTERFACE ${COROLINT_LLVM_DEFINITIONS})
if(NOT LLVM_ENABLE_RTTI)
  target_compile_options(corolint_llvm_flags INTERFACE -fno-rtti)
endif()

# The shared libraries the front ends (not the plugin) link: Debian ships
# libclang-cpp and libLLVM; the static clang archives would duplicate them.
find_library(COROLINT_CLANG_CPP NAMES clang-cpp PATHS ${LLVM_LIBRARY_DIR} NO_DEFAULT_PATH REQUIRED)
find_library(COROLINT_LIBLLVM NAMES LLVM LLVM-${LLVM_VERSION_MAJOR} PATHS ${LLVM_LIBRARY_DIR} NO_DEFAULT_PATH REQUIRED)
find_library(COROLINT_CLANG_TIDY_LIB NAMES clangTidy PATHS ${LLVM_LIBRARY_DIR} NO_DEFAULT_PATH REQUIRED)
find_library(COROLINT_CLANG_TIDY_UTILS_LIB NAMES clangTidyUtils PATHS ${LLVM_LIBRARY_DIR} NO_DEFAULT_PATH REQUIRED)

# clang-tidy's engine, for programs that run the checks in-process.
add_library(corolint_tidy_engine INTERFACE)
target_link_libraries(corolint_tidy_engine INTERFACE
  corolint_llvm_flags ${COROLINT_CLANG_TIDY_LIB} ${COROLINT_CLANG_TIDY_UTILS_LIB}
  ${COROLINT_CLANG_CPP} ${COROLINT_LIBLLVM})
