#include "Fixes.h"
#include "OutputFile.h"
#include "Paths.h"

#include "clang/Tooling/Core/Diagnostic.h"
#include "clang/Tooling/DiagnosticsYaml.h"
#include "llvm/Support/YAMLTraits.h"
#include "llvm/Support/raw_ostream.h"
#include <algorithm>
#include <set>
#include <tuple>

namespace corolint::driver {
namespace {

/// One edit and the finding it belongs to.
struct Edit {
  const Replacement *R;
  std::size_t Owner; // index into the findings
};

bool sameEdit(const Replacement &A, const Replacement &B) {
  return A.Offset == B.Offset && A.Length == B.Length && A.Text == B.Text;
}

/// Whether two edits of different findings cannot both be applied.
bool conflict(const Replacement &A, const Replacement &B) {
  if (sameEdit(A, B))
    return false;
  unsigned AEnd = A.Offset + A.Length, BEnd = B.Offset + B.Length;
  if (A.Length == 0 && B.Length == 0)
    return A.Offset == B.Offset; // which text first?
  if (A.Length == 0)
    return B.Offset < A.Offset && A.Offset < BEnd;
  if (B.Length == 0)
    return A.Offset < B.Offset && B.Offset < AEnd;
  return A.Offset < BEnd && B.Offset < AEnd;
}

/// "coro-blocking-call at src/a.cpp:12:5".
std::string describe(const Finding &F, const std::string &Root, SourceCache &Sources) {
  std::string S = F.Check;
  if (!F.Loc.valid())
    return S;
  S += " at " + displayPath(F.Loc.File, Root);
  if (const SourceFile *File = Sources.get(F.Loc.File)) {
    Position P = File->position(F.Loc.Offset);
    S += ":" + std::to_string(P.Line) + ":" + std::to_string(P.Column);
  }
  return S;
}

std::string fixCount(unsigned N) {
  return std::to_string(N) + (N == 1 ? " fix" : " fixes");
}

} // namespace

const Fix *chosenFix(const Finding &F, bool FromNotes) {
  if (!F.Fixes.empty())
    return &F.Fixes;
  if (!FromNotes)
    return nullptr;
  const Fix *Found = nullptr;
  for (const Note &N : F.Notes) {
    if (N.Fixes.empty())
      continue;
    if (Found)
      return nullptr; // several alternatives: none is the fix
    Found = &N.Fixes;
  }
  return Found;
}

FixPlan planFixes(const std::vector<Finding> &Findings, bool FromNotes,
                  const EditableFile &Editable, const std::string &Root,
                  SourceCache &Sources) {
  FixPlan Plan;
  std::map<std::string, std::vector<Edit>> ByFile;
  std::vector<const Fix *> Chosen(Findings.size(), nullptr);
  for (std::size_t I = 0; I < Findings.size(); ++I) {
    const Fix *Edits = chosenFix(Findings[I], FromNotes);
    if (!Edits)
      continue;
    auto Outside = std::find_if(Edits->begin(), Edits->end(),
                                [&](const Replacement &R) { return !Editable(R.File); });
    if (Outside != Edits->end()) {
      Plan.Errors.push_back("the fix of " + describe(Findings[I], Root, Sources) +
                            " is not applied: it edits '" +
                            displayPath(Outside->File, Root) +
                            "', outside the project");
      continue;
    }
    Chosen[I] = Edits;
    for (const Replacement &R : *Edits)
      ByFile[R.File].push_back({&R, I});
  }

  // Files where the fixes cannot all be applied get none.
  std::set<std::string> Blocked;
  for (auto &[File, Edits] : ByFile) {
    std::string Name = displayPath(File, Root);
    const SourceFile *Source = Sources.get(File);
    if (!Source) {
      Plan.Errors.push_back("cannot read '" + Name + "'; no fix applied in it");
      Blocked.insert(File);
      continue;
    }
    std::stable_sort(Edits.begin(), Edits.end(), [](const Edit &A, const Edit &B) {
      return std::tie(A.R->Offset, A.R->Length) < std::tie(B.R->Offset, B.R->Length);
    });
    for (const Edit &E : Edits)
      if (std::size_t(E.R->Offset) + E.R->Length > Source->text().size()) {
        Plan.Errors.push_back("the fix of " + describe(Findings[E.Owner], Root, Sources) +
                              " edits past the end of '" + Name +
                              "' (changed since the analysis?); no fix applied in it");
        Blocked.insert(File);
        break;
      }
    if (Blocked.count(File))
      continue;
    for (std::size_t A = 0; A < Edits.size() && !Blocked.count(File); ++A)
      for (std::size_t B = A + 1; B < Edits.size(); ++B) {
        if (Edits[B].R->Offset > Edits[A].R->Offset + Edits[A].R->Length)
          break; // sorted: no later edit reaches back into A
        if (Edits[A].Owner == Edits[B].Owner || !conflict(*Edits[A].R, *Edits[B].R))
          continue;
        Plan.Errors.push_back(
            "the fixes of " + describe(Findings[Edits[A].Owner], Root, Sources) +
            " and " + describe(Findings[Edits[B].Owner], Root, Sources) +
            " overlap; no fix applied in '" + Name + "'");
        Blocked.insert(File);
        break;
      }
  }

  // A fix is applied whole or not at all: one that also edits a blocked
  // file is applied nowhere.
  std::vector<bool> Dropped(Findings.size(), false);
  for (std::size_t I = 0; I < Findings.size(); ++I) {
    if (!Chosen[I])
      continue;
    for (const Replacement &R : *Chosen[I])
      if (Blocked.count(R.File)) {
        Dropped[I] = true;
        break;
      }
    if (!Dropped[I])
      continue;
    for (const Replacement &R : *Chosen[I])
      if (!Blocked.count(R.File)) {
        Plan.Errors.push_back("the fix of " + describe(Findings[I], Root, Sources) +
                              " is not applied: it also edits a file where "
                              "fixes conflict");
        break;
      }
  }

  for (auto &[File, Edits] : ByFile) {
    if (Blocked.count(File))
      continue;
    llvm::StringRef Text = Sources.get(File)->text();
    std::string Out;
    unsigned Pos = 0;
    std::set<std::size_t> Owners;
    const Replacement *Last = nullptr;
    for (const Edit &E : Edits) {
      if (Dropped[E.Owner])
        continue;
      Owners.insert(E.Owner);
      if (Last && sameEdit(*Last, *E.R))
        continue; // the same edit of another finding
      Out += Text.slice(Pos, E.R->Offset);
      Out += E.R->Text;
      Pos = E.R->Offset + E.R->Length;
      Last = E.R;
    }
    if (Owners.empty())
      continue;
    Out += Text.drop_front(Pos);
    Plan.Applied[File] = Owners.size();
    Plan.NewText[File] = std::move(Out);
  }
  return Plan;
}

std::vector<std::string> writeFixes(const FixPlan &Plan, const std::string &Root,
                                    bool &Failed) {
  std::vector<std::string> Lines;
  for (const auto &[File, Text] : Plan.NewText) {
    std::string Error;
    std::string Name = displayPath(File, Root);
    if (!writeOutputFile(File, Text, Error)) {
      Failed = true;
      Lines.push_back("error: " + Error + "; no fix applied in '" + Name + "'");
      continue;
    }
    Lines.push_back(fixCount(Plan.Applied.at(File)) + " applied in '" + Name + "'");
  }
  return Lines;
}

namespace {

clang::tooling::DiagnosticMessage message(const std::string &Text, const Location &L) {
  clang::tooling::DiagnosticMessage M;
  M.Message = Text;
  M.FilePath = L.File;
  M.FileOffset = L.Offset;
  if (L.valid() && L.Length) {
    clang::tooling::FileByteRange R;
    R.FilePath = L.File;
    R.FileOffset = L.Offset;
    R.Length = L.Length;
    M.Ranges.push_back(R);
  }
  return M;
}

/// Edits already exported: clang-apply-replacements applies identical edits
/// of one translation unit's diagnostics twice, --fix once.
using ExportedEdits = std::set<std::tuple<std::string, unsigned, unsigned, std::string>>;

void addFix(clang::tooling::DiagnosticMessage &M, const Fix &Edits,
            ExportedEdits &Exported) {
  for (const Replacement &R : Edits) {
    if (!Exported.insert({R.File, R.Offset, R.Length, R.Text}).second)
      continue;
    clang::tooling::Replacement Rep(R.File, R.Offset, R.Length, R.Text);
    if (llvm::Error E = M.Fix[R.File].add(Rep))
      llvm::consumeError(std::move(E)); // clang never reports such a fix
  }
}

} // namespace

std::string exportFixesYaml(const std::vector<Finding> &Findings, bool FromNotes,
                            const EditableFile &Editable,
                            const std::string &MainFile) {
  clang::tooling::TranslationUnitDiagnostics TU;
  TU.MainSourceFile = MainFile;
  ExportedEdits Exported;
  for (const Finding &F : Findings) {
    clang::tooling::Diagnostic D;
    D.DiagnosticName = F.Check;
    D.DiagLevel = F.Severity == Level::Error     ? clang::tooling::Diagnostic::Error
                  : F.Severity == Level::Warning ? clang::tooling::Diagnostic::Warning
                                                 : clang::tooling::Diagnostic::Remark;
    D.Message = message(F.Message, F.Loc);
    const Fix *Chosen = chosenFix(F, FromNotes);
    if (Chosen && std::any_of(Chosen->begin(), Chosen->end(), [&](const Replacement &R) {
          return !Editable(R.File);
        }))
      Chosen = nullptr;
    if (Chosen == &F.Fixes)
      addFix(D.Message, F.Fixes, Exported);
    for (const Note &N : F.Notes) {
      D.Notes.push_back(message(N.Message, N.Loc));
      if (Chosen == &N.Fixes)
        addFix(D.Notes.back(), N.Fixes, Exported);
    }
    TU.Diagnostics.push_back(std::move(D));
  }
  std::string Text;
  llvm::raw_string_ostream OS(Text);
  llvm::yaml::Output YAML(OS);
  YAML << TU;
  OS.flush();
  return Text;
}

} // namespace corolint::driver
