#ifndef COROLINT_SUPPORT_RULEFILEPATHS_H
#define COROLINT_SUPPORT_RULEFILEPATHS_H

#include "llvm/ADT/StringRef.h"
#include <string>
#include <vector>

namespace corolint {

/// One rule for relative `RuleFiles` entries in every front end: they are
/// relative to the directory of the configuration file that names them.

/// The ';'-joined List with each relative entry made absolute against
/// BaseDir (the naming configuration file's directory).
std::string resolveRuleFiles(llvm::StringRef List, llvm::StringRef BaseDir);

/// The entries of Files, relative ones resolved against the directory of
/// the nearest `.clang-tidy` at or above the directory of MainFile whose
/// RuleFiles options (global or a check's) name that entry: the front ends
/// that only see merged options (clang-tidy with the plugin, clangd) find
/// the naming file this way. Entries no such file names (clang-tidy's
/// --config) stay relative to the working directory. Option names the
/// option for other lists of files (SummaryFiles).
std::vector<std::string> resolveRuleFilesFor(const std::vector<std::string> &Files,
                                             llvm::StringRef MainFile,
                                             llvm::StringRef Option = "RuleFiles");

} // namespace corolint

#endif
