// The visiting forms of coro-sequential-await: an awaited call that runs a
// callback on each element of a collection, one element after the other
// (a catalogued sequential combinator such as seastar::do_for_each, or a
// helper of the translation unit that loops over a collection and awaits
// its callable once per element). It is read as a loop whose body is the
// callback's, under the same independence rules as a range-for.
#include "SequentialAwaitCheck.h"
#include "support/AnalysisStore.h"
#include "support/CoroutineModel.h"
#include "support/EvaluatedCodeVisitor.h"
#include "support/MachineBounds.h"
#include "support/QualifiedName.h"

#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"

using namespace clang;

namespace corolint {

using namespace seqawait;

namespace {

/// The lambda an argument passes, seen through copies and temporaries.
const LambdaExpr *lambdaOf(const Expr *Arg) {
  for (int Depth = 0; Arg && Depth < 8; ++Depth) {
    Arg = Arg->IgnoreImplicit()->IgnoreParens();
    if (const auto *L = dyn_cast<LambdaExpr>(Arg))
      return L;
    if (const auto *M = dyn_cast<MaterializeTemporaryExpr>(Arg))
      Arg = M->getSubExpr();
    else if (const auto *C = dyn_cast<CXXConstructExpr>(Arg);
             C && C->getNumArgs() == 1)
      Arg = C->getArg(0);
    else if (const auto *F = dyn_cast<CXXFunctionalCastExpr>(Arg))
      Arg = F->getSubExpr();
    else
      return nullptr;
  }
  return nullptr;
}

/// The call operator a lambda runs: for a generic lambda, its one
/// instantiation.
const CXXMethodDecl *callOperatorOf(const LambdaExpr &L) {
  if (!L.isGenericLambda())
    return L.getCallOperator();
  const FunctionTemplateDecl *T = L.getDependentCallOperator();
  if (!T)
    return nullptr;
  const CXXMethodDecl *Only = nullptr;
  for (const FunctionDecl *S : T->specializations()) {
    if (Only)
      return nullptr;
    Only = dyn_cast<CXXMethodDecl>(S);
  }
  return Only;
}

/// The object a call is made through: `fn(x)` of a callable parameter fn
/// (its operator(), or a function pointer).
const ParmVarDecl *calledParameter(const CallExpr &C) {
  const Expr *Callee = C.getCallee();
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(&C)) {
    if (Op->getOperator() != OO_Call || Op->getNumArgs() == 0)
      return nullptr;
    Callee = Op->getArg(0);
  }
  const auto *Ref = dyn_cast<DeclRefExpr>(ignoreValuePreserving(Callee));
  return Ref ? dyn_cast<ParmVarDecl>(Ref->getDecl()) : nullptr;
}

/// The first argument a call passes to its callee (after the callable
/// object of an operator() call).
const Expr *firstPassedArgument(const CallExpr &C) {
  unsigned First = isa<CXXOperatorCallExpr>(&C) ? 1 : 0;
  return C.getNumArgs() > First ? C.getArg(First) : nullptr;
}

/// References to a declaration in code (not in nested lambdas).
class UseCounter : public EvaluatedCodeVisitor<UseCounter> {
public:
  explicit UseCounter(const Decl *D) : D(D) {}
  bool VisitDeclRefExpr(DeclRefExpr *E) {
    if (E->getDecl() == D)
      ++Count;
    return true;
  }
  const Decl *D;
  unsigned Count = 0;
};

/// The range-for loops of a body (not of nested lambdas).
class RangeLoops : public EvaluatedCodeVisitor<RangeLoops> {
public:
  bool VisitCXXForRangeStmt(CXXForRangeStmt *S) {
    Loops.push_back(S);
    return true;
  }
  std::vector<const CXXForRangeStmt *> Loops;
};

} // namespace

/// A coroutine helper of the translation unit that awaits one of its
/// callable parameters once per element of a range-for, with the element
/// as the first argument, as a statement of its own (the result dropped,
/// nothing in the loop body that can leave it early), and uses that
/// parameter nowhere else. Returns the parameter and the loop.
static std::optional<std::pair<const ParmVarDecl *, const CXXForRangeStmt *>>
visitorHelper(const FunctionDecl &FD, ASTContext &Ctx,
              const RuleCatalog &Catalog) {
  const FunctionDecl *Def = nullptr;
  if (!FD.hasBody(Def) || !Def)
    return std::nullopt;
  const CoroutineBodyStmt *Body = coroutineBody(Def);
  if (!Body)
    return std::nullopt;
  CoroutineContext &Helper =
      AnalysisStore::of(Ctx).coroutine(*Def, *Body, Catalog);
  if (Helper.suspensionPointsIn(Body->getBody()).size() != 1)
    return std::nullopt;
  RangeLoops Found;
  Found.TraverseStmt(const_cast<CompoundStmt *>(Body->getBody()));
  for (const CXXForRangeStmt *Loop : Found.Loops) {
    std::vector<SuspensionPoint> Points =
        Helper.suspensionPointsIn(Loop->getBody());
    if (Points.size() != 1 || Points[0].IsYield || !Loop->getLoopVariable())
      continue;
    const auto *Await = dyn_cast<CoawaitExpr>(Points[0].E);
    if (!Await || Await->isImplicit())
      continue;
    std::vector<const CXXCatchStmt *> Handlers;
    std::vector<const Stmt *> Stmts =
        iterationStatements(Loop->getBody(), Handlers);
    bool Plain = Handlers.empty();
    bool Alone = false;
    for (const Stmt *S : Stmts) {
      Plain = Plain && isHoistableKind(S);
      if (const auto *E = dyn_cast<Expr>(S))
        Alone = Alone || asAwait(E) == Await;
    }
    if (!Plain || !Alone)
      continue;
    const auto *Call =
        dyn_cast_or_null<CallExpr>(ignoreValuePreserving(awaitedOperand(Await)));
    const ParmVarDecl *P = Call ? calledParameter(*Call) : nullptr;
    if (!P || P->getDeclContext() != Def)
      continue;
    const Expr *Arg = firstPassedArgument(*Call);
    const auto *Ref =
        Arg ? dyn_cast<DeclRefExpr>(ignoreValuePreserving(Arg)) : nullptr;
    if (!Ref || Ref->getDecl() != Loop->getLoopVariable())
      continue;
    UseCounter Uses(P);
    Uses.TraverseStmt(const_cast<CompoundStmt *>(Body->getBody()));
    if (Uses.Count != 1)
      continue;
    return std::make_pair(P, Loop);
  }
  return std::nullopt;
}

void SequentialAwaitCheck::checkVisit(const CoawaitExpr &Await,
                                      const DefUse &, const FunctionDecl &F,
                                      ASTContext &Ctx) {
  if (Await.isImplicit() || !Coro->canSuspend(&Await))
    return;
  const auto *Visit =
      dyn_cast_or_null<CallExpr>(ignoreValuePreserving(awaitedOperand(&Await)));
  if (!Visit || Visit->isTypeDependent())
    return;
  const FunctionDecl *FD = Visit->getDirectCallee();
  if (!FD)
    return;

  // The callback, and what the call does with it.
  const LambdaExpr *Callback = nullptr;
  const Stmt *HelperLoop = nullptr;
  if (const RuleEntry *Rule =
          catalog().lookup(Section::SequentialCombinators, FD)) {
    unsigned Index = 0;
    if (Rule->attribute("per_element").getAsInteger(10, Index) ||
        Index >= Visit->getNumArgs())
      return;
    for (unsigned I = Index + 1; I < Visit->getNumArgs() && !Callback; ++I)
      if (isCallableArgument(Visit->getArg(I)))
        Callback = lambdaOf(Visit->getArg(I));
  } else if (auto Helper = visitorHelper(*FD, Ctx, catalog())) {
    unsigned Index = Helper->first->getFunctionScopeIndex();
    if (Index < Visit->getNumArgs())
      Callback = lambdaOf(Visit->getArg(Index));
    HelperLoop = Helper->second;
  }
  if (!Callback)
    return;
  const CXXMethodDecl *Op = callOperatorOf(*Callback);
  if (!Op || Op->getNumParams() == 0 || !Op->hasBody())
    return;

  // The callback's body as one iteration: its parameters are the element.
  IterationWork W;
  for (const ParmVarDecl *P : Op->parameters())
    W.PerIteration.insert(P);
  const Stmt *Body = Op->getBody();
  const CoroutineBodyStmt *CoroBody = coroutineBody(Op);
  CoroutineContext *Inner = nullptr;
  std::optional<DefUse> OwnDU;
  const DefUse *DU = nullptr;
  const Stmt *Operation = nullptr; // where the warning goes
  if (CoroBody) {
    // A coroutine callback awaits its one operation as a statement.
    Inner = &AnalysisStore::of(Ctx).coroutine(*Op, *CoroBody, catalog());
    DU = &Inner->defUse();
    Body = CoroBody->getBody();
    std::vector<SuspensionPoint> Points = Inner->suspensionPointsIn(Body);
    if (Points.size() != 1 || Points[0].IsYield)
      return;
    const auto *A = dyn_cast<CoawaitExpr>(Points[0].E);
    if (!A || A->isImplicit() || !Inner->canSuspend(A))
      return;
    W.Stmts = iterationStatements(Body, W.Handlers);
    W.OperationAt = W.Stmts.size();
    for (std::size_t I = 0; I < W.Stmts.size(); ++I)
      if (const auto *E = dyn_cast<Expr>(W.Stmts[I]); E && asAwait(E) == A)
        W.OperationAt = I;
    if (W.OperationAt == W.Stmts.size())
      return;
    W.Call = dyn_cast_or_null<CallExpr>(
        ignoreValuePreserving(awaitedOperand(A)));
    W.Suspends = [Inner](const Stmt *S) {
      return !Inner->suspensionPointsIn(S).empty();
    };
    Operation = A;
  } else {
    // A plain callback returns its operation for the caller to await.
    OwnDU.emplace(*Op, Body, Ctx, catalog());
    DU = &*OwnDU;
    W.Stmts = iterationStatements(Body, W.Handlers);
    if (W.Stmts.empty() || !W.Handlers.empty())
      return;
    const auto *Return = dyn_cast<ReturnStmt>(W.Stmts.back());
    if (!Return || !Return->getRetValue())
      return;
    W.Stmts.back() = Return->getRetValue();
    W.OperationAt = W.Stmts.size() - 1;
    W.Call = dyn_cast_or_null<CallExpr>(
        ignoreValuePreserving(Return->getRetValue()));
    W.Suspends = [](const Stmt *) { return false; };
    Operation = W.Call;
  }
  if (!W.Call)
    return;
  for (const Stmt *S : W.Stmts) {
    if (!isHoistableKind(S))
      return;
    if (const auto *DS = dyn_cast<DeclStmt>(S))
      for (const Decl *D : DS->decls()) {
        const auto *V = dyn_cast<VarDecl>(D);
        if (!V)
          return;
        if (bindsToIteration(*V, W.PerIteration, *DU))
          W.PerIteration.insert(V);
      }
  }
  if (!independentOnElement(W, *DU))
    return;

  if (HelperLoop) {
    TripBound Bound = tripBound(HelperLoop, Ctx, catalog());
    if (Bound.K == TripBound::Constant && Bound.Value < MinIndependentAwaits)
      return;
  }
  diag(Operation->getBeginLoc(),
       "'%0' is awaited on each element in turn, but no element's operation "
       "depends on another's; await them concurrently")
      << describe(W.Call, Ctx);
  std::string With = combinator(W.Call, F, "range_combinator");
  std::string Name = FD->getNameAsString();
  if (With.empty())
    diag(Visit->getBeginLoc(),
         "'%0' runs the function on one element after the other",
         DiagnosticIDs::Note)
        << Name;
  else
    diag(Visit->getBeginLoc(),
         "'%0' runs the function on one element after the other; start one "
         "per element, then %1",
         DiagnosticIDs::Note)
        << Name << With;
  if (HelperLoop)
    diag(HelperLoop->getBeginLoc(), "'%0' awaits the function here, once per "
                                    "element",
         DiagnosticIDs::Note)
        << Name;
}

} // namespace corolint
