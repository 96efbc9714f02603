#ifndef COROLINT_TESTS_DRIVER_DRIVERSUPPORT_H
#define COROLINT_TESTS_DRIVER_DRIVERSUPPORT_H

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace corolint::test {

/// What a run of build/bin/corolint did.
struct Outcome {
  int Exit = -1;
  std::string Out;
  std::string Err;
};

/// Runs the corolint executable with Args (and no terminal); ExtraEnv
/// ("NAME=value") is added to the environment.
Outcome runCorolint(const std::vector<std::string> &Args,
                    const std::vector<std::string> &ExtraEnv = {});

/// Runs any program; Args[0] is its path.
Outcome runProgram(const std::vector<std::string> &Args,
                   const std::vector<std::string> &ExtraEnv = {});

/// The repository's path of Rel ("testdata/projects/small").
std::string sourcePath(const std::string &Rel);

/// An empty directory for one test, in the build tree.
std::string scratchDir(const std::string &Name);

void writeFile(const std::string &Path, const std::string &Content);
std::string readFile(const std::string &Path);
nlohmann::json readJson(const std::string &Path);

/// Writes Dir/compile_commands.json for the files Sources (relative to
/// ProjectDir), compiled in ProjectDir with -std=c++20 and ExtraArgs.
void writeCompileDatabase(const std::string &Dir, const std::string &ProjectDir,
                          const std::vector<std::string> &Sources,
                          const std::vector<std::string> &ExtraArgs = {});

/// testdata/projects/small's database in a scratch directory named Name.
std::string smallDatabase(const std::string &Name);

/// The checks the driver's tests run: the expectations are theirs, so that
/// checks added later do not change them.
inline constexpr const char *TestedChecks =
    "-*,coro-blocking-call,coro-lock-across-suspend";

/// The arguments every run over testdata/projects/small uses.
std::vector<std::string> smallArgs(const std::string &Db);

/// A SARIF log without what differs between runs of the same analysis (the
/// invocation's times and command line).
nlohmann::json withoutRunDetails(nlohmann::json Log);

/// Whether Line matches Pattern, where '*' stands for any text.
bool matchesPattern(const std::string &Line, const std::string &Pattern);

/// Text split into lines (without their '\n').
std::vector<std::string> lines(const std::string &Text);

} // namespace corolint::test

#endif
