#ifndef COROLINT_DRIVER_FINDING_H
#define COROLINT_DRIVER_FINDING_H

#include "Options.h"
#include "support/Summaries.h"

#include <string>
#include <vector>

namespace corolint::driver {

/// A place in a source file as the engine reports it: an absolute,
/// normalised path and a byte range. An empty File means no location
/// (configuration errors, driver errors).
struct Location {
  std::string File;
  unsigned Offset = 0;
  unsigned Length = 0; // 0: the range is unknown

  bool valid() const { return !File.empty(); }
};

/// One edit of a fix: the bytes [Offset, Offset + Length) of File (absolute,
/// normalised) become Text. Length 0 is an insertion.
struct Replacement {
  std::string File;
  unsigned Offset = 0;
  unsigned Length = 0;
  std::string Text;
};

/// The edits of one fix-it, in the order clang reported them (sorted by
/// file and offset, none overlapping another).
using Fix = std::vector<Replacement>;

struct Note {
  Location Loc;
  std::string Message;
  Fix Fixes; // a fix attached to the note (applied with --fix-notes)
};

/// The function definition around a finding, for fingerprints that survive
/// lines moving.
struct EnclosingFunction {
  std::string Name; // qualified name and parameter types; empty if none
  unsigned Begin = 0;
  unsigned End = 0;
};

/// One diagnostic of a check (or of the compiler) with its notes.
struct Finding {
  std::string Check; // "coro-blocking-call", "clang-diagnostic-error"
  Level Severity = Level::Warning;
  std::string Message;
  Location Loc;
  std::vector<Note> Notes;
  EnclosingFunction Function;
  Fix Fixes; // the fix of the finding itself (applied with --fix)
};

/// A translation unit that could not be analysed completely.
struct TUFailure {
  std::string File;  // the main file
  Finding FirstError; // Check "clang-diagnostic-error"; may lack a location
};

/// What analysing a set of translation units produced.
struct Analysis {
  std::vector<Finding> Findings;       // the checks', deduplicated
  std::vector<Finding> CompilerErrors; // deduplicated
  std::vector<TUFailure> Failures;     // in the order of the files
  std::vector<std::string> ConfigErrors; // deduplicated, in first-seen order
  std::vector<std::string> Files;      // analysed main files, in order
  SummarySet Summaries; // merged over the translation units (--cross-tu)
};

} // namespace corolint::driver

#endif
