#include "CompileDatabase.h"
#include "Paths.h"
#include "support/JsonLocator.h"

#include "clang/Tooling/ArgumentsAdjusters.h"
#include "clang/Tooling/JSONCompilationDatabase.h"
#include "llvm/Config/llvm-config.h"
#include "llvm/Option/ArgList.h"
#include "llvm/Option/OptTable.h"
#if LLVM_VERSION_MAJOR >= 22
#include "clang/Options/Options.h"
#else
#include "clang/Driver/Options.h"
#endif
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/VirtualFileSystem.h"
#include <algorithm>
#include <set>
#include <nlohmann/json.hpp>

namespace corolint::driver {
namespace {

/// nlohmann's "[json.exception.parse_error.101] parse error at line 3,
/// column 5: syntax error ..." without the parts the position replaces.
std::string parseProblem(const std::string &What) {
  llvm::StringRef S = What;
  std::size_t Column = S.find("column ");
  if (Column != llvm::StringRef::npos) {
    std::size_t After = S.find(": ", Column);
    if (After != llvm::StringRef::npos)
      return S.drop_front(After + 2).str();
  }
  return What;
}

std::string at(llvm::StringRef File, llvm::StringRef Text, std::size_t Offset) {
  auto [Line, Column] = lineAndColumn(Text, Offset);
  return File.str() + ":" + std::to_string(Line) + ":" + std::to_string(Column);
}

/// Checks the shape clang's JSON reader expects; returns the files listed.
std::optional<std::vector<DatabaseFile>>
checkShape(llvm::StringRef File, llvm::StringRef Text, std::string &Error) {
  nlohmann::json Doc;
  try {
    Doc = nlohmann::json::parse(Text.begin(), Text.end());
  } catch (const nlohmann::json::parse_error &E) {
    Error = at(File, Text, E.byte ? E.byte - 1 : 0) +
            ": malformed JSON: " + parseProblem(E.what());
    return std::nullopt;
  }
  auto Fail = [&](const JsonPath &P, const std::string &Message) {
    Error = at(File, Text, locateJsonValue(Text, P)) + ": " + Message;
    return std::nullopt;
  };
  if (!Doc.is_array())
    return Fail({}, "expected an array of compile commands");
  std::vector<DatabaseFile> Files;
  for (std::size_t I = 0; I < Doc.size(); ++I) {
    const nlohmann::json &E = Doc[I];
    std::string Entry = "compile command " + std::to_string(I + 1);
    if (!E.is_object())
      return Fail({I}, Entry + " is not an object");
    for (const char *Key : {"directory", "file"}) {
      auto It = E.find(Key);
      if (It == E.end())
        return Fail({I}, Entry + " has no '" + Key + "'");
      if (!It->is_string())
        return Fail({I, std::string(Key)},
                    "expected a string for '" + std::string(Key) + "'");
    }
    auto Command = E.find("command");
    auto Arguments = E.find("arguments");
    if (Command == E.end() && Arguments == E.end())
      return Fail({I}, Entry + " has neither 'command' nor 'arguments'");
    if (Command != E.end() && !Command->is_string())
      return Fail({I, std::string("command")},
                  "expected a string for 'command'");
    if (Arguments != E.end()) {
      bool Strings = Arguments->is_array() &&
                     std::all_of(Arguments->begin(), Arguments->end(),
                                 [](const nlohmann::json &A) { return A.is_string(); });
      if (!Strings)
        return Fail({I, std::string("arguments")},
                    "expected an array of strings for 'arguments'");
    }
    std::string Dir = E["directory"].get<std::string>();
    std::string Src = E["file"].get<std::string>();
    llvm::SmallString<256> Listed(Src);
    if (!llvm::sys::path::is_absolute(Listed)) {
      Listed = Dir;
      llvm::sys::path::append(Listed, Src);
    }
    llvm::sys::path::remove_dots(Listed, /*remove_dot_dot=*/true);
    Files.push_back({std::string(Listed), normalisePath(Listed)});
  }
  if (Files.empty()) {
    Error = File.str() + ": the compilation database lists no files";
    return std::nullopt;
  }
  std::sort(Files.begin(), Files.end(),
            [](const DatabaseFile &A, const DatabaseFile &B) {
              return A.Path < B.Path;
            });
  Files.erase(std::unique(Files.begin(), Files.end(),
                          [](const DatabaseFile &A, const DatabaseFile &B) {
                            return A.Path == B.Path;
                          }),
              Files.end());
  return Files;
}

#if LLVM_VERSION_MAJOR >= 22
namespace ClangOptions = clang::options;
using clang::getDriverOptTable;
#else
namespace ClangOptions = clang::driver::options;
using clang::driver::getDriverOptTable;
#endif

bool clDriver(const std::vector<std::string> &Args) {
  if (Args.empty())
    return false;
  llvm::StringRef Name = llvm::sys::path::stem(Args.front());
  if (Name.ends_with_insensitive("cl"))
    return true;
  return std::find(Args.begin(), Args.end(), "--driver-mode=cl") != Args.end();
}

bool turnsWarningsIntoErrors(llvm::StringRef A) {
  return A == "-Werror" || A.starts_with("-Werror=") || A == "-pedantic-errors" ||
         A == "--pedantic-errors";
}

/// Args without what clang's driver would reject or turn into errors.
std::vector<std::string> clangCompatible(const std::vector<std::string> &Args) {
  if (Args.empty())
    return Args;
  std::vector<bool> Drop(Args.size(), false);
  if (!clDriver(Args)) {
    std::vector<const char *> Raw;
    for (std::size_t I = 1; I < Args.size(); ++I)
      Raw.push_back(Args[I].c_str());
    unsigned MissingIndex = 0, MissingCount = 0;
    llvm::opt::InputArgList Parsed = getDriverOptTable().ParseArgs(
        Raw, MissingIndex, MissingCount,
        llvm::opt::Visibility(ClangOptions::ClangOption));
    for (const llvm::opt::Arg *A : Parsed)
      if (A->getOption().getID() == ClangOptions::OPT_UNKNOWN)
        Drop[A->getIndex() + 1] = true;
  }
  std::vector<std::string> Out;
  bool AfterDashDash = false;
  for (std::size_t I = 0; I < Args.size(); ++I) {
    AfterDashDash = AfterDashDash || Args[I] == "--";
    if (I == 0 || AfterDashDash || !(Drop[I] || turnsWarningsIntoErrors(Args[I])))
      Out.push_back(Args[I]);
  }
  return Out;
}

} // namespace

std::optional<CompileDatabase> loadCompileDatabase(llvm::StringRef BuildPath,
                                                   std::string &Error) {
  llvm::SmallString<256> Json(BuildPath);
  if (llvm::sys::fs::is_directory(Json))
    llvm::sys::path::append(Json, "compile_commands.json");
  else if (!llvm::sys::fs::exists(Json)) {
    Error = "no such build directory: '" + BuildPath.str() + "'";
    return std::nullopt;
  }
  auto Buffer = llvm::MemoryBuffer::getFile(Json, /*IsText=*/true);
  if (!Buffer) {
    if (Buffer.getError() == std::errc::no_such_file_or_directory)
      Error = "no compile_commands.json in '" + BuildPath.str() + "'";
    else
      Error = "cannot read '" + std::string(Json) +
              "': " + Buffer.getError().message();
    return std::nullopt;
  }
  llvm::StringRef Text = (*Buffer)->getBuffer();
  auto Files = checkShape(Json, Text, Error);
  if (!Files)
    return std::nullopt;

  std::string Message;
  std::unique_ptr<clang::tooling::CompilationDatabase> Db =
      clang::tooling::JSONCompilationDatabase::loadFromBuffer(
          Text, Message, clang::tooling::JSONCommandLineSyntax::AutoDetect);
  if (!Db) {
    Error = std::string(Json) + ": " + Message;
    return std::nullopt;
  }
  Db = clang::tooling::expandResponseFiles(
      std::move(Db), llvm::vfs::createPhysicalFileSystem());
  Db = clang::tooling::inferTargetAndDriverMode(
      clang::tooling::inferMissingCompileCommands(std::move(Db)));

  CompileDatabase Result;
  Result.Db = std::move(Db);
  Result.JsonPath = std::string(Json);
  Result.Files = std::move(*Files);
  return Result;
}

std::optional<std::string> findCompileDatabase(llvm::StringRef Dir) {
  return enclosingDirWith(Dir, "compile_commands.json");
}

CompileDatabase fixedCompileDatabase(llvm::ArrayRef<std::string> Args) {
  llvm::SmallString<256> Cwd;
  llvm::sys::fs::current_path(Cwd);
  CompileDatabase Result;
  Result.Db = std::make_unique<clang::tooling::FixedCompilationDatabase>(
      Cwd, std::vector<std::string>(Args.begin(), Args.end()));
  return Result;
}

std::vector<clang::tooling::CompileCommand>
adjustCommands(std::vector<clang::tooling::CompileCommand> Commands,
               llvm::ArrayRef<std::string> ExtraBefore,
               llvm::ArrayRef<std::string> Extra) {
  for (clang::tooling::CompileCommand &C : Commands) {
    std::vector<std::string> Args = clangCompatible(C.CommandLine);
    if (Args.empty()) {
      C.CommandLine = std::move(Args);
      continue;
    }
    auto DashDash = std::find(Args.begin() + 1, Args.end(), "--");
    std::size_t End = DashDash - Args.begin();
    Args.insert(Args.begin() + End, Extra.begin(), Extra.end());
    Args.insert(Args.begin() + End, "-Wno-unknown-warning-option");
    Args.insert(Args.begin() + 1, ExtraBefore.begin(), ExtraBefore.end());
    C.CommandLine = std::move(Args);
  }
  // A file built into several targets with the same options (one command
  // per target, differing only in -o and the dependency file) is analysed
  // once: libTooling drops those options, so each copy would parse the
  // same translation unit again and report the same findings.
  namespace tooling = clang::tooling;
  tooling::ArgumentsAdjuster Analysed = tooling::combineAdjusters(
      tooling::combineAdjusters(tooling::getClangStripOutputAdjuster(),
                                tooling::getClangSyntaxOnlyAdjuster()),
      tooling::getClangStripDependencyFileAdjuster());
  std::set<std::vector<std::string>> Seen;
  llvm::erase_if(Commands, [&](const tooling::CompileCommand &C) {
    if (C.CommandLine.empty())
      return false;
    std::vector<std::string> Key = Analysed(C.CommandLine, C.Filename);
    Key.push_back(C.Directory);
    Key.push_back(C.Filename);
    return !Seen.insert(std::move(Key)).second;
  });
  return Commands;
}

} // namespace corolint::driver
