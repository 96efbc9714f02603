#ifndef COROLINT_DRIVER_TIDYOPTIONS_H
#define COROLINT_DRIVER_TIDYOPTIONS_H

#include "Engine.h"
#include "Options.h"

#include "clang-tidy/ClangTidyOptions.h"
#include <optional>
#include <string>
#include <vector>

namespace corolint::driver {

/// clang-tidy's configuration for a corolint run: defaults (every non-system
/// header), then the .clang-tidy files above each source (or --config-file
/// instead) for CheckOptions, HeaderFilterRegex and the like, with relative
/// RuleFiles entries resolved against the file naming them and the --rules
/// catalogs appended. The checks are corolint's choice alone: coro-*,
/// narrowed by the --config-file's Checks and then --checks; the Checks of
/// .clang-tidy files (often another tool's) are ignored.
class TidyConfiguration {
public:
  /// A fresh provider per call (providers cache and are not thread-safe).
  OptionsProviderFactory providerFactory() const;

  /// The checks enabled (the same for every file), sorted.
  std::vector<std::string> enabledChecks() const;

  clang::tidy::ClangTidyGlobalOptions Global;
  clang::tidy::ClangTidyOptions Defaults; // Checks: "-*,<each enabled check>"
  clang::tidy::ClangTidyOptions Overrides;
  std::optional<clang::tidy::ClangTidyOptions> ConfigFile;
  std::string ExtraRuleFiles; // ';'-joined absolute paths
};

/// Checks the parts of the configuration the command line names (rule
/// files, the configuration file, the check globs) and builds it. On error
/// returns nullopt and a one-line Error naming the file or option.
std::optional<TidyConfiguration>
makeTidyConfiguration(const Options &O, std::string &Error);

/// Every coro check, sorted (corolint never runs another check).
std::vector<std::string> availableChecks();

/// The positive globs of Globs (a clang-tidy Checks value) that match none
/// of Available.
std::vector<std::string> unmatchedGlobs(llvm::StringRef Globs,
                                        const std::vector<std::string> &Available);

} // namespace corolint::driver

#endif
