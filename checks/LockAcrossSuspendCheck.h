#ifndef COROLINT_LOCKACROSSSUSPENDCHECK_H
#define COROLINT_LOCKACROSSSUSPENDCHECK_H

#include "support/CoroCheck.h"
#include "support/LockDataflow.h"

namespace corolint {

/// A synchronous lock that may be held when the coroutine suspends.
/// See docs/checks/coro-lock-across-suspend.md.
class LockAcrossSuspendCheck : public CoroCheck {
public:
  LockAcrossSuspendCheck(llvm::StringRef Name,
                         clang::tidy::ClangTidyContext *Ctx);
  void onStartOfTranslationUnit() override { Types.clear(); }

protected:
  void checkCoroutine(CoroutineContext &Coro) override;

private:
  LockOptions Opts;
  LockTypes Types; // what is learnt of the TU's types, kept across coroutines
};

} // namespace corolint

#endif
