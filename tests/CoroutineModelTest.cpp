#include "support/CoroutineModel.h"
#include "support/LoopBounds.h"
#include "support/MachineBounds.h"
#include "support/QualifiedName.h"
#include "support/RuleCatalog.h"
#include "TidyRunner.h"

#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/ASTMatchers/ASTMatchers.h"
#include "clang/Frontend/ASTUnit.h"
#include "clang/Tooling/Tooling.h"
#include <algorithm>
#include <gtest/gtest.h>

using namespace clang;
using namespace clang::ast_matchers;

namespace corolint {
namespace {

// A minimal task type and awaitables, so snippets need no headers.
const char *Prelude = R"cpp(
#include <coroutine>
struct task {
  struct promise_type {
    task get_return_object() { return {}; }
    std::suspend_never initial_suspend() { return {}; }
    std::suspend_never final_suspend() noexcept { return {}; }
    void return_void() {}
    void unhandled_exception() {}
    std::suspend_always yield_value(int) { return {}; }
  };
};
struct ready_awaiter {
  bool await_ready() const noexcept { return true; }
  void await_suspend(std::coroutine_handle<>) {}
  int await_resume() { return 1; }
};
struct maybe_awaiter {
  bool flag;
  bool await_ready() const noexcept { return flag; }
  void await_suspend(std::coroutine_handle<>) {}
  int await_resume() { return 1; }
};
namespace lib { struct query_t { bool await_ready() const; void await_suspend(std::coroutine_handle<>) const; int await_resume() const; }; inline constexpr query_t query{}; }
)cpp";

class Model : public ::testing::Test {
protected:
  void parse(const std::string &Code) {
    AST = tooling::buildASTFromCodeWithArgs(
        std::string(Prelude) + Code,
        {"-std=c++20", "-resource-dir=" + test::clangResourceDir()});
    ASSERT_TRUE(AST);
    ASSERT_FALSE(AST->getDiagnostics().hasErrorOccurred());
  }
  const FunctionDecl *function(const std::string &Name) {
    auto Found = match(functionDecl(hasName(Name), isDefinition()).bind("f"),
                       AST->getASTContext());
    return Found.empty() ? nullptr : Found[0].getNodeAs<FunctionDecl>("f");
  }
  std::vector<SuspensionPoint> points(const std::string &Name) {
    return suspensionPoints(coroutineBody(function(Name)));
  }
  std::unique_ptr<ASTUnit> AST;
};

TEST_F(Model, RecognisesCoroutines) {
  parse(R"cpp(
    task coro() { co_return; }
    task plain_task() { return {}; }
    int plain() { return 0; }
    template <class T> task templ(T) { co_await std::suspend_always{}; }
    auto lambda = []() -> task { co_return; };
  )cpp");
  EXPECT_TRUE(isCoroutine(function("coro")));
  EXPECT_FALSE(isCoroutine(function("plain_task")));
  EXPECT_FALSE(isCoroutine(function("plain")));
  EXPECT_TRUE(isCoroutine(function("templ")));
  auto Lambdas = match(lambdaExpr(isExpansionInMainFile()).bind("l"), AST->getASTContext());
  ASSERT_EQ(Lambdas.size(), 1u);
  EXPECT_TRUE(isCoroutine(Lambdas[0].getNodeAs<LambdaExpr>("l")->getCallOperator()));
}

TEST_F(Model, FindsSuspensionPointsInSourceOrderWithoutNestedLambdas) {
  parse(R"cpp(
    int use(int a, int b) { return a + b; }
    task c() {
      int v = co_await maybe_awaiter{false};
      if (co_await maybe_awaiter{false}) {}
      for (int i = co_await ready_awaiter{}; i < 2; ++i) {}
      use(co_await maybe_awaiter{true}, 2);
      co_yield 3;
      auto inner = []() -> task { co_await std::suspend_always{}; };
      constexpr auto size = sizeof(use(1, 2));
    }
  )cpp");
  auto P = points("c");
  ASSERT_EQ(P.size(), 5u);
  for (std::size_t I = 0; I < 4; ++I)
    EXPECT_FALSE(P[I].IsYield);
  EXPECT_TRUE(P[4].IsYield);
  const SourceManager &SM = AST->getSourceManager();
  for (std::size_t I = 1; I < P.size(); ++I)
    EXPECT_TRUE(SM.isBeforeInTranslationUnit(P[I - 1].E->getBeginLoc(),
                                             P[I].E->getBeginLoc()));
}

TEST_F(Model, KnowsWhichAwaitsCannotSuspend) {
  parse(R"cpp(
    task c() {
      co_await std::suspend_never{};
      co_await ready_awaiter{};
      co_await std::suspend_always{};
      co_await maybe_awaiter{true};
      co_await lib::query;
      co_yield 1;
    }
  )cpp");
  RuleCatalog Catalog;
  std::vector<RuleError> Errors;
  ASSERT_TRUE(Catalog.addFile("t.json",
                              R"({"library": "lib", "non_suspending_awaitables": [{"name": "lib::query_t"}]})",
                              Errors));
  auto P = points("c");
  ASSERT_EQ(P.size(), 6u);
  ASTContext &Ctx = AST->getASTContext();
  EXPECT_FALSE(canSuspend(P[0].E, Catalog, Ctx)); // suspend_never
  EXPECT_FALSE(canSuspend(P[1].E, Catalog, Ctx)); // await_ready returns true
  EXPECT_TRUE(canSuspend(P[2].E, Catalog, Ctx));  // suspend_always
  EXPECT_TRUE(canSuspend(P[3].E, Catalog, Ctx));  // runtime flag
  EXPECT_FALSE(canSuspend(P[4].E, Catalog, Ctx)); // catalogued
  EXPECT_TRUE(canSuspend(P[5].E, Catalog, Ctx));  // yield_value: suspend_always
}

TEST_F(Model, QualifiedNamesDropTemplateArgumentsAndInlineNamespaces) {
  parse(R"cpp(
    namespace outer { inline namespace v1 { template <class T> struct box {
      box(int) {}
      void get() {}
    }; } namespace { void hidden() {} } }
    namespace alias = outer;
    struct derived : outer::box<int> { using box::box; };
    void calls() {
      outer::box<long> b(1);
      b.get();
      derived d(1);
      d.get();
      alias::hidden();
    }
  )cpp");
  auto Calls = match(
      functionDecl(hasName("calls"),
                   forEachDescendant(expr(anyOf(callExpr(), cxxConstructExpr())).bind("c"))),
      AST->getASTContext());
  std::vector<std::string> Names;
  for (auto &M : Calls)
    Names.push_back(calleeName(M.getNodeAs<Expr>("c")));
  std::sort(Names.begin(), Names.end());
  EXPECT_EQ(Names, (std::vector<std::string>{"derived::derived", "outer::box::box",
                                             "outer::box::get", "outer::box::get",
                                             "outer::hidden"}));
}

} // namespace
} // namespace corolint

namespace corolint {
namespace {

/// The embedded catalogs (loop bounds read `accessors` entries and
/// `executors` entries from them).
const RuleCatalog &embeddedCatalog() {
  static std::vector<RuleError> Errors;
  static std::shared_ptr<const RuleCatalog> Catalog = RuleCatalog::get({}, Errors);
  return *Catalog;
}

class Loops : public Model {
protected:
  std::vector<TripBound> bounds(const std::string &Function) {
    auto Found = match(
        functionDecl(hasName(Function),
                     forEachDescendant(stmt(anyOf(forStmt(), cxxForRangeStmt(),
                                                  whileStmt(), doStmt()))
                                           .bind("loop"))),
        AST->getASTContext());
    std::vector<TripBound> Result;
    for (auto &M : Found)
      Result.push_back(tripBound(M.getNodeAs<Stmt>("loop"), AST->getASTContext(), embeddedCatalog()));
    return Result;
  }
};

TEST_F(Loops, ConstantBoundsAreKnownAndRuntimeOnesAreNot) {
  parse(R"cpp(
    namespace std {
    template <class T> const T &min(const T &a, const T &b) { return b < a ? b : a; }
    template <class T, unsigned long N> struct array { T data[N]; T *begin(); T *end(); };
    struct thread { static unsigned hardware_concurrency() noexcept; };
    }
    void f(unsigned n, int *xs) {
      for (int i = 0; i < 4; ++i) {}
      for (int i = 1; i <= 8; ++i) {}
      for (int i = 10; i > 0; --i) {}
      for (unsigned i = 0; i < std::min(n, 8u); ++i) {}
      for (unsigned i = 0; i < std::thread::hardware_concurrency(); ++i) {}
      int arr[5];
      for (int x : arr) {}
      std::array<int, 3> a3;
      for (int x : a3) {}
      for (unsigned i = 0; i < n; ++i) {}
      while (n--) {}
      for (;;) { break; }
    }
  )cpp");
  auto B = bounds("f");
  ASSERT_EQ(B.size(), 10u);
  EXPECT_EQ(B[0].K, TripBound::Constant); EXPECT_EQ(B[0].Value, 4u);
  EXPECT_EQ(B[1].Value, 8u);
  EXPECT_EQ(B[2].K, TripBound::Constant); EXPECT_EQ(B[2].Value, 10u);
  EXPECT_EQ(B[3].K, TripBound::Constant); EXPECT_EQ(B[3].Value, 8u);
  EXPECT_EQ(B[4].K, TripBound::HardwareConcurrency);
  EXPECT_EQ(B[5].Value, 5u);
  EXPECT_EQ(B[6].Value, 3u);
  EXPECT_EQ(B[7].K, TripBound::Unknown);
  EXPECT_EQ(B[8].K, TripBound::Unknown);
  EXPECT_EQ(B[9].K, TripBound::Unknown);
  EXPECT_TRUE(B[0].isSmall(64));
  EXPECT_FALSE(B[0].isSmall(3));
}

TEST_F(Loops, ConstantRangesBesidesLiteralsAndArrays) {
  parse(R"cpp(
    #include <initializer_list>
    #include <ranges>
    #include <string>
    #include <string_view>
    #include <vector>
    using namespace std::literals;
    void f(const std::vector<int> &v, int n) {
      for (int i : std::views::iota(0, 3)) {}
      auto seps = {',', ';'};
      for (char c : seps) {}
      for (char c : "aeiou"sv) {}
      for (char c : std::string_view("aeiou")) {}
      static const std::vector<std::string> kNames{"a", "b", "c"};
      for (const auto &s : kNames) {}
      for (int i : std::views::iota(0, n)) {}
      std::vector<int> grows{1, 2};
      grows.push_back(3);
      for (int x : grows) {}
      for (int x : v) {}
    }
  )cpp");
  auto B = bounds("f");
  ASSERT_EQ(B.size(), 8u);
  EXPECT_EQ(B[0].K, TripBound::Constant); EXPECT_EQ(B[0].Value, 3u);
  EXPECT_EQ(B[1].K, TripBound::Constant); EXPECT_EQ(B[1].Value, 2u);
  EXPECT_EQ(B[2].K, TripBound::Constant); EXPECT_EQ(B[2].Value, 5u);
  EXPECT_EQ(B[3].K, TripBound::Constant); EXPECT_EQ(B[3].Value, 5u);
  EXPECT_EQ(B[4].K, TripBound::Constant); EXPECT_EQ(B[4].Value, 3u);
  EXPECT_EQ(B[5].K, TripBound::Unknown); // runtime end
  EXPECT_EQ(B[6].K, TripBound::Unknown); // changed after its braced init
  EXPECT_EQ(B[7].K, TripBound::Unknown);
}

TEST_F(Loops, BoundsThroughUnchangedLocalsCoreCountArithmeticAndSizedVectors) {
  parse(R"cpp(
    namespace std {
    template <class T> const T &max(const T &a, const T &b) { return a < b ? b : a; }
    struct thread { static unsigned hardware_concurrency() noexcept; };
    template <class T> struct vector {
      explicit vector(unsigned long n);
      T *begin(); T *end();
      void push_back(const T &);
      unsigned long size() const;
    };
    }
    void g(unsigned n) {
      const unsigned cores = std::thread::hardware_concurrency();
      for (unsigned i = 0; i < cores; ++i) {}
      unsigned workers = std::max(2u, std::thread::hardware_concurrency() - 1);
      for (unsigned i = 0; i < workers; ++i) {}
      for (unsigned i = 0; i < std::thread::hardware_concurrency() * 2; ++i) {}
      for (unsigned i = 0; i < std::thread::hardware_concurrency() * 100; ++i) {}
      for (unsigned i = 0; i < std::max(n, 4u); ++i) {}
      unsigned limit = 16;
      for (unsigned i = 0; i < limit; ++i) {}
      unsigned changed = 16;
      changed = n;
      for (unsigned i = 0; i < changed; ++i) {}
      std::vector<int> pool(std::thread::hardware_concurrency());
      for (int x : pool) {}
      std::vector<int> grown(4);
      grown.push_back(1);
      for (int x : grown) {}
      std::vector<int> sized(n);
      for (int x : sized) {}
    }
  )cpp");
  auto B = bounds("g");
  ASSERT_EQ(B.size(), 10u);
  EXPECT_EQ(B[0].K, TripBound::HardwareConcurrency); // const local
  EXPECT_EQ(B[1].K, TripBound::HardwareConcurrency); // std::max(2u, hw - 1)
  EXPECT_EQ(B[1].Value, 2u);
  EXPECT_TRUE(B[1].isSmall(64));
  EXPECT_FALSE(B[1].isSmall(1));
  EXPECT_EQ(B[2].K, TripBound::HardwareConcurrency); // hw * 2
  EXPECT_EQ(B[3].K, TripBound::Unknown);             // hw * 100
  EXPECT_EQ(B[4].K, TripBound::Unknown);             // std::max(n, 4u)
  EXPECT_EQ(B[5].K, TripBound::Constant);            // unchanged local
  EXPECT_EQ(B[5].Value, 16u);
  EXPECT_EQ(B[6].K, TripBound::Unknown);             // reassigned local
  EXPECT_EQ(B[7].K, TripBound::HardwareConcurrency); // vector sized by the cores
  EXPECT_EQ(B[8].K, TripBound::Unknown);             // vector that grows
  EXPECT_EQ(B[9].K, TripBound::Unknown);             // vector of n
}

TEST_F(Loops, CountedLoopsAndTheirLimitSources) {
  parse(R"cpp(
    unsigned count();
    void h(unsigned n) {
      for (unsigned i = 0; i < n; ++i) {}
      for (unsigned i = 10; 0 < i; --i) {}
      unsigned m = count();
      for (unsigned i = 0; i != m; ++i) {}
      while (n--) {}
      do {} while ((void)0, false && count());
      while (false) {}
    }
  )cpp");
  auto Found = match(
      functionDecl(hasName("h"), forEachDescendant(stmt(anyOf(forStmt(), whileStmt())).bind("loop"))),
      AST->getASTContext());
  ASSERT_EQ(Found.size(), 5u); // the do-while is not matched
  auto First = countedLoop(Found[0].getNodeAs<Stmt>("loop"));
  ASSERT_TRUE(First);
  EXPECT_EQ(First->Counter->getName(), "i");
  EXPECT_TRUE(isa<DeclRefExpr>(First->Limit));
  auto Second = countedLoop(Found[1].getNodeAs<Stmt>("loop"));
  ASSERT_TRUE(Second);
  EXPECT_EQ(Second->Counter->getName(), "i");
  auto Third = countedLoop(Found[2].getNodeAs<Stmt>("loop"));
  ASSERT_TRUE(Third);
  const Expr *Source = limitSource(Third->Limit);
  ASSERT_TRUE(Source);
  EXPECT_EQ(calleeName(Source), "count");
  EXPECT_FALSE(countedLoop(Found[3].getNodeAs<Stmt>("loop")));
  TripBound Never = tripBound(Found[4].getNodeAs<Stmt>("loop"), AST->getASTContext(), embeddedCatalog());
  EXPECT_EQ(Never.K, TripBound::Constant);
  EXPECT_EQ(Never.Value, 0u);
  auto Do = match(functionDecl(hasName("h"), forEachDescendant(doStmt().bind("loop"))),
                  AST->getASTContext());
  ASSERT_EQ(Do.size(), 1u);
  TripBound Once = tripBound(Do[0].getNodeAs<Stmt>("loop"), AST->getASTContext(), embeddedCatalog());
  EXPECT_EQ(Once.K, TripBound::Constant);
  EXPECT_EQ(Once.Value, 1u);
}

} // namespace
} // namespace corolint
