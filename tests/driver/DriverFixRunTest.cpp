// build/bin/corolint --fix, --export-fixes and SARIF fixes on a small asio
// project whose blocking sleep has a fix (the asio timer).
#include "DriverSupport.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Program.h"
#include <gtest/gtest.h>
#include <map>

using namespace corolint::test;
using json = nlohmann::json;

namespace {

constexpr const char *Sleeper = R"(#include <asio/awaitable.hpp>
#include <chrono>
#include <thread>

asio::awaitable<void> nap() {
  std::this_thread::sleep_for(std::chrono::milliseconds(5));
  co_return;
}
)";

// A finding without a fix: a lock held across a suspension.
constexpr const char *Locker = R"(#include <asio/awaitable.hpp>
#include <mutex>

std::mutex m;
asio::awaitable<void> step();

asio::awaitable<void> locked() {
  std::lock_guard<std::mutex> guard(m);
  co_await step();
}
)";

const std::vector<std::string> AsioArgs = {"-std=c++20", "-DASIO_HAS_CO_AWAIT",
                                           "-DASIO_HAS_STD_COROUTINE"};

/// A scratch project: a.cpp (a fix), b.cpp (a finding without one).
std::string project(const std::string &Name) {
  std::string Dir = scratchDir(Name);
  writeFile(Dir + "/a.cpp", Sleeper);
  writeFile(Dir + "/b.cpp", Locker);
  writeCompileDatabase(Dir, Dir, {"a.cpp", "b.cpp"}, AsioArgs);
  return Dir;
}

Outcome corolint(const std::string &Dir, std::vector<std::string> More) {
  std::vector<std::string> Args = {"-p", Dir, "--source-root=" + Dir, "--progress=never",
                                   "--checks=-*,coro-blocking-call,coro-lock-across-suspend"};
  Args.insert(Args.end(), More.begin(), More.end());
  return runCorolint(Args);
}

bool compiles(const std::string &File) {
  auto Clang = llvm::sys::findProgramByName("clang++-19");
  if (!Clang)
    Clang = llvm::sys::findProgramByName("clang++");
  if (!Clang) {
    ADD_FAILURE() << "no clang++";
    return false;
  }
  std::vector<std::string> Args = {*Clang, "-fsyntax-only"};
  Args.insert(Args.end(), AsioArgs.begin(), AsioArgs.end());
  Args.push_back(File);
  Outcome R = runProgram(Args);
  EXPECT_EQ(R.Exit, 0) << R.Err;
  return R.Exit == 0;
}

TEST(DriverFixRun, FixAppliesAndTheFindingIsGone) {
  std::string Dir = project("DriverFixRun.Fix");
  Outcome R = corolint(Dir, {"--fix"});
  EXPECT_EQ(R.Exit, 1) << R.Err; // the findings before the fixes
  EXPECT_NE(R.Out.find("[coro-blocking-call]"), std::string::npos) << R.Out;
  EXPECT_NE(R.Err.find("corolint: 1 fix applied in 'a.cpp'"), std::string::npos) << R.Err;
  std::string Fixed = readFile(Dir + "/a.cpp");
  EXPECT_NE(Fixed, Sleeper);
  EXPECT_EQ(Fixed.find("sleep_for"), std::string::npos) << Fixed;
  EXPECT_NE(Fixed.find("asio::steady_timer"), std::string::npos) << Fixed;
  EXPECT_EQ(readFile(Dir + "/b.cpp"), Locker); // no fix: untouched
  EXPECT_TRUE(compiles(Dir + "/a.cpp")) << Fixed;

  R = corolint(Dir, {});
  EXPECT_EQ(R.Out.find("[coro-blocking-call]"), std::string::npos) << R.Out;
  EXPECT_NE(R.Out.find("[coro-lock-across-suspend]"), std::string::npos) << R.Out;
  // Nothing left to fix: nothing is written.
  R = corolint(Dir, {"--fix"});
  EXPECT_NE(R.Err.find("corolint: no fix to apply"), std::string::npos) << R.Err;
  EXPECT_EQ(readFile(Dir + "/a.cpp"), Fixed);
}

TEST(DriverFixRun, WithoutFixNothingChanges) {
  std::string Dir = project("DriverFixRun.NoFix");
  std::string Yaml = Dir + "/fixes/fixes.yaml";
  llvm::sys::fs::create_directories(Dir + "/fixes");
  Outcome R = corolint(Dir, {"--export-fixes=" + Yaml, "--sarif=" + Dir + "/out.sarif"});
  EXPECT_EQ(R.Exit, 1) << R.Err;
  EXPECT_EQ(readFile(Dir + "/a.cpp"), Sleeper);
  EXPECT_EQ(R.Err.find("applied"), std::string::npos) << R.Err;
  std::string Text = readFile(Yaml);
  EXPECT_NE(Text.find("MainSourceFile:"), std::string::npos) << Text;
  EXPECT_NE(Text.find("DiagnosticName:  coro-blocking-call"), std::string::npos) << Text;
  EXPECT_NE(Text.find("ReplacementText:"), std::string::npos) << Text;
}

TEST(DriverFixRun, ExportedFixesGiveWhatFixGives) {
  auto Tool = llvm::sys::findProgramByName("clang-apply-replacements-19");
  if (!Tool)
    Tool = llvm::sys::findProgramByName("clang-apply-replacements");
  if (!Tool)
    GTEST_SKIP() << "clang-apply-replacements is not installed";
  std::string ByFix = project("DriverFixRun.ByFix");
  std::string ByYaml = project("DriverFixRun.ByYaml");
  ASSERT_EQ(corolint(ByFix, {"--fix"}).Exit, 1);
  llvm::sys::fs::create_directories(ByYaml + "/fixes");
  ASSERT_EQ(corolint(ByYaml, {"--export-fixes=" + ByYaml + "/fixes/fixes.yaml"}).Exit, 1);
  Outcome R = runProgram({*Tool, ByYaml + "/fixes"});
  ASSERT_EQ(R.Exit, 0) << R.Err;
  EXPECT_NE(readFile(ByYaml + "/a.cpp"), Sleeper);
  EXPECT_EQ(readFile(ByYaml + "/a.cpp"), readFile(ByFix + "/a.cpp"));
  EXPECT_EQ(readFile(ByYaml + "/b.cpp"), Locker);
}

json resultOf(const json &Log, const std::string &Rule) {
  for (const json &R : Log["runs"][0]["results"])
    if (R["ruleId"] == Rule)
      return R;
  ADD_FAILURE() << "no " << Rule << " result";
  return json();
}

TEST(DriverFixRun, SarifFixesSurviveShardsAndMerge) {
  std::string Dir = project("DriverFixRun.Sarif");
  ASSERT_EQ(corolint(Dir, {"--format=sarif", "-o", Dir + "/all.sarif"}).Exit, 1);
  json All = readJson(Dir + "/all.sarif");
  json Fixed = resultOf(All, "coro-blocking-call");
  ASSERT_TRUE(Fixed.contains("fixes")) << Fixed.dump(2);
  const json &Change = Fixed["fixes"][0]["artifactChanges"][0];
  EXPECT_EQ(Change["artifactLocation"]["uri"], "a.cpp");
  EXPECT_EQ(Change["artifactLocation"]["uriBaseId"], "%SRCROOT%");
  ASSERT_FALSE(Change["replacements"].empty());
  bool Timer = false;
  for (const json &Rep : Change["replacements"]) {
    EXPECT_TRUE(Rep["deletedRegion"].contains("startLine")) << Rep.dump();
    Timer |= Rep.value("insertedContent", json::object())
                 .value("text", "")
                 .find("steady_timer") != std::string::npos;
  }
  EXPECT_TRUE(Timer) << Change.dump(2);
  EXPECT_FALSE(resultOf(All, "coro-lock-across-suspend").contains("fixes"));

  // Each file in a shard of its own (children of their own), then merged.
  std::vector<std::string> Shards;
  for (const char *K : {"1/2", "2/2"}) {
    std::string Out = Dir + "/shard" + std::string(K).substr(0, 1) + ".sarif";
    corolint(Dir, {"--format=sarif", "-o", Out, std::string("--shard=") + K});
    Shards.push_back(Out);
  }
  Outcome M = runCorolint({"merge", "--shards=2", Shards[0], Shards[1], "-o",
                           Dir + "/merged.sarif"});
  ASSERT_EQ(M.Exit, 0) << M.Err;
  json Merged = readJson(Dir + "/merged.sarif");
  EXPECT_EQ(resultOf(Merged, "coro-blocking-call")["fixes"], Fixed["fixes"]);
  EXPECT_FALSE(resultOf(Merged, "coro-lock-across-suspend").contains("fixes"));

  // Valid SARIF for Microsoft's validator, fixes included.
  std::string Tool = COROLINT_SARIF_MULTITOOL;
  if (!llvm::sys::fs::can_execute(Tool))
    GTEST_SKIP() << Tool << " is missing: run scripts/setup.sh";
  std::string Validation = Dir + "/all.validation.sarif";
  runProgram({Tool, "validate", "--rule-kind", "Sarif;Gh", "--output", Validation,
              Dir + "/all.sarif"});
  json Log = readJson(Validation);
  ASSERT_TRUE(Log["runs"].is_array());
  for (const json &Run : Log["runs"]) {
    // A result's level defaults to its rule's, which defaults to warning.
    std::map<std::string, std::string> RuleLevel;
    for (const json &Rule : Run["tool"]["driver"].value("rules", json::array()))
      if (Rule.contains("defaultConfiguration"))
        RuleLevel[Rule["id"]] = Rule["defaultConfiguration"].value("level", "warning");
    for (const json &Result : Run.value("results", json::array())) {
      std::string Id = Result.value("ruleId", "");
      std::string Level = Result.value(
          "level", RuleLevel.count(Id) ? RuleLevel[Id] : std::string("warning"));
      EXPECT_TRUE(Level == "note" || Level == "none") << Result.dump();
    }
  }
}

} // namespace
