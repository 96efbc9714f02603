#include "TidyOptions.h"
#include "Paths.h"
#include "support/RuleCatalog.h"

#include "clang-tidy/ClangTidy.h"
#include "clang-tidy/GlobList.h"
#include "llvm/Config/llvm-config.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/SourceMgr.h"
#include <algorithm>

// The coro module registers itself from an object file of the check
// library; this reference keeps that file in every program that links the
// driver.
extern volatile int CorolintModuleAnchorSource;
static int CorolintModuleAnchorDestination = CorolintModuleAnchorSource;

namespace corolint::driver {
namespace {

using clang::tidy::ClangTidyOptions;
using clang::tidy::ClangTidyOptionsProvider;

/// Appends the --rules files to whatever RuleFiles the configuration of a
/// file has (the global option and any check's own).
class RuleFilesProvider : public ClangTidyOptionsProvider {
public:
  RuleFilesProvider(std::unique_ptr<ClangTidyOptionsProvider> Inner,
                    std::string Extra)
      : Inner(std::move(Inner)), Extra(std::move(Extra)) {}

  const clang::tidy::ClangTidyGlobalOptions &getGlobalOptions() override {
    return Inner->getGlobalOptions();
  }

  std::vector<OptionsSource> getRawOptions(llvm::StringRef File) override {
    std::vector<OptionsSource> Sources = Inner->getRawOptions(File);
    ClangTidyOptions Merged;
    for (const OptionsSource &S : Sources)
      Merged.mergeWith(S.first, 0);
    ClangTidyOptions Add;
    auto Append = [&](llvm::StringRef Key) {
      auto It = Merged.CheckOptions.find(Key);
      std::string Value = Extra;
      if (It != Merged.CheckOptions.end() && !It->getValue().Value.empty())
        Value = It->getValue().Value + ";" + Extra;
      Add.CheckOptions[Key] = ClangTidyOptions::ClangTidyValue(Value);
    };
    Append("RuleFiles");
    for (const auto &Entry : Merged.CheckOptions)
      if (Entry.getKey().ends_with(".RuleFiles"))
        Append(Entry.getKey());
    Sources.emplace_back(std::move(Add), "command-line option '--rules'");
    return Sources;
  }

private:
  std::unique_ptr<ClangTidyOptionsProvider> Inner;
  std::string Extra;
};

std::vector<std::string> checkNames(const ClangTidyOptions &Opts) {
  (void)CorolintModuleAnchorDestination;
#if LLVM_VERSION_MAJOR >= 22
  return clang::tidy::getCheckNames(Opts, /*AllowEnablingAnalyzerAlphaCheckers=*/false,
                                    /*ExperimentalCustomChecks=*/false);
#else
  return clang::tidy::getCheckNames(Opts, /*AllowEnablingAnalyzerAlphaCheckers=*/false);
#endif
}

bool checkRuleFile(const std::string &Path, std::string &Error) {
  auto Buffer = llvm::MemoryBuffer::getFile(Path, /*IsText=*/true);
  if (!Buffer) {
    Error = "cannot read rule file '" + Path + "': " + Buffer.getError().message();
    return false;
  }
  RuleCatalog Scratch;
  std::vector<RuleError> Errors;
  if (!Scratch.addFile(Path, (*Buffer)->getBuffer(), Errors)) {
    Error = "invalid rule file: " +
            (Errors.empty() ? Path : Errors.front().str());
    return false;
  }
  return true;
}

std::optional<ClangTidyOptions> readConfigFile(const std::string &Path,
                                               std::string &Error) {
  auto Buffer = llvm::MemoryBuffer::getFile(Path, /*IsText=*/true);
  if (!Buffer) {
    Error = "cannot read configuration file '" + Path +
            "': " + Buffer.getError().message();
    return std::nullopt;
  }
  std::string Problem;
  auto Parsed = clang::tidy::parseConfigurationWithDiags(
      llvm::MemoryBufferRef((*Buffer)->getBuffer(), Path),
      [&](const llvm::SMDiagnostic &D) {
        if (Problem.empty())
          Problem = Path + ":" + std::to_string(D.getLineNo()) + ":" +
                    std::to_string(D.getColumnNo() + 1) + ": " +
                    D.getMessage().str();
      });
  if (!Parsed) {
    Error = "invalid configuration file " +
            (Problem.empty() ? "'" + Path + "': " + Parsed.getError().message()
                             : Problem);
    return std::nullopt;
  }
  return *Parsed;
}

} // namespace

std::vector<std::string> availableChecks() {
  ClangTidyOptions All;
  All.Checks = "*";
  return checkNames(All);
}

std::vector<std::string> unmatchedGlobs(llvm::StringRef Globs,
                                        const std::vector<std::string> &Available) {
  std::vector<std::string> Unmatched;
  std::string List = Globs.str();
  std::replace(List.begin(), List.end(), '\n', ',');
  llvm::SmallVector<llvm::StringRef, 8> Items;
  llvm::StringRef(List).split(Items, ',', -1, /*KeepEmpty=*/false);
  for (llvm::StringRef Glob : Items) {
    Glob = Glob.trim();
    if (Glob.empty() || Glob.starts_with("-") ||
        Glob.starts_with("clang-diagnostic-"))
      continue;
    clang::tidy::GlobList G(Glob);
    bool Matches = false;
    for (const std::string &Name : Available)
      Matches = Matches || G.contains(Name);
    if (!Matches)
      Unmatched.push_back(Glob.str());
  }
  return Unmatched;
}

OptionsProviderFactory TidyConfiguration::providerFactory() const {
  TidyConfiguration Self = *this;
  return [Self](llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> FS)
             -> std::unique_ptr<ClangTidyOptionsProvider> {
    std::unique_ptr<ClangTidyOptionsProvider> P;
    if (Self.ConfigFile)
      P = std::make_unique<clang::tidy::ConfigOptionsProvider>(
          Self.Global, Self.Defaults, *Self.ConfigFile, Self.Overrides, FS);
    else
      P = std::make_unique<clang::tidy::FileOptionsProvider>(
          Self.Global, Self.Defaults, Self.Overrides, FS);
    if (!Self.ExtraRuleFiles.empty())
      P = std::make_unique<RuleFilesProvider>(std::move(P), Self.ExtraRuleFiles);
    return P;
  };
}

std::vector<std::string>
TidyConfiguration::enabledChecks(const std::string &Dir) const {
  std::unique_ptr<ClangTidyOptionsProvider> P = providerFactory()(nullptr);
  return checkNames(P->getOptions(Dir + "/corolint-check-list.cpp"));
}

std::optional<TidyConfiguration>
makeTidyConfiguration(const Options &O, std::string &Error) {
  TidyConfiguration C;
  for (const std::string &File : O.RuleFiles) {
    if (!checkRuleFile(File, Error))
      return std::nullopt;
    C.ExtraRuleFiles += (C.ExtraRuleFiles.empty() ? "" : ";") + normalisePath(File);
  }
  std::vector<std::string> Available = availableChecks();
  if (!O.ConfigFile.empty()) {
    C.ConfigFile = readConfigFile(O.ConfigFile, Error);
    if (!C.ConfigFile)
      return std::nullopt;
    if (C.ConfigFile->Checks) {
      std::vector<std::string> Bad = unmatchedGlobs(*C.ConfigFile->Checks, Available);
      if (!Bad.empty()) {
        Error = O.ConfigFile + ": check glob '" + Bad.front() +
                "' in Checks matches no check";
        return std::nullopt;
      }
    }
  }
  if (O.Checks) {
    std::vector<std::string> Bad = unmatchedGlobs(*O.Checks, Available);
    if (!Bad.empty()) {
      Error = "--checks: '" + Bad.front() +
              "' matches no check; 'corolint --list-checks --checks=*' lists them";
      return std::nullopt;
    }
    C.Overrides.Checks = *O.Checks;
  }
  C.Defaults = ClangTidyOptions::getDefaults();
  C.Defaults.Checks = "-*,coro-*";
  C.Defaults.WarningsAsErrors = "";
  // Every non-system header: the driver itself keeps the findings of files
  // in the source root (and of the files it was asked to analyse).
  C.Defaults.HeaderFilterRegex = ".*";
  C.Defaults.SystemHeaders = false;
  return C;
}

} // namespace corolint::driver
