#include "DriverSupport.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Program.h"
#include "llvm/Support/raw_ostream.h"
#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>
#include <sstream>
#include <unistd.h> // environ

namespace corolint::test {

std::string sourcePath(const std::string &Rel) {
  return std::string(COROLINT_SOURCE_DIR) + "/" + Rel;
}

std::string scratchDir(const std::string &Name) {
  std::string Dir = std::string(COROLINT_TEST_SCRATCH_DIR) + "/" + Name;
  // std::filesystem, not llvm::sys::fs::remove_directories: an earlier
  // run's FIFOs must go too, or the next run's mkfifo fails.
  std::error_code Ignored;
  std::filesystem::remove_all(Dir, Ignored);
  EXPECT_FALSE(llvm::sys::fs::create_directories(Dir)) << Dir;
  return Dir;
}

void writeFile(const std::string &Path, const std::string &Content) {
  llvm::sys::fs::create_directories(llvm::sys::path::parent_path(Path));
  std::ofstream OS(Path, std::ios::binary);
  OS << Content;
  ASSERT_TRUE(OS.good()) << Path;
}

std::string readFile(const std::string &Path) {
  auto Buffer = llvm::MemoryBuffer::getFile(Path, /*IsText=*/false,
                                            /*RequiresNullTerminator=*/false);
  if (!Buffer) {
    ADD_FAILURE() << "cannot read " << Path;
    return "";
  }
  return (*Buffer)->getBuffer().str();
}

nlohmann::json readJson(const std::string &Path) {
  std::string Text = readFile(Path);
  try {
    return nlohmann::json::parse(Text);
  } catch (const nlohmann::json::exception &E) {
    ADD_FAILURE() << Path << " is not JSON: " << E.what();
    return nlohmann::json();
  }
}

Outcome runProgram(const std::vector<std::string> &Args,
                   const std::vector<std::string> &ExtraEnv) {
  llvm::SmallString<128> OutPath, ErrPath;
  llvm::sys::fs::createTemporaryFile("corolint-test-out", "txt", OutPath);
  llvm::sys::fs::createTemporaryFile("corolint-test-err", "txt", ErrPath);
  std::vector<llvm::StringRef> Argv(Args.begin(), Args.end());
  std::optional<llvm::StringRef> Redirects[] = {llvm::StringRef(""),
                                                llvm::StringRef(OutPath),
                                                llvm::StringRef(ErrPath)};
  std::optional<llvm::ArrayRef<llvm::StringRef>> Env;
  std::vector<llvm::StringRef> EnvList;
  if (!ExtraEnv.empty()) {
    for (char **E = environ; *E; ++E)
      EnvList.push_back(*E);
    EnvList.insert(EnvList.end(), ExtraEnv.begin(), ExtraEnv.end());
    Env = EnvList;
  }
  std::string Message;
  Outcome R;
  R.Exit = llvm::sys::ExecuteAndWait(Args.front(), Argv, Env,
                                     Redirects, /*SecondsToWait=*/600, 0,
                                     &Message);
  if (!Message.empty())
    ADD_FAILURE() << "running " << Args.front() << ": " << Message;
  R.Out = readFile(std::string(OutPath));
  R.Err = readFile(std::string(ErrPath));
  llvm::sys::fs::remove(OutPath);
  llvm::sys::fs::remove(ErrPath);
  return R;
}

Outcome runCorolint(const std::vector<std::string> &Args,
                    const std::vector<std::string> &ExtraEnv) {
  std::vector<std::string> Full = {COROLINT_BIN};
  Full.insert(Full.end(), Args.begin(), Args.end());
  return runProgram(Full, ExtraEnv);
}

void writeCompileDatabase(const std::string &Dir, const std::string &ProjectDir,
                          const std::vector<std::string> &Sources,
                          const std::vector<std::string> &ExtraArgs) {
  nlohmann::json Db = nlohmann::json::array();
  for (const std::string &S : Sources) {
    nlohmann::json Args = {"c++", "-std=c++20"};
    for (const std::string &A : ExtraArgs)
      Args.push_back(A);
    Args.push_back("-c");
    Args.push_back(S);
    Args.push_back("-o");
    Args.push_back(Dir + "/" + llvm::sys::path::filename(S).str() + ".o");
    Db.push_back({{"directory", ProjectDir}, {"file", S}, {"arguments", Args}});
  }
  writeFile(Dir + "/compile_commands.json", Db.dump(2));
}

std::string smallDatabase(const std::string &Name) {
  std::string Dir = scratchDir(Name);
  writeCompileDatabase(Dir, sourcePath("testdata/projects/small"),
                       {"src/cache.cpp", "src/clean.cpp", "src/jobs.cpp",
                        "src/server.cpp", "src/unicode.cpp"},
                       {"-Iinclude"});
  return Dir;
}

std::vector<std::string> smallArgs(const std::string &Db) {
  std::string Root = sourcePath("testdata/projects/small");
  return {"-p", Db, "--source-root=" + Root,
          "--rules=" + Root + "/rules/legacy.json", "--progress=never",
          "--checks=" + std::string(TestedChecks)};
}

nlohmann::json withoutRunDetails(nlohmann::json Log) {
  for (auto &Run : Log["runs"])
    for (auto &Inv : Run["invocations"]) {
      Inv.erase("startTimeUtc");
      Inv.erase("endTimeUtc");
      Inv.erase("commandLine");
    }
  return Log;
}

bool matchesPattern(const std::string &Line, const std::string &Pattern) {
  // Classic wildcard matching with backtracking to the last '*'.
  std::size_t L = 0, P = 0, Star = std::string::npos, Mark = 0;
  while (L < Line.size()) {
    if (P < Pattern.size() && Pattern[P] == '*') {
      Star = P++;
      Mark = L;
    } else if (P < Pattern.size() && Pattern[P] == Line[L]) {
      ++P;
      ++L;
    } else if (Star != std::string::npos) {
      P = Star + 1;
      L = ++Mark;
    } else {
      return false;
    }
  }
  while (P < Pattern.size() && Pattern[P] == '*')
    ++P;
  return P == Pattern.size();
}

std::vector<std::string> lines(const std::string &Text) {
  std::vector<std::string> Out;
  std::istringstream In(Text);
  for (std::string Line; std::getline(In, Line);)
    Out.push_back(Line);
  return Out;
}

} // namespace corolint::test
