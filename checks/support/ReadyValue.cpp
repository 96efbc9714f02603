#include "support/ReadyValue.h"
#include "support/CoroutineModel.h"
#include "support/DefUse.h"
#include "support/KnownConditions.h"
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

/// Whether E is a call to a coroutine defined in the translation unit that
/// runs to its end when called: its initial suspend and every co_await or
/// co_yield of its body cannot suspend (`future<int> f() { co_return 64; }`
/// with a promise whose initial_suspend() is std::suspend_never). What it
/// returns is complete when the call returns.
bool fromCompletedCoroutine(const Expr *E, const RuleCatalog &Catalog,
                            const ASTContext &Ctx) {
  E = ignoreValuePreserving(E);
  const auto *Call = dyn_cast_or_null<CallExpr>(E);
  const FunctionDecl *Callee = Call ? Call->getDirectCallee() : nullptr;
  const FunctionDecl *Def = nullptr;
  if (!Callee || !Callee->hasBody(Def))
    return false;
  const CoroutineBodyStmt *Body = coroutineBody(Def);
  if (!Body || !Body->getInitSuspendStmt())
    return false;
  const auto *Initial = dyn_cast<Expr>(Body->getInitSuspendStmt());
  if (Initial)
    Initial = Initial->IgnoreImplicit();
  if (!Initial || canSuspend(Initial, Catalog, Ctx))
    return false;
  for (const SuspensionPoint &P : suspensionPoints(Body))
    if (canSuspend(P.E, Catalog, Ctx))
      return false;
  return true;
}

/// Whether the code before Call in Enclosing has just seen Object complete:
/// a member of Queries (`available`) called on it was true there (`if
/// (f.available()) return f.get();`, or a local lambda awaited before whose
/// every return follows such a check), and nothing in between did anything
/// to it but query it.
bool checkedReady(const Expr *Call, const ValueDecl *Object,
                  const FunctionDecl &Enclosing, llvm::StringRef Queries) {
  if (!Object || Queries.empty())
    return false;
  auto IsQuery = [&](const CXXMemberCallExpr *Q) {
    const CXXMethodDecl *M = Q->getMethodDecl();
    return M && M->getIdentifier() && listNames(Queries, M->getName());
  };
  const Stmt *Body = Enclosing.getBody();
  if (const CoroutineBodyStmt *Coro = coroutineBody(&Enclosing))
    Body = Coro->getBody();
  return conditionKnown(
      Call, Body,
      [&](const Expr *Cond, bool Value) {
        const auto *Q = dyn_cast<CXXMemberCallExpr>(Cond);
        return Value && Q &&
               thisOrLocalObject(Q->getImplicitObjectArgument()) == Object &&
               IsQuery(Q);
      },
      [&](const Stmt *Between) {
        return usedOtherThan(Between, Object, IsQuery);
      });
}

} // namespace

bool objectIsReady(const Expr *MemberCall, const FunctionDecl &Enclosing,
                   const RuleEntry &Rule, const RuleCatalog &Catalog) {
  const auto *M = dyn_cast<CXXMemberCallExpr>(MemberCall);
  if (!M || !M->getImplicitObjectArgument())
    return false;
  const Expr *Object = ignoreValuePreserving(M->getImplicitObjectArgument());
  if (isAwait(Object) || fromMaker(Object, Rule.attribute("ready_from")) ||
      fromCompletedCoroutine(Object, Catalog, Enclosing.getASTContext()))
    return true;
  if (checkedReady(MemberCall, thisOrLocalObject(Object), Enclosing,
                   Rule.attribute("ready_queries")))
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
