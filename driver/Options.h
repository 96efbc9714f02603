#ifndef COROLINT_DRIVER_OPTIONS_H
#define COROLINT_DRIVER_OPTIONS_H

#include "llvm/ADT/ArrayRef.h"
#include <optional>
#include <string>
#include <vector>

namespace corolint::driver {

enum class OutputFormat { Text, Sarif };

/// Result levels, ordered: a finding counts for the exit status when its
/// level is at least the --fail-on level.
enum class Level { Note = 1, Warning = 2, Error = 3 };

enum class ProgressMode { Auto, Always, Never };

/// The command line of `corolint`, parsed but not yet checked against the
/// file system.
struct Options {
  enum class Action { Analyse, Merge, Summarize, ListChecks, Version, Help };
  Action Mode = Action::Analyse;

  std::string BuildPath;                  // -p
  std::vector<std::string> Files;         // positional: sources, or merge inputs
  bool HasCompilerArgs = false;           // "--" was given
  std::vector<std::string> CompilerArgs;  // after "--"

  std::optional<std::string> Checks;      // --checks
  std::string ConfigFile;                 // --config-file
  std::vector<std::string> RuleFiles;     // --rules, repeatable
  std::vector<std::string> ExtraArgs;     // --extra-arg, repeatable
  std::vector<std::string> ExtraArgsBefore; // --extra-arg-before, repeatable
  unsigned Jobs = 0;                      // -j; 0 means every core
  OutputFormat Format = OutputFormat::Text;
  std::string OutputFile;                 // -o
  std::string SarifFile;                  // --sarif
  std::string SourceRoot;                 // --source-root
  std::string Baseline;                   // --baseline
  std::optional<Level> FailOn = Level::Warning; // nullopt: --fail-on=none
  ProgressMode Progress = ProgressMode::Auto;
  std::string Category;                   // --category
  unsigned ShardIndex = 0;                // --shard=K/N: K (1-based)
  unsigned ShardCount = 0;                //                N; 0: no sharding
  unsigned MergeShards = 0;               // merge --shards=N; 0: any logs
  unsigned TimeoutSeconds = 0;            // --timeout; 0: none
  bool Fix = false;                       // --fix (or --fix-notes)
  bool FixNotes = false;                  // --fix-notes
  std::string ExportFixes;                // --export-fixes
  bool CrossTU = true;                    // --cross-tu=on|off
  std::string SummariesOut;               // --summaries-out
  std::string SummariesIn;                // --summaries (second pass)
  bool MergeSummaries = false;            // summarize --merge
  std::string CacheDir;                   // --cache-dir; empty: no cache
};

/// Parses the arguments after the program name. On a usage error, returns
/// nullopt and sets Error to a one-line message (no "error:" prefix).
std::optional<Options> parseOptions(llvm::ArrayRef<std::string> Args,
                                    std::string &Error);

/// The text of --help.
std::string helpText();

} // namespace corolint::driver

#endif
