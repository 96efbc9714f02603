#ifndef COROLINT_UNBOUNDEDSPAWNCHECK_H
#define COROLINT_UNBOUNDEDSPAWNCHECK_H

#include "support/CoroCheck.h"
#include "support/Limiters.h"

#include "llvm/ADT/DenseMap.h"

namespace corolint {

/// Loops that start a task or a thread on every iteration without waiting
/// for it and without a concurrency limit. Looks at every function, not
/// only coroutines: a thread per item in a plain function is as unbounded.
/// See docs/checks/coro-unbounded-spawn.md.
class UnboundedSpawnCheck : public CoroCheck {
public:
  UnboundedSpawnCheck(llvm::StringRef Name, clang::tidy::ClangTidyContext *Ctx);

  struct Settings {
    unsigned MaxConstantFanOut;
    bool ReportAcceptLoops;
    bool ReportWorkerLoops;
    NameList ExtraSpawns;
    NameList ExtraLimiters;
    RuleEntry ExtraSpawnRule;
    /// How many function bodies deep a helper's background start is
    /// followed (1: only spawns directly in the helper; 0: none).
    unsigned HelperDepth;
  };

protected:
  bool checksPlainFunctions() const override { return true; }
  void checkCoroutine(CoroutineContext &Coro) override;
  void checkPlainFunction(const clang::FunctionDecl &F, const clang::Stmt &Body,
                          clang::ASTContext &Ctx) override;

private:
  void analyse(const clang::FunctionDecl &F, const clang::Stmt *Body,
               clang::ASTContext &Ctx, CoroutineContext *Coro);

  Settings Opts;
  friend class SpawnLoopAnalysis;
};

} // namespace corolint

#endif
