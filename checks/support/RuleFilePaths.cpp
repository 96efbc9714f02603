#include "support/RuleFilePaths.h"
#include "support/NameList.h"

#include "clang-tidy/ClangTidyOptions.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"

namespace corolint {
namespace {

std::string absoluteIn(llvm::StringRef Entry, llvm::StringRef Dir) {
  if (Entry.empty() || llvm::sys::path::is_absolute(Entry) || Dir.empty())
    return Entry.str();
  llvm::SmallString<256> P(Dir);
  llvm::sys::path::append(P, Entry);
  llvm::sys::path::remove_dots(P, /*remove_dot_dot=*/true);
  return std::string(P);
}

/// Whether the configuration file Path names Entry in an Option option
/// (global or a check's).
bool namesRuleFile(llvm::StringRef Path, llvm::StringRef Entry,
                   llvm::StringRef Option) {
  auto Buffer = llvm::MemoryBuffer::getFile(Path, /*IsText=*/true);
  if (!Buffer)
    return false;
  // Invalid files are clang-tidy's to report.
  auto Parsed = clang::tidy::parseConfigurationWithDiags(
      llvm::MemoryBufferRef((*Buffer)->getBuffer(), Path),
      [](const llvm::SMDiagnostic &) {});
  if (!Parsed)
    return false;
  for (const auto &Setting : Parsed->CheckOptions) {
    llvm::StringRef Key = Setting.getKey();
    if (Key != Option && !(Key.ends_with(Option) &&
                           Key.drop_back(Option.size()).ends_with(".")))
      continue;
    for (const std::string &Item : splitOptionList(Setting.getValue().Value))
      if (Item == Entry)
        return true;
  }
  return false;
}

} // namespace

std::string resolveRuleFiles(llvm::StringRef List, llvm::StringRef BaseDir) {
  std::string Out;
  for (const std::string &Item : splitOptionList(List))
    Out += (Out.empty() ? "" : ";") + absoluteIn(Item, BaseDir);
  return Out;
}

std::vector<std::string> resolveRuleFilesFor(const std::vector<std::string> &Files,
                                             llvm::StringRef MainFile,
                                             llvm::StringRef Option) {
  std::vector<std::string> Out;
  llvm::SmallString<256> Start(MainFile);
  llvm::sys::fs::make_absolute(Start);
  llvm::sys::path::remove_filename(Start);
  for (const std::string &F : Files) {
    std::string Resolved = F;
    if (!llvm::sys::path::is_absolute(F) && !MainFile.empty())
      for (llvm::StringRef Dir = Start; !Dir.empty();
           Dir = llvm::sys::path::parent_path(Dir)) {
        llvm::SmallString<256> Config(Dir);
        llvm::sys::path::append(Config, ".clang-tidy");
        if (llvm::sys::fs::is_regular_file(Config) && namesRuleFile(Config, F, Option)) {
          Resolved = absoluteIn(F, Dir);
          break;
        }
      }
    Out.push_back(std::move(Resolved));
  }
  return Out;
}

} // namespace corolint
