#include "UnboundedSpawnAnalysis.h"
#include "support/CoroutineModel.h"
#include "support/ExecutionContext.h"
#include "support/MachineBounds.h"
#include "support/QualifiedName.h"
#include "support/SourceText.h"

#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"

using namespace clang;

namespace corolint {

std::string SpawnLoopAnalysis::suggestion(const SpawnSite &S) const {
  if (S.Rule && !S.Rule->Alternative.empty())
    return S.Rule->Alternative;
  if (S.IsThread)
    return "use a fixed pool of threads (e.g. std::thread::hardware_concurrency() "
           "of them) fed from a queue, or acquire a std::counting_semaphore "
           "before starting each";
  if (const CoroutineBodyStmt *Coro = coroutineBody(&F)) {
    (void)Coro;
    if (const RuleEntry *Type =
            Catalog.awaitableType(typeName(F.getReturnType())))
      if (llvm::StringRef Range = Type->attribute("range_combinator");
          !Range.empty())
        return "acquire a semaphore before each spawn, or start at most N "
               "at a time and await each batch with " +
               Range.str();
  }
  return "acquire a counting semaphore (or a slot of a bounded channel) "
         "before each spawn, or await the work in batches";
}

std::string SpawnLoopAnalysis::loopNote(const Stmt *Loop,
                                        const TripBound &Bound) const {
  if (const auto *Range = dyn_cast<CXXForRangeStmt>(Loop)) {
    if (Bound.K == TripBound::Constant)
      return "loop runs " + std::to_string(Bound.Value) +
             " times, more than MaxConstantFanOut (" +
             std::to_string(Opts.MaxConstantFanOut) + ")";
    std::string Text = spelling(Range->getRangeInit(), Ctx, 40);
    return Text.empty() ? "loop runs once per element of its range"
                        : "loop runs once per element of '" + Text + "'";
  }
  if (Bound.K == TripBound::Constant)
    return "loop runs up to " + std::to_string(Bound.Value) +
           " times, more than MaxConstantFanOut (" +
           std::to_string(Opts.MaxConstantFanOut) + ")";
  if (Bound.K == TripBound::HardwareConcurrency)
    return "loop runs up to the core count plus " +
           std::to_string(Bound.Value) + " times, more than MaxConstantFanOut (" +
           std::to_string(Opts.MaxConstantFanOut) + ")";
  if (auto Counted = countedLoop(Loop)) {
    std::string Text = spelling(Counted->Limit, Ctx, 40);
    if (!Text.empty())
      return "loop runs up to '" + Text + "' times";
  }
  return "loop has no bound on its number of iterations";
}

void SpawnLoopAnalysis::report(const SpawnSite &S, const Stmt *Loop,
                               const TripBound &Bound, const Expr *Event) {
  std::string Extra;
  if (S.How == SpawnSite::Dropped)
    Extra = " (its '" + S.DroppedType + "' is dropped)";
  Check.diag(S.Loc, "'%0' starts one %1 per iteration of a loop with no "
                    "concurrency limit%2; %3")
      << S.Name << (S.IsThread ? "thread" : "task") << Extra << suggestion(S)
      << S.E->getSourceRange();
  loopNotes(Loop, Bound, Event);
}

void SpawnLoopAnalysis::loopNotes(const Stmt *Loop, const TripBound &Bound,
                                  const Expr *Event) {
  Check.diag(Loop->getBeginLoc(), loopNote(Loop, Bound), DiagnosticIDs::Note);
  if (Event)
    Check.diag(Event->getBeginLoc(),
               "each iteration waits for one event here, but nothing caps "
               "how many started tasks run at once",
               DiagnosticIDs::Note);
}

void SpawnLoopAnalysis::run() {
  for (const Expr *E : Handles.scan().Calls)
    if (auto S = fanOutAt(E, Catalog))
      checkFanOut(*S);
  checkBoundedCombinators();
  const std::vector<const Expr *> &InLoops = Handles.scan().InLoops;
  if (InLoops.empty())
    return;
  std::vector<SpawnSite> Sites;
  for (const Expr *E : InLoops) {
    bool Discarded = isa<CallExpr>(E) && Handles.isDiscarded(E);
    if (auto S = spawnAt(E, Discarded, Catalog, Opts.ExtraSpawns,
                         Opts.ExtraSpawnRule))
      Sites.push_back(std::move(*S));
  }
  for (const SpawnSite &S : Sites) {
    // A spawn API started from the class's own code (`start(task)` in
    // task_group's constructor over a range): the caller chose the count.
    if (S.OnThis)
      continue;
    const Expr *Event = nullptr;
    TripBound Bound;
    if (const Stmt *Loop = unboundedLoop(S, /*Helper=*/false, Bound, Event))
      report(S, Loop, Bound, Event);
  }
  checkHelperCalls(Sites);
}

const Stmt *SpawnLoopAnalysis::unboundedLoop(const SpawnSite &S, bool Helper,
                                             TripBound &Bound,
                                             const Expr *&Event) {
  for (const Stmt *Loop : Handles.enclosingLoops(S.E)) {
    if (Handles.exitsAfter(S, Loop))
      continue; // starts once per run of this loop, then leaves it
    const ValueDecl *Holder = nullptr;
    // A helper's background work is out of the caller's reach: whatever
    // happens to the helper's result, the work it started goes on.
    if (!Helper && Handles.fate(S, Loop, Holder) == SpawnHandleFate::Waited)
      return nullptr;
    if (Limits.hasLimiter(S, Loop, Holder))
      return nullptr;
    Bound = tripBound(Loop, Ctx, Catalog);
    if (loopAccepted(Loop))
      continue; // a bounded number per iteration of the loops around it
    Event = eventBefore(S, Loop);
    if (Event && !Opts.ReportAcceptLoops)
      return nullptr; // paced by arrivals: accept or receive, then spawn
    return Loop;
  }
  return nullptr;
}

void SpawnLoopAnalysis::checkFanOut(const FanOutSite &S) {
  if (Limits.callableLimits(S.Mapper))
    return; // each element's work takes a shared limiter first
  if (boundAccepted(rangeBound(S.Range, Ctx, Catalog)))
    return;
  if (!Opts.ReportWorkerLoops && isWorkerFanOut(S, Catalog))
    return;
  // A local container: as many elements as were put in it.
  const VarDecl *V = nullptr;
  const Stmt *FillLoop = nullptr;
  if (localFill(S, V, FillLoop) && !FillLoop)
    return; // empty, or built from a list: filled only a few times
  std::string Range = spelling(S.Range, Ctx, 40);
  Check.diag(S.Loc, "'%0' starts one task per element of %1 at once, with "
                    "no concurrency limit; %2")
      << S.Name << (Range.empty() ? "its range" : "'" + Range + "'")
      << (S.Rule->Alternative.empty()
              ? "bound it with a windowed combinator or a semaphore taken "
                "in the per-element function"
              : S.Rule->Alternative)
      << S.E->getSourceRange();
  if (FillLoop)
    Check.diag(FillLoop->getBeginLoc(),
               "'" + V->getName().str() + "' gets one element per iteration "
               "of this loop; " + loopNote(FillLoop, tripBound(FillLoop, Ctx, Catalog)),
               DiagnosticIDs::Note);
}

UnboundedSpawnCheck::UnboundedSpawnCheck(llvm::StringRef Name,
                                         tidy::ClangTidyContext *Ctx)
    : CoroCheck(Name, Ctx),
      Opts{unsignedOption("MaxConstantFanOut", 0U),
           boolOption("ReportAcceptLoops"),
           boolOption("ReportWorkerLoops"),
           nameListOption("ExtraSpawnFunctions"),
           nameListOption("ExtraLimiterFunctions"),
           RuleEntry(),
           unsignedOption("HelperDepth", 6U)} {
  Opts.ExtraSpawnRule.Library = "user";
  Opts.ExtraSpawnRule.Kind = "task";
  Opts.ExtraSpawnRule.Reason = "listed in ExtraSpawnFunctions";
}

void UnboundedSpawnCheck::checkCoroutine(CoroutineContext &Coro) {
  analyse(Coro.function(), Coro.body(), Coro.ast(), &Coro);
}

void UnboundedSpawnCheck::checkPlainFunction(const FunctionDecl &F,
                                             const Stmt &Body,
                                             ASTContext &Ctx) {
  analyse(F, &Body, Ctx, nullptr);
}

void UnboundedSpawnCheck::analyse(const FunctionDecl &F, const Stmt *Body,
                                  ASTContext &Ctx, CoroutineContext *Coro) {
  if (!Body)
    return;
  SpawnLoopAnalysis(*this, F, Body, Ctx, Coro).run();
}

} // namespace corolint
