// The incremental cache, --cache-dir (issue #19): a translation unit whose
// compile command, included files, configuration, rule files and corolint
// are unchanged is not analysed again, and the output is the same as a run
// without the cache. The proof that nothing was parsed: the warm runs set
// the crash marker of the driver's test hooks (Worker.h) to a text every
// source holds, so a child that analysed one would crash.
#include "DriverSupport.h"
#include "Options.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include <filesystem>
#include <gtest/gtest.h>
#include <thread>

using namespace corolint::test;
using nlohmann::json;

namespace {

const char *const Marker = "CACHE_TEST_SOURCE";
const std::string NoParse = std::string("COROLINT_TEST_CRASH_MARKER=") + Marker;

const char *const Task = R"(#pragma once
#include <coroutine>
namespace proj {
struct task {
  struct promise_type {
    task get_return_object() { return {}; }
    std::suspend_always initial_suspend() noexcept { return {}; }
    std::suspend_always final_suspend() noexcept { return {}; }
    void return_void() {}
    void unhandled_exception() {}
  };
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<>) {}
  void await_resume() {}
};
task yield_now();
} // namespace proj
)";

/// helper.h: settle() returns at once, or (Blocking) sleeps.
std::string helper(bool Blocking) {
  return std::string("#pragma once\n#include <chrono>\n#include <thread>\n"
                     "namespace proj {\ninline void settle() {") +
         (Blocking ? " std::this_thread::sleep_for(std::chrono::milliseconds(5)); " : " ") +
         "}\n} // namespace proj\n";
}

/// a.cpp and b.cpp call settle() from helper.h in a coroutine; c.cpp
/// includes only task.h and calls proj::wait_reply() and proj::slow(),
/// which block only when the rule file or the configuration says so.
std::string source(const std::string &Name) {
  std::string Head = std::string("// ") + Marker + "\n#include \"task.h\"\n";
  if (Name == "c")
    return Head + "namespace proj {\nint wait_reply();\nint slow();\n"
                  "task c() {\n  int r = wait_reply();\n  int s = slow();\n"
                  "  co_await yield_now();\n  (void)r;\n  (void)s;\n}\n}\n";
  return Head + "#include \"helper.h\"\nnamespace proj {\ntask " + Name +
         "() {\n  settle();\n  co_await yield_now();\n}\n}\n";
}

std::string rules(const std::string &Blocking) {
  return R"({"library": "proj", "blocking": [{"name": ")" + Blocking +
         R"(", "kind": "wait", "reason": "waits for the reply"}]})";
}

std::string tidyConfig(const std::string &Extra) {
  return "CheckOptions:\n  coro-blocking-call.ExtraBlockingFunctions: '" + Extra + "'\n";
}

/// The project: src/{a,b,c}.cpp, include/{task,helper}.h, rules.json,
/// .clang-tidy; its database in Dir/build.
std::string project(const std::string &Name) {
  std::string Dir = scratchDir(Name);
  writeFile(Dir + "/include/task.h", Task);
  writeFile(Dir + "/include/helper.h", helper(false));
  for (const char *S : {"a", "b", "c"})
    writeFile(Dir + "/src/" + S + ".cpp", source(S));
  writeFile(Dir + "/rules.json", rules("proj::nothing"));
  writeFile(Dir + "/.clang-tidy", tidyConfig("proj::nothing"));
  writeCompileDatabase(Dir + "/build", Dir, {"src/a.cpp", "src/b.cpp", "src/c.cpp"},
                       {"-Iinclude"});
  return Dir;
}

std::vector<std::string> args(const std::string &Dir, std::vector<std::string> More = {}) {
  std::vector<std::string> A = {"-p", Dir + "/build", "--source-root=" + Dir,
                                "--progress=never", "--rules=" + Dir + "/rules.json",
                                "--checks=" + std::string(TestedChecks)};
  A.insert(A.end(), More.begin(), More.end());
  return A;
}

std::vector<std::string> cached(const std::string &Dir, std::vector<std::string> More = {}) {
  More.push_back("--cache-dir=" + Dir + "/cache");
  return args(Dir, More);
}

std::string cacheLine(unsigned Reused, unsigned Total) {
  return "corolint: cache: " + std::to_string(Reused) + " of " + std::to_string(Total) +
         " translation units reused, " + std::to_string(Total - Reused) + " analysed\n";
}

bool contains(const std::string &Text, const std::string &Part) {
  return Text.find(Part) != std::string::npos;
}

/// stderr without the cache's own line: what an uncached run prints.
std::string withoutCacheLine(std::string Err) {
  std::size_t At = Err.find("corolint: cache: ");
  if (At != std::string::npos)
    Err.erase(At, Err.find('\n', At) + 1 - At);
  return Err;
}

/// The entry files under Dir/cache.
std::vector<std::string> entries(const std::string &Dir) {
  std::vector<std::string> Out;
  std::error_code E;
  for (auto It = std::filesystem::recursive_directory_iterator(Dir + "/cache", E);
       !E && It != std::filesystem::recursive_directory_iterator(); It.increment(E))
    if (It->is_regular_file())
      Out.push_back(It->path().string());
  std::sort(Out.begin(), Out.end());
  return Out;
}

/// A cold run, then a warm one: the same output, nothing parsed.
TEST(DriverCache, AnUnchangedTreeIsNotAnalysedAgain) {
  std::string Dir = project("DriverCache.Unchanged");
  Outcome Plain = runCorolint(args(Dir, {"--sarif=" + Dir + "/plain.sarif"}));
  EXPECT_EQ(Plain.Exit, 0) << Plain.Err;
  Outcome Cold = runCorolint(cached(Dir, {"--sarif=" + Dir + "/cold.sarif", "-j2"}));
  EXPECT_EQ(Cold.Exit, 0) << Cold.Err;
  EXPECT_TRUE(contains(Cold.Err, cacheLine(0, 3))) << Cold.Err;
  EXPECT_EQ(entries(Dir).size(), 3u);
  Outcome Warm = runCorolint(cached(Dir, {"--sarif=" + Dir + "/warm.sarif", "-j2"}), {NoParse});
  EXPECT_EQ(Warm.Exit, 0) << Warm.Err;
  EXPECT_TRUE(contains(Warm.Err, cacheLine(3, 3))) << Warm.Err;
  EXPECT_EQ(Warm.Out, Plain.Out);
  EXPECT_EQ(Warm.Out, Cold.Out);
  EXPECT_EQ(withoutCacheLine(Warm.Err), Plain.Err);
  EXPECT_EQ(withoutRunDetails(readJson(Dir + "/warm.sarif")),
            withoutRunDetails(readJson(Dir + "/plain.sarif")));
  // The marker would have crashed a child: the hook works.
  Outcome Parsed = runCorolint(args(Dir), {NoParse});
  EXPECT_EQ(Parsed.Exit, 3) << Parsed.Err;
}

/// The same with findings, in text and SARIF, and their fixes.
TEST(DriverCache, FindingsComeBackByteForByte) {
  std::string Dir = project("DriverCache.Findings");
  writeFile(Dir + "/include/helper.h", helper(true));
  writeFile(Dir + "/rules.json", rules("proj::wait_reply"));
  std::vector<std::string> Sarif = {"--format=sarif", "--export-fixes=" + Dir + "/fixes.yaml"};
  Outcome Plain = runCorolint(args(Dir, Sarif));
  EXPECT_EQ(Plain.Exit, 1) << Plain.Err;
  std::string PlainFixes = readFile(Dir + "/fixes.yaml");
  Outcome Cold = runCorolint(cached(Dir, Sarif));
  Outcome Warm = runCorolint(cached(Dir, Sarif), {NoParse});
  EXPECT_EQ(Warm.Exit, 1) << Warm.Err;
  EXPECT_TRUE(contains(Warm.Err, cacheLine(3, 3))) << Warm.Err;
  EXPECT_EQ(readFile(Dir + "/fixes.yaml"), PlainFixes);
  json P = withoutRunDetails(json::parse(Plain.Out));
  EXPECT_EQ(withoutRunDetails(json::parse(Warm.Out)), P);
  EXPECT_EQ(withoutRunDetails(json::parse(Cold.Out)), P);
  EXPECT_EQ(P["runs"][0]["results"].size(), 3u) << Plain.Out;
  // Text: byte for byte.
  Outcome PlainText = runCorolint(args(Dir));
  Outcome WarmText = runCorolint(cached(Dir), {NoParse});
  EXPECT_EQ(WarmText.Out, PlainText.Out);
  EXPECT_EQ(withoutCacheLine(WarmText.Err), PlainText.Err);
  EXPECT_TRUE(contains(WarmText.Out, "src/a.cpp:6:3: warning: call to 'proj::settle' may block"))
      << WarmText.Out;
}

TEST(DriverCache, AChangedHeaderReanalysesTheFilesThatIncludeIt) {
  std::string Dir = project("DriverCache.Header");
  Outcome Cold = runCorolint(cached(Dir));
  EXPECT_TRUE(contains(Cold.Err, cacheLine(0, 3))) << Cold.Err;
  EXPECT_FALSE(contains(Cold.Out, "settle")) << Cold.Out;
  // The same bytes written again: a new time stamp, the same content.
  writeFile(Dir + "/include/helper.h", helper(false));
  Outcome Touched = runCorolint(cached(Dir), {NoParse});
  EXPECT_TRUE(contains(Touched.Err, cacheLine(3, 3))) << Touched.Err;
  // settle() now blocks: a.cpp and b.cpp, which include it, are analysed
  // again and report it; c.cpp is reused.
  writeFile(Dir + "/include/helper.h", helper(true));
  Outcome Changed = runCorolint(cached(Dir));
  EXPECT_EQ(Changed.Exit, 1) << Changed.Err;
  EXPECT_TRUE(contains(Changed.Err, cacheLine(1, 3))) << Changed.Err;
  EXPECT_TRUE(contains(Changed.Out, "src/a.cpp:6:3: warning: call to 'proj::settle'")) << Changed.Out;
  EXPECT_TRUE(contains(Changed.Out, "src/b.cpp:6:3: warning: call to 'proj::settle'")) << Changed.Out;
  Outcome Plain = runCorolint(args(Dir));
  EXPECT_EQ(Changed.Out, Plain.Out);
  Outcome Again = runCorolint(cached(Dir), {NoParse});
  EXPECT_TRUE(contains(Again.Err, cacheLine(3, 3))) << Again.Err;
  EXPECT_EQ(Again.Out, Plain.Out);
  // A changed source file is analysed again alone.
  writeFile(Dir + "/src/c.cpp", source("c") + "// edited\n");
  Outcome Edited = runCorolint(cached(Dir));
  EXPECT_TRUE(contains(Edited.Err, cacheLine(2, 3))) << Edited.Err;
}

TEST(DriverCache, AChangedConfigurationInvalidates) {
  std::string Dir = project("DriverCache.Configuration");
  Outcome Cold = runCorolint(cached(Dir));
  EXPECT_EQ(Cold.Exit, 0) << Cold.Err;
  // .clang-tidy now says proj::slow blocks: every file's configuration
  // changed.
  writeFile(Dir + "/.clang-tidy", tidyConfig("proj::slow"));
  Outcome Changed = runCorolint(cached(Dir));
  EXPECT_EQ(Changed.Exit, 1) << Changed.Err;
  EXPECT_TRUE(contains(Changed.Err, cacheLine(0, 3))) << Changed.Err;
  EXPECT_TRUE(contains(Changed.Out, "blocking call to 'proj::slow'")) << Changed.Out;
  EXPECT_EQ(Changed.Out, runCorolint(args(Dir)).Out);
  // Other checks on the command line: another configuration.
  Outcome OneCheck = runCorolint(cached(Dir, {"--checks=-*,coro-lock-across-suspend"}));
  EXPECT_TRUE(contains(OneCheck.Err, cacheLine(0, 3))) << OneCheck.Err;
  EXPECT_EQ(OneCheck.Exit, 0) << OneCheck.Out;
  // Back to the previous configuration: its entries are still there.
  Outcome Back = runCorolint(cached(Dir), {NoParse});
  EXPECT_TRUE(contains(Back.Err, cacheLine(3, 3))) << Back.Err;
  EXPECT_EQ(Back.Out, Changed.Out);
  // A changed compile command too.
  Outcome Define = runCorolint(cached(Dir, {"--extra-arg=-DX=1"}));
  EXPECT_TRUE(contains(Define.Err, cacheLine(0, 3))) << Define.Err;
}

TEST(DriverCache, AChangedSummaryFileInvalidates) {
  // A file a SummaryFiles option names (functions defined elsewhere) counts
  // by its content, as a rule file does.
  std::string Dir = project("DriverCache.Summary");
  writeFile(Dir + "/.clang-tidy", tidyConfig("proj::nothing") +
                                      "  SummaryFiles: '" + Dir + "/summary.json'\n");
  // Valid summary files (a malformed one is a configuration error, and a
  // translation unit with one is not cached).
  writeFile(Dir + "/summary.json",
            R"({"corolint-summaries": 2, "files": [], "functions": []})");
  Outcome Cold = runCorolint(cached(Dir));
  EXPECT_TRUE(contains(Cold.Err, cacheLine(0, 3))) << Cold.Err;
  Outcome Same = runCorolint(cached(Dir), {NoParse});
  EXPECT_TRUE(contains(Same.Err, cacheLine(3, 3))) << Same.Err;
  writeFile(Dir + "/summary.json",
            R"({"corolint-summaries": 2, "files": [{"path": "/elsewhere/x.cpp"}], "functions": []})");
  Outcome Changed = runCorolint(cached(Dir));
  EXPECT_TRUE(contains(Changed.Err, cacheLine(0, 3))) << Changed.Err;
}

TEST(DriverCache, AChangedRuleFileInvalidates) {
  std::string Dir = project("DriverCache.Rules");
  Outcome Cold = runCorolint(cached(Dir));
  EXPECT_FALSE(contains(Cold.Out, "wait_reply")) << Cold.Out;
  writeFile(Dir + "/rules.json", rules("proj::wait_reply"));
  Outcome Changed = runCorolint(cached(Dir));
  EXPECT_TRUE(contains(Changed.Err, cacheLine(0, 3))) << Changed.Err;
  EXPECT_TRUE(contains(Changed.Out, "src/c.cpp:7:11: warning: blocking call to 'proj::wait_reply'"))
      << Changed.Out;
  Outcome Again = runCorolint(cached(Dir), {NoParse});
  EXPECT_TRUE(contains(Again.Err, cacheLine(3, 3))) << Again.Err;
  EXPECT_EQ(Again.Out, Changed.Out);
}

TEST(DriverCache, AnotherCorolintInvalidates) {
  std::string Dir = project("DriverCache.Version");
  runCorolint(cached(Dir));
  Outcome Other = runCorolint(cached(Dir), {"COROLINT_TEST_BUILD_ID=other"});
  EXPECT_TRUE(contains(Other.Err, cacheLine(0, 3))) << Other.Err;
  Outcome Same = runCorolint(cached(Dir), {"COROLINT_TEST_BUILD_ID=other", NoParse});
  EXPECT_TRUE(contains(Same.Err, cacheLine(3, 3))) << Same.Err;
}

TEST(DriverCache, ACorruptEntryIsAnalysedAgainWithAWarning) {
  std::string Dir = project("DriverCache.Corrupt");
  Outcome Cold = runCorolint(cached(Dir));
  std::vector<std::string> Files = entries(Dir);
  ASSERT_EQ(Files.size(), 3u);
  // One cut short, one with a byte changed, one left alone.
  std::string First = readFile(Files[0]);
  writeFile(Files[0], First.substr(0, First.size() / 2));
  std::string Second = readFile(Files[1]);
  Second[Second.size() / 2] ^= 0x20;
  writeFile(Files[1], Second);
  Outcome Warm = runCorolint(cached(Dir));
  EXPECT_EQ(Warm.Exit, Cold.Exit) << Warm.Err;
  EXPECT_EQ(Warm.Out, Cold.Out);
  EXPECT_TRUE(contains(Warm.Err, cacheLine(1, 3))) << Warm.Err;
  EXPECT_TRUE(contains(Warm.Err, "corolint: warning: the cache entry '" + Files[0] + "' of 'src/"))
      << Warm.Err;
  EXPECT_TRUE(contains(Warm.Err, "' is corrupt; analysing it again\n")) << Warm.Err;
  // Replaced by whole entries.
  Outcome Again = runCorolint(cached(Dir), {NoParse});
  EXPECT_TRUE(contains(Again.Err, cacheLine(3, 3))) << Again.Err;
  EXPECT_FALSE(contains(Again.Err, "warning")) << Again.Err;
  // An empty entry and one of another key (copied over) are corrupt too.
  Files = entries(Dir);
  writeFile(Files[0], "");
  writeFile(Files[1], readFile(Files[2]));
  Outcome Odd = runCorolint(cached(Dir));
  EXPECT_TRUE(contains(Odd.Err, cacheLine(1, 3))) << Odd.Err;
  EXPECT_EQ(Odd.Out, Cold.Out);
}

TEST(DriverCache, AnUnusableDirectoryIsAWarning) {
  std::string Dir = project("DriverCache.Unusable");
  writeFile(Dir + "/file", "not a directory");
  Outcome R = runCorolint(args(Dir, {"--cache-dir=" + Dir + "/file/cache"}));
  EXPECT_EQ(R.Exit, 0) << R.Err;
  EXPECT_TRUE(contains(R.Err, "corolint: warning: cannot use the cache directory '" + Dir +
                                  "/file/cache': "))
      << R.Err;
  EXPECT_TRUE(contains(R.Err, "; every translation unit is analysed\n")) << R.Err;
  EXPECT_FALSE(contains(R.Err, "corolint: cache:")) << R.Err;
  EXPECT_EQ(R.Out, runCorolint(args(Dir)).Out);
  // A directory where entries cannot be written (a file where an entry's
  // subdirectory goes): analysed, one warning, the output unchanged.
  std::string Cache = Dir + "/cache";
  Outcome Cold = runCorolint(cached(Dir));
  for (const std::string &E : entries(Dir)) {
    std::string Sub = llvm::sys::path::parent_path(E).str();
    std::filesystem::remove_all(Sub);
    writeFile(Sub, "in the way");
  }
  Outcome Blocked = runCorolint(cached(Dir));
  EXPECT_EQ(Blocked.Out, Cold.Out);
  EXPECT_TRUE(contains(Blocked.Err, cacheLine(0, 3))) << Blocked.Err;
  EXPECT_TRUE(contains(Blocked.Err, "corolint: warning: cannot write to the cache directory '" +
                                        Cache + "': "))
      << Blocked.Err;
}

TEST(DriverCache, AFailedFileIsNotCached) {
  std::string Dir = project("DriverCache.Failed");
  std::string C = source("c");
  writeFile(Dir + "/src/c.cpp", C + "int broken = ;\n");
  Outcome First = runCorolint(cached(Dir));
  EXPECT_EQ(First.Exit, 3) << First.Err;
  Outcome Second = runCorolint(cached(Dir));
  EXPECT_EQ(Second.Exit, 3) << Second.Err;
  EXPECT_TRUE(contains(Second.Err, cacheLine(2, 3))) << Second.Err;
  EXPECT_EQ(Second.Out, First.Out);
  // A crash (the test hook) is not a result either.
  writeFile(Dir + "/src/c.cpp", C + "// CACHE_TEST_CRASH\n");
  Outcome Crash = runCorolint(cached(Dir), {"COROLINT_TEST_CRASH_MARKER=CACHE_TEST_CRASH"});
  EXPECT_EQ(Crash.Exit, 3) << Crash.Err;
  EXPECT_TRUE(contains(Crash.Out, "the analysis crashed")) << Crash.Out;
  Outcome After = runCorolint(cached(Dir));
  EXPECT_EQ(After.Exit, 0) << After.Err;
  EXPECT_TRUE(contains(After.Err, cacheLine(2, 3))) << After.Err;
}

TEST(DriverCache, ConcurrentRunsShareADirectory) {
  std::string Dir = project("DriverCache.Concurrent");
  writeFile(Dir + "/include/helper.h", helper(true));
  Outcome Plain = runCorolint(args(Dir));
  // Two runs at once, each with two workers, writing the same entries.
  Outcome Runs[2];
  {
    std::thread T([&] { Runs[0] = runCorolint(cached(Dir, {"-j2"})); });
    Runs[1] = runCorolint(cached(Dir, {"-j2"}));
    T.join();
  }
  for (const Outcome &R : Runs) {
    EXPECT_EQ(R.Exit, 1) << R.Err;
    EXPECT_EQ(R.Out, Plain.Out);
    EXPECT_FALSE(contains(R.Err, "warning: c")) << R.Err;
  }
  Outcome Warm = runCorolint(cached(Dir), {NoParse});
  EXPECT_TRUE(contains(Warm.Err, cacheLine(3, 3))) << Warm.Err;
  EXPECT_EQ(Warm.Out, Plain.Out);
  // No temporary file left behind.
  for (const std::string &E : entries(Dir))
    EXPECT_FALSE(contains(E, ".tmp.")) << E;
  EXPECT_EQ(entries(Dir).size(), 3u);
}

TEST(DriverCache, TheOption) {
  std::string Error;
  auto O = corolint::driver::parseOptions({"-p", "b", "--cache-dir", "some/dir"}, Error);
  ASSERT_TRUE(O) << Error;
  EXPECT_EQ(O->CacheDir, "some/dir");
  O = corolint::driver::parseOptions({"-p", "b"}, Error);
  ASSERT_TRUE(O) << Error;
  EXPECT_EQ(O->CacheDir, "");
}

TEST(DriverCache, MergeTakesNoCache) {
  Outcome R = runCorolint({"merge", "--cache-dir=x", "a.sarif"});
  EXPECT_EQ(R.Exit, 2);
  EXPECT_TRUE(contains(R.Err, "--cache-dir is an option of the analysis")) << R.Err;
  Outcome Empty = runCorolint({"--cache-dir=", "-p", "."});
  EXPECT_EQ(Empty.Exit, 2);
  EXPECT_TRUE(contains(Empty.Err, "--cache-dir expects a directory")) << Empty.Err;
}

} // namespace

namespace {

/// store.cpp, whose proj::save() sleeps or returns at once.
void writeStore(const std::string &Dir, bool SaveBlocks) {
  writeFile(Dir + "/src/store.cpp",
            std::string("#include <chrono>\n#include <thread>\n#include \"store.h\"\n"
                        "namespace proj {\nvoid save() {") +
                (SaveBlocks ? " std::this_thread::sleep_for(std::chrono::seconds(1)); " : " ") +
                "}\n}\n");
}

/// Two files: session.cpp's coroutine calls proj::save(), declared in
/// store.h and defined in store.cpp, which blocks or not. Only session.cpp
/// holds the crash marker, so a run that parses it again crashes.
std::string crossFileProject(const std::string &Name, bool SaveBlocks) {
  std::string Dir = scratchDir(Name);
  writeFile(Dir + "/include/task.h", Task);
  writeFile(Dir + "/include/store.h", "#pragma once\nnamespace proj {\nvoid save();\n}\n");
  writeFile(Dir + "/src/session.cpp",
            std::string("// ") + Marker +
                "\n#include \"task.h\"\n#include \"store.h\"\nnamespace proj {\n"
                "task session() {\n  save();\n  co_await yield_now();\n}\n}\n");
  writeStore(Dir, SaveBlocks);
  writeFile(Dir + "/rules.json", rules("proj::nothing"));
  writeCompileDatabase(Dir + "/build", Dir, {"src/session.cpp", "src/store.cpp"},
                       {"-Iinclude"});
  return Dir;
}

} // namespace

/// Whole-program findings with the cache: a helper's file changes, its
/// caller's file is reused from the cache, and the caller's finding still
/// follows the helper (the parent resolves cross-file calls every run).
TEST(DriverCache, AChangedHelperInAnotherFileChangesItsCallersFindings) {
  std::string Dir = crossFileProject("DriverCache.CrossFile", false);
  Outcome Cold = runCorolint(cached(Dir));
  EXPECT_EQ(Cold.Exit, 0) << Cold.Out << Cold.Err;
  EXPECT_TRUE(contains(Cold.Err, cacheLine(0, 2))) << Cold.Err;
  EXPECT_FALSE(contains(Cold.Out, "proj::save")) << Cold.Out;

  writeStore(Dir, true); // save() now sleeps
  Outcome Changed = runCorolint(cached(Dir), {NoParse});
  EXPECT_EQ(Changed.Exit, 1) << Changed.Out << Changed.Err;
  EXPECT_TRUE(contains(Changed.Err, cacheLine(1, 2))) << Changed.Err;
  EXPECT_TRUE(contains(Changed.Out, "src/session.cpp:6:3: warning: call to 'proj::save' may block"))
      << Changed.Out;
  Outcome Plain = runCorolint(args(Dir));
  EXPECT_EQ(Changed.Out, Plain.Out);

  // And back: the finding goes, session.cpp still from the cache (store.cpp
  // is analysed again: its one entry now records the sleeping version).
  writeStore(Dir, false);
  Outcome Back = runCorolint(cached(Dir), {NoParse});
  EXPECT_EQ(Back.Exit, 0) << Back.Out << Back.Err;
  EXPECT_TRUE(contains(Back.Err, cacheLine(1, 2))) << Back.Err;
  EXPECT_FALSE(contains(Back.Out, "proj::save")) << Back.Out;
}
