#ifndef COROLINT_AWAITLESSLOOPCHECK_H
#define COROLINT_AWAITLESSLOOPCHECK_H

#include "support/CoroCheck.h"
#include "support/FixIts.h"
#include "support/ElementWork.h"
#include "support/LockTypes.h"
#include "support/LoopCost.h"

namespace corolint {

/// A loop that busy-waits on a flag (AwaitlessLoopSpin.cpp): what it
/// polls, or null.
const clang::Expr *spinningOn(const clang::Stmt *Loop,
                              const clang::ASTContext &Ctx,
                              const RuleCatalog &Catalog);

/// Loops in coroutines that never suspend and do heavy work per iteration
/// (nested iteration over runtime bounds, CPU-heavy calls, helpers that
/// loop), and busy-wait loops polling a flag.
/// See docs/checks/coro-awaitless-loop.md.
class AwaitlessLoopCheck : public CoroCheck {
public:
  AwaitlessLoopCheck(llvm::StringRef Name, clang::tidy::ClangTidyContext *Ctx);
  void onEndOfTranslationUnit() override {
    CoroCheck::onEndOfTranslationUnit();
    Locks.clear();
    Includes.clear();
  }

protected:
  void checkCoroutine(CoroutineContext &Coro) override;

private:
  struct Wording {
    std::string Yield, Offload, Event;
    /// The library's scheduler stalls on any long task (`stall_sensitive`
    /// on its awaitable type): a single awaitless pass over a runtime range
    /// that builds per element, or over nested data, is heavy.
    bool StallSensitive = false;
    /// Where fixes are written: the library's `idioms` entry (null: no
    /// fix), the coroutine body and its context.
    const RuleEntry *Idioms = nullptr;
    const clang::Stmt *Body = nullptr;
    clang::ASTContext *Ctx = nullptr;
  };
  /// The library's preemption point inserted first in Loop's body
  /// (AwaitlessLoopFixes.cpp): on the warning when the loop's state is the
  /// coroutine's own (only timing changes), else on a note.
  struct YieldFix {
    std::vector<clang::FixItHint> Fixes;
    bool OnWarning = false;
    clang::SourceLocation At;
    std::vector<clang::FixItHint> onWarning() const {
      return OnWarning ? Fixes : std::vector<clang::FixItHint>();
    }
  };
  YieldFix yieldFix(const clang::FunctionDecl &F, const clang::Stmt *Loop,
                    const Wording &W);
  /// The note carrying a fix that is not on the warning.
  void noteYieldFix(const YieldFix &Fix);
  /// Whether a loop iteration may suspend or calls a `yields` function.
  bool yieldsPerIteration(const clang::Stmt *Loop, clang::ASTContext &Ctx) const;
  /// Whether F is a coroutine lambda handed to a thread pool or an
  /// `offload` function.
  bool isOffloadedLambda(const clang::FunctionDecl &F) const;
  void reportHeavy(const clang::FunctionDecl &F, const clang::Stmt *Loop,
                   const IterationCost &Cost, const Wording &W);
  /// The stall-sensitive rule for a loop the level rule let pass; whether
  /// it reported.
  bool checkStallSensitive(const clang::FunctionDecl &F,
                           const clang::Stmt *Loop, const Wording &W,
                           clang::ASTContext &Ctx);
  /// A call, outside any heavy loop, of a helper whose own body loops
  /// heavily (the level rule applied to the helper's body): the loop runs
  /// in the coroutine as if written there.
  void checkHelperCall(const clang::FunctionDecl &F, const clang::Expr *Call,
                       const Wording &W);
  /// The stall-sensitive rule for the same call: a loop of the helper's
  /// own body over a runtime-sized range that builds per element (the
  /// helper runs on the coroutine's thread without suspending); whether
  /// it reported.
  bool checkHelperBuilds(const clang::FunctionDecl &F,
                         const clang::CallExpr *Call,
                         const clang::FunctionDecl *Callee, const Wording &W);
  /// Notes walking a chain of helpers down to what builds.
  void noteBuildChain(const clang::FunctionDecl &F,
                      const std::vector<BuildStep> &Chain);
  /// Both rules for a call that runs a callable per element.
  void checkElementCall(const clang::FunctionDecl &F, const ElementCall &EC,
                        const Wording &W, clang::ASTContext &Ctx);
  void reportBuilds(const clang::FunctionDecl &F, const clang::Stmt *Where,
                    const std::string &Subject,
                    const std::vector<BuildStep> &Chain, const Wording &W);
  void noteCostSteps(const clang::FunctionDecl &F, const IterationCost &Cost);
  /// An infinite loop whose awaits all complete at once: the first await.
  const clang::Expr *awaitsOnlyReady(const clang::Stmt *Loop,
                                     clang::ASTContext &Ctx) const;

  unsigned SmallTripCount;
  unsigned HeavyLevels;
  unsigned HelperDepth;
  NameList Extra;
  NameList Ignored;
  /// The coroutine being checked and the translation unit's summaries for
  /// this check's options (AnalysisStore), set by checkCoroutine.
  CoroutineContext *Coro = nullptr;
  LoopCostAnalysis *Analysis = nullptr;
  BuildFinder *Builds = nullptr;
  LockOptions NoLockOptions;
  LockTypes Locks;
  IncludeInsertions Includes;
};

} // namespace corolint

#endif
