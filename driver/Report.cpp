#include "Report.h"
#include "Fingerprint.h"
#include "Paths.h"

#include "llvm/ADT/StringExtras.h"
#include <algorithm>
#include <tuple>

namespace corolint::driver {
namespace {

/// Bytes of the token at Offset: an identifier or number, else one
/// character.
unsigned tokenLength(llvm::StringRef Text, unsigned Offset) {
  unsigned I = Offset;
  while (I < Text.size() && (llvm::isAlnum(Text[I]) || Text[I] == '_'))
    ++I;
  if (I > Offset)
    return I - Offset;
  if (Offset >= Text.size() || Text[Offset] == '\n' || Text[Offset] == '\r')
    return 0;
  I = Offset + 1; // one UTF-8 character
  while (I < Text.size() && (static_cast<unsigned char>(Text[I]) & 0xC0) == 0x80)
    ++I;
  return I - Offset;
}

ReportLocation resolve(const Location &L, const std::string &Root,
                       SourceCache &Sources) {
  ReportLocation R;
  if (!L.valid())
    return R;
  R.File = L.File;
  R.Display = displayPath(L.File, Root);
  const SourceFile *S = Sources.get(L.File);
  if (!S)
    return R;
  R.HasPosition = true;
  R.Start = S->position(L.Offset);
  unsigned Length = L.Length ? L.Length : tokenLength(S->text(), L.Offset);
  R.End = S->position(L.Offset + Length);
  if (R.End.Line == R.Start.Line && R.End.Column <= R.Start.Column) {
    R.End.Column = R.Start.Column + 1;
    R.End.Utf16Column = R.Start.Utf16Column + 1;
  }
  return R;
}

/// The exact range [Offset, Offset + Length) of File, empty when Length is 0.
ReportLocation resolveExact(const std::string &File, unsigned Offset,
                            unsigned Length, const std::string &Root,
                            SourceCache &Sources) {
  ReportLocation R;
  R.File = File;
  R.Display = displayPath(File, Root);
  if (const SourceFile *S = Sources.get(File)) {
    R.HasPosition = true;
    R.Start = S->position(Offset);
    R.End = S->position(Offset + Length);
  }
  return R;
}

/// Text on one line, whitespace runs collapsed, at most 60 bytes.
std::string shortText(llvm::StringRef Text) {
  std::string Out;
  for (char C : Text.trim()) {
    bool Space = C == ' ' || C == '\t' || C == '\n' || C == '\r';
    if (Space && !Out.empty() && Out.back() == ' ')
      continue;
    Out.push_back(Space ? ' ' : C);
  }
  if (Out.size() > 60)
    Out = Out.substr(0, 57) + "...";
  return Out;
}

/// "Replace 'old' with 'new'" for the largest edit of a fix, for the fixes
/// of findings (a note's fix is described by the note).
std::string describeFix(const Fix &Edits, SourceCache &Sources) {
  const Replacement *Main = nullptr;
  for (const Replacement &E : Edits)
    if (!Main || E.Length + E.Text.size() > Main->Length + Main->Text.size())
      Main = &E;
  if (!Main)
    return "";
  std::string Old;
  if (const SourceFile *S = Sources.get(Main->File))
    Old = shortText(S->text().substr(Main->Offset, Main->Length));
  std::string S = Old.empty()          ? "Insert '" + shortText(Main->Text) + "'"
                  : Main->Text.empty() ? "Delete '" + Old + "'"
                                       : "Replace '" + Old + "' with '" +
                                             shortText(Main->Text) + "'";
  if (Edits.size() > 1)
    S += " (and " + std::to_string(Edits.size() - 1) +
         (Edits.size() == 2 ? " other edit)" : " other edits)");
  return S;
}

ReportFix fixOf(const Fix &Edits, std::string Description, bool FromNote,
                const std::string &Root, SourceCache &Sources) {
  ReportFix Out{std::move(Description), FromNote, {}};
  for (const Replacement &E : Edits)
    Out.Edits.push_back(
        {resolveExact(E.File, E.Offset, E.Length, Root, Sources), E.Text});
  return Out;
}

unsigned occurrence(const SourceFile &S, const EnclosingFunction &F,
                    unsigned Line) {
  unsigned First = 1;
  if (!F.Name.empty())
    First = S.position(F.Begin).Line;
  std::string Wanted = normaliseLine(S.line(Line));
  unsigned N = 0;
  for (unsigned L = First; L <= Line; ++L)
    if (normaliseLine(S.line(L)) == Wanted)
      ++N;
  return N;
}

ReportItem item(const Finding &F, const std::string &Root,
                SourceCache &Sources) {
  ReportItem I;
  I.Check = F.Check;
  I.Severity = F.Severity;
  I.Message = F.Message;
  I.Function = F.Function.Name;
  I.Loc = resolve(F.Loc, Root, Sources);
  for (const Note &N : F.Notes)
    I.Notes.push_back({resolve(N.Loc, Root, Sources), N.Message});
  if (!F.Fixes.empty())
    I.Fixes.push_back(fixOf(F.Fixes, describeFix(F.Fixes, Sources), false, Root, Sources));
  for (const Note &N : F.Notes)
    if (!N.Fixes.empty())
      I.Fixes.push_back(fixOf(N.Fixes, N.Message, true, Root, Sources));
  if (I.Loc.HasPosition) {
    const SourceFile &S = *Sources.get(F.Loc.File);
    unsigned Line = I.Loc.Start.Line;
    I.LineHash = S.lineHash(Line);
    StableFingerprintInput In;
    In.Rule = F.Check;
    In.Path = I.Loc.Display;
    In.Function = F.Function.Name;
    In.Line = S.line(Line);
    In.Column = I.Loc.Start.Column;
    In.Occurrence = occurrence(S, F.Function, Line);
    I.Fingerprint = stableFingerprint(In);
  }
  return I;
}

auto sortKey(const ReportItem &I) {
  return std::tie(I.Loc.Display, I.Loc.Start.Line, I.Loc.Start.Column, I.Check,
                  I.Message);
}

} // namespace

bool outputOrder(const ReportItem &A, const ReportItem &B) {
  return sortKey(A) < sortKey(B);
}

Report buildReport(const Analysis &A, const std::string &SourceRoot,
                   SourceCache &Sources) {
  Report R;
  R.SourceRoot = SourceRoot;
  R.FilesAnalysed = A.Files.size();
  for (const Finding &F : A.Findings)
    R.Items.push_back(item(F, SourceRoot, Sources));
  for (const Finding &F : A.CompilerErrors)
    R.CompilerErrors.push_back(item(F, SourceRoot, Sources));
  for (const TUFailure &T : A.Failures)
    R.Failures.push_back({T.File, displayPath(T.File, SourceRoot),
                          item(T.FirstError, SourceRoot, Sources)});
  std::stable_sort(R.Items.begin(), R.Items.end(), outputOrder);
  std::stable_sort(R.CompilerErrors.begin(), R.CompilerErrors.end(), outputOrder);
  std::stable_sort(R.Failures.begin(), R.Failures.end(),
                   [](const ReportFailure &X, const ReportFailure &Y) {
                     return X.Display < Y.Display;
                   });
  R.ConfigErrors = A.ConfigErrors;
  return R;
}

std::string failureText(const ReportFailure &F) {
  // The driver's own failures (a crash, a timeout) are not the compiler's.
  if (F.FirstError.Loc.HasPosition && F.FirstError.Check != "corolint")
    return "'" + F.Display + "' did not compile: " + F.FirstError.Message;
  return "'" + F.Display + "' was not analysed: " + F.FirstError.Message;
}

} // namespace corolint::driver
