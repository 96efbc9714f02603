#ifndef COROLINT_TESTS_TIDYRUNNER_H
#define COROLINT_TESTS_TIDYRUNNER_H

#include <map>
#include <string>
#include <vector>

namespace corolint::test {

/// A diagnostic as the tests see it: located by 1-based line and column.
struct Diag {
  std::string Check; // e.g. "coro-blocking-call"; empty for notes
  std::string Level; // "warning", "error", "note", "remark"
  std::string File;
  unsigned Line = 0;
  unsigned Column = 0;
  std::string Message;
};

struct Finding : Diag {
  std::vector<Diag> Notes;
};

/// Runs clang-tidy's engine in-process, with the checks matching Checks,
/// over File compiled with CompilerArgs (no compiler name). Configuration
/// errors come back as findings with an empty File.
std::vector<Finding> runTidy(const std::string &File,
                             const std::vector<std::string> &CompilerArgs,
                             const std::string &Checks,
                             const std::map<std::string, std::string> &Options);

/// The clang resource directory of the LLVM corolint was built with.
std::string clangResourceDir();

} // namespace corolint::test

#endif
