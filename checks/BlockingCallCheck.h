#ifndef COROLINT_BLOCKINGCALLCHECK_H
#define COROLINT_BLOCKINGCALLCHECK_H

#include "support/BlockingAnalysis.h"
#include "support/CoroCheck.h"
#include "support/FixIts.h"
#include "support/LockTypes.h"
#include "support/SummaryBuilder.h"
#include "support/SummaryFiles.h"

namespace corolint {

/// Blocking calls in coroutines, made directly or through helper functions
/// whose bodies are visible. See docs/checks/coro-blocking-call.md.
class BlockingCallCheck : public CoroCheck {
public:
  BlockingCallCheck(llvm::StringRef Name, clang::tidy::ClangTidyContext *Ctx);
  void storeOptions(clang::tidy::ClangTidyOptions::OptionMap &Opts) override;
  void onEndOfTranslationUnit() override;

  /// With a summary collector (the driver), every function defined in the
  /// main file is summarised for the other translation units.
  bool checksPlainFunctions() const override {
    return activeSummaryCollector() != nullptr;
  }
  void checkPlainFunction(const clang::FunctionDecl &F, const clang::Stmt &Body,
                          clang::ASTContext &Ctx) override;

protected:
  void checkCoroutine(CoroutineContext &Coro) override;

private:
  /// The translation unit's blocking analysis under this check's options.
  BlockingAnalysis &analysis(clang::ASTContext &Ctx);
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
  /// A call of a helper not known to block in this translation unit that
  /// reaches functions defined elsewhere (CrossFile.cpp): kept for the
  /// driver, or decided with the SummaryFiles.
  void crossFileCall(const clang::FunctionDecl &F, const clang::Expr *Call,
                     const clang::FunctionDecl *Callee, clang::ASTContext &Ctx);
  void reportThroughSummary(const clang::FunctionDecl &F, const clang::Expr *Call,
                            llvm::StringRef Helper, const SummaryChain &Chain,
                            clang::SourceManager &SM);
  void reportSummaryErrors(std::vector<SummaryError> &Errors);

  unsigned HelperDepth;
  NameList Extra;
  NameList Ignored;
  /// Fixes never add a suspension where a synchronous lock may be held.
  LockOptions NoLockOptions;
  LockTypes Locks;
  IncludeInsertions Includes;
  SummaryBuilder Summaries;
  std::string SummaryFilesOption;
  std::shared_ptr<SummaryFiles> Loaded; // null: no SummaryFiles
  std::set<std::string> Reported;       // summary errors, once each
  const clang::SourceManager *LastSM = nullptr;
  /// clang-tidy's header filters, applied to the pending calls the driver
  /// reports after clang-tidy's own filter.
  std::optional<std::string> HeaderFilter, ExcludeHeaderFilter;
  bool passesHeaderFilter(clang::SourceLocation Loc,
                          const clang::SourceManager &SM) const;
};

} // namespace corolint

#endif
