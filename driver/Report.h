#ifndef COROLINT_DRIVER_REPORT_H
#define COROLINT_DRIVER_REPORT_H

#include "Finding.h"
#include "SourceFile.h"

#include <string>
#include <vector>

namespace corolint::driver {

/// A location resolved against the file's text.
struct ReportLocation {
  std::string File;    // absolute; empty: no location
  std::string Display; // relative to the source root, or absolute
  Position Start;
  Position End;        // exclusive
  bool HasPosition = false;
};

struct ReportNote {
  ReportLocation Loc;
  std::string Message;
};

/// One edit of a fix: the exact region it deletes (empty for an insertion)
/// and the text it inserts there.
struct ReportEdit {
  ReportLocation Deleted;
  std::string Inserted;
};

/// A fix offered for a finding: the finding's own, or one of a note.
struct ReportFix {
  std::string Description;
  bool FromNote = false;
  std::vector<ReportEdit> Edits;
};

enum class BaselineState { None, New, Unchanged };

/// A finding ready for output.
struct ReportItem {
  std::string Check;
  Level Severity = Level::Warning;
  std::string Message;
  ReportLocation Loc;
  std::vector<ReportNote> Notes;
  std::string Function;
  std::string LineHash;    // GitHub's primaryLocationLineHash
  std::string Fingerprint; // corolint/v1
  BaselineState Baseline = BaselineState::None;
  std::vector<ReportFix> Fixes; // the finding's own first, then its notes'
};

struct ReportFailure {
  std::string File;    // the translation unit's main file
  std::string Display;
  ReportItem FirstError;
};

/// What failed, for the text output and SARIF's notification: "'F' did not
/// compile: first error" when the compiler reported errors, else "'F' was
/// not analysed: reason" (a missing file, no compile command, a crash or a
/// timeout of the analysis).
std::string failureText(const ReportFailure &F);

/// Everything the outputs show, in a deterministic order: findings sorted by
/// file, line, column, check and message.
struct Report {
  std::string SourceRoot;
  std::vector<std::string> EnabledChecks;
  std::vector<ReportItem> Items;
  std::vector<ReportItem> CompilerErrors;
  std::vector<ReportFailure> Failures; // sorted by file
  std::vector<std::string> ConfigErrors;
  unsigned FilesAnalysed = 0;
};

/// Resolves positions (byte and UTF-16 columns), display paths and both
/// fingerprints.
Report buildReport(const Analysis &A, const std::string &SourceRoot,
                   SourceCache &Sources);

/// The order of the outputs.
bool outputOrder(const ReportItem &A, const ReportItem &B);

} // namespace corolint::driver

#endif
