// The harness must be able to fail: these feed it made-up findings.
#include "Annotations.h"

#include <gtest/gtest.h>

namespace corolint::test {
namespace {

Finding warning(unsigned Line, std::string Message, std::string Check) {
  Finding F;
  F.Check = std::move(Check);
  F.Level = "warning";
  F.File = "main.cpp";
  F.Line = Line;
  F.Message = std::move(Message);
  return F;
}

Diag note(unsigned Line, std::string Message) {
  return Diag{"", "note", "main.cpp", Line, 1, std::move(Message)};
}

const char *Source = "// CHECKS: coro-x\n"
                     "f(); // expect-warning: blocks [coro-x] // expect-note@+1: here\n"
                     "g();\n";

TEST(Annotations, ParsesHeaderAndDirectives) {
  TestSpec S = parseTestFile(Source, "/td");
  EXPECT_EQ(S.Checks, "-*,coro-x");
  EXPECT_EQ(S.Args, (std::vector<std::string>{"-std=c++20", "-I/td/include"}));
  ASSERT_EQ(S.Expected.size(), 2u);
  EXPECT_EQ(S.Expected[0].Level, "warning");
  EXPECT_EQ(S.Expected[0].Check, "coro-x");
  EXPECT_EQ(S.Expected[0].Fragment, "blocks");
  EXPECT_EQ(S.Expected[0].Line, 2u);
  EXPECT_EQ(S.Expected[1].Level, "note");
  EXPECT_EQ(S.Expected[1].Line, 3u);
  EXPECT_EQ(S.Expected[1].Fragment, "here");
  EXPECT_TRUE(S.Problems.empty());
}

TEST(Annotations, WarningWithoutCheckNameIsAProblem) {
  TestSpec S = parseTestFile("f(); // expect-warning: blocks\n", "/td");
  EXPECT_EQ(S.Problems.size(), 1u);
}

TEST(Annotations, PassesWhenEverythingMatches) {
  TestSpec S = parseTestFile(Source, "/td");
  Finding F = warning(2, "call blocks the thread", "coro-x");
  F.Notes.push_back(note(3, "blocked here"));
  EXPECT_TRUE(compare(S.Expected, {F}, "main.cpp").empty());
}

TEST(Annotations, FailsOnMissingDiagnostic) {
  TestSpec S = parseTestFile(Source, "/td");
  auto Problems = compare(S.Expected, {}, "main.cpp");
  ASSERT_EQ(Problems.size(), 2u);
  EXPECT_NE(Problems[0].find("missing warning on line 2"), std::string::npos);
}

TEST(Annotations, FailsOnUnexpectedDiagnosticAndNote) {
  TestSpec S = parseTestFile(Source, "/td");
  Finding F = warning(2, "call blocks the thread", "coro-x");
  F.Notes.push_back(note(3, "blocked here"));
  F.Notes.push_back(note(3, "another note"));
  Finding Extra = warning(3, "surprise", "coro-x");
  auto Problems = compare(S.Expected, {F, Extra}, "main.cpp");
  ASSERT_EQ(Problems.size(), 2u);
  EXPECT_NE(Problems[0].find("unexpected note"), std::string::npos);
  EXPECT_NE(Problems[1].find("unexpected warning"), std::string::npos);
}

TEST(Annotations, FailsOnWrongCheckLineOrText) {
  TestSpec S = parseTestFile(Source, "/td");
  Finding WrongCheck = warning(2, "call blocks", "coro-y");
  Finding WrongLine = warning(3, "call blocks", "coro-x");
  Finding WrongText = warning(2, "call sleeps", "coro-x");
  for (const Finding &F : {WrongCheck, WrongLine, WrongText}) {
    Finding WithNote = F;
    WithNote.Notes.push_back(note(3, "here"));
    EXPECT_EQ(compare(S.Expected, {WithNote}, "main.cpp").size(), 2u);
  }
}

} // namespace
} // namespace corolint::test
