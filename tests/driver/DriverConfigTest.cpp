// The driver on a project configured for other tools: the project's
// .clang-tidy never chooses the checks, bad configurations are one located
// error, g++ databases and missing files are handled (issue #16).
#include "CompileDatabase.h"
#include "DriverSupport.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include <algorithm>
#include <csignal>
#include <fstream>
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

using namespace corolint::test;
using nlohmann::json;

namespace {

std::string project() { return sourcePath("testdata/projects/config"); }

std::string configDatabase(const std::string &Name,
                           const std::vector<std::string> &Sources = {"src/app.cpp",
                                                                      "src/handlers.cpp"}) {
  std::string Dir = scratchDir(Name);
  writeCompileDatabase(Dir, project(), Sources, {"-Iinclude"});
  return Dir;
}

std::vector<std::string> configArgs(const std::string &Db) {
  return {"-p", Db, "--source-root=" + project(), "--progress=never"};
}

std::vector<std::string> with(std::vector<std::string> A, const std::vector<std::string> &B) {
  A.insert(A.end(), B.begin(), B.end());
  return A;
}

std::size_t count(const std::string &Text, const std::string &What) {
  std::size_t N = 0;
  for (std::size_t At = Text.find(What); At != std::string::npos; At = Text.find(What, At + 1))
    ++N;
  return N;
}

TEST(DriverConfig, ProjectChecksLineDoesNotChooseTheChecks) {
  // .clang-tidy: Checks: '-*,clang-analyzer-*'; its CheckOptions and its
  // RuleFiles (relative to it) still apply.
  std::string Db = configDatabase("DriverConfig.ChecksLine");
  Outcome R = runCorolint(with(configArgs(Db), {"--sarif=" + Db + "/out.sarif"}));
  EXPECT_EQ(R.Exit, 1) << R.Err;
  EXPECT_NE(R.Out.find("blocking call to 'cfg::query_sync'"), std::string::npos) << R.Out;
  EXPECT_NE(R.Out.find("blocking call to 'cfg::vendor::flush_all'"), std::string::npos)
      << R.Out;
  EXPECT_EQ(R.Out.find("clang-analyzer"), std::string::npos) << R.Out;
  EXPECT_NE(R.Err.find(" (6 checks)\n"), std::string::npos) << R.Err;
  json Log = readJson(Db + "/out.sarif");
  const json &Rules = Log["runs"][0]["tool"]["driver"]["rules"];
  ASSERT_FALSE(Rules.empty());
  for (const json &Rule : Rules)
    EXPECT_EQ(Rule["id"].get<std::string>().rfind("coro-", 0), 0u) << Rule["id"];
  for (const json &Result : Log["runs"][0]["results"])
    EXPECT_EQ(Result["ruleId"].get<std::string>().rfind("coro-", 0), 0u) << Result["ruleId"];

  // --checks narrows the coro checks ...
  Outcome One = runCorolint(with(configArgs(Db), {"--checks=-*,coro-lock-across-suspend"}));
  EXPECT_EQ(One.Exit, 0) << One.Err;
  EXPECT_EQ(One.Out, "");
  EXPECT_NE(One.Err.find(" (1 check)\n"), std::string::npos) << One.Err;
  // ... and cannot enable anything else, or nothing.
  Outcome Analyzer = runCorolint(with(configArgs(Db), {"--checks=clang-analyzer-*"}));
  EXPECT_EQ(Analyzer.Exit, 2);
  EXPECT_EQ(Analyzer.Err, "corolint: error: --checks: 'clang-analyzer-*' matches no coro "
                          "check; 'corolint --list-checks --checks=*' lists them\n");
  Outcome None = runCorolint(with(configArgs(Db), {"--checks=-*"}));
  EXPECT_EQ(None.Exit, 2);
  EXPECT_EQ(None.Err,
            "corolint: error: no coro check enabled; see --list-checks and --checks\n");
  // A corolint configuration file narrows them too.
  writeFile(Db + "/corolint.yaml", "Checks: '-*,coro-unbounded-spawn'\n");
  Outcome Cfg = runCorolint(with(configArgs(Db), {"--config-file=" + Db + "/corolint.yaml",
                                                  "--list-checks"}));
  EXPECT_EQ(Cfg.Exit, 0) << Cfg.Err;
  EXPECT_EQ(Cfg.Out, "coro-unbounded-spawn\n");
}

TEST(DriverConfig, CoroutineLambdasAreNamed) {
  std::string Db = configDatabase("DriverConfig.Lambdas", {"src/handlers.cpp"});
  Outcome R = runCorolint(configArgs(Db));
  EXPECT_EQ(R.Exit, 1) << R.Err;
  EXPECT_NE(R.Out.find("in coroutine 'on_read'"), std::string::npos) << R.Out;
  EXPECT_NE(R.Out.find("in coroutine 'on_write'"), std::string::npos) << R.Out;
  EXPECT_NE(R.Out.find("in coroutine 'lambda at handlers.cpp:13:3'"), std::string::npos)
      << R.Out;
  EXPECT_EQ(R.Out.find("'lambda'"), std::string::npos) << R.Out;
}

/// A scratch project: Files written under Dir, a database for Sources.
std::string scratchProject(const std::string &Name,
                           const std::vector<std::pair<std::string, std::string>> &Files,
                           const std::vector<std::string> &Sources) {
  std::string Dir = scratchDir(Name);
  for (const auto &[Path, Text] : Files)
    writeFile(Dir + "/" + Path, Text);
  writeFile(Dir + "/include/cfg.h", readFile(project() + "/include/cfg.h"));
  writeCompileDatabase(Dir, Dir, Sources, {"-Iinclude"});
  return Dir;
}

/// A source with a finding of its own (no configuration needed).
std::string appSource() {
  return readFile(project() + "/src/app.cpp") +
         "\n#include <chrono>\n#include <thread>\n"
         "cfg::task sleeper() {\n"
         "  std::this_thread::sleep_for(std::chrono::seconds(1));\n"
         "  co_await cfg::next_event();\n"
         "}\n";
}

TEST(DriverConfig, InvalidClangTidyIsOneLocatedError) {
  std::string Dir = scratchProject(
      "DriverConfig.InvalidKey",
      {{".clang-tidy", "Checks: '-*,coro-*'\nWarningsAsErors: '*'\n"},
       {"a.cpp", appSource()}, {"b.cpp", appSource()}, {"c.cpp", appSource()}},
      {"a.cpp", "b.cpp", "c.cpp"});
  Outcome R = runCorolint({"-p", Dir, "--source-root=" + Dir, "--progress=never"});
  EXPECT_EQ(R.Exit, 2) << R.Err;
  EXPECT_EQ(R.Out, "");
  std::vector<std::string> Err = lines(R.Err);
  ASSERT_EQ(Err.size(), 1u) << R.Err;
  EXPECT_TRUE(matchesPattern(Err[0], "corolint: error: invalid configuration file " + Dir +
                                         "/.clang-tidy:2:1: unknown key 'WarningsAsErors'"))
      << Err[0];

  writeFile(Dir + "/.clang-tidy", "CheckOptions:\n  - [unclosed\n");
  R = runCorolint({"-p", Dir, "--source-root=" + Dir, "--progress=never"});
  EXPECT_EQ(R.Exit, 2) << R.Err;
  Err = lines(R.Err);
  ASSERT_EQ(Err.size(), 1u) << R.Err;
  EXPECT_TRUE(matchesPattern(Err[0], "corolint: error: invalid configuration file " + Dir +
                                         "/.clang-tidy:*:*: *"))
      << Err[0];

  // A valid one in a parent directory that the nearest one does not
  // inherit is not read; one it inherits is.
  writeFile(Dir + "/.clang-tidy", "Checks: '-*,coro-*'\n");
  writeFile(Dir + "/sub/.clang-tidy", "InheritParentConfig: true\n");
  writeFile(Dir + "/sub/d.cpp", appSource());
  writeCompileDatabase(Dir, Dir, {"sub/d.cpp"}, {"-Iinclude"});
  R = runCorolint({"-p", Dir, "--source-root=" + Dir, "--progress=never"});
  EXPECT_EQ(R.Exit, 1) << R.Err;
}

TEST(DriverConfig, MisspeltCoroOptionIsAnError) {
  std::string Dir = scratchProject(
      "DriverConfig.Misspelt",
      {{".clang-tidy", "CheckOptions:\n  coro-blocking-call.ExtraBlockingFunction: 'x'\n"},
       {"a.cpp", appSource()}, {"b.cpp", appSource()}},
      {"a.cpp", "b.cpp"});
  Outcome R = runCorolint({"-p", Dir, "--source-root=" + Dir, "--progress=never"});
  EXPECT_EQ(R.Exit, 2) << R.Err;
  EXPECT_EQ(R.Err, "corolint: error: " + Dir + "/.clang-tidy:2:3: unknown check option "
                   "'coro-blocking-call.ExtraBlockingFunction'; did you mean "
                   "'coro-blocking-call.ExtraBlockingFunctions'?\n");
  writeFile(Dir + "/.clang-tidy", "CheckOptions:\n  coro-awaitless-loop.HeavyLevel: 3\n");
  R = runCorolint({"-p", Dir, "--source-root=" + Dir, "--progress=never"});
  EXPECT_EQ(R.Exit, 2) << R.Err;
  EXPECT_NE(R.Err.find("'coro-awaitless-loop.HeavyLevel'; did you mean "
                       "'coro-awaitless-loop.HeavyLevels'?"),
            std::string::npos)
      << R.Err;
  // In --config-file too.
  writeFile(Dir + "/corolint.yaml", "CheckOptions:\n  coro-no-such.Option: 1\n");
  R = runCorolint({"-p", Dir, "--source-root=" + Dir, "--progress=never",
                   "--config-file=" + Dir + "/corolint.yaml"});
  EXPECT_EQ(R.Exit, 2) << R.Err;
  EXPECT_EQ(R.Err, "corolint: error: " + Dir +
                       "/corolint.yaml:2:3: unknown check option 'coro-no-such.Option'\n");
  // Spelt right, and other tools' options: analysed.
  writeFile(Dir + "/.clang-tidy",
            "CheckOptions:\n  coro-awaitless-loop.HeavyLevels: 3\n  readability-x.Y: 1\n");
  R = runCorolint({"-p", Dir, "--source-root=" + Dir, "--progress=never"});
  EXPECT_EQ(R.Exit, 1) << R.Err;
}

TEST(DriverConfig, BadRuleFileInClangTidyIsALocatedError) {
  std::string Dir = scratchProject(
      "DriverConfig.BadRuleFile",
      {{".clang-tidy", "CheckOptions:\n  RuleFiles: 'rules/missing.json'\n"},
       {"a.cpp", appSource()}},
      {"a.cpp"});
  Outcome R = runCorolint({"-p", Dir, "--source-root=" + Dir, "--progress=never"});
  EXPECT_EQ(R.Exit, 2) << R.Err;
  EXPECT_EQ(R.Err, "corolint: error: " + Dir + "/.clang-tidy:2:3: cannot read rule file '" +
                       Dir + "/rules/missing.json': No such file or directory\n");
  writeFile(Dir + "/rules/missing.json", "{\"library\": \"x\",\n \"blocking\": [{\"name\": 1}]}");
  R = runCorolint({"-p", Dir, "--source-root=" + Dir, "--progress=never"});
  EXPECT_EQ(R.Exit, 2) << R.Err;
  EXPECT_TRUE(matchesPattern(R.Err, "corolint: error: " + Dir +
                                        "/.clang-tidy:2:3: invalid rule file: " + Dir +
                                        "/rules/missing.json:2:*\n"))
      << R.Err;
  // A --config-file's RuleFiles are relative to it, not to the current
  // directory or the sources.
  writeFile(Dir + "/conf/rules/vendor.json", readFile(project() + "/rules/vendor.json"));
  writeFile(Dir + "/conf/corolint.yaml", "CheckOptions:\n  RuleFiles: 'rules/vendor.json'\n");
  R = runCorolint({"-p", Dir, "--source-root=" + Dir, "--progress=never",
                   "--config-file=" + Dir + "/conf/corolint.yaml"});
  EXPECT_EQ(R.Exit, 1) << R.Err;
  EXPECT_NE(R.Out.find("blocking call to 'cfg::vendor::flush_all'"), std::string::npos) << R.Out;
  writeFile(Dir + "/conf/corolint.yaml", "CheckOptions:\n  RuleFiles: 'vendor.json'\n");
  R = runCorolint({"-p", Dir, "--source-root=" + Dir, "--progress=never",
                   "--config-file=" + Dir + "/conf/corolint.yaml"});
  EXPECT_EQ(R.Exit, 2) << R.Err;
  EXPECT_EQ(R.Err, "corolint: error: " + Dir + "/conf/corolint.yaml:2:3: cannot read rule file '" +
                       Dir + "/conf/vendor.json': No such file or directory\n");
  // The same file through --rules: the same words.
  writeFile(Dir + "/.clang-tidy", "Checks: '-*'\n");
  R = runCorolint({"-p", Dir, "--source-root=" + Dir, "--progress=never",
                   "--rules=" + Dir + "/rules/missing.json"});
  EXPECT_EQ(R.Exit, 2) << R.Err;
  EXPECT_TRUE(matchesPattern(R.Err, "corolint: error: invalid rule file: " + Dir +
                                        "/rules/missing.json:2:*\n"))
      << R.Err;
}

TEST(DriverConfig, GccDatabase) {
  // As g++ and a project's CMake write it: options clang does not know,
  // -Werror, and a warning clang gives (unused variable) in the file.
  std::string Dir = scratchDir("DriverConfig.Gcc");
  writeFile(Dir + "/include/cfg.h", readFile(project() + "/include/cfg.h"));
  writeFile(Dir + "/a.cpp", appSource() + "\nint unused_result() { int unused = 1; return 0; }\n"
                                          "#ifdef CFG_BROKEN\n#error broken on purpose\n#endif\n"
                                          "#ifndef CFG_BEFORE\n#error needs CFG_BEFORE\n#endif\n");
  json Db = json::array();
  Db.push_back({{"directory", Dir},
                {"file", "a.cpp"},
                {"command", "/usr/bin/g++ -std=gnu++20 -Iinclude -Wall -Wextra -Werror "
                            "-Werror=unused-variable -Wlogical-op -Wduplicated-cond "
                            "-fconcepts-diagnostics-depth=3 -fno-semantic-interposition "
                            "-fcoroutines -pedantic-errors -c a.cpp -o a.o"}});
  writeFile(Dir + "/compile_commands.json", Db.dump(2));
  std::vector<std::string> Args = {"-p", Dir, "--source-root=" + Dir, "--progress=never"};
  Outcome R = runCorolint(with(Args, {"--extra-arg-before=-DCFG_BEFORE"}));
  EXPECT_EQ(R.Exit, 1) << R.Err;
  EXPECT_NE(R.Out.find("blocking call to 'std::this_thread::sleep_for'"), std::string::npos)
      << R.Out;
  EXPECT_EQ(R.Err.find("error:"), std::string::npos) << R.Err;
  // Real errors still fail the file; --extra-arg reaches the compiler.
  Outcome Broken =
      runCorolint(with(Args, {"--extra-arg-before=-DCFG_BEFORE", "--extra-arg=-DCFG_BROKEN"}));
  EXPECT_EQ(Broken.Exit, 3) << Broken.Err;
  EXPECT_NE(Broken.Err.find("'a.cpp' did not compile: broken on purpose"), std::string::npos)
      << Broken.Err;
  Outcome NoBefore = runCorolint(Args);
  EXPECT_EQ(NoBefore.Exit, 3) << NoBefore.Err;
}

TEST(DriverConfig, FileBuiltIntoSeveralTargetsIsAnalysedOncePerDistinctCommand) {
  // CMake lists a source once per target that builds it; commands that
  // differ only in the object and dependency files parse the same
  // translation unit (yalantinglibs lists rpc_api.cpp four times, three of
  // them alike). Different options are a different translation unit.
  auto Command = [](const std::string &Line) {
    llvm::SmallVector<llvm::StringRef, 16> Words;
    llvm::StringRef(Line).split(Words, ' ');
    std::vector<std::string> Args(Words.begin(), Words.end());
    return clang::tooling::CompileCommand("/p", "a.cpp", Args, "");
  };
  std::vector<clang::tooling::CompileCommand> In = {
      Command("clang++ -std=c++20 -c a.cpp -o t1/a.o"),
      Command("clang++ -std=c++20 -c a.cpp -o t2/a.o -MD -MF t2/a.d"),
      Command("clang++ -std=c++20 -DOTHER -c a.cpp -o t3/a.o"),
      Command("clang++ -std=c++20 -c a.cpp -o t4/a.o")};
  In.back().Directory = "/q"; // another directory: relative paths differ
  std::vector<clang::tooling::CompileCommand> Out =
      corolint::driver::adjustCommands(In, {}, {});
  ASSERT_EQ(Out.size(), 3u);
  EXPECT_NE(std::find(Out[0].CommandLine.begin(), Out[0].CommandLine.end(), "t1/a.o"),
            Out[0].CommandLine.end());
  EXPECT_NE(std::find(Out[1].CommandLine.begin(), Out[1].CommandLine.end(), "-DOTHER"),
            Out[1].CommandLine.end());
  EXPECT_EQ(Out[2].Directory, "/q");
}

TEST(DriverConfig, MissingSourceIsAFailedTranslationUnit) {
  std::string Db = configDatabase("DriverConfig.Missing", {"src/app.cpp", "src/generated.cpp"});
  Outcome R = runCorolint(with(configArgs(Db), {"--sarif=" + Db + "/out.sarif"}));
  EXPECT_EQ(R.Exit, 3) << R.Err;
  EXPECT_NE(R.Out.find("blocking call to 'cfg::query_sync'"), std::string::npos) << R.Out;
  EXPECT_NE(R.Err.find("corolint: error: 'src/generated.cpp' was not analysed: no such file "
                       "(the compilation database lists it)\n"),
            std::string::npos)
      << R.Err;
  EXPECT_NE(R.Err.find("1 file could not be analysed"), std::string::npos) << R.Err;
  json Log = readJson(Db + "/out.sarif");
  const json &Inv = Log["runs"][0]["invocations"][0];
  EXPECT_EQ(Inv["executionSuccessful"], false);
  ASSERT_EQ(Inv["toolExecutionNotifications"].size(), 1u);
  EXPECT_EQ(Inv["toolExecutionNotifications"][0]["properties"]["translationUnit"],
            "src/generated.cpp");
}

/// The processes whose command line names Path (the driver's workers are
/// forked, so they repeat its arguments).
std::vector<pid_t> processesNaming(const std::string &Path) {
  std::vector<pid_t> Found;
  std::error_code EC;
  for (llvm::sys::fs::directory_iterator It("/proc", EC), End; It != End && !EC;
       It.increment(EC)) {
    pid_t Pid = 0;
    if (llvm::StringRef(llvm::sys::path::filename(It->path())).getAsInteger(10, Pid))
      continue;
    std::ifstream In(It->path() + "/cmdline"); // /proc sizes read as 0
    std::string Line((std::istreambuf_iterator<char>(In)), std::istreambuf_iterator<char>());
    if (Line.find(Path) != std::string::npos)
      Found.push_back(Pid);
  }
  return Found;
}

TEST(DriverConfig, InterruptIsReported) {
  // A source that is a FIFO nobody writes: the run waits on it until
  // interrupted.
  std::string Dir = scratchDir("DriverConfig.Interrupt");
  std::string Fifo = Dir + "/stuck.cpp";
  ASSERT_EQ(mkfifo(Fifo.c_str(), 0600), 0);
  std::string Err = Dir + "/err.txt";
  pid_t Pid = fork();
  ASSERT_GE(Pid, 0);
  if (Pid == 0) {
    FILE *E = freopen(Err.c_str(), "w", stderr);
    (void)E;
    execl(COROLINT_BIN, COROLINT_BIN, Fifo.c_str(), "--progress=never", "--", "-std=c++20",
          (char *)nullptr);
    _exit(127);
  }
  std::this_thread::sleep_for(std::chrono::seconds(2));
  kill(Pid, SIGINT);
  int Status = 0;
  ASSERT_EQ(waitpid(Pid, &Status, 0), Pid);
  ASSERT_TRUE(WIFEXITED(Status)) << Status;
  EXPECT_EQ(WEXITSTATUS(Status), 130);
  EXPECT_NE(readFile(Err).find("corolint: interrupted; no results written\n"), std::string::npos)
      << readFile(Err);
  // The worker analysing the file (waiting on the FIFO) ends with the
  // driver: none is left behind.
  std::vector<pid_t> Left = processesNaming(Fifo);
  for (int Tries = 0; !Left.empty() && Tries < 20; ++Tries) {
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    Left = processesNaming(Fifo);
  }
  EXPECT_TRUE(Left.empty()) << Left.size() << " worker(s) outlived the driver";
  for (pid_t P : Left)
    kill(P, SIGKILL);
}

} // namespace
