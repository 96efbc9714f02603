#ifndef COROLINT_TESTS_ANNOTATIONS_H
#define COROLINT_TESTS_ANNOTATIONS_H

#include "TidyRunner.h"

#include <map>
#include <string>
#include <vector>

namespace corolint::test {

/// One expected diagnostic, written in a testdata file as a comment:
///   call(); // expect-warning: fragment of the message [coro-check-name]
///   // expect-note@-1: fragment of a note
///   // expect-error@+2: ... [coro-...]      (relative line)
///   // expect-note@17: ...                  (absolute line)
/// Several directives can share a line: `// expect-... // expect-...`.
struct Expectation {
  std::string Level; // "warning", "error", "note"
  std::string Check; // required for warnings and errors
  unsigned Line = 0;
  std::string Fragment;
  unsigned WrittenOn = 0; // the line of the directive, for messages
};

/// How to run a testdata file, from its header comments:
///   // ARGS: -std=c++20 -I%include        (default: -std=c++20 -I%include)
///   // CHECKS: coro-blocking-call         (default: coro-*)
///   // OPTION: coro-blocking-call.HelperDepth=2   (repeatable)
/// %include is testdata/include, %testdata the testdata directory.
struct TestSpec {
  std::vector<std::string> Args;
  std::string Checks = "-*,coro-*";
  std::map<std::string, std::string> Options;
  std::vector<Expectation> Expected;
  std::vector<std::string> Problems; // malformed directives
};

TestSpec parseTestFile(const std::string &Text, const std::string &TestdataDir);

/// Matches findings of MainFile against the expectations one to one.
/// Returns one line per missing or unexpected diagnostic (empty: pass).
/// Notes are matched by line and fragment in MainFile; notes in other files
/// are not checked.
std::vector<std::string> compare(const std::vector<Expectation> &Expected,
                                 const std::vector<Finding> &Findings,
                                 const std::string &MainFile);

} // namespace corolint::test

#endif
