#ifndef COROLINT_BLOCKINGCALLCHECK_H
#define COROLINT_BLOCKINGCALLCHECK_H

#include "support/BlockingAnalysis.h"
#include "support/CoroCheck.h"
#include "support/FixIts.h"
#include "support/LockTypes.h"

namespace corolint {

/// Blocking calls in coroutines, made directly or through helper functions
/// whose bodies are visible. See docs/checks/coro-blocking-call.md.
class BlockingCallCheck : public CoroCheck {
public:
  BlockingCallCheck(llvm::StringRef Name, clang::tidy::ClangTidyContext *Ctx);
  void storeOptions(clang::tidy::ClangTidyOptions::OptionMap &Opts) override;
  void onEndOfTranslationUnit() override {
    CoroCheck::onEndOfTranslationUnit();
    Locks.clear();
    Includes.clear();
  }

protected:
  void checkCoroutine(CoroutineContext &Coro) override;

private:
  void reportDirect(const clang::FunctionDecl &F, const clang::Stmt *Body,
                    const clang::Expr *Call, const BlockingRule &Rule,
                    clang::ASTContext &Ctx);
  /// The fix-its that turn a blocking sleep into the coroutine library's
  /// timer (BlockingCallFixes.cpp); empty when there is no exact one.
  std::vector<clang::FixItHint> sleepFix(const clang::FunctionDecl &F,
                                         const clang::Stmt *Body,
                                         const clang::Expr *Call,
                                         const RuleEntry &Rule,
                                         clang::ASTContext &Ctx);
  void reportThroughHelper(const clang::FunctionDecl &F,
                           const clang::Expr *Call,
                           const clang::FunctionDecl &Helper,
                           const BlockingPath &Path);

  std::string ExtraOption;
  std::string IgnoredOption;
  unsigned HelperDepth;
  NameList Extra;
  NameList Ignored;
  /// Fixes never add a suspension where a synchronous lock may be held.
  LockOptions NoLockOptions;
  LockTypes Locks;
  IncludeInsertions Includes;
};

} // namespace corolint

#endif
