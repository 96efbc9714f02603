#ifndef COROLINT_SUPPORT_LIMITERS_H
#define COROLINT_SUPPORT_LIMITERS_H

#include "support/CoroutineContext.h"
#include "support/NameList.h"
#include "support/RuleCatalog.h"
#include "support/SpawnHandleFate.h"
#include "support/SpawnSites.h"

#include "clang/AST/ASTContext.h"
#include "llvm/ADT/DenseMap.h"

namespace corolint {

/// Whether helper functions take a limiter, by function: summaries kept for
/// one translation unit in its AnalysisStore.
using HelperLimiterCache = llvm::DenseMap<const clang::FunctionDecl *, bool>;

/// The helper-limiter summaries of Ctx's translation unit under Catalog
/// and the ExtraLimiterFunctions option (as written).
HelperLimiterCache &helperLimiterCache(const clang::ASTContext &Ctx,
                                       const RuleCatalog &Catalog,
                                       llvm::StringRef ExtraLimitersOption);

/// What bounds the work in flight around a spawn in a loop: a catalogued
/// limiter (`limiters` section, or ExtraLimiters) taken in the loop —
/// awaited or called synchronously, directly or in a helper — or a
/// conditional wait on the number in flight (`if (n >= N) co_await ...`,
/// `while (running >= N) sleep`, `cv.wait(lk, [&] { return n < N; })`).
class LimiterSearch {
public:
  /// Coro: the coroutine whose body is searched (null: a plain function).
  LimiterSearch(const SpawnHandleFate &Handles, const RuleCatalog &Catalog,
                const NameList &ExtraLimiters, HelperLimiterCache &Cache,
                clang::ASTContext &Ctx, CoroutineContext *Coro)
      : Handles(Handles), Catalog(Catalog), ExtraLimiters(ExtraLimiters),
        Cache(Cache), Ctx(Ctx), SM(Ctx.getSourceManager()), Coro(Coro) {}

  /// Whether something in Loop, outside S, limits how many spawns run.
  bool hasLimiter(const SpawnSite &S, const clang::Stmt *Loop,
                  const clang::ValueDecl *Holder);
  /// The per-element function of a fan-out (a lambda, or a local variable
  /// holding one) takes a limiter shared by all elements:
  /// `[&](auto &x) { return with_semaphore(sem, 1, [&] { ... }); }`.
  bool callableLimits(const clang::Expr *Fn);
  /// Call is a limiter's acquire.
  bool isLimiter(const clang::Expr *Call) const;
  /// Call's result is used synchronously (void, scalar, optional).
  static bool synchronous(const clang::Expr *Call);
  /// H (a plain function or coroutine with a body in the project) takes a
  /// limiter, or returns one's awaitable, up to two calls deep.
  bool helperLimits(const clang::FunctionDecl *H, unsigned Depth);
  /// Whether S waits: a suspension, a catalogued wait (`join`, `get`), or
  /// a call of a plain helper (up to two deep) that does.
  bool containsWait(const clang::Stmt *S, unsigned Depth = 0) const;

private:
  bool conditionalWait(const SpawnSite &S, const clang::Stmt *Loop,
                       const clang::ValueDecl *Holder) const;
  /// Whether a loop guarded by a comparison of the work in flight waits
  /// for it to drop: it awaits, blocks in a wait, sleeps, yields or spins.
  bool pollsUntilBelow(const clang::Stmt *LoopBody) const;

  const SpawnHandleFate &Handles;
  const RuleCatalog &Catalog;
  const NameList &ExtraLimiters;
  HelperLimiterCache &Cache;
  clang::ASTContext &Ctx;
  const clang::SourceManager &SM;
  CoroutineContext *Coro;
};

} // namespace corolint

#endif
