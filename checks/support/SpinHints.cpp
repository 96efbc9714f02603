#include "support/SpinHints.h"
#include "support/QualifiedName.h"

#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/Stmt.h"

using namespace clang;

namespace corolint {
namespace {

constexpr unsigned WrapperDepth = 2;

bool isHint(const CallExpr *Call, unsigned Depth);

/// Whether S does nothing but call spin hints (Any: at least one).
bool onlyHints(const Stmt *S, unsigned Depth, bool &Any) {
  if (!S || isa<NullStmt>(S))
    return true;
  if (const auto *Block = dyn_cast<CompoundStmt>(S)) {
    for (const Stmt *Child : Block->body())
      if (!onlyHints(Child, Depth, Any))
        return false;
    return true;
  }
  if (const auto *Ret = dyn_cast<ReturnStmt>(S)) // `return sched_yield();`
    return !Ret->getRetValue() || onlyHints(Ret->getRetValue(), Depth, Any);
  const auto *E = dyn_cast<Expr>(S);
  if (!E)
    return false;
  const auto *Call = dyn_cast<CallExpr>(E->IgnoreParenCasts());
  if (!Call || !isHint(Call, Depth))
    return false;
  Any = true;
  return true;
}

bool isHint(const CallExpr *Call, unsigned Depth) {
  if (isSpinHint(calleeName(Call)))
    return true;
  const FunctionDecl *Callee = Call->getDirectCallee();
  if (!Callee || Depth == 0)
    return false;
  const FunctionDecl *Def = nullptr;
  if (!Callee->hasBody(Def) || !Def->getBody())
    return false;
  bool Any = false;
  return onlyHints(Def->getBody(), Depth - 1, Any) && Any;
}

} // namespace

bool isSpinHint(llvm::StringRef Name) {
  return Name == "std::this_thread::yield" || Name == "sched_yield" ||
         Name == "pthread_yield" || Name == "_mm_pause" ||
         Name == "__builtin_ia32_pause" || Name == "__yield" ||
         Name == "__builtin_arm_yield" || Name == "std::atomic_thread_fence" ||
         Name == "std::atomic_signal_fence" ||
         Name == "__atomic_thread_fence" || Name == "__atomic_signal_fence";
}

bool isSpinHint(const Expr *Call) {
  const auto *C = dyn_cast_or_null<CallExpr>(Call);
  return C && isHint(C, WrapperDepth);
}

} // namespace corolint
