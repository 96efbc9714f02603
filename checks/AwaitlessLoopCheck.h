#ifndef COROLINT_AWAITLESSLOOPCHECK_H
#define COROLINT_AWAITLESSLOOPCHECK_H

#include "support/CoroCheck.h"
#include "support/LoopCost.h"

namespace corolint {

/// Loops in coroutines that never suspend and do heavy work per iteration
/// (nested iteration over runtime bounds, CPU-heavy calls, helpers that
/// loop), and busy-wait loops polling a flag.
/// See docs/checks/coro-awaitless-loop.md.
class AwaitlessLoopCheck : public CoroCheck {
public:
  AwaitlessLoopCheck(llvm::StringRef Name, clang::tidy::ClangTidyContext *Ctx);
  void storeOptions(clang::tidy::ClangTidyOptions::OptionMap &Opts) override;
  void onEndOfTranslationUnit() override { Analysis.clear(); }

protected:
  void checkCoroutine(const clang::FunctionDecl &F,
                      const clang::CoroutineBodyStmt &Body,
                      clang::ASTContext &Ctx) override;

private:
  struct Wording {
    std::string Yield, Offload, Event;
  };
  /// Whether a loop iteration may suspend or calls a `yields` function.
  bool yieldsPerIteration(const clang::Stmt *Loop, clang::ASTContext &Ctx) const;
  /// Whether F is a coroutine lambda handed to a thread pool or an
  /// `offload` function.
  bool isOffloadedLambda(const clang::FunctionDecl &F) const;
  void reportHeavy(const clang::FunctionDecl &F, const clang::Stmt *Loop,
                   const IterationCost &Cost, const Wording &W);

  std::string ExtraOption;
  std::string IgnoredOption;
  unsigned SmallTripCount;
  unsigned HeavyLevels;
  unsigned HelperDepth;
  NameList Extra;
  NameList Ignored;
  LoopCostAnalysis Analysis;
};

} // namespace corolint

#endif
