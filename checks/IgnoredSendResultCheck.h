#ifndef COROLINT_IGNOREDSENDRESULTCHECK_H
#define COROLINT_IGNOREDSENDRESULTCHECK_H

#include "support/CoroCheck.h"

namespace corolint {

class BodyParents;
class LocalReads;

/// A channel or queue send (in a coroutine, or in a plain function) whose result (delivered or not)
/// is never looked at. See docs/checks/coro-ignored-send-result.md.
class IgnoredSendResultCheck : public CoroCheck {
public:
  IgnoredSendResultCheck(llvm::StringRef Name,
                         clang::tidy::ClangTidyContext *Ctx);
  ~IgnoredSendResultCheck() override;
  void onEndOfTranslationUnit() override;

protected:
  void checkCoroutine(CoroutineContext &Coro) override;
  bool checksPlainFunctions() const override { return true; }
  void checkPlainFunction(const clang::FunctionDecl &F,
                          const clang::Stmt &Body,
                          clang::ASTContext &Ctx) override;

private:
  void checkBody(const clang::FunctionDecl &F, const clang::Stmt *Body,
                 clang::ASTContext &Ctx);
  struct Send;
  void checkSend(const Send &S, const BodyParents &Parents, LocalReads &Reads,
                 llvm::ArrayRef<const clang::Expr *> TokenErrorRefs,
                 clang::ASTContext &Ctx);
  void checkValue(const Send &S, const clang::Expr *Result,
                  const BodyParents &Parents, LocalReads &Reads,
                  clang::ASTContext &Ctx);
  void report(const Send &S, llvm::StringRef Message);

  NameList Extra;
  /// Discarded pushes whose room their function's callers may provide
  /// (RoomFromCallers): reported at the end of the translation unit unless
  /// every call provides it.
  struct PushAwaitingCallers;
  std::vector<PushAwaitingCallers> AwaitingCallers;
  clang::ASTContext *AwaitingAST = nullptr;
};

} // namespace corolint

#endif
