#include "support/FixIts.h"
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

TEST(FixIts, RendersPlaceholdersListsAndBraces) {
  TemplateValues V;
  V.Values["duration"] = "100ms";
  V.Lists["operations"] = {"a()", "b()", "c()"};
  EXPECT_EQ(renderTemplate("co_await sleep({duration})", V),
            "co_await sleep(100ms)");
  EXPECT_EQ(renderTemplate("co_await ({operations| && })", V),
            "co_await (a() && b() && c())");
  EXPECT_EQ(renderTemplate("f({{{duration}}})", V), "f({100ms})");
  // Nothing is guessed: a missing value, an unbalanced brace, an empty
  // list render nothing.
  EXPECT_EQ(renderTemplate("sleep({deadline})", V), std::nullopt);
  EXPECT_EQ(renderTemplate("sleep({duration)", V), std::nullopt);
  EXPECT_EQ(renderTemplate("sleep(duration})", V), std::nullopt);
  V.Lists["none"] = {};
  EXPECT_EQ(renderTemplate("all({none|, })", V), std::nullopt);
}

TEST(FixIts, PeriodsConvertOnlyWhenExact) {
  Period Nano{1, 1000000000}, Milli{1, 1000}, Micro{1, 1000000};
  EXPECT_TRUE(convertsExactly({1, 1}, Nano));
  EXPECT_TRUE(convertsExactly({3600, 1}, Milli));
  EXPECT_TRUE(convertsExactly(Milli, Micro));
  EXPECT_FALSE(convertsExactly(Micro, Milli));
  EXPECT_FALSE(convertsExactly({1, 1000000000000ULL}, Nano)); // picoseconds
  auto P = parsePeriod("2/4");
  ASSERT_TRUE(P);
  EXPECT_EQ(P->Num, 1u);
  EXPECT_EQ(P->Den, 2u);
  EXPECT_FALSE(parsePeriod("0/1"));
  EXPECT_FALSE(parsePeriod("1/x"));
  EXPECT_FALSE(standardDurationPeriod("std::chrono::duration"));
  EXPECT_EQ(standardDurationPeriod("std::chrono::microseconds")->Den, 1000000u);
}

class FixItsAST : public ::testing::Test {
protected:
  void parse(const std::string &Code) {
    AST = tooling::buildASTFromCodeWithArgs(
        Code, {"-std=c++20", "-resource-dir=" + test::clangResourceDir()});
    ASSERT_TRUE(AST);
    ASSERT_FALSE(AST->getDiagnostics().hasErrorOccurred());
  }
  const Decl *named(const std::string &Name) {
    auto Found =
        match(namedDecl(hasName(Name), isExpansionInMainFile()).bind("n"),
              AST->getASTContext());
    return Found.empty() ? nullptr : Found[0].getNodeAs<Decl>("n");
  }
  const Expr *init(const std::string &Var) {
    const auto *V = dyn_cast_or_null<VarDecl>(named(Var));
    return V ? V->getInit() : nullptr;
  }
  std::unique_ptr<ASTUnit> AST;
};

TEST_F(FixItsAST, ReadsChronoTypes) {
  parse(R"cpp(
    #include <chrono>
    using namespace std::chrono_literals;
    auto ms = 100ms;
    auto fractional = 0.5s;
    auto hours = std::chrono::hours(2);
    auto steady = std::chrono::steady_clock::now();
    auto wall = std::chrono::system_clock::now();
    int plain = 3;
  )cpp");
  for (const char *Var : {"ms", "fractional", "hours", "steady", "wall", "plain"})
    ASSERT_TRUE(init(Var)) << Var;
  auto P = integralDurationPeriod(init("ms")->getType());
  ASSERT_TRUE(P);
  EXPECT_EQ(P->Den, 1000u);
  EXPECT_FALSE(integralDurationPeriod(init("fractional")->getType()));
  auto Hours = integralDurationPeriod(init("hours")->getType());
  ASSERT_TRUE(Hours);
  EXPECT_EQ(Hours->Num, 3600u);
  EXPECT_FALSE(integralDurationPeriod(init("plain")->getType()));
  auto Steady = timePointOf(init("steady")->getType());
  ASSERT_TRUE(Steady);
  EXPECT_EQ(Steady->first, "std::chrono::steady_clock");
  auto Wall = timePointOf(init("wall")->getType());
  ASSERT_TRUE(Wall);
  EXPECT_EQ(Wall->first, "std::chrono::system_clock");
}

TEST_F(FixItsAST, FindsWholeStatementsAndHandlers) {
  parse(R"cpp(
    int work(int);
    void f(int x) {
      work(1);
      int y = work(2);
      if (x) work(3);
      for (;; work(4)) break;
      try { } catch (...) { work(5); }
      auto l = [] { work(6); };
    }
  )cpp");
  const auto *F = dyn_cast_or_null<FunctionDecl>(named("f"));
  ASSERT_TRUE(F);
  auto Calls = match(
      callExpr(callee(functionDecl(hasName("work"))),
               hasArgument(0, integerLiteral().bind("arg")))
          .bind("call"),
      AST->getASTContext());
  std::map<uint64_t, StatementPlace> Places;
  for (const auto &B : Calls)
    Places[B.getNodeAs<IntegerLiteral>("arg")->getValue().getZExtValue()] =
        placeOf(B.getNodeAs<CallExpr>("call"), F->getBody());
  EXPECT_TRUE(Places[1].WholeStatement);
  EXPECT_FALSE(Places[2].WholeStatement);
  EXPECT_TRUE(Places[3].WholeStatement);
  EXPECT_FALSE(Places[4].WholeStatement);
  EXPECT_TRUE(Places[5].WholeStatement);
  EXPECT_TRUE(Places[5].InHandler);
  EXPECT_FALSE(Places[1].InHandler);
  EXPECT_FALSE(Places[6].Found); // another function's body
}

TEST(FixIts, IdiomsComeFromTheCoroutinesLibrary) {
  RuleCatalog Catalog;
  std::vector<RuleError> Errors;
  ASSERT_TRUE(Catalog.addFile("lib.json", R"json({
    "library": "lib",
    "awaitable_types": [ { "name": "lib::task" }, { "name": "lib::generator" } ],
    "idioms": [ { "name": "lib::task", "sleep": "co_await lib::sleep({duration})", "include": ["lib/a.h"], "sleep_include": ["lib/sleep.h"] } ]
  })json", Errors));
  const RuleEntry *Idioms = Catalog.lookup(Section::Idioms, "lib::task");
  ASSERT_TRUE(Idioms);
  EXPECT_EQ(idiomHeaders(*Idioms, "sleep"), "lib/a.h;lib/sleep.h");
  EXPECT_EQ(idiomHeaders(*Idioms, "yield"), "lib/a.h");
}

} // namespace
} // namespace corolint
