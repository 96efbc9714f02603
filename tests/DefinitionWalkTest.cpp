// forEachDefinition: what reaches the checks, in both front ends.
#include "support/DefinitionWalk.h"
#include "TidyRunner.h"

#include "clang/AST/DeclCXX.h"
#include "clang/Frontend/ASTUnit.h"
#include "clang/Tooling/Tooling.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"
#include <gtest/gtest.h>
#include <set>

using namespace clang;

namespace corolint {
namespace {

const char *SystemHeader = R"cpp(
#pragma once
#include "corolint_task.hpp"
namespace sys {
inline testing_task::task<> sys_coro() { co_await std::suspend_always{}; }
inline int sys_plain() { auto in_sys_plain = [] { return 1; }; return in_sys_plain(); }
inline auto sys_var = [] { return 2; };
struct sys_class { int member() { return 3; } };
}
)cpp";

const char *Main = R"cpp(
#include <sys_walk.h>
int user_plain() { auto in_user_plain = [] { return 3; }; return in_user_plain(); }
testing_task::task<> user_coro() { co_await std::suspend_always{}; }
struct S { int method() { return 4; } };
template <class T> T tmpl(T t) { return t; }
int use() { return tmpl(1); }
auto user_var = [] { return 5; };
)cpp";

TEST(DefinitionWalk, UserDefinitionsAndSystemCoroutinesInSourceOrder) {
  llvm::SmallString<128> Dir;
  ASSERT_FALSE(llvm::sys::fs::createUniqueDirectory("walk", Dir));
  llvm::SmallString<128> Header(Dir);
  llvm::sys::path::append(Header, "sys_walk.h");
  {
    std::error_code EC;
    llvm::raw_fd_ostream Out(Header, EC);
    ASSERT_FALSE(EC);
    Out << SystemHeader;
  }
  std::unique_ptr<ASTUnit> AST = tooling::buildASTFromCodeWithArgs(
      Main,
      {"-std=c++20", "-I" COROLINT_TESTDATA_DIR "/include",
       "-isystem" + std::string(Dir), "-resource-dir=" + test::clangResourceDir()});
  llvm::sys::fs::remove(Header);
  llvm::sys::fs::remove(Dir);
  ASSERT_TRUE(AST);
  ASSERT_FALSE(AST->getDiagnostics().hasErrorOccurred());
  // Only the definitions of the two files above (corolint_task.hpp, a user
  // header here, has its own).
  const std::set<std::string> Named = {"sys_coro", "sys_plain", "member",
                                       "user_plain", "user_coro", "method",
                                       "tmpl", "use"};
  std::vector<std::string> Seen;
  const SourceManager &SM = AST->getSourceManager();
  forEachDefinition(AST->getASTContext(), [&](const FunctionDecl &F, bool FromLambda) {
    PresumedLoc P = SM.getPresumedLoc(SM.getExpansionLoc(F.getLocation()));
    std::string File = llvm::sys::path::filename(P.getFilename()).str();
    if (FromLambda && (File == "sys_walk.h" || File == "input.cc"))
      Seen.push_back("lambda " + File + ":" + std::to_string(P.getLine()));
    else if (!FromLambda && Named.count(F.getNameAsString()))
      Seen.push_back(F.getNameAsString());
  });
  // The system header's coroutine, but not its plain functions, their
  // lambdas or its members; every user definition and lambda, the template
  // once (as written, not its instantiation), in source order.
  std::vector<std::string> Expected = {
      "sys_coro", "user_plain", "lambda input.cc:3", "user_coro", "method",
      "tmpl",     "use",        "lambda input.cc:8"};
  EXPECT_EQ(Seen, Expected);
}

} // namespace
} // namespace corolint
