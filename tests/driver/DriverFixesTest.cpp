// Fixes in the driver on hand-made findings: which fix is chosen, the
// all-or-nothing plan per file, the YAML of --export-fixes (read back with
// clang's reader and applied by clang-apply-replacements), SARIF's fixes.
#include "DriverSupport.h"
#include "Fixes.h"
#include "Options.h"
#include "Paths.h"
#include "Sarif.h"
#include "TextOutput.h"

#include "clang/Tooling/DiagnosticsYaml.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Program.h"
#include "llvm/Support/YAMLTraits.h"
#include <gtest/gtest.h>

using namespace corolint::driver;
using corolint::test::Outcome;
using corolint::test::readFile;
using corolint::test::runProgram;
using corolint::test::scratchDir;
using corolint::test::writeFile;

namespace {

constexpr const char *Source = "void f() {\n"
                               "  sleep(1);\n"
                               "  loop();\n"
                               "}\n";

Finding finding(const std::string &File, const std::string &Check, unsigned Offset,
                Fix Fixes) {
  Finding F;
  F.Check = Check;
  F.Message = "a finding of " + Check;
  F.Loc = {File, Offset, 5};
  F.Fixes = std::move(Fixes);
  return F;
}

auto everything = [](const std::string &) { return true; };

/// A scratch directory with a.cpp and b.cpp holding Source.
std::string project(const std::string &Name) {
  std::string Dir = normalisePath(scratchDir(Name));
  writeFile(Dir + "/a.cpp", Source);
  writeFile(Dir + "/b.cpp", Source);
  return Dir;
}

TEST(DriverFixes, ChosenFixFollowsClangTidy) {
  Finding F = finding("/p/a.cpp", "coro-x", 0, {});
  EXPECT_EQ(chosenFix(F, false), nullptr);
  EXPECT_EQ(chosenFix(F, true), nullptr);
  F.Notes.push_back({{"/p/a.cpp", 1, 0}, "no fix here", {}});
  F.Notes.push_back({{"/p/a.cpp", 2, 0}, "use this", {{"/p/a.cpp", 2, 1, "x"}}});
  EXPECT_EQ(chosenFix(F, false), nullptr); // a note's fix needs --fix-notes
  EXPECT_EQ(chosenFix(F, true), &F.Notes[1].Fixes);
  F.Notes.push_back({{"/p/a.cpp", 3, 0}, "or this", {{"/p/a.cpp", 3, 1, "y"}}});
  EXPECT_EQ(chosenFix(F, true), nullptr); // two alternatives: no choice
  F.Fixes = {{"/p/a.cpp", 0, 1, "z"}};
  EXPECT_EQ(chosenFix(F, false), &F.Fixes); // the finding's own first
  EXPECT_EQ(chosenFix(F, true), &F.Fixes);
}

TEST(DriverFixes, IndependentFixesAreAllApplied) {
  std::string Dir = project("DriverFixes.Independent");
  std::string A = Dir + "/a.cpp";
  std::vector<Finding> Findings = {
      // Both insert the same include: it is inserted once.
      finding(A, "coro-blocking-call", 13,
              {{A, 0, 0, "#include <t>\n"}, {A, 13, 8, "co_await t(1)"}}),
      finding(A, "coro-awaitless-loop", 25,
              {{A, 0, 0, "#include <t>\n"}, {A, 25, 0, "co_await y(); "}}),
      finding(A, "coro-sequential-await", 0, {}), // no fix
  };
  SourceCache Sources;
  FixPlan Plan = planFixes(Findings, false, everything, Dir, Sources);
  EXPECT_TRUE(Plan.Errors.empty()) << Plan.Errors.front();
  ASSERT_EQ(Plan.NewText.count(A), 1u);
  EXPECT_EQ(Plan.NewText[A], "#include <t>\n"
                             "void f() {\n"
                             "  co_await t(1);\n"
                             "  co_await y(); loop();\n"
                             "}\n");
  EXPECT_EQ(Plan.Applied[A], 2u);
  bool Failed = false;
  std::vector<std::string> Lines = writeFixes(Plan, Dir, Failed);
  EXPECT_FALSE(Failed);
  EXPECT_EQ(Lines, std::vector<std::string>{"2 fixes applied in 'a.cpp'"});
  EXPECT_EQ(readFile(A), Plan.NewText[A]);
  EXPECT_EQ(readFile(Dir + "/b.cpp"), Source); // no fix there: untouched
}

TEST(DriverFixes, ConflictingFixesLeaveTheirFileUnchanged) {
  std::string Dir = project("DriverFixes.Conflict");
  std::string A = Dir + "/a.cpp", B = Dir + "/b.cpp";
  std::vector<Finding> Findings = {
      finding(A, "coro-blocking-call", 13, {{A, 13, 8, "co_await t(1);"}}),
      finding(A, "coro-awaitless-loop", 15, {{A, 15, 0, "co_await y(); "}}),
      finding(B, "coro-blocking-call", 13, {{B, 13, 8, "co_await t(1);"}}),
  };
  SourceCache Sources;
  FixPlan Plan = planFixes(Findings, false, everything, Dir, Sources);
  ASSERT_EQ(Plan.Errors.size(), 1u);
  EXPECT_EQ(Plan.Errors[0], "the fixes of coro-blocking-call at a.cpp:2:3 and "
                            "coro-awaitless-loop at a.cpp:2:5 overlap; no fix "
                            "applied in 'a.cpp'");
  EXPECT_EQ(Plan.NewText.count(A), 0u);
  ASSERT_EQ(Plan.NewText.count(B), 1u); // the other file is fixed
  bool Failed = false;
  writeFixes(Plan, Dir, Failed);
  EXPECT_EQ(readFile(A), Source);
  EXPECT_NE(readFile(B), Source);
}

TEST(DriverFixes, WhatConflicts) {
  std::string Dir = project("DriverFixes.WhatConflicts");
  std::string A = Dir + "/a.cpp";
  auto conflicts = [&](Replacement X, Replacement Y) {
    X.File = Y.File = A;
    std::vector<Finding> Findings = {finding(A, "coro-a", 0, {X}),
                                     finding(A, "coro-b", 0, {Y})};
    SourceCache Sources;
    return !planFixes(Findings, false, everything, Dir, Sources).Errors.empty();
  };
  EXPECT_TRUE(conflicts({"", 2, 4, "x"}, {"", 5, 4, "y"}));  // overlapping
  EXPECT_FALSE(conflicts({"", 2, 4, "x"}, {"", 6, 4, "y"})); // adjacent
  EXPECT_TRUE(conflicts({"", 2, 4, "x"}, {"", 4, 0, "y"}));  // insert inside
  EXPECT_FALSE(conflicts({"", 2, 4, "x"}, {"", 2, 0, "y"})); // insert before
  EXPECT_FALSE(conflicts({"", 2, 4, "x"}, {"", 6, 0, "y"})); // insert after
  EXPECT_TRUE(conflicts({"", 3, 0, "x"}, {"", 3, 0, "y"}));  // which first?
  EXPECT_FALSE(conflicts({"", 3, 0, "x"}, {"", 3, 0, "x"})); // the same edit
  EXPECT_FALSE(conflicts({"", 2, 4, "x"}, {"", 2, 4, "x"}));
  EXPECT_TRUE(conflicts({"", 2, 4, "x"}, {"", 2, 4, "y"}));
}

TEST(DriverFixes, AFixIsWholeOrNotAtAll) {
  std::string Dir = project("DriverFixes.Whole");
  std::string A = Dir + "/a.cpp", B = Dir + "/b.cpp";
  std::vector<Finding> Findings = {
      // Edits both files; a.cpp is blocked by the conflict below.
      finding(A, "coro-a", 13, {{A, 13, 2, "x"}, {B, 0, 0, "// y\n"}}),
      finding(A, "coro-b", 14, {{A, 14, 2, "z"}}),
      finding(B, "coro-c", 25, {{B, 25, 0, "w"}}),
  };
  SourceCache Sources;
  FixPlan Plan = planFixes(Findings, false, everything, Dir, Sources);
  ASSERT_EQ(Plan.Errors.size(), 2u);
  EXPECT_NE(Plan.Errors[1].find("the fix of coro-a at a.cpp:2:3 is not applied: "
                                "it also edits a file where fixes conflict"),
            std::string::npos)
      << Plan.Errors[1];
  ASSERT_EQ(Plan.NewText.count(B), 1u);
  EXPECT_EQ(Plan.NewText[B].find("// y"), std::string::npos);
  EXPECT_EQ(Plan.Applied[B], 1u);
}

TEST(DriverFixes, FilesOutsideTheProjectAreNotTouched) {
  std::string Dir = project("DriverFixes.Outside");
  std::string A = Dir + "/a.cpp", B = Dir + "/b.cpp";
  std::vector<Finding> Findings = {
      finding(A, "coro-a", 13, {{A, 13, 2, "x"}, {B, 0, 0, "// y\n"}}),
  };
  auto OnlyA = [&](const std::string &File) { return File == A; };
  SourceCache Sources;
  FixPlan Plan = planFixes(Findings, false, OnlyA, Dir, Sources);
  ASSERT_EQ(Plan.Errors.size(), 1u);
  EXPECT_EQ(Plan.Errors[0], "the fix of coro-a at a.cpp:2:3 is not applied: it "
                            "edits 'b.cpp', outside the project");
  EXPECT_TRUE(Plan.NewText.empty());
  EXPECT_EQ(exportFixesYaml(Findings, false, OnlyA, A).find("ReplacementText"),
            std::string::npos);
}

TEST(DriverFixes, AFileChangedSinceTheAnalysisIsNotEdited) {
  std::string Dir = project("DriverFixes.Changed");
  std::string A = Dir + "/a.cpp";
  std::vector<Finding> Findings = {finding(A, "coro-a", 13, {{A, 40, 9, "x"}})};
  SourceCache Sources;
  FixPlan Plan = planFixes(Findings, false, everything, Dir, Sources);
  ASSERT_EQ(Plan.Errors.size(), 1u);
  EXPECT_NE(Plan.Errors[0].find("edits past the end of 'a.cpp'"), std::string::npos);
  EXPECT_TRUE(Plan.NewText.empty());
}

clang::tooling::TranslationUnitDiagnostics readYaml(const std::string &Text) {
  clang::tooling::TranslationUnitDiagnostics TU;
  llvm::yaml::Input In(Text);
  In >> TU;
  EXPECT_FALSE(In.error()) << Text;
  return TU;
}

TEST(DriverFixes, ExportedYamlIsClangTidys) {
  std::string A = "/p/a.cpp";
  Finding Own = finding(A, "coro-blocking-call", 13, {{A, 13, 8, "co_await t(1);"}});
  Finding Noted = finding(A, "coro-sequential-await", 26, {});
  Noted.Severity = Level::Error;
  Noted.Notes.push_back({{A, 30, 0}, "await them together", {{A, 26, 7, "both();"}}});
  std::vector<Finding> Findings = {Own, Noted};

  auto TU = readYaml(exportFixesYaml(Findings, false, everything, A));
  EXPECT_EQ(TU.MainSourceFile, A);
  ASSERT_EQ(TU.Diagnostics.size(), 2u);
  const auto &D0 = TU.Diagnostics[0];
  EXPECT_EQ(D0.DiagnosticName, "coro-blocking-call");
  EXPECT_EQ(D0.DiagLevel, clang::tooling::Diagnostic::Warning);
  EXPECT_EQ(D0.Message.FilePath, A);
  EXPECT_EQ(D0.Message.FileOffset, 13u);
  ASSERT_EQ(D0.Message.Fix.count(A), 1u);
  const clang::tooling::Replacement &R = *D0.Message.Fix.lookup(A).begin();
  EXPECT_EQ(R.getOffset(), 13u);
  EXPECT_EQ(R.getLength(), 8u);
  EXPECT_EQ(R.getReplacementText(), "co_await t(1);");
  const auto &D1 = TU.Diagnostics[1];
  EXPECT_EQ(D1.DiagLevel, clang::tooling::Diagnostic::Error);
  ASSERT_EQ(D1.Notes.size(), 1u);
  EXPECT_EQ(D1.Notes[0].Message, "await them together");
  EXPECT_TRUE(D1.Notes[0].Fix.empty()); // without --fix-notes: left out
  // With --fix-notes the chosen note's fix stays on its note.
  TU = readYaml(exportFixesYaml(Findings, true, everything, ""));
  EXPECT_EQ(TU.MainSourceFile, "");
  EXPECT_EQ(TU.Diagnostics[1].Notes[0].Fix.count(A), 1u);
  EXPECT_TRUE(TU.Diagnostics[1].Message.Fix.empty());
}

TEST(DriverFixes, ClangApplyReplacementsAgreesWithFix) {
  auto Tool = llvm::sys::findProgramByName("clang-apply-replacements-19");
  if (!Tool)
    Tool = llvm::sys::findProgramByName("clang-apply-replacements");
  if (!Tool)
    GTEST_SKIP() << "clang-apply-replacements is not installed";
  for (bool FromNotes : {false, true}) {
    std::string Dir = project(std::string("DriverFixes.Apply") + (FromNotes ? "Notes" : ""));
    std::string A = Dir + "/a.cpp", B = Dir + "/b.cpp";
    Finding Noted = finding(A, "coro-x", 25, {});
    Noted.Notes.push_back({{A, 25, 0}, "a note's fix", {{A, 25, 7, "both();"}}});
    std::vector<Finding> Findings = {
        finding(A, "coro-a", 13, {{A, 0, 0, "#include <t>\n"}, {A, 13, 8, "t(1);"}}),
        finding(B, "coro-a", 13, {{B, 0, 0, "#include <t>\n"}, {B, 13, 8, "t(1);"}}),
        finding(B, "coro-b", 25, {{B, 0, 0, "#include <t>\n"}, {B, 25, 0, "y(); "}}),
        Noted};
    SourceCache Sources;
    FixPlan Plan = planFixes(Findings, FromNotes, everything, Dir, Sources);
    ASSERT_TRUE(Plan.Errors.empty());
    std::string Fixes = Dir + "/fixes";
    writeFile(Fixes + "/fixes.yaml", exportFixesYaml(Findings, FromNotes, everything, ""));
    Outcome R = runProgram({*Tool, Fixes});
    ASSERT_EQ(R.Exit, 0) << R.Err;
    EXPECT_EQ(readFile(A), Plan.NewText[A]);
    EXPECT_EQ(readFile(B), Plan.NewText[B]);
    EXPECT_EQ(readFile(A).find("both();") != std::string::npos, FromNotes);
  }
}

TEST(DriverFixes, SarifResultsCarryFixes) {
  std::string Dir = project("DriverFixes.Sarif");
  std::string A = Dir + "/a.cpp";
  Analysis An;
  An.Files = {A};
  An.Findings.push_back(
      finding(A, "coro-blocking-call", 13,
              {{A, 0, 0, "#include <t>\n"}, {A, 13, 8, "co_await t(1);"}}));
  Finding Noted = finding(A, "coro-lock-across-suspend", 25, {});
  Noted.Notes.push_back({{A, 25, 0}, "release the lock first", {{A, 25, 7, ""}}});
  An.Findings.push_back(Noted);
  An.Findings.push_back(finding(A, "coro-sequential-await", 2, {}));
  SourceCache Sources;
  Report R = buildReport(An, Dir, Sources);
  Json Log = buildSarif(R, RunInfo());
  std::map<std::string, Json> ByRule;
  for (const Json &Result : Log["runs"][0]["results"])
    ByRule[Result["ruleId"]] = Result;
  EXPECT_FALSE(ByRule["coro-sequential-await"].contains("fixes"));

  const Json &Own = ByRule["coro-blocking-call"]["fixes"];
  ASSERT_EQ(Own.size(), 1u);
  EXPECT_EQ(Own[0]["description"]["text"],
            "Replace 'sleep(1)' with 'co_await t(1);' (and 1 other edit)");
  const Json &Change = Own[0]["artifactChanges"][0];
  EXPECT_EQ(Change["artifactLocation"]["uri"], "a.cpp");
  EXPECT_EQ(Change["artifactLocation"]["uriBaseId"], "%SRCROOT%");
  ASSERT_EQ(Change["replacements"].size(), 2u);
  // An insertion deletes an empty region.
  EXPECT_EQ(Change["replacements"][0]["deletedRegion"],
            Json({{"startLine", 1}, {"startColumn", 1}, {"endLine", 1}, {"endColumn", 1}}));
  EXPECT_EQ(Change["replacements"][0]["insertedContent"]["text"], "#include <t>\n");
  EXPECT_EQ(Change["replacements"][1]["deletedRegion"],
            Json({{"startLine", 2}, {"startColumn", 3}, {"endLine", 2}, {"endColumn", 11}}));

  const Json &FromNote = ByRule["coro-lock-across-suspend"]["fixes"];
  ASSERT_EQ(FromNote.size(), 1u);
  EXPECT_EQ(FromNote[0]["description"]["text"], "release the lock first");
  // A deletion inserts nothing.
  EXPECT_FALSE(FromNote[0]["artifactChanges"][0]["replacements"][0].contains(
      "insertedContent"));
}

TEST(DriverFixes, TheSummarySaysWhatFixWouldFix) {
  Report R;
  R.FilesAnalysed = 1;
  R.EnabledChecks = {"coro-a"};
  ReportItem Plain;
  Plain.Check = "coro-a";
  R.Items = {Plain};
  EXPECT_EQ(summaryLine(R), "1 warning in 1 file (1 check)");
  ReportItem Own = Plain, Noted = Plain, TwoNotes = Plain;
  Own.Fixes = {{"Replace 'a' with 'b'", false, {}}, {"or this", true, {}}};
  Noted.Fixes = {{"use this", true, {}}};
  TwoNotes.Fixes = {{"this", true, {}}, {"or that", true, {}}}; // no choice
  R.Items = {Plain, Own, Own, Noted, TwoNotes};
  EXPECT_EQ(summaryLine(R),
            "5 warnings in 1 file (1 check); 2 fixable with --fix, 1 more with --fix-notes");
  R.Items = {Noted};
  EXPECT_EQ(summaryLine(R), "1 warning in 1 file (1 check); 1 fixable with --fix-notes");
  R.Items[0].Baseline = BaselineState::Unchanged; // not shown, not counted
  EXPECT_EQ(summaryLine(R), "no findings in 1 file (1 check) (1 in the baseline not shown)");
}

TEST(DriverFixes, Options) {
  std::string Error;
  auto O = parseOptions({"--fix-notes", "--export-fixes=f.yaml", "a.cpp"}, Error);
  ASSERT_TRUE(O) << Error;
  EXPECT_TRUE(O->Fix); // --fix-notes implies --fix, as in clang-tidy
  EXPECT_TRUE(O->FixNotes);
  EXPECT_EQ(O->ExportFixes, "f.yaml");
  O = parseOptions({"--fix", "a.cpp"}, Error);
  ASSERT_TRUE(O);
  EXPECT_TRUE(O->Fix);
  EXPECT_FALSE(O->FixNotes);
  EXPECT_TRUE(O->ExportFixes.empty());
  EXPECT_FALSE(parseOptions({"--fix=yes"}, Error));
  EXPECT_EQ(Error, "option 'fix' takes no value");
  EXPECT_FALSE(parseOptions({"--export-fixes="}, Error));
  EXPECT_EQ(Error, "--export-fixes expects a file");
  EXPECT_FALSE(parseOptions({"merge", "--fix", "a.sarif"}, Error));
  EXPECT_NE(Error.find("does not apply or export fixes"), std::string::npos);
  EXPECT_NE(helpText().find("--export-fixes=FILE"), std::string::npos);
}

} // namespace
