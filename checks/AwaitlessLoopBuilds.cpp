// coro-awaitless-loop, the stall-sensitive rule: in a coroutine of a
// library whose scheduler expects every task to yield within a fraction of
// a millisecond (`stall_sensitive` on its awaitable type, e.g. seastar), a
// single awaitless pass over a runtime-sized range that builds per element,
// or a traversal of nested data, is heavy. Also calls that run a callable
// on every element (std::transform, boost::range::transform, for_each
// helpers) as loops.
#include "AwaitlessLoopCheck.h"
#include "support/CoroutineModel.h"
#include "support/QualifiedName.h"

#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"

using namespace clang;

namespace corolint {
namespace {

/// Where a note about a call points: the callee's name.
SourceLocation pointAt(const Stmt *S) {
  if (const auto *M = dyn_cast<CXXMemberCallExpr>(S))
    return M->getExprLoc();
  if (const auto *C = dyn_cast<CallExpr>(S))
    if (!isa<CXXOperatorCallExpr>(C) && C->getCallee())
      return C->getCallee()->getExprLoc();
  if (const auto *E = dyn_cast<Expr>(S))
    return isa<CXXOperatorCallExpr>(E) ? E->getExprLoc() : E->getBeginLoc();
  return S->getBeginLoc();
}

std::string describe(const BuildSite &Site) {
  switch (Site.K) {
  case BuildSite::Allocates:
    return "allocates a '" + Site.What + "'";
  case BuildSite::Inserts:
    return "'" + Site.What + "' inserts into a container";
  case BuildSite::Streams:
    return "writes to a '" + Site.What + "'";
  case BuildSite::Constructs:
    return "constructs a '" + Site.What + "'";
  case BuildSite::Produces:
    return "'" + Site.What + "' returns a new object";
  }
  return {};
}

/// The loops of a helper's body, outermost first; not those of lambdas
/// defined in it (they run when called, maybe elsewhere).
struct HelperLoops : RecursiveASTVisitor<HelperLoops> {
  std::vector<const Stmt *> Loops;
  bool TraverseLambdaExpr(LambdaExpr *) { return true; }
  bool VisitForStmt(ForStmt *S) { return add(S); }
  bool VisitCXXForRangeStmt(CXXForRangeStmt *S) { return add(S); }
  bool VisitWhileStmt(WhileStmt *S) { return add(S); }
  bool VisitDoStmt(DoStmt *S) { return add(S); }
  bool add(const Stmt *S) {
    Loops.push_back(S);
    return true;
  }
};

} // namespace

bool AwaitlessLoopCheck::checkHelperBuilds(const FunctionDecl &F,
                                           const CallExpr *Call,
                                           const FunctionDecl *Callee,
                                           const Wording &W) {
  const FunctionDecl *Def = nullptr;
  if (!W.StallSensitive || !Callee || !Callee->hasBody(Def) ||
      isCoroutine(Def) || !isFollowedHelper(Def, catalog(), Ignored))
    return false;
  ASTContext &Ctx = Def->getASTContext();
  // Called once: a call inside a loop of the coroutine runs per element of
  // that loop, which the loop rules judge (a yield per element is the fix).
  HelperLoops Outer;
  Outer.TraverseStmt(const_cast<Stmt *>(W.Body));
  const SourceManager &SM = Ctx.getSourceManager();
  for (const Stmt *Loop : Outer.Loops)
    if (!SM.isBeforeInTranslationUnit(Call->getBeginLoc(),
                                      Loop->getBeginLoc()) &&
        !SM.isBeforeInTranslationUnit(Loop->getEndLoc(), Call->getBeginLoc()))
      return false;
  HelperLoops Found;
  Found.TraverseStmt(const_cast<Stmt *>(Def->getBody()));
  for (const Stmt *Loop : Found.Loops) {
    if (!Analysis->traversesRuntimeRange(Loop, Ctx))
      continue;
    for (const Stmt *Part : loopIterationParts(Loop)) {
      std::vector<BuildStep> Chain = Builds->find(Part);
      if (Chain.empty())
        continue;
      diag(pointAt(Call),
           "'%0' builds per element of a runtime-sized range without "
           "suspending, called in coroutine '%1', which stalls the reactor "
           "when the range is large; make it a coroutine that yields every "
           "N iterations%2")
          << displayName(*Callee) << displayName(F)
          << (W.Yield.empty() ? std::string() : " (" + W.Yield + ")");
      diag(Loop->getBeginLoc(), "loop in '%0' over a runtime-sized range",
           DiagnosticIDs::Note)
          << displayName(*Def);
      noteBuildChain(*Def, Chain);
      return true;
    }
  }
  return false;
}

bool AwaitlessLoopCheck::checkStallSensitive(const FunctionDecl &F,
                                             const Stmt *Loop,
                                             const Wording &W,
                                             ASTContext &Ctx) {
  if (!W.StallSensitive)
    return false;
  IterationCost Nested = Analysis->loopCost(Loop, Ctx, true);
  if (Nested.Levels >= HeavyLevels) {
    reportHeavy(F, Loop, Nested, W);
    return true;
  }
  if (!Analysis->traversesRuntimeRange(Loop, Ctx))
    return false;
  for (const Stmt *Part : loopIterationParts(Loop)) {
    std::vector<BuildStep> Chain = Builds->find(Part);
    if (!Chain.empty()) {
      reportBuilds(F, Loop, "loop", Chain, W);
      return true;
    }
  }
  return false;
}

void AwaitlessLoopCheck::checkElementCall(const FunctionDecl &F,
                                          const ElementCall &EC,
                                          const Wording &W, ASTContext &Ctx) {
  IterationCost Cost = Analysis->elementCallCost(EC, Ctx);
  if (Cost.Levels >= HeavyLevels) {
    reportHeavy(F, EC.Call, Cost, W);
    return;
  }
  if (!W.StallSensitive)
    return;
  IterationCost Nested = Analysis->elementCallCost(EC, Ctx, true);
  if (Nested.Levels >= HeavyLevels) {
    reportHeavy(F, EC.Call, Nested, W);
    return;
  }
  // Over a runtime range: the call's own pass is the first level.
  if (Nested.Steps.empty() || Nested.Steps.front().Where != EC.Call)
    return;
  std::vector<BuildStep> Chain;
  if (EC.Inserter) {
    BuildStep Step;
    Step.Where = EC.Inserter;
    Step.Site = BuildSite{BuildSite::Inserts, EC.Inserter,
                          calleeName(EC.Inserter->IgnoreParenImpCasts())};
    Chain.push_back(Step);
  } else if (EC.Callable) {
    Chain = Builds->find(EC.Callable->getBody());
  }
  if (!Chain.empty())
    reportBuilds(F, EC.Call, "'" + EC.Name + "'", Chain, W);
}

void AwaitlessLoopCheck::reportBuilds(const FunctionDecl &F, const Stmt *Where,
                                      const std::string &Subject,
                                      const std::vector<BuildStep> &Chain,
                                      const Wording &W) {
  YieldFix Fix = yieldFix(F, Where, W);
  diag(Where->getBeginLoc(),
       "%0 in coroutine '%1' never suspends and builds per element of a "
       "runtime-sized range, which stalls the reactor when the range is "
       "large; yield every N iterations%2")
      << Subject << displayName(F)
      << (W.Yield.empty() ? std::string() : " (" + W.Yield + ")")
      << Fix.onWarning();
  noteBuildChain(F, Chain);
  noteYieldFix(Fix);
}

void AwaitlessLoopCheck::noteBuildChain(const FunctionDecl &F,
                                        const std::vector<BuildStep> &Chain) {
  for (const BuildStep &S : Chain) {
    if (S.Site) {
      diag(pointAt(S.Where), "%0", DiagnosticIDs::Note) << describe(*S.Site);
      continue;
    }
    diag(pointAt(S.Where), "'%0' calls '%1'", DiagnosticIDs::Note)
        << displayName(S.Caller ? *S.Caller : F)
        << (S.Callee ? displayName(*S.Callee) : std::string("?"));
  }
}

} // namespace corolint
