#include "support/SpinHints.h"
#include "support/QualifiedName.h"
#include "support/RuleCatalog.h"

#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/Stmt.h"

using namespace clang;

namespace corolint {
namespace {

constexpr unsigned WrapperDepth = 2;

bool isHint(const CallExpr *Call, unsigned Depth, const RuleCatalog &Catalog);

/// Whether S does nothing but call spin hints (Any: at least one).
bool onlyHints(const Stmt *S, unsigned Depth, bool &Any,
               const RuleCatalog &Catalog) {
  if (!S || isa<NullStmt>(S))
    return true;
  if (const auto *Block = dyn_cast<CompoundStmt>(S)) {
    for (const Stmt *Child : Block->body())
      if (!onlyHints(Child, Depth, Any, Catalog))
        return false;
    return true;
  }
  if (const auto *Ret = dyn_cast<ReturnStmt>(S)) // `return sched_yield();`
    return !Ret->getRetValue() || onlyHints(Ret->getRetValue(), Depth, Any, Catalog);
  const auto *E = dyn_cast<Expr>(S);
  if (!E)
    return false;
  const auto *Call = dyn_cast<CallExpr>(E->IgnoreParenCasts());
  if (!Call || !isHint(Call, Depth, Catalog))
    return false;
  Any = true;
  return true;
}

bool isHint(const CallExpr *Call, unsigned Depth, const RuleCatalog &Catalog) {
  if (isSpinHint(calleeName(Call), Catalog))
    return true;
  const FunctionDecl *Callee = Call->getDirectCallee();
  if (!Callee || Depth == 0)
    return false;
  const FunctionDecl *Def = nullptr;
  if (!Callee->hasBody(Def) || !Def->getBody())
    return false;
  bool Any = false;
  return onlyHints(Def->getBody(), Depth - 1, Any, Catalog) && Any;
}

} // namespace

bool isSpinHint(llvm::StringRef Name, const RuleCatalog &Catalog) {
  return Catalog.lookup(Section::SpinHints, Name) != nullptr;
}

bool isSpinHint(const Expr *Call, const RuleCatalog &Catalog) {
  const auto *C = dyn_cast_or_null<CallExpr>(Call);
  return C && isHint(C, WrapperDepth, Catalog);
}

} // namespace corolint
