#ifndef COROLINT_UNBOUNDEDSPAWNANALYSIS_H
#define COROLINT_UNBOUNDEDSPAWNANALYSIS_H

// The analysis behind coro-unbounded-spawn, shared by its files:
// UnboundedSpawnCheck.cpp (the walk over spawns and fan-outs, wording),
// UnboundedSpawnBounds.cpp (which loop counts and counting ranges bound a
// fan-out: constants, worker pools, the command line) and
// UnboundedSpawnPacing.cpp (a loop paced by the events that feed it).

#include "UnboundedSpawnCheck.h"
#include "support/BackgroundStarts.h"
#include "support/Limiters.h"
#include "support/LoopBounds.h"
#include "support/RangeFanOut.h"
#include "support/SpawnHandleFate.h"
#include "support/SpawnSites.h"

#include "clang/AST/ASTContext.h"

namespace corolint {

/// The analysis of one function body: every spawn inside a loop, and for
/// each, whether some loop around it starts it once per iteration with no
/// wait, limiter or small bound. What happens to the spawned handle is
/// SpawnHandleFate's to decide, what limits the loop LimiterSearch's; this
/// class holds the policy (bounds, worker and accept loops) and wording.
class SpawnLoopAnalysis {
public:
  /// Coro: the coroutine whose body this is (null: a plain function).
  SpawnLoopAnalysis(UnboundedSpawnCheck &Check, const clang::FunctionDecl &F,
                    const clang::Stmt *Body, clang::ASTContext &Ctx,
                    CoroutineContext *Coro)
      : Check(Check), Opts(Check.Opts), Catalog(Check.catalog()), F(F),
        Ctx(Ctx), SM(Ctx.getSourceManager()), Coro(Coro),
        Handles(Body, Catalog, Ctx),
        Limits(Handles, Catalog, Opts.ExtraLimiters, helperLimiterCache(Ctx, Catalog, Check.optionText("ExtraLimiterFunctions")),
               Ctx, Coro),
        Background(BackgroundStarts::of(Ctx, Catalog, Opts.ExtraSpawns,
                                        Opts.ExtraSpawnRule,
                                        Check.optionText("ExtraSpawnFunctions"),
                                        Opts.HelperDepth)) {}

  void run();

private:
  /// The loop around S that starts it once per iteration with no wait,
  /// limiter or accepted bound, or null; Bound and Event describe it.
  /// Helper: S is a call of a helper that starts work in the background
  /// (what the caller does with the call's result does not wait for it).
  const clang::Stmt *unboundedLoop(const SpawnSite &S, bool Helper,
                                   TripBound &Bound, const clang::Expr *&Event);
  /// Calls in loops of helpers that start work in the background and
  /// return (UnboundedSpawnHelpers.cpp); Sites are the loops' own spawns.
  void checkHelperCalls(const std::vector<SpawnSite> &Sites);
  /// A bounded combinator (a `limiters` entry such as
  /// max_concurrent_for_each) whose per-element function calls a helper
  /// that starts work in the background: the bound does not hold.
  void checkBoundedCombinators();
  void chainNotes(const BackgroundStart &Start);
  const clang::Expr *eventBefore(const SpawnSite &S,
                                 const clang::Stmt *Loop) const;
  std::vector<const clang::Expr *> eventsIn(const clang::Stmt *S) const;
  bool unconditionallyBefore(const clang::Expr *Event, const SpawnSite &S,
                             const clang::Stmt *Loop) const;
  bool isWorkerLoop(const clang::Stmt *Loop) const;
  /// Whether Event delivers what the spawn works on: its value, or a
  /// variable it fills, is used by the spawn (an accept or receive).
  bool feedsSpawn(const clang::Expr *Event, const SpawnSite &S) const;
  /// Whether a known bound caps the fan-out (the constant-bound policy).
  bool boundAccepted(const TripBound &Bound) const;
  /// Whether a loop's trip count caps the fan-out: a known bound, a
  /// worker loop, one per command-line argument.
  bool loopAccepted(const clang::Stmt *Loop) const;
  void checkFanOut(const FanOutSite &S);
  /// Whether the collection of a fan-out is a local container, and how it
  /// is filled: Filled receives the local that gets the elements (the
  /// collection, or the local it is a copy or move of), FillLoop the loop
  /// that adds one per iteration with no accepted bound, or null when it
  /// only gets a few (built empty or from a list, filled in bounded loops).
  bool localFill(const FanOutSite &S, const clang::VarDecl *&Filled,
                 const clang::Stmt *&FillLoop) const;

  void report(const SpawnSite &S, const clang::Stmt *Loop,
              const TripBound &Bound, const clang::Expr *Event);
  std::string suggestion(const SpawnSite &S) const;
  std::string loopNote(const clang::Stmt *Loop, const TripBound &Bound) const;
  /// The notes under a finding: the loop (with its bound) and the event
  /// each iteration waits for, if any.
  void loopNotes(const clang::Stmt *Loop, const TripBound &Bound,
                 const clang::Expr *Event);

  UnboundedSpawnCheck &Check;
  const UnboundedSpawnCheck::Settings &Opts;
  const RuleCatalog &Catalog;
  const clang::FunctionDecl &F;
  clang::ASTContext &Ctx;
  const clang::SourceManager &SM;
  CoroutineContext *Coro;
  SpawnHandleFate Handles;
  LimiterSearch Limits;
  BackgroundStarts &Background;
};

/// A fan-out over a counting range that starts workers, not work per item
/// (UnboundedSpawnBounds.cpp).
bool isWorkerFanOut(const FanOutSite &S, const RuleCatalog &Catalog);

} // namespace corolint

#endif
