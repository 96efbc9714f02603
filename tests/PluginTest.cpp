// The plugin as users load it: the real clang-tidy binary with --load.
#include <array>
#include <filesystem>
#include <set>
#include <sstream>
#include <cstdio>
#include <gtest/gtest.h>
#include <string>

namespace {

std::string run(const std::string &Command) {
  std::string Output;
  FILE *Pipe = popen((Command + " 2>&1").c_str(), "r");
  if (!Pipe)
    return "popen failed";
  std::array<char, 4096> Buffer;
  while (std::fgets(Buffer.data(), Buffer.size(), Pipe))
    Output += Buffer.data();
  pclose(Pipe);
  return Output;
}

const std::string Tidy = std::string(COROLINT_CLANG_TIDY) + " --load " +
                         COROLINT_PLUGIN + " ";

// Every registered check has its page in docs/checks/, and every page
// belongs to a registered check: no placeholders either way.
TEST(Plugin, ListsExactlyTheDocumentedChecks) {
  std::string Out = run(Tidy + "-checks='-*,coro-*' --list-checks");
  std::set<std::string> Listed;
  std::istringstream Lines(Out);
  for (std::string Line; std::getline(Lines, Line);)
    if (Line.rfind("    coro-", 0) == 0)
      Listed.insert(Line.substr(4));
  std::set<std::string> Documented;
  for (const auto &E : std::filesystem::directory_iterator(
           std::string(COROLINT_DOCS_DIR) + "/checks"))
    if (E.path().extension() == ".md")
      Documented.insert(E.path().stem().string());
  EXPECT_FALSE(Listed.empty()) << Out;
  EXPECT_EQ(Listed, Documented) << Out;
}

TEST(Plugin, ReportsFindingsOnATestdataFile) {
  std::string Out =
      run(Tidy + "-checks='-*,coro-*' " COROLINT_TESTDATA_DIR
                 "/blocking-call-std.cpp -- -std=c++20 -I" COROLINT_TESTDATA_DIR
                 "/include");
  EXPECT_NE(Out.find("blocking call to 'std::this_thread::sleep_for' in "
                     "coroutine"),
            std::string::npos)
      << Out;
  EXPECT_NE(Out.find("[coro-blocking-call]"), std::string::npos) << Out;
}

TEST(Plugin, MalformedRuleFileIsAConfigurationError) {
  std::string Bad = ::testing::TempDir() + "/corolint-plugin-bad.json";
  std::FILE *F = std::fopen(Bad.c_str(), "w");
  std::fputs("{\"library\": \"x\",\n \"blocking\": [{\"name\": true}]}", F);
  std::fclose(F);
  std::string Out =
      run(Tidy + "-checks='-*,coro-*' -config=\"{CheckOptions: {RuleFiles: '" +
          Bad + "'}}\" " COROLINT_TESTDATA_DIR
                "/blocking-call-std.cpp -- -std=c++20 -I" COROLINT_TESTDATA_DIR
                "/include");
  EXPECT_NE(Out.find(Bad + ":2:24: expected a string for 'name'"),
            std::string::npos)
      << Out;
  // The embedded catalogs still work.
  EXPECT_NE(Out.find("[coro-blocking-call]"), std::string::npos) << Out;
}

// clang-tidy only diagnoses misspelt options under --verify-config; the
// coro checks report theirs on every run, as configuration errors.
TEST(Plugin, MisspeltOptionIsAConfigurationError) {
  const std::string File = COROLINT_TESTDATA_DIR "/blocking-call-std.cpp -- -std=c++20 "
                           "-I" COROLINT_TESTDATA_DIR "/include";
  std::string Out = run(Tidy + "-checks='-*,coro-*' -config=\"{CheckOptions: "
                               "{coro-blocking-call.ExtraBlockingFunction: 'x', "
                               "coro-awaitless-loop.HeavyLevel: '3'}}\" " + File);
  EXPECT_NE(Out.find("unknown check option 'coro-blocking-call.ExtraBlockingFunction'; "
                     "did you mean 'coro-blocking-call.ExtraBlockingFunctions'?"),
            std::string::npos)
      << Out;
  EXPECT_NE(Out.find("unknown check option 'coro-awaitless-loop.HeavyLevel'; "
                     "did you mean 'coro-awaitless-loop.HeavyLevels'?"),
            std::string::npos)
      << Out;
  // Spelt right, and options of checks that do not run: nothing to say.
  std::string Good = run(Tidy + "-checks='-*,coro-blocking-call' -config=\"{CheckOptions: "
                                "{coro-blocking-call.ExtraBlockingFunctions: 'x', "
                                "other-check.Anything: '1'}}\" " + File);
  EXPECT_EQ(Good.find("unknown check option"), std::string::npos) << Good;
  EXPECT_NE(Good.find("[coro-blocking-call]"), std::string::npos) << Good;
}

// A relative RuleFiles entry is relative to the .clang-tidy naming it, not
// to the compile command's directory or the working directory.
TEST(Plugin, RuleFilesRelativeToTheirConfigurationFile) {
  const std::string Project = COROLINT_TESTDATA_DIR "/projects/config";
  std::string Out = run("cd / && " + Tidy + "-checks='-*,coro-*' " + Project + "/src/app.cpp -- -std=c++20 -I" +
                        Project + "/include");
  EXPECT_NE(Out.find("'cfg::vendor::flush_all'"), std::string::npos) << Out;
  EXPECT_EQ(Out.find("cannot read rule file"), std::string::npos) << Out;
}

} // namespace
