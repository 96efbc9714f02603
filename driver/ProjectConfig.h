#ifndef COROLINT_DRIVER_PROJECTCONFIG_H
#define COROLINT_DRIVER_PROJECTCONFIG_H

#include "clang-tidy/ClangTidyOptions.h"
#include <optional>
#include <string>
#include <vector>

namespace corolint::driver {

/// Reads and checks one configuration file (a .clang-tidy, or the
/// --config-file): YAML and keys as clang-tidy parses them, CheckOptions
/// keys of the coro checks against the options those checks know, and the
/// rule files its RuleFiles options name (relative to the file's directory;
/// the result has them absolute). On error returns nullopt and one line
/// "FILE:LINE:COL: problem".
std::optional<clang::tidy::ClangTidyOptions> readConfiguration(const std::string &Path,
                                                               std::string &Error);

/// Checks, once each, the .clang-tidy files clang-tidy would read for
/// Sources (absolute paths): the nearest one above each source and its
/// parents while they say InheritParentConfig. Before any analysis, so that
/// a bad file is one error and exit 2, not one message per translation unit.
bool checkProjectConfigurations(const std::vector<std::string> &Sources,
                                std::string &Error);

/// Whether Path is a rule catalog corolint can load; else a one-line Error.
bool checkRuleFile(const std::string &Path, std::string &Error);

} // namespace corolint::driver

#endif
