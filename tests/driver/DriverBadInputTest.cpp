// Every kind of bad input: exit status 2 and one line naming the file (or
// option) and the problem.
#include "DriverSupport.h"

#include <gtest/gtest.h>

using namespace corolint::test;

namespace {

/// Runs corolint and expects exit status 2 with exactly one stderr line
/// matching Pattern and nothing on stdout.
void expectBadInput(const std::vector<std::string> &Args, const std::string &Pattern) {
  Outcome R = runCorolint(Args);
  EXPECT_EQ(R.Exit, 2) << R.Err;
  EXPECT_EQ(R.Out, "");
  std::vector<std::string> Err = lines(R.Err);
  ASSERT_EQ(Err.size(), 1u) << R.Err;
  EXPECT_TRUE(matchesPattern(Err[0], Pattern)) << "  got: " << Err[0]
                                               << "\n want: " << Pattern;
}

std::string small() { return sourcePath("testdata/projects/small"); }

TEST(DriverBadInput, MissingCompilationDatabase) {
  std::string Dir = scratchDir("DriverBadInput.MissingDb");
  expectBadInput({"-p", Dir}, "corolint: error: no compile_commands.json in '" + Dir + "'");
  expectBadInput({"-p", Dir + "/nope"},
                 "corolint: error: no such build directory: '" + Dir + "/nope'");
  expectBadInput({}, "corolint: error: no compilation database: pass -p BUILD_DIR, or "
                     "FILE... -- COMPILER_ARGS");
}

TEST(DriverBadInput, MalformedCompilationDatabase) {
  std::string Dir = scratchDir("DriverBadInput.MalformedDb");
  writeFile(Dir + "/compile_commands.json",
            "[\n  {\"directory\": \"/tmp\", \"file\": \"a.cpp\",\n   \"command\": \"c++ a.cpp\"\n");
  expectBadInput({"-p", Dir}, "corolint: error: " + Dir +
                                  "/compile_commands.json:4:1: malformed JSON: *");
  writeFile(Dir + "/compile_commands.json", "{\"file\": \"a.cpp\"}");
  expectBadInput({"-p", Dir}, "corolint: error: " + Dir +
                                  "/compile_commands.json:1:1: expected an array of "
                                  "compile commands");
  writeFile(Dir + "/compile_commands.json",
            "[\n {\"directory\": \"/tmp\", \"file\": \"a.cpp\", \"command\": \"c++\"},\n"
            " {\"directory\": \"/tmp\", \"command\": \"c++ b.cpp\"}\n]");
  expectBadInput({"-p", Dir}, "corolint: error: " + Dir +
                                  "/compile_commands.json:3:2: compile command 2 has no 'file'");
  writeFile(Dir + "/compile_commands.json",
            "[{\"directory\": \"/tmp\", \"file\": \"a.cpp\", \"arguments\": \"c++ a.cpp\"}]");
  expectBadInput({"-p", Dir}, "corolint: error: " + Dir +
                                  "/compile_commands.json:1:*: expected an array of "
                                  "strings for 'arguments'");
  writeFile(Dir + "/compile_commands.json", "[]");
  expectBadInput({"-p", Dir}, "corolint: error: " + Dir +
                                  "/compile_commands.json: the compilation database "
                                  "lists no files");
}

TEST(DriverBadInput, UnknownCheckGlob) {
  std::string Db = smallDatabase("DriverBadInput.Checks");
  expectBadInput(
      {"-p", Db, "--checks=-*,coro-blocking-cal"},
      "corolint: error: --checks: 'coro-blocking-cal' matches no coro check; 'corolint "
      "--list-checks --checks=*' lists them");
  expectBadInput({"-p", Db, "--checks=-*"},
                 "corolint: error: no coro check enabled; see --list-checks and --checks");
  writeFile(Db + "/cfg.yaml", "Checks: 'coro-*,coro-no-such-check'\n");
  expectBadInput({"-p", Db, "--config-file=" + Db + "/cfg.yaml"},
                 "corolint: error: " + Db +
                     "/cfg.yaml: check glob 'coro-no-such-check' in Checks matches no coro check");
}

TEST(DriverBadInput, BadRuleFile) {
  std::string Db = smallDatabase("DriverBadInput.Rules");
  writeFile(Db + "/syntax.json", "{\n  \"library\": \"x\",\n  \"blocking\": [\n}\n");
  expectBadInput({"-p", Db, "--rules=" + Db + "/syntax.json"},
                 "corolint: error: invalid rule file: " + Db + "/syntax.json:4:1: *");
  writeFile(Db + "/schema.json", "{\"library\": \"x\", \"frobnicate\": []}");
  expectBadInput({"-p", Db, "--rules=" + Db + "/schema.json"},
                 "corolint: error: invalid rule file: " + Db +
                     "/schema.json:1:*: unknown section 'frobnicate'; expected one of *");
  writeFile(Db + "/typo.json", "{\"library\": \"x\", \"blocking\": [\n"
                               "  {\"name\": \"f\", \"fd_cal\": true}]}");
  expectBadInput({"-p", Db, "--rules=" + Db + "/typo.json"},
                 "corolint: error: invalid rule file: " + Db +
                     "/typo.json:2:27: unknown attribute 'fd_cal' in section 'blocking'; "
                     "did you mean 'fd_call'?");
  expectBadInput({"-p", Db, "--rules=" + Db + "/missing.json"},
                 "corolint: error: cannot read rule file '" + Db +
                     "/missing.json': No such file or directory");
}

TEST(DriverBadInput, NonexistentSourceFile) {
  std::string Db = smallDatabase("DriverBadInput.Source");
  expectBadInput({"-p", Db, small() + "/src/nope.cpp"},
                 "corolint: error: no such file: '" + small() + "/src/nope.cpp'");
  expectBadInput({"nope.cpp", "--", "-std=c++20"},
                 "corolint: error: no such file: 'nope.cpp'");
  // A file the database lists but that is gone is a failed translation
  // unit, not bad input: DriverConfig.MissingSourceIsAFailedTranslationUnit.
}

TEST(DriverBadInput, BadConfigurationFile) {
  std::string Db = smallDatabase("DriverBadInput.Config");
  writeFile(Db + "/bad.yaml", "Checks: [unclosed\n");
  expectBadInput({"-p", Db, "--config-file=" + Db + "/bad.yaml"},
                 "corolint: error: invalid configuration file " + Db + "/bad.yaml:*");
  expectBadInput({"-p", Db, "--config-file=" + Db + "/none.yaml"},
                 "corolint: error: cannot read configuration file '" + Db +
                     "/none.yaml': No such file or directory");
}

TEST(DriverBadInput, BadBaseline) {
  std::string Db = smallDatabase("DriverBadInput.Baseline");
  writeFile(Db + "/old.sarif", "not json");
  expectBadInput({"-p", Db, "--baseline=" + Db + "/old.sarif"},
                 "corolint: error: baseline '" + Db + "/old.sarif' is not valid JSON*");
  expectBadInput({"-p", Db, "--baseline=" + Db + "/missing.sarif"},
                 "corolint: error: cannot read baseline '" + Db +
                     "/missing.sarif': No such file or directory");
}

TEST(DriverBadInput, BadOptionInClangTidyFile) {
  // Found while analysing: still a configuration error, reported once,
  // and the files are analysed.
  std::string Dir = scratchDir("DriverBadInput.ClangTidyOption");
  writeFile(Dir + "/.clang-tidy",
            "CheckOptions:\n  coro-blocking-call.IgnoredFunctions: '('\n");
  writeFile(Dir + "/a.cpp", readFile(sourcePath("testdata/projects/fingerprints/crlf.cpp")));
  writeFile(Dir + "/b.cpp", readFile(sourcePath("testdata/projects/fingerprints/tabs.cpp")));
  Outcome R = runCorolint({Dir + "/a.cpp", Dir + "/b.cpp", "--source-root=" + Dir,
                           "--progress=never", "--", "-std=c++20",
                           "-I" + sourcePath("testdata/projects/fingerprints")});
  EXPECT_EQ(R.Exit, 2) << R.Err;
  std::vector<std::string> Err = lines(R.Err);
  ASSERT_EQ(Err.size(), 2u) << R.Err;
  EXPECT_TRUE(matchesPattern(Err[0], "corolint: error: invalid regular expression in option "
                                     "'coro-blocking-call.IgnoredFunctions': '(': *"))
      << Err[0];
  EXPECT_EQ(Err[1], "corolint: 2 warnings in 2 files (6 checks)");
  EXPECT_EQ(lines(R.Out).size(), 2u) << R.Out;
}

TEST(DriverBadInput, UsageErrors) {
  expectBadInput({"--frobnicate"}, "corolint: error: unknown option '--frobnicate'; see --help");
  expectBadInput({"-j", "0"}, "corolint: error: -j expects a positive number, not '0'");
  expectBadInput({"--shard=5/4"},
                 "corolint: error: --shard expects K/N with 1 <= K <= N, not '5/4'");
  std::string Db = smallDatabase("DriverBadInput.Usage");
  expectBadInput({"-p", Db, small() + "/src/clean.cpp", "--", "-std=c++20"},
                 "corolint: error: use either -p BUILD_DIR or '-- COMPILER_ARGS', not both");
  expectBadInput({"-p", Db, "--source-root=" + Db + "/nope"},
                 "corolint: error: no such directory: '" + Db + "/nope' (--source-root)");
  expectBadInput({"merge", Db + "/missing.sarif"},
                 "corolint: error: cannot read '" + Db +
                     "/missing.sarif': No such file or directory");
}

TEST(DriverBadInput, UnwritableOutput) {
  std::string Db = smallDatabase("DriverBadInput.Output");
  expectBadInput({"-p", Db, "--source-root=" + small(), "--progress=never",
                  small() + "/src/clean.cpp", "-o", Db + "/no/such/dir/out.txt"},
                 "corolint: error: cannot write '" + Db + "/no/such/dir/out.txt': *");
}

} // namespace
