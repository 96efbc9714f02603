#ifndef COROLINT_DRIVER_FIXES_H
#define COROLINT_DRIVER_FIXES_H

#include "Finding.h"
#include "SourceFile.h"

#include <functional>
#include <map>
#include <string>
#include <vector>

namespace corolint::driver {

/// The fix --fix applies for F: its own; with FromNotes (--fix-notes), when
/// it has none, the fix of its one note that has a fix (clang-tidy's rule:
/// none when several notes offer one). Null when there is none.
const Fix *chosenFix(const Finding &F, bool FromNotes);

/// Whether fixes may edit File (absolute, normalised): files of the project.
using EditableFile = std::function<bool(const std::string &File)>;

/// What applying the chosen fixes of a run would do.
struct FixPlan {
  /// The new text of each file that changes, by absolute path.
  std::map<std::string, std::string> NewText;
  /// How many findings' fixes each changed file receives.
  std::map<std::string, unsigned> Applied;
  /// One line per problem ("the fixes of ... overlap; no fix applied in
  /// F"), without an "error:" prefix.
  std::vector<std::string> Errors;
};

/// Plans the chosen fixes of Findings, all or nothing per file: when two
/// findings' edits of a file conflict, no fix is applied in that file (and
/// a finding whose fix also edits such a file is applied nowhere). Edits
/// conflict when their ranges overlap, when one inserts strictly inside
/// another's range, or when both insert different text at one offset;
/// identical edits (the same #include twice) count once. A fix that edits
/// a file that is not Editable, or past a file's end, is not applied.
/// Root makes the names of the messages relative.
FixPlan planFixes(const std::vector<Finding> &Findings, bool FromNotes,
                  const EditableFile &Editable, const std::string &Root,
                  SourceCache &Sources);

/// Writes a plan's files, each atomically (a temporary file renamed over
/// it, its permissions kept). Returns the lines to report: "N fixes
/// applied in F" for each file written, and an error line for each file
/// that could not be; Failed is set when one could not.
std::vector<std::string> writeFixes(const FixPlan &Plan, const std::string &Root,
                                    bool &Failed);

/// The findings and their chosen fixes as clang-tidy's --export-fixes
/// writes them: a clang::tooling::TranslationUnitDiagnostics in YAML (what
/// clang-apply-replacements reads). A fix that edits a file that is not
/// Editable is left out; with FromNotes the chosen fix of a note stays on
/// its note, other notes' fixes are left out; an edit identical to one of an
/// earlier finding (the same #include) is written once, as --fix applies it
/// once. MainFile may be empty (several translation units).
std::string exportFixesYaml(const std::vector<Finding> &Findings, bool FromNotes,
                            const EditableFile &Editable,
                            const std::string &MainFile);

} // namespace corolint::driver

#endif
