// The per-coroutine context and the translation unit's store: built once
// for all checks, keyed by options, gone at the end of the translation unit.
#include "support/AnalysisStore.h"
#include "support/BlockingAnalysis.h"
#include "support/CoroutineContext.h"
#include "support/RuleCatalog.h"
#include "TidyRunner.h"

#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/ASTMatchers/ASTMatchers.h"
#include "clang/Frontend/ASTUnit.h"
#include "clang/Tooling/Tooling.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/raw_ostream.h"
#include <gtest/gtest.h>

using namespace clang;
using namespace clang::ast_matchers;

namespace corolint {
namespace {

const char *Source = R"cpp(
#include "corolint_task.hpp"
#include <mutex>
#include <unistd.h>
#include <vector>
using testing_task::task;
std::mutex m;
task<int> fetch(int v);
task<int> leaf(int v) { co_return v; }
task<int> reader(int fd, char *buf) {
  int a = co_await fetch(1);
  int b = co_await fetch(2);
  ::read(fd, buf, 1);
  co_return a + b;
}
task<> locked() {
  std::lock_guard g(m);
  co_await leaf(3);
}
task<long> loops(const std::vector<int> &v) {
  long s = 0;
  for (int x : v)
    for (int y : v)
      s += x * y;
  co_await leaf(4);
  co_return s;
}
)cpp";

std::string writeSource() {
  llvm::SmallString<128> Path;
  int FD = -1;
  if (llvm::sys::fs::createTemporaryFile("store", "cpp", FD, Path))
    return "";
  llvm::raw_fd_ostream Out(FD, /*shouldClose=*/true);
  Out << Source;
  return std::string(Path);
}

TEST(AnalysisStore, OneContextPerCoroutineWithAllChecksOn) {
  std::string File = writeSource();
  ASSERT_FALSE(File.empty());
  AnalysisStore::Counters Before = AnalysisStore::counters();
  unsigned Live = AnalysisStore::liveStores();
  std::vector<test::Finding> Found =
      test::runTidy(File, {"-std=c++20", "-I" COROLINT_TESTDATA_DIR "/include"},
                    "-*,coro-*", {});
  AnalysisStore::Counters After = AnalysisStore::counters();
  llvm::sys::fs::remove(File);
  // Six checks, four coroutines: four contexts, and no body gets more than
  // one CFG (leaf's is never needed).
  EXPECT_EQ(After.Contexts - Before.Contexts, 4u);
  EXPECT_LE(After.CFGs - Before.CFGs, After.Bodies - Before.Bodies);
  EXPECT_LE(After.CFGs - Before.CFGs, 4u);
  // The checks did run on them (so the counts are not those of no work).
  unsigned Blocking = 0, Lock = 0, Sequential = 0, Loop = 0;
  for (const test::Finding &F : Found) {
    Blocking += F.Check == "coro-blocking-call";
    Lock += F.Check == "coro-lock-across-suspend";
    Sequential += F.Check == "coro-sequential-await";
    Loop += F.Check == "coro-awaitless-loop";
  }
  EXPECT_EQ(Blocking, 1u);
  EXPECT_EQ(Lock, 1u);
  EXPECT_EQ(Sequential, 1u);
  EXPECT_EQ(Loop, 1u);
  // Nothing is kept once the translation unit is done.
  EXPECT_EQ(AnalysisStore::liveStores(), Live);
}

class Store : public ::testing::Test {
protected:
  void SetUp() override {
    AST = tooling::buildASTFromCodeWithArgs(
        R"cpp(
#include "corolint_task.hpp"
testing_task::task<> co() {
  co_await std::suspend_always{};
  co_await std::suspend_never{};
}
)cpp",
        {"-std=c++20", "-I" COROLINT_TESTDATA_DIR "/include",
         "-resource-dir=" + test::clangResourceDir()});
    ASSERT_TRUE(AST);
    auto Found = match(functionDecl(hasName("co"), isDefinition()).bind("f"),
                       AST->getASTContext());
    ASSERT_EQ(Found.size(), 1u);
    F = Found[0].getNodeAs<FunctionDecl>("f");
    std::vector<RuleError> Errors;
    Catalog = RuleCatalog::get({}, Errors);
  }
  std::unique_ptr<ASTUnit> AST;
  const FunctionDecl *F = nullptr;
  std::shared_ptr<const RuleCatalog> Catalog;
};

TEST_F(Store, ContextIsBuiltOnceAndDecidesSuspensionOnce) {
  ASTContext &Ctx = AST->getASTContext();
  const auto *Body = cast<CoroutineBodyStmt>(F->getBody());
  unsigned Before = AnalysisStore::counters().Contexts;
  CoroutineContext &A = AnalysisStore::of(Ctx).coroutine(*F, *Body, *Catalog);
  CoroutineContext &B = AnalysisStore::of(Ctx).coroutine(*F, *Body, *Catalog);
  EXPECT_EQ(&A, &B);
  EXPECT_EQ(AnalysisStore::counters().Contexts - Before, 1u);
  ASSERT_EQ(A.suspensionPoints().size(), 2u);
  EXPECT_TRUE(A.canSuspend(A.suspensionPoints()[0].E));
  EXPECT_FALSE(A.canSuspend(A.suspensionPoints()[1].E)); // suspend_never
  EXPECT_FALSE(A.neverSuspends());
  // One CFG per body, whoever asks.
  EXPECT_EQ(A.facts().cfg(), AnalysisStore::of(Ctx).body(*F, A.body()).cfg());
}

TEST_F(Store, SummariesAreKeyedByOptions) {
  ASTContext &Ctx = AST->getASTContext();
  BlockingAnalysis &Plain = BlockingAnalysis::shared(Ctx, *Catalog, "", "");
  BlockingAnalysis &Same = BlockingAnalysis::shared(Ctx, *Catalog, "", "");
  BlockingAnalysis &Other = BlockingAnalysis::shared(Ctx, *Catalog, "app::wait", "");
  BlockingAnalysis &Ignoring = BlockingAnalysis::shared(Ctx, *Catalog, "", "app::wait");
  EXPECT_EQ(&Plain, &Same);
  EXPECT_NE(&Plain, &Other);
  EXPECT_NE(&Plain, &Ignoring);
  EXPECT_NE(&Other, &Ignoring);
}

TEST_F(Store, GoesAwayWithItsTranslationUnit) {
  unsigned Live = AnalysisStore::liveStores();
  AnalysisStore::of(AST->getASTContext());
  EXPECT_EQ(AnalysisStore::liveStores(), Live + 1);
  AST.reset(); // the ASTContext is destroyed: its store with it
  EXPECT_EQ(AnalysisStore::liveStores(), Live);
}

TEST_F(Store, ReleasedAtTheEndOfTheTranslationUnit) {
  unsigned Live = AnalysisStore::liveStores();
  AnalysisStore::of(AST->getASTContext());
  AnalysisStore::release(AST->getASTContext());
  EXPECT_EQ(AnalysisStore::liveStores(), Live);
  AnalysisStore::release(AST->getASTContext()); // twice is harmless
}

} // namespace
} // namespace corolint
