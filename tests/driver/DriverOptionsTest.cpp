#include "Options.h"

#include <gtest/gtest.h>

using namespace corolint::driver;

namespace {

std::optional<Options> parse(std::vector<std::string> Args, std::string *Err = nullptr) {
  std::string E;
  auto O = parseOptions(Args, E);
  if (Err)
    *Err = E;
  return O;
}

TEST(DriverOptions, Defaults) {
  auto O = parse({"-p", "build"});
  ASSERT_TRUE(O);
  EXPECT_EQ(O->Mode, Options::Action::Analyse);
  EXPECT_EQ(O->BuildPath, "build");
  EXPECT_FALSE(O->Checks);
  EXPECT_EQ(O->Jobs, 0u);
  EXPECT_EQ(O->Format, OutputFormat::Text);
  EXPECT_EQ(O->FailOn, Level::Warning);
  EXPECT_EQ(O->Progress, ProgressMode::Auto);
  EXPECT_EQ(O->ShardCount, 0u);
}

TEST(DriverOptions, SpellingsOfValues) {
  auto O = parse({"-pbuild", "--checks=-*,coro-blocking-call", "-checks", "x",
                  "-j", "3", "--format", "sarif", "-o=out.sarif",
                  "--sarif=s.sarif", "--rules=a.json", "--rules", "b.json",
                  "--fail-on=error", "--progress=never", "--category=cpp",
                  "--shard=2/4", "--baseline=old.sarif", "--source-root=/r",
                  "--config-file=cfg.yaml", "a.cpp", "b.cpp"});
  ASSERT_TRUE(O);
  EXPECT_EQ(O->BuildPath, "build");
  EXPECT_EQ(*O->Checks, "x"); // the last one wins
  EXPECT_EQ(O->Jobs, 3u);
  EXPECT_EQ(O->Format, OutputFormat::Sarif);
  EXPECT_EQ(O->OutputFile, "out.sarif");
  EXPECT_EQ(O->SarifFile, "s.sarif");
  EXPECT_EQ(O->RuleFiles, std::vector<std::string>({"a.json", "b.json"}));
  EXPECT_EQ(O->FailOn, Level::Error);
  EXPECT_EQ(O->Progress, ProgressMode::Never);
  EXPECT_EQ(O->Category, "cpp");
  EXPECT_EQ(O->ShardIndex, 2u);
  EXPECT_EQ(O->ShardCount, 4u);
  EXPECT_EQ(O->Baseline, "old.sarif");
  EXPECT_EQ(O->SourceRoot, "/r");
  EXPECT_EQ(O->ConfigFile, "cfg.yaml");
  EXPECT_EQ(O->Files, std::vector<std::string>({"a.cpp", "b.cpp"}));
  EXPECT_EQ(parse({"-j8"})->Jobs, 8u);
}

TEST(DriverOptions, CompilerArgumentsAfterDoubleDash) {
  auto O = parse({"a.cpp", "--", "-std=c++20", "-Iinc", "-j", "2"});
  ASSERT_TRUE(O);
  EXPECT_TRUE(O->HasCompilerArgs);
  EXPECT_EQ(O->Files, std::vector<std::string>({"a.cpp"}));
  EXPECT_EQ(O->CompilerArgs,
            std::vector<std::string>({"-std=c++20", "-Iinc", "-j", "2"}));
  EXPECT_EQ(O->Jobs, 0u);
}

TEST(DriverOptions, FailOnNone) {
  auto O = parse({"--fail-on=none"});
  ASSERT_TRUE(O);
  EXPECT_FALSE(O->FailOn);
}

TEST(DriverOptions, Modes) {
  EXPECT_EQ(parse({"--help"})->Mode, Options::Action::Help);
  EXPECT_EQ(parse({"-h"})->Mode, Options::Action::Help);
  EXPECT_EQ(parse({"--version"})->Mode, Options::Action::Version);
  EXPECT_EQ(parse({"--list-checks"})->Mode, Options::Action::ListChecks);
  auto M = parse({"merge", "a.sarif", "b.sarif", "-o", "all.sarif"});
  ASSERT_TRUE(M);
  EXPECT_EQ(M->Mode, Options::Action::Merge);
  EXPECT_EQ(M->Files, std::vector<std::string>({"a.sarif", "b.sarif"}));
  EXPECT_EQ(M->OutputFile, "all.sarif");
}

TEST(DriverOptions, UsageErrors) {
  struct Case {
    std::vector<std::string> Args;
    std::string Message;
  } Cases[] = {
      {{"--frobnicate"}, "unknown option '--frobnicate'; see --help"},
      {{"-j", "0"}, "-j expects a positive number, not '0'"},
      {{"-j", "many"}, "-j expects a positive number, not 'many'"},
      {{"--format=xml"}, "unknown --format 'xml'; expected 'text' or 'sarif'"},
      {{"--fail-on=fatal"},
       "unknown --fail-on 'fatal'; expected 'none', 'note', 'warning' or 'error'"},
      {{"--progress=sometimes"},
       "unknown --progress 'sometimes'; expected 'auto', 'always' or 'never'"},
      {{"--shard=3/2"}, "--shard expects K/N with 1 <= K <= N, not '3/2'"},
      {{"--shard=0/2"}, "--shard expects K/N with 1 <= K <= N, not '0/2'"},
      {{"--shard=1"}, "--shard expects K/N with 1 <= K <= N, not '1'"},
      {{"-p"}, "option '-p' expects a value"},
      {{"--version=2"}, "option 'version' takes no value"},
      {{"--rules="}, "--rules expects a rule file"},
      {{"merge"}, "'corolint merge' expects SARIF files to merge"},
  };
  for (const Case &C : Cases) {
    std::string Err;
    EXPECT_FALSE(parse(C.Args, &Err)) << C.Args.front();
    EXPECT_EQ(Err, C.Message);
  }
}

TEST(DriverOptions, HelpDocumentsExitStatus) {
  std::string H = helpText();
  for (const char *Needle :
       {"-p BUILD_DIR", "--checks", "--config-file", "--rules", "-j N",
        "--format", "--sarif", "--source-root", "--baseline", "--fail-on",
        "--progress", "--category", "--shard", "--timeout", "--cache-dir", "--list-checks", "--version",
        "EXIT STATUS", "  3  "})
    EXPECT_NE(H.find(Needle), std::string::npos) << Needle;
}

} // namespace
