// Whole-program coro-blocking-call over testdata/projects/wholeprog: the
// driver, `corolint summarize`, the plugin's SummaryFiles option, stale and
// corrupt summary files, and shards with a second pass.
#include "DriverSupport.h"

#include <algorithm>
#include <filesystem>
#include <gtest/gtest.h>

using namespace corolint::test;
using nlohmann::json;

namespace {

const std::vector<std::string> Sources = {
    "src/background.cpp", "src/clean.cpp", "src/journal.cpp", "src/pingpong.cpp",
    "src/pong.cpp",       "src/server.cpp", "src/storage.cpp"};

std::string projectRoot() { return sourcePath("testdata/projects/wholeprog"); }

/// The project's database (in a scratch directory Name), over Root.
std::string database(const std::string &Name, const std::string &Root = projectRoot()) {
  std::string Dir = scratchDir(Name);
  writeCompileDatabase(Dir, Root, Sources, {"-Iinclude"});
  return Dir;
}

std::vector<std::string> args(const std::string &Db, const std::string &Root,
                              std::vector<std::string> More = {}) {
  std::vector<std::string> A = {"-p", Db, "--source-root=" + Root, "--progress=never",
                                "--checks=-*,coro-blocking-call", "-j2"};
  A.insert(A.end(), More.begin(), More.end());
  return A;
}

bool has(const std::string &Text, const std::string &Part) {
  return Text.find(Part) != std::string::npos;
}

/// A copy of the project a test may edit.
std::string projectCopy(const std::string &Name) {
  std::string Dir = scratchDir(Name) + "/project";
  std::filesystem::copy(projectRoot(), Dir, std::filesystem::copy_options::recursive);
  return Dir;
}

/// clang-tidy with the plugin over File of Root, with CheckOptions Config.
Outcome tidy(const std::string &Root, const std::string &File,
             const std::string &SummaryFiles) {
  std::string Config = "{CheckOptions: {SummaryFiles: '" + SummaryFiles + "'}}";
  return runProgram({COROLINT_CLANG_TIDY, "--load", COROLINT_PLUGIN,
                     "--checks=-*,coro-blocking-call", "--config=" + Config,
                     Root + "/" + File, "--", "-std=c++20", "-I" + Root + "/include"});
}

const char *ReadConfig = "src/server.cpp:10:16: warning: call to 'wp::read_config' "
                         "may block coroutine 'wp::serve'; it reaches blocking call "
                         "'fsync': waits for the data to reach the disk [coro-blocking-call]";

TEST(WholeProgram, BlockingCallTwoFilesAwayIsFoundWithTheChain) {
  std::string Db = database("WholeProgram.Found");
  Outcome R = runCorolint(args(Db, projectRoot()));
  EXPECT_EQ(R.Exit, 1) << R.Err;
  std::vector<std::string> Want = {
      // NOLINT comments for the check hide the two calls before it.
      "src/clean.cpp:20:3: warning: call to 'wp::read_config' may block coroutine "
      "'wp::quiet'; it reaches blocking call 'fsync': waits for the data to reach "
      "the disk [coro-blocking-call]",
      "src/storage.cpp:9:3: note: 'wp::read_config' calls 'wp::journal::flush'",
      "src/journal.cpp:9:16: note: 'wp::journal::flush' blocks in 'fsync'",
      ReadConfig,
      "src/storage.cpp:9:3: note: 'wp::read_config' calls 'wp::journal::flush'",
      "src/journal.cpp:9:16: note: 'wp::journal::flush' blocks in 'fsync'",
      "src/server.cpp:13:3: warning: call to 'wp::ping' may block coroutine "
      "'wp::serve'; it reaches blocking call 'usleep': sleeps the calling thread; "
      "use an asynchronous timer of the coroutine library instead [coro-blocking-call]",
      "src/pingpong.cpp:7:5: note: 'wp::ping' calls 'wp::pong'",
      "src/pong.cpp:11:5: note: 'wp::pong' blocks in 'usleep'"};
  // Not found: save_later() (a thread does the flush), is_even() (recursion
  // without a blocking call), local_flush() and cheap() (bodies that do
  // not block).
  EXPECT_EQ(lines(R.Out), Want) << R.Out;
  EXPECT_FALSE(has(R.Out, "save_later"));
  EXPECT_FALSE(has(R.Out, "is_even"));
  EXPECT_FALSE(has(R.Out, "wp::die")); // its sync() is on the way to exit
  EXPECT_TRUE(has(R.Err, "3 warnings in 7 files")) << R.Err;
}

TEST(WholeProgram, OffFindsNothingAcrossFiles) {
  std::string Db = database("WholeProgram.Off");
  Outcome R = runCorolint(args(Db, projectRoot(), {"--cross-tu=off"}));
  EXPECT_EQ(R.Exit, 0) << R.Err;
  EXPECT_EQ(R.Out, "");
}

TEST(WholeProgram, SarifCodeFlowSpansSeveralArtifacts) {
  std::string Db = database("WholeProgram.Sarif");
  Outcome R = runCorolint(args(Db, projectRoot(), {"--format=sarif"}));
  ASSERT_EQ(R.Exit, 1) << R.Err;
  json Log = json::parse(R.Out);
  const json &Results = Log["runs"][0]["results"];
  ASSERT_EQ(Results.size(), 3u);
  const json &First = Results[1];
  EXPECT_EQ(First["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
            "src/server.cpp");
  std::vector<std::string> Uris;
  for (const json &L : First["relatedLocations"])
    Uris.push_back(L["physicalLocation"]["artifactLocation"]["uri"]);
  EXPECT_EQ(Uris, (std::vector<std::string>{"src/storage.cpp", "src/journal.cpp"}));
  const json &Flow = First["codeFlows"][0]["threadFlows"][0]["locations"];
  ASSERT_GE(Flow.size(), 3u);
  EXPECT_EQ(Flow.back()["location"]["physicalLocation"]["artifactLocation"]["uri"],
            "src/journal.cpp");
}

TEST(WholeProgram, SummarizeWritesTheMergedSummaries) {
  std::string Db = database("WholeProgram.Summarize");
  std::string Out = Db + "/summaries.json";
  Outcome R = runCorolint({"summarize", "-p", Db, "--progress=never",
                           "--checks=-*,coro-blocking-call", "-o", Out});
  ASSERT_EQ(R.Exit, 0) << R.Err;
  EXPECT_EQ(R.Out, "");
  json S = readJson(Out);
  std::set<std::string> Names;
  for (const json &F : S["functions"])
    Names.insert(F["name"]);
  // Functions that block or reach one defined elsewhere; not cheap() or the
  // lambda save_later() hands to a thread.
  EXPECT_EQ(Names, (std::set<std::string>{"wp::is_even", "wp::is_odd", "wp::journal::flush",
                                          "wp::ping", "wp::pong", "wp::read_config"}));
  EXPECT_FALSE(S.contains("pending"));
  Outcome NoOut = runCorolint({"summarize", "-p", Db});
  EXPECT_EQ(NoOut.Exit, 2);
  EXPECT_TRUE(has(NoOut.Err, "expects -o FILE")) << NoOut.Err;
}

TEST(WholeProgram, OptionsAreChecked) {
  Outcome Bad = runCorolint({"-p", "x", "--cross-tu=maybe"});
  EXPECT_EQ(Bad.Exit, 2);
  EXPECT_TRUE(has(Bad.Err, "--cross-tu expects 'on' or 'off'")) << Bad.Err;
  Outcome Merge = runCorolint({"-p", "x", "--merge"});
  EXPECT_EQ(Merge.Exit, 2);
  EXPECT_TRUE(has(Merge.Err, "--merge is an option of 'corolint summarize'")) << Merge.Err;
  Outcome NoInputs = runCorolint({"summarize", "--merge", "-o", "x.json"});
  EXPECT_EQ(NoInputs.Exit, 2);
  EXPECT_TRUE(has(NoInputs.Err, "expects summary files to merge")) << NoInputs.Err;
  Outcome Off = runCorolint({"summarize", "-p", "x", "--cross-tu=off", "-o", "x.json"});
  EXPECT_EQ(Off.Exit, 2);
  Outcome Missing = runCorolint({"--summaries=/nonexistent/s.json", "--progress=never"});
  EXPECT_EQ(Missing.Exit, 2);
  EXPECT_TRUE(has(Missing.Err, "cannot read summary file '/nonexistent/s.json'")) << Missing.Err;
}

class PluginSummaries : public ::testing::Test {
protected:
  /// A summary of the project as it is in Root.
  std::string summarize(const std::string &Name, const std::string &Root) {
    std::string Db = database(Name, Root);
    std::string Out = Db + "/summaries.json";
    Outcome R = runCorolint({"summarize", "-p", Db, "--progress=never",
                             "--checks=-*,coro-blocking-call", "-o", Out});
    EXPECT_EQ(R.Exit, 0) << R.Err;
    return Out;
  }
};

TEST_F(PluginSummaries, SummaryFilesLetThePluginReportThroughOtherFiles) {
  std::string Summary = summarize("WholeProgram.Plugin", projectRoot());
  Outcome With = tidy(projectRoot(), "src/server.cpp", Summary);
  EXPECT_TRUE(has(With.Out, "server.cpp:10:16: warning: call to 'wp::read_config' may "
                            "block coroutine 'wp::serve'"))
      << With.Out << With.Err;
  EXPECT_TRUE(has(With.Out, "storage.cpp:9:3: note: 'wp::read_config' calls "
                            "'wp::journal::flush'"))
      << With.Out;
  EXPECT_TRUE(has(With.Out, "journal.cpp:9:16: note: 'wp::journal::flush' blocks in 'fsync'"));
  EXPECT_TRUE(has(With.Out, "call to 'wp::ping' may block"));
  EXPECT_FALSE(has(With.Out, "save_later"));
  EXPECT_FALSE(has(With.Out, "is_even"));
  Outcome Without = tidy(projectRoot(), "src/server.cpp", "");
  EXPECT_FALSE(has(Without.Out, "may block")) << Without.Out;
}

TEST_F(PluginSummaries, StaleSummaryIsALocatedWarningNotAFinding) {
  std::string Root = projectCopy("WholeProgram.Stale");
  std::string Summary = summarize("WholeProgram.StaleDb", Root);
  // journal.cpp no longer blocks; the summary says it does.
  writeFile(Root + "/src/journal.cpp",
            "#include \"wp/storage.h\"\nnamespace wp::journal {\nvoid flush() {}\n}\n");
  Outcome R = tidy(Root, "src/server.cpp", Summary);
  EXPECT_FALSE(has(R.Out, "call to 'wp::read_config' may block")) << R.Out;
  EXPECT_TRUE(has(R.Out, Summary + ":")) << R.Out << R.Err;
  EXPECT_TRUE(has(R.Out, "summary of 'wp::journal::flush' is stale: '" + Root +
                             "/src/journal.cpp' changed since the summary was written"))
      << R.Out;
  // Other findings through fresh summaries stay.
  EXPECT_TRUE(has(R.Out, "call to 'wp::ping' may block")) << R.Out;

  // A function that no longer exists (its file is gone).
  std::filesystem::remove(Root + "/src/journal.cpp");
  Outcome Gone = tidy(Root, "src/server.cpp", Summary);
  EXPECT_TRUE(has(Gone.Out, "journal.cpp' no longer exists")) << Gone.Out;
  EXPECT_FALSE(has(Gone.Out, "call to 'wp::read_config' may block"));
}

TEST_F(PluginSummaries, DefinitionInViewWinsOverTheSummary) {
  std::string Root = projectCopy("WholeProgram.InView");
  std::string Summary = summarize("WholeProgram.InViewDb", Root);
  // A file that defines read_config() itself, not blocking, and one that
  // defines it blocking though the summary says it does not reach a
  // blocking call through journal::flush (it is flush itself here).
  writeFile(Root + "/src/inview.cpp",
            "#include \"wp/storage.h\"\n#include \"wp/task.h\"\n"
            "namespace wp {\nint read_config() { return 1; }\n"
            "task run() { co_await yield_now(); read_config(); }\n}\n");
  Outcome R = tidy(Root, "src/inview.cpp", Summary);
  EXPECT_FALSE(has(R.Out, "may block")) << R.Out;
  writeFile(Root + "/src/inview2.cpp",
            "#include \"wp/storage.h\"\n#include \"wp/task.h\"\n#include <unistd.h>\n"
            "namespace wp {\nvoid local_flush() { ::sync(); }\n"
            "task run() { co_await yield_now(); local_flush(); }\n}\n");
  Outcome Blocks = tidy(Root, "src/inview2.cpp", Summary);
  EXPECT_TRUE(has(Blocks.Out, "call to 'wp::local_flush' may block")) << Blocks.Out;
}

TEST_F(PluginSummaries, CorruptSummaryFileIsALocatedWarning) {
  std::string Summary = summarize("WholeProgram.Corrupt", projectRoot());
  std::string Bad = scratchDir("WholeProgram.CorruptFile") + "/bad.json";
  writeFile(Bad, "{\n \"corolint-summaries\": 1,\n \"files\": [}\n");
  Outcome R = tidy(projectRoot(), "src/server.cpp", Bad + ";" + Summary);
  EXPECT_TRUE(has(R.Out, "warning: " + Bad + ":3:") && has(R.Out, "malformed JSON"))
      << R.Out << R.Err;
  EXPECT_TRUE(has(R.Out, "call to 'wp::read_config' may block")) << R.Out;
  Outcome Missing = tidy(projectRoot(), "src/server.cpp", Bad + ".missing");
  EXPECT_TRUE(has(Missing.Out, "cannot read summary file")) << Missing.Out;
  EXPECT_NE(Missing.Exit, 0 + 139);
}

/// The result lines (warnings and notes) of a text output, sorted.
std::vector<std::string> sortedLines(const std::string &Text) {
  std::vector<std::string> L = lines(Text);
  std::sort(L.begin(), L.end());
  return L;
}

TEST(WholeProgram, ShardsMergeAndSecondPassEqualOneRun) {
  std::string Db = database("WholeProgram.Shards");
  Outcome One = runCorolint(args(Db, projectRoot()));
  ASSERT_EQ(One.Exit, 1) << One.Err;
  std::string All;
  std::vector<std::string> Parts = {"summarize", "--merge"};
  for (int K = 1; K <= 3; ++K) {
    std::string Part = Db + "/part" + std::to_string(K) + ".json";
    Outcome R = runCorolint(args(Db, projectRoot(),
                                 {"--shard=" + std::to_string(K) + "/3",
                                  "--summaries-out=" + Part, "--fail-on=none"}));
    ASSERT_EQ(R.Exit, 0) << R.Err;
    All += R.Out;
    Parts.push_back(Part);
  }
  Parts.push_back("-o");
  Parts.push_back(Db + "/merged.json");
  Outcome M = runCorolint(Parts);
  ASSERT_EQ(M.Exit, 0) << M.Err;
  std::string Second;
  for (int K = 1; K <= 3; ++K) {
    Outcome R = runCorolint({"--summaries=" + Db + "/merged.json",
                             "--shard=" + std::to_string(K) + "/3",
                             "--source-root=" + projectRoot(), "--progress=never",
                             "--fail-on=none"});
    ASSERT_EQ(R.Exit, 0) << R.Err;
    Second += R.Out;
  }
  EXPECT_FALSE(Second.empty());
  EXPECT_EQ(sortedLines(All + Second), sortedLines(One.Out));
  // Merging in another order gives the same file.
  Outcome Reversed = runCorolint({"summarize", "--merge", Db + "/part3.json",
                                  Db + "/part2.json", Db + "/part1.json", "-o",
                                  Db + "/reversed.json"});
  ASSERT_EQ(Reversed.Exit, 0);
  EXPECT_EQ(readFile(Db + "/reversed.json"), readFile(Db + "/merged.json"));
  // A corrupt part is a usage error naming its place.
  writeFile(Db + "/bad.json", "{\"corolint-summaries\": 1, \"files\": 3}");
  Outcome Bad = runCorolint({"summarize", "--merge", Db + "/bad.json", "-o", Db + "/x.json"});
  EXPECT_EQ(Bad.Exit, 2);
  EXPECT_TRUE(has(Bad.Err, "bad.json:1:")) << Bad.Err;
}

} // namespace
