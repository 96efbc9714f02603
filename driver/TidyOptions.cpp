#include "TidyOptions.h"
#include "Paths.h"
#include "ProjectConfig.h"
#include "support/RuleFilePaths.h"

#include "clang-tidy/ClangTidy.h"
#include "clang-tidy/GlobList.h"
#include "llvm/Config/llvm-config.h"
#include "llvm/Support/Path.h"
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

bool isRuleFilesKey(llvm::StringRef Key) {
  return Key == "RuleFiles" || Key.ends_with(".RuleFiles");
}

/// What corolint makes of the configuration clang-tidy's provider finds for
/// a file: no source decides the checks (another tool's `Checks:` line
/// neither adds analyzer checks nor turns coro checks off; the last source
/// enables exactly the checks corolint chose), relative RuleFiles entries
/// resolved against the directory of the file that names them, and the
/// --rules files appended to every RuleFiles option (global or a check's).
class CorolintProvider : public ClangTidyOptionsProvider {
public:
  CorolintProvider(std::unique_ptr<ClangTidyOptionsProvider> Inner,
                   std::string Checks, std::string Extra)
      : Inner(std::move(Inner)), Checks(std::move(Checks)), Extra(std::move(Extra)) {}

  const clang::tidy::ClangTidyGlobalOptions &getGlobalOptions() override {
    return Inner->getGlobalOptions();
  }

  std::vector<OptionsSource> getRawOptions(llvm::StringRef File) override {
    std::vector<OptionsSource> Sources = Inner->getRawOptions(File);
    ClangTidyOptions Merged;
    for (OptionsSource &S : Sources) {
      S.first.Checks.reset();
      // Sources other than the built-in ones are named by their file.
      if (llvm::sys::path::is_absolute(S.second))
        for (auto &Entry : S.first.CheckOptions)
          if (isRuleFilesKey(Entry.getKey()))
            Entry.getValue().Value = resolveRuleFiles(
                Entry.getValue().Value, llvm::sys::path::parent_path(S.second));
      Merged.mergeWith(S.first, 0);
    }
    ClangTidyOptions Add;
    Add.Checks = Checks;
    auto Append = [&](llvm::StringRef Key) {
      auto It = Merged.CheckOptions.find(Key);
      std::string Value = Extra;
      if (It != Merged.CheckOptions.end() && !It->getValue().Value.empty())
        Value = It->getValue().Value + ";" + Extra;
      Add.CheckOptions[Key] = ClangTidyOptions::ClangTidyValue(Value);
    };
    if (!Extra.empty()) {
      Append("RuleFiles");
      for (const auto &Entry : Merged.CheckOptions)
        if (Entry.getKey().ends_with(".RuleFiles"))
          Append(Entry.getKey());
    }
    Sources.emplace_back(std::move(Add), "corolint's checks and '--rules'");
    return Sources;
  }

private:
  std::unique_ptr<ClangTidyOptionsProvider> Inner;
  std::string Checks;
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

} // namespace

std::vector<std::string> availableChecks() {
  ClangTidyOptions All;
  All.Checks = "-*,coro-*";
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
    if (Glob.empty() || Glob.starts_with("-"))
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
    return std::make_unique<CorolintProvider>(std::move(P), Self.Defaults.Checks.value_or("-*"),
                                              Self.ExtraRuleFiles);
  };
}

std::vector<std::string> TidyConfiguration::enabledChecks() const {
  return checkNames(Defaults);
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
  // The coro checks, narrowed by the corolint configuration (--config-file)
  // and then --checks; never by the project's .clang-tidy files.
  std::string Globs = "-*,coro-*";
  if (!O.ConfigFile.empty()) {
    C.ConfigFile = readConfiguration(O.ConfigFile, Error);
    if (!C.ConfigFile)
      return std::nullopt;
    if (C.ConfigFile->Checks) {
      std::vector<std::string> Bad = unmatchedGlobs(*C.ConfigFile->Checks, Available);
      if (!Bad.empty()) {
        Error = O.ConfigFile + ": check glob '" + Bad.front() +
                "' in Checks matches no coro check";
        return std::nullopt;
      }
      Globs += "," + *C.ConfigFile->Checks;
      C.ConfigFile->Checks.reset();
    }
  }
  if (O.Checks) {
    std::vector<std::string> Bad = unmatchedGlobs(*O.Checks, Available);
    if (!Bad.empty()) {
      Error = "--checks: '" + Bad.front() +
              "' matches no coro check; 'corolint --list-checks --checks=*' lists them";
      return std::nullopt;
    }
    Globs += "," + *O.Checks;
  }
  std::replace(Globs.begin(), Globs.end(), '\n', ',');
  clang::tidy::GlobList Filter(Globs);
  std::string Checks = "-*";
  for (const std::string &Name : Available)
    if (Filter.contains(Name))
      Checks += "," + Name;
  C.Defaults = ClangTidyOptions::getDefaults();
  C.Defaults.Checks = Checks;
  C.Defaults.WarningsAsErrors = "";
  // Every non-system header: the driver itself keeps the findings of files
  // in the source root (and of the files it was asked to analyse).
  C.Defaults.HeaderFilterRegex = ".*";
  C.Defaults.SystemHeaders = false;
  return C;
}

} // namespace corolint::driver
