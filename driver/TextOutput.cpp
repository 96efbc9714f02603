#include "TextOutput.h"

#include <algorithm>

namespace corolint::driver {

const char *levelName(Level L) {
  switch (L) {
  case Level::Note:
    return "note";
  case Level::Warning:
    return "warning";
  case Level::Error:
    return "error";
  }
  return "warning";
}

static void writeLocation(const ReportLocation &L, llvm::raw_ostream &OS) {
  if (L.File.empty())
    return;
  OS << L.Display;
  if (L.HasPosition)
    OS << ":" << L.Start.Line << ":" << L.Start.Column;
  OS << ": ";
}

void writeText(const Report &R, llvm::raw_ostream &OS) {
  std::vector<const ReportItem *> Shown;
  for (const ReportItem &I : R.Items)
    if (I.Baseline != BaselineState::Unchanged)
      Shown.push_back(&I);
  for (const ReportItem &I : R.CompilerErrors)
    Shown.push_back(&I);
  std::stable_sort(Shown.begin(), Shown.end(),
                   [](const ReportItem *A, const ReportItem *B) {
                     return outputOrder(*A, *B);
                   });
  for (const ReportItem *I : Shown) {
    writeLocation(I->Loc, OS);
    OS << levelName(I->Severity) << ": " << I->Message << " [" << I->Check
       << "]\n";
    for (const ReportNote &N : I->Notes) {
      writeLocation(N.Loc, OS);
      OS << "note: " << N.Message << "\n";
    }
  }
}

static std::string count(std::size_t N, const char *One, const char *Many) {
  return std::to_string(N) + " " + (N == 1 ? One : Many);
}

std::string summaryLine(const Report &R) {
  std::size_t Counts[4] = {0, 0, 0, 0};
  std::size_t Unchanged = 0;
  for (const ReportItem &I : R.Items) {
    if (I.Baseline == BaselineState::Unchanged)
      ++Unchanged;
    else
      ++Counts[static_cast<int>(I.Severity)];
  }
  std::vector<std::string> Parts;
  if (Counts[3])
    Parts.push_back(count(Counts[3], "error", "errors"));
  if (Counts[2])
    Parts.push_back(count(Counts[2], "warning", "warnings"));
  if (Counts[1])
    Parts.push_back(count(Counts[1], "note", "notes"));
  std::string S;
  if (Parts.empty())
    S = "no findings";
  for (std::size_t I = 0; I < Parts.size(); ++I)
    S += (I == 0 ? "" : I + 1 == Parts.size() ? " and " : ", ") + Parts[I];
  S += " in " + count(R.FilesAnalysed, "file", "files") + " (" +
       count(R.EnabledChecks.size(), "check", "checks") + ")";
  if (Unchanged)
    S += " (" + std::to_string(Unchanged) + " in the baseline not shown)";
  // What --fix and --fix-notes would fix (clang-tidy's choice of fix).
  std::size_t Fixable = 0, ByNote = 0;
  for (const ReportItem &I : R.Items) {
    if (I.Baseline == BaselineState::Unchanged || I.Fixes.empty())
      continue;
    if (!I.Fixes.front().FromNote)
      ++Fixable;
    else if (I.Fixes.size() == 1)
      ++ByNote;
  }
  if (Fixable)
    S += "; " + std::to_string(Fixable) + " fixable with --fix";
  if (ByNote)
    S += std::string(Fixable ? ", " : "; ") + std::to_string(ByNote) +
         (Fixable ? " more" : " fixable") + " with --fix-notes";
  if (!R.Failures.empty())
    S += "; " + count(R.Failures.size(), "file", "files") +
         " could not be analysed";
  return S;
}

} // namespace corolint::driver
