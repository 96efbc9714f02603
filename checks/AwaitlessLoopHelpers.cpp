// coro-awaitless-loop: a helper called from a coroutine whose own body
// loops heavily. The helper is not a coroutine, so its loop cannot suspend:
// it runs on the coroutine's thread as if it were written in the coroutine
// (`while (over_limit) { scan every sstable; reclaim one; }` in a plain
// member function the reclaim fiber calls).
#include "AwaitlessLoopCheck.h"
#include "support/QualifiedName.h"

#include "clang/AST/ExprCXX.h"

using namespace clang;

namespace corolint {

void AwaitlessLoopCheck::checkHelperCall(const FunctionDecl &F,
                                         const Expr *Call, const Wording &W) {
  const auto *C = dyn_cast_or_null<CallExpr>(Call);
  if (!C || C->isTypeDependent())
    return;
  const FunctionDecl *Callee = calleeOf(C);
  if (!Callee || Callee == &F || Ignored.matches(qualifiedName(Callee)))
    return;
  IterationCost Cost = Analysis->functionCost(Callee);
  if (Cost.Levels < HeavyLevels) {
    checkHelperBuilds(F, C, Callee, W);
    return;
  }
  for (CostStep &S : Cost.Steps)
    if (S.K == CostStep::Summarised && !S.Where)
      S.Where = C; // the helper is defined in another file: note the call
  SourceLocation At = C->getBeginLoc();
  if (const auto *M = dyn_cast<CXXMemberCallExpr>(C))
    At = M->getExprLoc();
  else if (!isa<CXXOperatorCallExpr>(C) && C->getCallee())
    At = C->getCallee()->getExprLoc();
  diag(At,
       "'%0' loops without suspending and does heavy work per iteration, "
       "called in coroutine '%1'; make it a coroutine that yields every N "
       "iterations%2, or move it to a thread pool%3")
      << displayName(*Callee) << displayName(F)
      << (W.Yield.empty() ? std::string() : " (" + W.Yield + ")")
      << (W.Offload.empty() ? std::string() : " (" + W.Offload + ")");
  noteCostSteps(F, Cost);
}

} // namespace corolint
