// Per-function "starts work in the background and returns" summaries: kept
// in the translation unit's store, keyed by options, followed through
// helpers up to HelperDepth bodies.
#include "support/AnalysisStore.h"
#include "support/BackgroundStarts.h"
#include "support/RuleCatalog.h"
#include "TidyRunner.h"

#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/ASTMatchers/ASTMatchers.h"
#include "clang/Frontend/ASTUnit.h"
#include "clang/Tooling/Tooling.h"
#include <gtest/gtest.h>

using namespace clang;
using namespace clang::ast_matchers;

namespace corolint {
namespace {

class Background : public ::testing::Test {
protected:
  void SetUp() override {
    AST = tooling::buildASTFromCodeWithArgs(
        R"cpp(
#include <seastar/core/coroutine.hh>
#include <seastar/core/future.hh>
seastar::future<> send(int);
void fire(int x) { (void)send(x); }
void relay(int x) { fire(x); }
seastar::future<> waits(int x) { co_await send(x); }
seastar::future<> hands_on(int x) { return send(x); }
)cpp",
        {"-std=c++20", "-I" COROLINT_TESTDATA_DIR "/include",
         "-resource-dir=" + test::clangResourceDir()});
    ASSERT_TRUE(AST);
    std::vector<RuleError> Errors;
    Catalog = RuleCatalog::get({}, Errors);
    Extra.Library = "user";
  }
  const FunctionDecl *fn(llvm::StringRef Name) {
    auto Found = match(functionDecl(hasName(Name), isDefinition()).bind("f"),
                       AST->getASTContext());
    return Found.size() == 1 ? Found[0].getNodeAs<FunctionDecl>("f") : nullptr;
  }
  BackgroundStarts &starts(unsigned Depth) {
    return BackgroundStarts::of(AST->getASTContext(), *Catalog, None, Extra,
                                "", Depth);
  }
  std::unique_ptr<ASTUnit> AST;
  std::shared_ptr<const RuleCatalog> Catalog;
  NameList None;
  RuleEntry Extra;
};

TEST_F(Background, SummarisesOncePerFunctionAndFollowsHelpers) {
  BackgroundStarts &S = starts(6);
  EXPECT_EQ(&S, &starts(6)); // one object per key in the store
  const BackgroundStart *Fire = S.startOf(fn("fire"));
  ASSERT_NE(Fire, nullptr);
  ASSERT_EQ(Fire->Chain.size(), 1u);
  EXPECT_EQ(Fire->Chain[0].Name, "send");
  EXPECT_EQ(S.startOf(fn("fire")), Fire); // cached, not recomputed
  const BackgroundStart *Relay = S.startOf(fn("relay"));
  ASSERT_NE(Relay, nullptr);
  ASSERT_EQ(Relay->Chain.size(), 2u);
  EXPECT_EQ(Relay->Chain[0].Name, "fire");
  // Waited for, or handed to the caller: not in the background.
  EXPECT_EQ(S.startOf(fn("waits")), nullptr);
  EXPECT_EQ(S.startOf(fn("hands_on")), nullptr);
}

TEST_F(Background, KeyedByHelperDepth) {
  BackgroundStarts &Shallow = starts(1);
  EXPECT_NE(&Shallow, &starts(6));
  EXPECT_NE(Shallow.startOf(fn("fire")), nullptr);
  EXPECT_EQ(Shallow.startOf(fn("relay")), nullptr); // two bodies deep
  EXPECT_EQ(starts(0).startOf(fn("fire")), nullptr);
}

} // namespace
} // namespace corolint
