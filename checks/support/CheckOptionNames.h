#ifndef COROLINT_SUPPORT_CHECKOPTIONNAMES_H
#define COROLINT_SUPPORT_CHECKOPTIONNAMES_H

#include "clang-tidy/ClangTidyOptions.h"
#include "llvm/ADT/StringRef.h"
#include <string>
#include <vector>

namespace corolint {

/// A CheckOptions key no check knows, and the nearest known key (empty when
/// none is close).
struct UnknownOption {
  std::string Name;
  std::string Suggestion;
};

/// The keys of Given that start with Prefix ("coro-" for the module,
/// "coro-blocking-call." for one check) and are not keys of Known (what the
/// checks' storeOptions() list), in key order. clang-tidy itself only
/// diagnoses misspelt options under --verify-config; the coro checks and the
/// driver report them on every run.
std::vector<UnknownOption>
unknownOptions(const clang::tidy::ClangTidyOptions::OptionMap &Given,
               const clang::tidy::ClangTidyOptions::OptionMap &Known,
               llvm::StringRef Prefix);

/// "unknown check option 'X'; did you mean 'Y'?", worded as clang-tidy's
/// --verify-config words it.
std::string describe(const UnknownOption &U);

} // namespace corolint

#endif
