// Whole-program coro-blocking-call over testdata/projects/wholeprog: the
// driver, `corolint summarize`, the plugin's SummaryFiles option, stale and
// corrupt summary files, and shards with a second pass.
#include "DriverSupport.h"

#include <algorithm>
#include <map>
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
  // Functions that block or reach one defined elsewhere, and those with
  // another fact (cheap() and local_flush() are pure); not the lambda
  // save_later() hands to a thread.
  EXPECT_EQ(Names, (std::set<std::string>{"wp::cheap", "wp::is_even", "wp::is_odd",
                                          "wp::journal::flush", "wp::local_flush",
                                          "wp::ping", "wp::pong", "wp::read_config"}));
  for (const json &F : S["functions"])
    if (F["name"] == "wp::cheap") {
      EXPECT_EQ(F["pure"], true);
      EXPECT_FALSE(F.contains("blocks") || F.contains("calls")) << F.dump();
    }
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
  writeFile(Bad, "{\n \"corolint-summaries\": 2,\n \"files\": [}\n");
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
  writeFile(Db + "/bad.json", "{\"corolint-summaries\": 2, \"files\": 3}");
  Outcome Bad = runCorolint({"summarize", "--merge", Db + "/bad.json", "-o", Db + "/x.json"});
  EXPECT_EQ(Bad.Exit, 2);
  EXPECT_TRUE(has(Bad.Err, "bad.json:1:")) << Bad.Err;
}

// --- NOLINTBEGIN/NOLINTEND and HeaderFilterRegex on pending calls -----------

TEST(WholeProgram, NolintBlocksAndHeaderFilterApplyToPendingCalls) {
  std::string Root = projectCopy("WholeProgram.Filters");
  // A block for the check hides the call; a block for another check, or
  // one closed before the call, does not.
  writeFile(Root + "/src/blocks.cpp",
            "#include \"wp/storage.h\"\n#include \"wp/task.h\"\n"
            "namespace wp {\n"
            "task blocked() {\n"
            "  co_await yield_now();\n"
            "  // NOLINTBEGIN(coro-blocking-call)\n"
            "  read_config();\n"
            "  // NOLINTEND(coro-blocking-call)\n"
            "  // NOLINTBEGIN(coro-lock-*)\n"
            "  read_config();\n"
            "  // NOLINTEND(coro-lock-*)\n"
            "}\n"
            "}\n");
  // A coroutine in a header: reported where the header filter lets
  // clang-tidy report.
  writeFile(Root + "/include/wp/inline_serve.h",
            "#pragma once\n#include \"wp/storage.h\"\n#include \"wp/task.h\"\n"
            "namespace wp {\n"
            "inline task serve_inline() {\n"
            "  co_await yield_now();\n"
            "  read_config();\n"
            "}\n"
            "}\n");
  writeFile(Root + "/src/uses_header.cpp", "#include \"wp/inline_serve.h\"\n");
  std::string Db = scratchDir("WholeProgram.FiltersDb");
  std::vector<std::string> Files = Sources;
  Files.push_back("src/blocks.cpp");
  Files.push_back("src/uses_header.cpp");
  writeCompileDatabase(Db, Root, Files, {"-Iinclude"});

  Outcome R = runCorolint(args(Db, Root));
  EXPECT_EQ(R.Exit, 1) << R.Err;
  EXPECT_FALSE(has(R.Out, "src/blocks.cpp:7:")) << R.Out;
  EXPECT_TRUE(has(R.Out, "src/blocks.cpp:10:3: warning: call to 'wp::read_config' may "
                         "block coroutine 'wp::blocked'"))
      << R.Out;
  EXPECT_TRUE(has(R.Out, "include/wp/inline_serve.h:7:3: warning: call to "
                         "'wp::read_config' may block coroutine 'wp::serve_inline'"))
      << R.Out;

  // A header filter that leaves the header out, then one that excludes it.
  std::string Config = Db + "/filter.yaml";
  writeFile(Config, "HeaderFilterRegex: 'nothing-matches'\n");
  Outcome Filtered = runCorolint(args(Db, Root, {"--config-file=" + Config}));
  EXPECT_FALSE(has(Filtered.Out, "inline_serve.h")) << Filtered.Out;
  EXPECT_TRUE(has(Filtered.Out, "src/blocks.cpp:10:3:")) << Filtered.Out;
  writeFile(Config, "HeaderFilterRegex: '.*'\nExcludeHeaderFilterRegex: 'inline_'\n");
  Outcome Excluded = runCorolint(args(Db, Root, {"--config-file=" + Config}));
  EXPECT_FALSE(has(Excluded.Out, "inline_serve.h")) << Excluded.Out;
  writeFile(Config, "HeaderFilterRegex: 'wp/inline_serve'\n");
  Outcome Matching = runCorolint(args(Db, Root, {"--config-file=" + Config}));
  EXPECT_TRUE(has(Matching.Out, "include/wp/inline_serve.h:7:3:")) << Matching.Out;
}

// --- The other facts: iteration cost, limiters, purity ------------------------

const std::vector<std::string> FactSources = {"src/app.cpp", "src/keys.cpp",
                                              "src/limits.cpp", "src/tables.cpp"};
const char *FactChecks =
    "--checks=-*,coro-blocking-call,coro-awaitless-loop,coro-unbounded-spawn,"
    "coro-sequential-await";

std::string factsRoot() { return sourcePath("testdata/projects/wholefacts"); }

std::string factsDatabase(const std::string &Name, const std::string &Root = factsRoot()) {
  std::string Dir = scratchDir(Name);
  writeCompileDatabase(Dir, Root, FactSources,
                       {"-Iinclude", "-I" + sourcePath("testdata/include")});
  return Dir;
}

std::string factsSummary(const std::string &Db) {
  std::string Out = Db + "/summaries.json";
  Outcome R = runCorolint({"summarize", "-p", Db, "--progress=never", FactChecks, "-o", Out});
  EXPECT_EQ(R.Exit, 0) << R.Err;
  return Out;
}

Outcome tidyFacts(const std::string &SummaryFiles, const std::string &Root = factsRoot()) {
  std::string Config = "{CheckOptions: {SummaryFiles: '" + SummaryFiles + "'}}";
  return runProgram({COROLINT_CLANG_TIDY, "--load", COROLINT_PLUGIN,
                     std::string(FactChecks), "--config=" + Config,
                     Root + "/src/app.cpp", "--", "-std=c++20",
                     "-I" + Root + "/include", "-I" + sourcePath("testdata/include")});
}

const char *HeavyPerKey = "app.cpp:19:3: warning: loop in coroutine 'wf::lookups' never "
                          "suspends and does heavy work per iteration";
const char *HeavyOnce = "app.cpp:25:12: warning: 'wf::count_all' loops without suspending";
const char *Unbounded = "app.cpp:49:5: warning: 'std::thread' starts one thread per "
                        "iteration";
const char *Bounded = "app.cpp:42:5: warning: 'std::thread'";
const char *PureKeys = "app.cpp:58:11: warning: 'fetch_after(...)' does not depend on the "
                       "result of 'fetch_after(...)' awaited on line 57";

/// The findings every front end must give with the summaries.
void expectFacts(const std::string &Out) {
  EXPECT_TRUE(has(Out, HeavyPerKey)) << Out;
  EXPECT_TRUE(has(Out, "'wf::count_all' iterates 2 levels deep in another file, by "
                       "its summary (loop at tables.cpp:7)"))
      << Out;
  EXPECT_TRUE(has(Out, HeavyOnce)) << Out;
  EXPECT_FALSE(has(Out, "row_sums")) << Out; // sum_row walks the row given
  EXPECT_TRUE(has(Out, Unbounded)) << Out;
  EXPECT_FALSE(has(Out, Bounded)) << Out; // acquire_slot() takes a slot
  EXPECT_TRUE(has(Out, PureKeys)) << Out;
  EXPECT_FALSE(has(Out, "app.cpp:65:")) << Out; // next_sequence() writes a global
}

TEST(WholeProgramFacts, SummarizeWritesCostLimiterAndPurity) {
  std::string Db = factsDatabase("WholeFacts.Summarize");
  json S = readJson(factsSummary(Db));
  EXPECT_EQ(S["corolint-summaries"], 2);
  std::map<std::string, json> By;
  for (const json &F : S["functions"])
    By[F["name"]] = F;
  ASSERT_TRUE(By.count("wf::count_all")) << S.dump();
  EXPECT_EQ(By["wf::count_all"]["cost"][0]["levels"], 2);
  EXPECT_EQ(By["wf::count_all"]["cost"][0]["walks"], json::array({0}));
  ASSERT_TRUE(By.count("wf::sum_row"));
  EXPECT_EQ(By["wf::sum_row"]["cost"][0]["levels"], 1);
  EXPECT_EQ(By["wf::acquire_slot"]["limiter"], "std::counting_semaphore::acquire");
  EXPECT_EQ(By["wf::make_key"]["pure"], true);
  // Defaults are not written: no cost, limiter or purity for these.
  EXPECT_FALSE(By.count("wf::next_sequence")) << S.dump();
  EXPECT_FALSE(By["wf::log_start"].contains("limiter")) << S.dump();
  EXPECT_FALSE(By["wf::make_key"].contains("cost"));
  EXPECT_FALSE(By["wf::count_all"].contains("limiter"));
  EXPECT_FALSE(By["wf::sum_row"].contains("limiter"));
}

TEST(WholeProgramFacts, PluginReadsTheFactsFromSummaryFiles) {
  std::string Db = factsDatabase("WholeFacts.Plugin");
  std::string Summary = factsSummary(Db);
  Outcome With = tidyFacts(Summary);
  expectFacts(With.Out + With.Err);
  // Without the summaries the helpers are opaque: nothing heavy, every
  // spawn unbounded, the fetches ordered.
  Outcome Without = tidyFacts("");
  EXPECT_FALSE(has(Without.Out, HeavyPerKey)) << Without.Out;
  EXPECT_FALSE(has(Without.Out, HeavyOnce)) << Without.Out;
  EXPECT_TRUE(has(Without.Out, Bounded)) << Without.Out;
  EXPECT_FALSE(has(Without.Out, PureKeys)) << Without.Out;
}

TEST(WholeProgramFacts, StaleFactsAreNotUsed) {
  std::string Root = scratchDir("WholeFacts.Stale") + "/project";
  std::filesystem::copy(factsRoot(), Root, std::filesystem::copy_options::recursive);
  std::string Summary = factsSummary(factsDatabase("WholeFacts.StaleDb", Root));
  // tables.cpp changed since: count_all() no longer loops; its summary,
  // which says it does, is stale and not used.
  writeFile(Root + "/src/tables.cpp",
            "#include \"wf/facts.h\"\nnamespace wf {\n"
            "long count_all(const std::vector<table> &index, int) { return index.size(); }\n"
            "long sum_row(const table &row) { return row.size(); }\n"
            "int first(const table &row) { return row.empty() ? 0 : row[0]; }\n}\n");
  Outcome R = tidyFacts(Summary, Root);
  EXPECT_FALSE(has(R.Out, HeavyPerKey)) << R.Out;
  EXPECT_FALSE(has(R.Out, HeavyOnce)) << R.Out;
  // The facts of the unchanged files are still used.
  EXPECT_FALSE(has(R.Out, Bounded)) << R.Out;
  EXPECT_TRUE(has(R.Out, PureKeys)) << R.Out;
}

TEST(WholeProgramFacts, DriverReadsTheFactsFromSummaryFiles) {
  std::string Db = factsDatabase("WholeFacts.Driver");
  std::string Summary = factsSummary(Db);
  std::string Config = Db + "/facts.yaml";
  writeFile(Config, "CheckOptions:\n  SummaryFiles: '" + Summary + "'\n");
  Outcome R = runCorolint({"-p", Db, "--source-root=" + factsRoot(), "--progress=never",
                           FactChecks, "-j2", "--config-file=" + Config});
  EXPECT_EQ(R.Exit, 1) << R.Err;
  expectFacts(R.Out);
  // A helper defined in view wins over its summary: a copy of app.cpp that
  // defines acquire_slot() itself without taking a slot.
  std::string Root = scratchDir("WholeFacts.InView") + "/project";
  std::filesystem::copy(factsRoot(), Root, std::filesystem::copy_options::recursive);
  writeFile(Root + "/src/inview.cpp",
            "#include \"wf/facts.h\"\n#include <thread>\n#include <vector>\n"
            "namespace wf {\nvoid work(int);\nvoid acquire_slot() {}\n"
            "void jobs(const std::vector<int> &js) {\n"
            "  for (int j : js) {\n    acquire_slot();\n"
            "    std::thread([j] { work(j); }).detach();\n  }\n}\n}\n");
  Outcome InView = runProgram({COROLINT_CLANG_TIDY, "--load", COROLINT_PLUGIN,
                               "--checks=-*,coro-unbounded-spawn",
                               "--config={CheckOptions: {SummaryFiles: '" + Summary + "'}}",
                               Root + "/src/inview.cpp", "--", "-std=c++20",
                               "-I" + Root + "/include"});
  EXPECT_TRUE(has(InView.Out, "inview.cpp:10:5: warning: 'std::thread' starts one thread"))
      << InView.Out << InView.Err;
}

} // namespace
