// Each translation unit is analysed in a child process: a crash or a hang
// (--timeout) fails that file only, the others are analysed and written.
// The crash and the hang are the driver's test hooks (Worker.h): a marker
// in a file, named by COROLINT_TEST_CRASH_MARKER / COROLINT_TEST_HANG_MARKER.
#include "DriverSupport.h"
#include "Worker.h"

#include <chrono>
#include <csignal>
#include <set>
#include <gtest/gtest.h>

using namespace corolint::test;
using nlohmann::json;

namespace {

const char *const CrashMarker = "COROLINT_TEST_CRASH_HERE";
const char *const HangMarker = "COROLINT_TEST_HANG_HERE";

std::string smallRoot() { return sourcePath("testdata/projects/small"); }

/// A project of three files: server.cpp and unicode.cpp of the small project
/// (4 lines and 1 line of text output, see its expected.txt) and victim.cpp,
/// a copy of server.cpp that ends with Marker.
std::string project(const std::string &Name, const std::string &Marker) {
  std::string Dir = scratchDir(Name);
  std::string Server = readFile(smallRoot() + "/src/server.cpp");
  writeFile(Dir + "/server.cpp", Server);
  writeFile(Dir + "/unicode.cpp", readFile(smallRoot() + "/src/unicode.cpp"));
  writeFile(Dir + "/victim.cpp", Server + "// " + Marker + "\n");
  writeCompileDatabase(Dir, Dir, {"server.cpp", "unicode.cpp", "victim.cpp"},
                       {"-I" + smallRoot() + "/include"});
  return Dir;
}

std::vector<std::string> args(const std::string &Dir, std::vector<std::string> More) {
  std::vector<std::string> A = {"-p", Dir, "--source-root=" + Dir, "--progress=never",
                                "--checks=" + std::string(TestedChecks),
                                "--sarif=" + Dir + "/out.sarif", "-j2"};
  A.insert(A.end(), More.begin(), More.end());
  return A;
}

std::size_t count(const std::string &Text, const std::string &What) {
  std::size_t N = 0;
  for (std::size_t At = Text.find(What); At != std::string::npos;
       At = Text.find(What, At + 1))
    ++N;
  return N;
}

/// The failure of victim.cpp in the SARIF log, with Message.
void expectNotification(const std::string &Dir, const std::string &Message) {
  json Log = readJson(Dir + "/out.sarif");
  const json &Inv = Log["runs"][0]["invocations"][0];
  EXPECT_EQ(Inv["executionSuccessful"], false);
  ASSERT_EQ(Inv["toolExecutionNotifications"].size(), 1u) << Inv.dump(2);
  const json &N = Inv["toolExecutionNotifications"][0];
  EXPECT_EQ(N["level"], "error");
  EXPECT_EQ(N["message"]["text"], "'victim.cpp' was not analysed: " + Message);
  EXPECT_EQ(N["properties"]["translationUnit"], "victim.cpp");
  // The other two files' findings are all there.
  std::set<std::string> Files;
  for (const json &R : Log["runs"][0]["results"])
    Files.insert(R["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]);
  EXPECT_EQ(Files, (std::set<std::string>{"server.cpp", "unicode.cpp"}));
}

TEST(DriverIsolation, ACrashFailsThatFileOnly) {
  std::string Dir = project("DriverIsolation.Crash", CrashMarker);
  Outcome R = runCorolint(args(Dir, {}),
                          {std::string("COROLINT_TEST_CRASH_MARKER=") + CrashMarker});
  EXPECT_EQ(R.Exit, 3) << R.Err;
  // server.cpp's two warnings and unicode.cpp's one, then the crash.
  EXPECT_EQ(count(R.Out, "server.cpp:"), 4u) << R.Out;
  EXPECT_EQ(count(R.Out, "unicode.cpp:8:41: warning:"), 1u) << R.Out;
  EXPECT_NE(R.Out.find("victim.cpp:1:1: error: the analysis crashed (SIGSEGV, "
                       "segmentation fault) [corolint]"),
            std::string::npos)
      << R.Out;
  EXPECT_NE(R.Err.find("corolint: error: 'victim.cpp' was not analysed: the analysis "
                       "crashed (SIGSEGV, segmentation fault)\n"),
            std::string::npos)
      << R.Err;
  EXPECT_NE(R.Err.find("1 file could not be analysed"), std::string::npos) << R.Err;
  expectNotification(Dir, "the analysis crashed (SIGSEGV, segmentation fault)");
}

TEST(DriverIsolation, WithoutTheMarkerNothingCrashes) {
  std::string Dir = project("DriverIsolation.NoCrash", CrashMarker);
  // The hook is armed but no file holds this marker.
  Outcome R = runCorolint(args(Dir, {}), {"COROLINT_TEST_CRASH_MARKER=NOT_IN_ANY_FILE"});
  EXPECT_EQ(R.Exit, 1) << R.Err;
  EXPECT_EQ(count(R.Out, "victim.cpp:"), 4u) << R.Out;
  EXPECT_EQ(R.Err.find("was not analysed"), std::string::npos) << R.Err;
  EXPECT_EQ(readJson(Dir + "/out.sarif")["runs"][0]["invocations"][0]["executionSuccessful"],
            true);
}

TEST(DriverIsolation, AHangIsStoppedByTheTimeout) {
  std::string Dir = project("DriverIsolation.Hang", HangMarker);
  // The timeout leaves room for the other files on a loaded machine (a file
  // takes seconds when the cores are shared); victim.cpp never ends.
  auto Start = std::chrono::steady_clock::now();
  Outcome R = runCorolint(args(Dir, {"--timeout=40"}),
                          {std::string("COROLINT_TEST_HANG_MARKER=") + HangMarker});
  double Seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - Start).count();
  EXPECT_EQ(R.Exit, 3) << R.Err;
  EXPECT_GE(Seconds, 40.0);
  EXPECT_LT(Seconds, 300.0);
  EXPECT_EQ(count(R.Out, "server.cpp:"), 4u) << R.Out;
  EXPECT_NE(R.Err.find("corolint: error: 'victim.cpp' was not analysed: the analysis "
                       "timed out after 40 s\n"),
            std::string::npos)
      << R.Err;
  expectNotification(Dir, "the analysis timed out after 40 s");
}

TEST(DriverIsolation, ATimeoutLongerThanTheAnalysisChangesNothing) {
  std::string Dir = project("DriverIsolation.NoHang", HangMarker);
  Outcome R = runCorolint(args(Dir, {"--timeout=600"}));
  EXPECT_EQ(R.Exit, 1) << R.Err;
  EXPECT_EQ(count(R.Out, "victim.cpp:"), 4u) << R.Out;
  EXPECT_EQ(R.Err.find("was not analysed"), std::string::npos) << R.Err;
}

TEST(DriverIsolation, TimeoutOption) {
  std::string Dir = project("DriverIsolation.Option", HangMarker);
  for (const char *Bad : {"--timeout=-1", "--timeout=soon", "--timeout="}) {
    Outcome R = runCorolint(args(Dir, {Bad}));
    EXPECT_EQ(R.Exit, 2) << Bad;
    EXPECT_NE(R.Err.find("--timeout expects seconds"), std::string::npos) << R.Err;
  }
  Outcome R = runCorolint(args(Dir, {"--timeout=none"}));
  EXPECT_EQ(R.Exit, 1) << R.Err;
}

TEST(DriverIsolation, ResultsCrossThePipeUnchanged) {
  using namespace corolint::driver;
  TUResult In;
  Finding F;
  F.Check = "coro-blocking-call";
  F.Severity = Level::Note;
  F.Message = std::string("bytes \0\xff\xfe and \"quotes\"\n", 23);
  F.Loc = {"/a/b.cpp", 4000000000u, 7};
  F.Notes.push_back({{"/a/c.h", 1, 0}, "note one"});
  F.Notes.push_back({{}, ""});
  F.Notes.back().Fixes = {{"/a/c.h", 3, 0, "co_await x;\n"}};
  F.Function = {"ns::f(int)", 10, 99};
  F.Fixes = {{"/a/b.cpp", 5, 9, std::string("new\0text", 8)}, {"/a/b.cpp", 40, 2, ""}};
  In.Findings = {F, Finding()};
  F.Severity = Level::Error;
  In.CompilerErrors = {F};
  In.ConfigErrors = {"config: bad", ""};
  In.Failed = true;
  In.Summaries = "{\"corolint-summaries\": 1}\n";
  In.Inputs = {{"/a/b.cpp", "00112233445566778899aabbccddeeff"}, {"/a/../c.h", "missing"}};
  std::string Bytes = encodeResult(In);
  TUResult Out;
  ASSERT_TRUE(decodeResult(Bytes, Out));
  EXPECT_EQ(encodeResult(Out), Bytes);
  ASSERT_EQ(Out.Findings.size(), 2u);
  EXPECT_EQ(Out.Findings[0].Message, F.Message);
  EXPECT_EQ(Out.Findings[0].Loc.Offset, 4000000000u);
  EXPECT_EQ(Out.Findings[0].Notes[0].Loc.File, "/a/c.h");
  EXPECT_EQ(Out.Findings[0].Function.End, 99u);
  // Fixes travel from the child like findings do.
  ASSERT_EQ(Out.Findings[0].Fixes.size(), 2u);
  EXPECT_EQ(Out.Findings[0].Fixes[0].Text, std::string("new\0text", 8));
  EXPECT_EQ(Out.Findings[0].Fixes[0].Length, 9u);
  EXPECT_EQ(Out.Findings[0].Fixes[1].Offset, 40u);
  EXPECT_TRUE(Out.Findings[0].Notes[0].Fixes.empty());
  ASSERT_EQ(Out.Findings[0].Notes[1].Fixes.size(), 1u);
  EXPECT_EQ(Out.Findings[0].Notes[1].Fixes[0].Text, "co_await x;\n");
  EXPECT_TRUE(Out.Findings[1].Fixes.empty());
  EXPECT_EQ(Out.CompilerErrors[0].Severity, Level::Error);
  EXPECT_EQ(Out.ConfigErrors, In.ConfigErrors);
  EXPECT_TRUE(Out.Failed);
  // Whole-program summaries travel opaque (docs/whole-program.md).
  EXPECT_EQ(Out.Summaries, In.Summaries);
  // The files the translation unit read, for the cache.
  ASSERT_EQ(Out.Inputs.size(), 2u);
  EXPECT_EQ(Out.Inputs[1].Path, "/a/../c.h");
  EXPECT_EQ(Out.Inputs[0].Hash, "00112233445566778899aabbccddeeff");
  // A cut or extended message is rejected, never half read.
  for (std::size_t Cut : {std::size_t(0), std::size_t(8), Bytes.size() / 2, Bytes.size() - 1})
    EXPECT_FALSE(decodeResult(llvm::StringRef(Bytes).take_front(Cut), Out)) << Cut;
  EXPECT_FALSE(decodeResult(Bytes + "x", Out));
}

TEST(DriverIsolation, SignalNames) {
  using corolint::driver::describeSignal;
  EXPECT_EQ(describeSignal(SIGSEGV), "SIGSEGV, segmentation fault");
  EXPECT_EQ(describeSignal(SIGABRT), "SIGABRT, aborted");
  EXPECT_EQ(describeSignal(77), "signal 77");
}

} // namespace
