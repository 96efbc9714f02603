// coro-unbounded-spawn: a loop that calls, or awaits, a helper once per
// iteration, where the helper starts work in the background and returns
// without waiting for it (BackgroundStarts): every iteration adds one more
// piece of work in flight, as a spawn written in the loop would.
#include "UnboundedSpawnAnalysis.h"
#include "support/BlockingAnalysis.h"
#include "support/QualifiedName.h"
#include "support/ValueOf.h"

#include "clang/AST/ExprCXX.h"
#include "llvm/ADT/STLExtras.h"

using namespace clang;

namespace corolint {

void SpawnLoopAnalysis::checkHelperCalls(const std::vector<SpawnSite> &Sites) {
  if (Opts.HelperDepth == 0)
    return;
  auto inSpawn = [&](const Expr *E) {
    return llvm::any_of(
        Sites, [&](const SpawnSite &S) { return Handles.within(E, S.E); });
  };
  for (const Expr *E : Handles.scan().InLoops) {
    const auto *Call = dyn_cast<CallExpr>(E);
    if (!Call || inSpawn(Call))
      continue; // a spawn of the loop's own, reported as such
    const FunctionDecl *Callee = calleeOf(Call);
    if (!Callee || Callee->getCanonicalDecl() == F.getCanonicalDecl() ||
        !BackgroundStarts::runsBody(Callee, Handles.inWaitContext(Call)))
      continue;
    const BackgroundStart *Start = Background.startOf(Callee);
    if (!Start)
      continue;
    // The helper takes a limiter before it starts the work (the units go
    // with the work): each call waits for room.
    if (Limits.helperLimits(Callee, 0))
      continue;
    SpawnSite S;
    S.How = SpawnSite::Call;
    S.E = Call;
    S.Name = qualifiedName(Callee);
    S.Loc = calledNameLoc(Call);
    TripBound Bound;
    const Expr *Event = nullptr;
    const Stmt *Loop = unboundedLoop(S, /*Helper=*/true, Bound, Event);
    if (!Loop)
      continue;
    Check.diag(S.Loc, "'%0' starts work in the background and returns "
                      "without waiting for it, once per iteration of a loop "
                      "with no concurrency limit; have it wait for its work, "
                      "then %1")
        << S.Name << suggestion(S) << Call->getSourceRange();
    loopNotes(Loop, Bound, Event);
    chainNotes(*Start);
  }
}

void SpawnLoopAnalysis::chainNotes(const BackgroundStart &Start) {
  const std::vector<BackgroundStart::Hop> &Chain = Start.Chain;
  for (size_t K = 0; K + 1 < Chain.size(); ++K)
    Check.diag(Chain[K].Loc,
               "'" + Chain[K].Name + "' is called here and starts work in "
               "the background",
               DiagnosticIDs::Note);
  Check.diag(Chain.back().Loc,
             "'" + Chain.back().Name +
                 "' is started in the background here and not awaited",
             DiagnosticIDs::Note);
}

void SpawnLoopAnalysis::checkBoundedCombinators() {
  if (Opts.HelperDepth == 0)
    return;
  for (const Expr *E : Handles.scan().Calls) {
    const auto *Combinator = dyn_cast<CallExpr>(E);
    if (!Combinator || !Limits.isLimiter(Combinator))
      continue;
    for (const Expr *Arg : Combinator->arguments()) {
      const LambdaExpr *Fn = heldLambda(Arg);
      if (!Fn || !Fn->getBody())
        continue;
      // The per-element function's calls run (returned or awaited: the
      // combinator waits for what the function returns).
      for (const CallSite &Site : callsIn(Fn->getBody())) {
        const FunctionDecl *Callee = calleeOf(Site.Call);
        if (!Callee || !BackgroundStarts::runsBody(Callee, true))
          continue;
        const BackgroundStart *Start = Background.startOf(Callee);
        if (!Start || Limits.helperLimits(Callee, 0))
          continue;
        const auto *Call = dyn_cast<CallExpr>(Site.Call);
        SourceLocation Loc =
            Call ? calledNameLoc(Call) : Site.Call->getExprLoc();
        Check.diag(Loc, "'%0' starts work in the background and returns "
                        "without waiting for it, so '%1' does not bound the "
                        "work it runs; have it wait for its work")
            << qualifiedName(Callee) << calleeName(Combinator)
            << Site.Call->getSourceRange();
        chainNotes(*Start);
      }
    }
  }
}

} // namespace corolint
