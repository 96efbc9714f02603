# Where `cmake --install` (and the Debian package) puts corolint:
#   bin/corolint, bin/corolint-clangd      the front ends
#   lib/corolint/corolint-tidy.so          the clang-tidy plugin (--load it)
#   share/corolint/rules/                  the built-in catalogs (also compiled
#                                          in), as a starting point for your own
#   share/doc/corolint/                    README, check pages, rule schema docs
include(GNUInstallDirs)

# The front ends link Debian's libclang-cpp and libLLVM, which live in LLVM's
# own lib directory, not on the loader's path: keep it as the run path, as
# Debian's own clang tools do.
set_target_properties(corolint corolint-clangd PROPERTIES
  INSTALL_RPATH "${LLVM_LIBRARY_DIR}")

install(TARGETS corolint corolint-clangd
  RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR} COMPONENT corolint)
install(TARGETS corolint-tidy
  LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}/corolint COMPONENT corolint)

file(GLOB _corolint_rule_files CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/rules/*.json)
install(FILES ${_corolint_rule_files}
  DESTINATION ${CMAKE_INSTALL_DATADIR}/corolint/rules COMPONENT corolint)
install(DIRECTORY ${PROJECT_SOURCE_DIR}/docs/
  DESTINATION ${CMAKE_INSTALL_DOCDIR} COMPONENT corolint
  FILES_MATCHING PATTERN "*.md")
install(FILES ${PROJECT_SOURCE_DIR}/README.md
  DESTINATION ${CMAKE_INSTALL_DOCDIR} COMPONENT corolint)
