#include "support/CoroutineModel.h"
#include "support/EvaluatedCodeVisitor.h"
#include "support/LoopBounds.h"
#include "support/NameList.h"
#include "support/QualifiedName.h"
#include "support/RuleCatalog.h"

#include "clang/Basic/SourceManager.h"
#include <algorithm>

using namespace clang;

namespace corolint {

const CoroutineBodyStmt *coroutineBody(const FunctionDecl *F) {
  if (!F || !F->doesThisDeclarationHaveABody())
    return nullptr;
  return dyn_cast_or_null<CoroutineBodyStmt>(F->getBody());
}

namespace {

class SuspensionCollector : public EvaluatedCodeVisitor<SuspensionCollector> {
public:
  bool VisitCoawaitExpr(CoawaitExpr *E) {
    if (!E->isImplicit())
      Points.push_back({E, false});
    return true;
  }
  bool VisitDependentCoawaitExpr(DependentCoawaitExpr *E) {
    Points.push_back({E, false});
    return true;
  }
  bool VisitCoyieldExpr(CoyieldExpr *E) {
    Points.push_back({E, true});
    return true;
  }
  std::vector<SuspensionPoint> Points;
};

bool returnsConstantTrue(const CXXMethodDecl *M, const ASTContext &Ctx) {
  return returnsConstant(M, true, Ctx);
}

bool readyIsConstantTrue(const Expr *Ready, const ASTContext &Ctx) {
  if (!Ready || Ready->isValueDependent())
    return false;
  bool Value = false;
  if (Ready->EvaluateAsBooleanCondition(Value, Ctx))
    return Value;
  const Expr *Call = Ready->IgnoreImplicit();
  if (const auto *Cleanups = dyn_cast<ExprWithCleanups>(Call))
    Call = Cleanups->getSubExpr()->IgnoreImplicit();
  if (const auto *Member = dyn_cast<CXXMemberCallExpr>(Call))
    return returnsConstantTrue(Member->getMethodDecl(), Ctx);
  return false;
}

bool namedNonSuspending(const Expr *Operand, const RuleCatalog &Catalog) {
  if (!Operand)
    return false;
  if (const auto *Ref = dyn_cast<DeclRefExpr>(Operand))
    if (Catalog.lookup(Section::NonSuspendingAwaitables, Ref->getDecl()))
      return true;
  std::string Type = typeName(Operand->getType());
  return !Type.empty() &&
         Catalog.lookup(Section::NonSuspendingAwaitables, Type) != nullptr;
}

/// An awaited call the catalog names as not suspending: always, or (with
/// `when: predicate_true`) when a predicate argument is a lambda that
/// returns constant true (`co_await cv.wait([] { return true; })`).
bool nonSuspendingCall(const Expr *Operand, const RuleCatalog &Catalog,
                       const ASTContext &Ctx) {
  const auto *Call = dyn_cast_or_null<CallExpr>(Operand);
  const FunctionDecl *Callee = Call ? Call->getDirectCallee() : nullptr;
  const RuleEntry *R =
      Callee ? Catalog.lookup(Section::NonSuspendingAwaitables, Callee)
             : nullptr;
  if (!R)
    return false;
  if (R->attribute("when") != "predicate_true")
    return true;
  for (const Expr *Arg : Call->arguments()) {
    Arg = Arg->IgnoreImplicit();
    if (const auto *Temp = dyn_cast<MaterializeTemporaryExpr>(Arg))
      Arg = Temp->getSubExpr()->IgnoreImplicit();
    if (const auto *L = dyn_cast<LambdaExpr>(Arg->IgnoreParens()))
      if (returnsConstantTrue(L->getCallOperator(), Ctx))
        return true;
  }
  return false;
}

} // namespace

std::vector<SuspensionPoint> suspensionPointsIn(const Stmt *S) {
  SuspensionCollector Collector;
  if (S)
    Collector.TraverseStmt(const_cast<Stmt *>(S));
  return std::move(Collector.Points);
}

std::vector<SuspensionPoint> suspensionPoints(const CoroutineBodyStmt *Body) {
  return suspensionPointsIn(Body ? Body->getBody() : nullptr);
}

const Expr *awaitedOperand(const Expr *SuspendExpr) {
  const Expr *Operand = nullptr;
  if (const auto *S = dyn_cast<CoroutineSuspendExpr>(SuspendExpr))
    Operand = S->getOperand();
  else if (const auto *D = dyn_cast<DependentCoawaitExpr>(SuspendExpr))
    Operand = D->getOperand();
  if (!Operand)
    return nullptr;
  Operand = Operand->IgnoreImplicit();
  if (const auto *Temp = dyn_cast<MaterializeTemporaryExpr>(Operand))
    Operand = Temp->getSubExpr()->IgnoreImplicit();
  if (const auto *Bind = dyn_cast<CXXBindTemporaryExpr>(Operand))
    Operand = Bind->getSubExpr()->IgnoreImplicit();
  return Operand->IgnoreParens();
}

bool canSuspend(const Expr *SuspendExpr, const RuleCatalog &Catalog,
                const ASTContext &Ctx) {
  if (namedNonSuspending(awaitedOperand(SuspendExpr), Catalog) ||
      nonSuspendingCall(awaitedOperand(SuspendExpr), Catalog, Ctx))
    return false;
  if (const auto *S = dyn_cast<CoroutineSuspendExpr>(SuspendExpr)) {
    if (readyIsConstantTrue(S->getReadyExpr(), Ctx))
      return false;
    // The awaiter itself (after await_transform / operator co_await).
    if (const Expr *Common = S->getCommonExpr())
      if (namedNonSuspending(Common->IgnoreImplicit(), Catalog))
        return false;
  }
  return true;
}

bool isUserHelper(const FunctionDecl *F, const RuleCatalog &Catalog,
                  const NameList &Ignored) {
  if (!F || !F->hasBody() || isCoroutine(F))
    return false;
  const SourceManager &SM = F->getASTContext().getSourceManager();
  if (SM.isInSystemHeader(F->getLocation()))
    return false;
  std::string Name = qualifiedName(F);
  return !Ignored.matches(Name) && !Catalog.isLibraryName(Name);
}

bool isFollowedHelper(const FunctionDecl *F, const RuleCatalog &Catalog,
                      const NameList &Ignored) {
  return isUserHelper(F, Catalog, Ignored) &&
         !Catalog.lookup(Section::Offload, F);
}

} // namespace corolint
