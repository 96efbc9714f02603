#include "ProjectConfig.h"
#include "support/CheckOptionNames.h"
#include "support/JsonLocator.h"
#include "support/NameList.h"
#include "support/RuleCatalog.h"
#include "support/RuleFilePaths.h"

#include "clang-tidy/ClangTidy.h"
#include "llvm/Config/llvm-config.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/SourceMgr.h"
#include <set>

namespace corolint::driver {
namespace {

using clang::tidy::ClangTidyOptions;

/// Every option of every coro check, with its default.
const ClangTidyOptions::OptionMap &knownCoroOptions() {
  static const ClangTidyOptions::OptionMap Known = [] {
    ClangTidyOptions All = ClangTidyOptions::getDefaults();
    All.Checks = "-*,coro-*";
#if LLVM_VERSION_MAJOR >= 22
    return clang::tidy::getCheckOptions(All, false, false);
#else
    return clang::tidy::getCheckOptions(All, false);
#endif
  }();
  return Known;
}

/// "FILE:LINE:COL" of the first spelling of Key in Text (the key of a
/// CheckOptions entry), or "FILE" when it is not spelt there.
std::string at(llvm::StringRef File, llvm::StringRef Text, llvm::StringRef Key) {
  std::size_t Offset = Text.find(Key);
  if (Offset == llvm::StringRef::npos)
    return File.str();
  auto [Line, Column] = lineAndColumn(Text, Offset);
  return File.str() + ":" + std::to_string(Line) + ":" + std::to_string(Column);
}

} // namespace

bool checkRuleFile(const std::string &Path, std::string &Error) {
  auto Buffer = llvm::MemoryBuffer::getFile(Path, /*IsText=*/true);
  if (!Buffer) {
    Error = "cannot read rule file '" + Path + "': " + Buffer.getError().message();
    return false;
  }
  RuleCatalog Scratch;
  std::vector<RuleError> Errors;
  if (!Scratch.addFile(Path, (*Buffer)->getBuffer(), Errors)) {
    Error = "invalid rule file: " + (Errors.empty() ? Path : Errors.front().str());
    return false;
  }
  return true;
}

std::optional<ClangTidyOptions> readConfiguration(const std::string &Path,
                                                  std::string &Error) {
  auto Buffer = llvm::MemoryBuffer::getFile(Path, /*IsText=*/true);
  if (!Buffer) {
    Error = "cannot read configuration file '" + Path +
            "': " + Buffer.getError().message();
    return std::nullopt;
  }
  llvm::StringRef Text = (*Buffer)->getBuffer();
  std::string Problem;
  auto Parsed = clang::tidy::parseConfigurationWithDiags(
      llvm::MemoryBufferRef(Text, Path), [&](const llvm::SMDiagnostic &D) {
        if (Problem.empty())
          Problem = Path + ":" + std::to_string(D.getLineNo()) + ":" +
                    std::to_string(D.getColumnNo() + 1) + ": " + D.getMessage().str();
      });
  if (!Parsed) {
    Error = "invalid configuration file " +
            (Problem.empty() ? "'" + Path + "': " + Parsed.getError().message()
                             : Problem);
    return std::nullopt;
  }
  std::vector<UnknownOption> Unknown =
      unknownOptions(Parsed->CheckOptions, knownCoroOptions(), "coro-");
  if (!Unknown.empty()) {
    Error = at(Path, Text, Unknown.front().Name) + ": " + describe(Unknown.front());
    return std::nullopt;
  }
  llvm::StringRef Dir = llvm::sys::path::parent_path(Path);
  for (auto &Entry : Parsed->CheckOptions) {
    llvm::StringRef Key = Entry.getKey();
    if (Key != "RuleFiles" && !Key.ends_with(".RuleFiles"))
      continue;
    std::string &Value = Entry.getValue().Value;
    Value = resolveRuleFiles(Value, Dir);
    for (const std::string &File : splitOptionList(Value)) {
      std::string Problem;
      if (!checkRuleFile(File, Problem)) {
        Error = at(Path, Text, Key) + ": " + Problem;
        return std::nullopt;
      }
    }
  }
  return *Parsed;
}

bool checkProjectConfigurations(const std::vector<std::string> &Sources,
                                std::string &Error) {
  std::set<std::string> SeenDirs;
  for (const std::string &Source : Sources) {
    llvm::SmallString<256> Start(Source);
    llvm::sys::fs::make_absolute(Start);
    llvm::sys::path::remove_filename(Start);
    for (llvm::StringRef Dir = Start; !Dir.empty();
         Dir = llvm::sys::path::parent_path(Dir)) {
      if (!SeenDirs.insert(Dir.str()).second)
        break; // this directory and its parents are done
      llvm::SmallString<256> Config(Dir);
      llvm::sys::path::append(Config, ".clang-tidy");
      if (!llvm::sys::fs::exists(Config))
        continue;
      std::optional<ClangTidyOptions> Parsed = readConfiguration(std::string(Config), Error);
      if (!Parsed)
        return false;
      if (!Parsed->InheritParentConfig.value_or(false))
        break;
    }
  }
  return true;
}

} // namespace corolint::driver
