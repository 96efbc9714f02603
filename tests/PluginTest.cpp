// The plugin as users load it: the real clang-tidy binary with --load.
#include <array>
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

TEST(Plugin, ListsExactlyTheImplementedChecks) {
  std::string Out = run(Tidy + "-checks='-*,coro-*' --list-checks");
  EXPECT_NE(Out.find("coro-blocking-call"), std::string::npos) << Out;
  std::size_t Listed = 0;
  for (std::size_t P = 0; (P = Out.find("    coro-", P)) != std::string::npos; ++P)
    ++Listed;
  EXPECT_EQ(Listed, COROLINT_CHECK_COUNT) << Out;
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
  EXPECT_NE(Out.find(Bad + ":2:25: expected a string for 'name'"),
            std::string::npos)
      << Out;
  // The embedded catalogs still work.
  EXPECT_NE(Out.find("[coro-blocking-call]"), std::string::npos) << Out;
}

} // namespace
