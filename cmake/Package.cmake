# The Debian package, made by CPack (scripts/package.sh runs it):
# corolint_<version>_amd64.deb for the default LLVM, corolint-llvm<N>_... for
# another major, so a package always says which LLVM it needs.
set(COROLINT_DEFAULT_LLVM_MAJOR 19)
set(_llvm ${LLVM_VERSION_MAJOR})

if(_llvm EQUAL COROLINT_DEFAULT_LLVM_MAJOR)
  set(CPACK_PACKAGE_NAME corolint)
else()
  set(CPACK_PACKAGE_NAME corolint-llvm${_llvm})
  # Same paths as the default package: one or the other.
  set(CPACK_DEBIAN_PACKAGE_CONFLICTS corolint)
  set(CPACK_DEBIAN_PACKAGE_REPLACES corolint)
endif()

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_VENDOR corolint)
set(CPACK_PACKAGE_CONTACT "corolint maintainers <corolint@users.noreply.github.com>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY
  "static analyzer for C++20 coroutine pitfalls (LLVM ${_llvm})")
set(CPACK_PACKAGE_DESCRIPTION
  "corolint finds blocking calls, locks held across suspension points, unbounded spawns, sequential independent awaits, awaitless loops and ignored send results in C++20 coroutine code. It ships the corolint driver (compile database to text and SARIF), corolint-clangd and a clang-tidy plugin in /usr/lib/corolint.")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES TRUE)

set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION devel)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
# Shared libraries from what the binaries link (dpkg-shlibdeps reads their
# run path), plus clang's builtin headers, which the driver and clangd read
# at run time but link nothing from.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "libclang-common-${_llvm}-dev, libllvm${_llvm}")
# The plugin is for clang-tidy of the same major; the driver needs none.
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "clang-tidy-${_llvm}")

include(CPack)
