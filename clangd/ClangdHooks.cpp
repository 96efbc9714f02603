// Two of clangd's own functions, wrapped at link time (ld --wrap, see
// CMakeLists.txt): clangd's archives call these wrappers, which call the
// originals (__real_...).
//
// - clang::clangd::isFastTidyCheck: clangd runs only the clang-tidy checks
//   its built-in table knows to be fast (FastCheckFilter: Strict, the
//   default) and that table cannot know the coro checks, so a project with
//   a .clang-tidy enabling coro-* and no .clangd showed nothing. The coro
//   checks are declared fast here (they cost a few percent of a parse, see
//   docs/clangd.md); every other check keeps clangd's answer, and a user's
//   FastCheckFilter, Add and Remove settings apply as before.
// - clang::clangd::getTidyOptionsForFile: when the first file is opened
//   whose configuration enables no coro check, says once how to enable
//   them.
//
// Debian ships clangd's archives without their headers: the two functions
// are declared here with their signatures of clangd 19 and 22.
#include "clang-tidy/ClangTidyModule.h"
#include "clang-tidy/ClangTidyModuleRegistry.h"
#include "clang-tidy/ClangTidyOptions.h"
#include "clang-tidy/GlobList.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/Support/raw_ostream.h"
#include <atomic>
#include <optional>
#include <string>
#include <vector>

namespace {

using TidyProviderRef = llvm::function_ref<void(clang::tidy::ClangTidyOptions &,
                                                llvm::StringRef)>;

/// The checks of corolint's module, as registered.
const std::vector<std::string> &coroChecks() {
  static const std::vector<std::string> Names = [] {
    std::vector<std::string> Out;
    for (const auto &Entry : clang::tidy::ClangTidyModuleRegistry::entries()) {
      if (Entry.getName() != "coro-module")
        continue;
      clang::tidy::ClangTidyCheckFactories Factories;
      Entry.instantiate()->addCheckFactories(Factories);
      for (const auto &Factory : Factories)
        Out.push_back(Factory.getKey().str());
    }
    return Out;
  }();
  return Names;
}

bool isCoroCheck(llvm::StringRef Check) {
  for (const std::string &Name : coroChecks())
    if (Check == Name)
      return true;
  return false;
}

/// Whether Checks (clang-tidy's globs) enable any coro check.
bool enablesCoroCheck(llvm::StringRef Checks) {
  clang::tidy::GlobList Globs(Checks);
  for (const std::string &Name : coroChecks())
    if (Globs.contains(Name))
      return true;
  return false;
}

std::atomic<bool> HintShown{false};

} // namespace

// Called by main for --check-tidy-time, which builds the file without any
// check first: not a configuration to hint about.
void corolintClangdNoHint() { HintShown = true; }

std::optional<bool> realIsFastTidyCheck(llvm::StringRef Check) __asm__(
    "__real__ZN5clang6clangd15isFastTidyCheckEN4llvm9StringRefE");
std::optional<bool> wrapIsFastTidyCheck(llvm::StringRef Check) __asm__(
    "__wrap__ZN5clang6clangd15isFastTidyCheckEN4llvm9StringRefE");

std::optional<bool> wrapIsFastTidyCheck(llvm::StringRef Check) {
  if (isCoroCheck(Check))
    return true;
  return realIsFastTidyCheck(Check);
}

clang::tidy::ClangTidyOptions
realGetTidyOptionsForFile(TidyProviderRef Provider, llvm::StringRef File) __asm__(
    "__real__ZN5clang6clangd21getTidyOptionsForFileEN4llvm12function_refIFvRNS_"
    "4tidy16ClangTidyOptionsENS1_9StringRefEEEES6_");
clang::tidy::ClangTidyOptions
wrapGetTidyOptionsForFile(TidyProviderRef Provider, llvm::StringRef File) __asm__(
    "__wrap__ZN5clang6clangd21getTidyOptionsForFileEN4llvm12function_refIFvRNS_"
    "4tidy16ClangTidyOptionsENS1_9StringRefEEEES6_");

clang::tidy::ClangTidyOptions
wrapGetTidyOptionsForFile(TidyProviderRef Provider, llvm::StringRef File) {
  clang::tidy::ClangTidyOptions Options = realGetTidyOptionsForFile(Provider, File);
  if (!HintShown.load(std::memory_order_relaxed) &&
      !enablesCoroCheck(Options.Checks.value_or("")) && !HintShown.exchange(true))
    llvm::errs() << "corolint-clangd: no coro-* check is enabled for '" << File
                 << "': enable them with 'Checks: coro-*' in a .clang-tidy "
                    "file, or 'Diagnostics: {ClangTidy: {Add: [coro-*]}}' in "
                    ".clangd or clangd's config.yaml\n";
  return Options;
}
