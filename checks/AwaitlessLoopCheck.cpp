#include "AwaitlessLoopCheck.h"
#include "support/AnalysisStore.h"
#include "support/BlockingAnalysis.h"
#include "support/CoroutineModel.h"
#include "support/EvaluatedCodeVisitor.h"
#include "support/ExecutionContext.h"
#include "support/FixIts.h"
#include "support/QualifiedName.h"
#include "support/SourceText.h"
#include "support/SpinHints.h"
#include "support/ValueOf.h"

#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Lex/Lexer.h"
#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/ADT/StringExtras.h"

using namespace clang;

namespace corolint {
namespace {

/// The loops of a coroutine body in pre-order; OnLoop says whether to look
/// inside a loop for more.
class LoopFinder : public EvaluatedCodeVisitor<LoopFinder> {
  using Base = EvaluatedCodeVisitor<LoopFinder>;

public:
  LoopFinder(llvm::function_ref<bool(const Stmt *)> OnLoop,
             llvm::function_ref<void(const Expr *)> OnCall)
      : OnLoop(OnLoop), OnCall(OnCall) {}
  bool VisitCallExpr(CallExpr *C) {
    OnCall(C);
    return true;
  }
  bool TraverseForStmt(ForStmt *S) {
    return !OnLoop(S) || Base::TraverseForStmt(S);
  }
  bool TraverseCXXForRangeStmt(CXXForRangeStmt *S) {
    return !OnLoop(S) || Base::TraverseCXXForRangeStmt(S);
  }
  bool TraverseWhileStmt(WhileStmt *S) {
    return !OnLoop(S) || Base::TraverseWhileStmt(S);
  }
  bool TraverseDoStmt(DoStmt *S) {
    return !OnLoop(S) || Base::TraverseDoStmt(S);
  }

private:
  llvm::function_ref<bool(const Stmt *)> OnLoop;
  llvm::function_ref<void(const Expr *)> OnCall;
};

/// The call or construction that takes the lambda of Closure as an argument.
class LambdaCallFinder : public RecursiveASTVisitor<LambdaCallFinder> {
public:
  explicit LambdaCallFinder(const CXXRecordDecl *Closure) : Closure(Closure) {}
  bool shouldVisitLambdaBody() const { return true; }
  bool VisitCallExpr(CallExpr *C) {
    for (const Expr *Arg : C->arguments())
      check(C, Arg);
    return !Call;
  }
  bool VisitCXXConstructExpr(CXXConstructExpr *C) {
    if (C->getConstructor() && C->getConstructor()->isCopyOrMoveConstructor())
      return true;
    for (const Expr *Arg : C->arguments())
      check(C, Arg);
    return !Call;
  }
  const Expr *Call = nullptr;

private:
  void check(const Expr *C, const Expr *Arg) {
    if (const auto *L =
            dyn_cast_or_null<LambdaExpr>(ignoreValuePreserving(Arg)))
      if (L->getLambdaClass() == Closure && !Call)
        Call = C;
  }
  const CXXRecordDecl *Closure;
};

SourceLocation keywordLoc(const Stmt *Loop) { return Loop->getBeginLoc(); }

} // namespace

AwaitlessLoopCheck::AwaitlessLoopCheck(llvm::StringRef Name,
                                       tidy::ClangTidyContext *Ctx)
    : CoroCheck(Name, Ctx),
      SmallTripCount(unsignedOption("SmallTripCount", 64U)),
      HeavyLevels(unsignedOption("HeavyLevels", 2U, /*Min=*/1U)),
      HelperDepth(unsignedOption("HelperDepth", 6U)),
      Extra(nameListOption("ExtraCpuHeavyFunctions")),
      Ignored(nameListOption("IgnoredFunctions")),
      Locks(catalog(), NoLockOptions) {}

namespace {
/// The iteration-cost and building summaries of a translation unit for one
/// catalog and one set of the check's options (AnalysisStore), with the
/// name lists they read.
struct LoopSummaries {
  static const char *storeKind() { return "loop-cost"; }
  LoopSummaries(const RuleCatalog &Catalog, llvm::StringRef ExtraOption,
                llvm::StringRef IgnoredOption, unsigned SmallTripCount,
                unsigned HelperDepth)
      : Extra(ExtraOption), Ignored(IgnoredOption),
        Costs(Catalog, Extra, Ignored,
              LoopCostAnalysis::Options{SmallTripCount, HelperDepth}),
        Builds(Catalog, Ignored, HelperDepth) {}
  NameList Extra, Ignored;
  LoopCostAnalysis Costs;
  BuildFinder Builds;
};
} // namespace

bool AwaitlessLoopCheck::yieldsPerIteration(const Stmt *Loop,
                                            ASTContext &Ctx) const {
  for (const Stmt *Part : loopIterationParts(Loop)) {
    if (Coro->maySuspendIn(Part))
      return true;
    for (const CallSite &Site : callsIn(Part)) {
      const FunctionDecl *Callee = calleeOf(Site.Call);
      if (Callee ? catalog().lookup(Section::Yields, Callee)
                 : catalog().lookup(Section::Yields, calleeName(Site.Call)))
        return true;
    }
  }
  return false;
}

bool AwaitlessLoopCheck::isOffloadedLambda(const FunctionDecl &F) const {
  const auto *M = dyn_cast<CXXMethodDecl>(&F);
  if (!M || !M->getParent()->isLambda())
    return false;
  // The call the lambda is an argument of is in the function that defines
  // it: search that body (cheaper than the AST-wide parent map).
  const CXXRecordDecl *Closure = M->getParent();
  const DeclContext *DC = Closure->getDeclContext();
  while (DC && !isa<FunctionDecl>(DC))
    DC = DC->getParent();
  const auto *Home = dyn_cast_or_null<FunctionDecl>(DC);
  if (!Home || !Home->getBody())
    return false;
  LambdaCallFinder Finder(Closure);
  Finder.TraverseStmt(Home->getBody());
  const Expr *Call = Finder.Call;
  if (!Call)
    return false;
  const FunctionDecl *Callee = calleeOf(Call);
  if (Callee ? catalog().lookup(Section::Offload, Callee)
             : catalog().lookup(Section::Offload, calleeName(Call)))
    return true;
  return involvesPoolExecutor(Call, catalog());
}

void AwaitlessLoopCheck::checkCoroutine(CoroutineContext &Coro) {
  const FunctionDecl &F = Coro.function();
  ASTContext &Ctx = Coro.ast();
  this->Coro = &Coro;
  llvm::StringRef ExtraOption = optionText("ExtraCpuHeavyFunctions");
  llvm::StringRef IgnoredOption = optionText("IgnoredFunctions");
  LoopSummaries &Summaries =
      AnalysisStore::of(Ctx).summaries<LoopSummaries>(
          summaryKey(catalog(), {ExtraOption, IgnoredOption,
                                 std::to_string(SmallTripCount),
                                 std::to_string(HelperDepth)}),
          [&] {
            return std::make_unique<LoopSummaries>(catalog(), ExtraOption,
                                                   IgnoredOption,
                                                   SmallTripCount, HelperDepth);
          });
  Analysis = &Summaries.Costs;
  Builds = &Summaries.Builds;
  if (isOffloadedLambda(F))
    return;
  Wording W;
  if (const RuleEntry *Type =
          catalog().awaitableType(typeName(F.getReturnType()))) {
    W.Yield = Type->attribute("yield").str();
    W.Offload = Type->attribute("offload").str();
    W.Event = Type->attribute("event").str();
    W.StallSensitive = Type->attribute("stall_sensitive") == "true";
  }
  W.Idioms = coroutineIdioms(F, catalog());
  W.Body = Coro.body();
  W.Ctx = &Ctx;
  const ExecutionContext &Where = Coro.where();

  auto OnLoop = [&](const Stmt *Loop) -> bool {
    if (Where.onPool(Loop))
      return false; // runs on a thread pool from here on
    if (yieldsPerIteration(Loop, Ctx))
      return true; // look for loops inside that do not
    if (Analysis->isSmallLoop(Loop, Ctx))
      return true;
    if (const Expr *Await = awaitsOnlyReady(Loop, Ctx)) {
      diag(keywordLoc(Loop),
           "loop in coroutine '%0' spins: its awaits complete without "
           "suspending; await an event instead%1")
          << displayName(F)
          << (W.Event.empty() ? std::string() : " (" + W.Event + ")");
      diag(Await->getBeginLoc(), "this await never suspends",
           DiagnosticIDs::Note);
      return false;
    }
    if (const Expr *Polled = spinningOn(Loop, Ctx, catalog())) {
      std::string What = spelling(Polled, Ctx, 60);
      diag(keywordLoc(Loop),
           "loop in coroutine '%0' spins on %1 without suspending; await an "
           "event instead%2")
          << displayName(F) << (What.empty() ? "a flag" : "'" + What + "'")
          << (W.Event.empty() ? std::string() : " (" + W.Event + ")");
      return false;
    }
    IterationCost Cost = Analysis->loopCost(Loop, Ctx);
    if (Cost.Levels >= HeavyLevels) {
      reportHeavy(F, Loop, Cost, W);
      return false;
    }
    return !checkStallSensitive(F, Loop, W, Ctx);
  };
  auto OnCall = [&](const Expr *Call) {
    if (Where.onPool(Call))
      return;
    if (std::optional<ElementCall> EC = elementCall(Call, catalog(), Ignored))
      checkElementCall(F, *EC, W, Ctx);
    else
      checkHelperCall(F, Call, W);
  };
  LoopFinder Finder(OnLoop, OnCall);
  Finder.TraverseStmt(const_cast<Stmt *>(Coro.body()));
}

} // namespace corolint
