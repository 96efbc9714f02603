// build/bin/corolint over testdata/projects: text, SARIF (validated with
// Microsoft's SARIF Multitool), determinism, sharding and merge, baselines,
// failed translation units.
#include "DriverSupport.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include <algorithm>
#include <gtest/gtest.h>
#include <set>

using namespace corolint::test;
using nlohmann::json;

namespace {

std::string smallRoot() { return sourcePath("testdata/projects/small"); }

std::vector<std::string> with(std::vector<std::string> Args,
                              const std::vector<std::string> &More) {
  Args.insert(Args.end(), More.begin(), More.end());
  return Args;
}

/// The results of a log by "file:line:rule".
std::map<std::string, json> resultsByPlace(const json &Log) {
  std::map<std::string, json> M;
  for (const json &R : Log["runs"][0]["results"]) {
    const json &P = R["locations"][0]["physicalLocation"];
    std::string Key = P["artifactLocation"]["uri"].get<std::string>() + ":" +
                      std::to_string(P["region"]["startLine"].get<int>()) + ":" +
                      R["ruleId"].get<std::string>();
    EXPECT_FALSE(M.count(Key)) << "two results at " << Key;
    M[Key] = R;
  }
  return M;
}

TEST(DriverRun, TextOutputMatchesExpectedLines) {
  std::string Db = smallDatabase("DriverRun.Text");
  Outcome R = runCorolint(with(smallArgs(Db), {"-j2"}));
  EXPECT_EQ(R.Exit, 1) << R.Err;
  std::vector<std::string> Got = lines(R.Out);
  std::vector<std::string> Want = lines(readFile(smallRoot() + "/expected.txt"));
  ASSERT_EQ(Got.size(), Want.size()) << R.Out;
  for (std::size_t I = 0; I < Want.size(); ++I)
    EXPECT_TRUE(matchesPattern(Got[I], Want[I]))
        << "line " << I + 1 << "\n got: " << Got[I] << "\nwant: " << Want[I];
  EXPECT_NE(R.Err.find("corolint: 7 warnings in 5 files (2 checks)"), std::string::npos) << R.Err;
}

TEST(DriverRun, OutputIsTheSameAtOneAndTwoThreads) {
  std::string Db = smallDatabase("DriverRun.Threads");
  Outcome One = runCorolint(with(smallArgs(Db), {"-j1", "--sarif=" + Db + "/j1.sarif"}));
  Outcome Two = runCorolint(with(smallArgs(Db), {"-j2", "--sarif=" + Db + "/j2.sarif"}));
  EXPECT_EQ(One.Exit, 1);
  EXPECT_EQ(Two.Exit, 1);
  EXPECT_FALSE(One.Out.empty());
  EXPECT_EQ(One.Out, Two.Out);
  json A = readJson(Db + "/j1.sarif"), B = readJson(Db + "/j2.sarif");
  EXPECT_NE(A["runs"][0]["invocations"][0]["commandLine"],
            B["runs"][0]["invocations"][0]["commandLine"]);
  EXPECT_EQ(withoutRunDetails(A).dump(2), withoutRunDetails(B).dump(2));
}

TEST(DriverRun, SarifContent) {
  std::string Db = smallDatabase("DriverRun.SarifContent");
  Outcome R = runCorolint(with(smallArgs(Db), {"--format=sarif", "-o", Db + "/out.sarif",
                                        "--category=corolint/small"}));
  EXPECT_EQ(R.Exit, 1) << R.Err;
  EXPECT_TRUE(R.Out.empty());
  json Log = readJson(Db + "/out.sarif");
  const json &Run = Log["runs"][0];
  EXPECT_EQ(Log["version"], "2.1.0");
  const json &Driver = Run["tool"]["driver"];
  EXPECT_EQ(Driver["name"], "corolint");
  EXPECT_FALSE(Driver["version"].get<std::string>().empty());
  EXPECT_EQ(Driver["semanticVersion"], Driver["version"]);
  std::vector<std::string> Ids;
  for (const json &Rule : Driver["rules"]) {
    Ids.push_back(Rule["id"]);
    EXPECT_EQ(Rule["help"]["markdown"],
              readFile(sourcePath("docs/checks/" + Rule["id"].get<std::string>() + ".md")));
    EXPECT_FALSE(Rule["help"]["text"].get<std::string>().empty());
    EXPECT_FALSE(Rule["shortDescription"]["text"].get<std::string>().empty());
    EXPECT_FALSE(Rule["properties"]["tags"].empty());
  }
  EXPECT_EQ(Ids, std::vector<std::string>({"coro-blocking-call", "coro-lock-across-suspend"}));
  EXPECT_EQ(Run["originalUriBaseIds"]["%SRCROOT%"]["uri"], "file://" + smallRoot() + "/");
  EXPECT_EQ(Run["automationDetails"]["id"], "corolint/small/");
  EXPECT_EQ(Run["columnKind"], "utf16CodeUnits");
  const json &Inv = Run["invocations"][0];
  EXPECT_EQ(Inv["executionSuccessful"], true);
  EXPECT_TRUE(Inv["toolExecutionNotifications"].empty());
  EXPECT_NE(Inv["commandLine"].get<std::string>().find("--category=corolint/small"),
            std::string::npos);
  EXPECT_LE(Inv["startTimeUtc"].get<std::string>(), Inv["endTimeUtc"].get<std::string>());

  std::map<std::string, json> Results = resultsByPlace(Log);
  EXPECT_EQ(Results.size(), 7u);
  for (const auto &[Key, Result] : Results) {
    EXPECT_EQ(Driver["rules"][Result["ruleIndex"].get<int>()]["id"], Result["ruleId"]);
    EXPECT_EQ(Result["locations"][0]["physicalLocation"]["artifactLocation"]["uriBaseId"],
              "%SRCROOT%");
    EXPECT_EQ(Result["partialFingerprints"]["corolint/v1"].get<std::string>().size(), 32u);
    EXPECT_TRUE(matchesPattern(
        Result["partialFingerprints"]["primaryLocationLineHash"].get<std::string>(),
        "*:1"));
  }
  // Byte column 41 in the text output, UTF-16 column 37 here: "é", "ö" and
  // "😀" take 2, 2 and 4 bytes but 1, 1 and 2 UTF-16 units.
  const json &Unicode = Results.at("src/unicode.cpp:8:coro-blocking-call");
  EXPECT_EQ(Unicode["locations"][0]["physicalLocation"]["region"]["startColumn"], 37);

  // A chain: the notes as related locations linked from the message, and a
  // code flow from the call to the blocking function.
  const json &Chain = Results.at("src/server.cpp:19:coro-blocking-call");
  EXPECT_TRUE(matchesPattern(
      Chain["message"]["text"],
      "call to 'small::load_config' may block coroutine 'small::serve';* (see "
      "['small::load_config' calls 'small::read_file'](1), ['small::read_file' "
      "blocks in 'std::basic_ifstream::basic_ifstream'](2))"))
      << Chain["message"]["text"];
  ASSERT_EQ(Chain["relatedLocations"].size(), 2u);
  EXPECT_EQ(Chain["relatedLocations"][1]["physicalLocation"]["region"]["startLine"], 10);
  const json &Flow = Chain["codeFlows"][0]["threadFlows"][0]["locations"];
  ASSERT_EQ(Flow.size(), 3u);
  EXPECT_EQ(Flow[0]["location"]["physicalLocation"]["region"]["startLine"], 19);
  EXPECT_EQ(Flow[1]["location"]["physicalLocation"]["region"]["startLine"], 16);
  EXPECT_EQ(Flow[2]["location"]["physicalLocation"]["region"]["startLine"], 10);
  EXPECT_EQ(Chain["locations"][0]["logicalLocations"][0]["fullyQualifiedName"],
            "small::serve(int)");
  const json &Lock = Results.at("src/cache.cpp:14:coro-lock-across-suspend");
  EXPECT_EQ(Lock["codeFlows"][0]["threadFlows"][0]["locations"].size(), 2u);
  EXPECT_EQ(Lock["locations"][0]["physicalLocation"]["region"]["endColumn"], 36);
  EXPECT_FALSE(Results.at("src/server.cpp:20:coro-blocking-call").contains("codeFlows"));
}

TEST(DriverRun, SarifIsValidForTheMultitool) {
  std::string Tool = COROLINT_SARIF_MULTITOOL;
  ASSERT_TRUE(llvm::sys::fs::can_execute(Tool))
      << Tool << " is missing: run scripts/setup.sh, which installs "
      << "@microsoft/sarif-multitool with npm";
  std::string Db = smallDatabase("DriverRun.Multitool");
  // The small project, and a failed translation unit (notifications).
  Outcome R = runCorolint(with(smallArgs(Db), {"--format=sarif", "-o", Db + "/small.sarif",
                                        "--category=small"}));
  ASSERT_EQ(R.Exit, 1) << R.Err;
  std::string Broken = sourcePath("testdata/projects/broken");
  writeCompileDatabase(Db + "/broken", Broken, {"src/broken.cpp", "src/good.cpp"});
  R = runCorolint({"-p", Db + "/broken", "--source-root=" + Broken, "--progress=never",
                   "--format=sarif", "-o", Db + "/broken.sarif",
                   std::string("--checks=") + TestedChecks});
  ASSERT_EQ(R.Exit, 3) << R.Err;

  for (const char *Name : {"small.sarif", "broken.sarif"}) {
    std::string In = Db + "/" + Name, Out = In + ".validation.sarif";
    llvm::sys::fs::remove(Out);
    Outcome V = runProgram({Tool, "validate", "--rule-kind", "Sarif;Gh", "--output",
                            Out, In});
    ASSERT_TRUE(llvm::sys::fs::exists(Out)) << V.Out << V.Err;
    // The tool exits 0 even when it finds errors: read its log.
    json Log = readJson(Out);
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
        EXPECT_TRUE(Level == "note" || Level == "none")
            << Name << ": " << Result.dump();
      }
      for (const json &Inv : Run.value("invocations", json::array())) {
        EXPECT_EQ(Inv.value("executionSuccessful", false), true) << Inv.dump();
        for (const char *Kind : {"toolExecutionNotifications", "toolConfigurationNotifications"})
          for (const json &N : Inv.value(Kind, json::array()))
            EXPECT_NE(N.value("level", "warning"), "error") << N.dump();
      }
    }
  }
}

TEST(DriverRun, FingerprintsOfCrlfTabsAndRepeatedLines) {
  std::string Dir = sourcePath("testdata/projects/fingerprints");
  std::string Out = scratchDir("DriverRun.Fingerprints") + "/fp.sarif";
  Outcome R = runCorolint({Dir + "/crlf.cpp", Dir + "/tabs.cpp", Dir + "/repeated.cpp",
                    "--source-root=" + Dir, "--format=sarif", "-o", Out,
                    "--progress=never", std::string("--checks=") + TestedChecks,
                    "--", "-std=c++20", "-I" + Dir});
  EXPECT_EQ(R.Exit, 1) << R.Err;
  std::map<std::string, json> Results = resultsByPlace(readJson(Out));
  // Expected values: see DriverFingerprintTest.cpp.
  std::map<std::string, std::string> Want = {
      {"crlf.cpp:7:coro-blocking-call", "f3d7f76c3484d22:1"},
      {"tabs.cpp:8:coro-blocking-call", "4d08bd712665682d:1"},
      {"repeated.cpp:8:coro-blocking-call", "b98258d3371c126f:1"},
      {"repeated.cpp:10:coro-blocking-call", "b98258d3371c126f:2"},
      {"repeated.cpp:12:coro-blocking-call", "b98258d3371c126f:3"},
      {"repeated.cpp:14:coro-blocking-call", "b4bf093d795b35ec:1"},
      {"repeated.cpp:19:coro-blocking-call", "7d8ad21364e3e503:1"},
  };
  ASSERT_EQ(Results.size(), Want.size());
  std::set<std::string> Stable;
  for (const auto &[Key, Hash] : Want) {
    ASSERT_TRUE(Results.count(Key)) << Key;
    const json &FP = Results[Key]["partialFingerprints"];
    EXPECT_EQ(FP["primaryLocationLineHash"], Hash) << Key;
    Stable.insert(FP["corolint/v1"].get<std::string>());
  }
  // Identical lines differ by their occurrence in the function.
  EXPECT_EQ(Stable.size(), Want.size());
  // The CRLF file's columns count no '\r'.
  EXPECT_EQ(Results["crlf.cpp:7:coro-blocking-call"]["locations"][0]
                   ["physicalLocation"]["region"]["startColumn"], 3);
}

TEST(DriverRun, PercentEncodedUrisAndFilesOutsideTheRoot) {
  std::string Dir = scratchDir("DriverRun.Uris");
  std::string Src = readFile(sourcePath("testdata/projects/fingerprints/crlf.cpp"));
  writeFile(Dir + "/root/dir with space/w\xC3\xB6rk.cpp", Src);
  writeFile(Dir + "/elsewhere/outside.cpp", Src);
  std::string Inc = "-I" + sourcePath("testdata/projects/fingerprints");
  Outcome R = runCorolint({Dir + "/root/dir with space/w\xC3\xB6rk.cpp", Dir + "/elsewhere/outside.cpp",
                    "--source-root=" + Dir + "/root", "--format=sarif", "-o",
                    Dir + "/out.sarif", std::string("--checks=") + TestedChecks,
                    "--", "-std=c++20", Inc});
  EXPECT_EQ(R.Exit, 1) << R.Err;
  json Log = readJson(Dir + "/out.sarif");
  std::set<std::string> Uris;
  for (const json &Result : Log["runs"][0]["results"])
    Uris.insert(Result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]);
  std::string Real = Log["runs"][0]["originalUriBaseIds"]["%SRCROOT%"]["uri"];
  EXPECT_TRUE(matchesPattern(Real, "file://*/root/")) << Real;
  EXPECT_EQ(Uris.count("dir%20with%20space/w%C3%B6rk.cpp"), 1u) << Log.dump(1);
  bool Absolute = false;
  for (const std::string &U : Uris)
    Absolute = Absolute || matchesPattern(U, "file:///*/elsewhere/outside.cpp");
  EXPECT_TRUE(Absolute);
}

TEST(DriverRun, SourceRootDefaultsToTheGitWorkTree) {
  std::string Dir = scratchDir("DriverRun.GitRoot");
  std::string Src = readFile(sourcePath("testdata/projects/fingerprints/crlf.cpp"));
  writeFile(Dir + "/repo/sub/a.cpp", Src);
  // Outside any git work tree (the scratch directory is in the build tree,
  // itself in corolint's).
  llvm::SmallString<128> Plain;
  ASSERT_FALSE(llvm::sys::fs::createUniqueDirectory("corolint-plain", Plain));
  writeFile(std::string(Plain) + "/a.cpp", Src);
  llvm::sys::fs::create_directories(Dir + "/repo/.git");
  std::string Inc = "-I" + sourcePath("testdata/projects/fingerprints");
  auto RunIn = [&](const std::string &Cwd) {
    return runProgram({"/bin/sh", "-c",
                       "cd '" + Cwd + "' && '" + COROLINT_BIN +
                           "' a.cpp --checks=-*,coro-blocking-call --sarif=out.sarif -- "
                           "-std=c++20 '" + Inc + "'"});
  };
  Outcome InRepo = RunIn(Dir + "/repo/sub");
  EXPECT_EQ(InRepo.Exit, 1) << InRepo.Err;
  EXPECT_TRUE(matchesPattern(InRepo.Out, "sub/a.cpp:7:3: warning: *")) << InRepo.Out;
  json Log = readJson(Dir + "/repo/sub/out.sarif");
  EXPECT_TRUE(matchesPattern(Log["runs"][0]["originalUriBaseIds"]["%SRCROOT%"]["uri"],
                             "file://*/DriverRun.GitRoot/repo/"));
  Outcome NoGit = RunIn(std::string(Plain));
  EXPECT_EQ(NoGit.Exit, 1) << NoGit.Err;
  EXPECT_TRUE(matchesPattern(NoGit.Out, "a.cpp:7:3: warning: *")) << NoGit.Out;
  llvm::sys::fs::remove_directories(Plain);
}

TEST(DriverRun, ShardsMergedEqualASingleRun) {
  std::string Db = smallDatabase("DriverRun.Shards");
  Outcome All = runCorolint(with(smallArgs(Db), {"--sarif=" + Db + "/all.sarif", "--category=c"}));
  ASSERT_EQ(All.Exit, 1) << All.Err;
  for (int N : {2, 3}) {
    std::vector<std::string> Merge = {"merge"};
    std::string Text;
    for (int K = 1; K <= N; ++K) {
      std::string Shard = Db + "/shard" + std::to_string(K) + "of" + std::to_string(N) + ".sarif";
      Outcome S = runCorolint(with(smallArgs(Db), {"--shard=" + std::to_string(K) + "/" + std::to_string(N),
                                            "--sarif=" + Shard, "--category=c"}));
      EXPECT_TRUE(S.Exit == 0 || S.Exit == 1) << S.Err;
      Text += S.Out;
      Merge.push_back(Shard);
    }
    if (N == 3) // with and without the completeness check
      Merge.push_back("--shards=3");
    Merge.push_back("-o");
    Merge.push_back(Db + "/merged.sarif");
    Outcome M = runCorolint(Merge);
    ASSERT_EQ(M.Exit, 0) << M.Err;
    EXPECT_EQ(withoutRunDetails(readJson(Db + "/merged.sarif")).dump(1),
              withoutRunDetails(readJson(Db + "/all.sarif")).dump(1))
        << N << " shards";
    // Each finding is in exactly one shard, except the shared header's,
    // which every shard analysing an includer reports.
    std::vector<std::string> ShardLines = lines(Text), AllLines = lines(All.Out);
    std::multiset<std::string> Got(ShardLines.begin(), ShardLines.end());
    for (const std::string &L : AllLines)
      EXPECT_GE(Got.count(L), 1u) << L;
  }
}

TEST(DriverRun, MergeShardsRefusesAnIncompleteSet) {
  std::string Db = smallDatabase("DriverRun.MergeShards");
  auto Shard = [&](const std::string &KN) {
    std::string Path = Db + "/s" + KN.substr(0, 1) + "of" + KN.substr(2) + ".sarif";
    Outcome S = runCorolint(with(smallArgs(Db), {"--shard=" + KN, "--sarif=" + Path}));
    EXPECT_TRUE(S.Exit == 0 || S.Exit == 1) << S.Err;
    return Path;
  };
  std::string S1 = Shard("1/3"), S2 = Shard("2/3"), S3 = Shard("3/3"), Half = Shard("1/2");
  Outcome Unsharded = runCorolint(with(smallArgs(Db), {"--sarif=" + Db + "/all.sarif"}));
  ASSERT_EQ(Unsharded.Exit, 1) << Unsharded.Err;
  std::string Out = Db + "/merged.sarif";
  auto Merge = [&](std::vector<std::string> Logs) {
    std::vector<std::string> Args = {"merge", "--shards=3", "-o", Out};
    Args.insert(Args.end(), Logs.begin(), Logs.end());
    return runCorolint(Args);
  };
  struct Case {
    std::vector<std::string> Logs;
    const char *Error;
  } Cases[] = {
      {{S1, S2}, "corolint: error: shard 3/3 is missing (2 of 3 shard logs given)\n"},
      {{S1, S3, S1}, "corolint: error: shard 2/3 is missing (2 of 3 shard logs given)\n"},
      {{S1, S2, Db + "/gone.sarif"}, "corolint: error: cannot read '*/gone.sarif': *\n"},
      {{S1, S2, Half}, "corolint: error: '*/s1of2.sarif' is shard 1/2, not one of 3\n"},
      {{S1, S2, Db + "/all.sarif"},
       "corolint: error: '*/all.sarif' is not the log of a --shard=K/3 run\n"},
  };
  for (const Case &C : Cases) {
    llvm::sys::fs::remove(Out);
    Outcome M = Merge(C.Logs);
    EXPECT_EQ(M.Exit, 2) << C.Error;
    EXPECT_TRUE(matchesPattern(M.Err, C.Error)) << M.Err;
    EXPECT_FALSE(llvm::sys::fs::exists(Out)) << "a partial merge was written";
  }
  Outcome Whole = Merge({S3, S1, S2});
  EXPECT_EQ(Whole.Exit, 0) << Whole.Err;
  EXPECT_TRUE(llvm::sys::fs::exists(Out));
  // --shards belongs to merge.
  Outcome Misused = runCorolint(with(smallArgs(Db), {"--shards=3"}));
  EXPECT_EQ(Misused.Exit, 2);
  EXPECT_TRUE(matchesPattern(Misused.Err, "*--shards is an option of 'corolint merge'*")) << Misused.Err;
}

TEST(DriverRun, BaselineReportsOnlyNewFindings) {
  std::string Dir = scratchDir("DriverRun.Baseline");
  // A copy of the project, to edit.
  std::string Root = Dir + "/small";
  for (const char *F : {".clang-tidy", "include/small/task.h", "include/small/db.h",
                        "include/small/poller.h", "src/server.cpp", "src/cache.cpp",
                        "rules/legacy.json"})
    writeFile(Root + "/" + F, readFile(smallRoot() + "/" + F));
  writeCompileDatabase(Dir, Root, {"src/server.cpp", "src/cache.cpp"}, {"-Iinclude"});
  std::vector<std::string> Args = {"-p", Dir, "--source-root=" + Root, "--progress=never",
                                   std::string("--checks=") + TestedChecks};
  Outcome First = runCorolint(with(Args, {"--sarif=" + Dir + "/old.sarif"}));
  ASSERT_EQ(First.Exit, 1) << First.Err;
  ASSERT_EQ(lines(First.Out).size(), 7u) << First.Out;

  // Lines move, indentation changes: nothing is new.
  std::string Server = readFile(Root + "/src/server.cpp");
  std::string Moved = "// A comment\n\n// that moves every line\n" + Server;
  std::size_t Sleep = Moved.find("  std::this_thread::sleep_for");
  Moved.replace(Sleep, 2, "\t    ");
  writeFile(Root + "/src/server.cpp", Moved);
  Outcome Again = runCorolint(with(Args, {"--baseline=" + Dir + "/old.sarif",
                                   "--sarif=" + Dir + "/again.sarif"}));
  EXPECT_EQ(Again.Exit, 0) << Again.Err;
  EXPECT_EQ(Again.Out, "");
  json AgainLog = readJson(Dir + "/again.sarif");
  EXPECT_EQ(AgainLog["runs"][0]["results"].size(), 4u);
  for (const json &R : AgainLog["runs"][0]["results"])
    EXPECT_EQ(R["baselineState"], "unchanged") << R.dump();

  // A new blocking call is new, and only it is shown.
  std::size_t Await = Moved.find("  co_await yield_now();");
  Moved.insert(Await, "  std::this_thread::sleep_for(std::chrono::seconds(2));\n");
  writeFile(Root + "/src/server.cpp", Moved);
  Outcome New = runCorolint(with(Args, {"--baseline=" + Dir + "/old.sarif",
                                 "--sarif=" + Dir + "/new.sarif"}));
  EXPECT_EQ(New.Exit, 1) << New.Err;
  ASSERT_EQ(lines(New.Out).size(), 1u) << New.Out;
  EXPECT_TRUE(matchesPattern(New.Out, "src/server.cpp:24:3: warning: blocking call to "
                                      "'std::this_thread::sleep_for'* [coro-blocking-call]\n"))
      << New.Out;
  int NewCount = 0;
  json NewLog = readJson(Dir + "/new.sarif");
  for (const json &R : NewLog["runs"][0]["results"])
    NewCount += R["baselineState"] == "new";
  EXPECT_EQ(NewCount, 1);
  EXPECT_NE(New.Err.find("(4 in the baseline not shown)"), std::string::npos) << New.Err;
}

TEST(DriverRun, FailOnLevels) {
  std::string Db = smallDatabase("DriverRun.FailOn");
  EXPECT_EQ(runCorolint(with(smallArgs(Db), {"--fail-on=none"})).Exit, 0);
  EXPECT_EQ(runCorolint(with(smallArgs(Db), {"--fail-on=error"})).Exit, 0);
  EXPECT_EQ(runCorolint(with(smallArgs(Db), {"--fail-on=warning"})).Exit, 1);
  EXPECT_EQ(runCorolint(with(smallArgs(Db), {"--fail-on=note"})).Exit, 1);
  // Nothing to report.
  Outcome Clean = runCorolint(with(smallArgs(Db), {smallRoot() + "/src/clean.cpp"}));
  EXPECT_EQ(Clean.Exit, 0) << Clean.Err;
  EXPECT_EQ(Clean.Out, "");
}

TEST(DriverRun, ChecksAndConfigFile) {
  std::string Db = smallDatabase("DriverRun.Checks");
  Outcome One = runCorolint(with(smallArgs(Db), {"--checks=-*,coro-lock-across-suspend"}));
  EXPECT_EQ(One.Exit, 1);
  EXPECT_EQ(lines(One.Out).size(), 2u) << One.Out;
  // A configuration file replaces the .clang-tidy files: no
  // ExtraBlockingFunctions, and only the checks it enables.
  writeFile(Db + "/corolint.yaml", "Checks: '-*,coro-blocking-call'\n");
  std::vector<std::string> Args = smallArgs(Db);
  Args.pop_back(); // no --checks
  Outcome Cfg = runCorolint(with(Args, {"--config-file=" + Db + "/corolint.yaml"}));
  EXPECT_EQ(Cfg.Exit, 1);
  EXPECT_EQ(Cfg.Out.find("coro-lock-across-suspend"), std::string::npos) << Cfg.Out;
  EXPECT_EQ(Cfg.Out.find("query_sync"), std::string::npos) << Cfg.Out;
  EXPECT_NE(Cfg.Out.find("wait_for_reply"), std::string::npos) << Cfg.Out;
}

TEST(DriverRun, ListChecksVersionHelp) {
  Outcome L = runCorolint({"--list-checks"});
  EXPECT_EQ(L.Exit, 0);
  // Every coro check, sorted (more may come: not a fixed list).
  std::vector<std::string> Listed = lines(L.Out);
  EXPECT_TRUE(std::is_sorted(Listed.begin(), Listed.end()));
  EXPECT_EQ(std::count(Listed.begin(), Listed.end(), "coro-blocking-call"), 1);
  EXPECT_EQ(std::count(Listed.begin(), Listed.end(), "coro-lock-across-suspend"), 1);
  for (const std::string &C : Listed)
    EXPECT_TRUE(matchesPattern(C, "coro-*")) << C;
  Outcome One = runCorolint({"--list-checks", "--checks=-*,coro-blocking-call"});
  EXPECT_EQ(One.Out, "coro-blocking-call\n");
  Outcome V = runCorolint({"--version"});
  EXPECT_EQ(V.Exit, 0);
  EXPECT_TRUE(matchesPattern(V.Out, "corolint * (LLVM *)\n")) << V.Out;
  Outcome H = runCorolint({"--help"});
  EXPECT_EQ(H.Exit, 0);
  EXPECT_NE(H.Out.find("EXIT STATUS"), std::string::npos);
}

TEST(DriverRun, FailedTranslationUnit) {
  std::string Dir = scratchDir("DriverRun.Failed");
  std::string Broken = sourcePath("testdata/projects/broken");
  writeCompileDatabase(Dir, Broken, {"src/broken.cpp", "src/good.cpp"});
  Outcome R = runCorolint({"-p", Dir, "--source-root=" + Broken, "--progress=never",
                           "--sarif=" + Dir + "/out.sarif", "-j2",
                           std::string("--checks=") + TestedChecks});
  EXPECT_EQ(R.Exit, 3) << R.Err;
  std::vector<std::string> Out = lines(R.Out);
  ASSERT_EQ(Out.size(), 3u) << R.Out;
  EXPECT_EQ(Out[0], "src/broken.cpp:4:10: error: use of undeclared identifier "
                    "'undeclared_value' [clang-diagnostic-error]");
  EXPECT_EQ(Out[1], "src/broken.cpp:7:22: error: use of undeclared identifier "
                    "'also_undeclared' [clang-diagnostic-error]");
  EXPECT_TRUE(matchesPattern(Out[2], "src/good.cpp:16:3: warning: blocking call to "
                                     "'std::this_thread::sleep_for'*"));
  EXPECT_NE(R.Err.find("corolint: error: 'src/broken.cpp' did not compile: use of "
                       "undeclared identifier 'undeclared_value'"),
            std::string::npos)
      << R.Err;
  json Log = readJson(Dir + "/out.sarif");
  const json &Inv = Log["runs"][0]["invocations"][0];
  EXPECT_EQ(Inv["executionSuccessful"], false);
  ASSERT_EQ(Inv["toolExecutionNotifications"].size(), 1u);
  const json &N = Inv["toolExecutionNotifications"][0];
  EXPECT_EQ(N["level"], "error");
  EXPECT_EQ(N["message"]["text"], "'src/broken.cpp' did not compile: use of "
                                  "undeclared identifier 'undeclared_value'");
  EXPECT_EQ(N["locations"][0]["physicalLocation"]["region"]["startLine"], 4);
  EXPECT_EQ(N["properties"]["translationUnit"], "src/broken.cpp");
  EXPECT_EQ(Log["runs"][0]["results"].size(), 1u);
}

// A finding of error severity (running a scheduler to completion in a
// coroutine) makes clang's diagnostics engine count an error; the file was
// still analysed completely.
TEST(DriverRun, AFileOverTheErrorLimitNamesItsFirstError) {
  // clang stops after 20 errors with a location-less fatal error; the
  // failure must still name the first real one.
  std::string Dir = scratchDir("DriverRun.ErrorLimit");
  std::string Text;
  for (int I = 0; I < 25; ++I)
    Text += "int v" + std::to_string(I) + " = undefined_" + std::to_string(I) + ";\n";
  writeFile(Dir + "/many.cpp", Text);
  Outcome R = runCorolint({Dir + "/many.cpp", "--progress=never", "--", "-std=c++20"});
  EXPECT_EQ(R.Exit, 3) << R.Err;
  EXPECT_NE(R.Err.find("many.cpp' did not compile: use of undeclared identifier 'undefined_0'"),
            std::string::npos)
      << R.Err;
  EXPECT_EQ(R.Err.find("was not analysed: too many errors"), std::string::npos) << R.Err;
}

TEST(DriverRun, ErrorSeverityFindingIsNotAFailedTranslationUnit) {
  std::string Dir = scratchDir("DriverRun.ErrorSeverity");
  writeFile(Dir + "/run.cpp", "#include \"task.h\"\n"
                              "namespace acme { void run_until_done(task); }\n"
                              "task outer() {\n"
                              "  acme::run_until_done(next_event());\n"
                              "  co_await next_event();\n"
                              "}\n");
  writeFile(Dir + "/acme.json",
            R"({"library": "acme", "blocking": [{"name": "acme::run_until_done",
                "kind": "sync-wait", "severity": "error",
                "reason": "runs the event loop until the task ends"}]})");
  writeCompileDatabase(Dir, Dir, {"run.cpp"},
                       {"-I" + sourcePath("testdata/projects/fingerprints")});
  Outcome R = runCorolint({"-p", Dir, "--source-root=" + Dir, "--progress=never",
                           "--rules=" + Dir + "/acme.json", "--sarif=" + Dir + "/out.sarif",
                           "--checks=-*,coro-blocking-call"});
  EXPECT_EQ(R.Exit, 1) << R.Err;
  EXPECT_TRUE(matchesPattern(R.Out, "run.cpp:4:3: error: blocking call to "
                                    "'acme::run_until_done' in coroutine 'outer'*\n"))
      << R.Out;
  EXPECT_EQ(R.Err.find("did not compile"), std::string::npos) << R.Err;
  json Log = readJson(Dir + "/out.sarif");
  EXPECT_EQ(Log["runs"][0]["invocations"][0]["executionSuccessful"], true);
  ASSERT_EQ(Log["runs"][0]["results"].size(), 1u);
  EXPECT_EQ(Log["runs"][0]["results"][0]["level"], "error");
}

TEST(DriverRun, ProgressLines) {
  std::string Db = smallDatabase("DriverRun.Progress");
  Outcome Always = runCorolint(with(smallArgs(Db), {"--progress=always", "-j1"}));
  EXPECT_NE(Always.Err.find("[1/5] 20% src/cache.cpp"), std::string::npos) << Always.Err;
  // Each file is named when it starts, before its result.
  std::size_t Starts = Always.Err.find("[0/5] analysing src/cache.cpp\n");
  EXPECT_NE(Starts, std::string::npos) << Always.Err;
  EXPECT_LT(Starts, Always.Err.find("[1/5] 20% src/cache.cpp"));
  EXPECT_NE(Always.Err.find("[1/5] analysing src/clean.cpp\n"), std::string::npos)
      << Always.Err;
  EXPECT_NE(Always.Err.find("[5/5] 100% "), std::string::npos) << Always.Err;
  Outcome Never = runCorolint(with(smallArgs(Db), {"--progress=never"}));
  EXPECT_EQ(Never.Err.find("[1/5]"), std::string::npos) << Never.Err;
  Outcome Auto = runCorolint(with(smallArgs(Db), {"--progress=auto"}));
  EXPECT_EQ(Auto.Err.find("[1/5]"), std::string::npos) << Auto.Err; // not a terminal
}

TEST(DriverRun, ExampleProject) {
  // What scripts/demo.sh shows: examples/ with its generated database.
  std::string Dir = scratchDir("DriverRun.Example");
  Outcome Gen = runProgram({sourcePath("examples/make-compile-commands.sh"), Dir});
  ASSERT_EQ(Gen.Exit, 0) << Gen.Err;
  Outcome R = runCorolint({"-p", Dir, "--source-root=" + sourcePath("examples"),
                           "--progress=never", "--sarif=" + Dir + "/corolint.sarif",
                           std::string("--checks=") + TestedChecks});
  EXPECT_EQ(R.Exit, 1) << R.Err;
  // store.save(): its body is in store.cpp, found across translation
  // units (docs/whole-program.md).
  std::vector<std::string> Want = {
      "src/server.cpp:56:13: warning: call to 'kvstore::Store::save' may block "
      "coroutine 'kvstore::session'; it reaches blocking call "
      "'std::basic_ofstream::basic_ofstream'* [coro-blocking-call]",
      "src/store.cpp:44:3: note: 'kvstore::Store::save' calls 'kvstore::write_snapshot'",
      "src/store.cpp:29:17: note: 'kvstore::write_snapshot' blocks in "
      "'std::basic_ofstream::basic_ofstream'",
      "src/server.cpp:60:7: warning: blocking call to 'std::this_thread::sleep_for' "
      "in coroutine 'kvstore::session'* [coro-blocking-call]",
      "src/server.cpp:71:7: warning: call to 'kvstore::record_write' may block "
      "coroutine 'kvstore::session'; it reaches blocking call "
      "'std::basic_ofstream::basic_ofstream'* [coro-blocking-call]",
      "src/server.cpp:42:5: note: 'kvstore::record_write' calls 'kvstore::append_to_journal'",
      "src/server.cpp:36:17: note: 'kvstore::append_to_journal' blocks in "
      "'std::basic_ofstream::basic_ofstream'",
      "src/store.cpp:52:34: warning: 'lock' (std::unique_lock<std::mutex>) is held "
      "across a suspension point* [coro-lock-across-suspend]",
      "src/store.cpp:54:5: note: coroutine may suspend here"};
  std::vector<std::string> Got = lines(R.Out);
  ASSERT_EQ(Got.size(), Want.size()) << R.Out;
  for (std::size_t I = 0; I < Want.size(); ++I)
    EXPECT_TRUE(matchesPattern(Got[I], Want[I])) << Got[I];
  EXPECT_EQ(readJson(Dir + "/corolint.sarif")["runs"][0]["results"].size(), 4u);
}

TEST(DriverRun, OutputFilesAreReplacedWhole) {
  std::string Db = smallDatabase("DriverRun.Atomic");
  writeFile(Db + "/out.txt", "stale contents that are longer than nothing\n");
  Outcome R = runCorolint(with(smallArgs(Db), {"-o", Db + "/out.txt", smallRoot() + "/src/clean.cpp"}));
  EXPECT_EQ(R.Exit, 0) << R.Err;
  EXPECT_EQ(readFile(Db + "/out.txt"), "");
  std::error_code EC;
  for (llvm::sys::fs::directory_iterator It(Db, EC), End; It != End && !EC; It.increment(EC))
    EXPECT_EQ(llvm::sys::path::filename(It->path()).find(".tmp-"), llvm::StringRef::npos)
        << It->path();
}

} // namespace
