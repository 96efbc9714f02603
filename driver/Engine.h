#ifndef COROLINT_DRIVER_ENGINE_H
#define COROLINT_DRIVER_ENGINE_H

#include "Finding.h"

#include "clang-tidy/ClangTidyOptions.h"
#include "clang/Tooling/CompilationDatabase.h"
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace corolint::driver {

/// One translation unit to analyse: the main file as the database spells it
/// and its compile commands (looked up beforehand, on one thread). A field
/// that changes what the child returns must be part of the cache's key
/// (TUCache::keyOf in Cache.cpp).
struct TUJob {
  std::string File;
  std::vector<clang::tooling::CompileCommand> Commands;
  /// Collect the blocking summaries and undecided cross-file calls
  /// (docs/whole-program.md) into TUResult::Summaries.
  bool Summaries = false;
  bool RecordInputs = false; // list the files read in TUResult::Inputs
};

/// A file a translation unit read, and a hash of the content it read
/// (contentHash in Cache.h).
struct InputFile {
  std::string Path; // absolute, as the compiler opened it
  std::string Hash;
};

/// What clang-tidy's engine reported for one translation unit.
struct TUResult {
  std::vector<Finding> Findings;       // the checks' (and enabled warnings)
  std::vector<Finding> CompilerErrors; // errors of the compiler, in order
  std::vector<std::string> ConfigErrors;
  bool Failed = false;                 // the compiler could not finish
  /// With TUJob::Summaries: this translation unit's summaries and pending
  /// calls as the JSON of writeSummaries (support/Summaries.h); empty when
  /// it has none. The parent merges them and decides the pending calls.
  std::string Summaries;
  std::vector<InputFile> Inputs;       // with TUJob::RecordInputs, by path
};

/// Makes the options provider of one translation unit: each TU has its own
/// ClangTidyContext, so that workers share nothing mutable. FS is the file
/// system the TU is compiled with (its working directory is the compile
/// command's, so relative file names find their .clang-tidy); null for the
/// real one.
using OptionsProviderFactory =
    std::function<std::unique_ptr<clang::tidy::ClangTidyOptionsProvider>(
        llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> FS)>;

/// Runs the enabled checks over Job the way clang::tidy::runClangTidy does
/// (per-file ExtraArgs, plugins stripped, __clang_analyzer__ defined,
/// NOLINT and header filters applied by ClangTidyDiagnosticConsumer), with a
/// file system of its own so that threads do not share a working directory,
/// no "Error while processing" lines on stderr, and the extent of every
/// function definition recorded to name the function around each finding.
TUResult analyseTU(const TUJob &Job, const OptionsProviderFactory &Options,
                   llvm::StringRef ResourceDir);

} // namespace corolint::driver

#endif
