// The SARIF writer, merge, baseline matching, URIs and the check pages, on
// hand-made inputs.
#include "Baseline.h"
#include "CheckDocs.h"
#include "DriverSupport.h"
#include "Merge.h"
#include "Paths.h"
#include "Sarif.h"
#include "TextOutput.h"
#include "Uri.h"

#include "llvm/Support/raw_ostream.h"
#include <gtest/gtest.h>

using namespace corolint::driver;
using corolint::test::readFile;
using corolint::test::scratchDir;
using corolint::test::sourcePath;
using corolint::test::writeFile;

namespace {

TEST(DriverUri, PercentEncoding) {
  EXPECT_EQ(percentEncodePath("src/a-b_c.d~e.cpp"), "src/a-b_c.d~e.cpp");
  EXPECT_EQ(percentEncodePath("dir with space/w\xC3\xB6rk#1.cpp"),
            "dir%20with%20space/w%C3%B6rk%231.cpp");
  EXPECT_EQ(fileUri("/home/me/my project", /*Directory=*/true),
            "file:///home/me/my%20project/");
  EXPECT_EQ(fileUri("/usr/include/c++/12/thread"),
            "file:///usr/include/c%2B%2B/12/thread");
  EXPECT_EQ(percentDecode("dir%20with%20space/w%C3%B6rk%231.cpp"),
            "dir with space/w\xC3\xB6rk#1.cpp");
  EXPECT_EQ(percentDecode("100%"), "100%");
}

TEST(DriverPaths, RelativeToTheRoot) {
  EXPECT_EQ(relativeTo("/r/src/a.cpp", "/r"), std::optional<std::string>("src/a.cpp"));
  EXPECT_EQ(relativeTo("/r/src/a.cpp", "/r/"), std::optional<std::string>("src/a.cpp"));
  EXPECT_FALSE(relativeTo("/rr/a.cpp", "/r"));
  EXPECT_FALSE(relativeTo("/r", "/r"));
  EXPECT_EQ(displayPath("/usr/include/x.h", "/r"), "/usr/include/x.h");
}

TEST(DriverCheckDocs, FirstParagraphAndPlainText) {
  CheckDoc D = parseCheckDoc(
      "# coro-x\n\nFinds `foo` calls in\ncoroutines. Also **bar**.\n\n## Why\n\nSee "
      "[the rules](../rules.md).\n");
  EXPECT_EQ(D.FullDescription, "Finds foo calls in coroutines. Also bar.");
  EXPECT_EQ(D.ShortDescription, "Finds foo calls in coroutines.");
  EXPECT_EQ(D.HelpText, "coro-x\n\nFinds foo calls in\ncoroutines. Also bar.\n\n"
                        "Why\n\nSee the rules.");
}

TEST(DriverCheckDocs, EveryPageIsEmbedded) {
  for (const char *Check : {"coro-blocking-call", "coro-lock-across-suspend"}) {
    std::optional<CheckDoc> D = checkDoc(Check);
    ASSERT_TRUE(D) << Check;
    EXPECT_EQ(D->HelpMarkdown,
              readFile(sourcePath(std::string("docs/checks/") + Check + ".md")));
    EXPECT_FALSE(D->ShortDescription.empty());
  }
  EXPECT_FALSE(checkDoc("coro-no-such-check"));
}

TEST(DriverSarif, RuleMetadata) {
  Json R = sarifRule("coro-blocking-call");
  EXPECT_EQ(R["id"], "coro-blocking-call");
  EXPECT_EQ(R["name"], "CoroBlockingCall");
  EXPECT_EQ(R["defaultConfiguration"]["level"], "warning");
  EXPECT_EQ(R["help"]["markdown"],
            readFile(sourcePath("docs/checks/coro-blocking-call.md")));
  EXPECT_EQ(R["properties"]["precision"], "high");
  EXPECT_EQ(R["properties"]["problem.severity"], "warning");
  EXPECT_EQ(sarifRule("clang-diagnostic-error")["defaultConfiguration"]["level"],
            "error");
}

ReportLocation at(const std::string &Root, const std::string &Rel, unsigned Line,
                  unsigned Col, unsigned EndCol) {
  ReportLocation L;
  L.File = Rel.front() == '/' ? Rel : Root + "/" + Rel;
  L.Display = Rel;
  L.HasPosition = true;
  L.Start = {Line, Col, Col};
  L.End = {Line, EndCol, EndCol};
  return L;
}

Report chainReport() {
  Report R;
  R.SourceRoot = "/work/my proj";
  R.EnabledChecks = {"coro-blocking-call", "coro-lock-across-suspend"};
  ReportItem I;
  I.Check = "coro-blocking-call";
  I.Message = "call to 'f' may block coroutine 'g' [sic]";
  I.Loc = at(R.SourceRoot, "src/a b.cpp", 10, 3, 4);
  I.Notes.push_back({at(R.SourceRoot, "src/a b.cpp", 5, 3, 4), "'f' calls 'h'"});
  I.Notes.push_back({at(R.SourceRoot, "/usr/include/x.h", 2, 1, 2),
                     "'h' blocks in 'operator[]'"});
  I.Function = "g()";
  I.LineHash = "abc:1";
  I.Fingerprint = "0123456789abcdef0123456789abcdef";
  R.Items.push_back(I);
  ReportItem Plain;
  Plain.Check = "coro-lock-across-suspend";
  Plain.Severity = Level::Error;
  Plain.Message = "held [x]";
  Plain.Loc = at(R.SourceRoot, "src/a b.cpp", 1, 1, 2);
  R.Items.push_back(Plain);
  return R;
}

TEST(DriverSarif, NotesBecomeLinkedRelatedLocationsAndACodeFlow) {
  RunInfo Info;
  Info.Category = "corolint/cpp";
  Json Log = buildSarif(chainReport(), Info);
  const Json &Run = Log["runs"][0];
  EXPECT_EQ(Log["version"], "2.1.0");
  EXPECT_EQ(Run["originalUriBaseIds"]["%SRCROOT%"]["uri"], "file:///work/my%20proj/");
  EXPECT_EQ(Run["automationDetails"]["id"], "corolint/cpp/");
  ASSERT_EQ(Run["results"].size(), 2u);
  // Sorted by file, line: the lock finding (line 1) first.
  const Json &Lock = Run["results"][0];
  EXPECT_EQ(Lock["ruleIndex"], 1);
  EXPECT_EQ(Lock["level"], "error");
  EXPECT_EQ(Lock["message"]["text"], "held [x]"); // no links, nothing escaped
  EXPECT_FALSE(Lock.contains("codeFlows"));

  const Json &Chain = Run["results"][1];
  EXPECT_EQ(Chain["ruleIndex"], 0);
  EXPECT_EQ(Chain["message"]["text"],
            "call to 'f' may block coroutine 'g' \\[sic\\] (see ['f' calls 'h'](1), "
            "['h' blocks in 'operator\\[\\]'](2))");
  const Json &Loc = Chain["locations"][0];
  EXPECT_EQ(Loc["physicalLocation"]["artifactLocation"]["uri"], "src/a%20b.cpp");
  EXPECT_EQ(Loc["physicalLocation"]["artifactLocation"]["uriBaseId"], "%SRCROOT%");
  EXPECT_EQ(Loc["logicalLocations"][0]["fullyQualifiedName"], "g()");
  ASSERT_EQ(Chain["relatedLocations"].size(), 2u);
  EXPECT_EQ(Chain["relatedLocations"][0]["id"], 1);
  EXPECT_EQ(Chain["relatedLocations"][1]["id"], 2);
  // Outside the source root: an absolute file URI, no base.
  const Json &Outside = Chain["relatedLocations"][1]["physicalLocation"]["artifactLocation"];
  EXPECT_EQ(Outside["uri"], "file:///usr/include/x.h");
  EXPECT_FALSE(Outside.contains("uriBaseId"));
  const Json &Flow = Chain["codeFlows"][0]["threadFlows"][0]["locations"];
  ASSERT_EQ(Flow.size(), 3u);
  EXPECT_EQ(Flow[0]["location"]["physicalLocation"]["region"]["startLine"], 10);
  EXPECT_EQ(Flow[1]["location"]["message"]["text"], "'f' calls 'h'");
  EXPECT_EQ(Chain["partialFingerprints"]["primaryLocationLineHash"], "abc:1");
  EXPECT_EQ(Chain["partialFingerprints"]["corolint/v1"],
            "0123456789abcdef0123456789abcdef");
  EXPECT_FALSE(Chain.contains("baselineState"));
}

TEST(DriverSarif, BaselineMarksKnownFindings) {
  std::string Dir = scratchDir("DriverSarif.BaselineMarksKnownFindings");
  Report Old = chainReport();
  writeFile(Dir + "/old.sarif", sarifText(buildSarif(Old, RunInfo())));
  std::string Error;
  std::optional<Baseline> B = loadBaseline(Dir + "/old.sarif", Error);
  ASSERT_TRUE(B) << Error;

  Report Now = chainReport();
  ReportItem Copy = Now.Items[0]; // a second, identical finding is new
  Now.Items.push_back(Copy);
  Now.Items[1].Fingerprint = "";     // matched by its line hash instead
  Now.Items[1].LineHash = "";        // ... which it does not have either
  applyBaseline(Now, *B);
  EXPECT_EQ(Now.Items[0].Baseline, BaselineState::Unchanged);
  EXPECT_EQ(Now.Items[1].Baseline, BaselineState::New);
  EXPECT_EQ(Now.Items[2].Baseline, BaselineState::New);

  std::string Text;
  llvm::raw_string_ostream OS(Text);
  writeText(Now, OS);
  OS.flush();
  EXPECT_EQ(corolint::test::lines(Text).size(), 1u + 3u) << Text;

  writeFile(Dir + "/bad.sarif", "{\"runs\": 3}");
  EXPECT_FALSE(loadBaseline(Dir + "/bad.sarif", Error));
  EXPECT_NE(Error.find("bad.sarif"), std::string::npos);
}

TEST(DriverSarif, MergeDeduplicatesRulesAndResults) {
  std::string Dir = scratchDir("DriverSarif.MergeDeduplicatesRulesAndResults");
  Report A = chainReport(), B = chainReport();
  A.EnabledChecks = {"coro-blocking-call"};
  A.Items.pop_back(); // only the chain; B has both
  ReportFailure F;
  F.File = "/work/my proj/src/bad.cpp";
  F.Display = "src/bad.cpp";
  F.FirstError.Check = "clang-diagnostic-error";
  F.FirstError.Message = "unknown type name 'x'";
  F.FirstError.Loc.File = F.File;
  F.FirstError.Loc.Display = F.Display;
  F.FirstError.Loc.Start = {3, 1, 1};
  F.FirstError.Loc.End = {3, 2, 2};
  F.FirstError.Loc.HasPosition = true;
  A.Failures.push_back(F);
  writeFile(Dir + "/a.sarif", sarifText(buildSarif(A, RunInfo())));
  writeFile(Dir + "/b.sarif", sarifText(buildSarif(B, RunInfo())));
  std::string Error;
  std::optional<Json> M =
      mergeSarif({Dir + "/a.sarif", Dir + "/b.sarif"}, {"corolint", "merge"}, 0, Error);
  ASSERT_TRUE(M) << Error;
  const Json &Run = (*M)["runs"][0];
  ASSERT_EQ(Run["tool"]["driver"]["rules"].size(), 2u);
  EXPECT_EQ(Run["results"].size(), 2u);
  for (const Json &R : Run["results"])
    EXPECT_EQ(Run["tool"]["driver"]["rules"][R["ruleIndex"].get<int>()]["id"],
              R["ruleId"]);
  EXPECT_EQ(Run["invocations"].size(), 1u);
  EXPECT_EQ(Run["invocations"][0]["executionSuccessful"], false);
  ASSERT_EQ(Run["invocations"][0]["toolExecutionNotifications"].size(), 1u);
  EXPECT_EQ(Run["invocations"][0]["toolExecutionNotifications"][0]["message"]["text"],
            "'src/bad.cpp' did not compile: unknown type name 'x'");
  // The whole single run, merged with itself, is itself.
  Json Single = buildSarif(B, RunInfo());
  writeFile(Dir + "/single.sarif", sarifText(Single));
  std::optional<Json> Self =
      mergeSarif({Dir + "/single.sarif", Dir + "/single.sarif"}, {}, 0, Error);
  ASSERT_TRUE(Self) << Error;
  EXPECT_EQ(corolint::test::withoutRunDetails(nlohmann::json::parse(Self->dump())),
            corolint::test::withoutRunDetails(nlohmann::json::parse(Single.dump())));

  writeFile(Dir + "/other.sarif",
            R"({"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "other"}}, "results": []}]})");
  EXPECT_FALSE(mergeSarif({Dir + "/a.sarif", Dir + "/other.sarif"}, {}, 0, Error));
  EXPECT_EQ(Error, "cannot merge runs of 'corolint' and 'other'");
  writeFile(Dir + "/broken.sarif", "{");
  EXPECT_FALSE(mergeSarif({Dir + "/broken.sarif"}, {}, 0, Error));
  EXPECT_NE(Error.find("broken.sarif' is not valid JSON"), std::string::npos) << Error;
}

} // namespace
