#include "support/ReadyValue.h"
#include "support/DefUse.h"
#include "support/QualifiedName.h"
#include "support/RuleCatalog.h"

#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"

using namespace clang;

namespace corolint {
namespace {

bool isAwait(const Expr *E) {
  E = ignoreValuePreserving(E);
  return E && (isa<CoawaitExpr>(E) || isa<DependentCoawaitExpr>(E));
}

/// Whether every assignment to V in Body assigns an await's result.
class AssignmentsFromAwaits
    : public RecursiveASTVisitor<AssignmentsFromAwaits> {
public:
  explicit AssignmentsFromAwaits(const VarDecl *V) : V(V) {}

  bool VisitCXXOperatorCallExpr(CXXOperatorCallExpr *E) {
    if (E->getOperator() == OO_Equal && E->getNumArgs() == 2 &&
        refersToV(E->getArg(0)) && !isAwait(E->getArg(1)))
      AllFromAwaits = false;
    return AllFromAwaits;
  }
  bool VisitBinaryOperator(BinaryOperator *E) {
    if (E->isAssignmentOp() && refersToV(E->getLHS()) &&
        (E->isCompoundAssignmentOp() || !isAwait(E->getRHS())))
      AllFromAwaits = false;
    return AllFromAwaits;
  }

  bool AllFromAwaits = true;

private:
  bool refersToV(const Expr *E) const {
    const auto *R = dyn_cast<DeclRefExpr>(E->IgnoreParenImpCasts());
    return R && R->getDecl() == V;
  }
  const VarDecl *V;
};

bool fromMaker(const Expr *E, llvm::StringRef Makers) {
  E = ignoreValuePreserving(E);
  const auto *Call = dyn_cast_or_null<CallExpr>(E);
  return Call && listNames(Makers, calleeName(Call));
}

} // namespace

bool objectIsReady(const Expr *MemberCall, const FunctionDecl &Enclosing,
                   llvm::StringRef Makers) {
  const auto *M = dyn_cast<CXXMemberCallExpr>(MemberCall);
  if (!M || !M->getImplicitObjectArgument())
    return false;
  const Expr *Object = ignoreValuePreserving(M->getImplicitObjectArgument());
  if (isAwait(Object) || fromMaker(Object, Makers))
    return true;
  const auto *Ref = dyn_cast<DeclRefExpr>(Object);
  if (!Ref)
    return false;
  const VarDecl *V = dyn_cast<VarDecl>(Ref->getDecl());
  if (const auto *B = dyn_cast<BindingDecl>(Ref->getDecl()))
    V = dyn_cast_or_null<VarDecl>(B->getDecomposedDecl());
  if (!V || !V->hasLocalStorage() || isa<ParmVarDecl>(V) ||
      V->getType()->isReferenceType() || !isAwait(V->getInit()))
    return false;
  AssignmentsFromAwaits Assignments(V);
  Assignments.TraverseStmt(Enclosing.getBody());
  return Assignments.AllFromAwaits;
}

} // namespace corolint
