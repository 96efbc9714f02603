#include "support/KnownConditions.h"
#include "support/CoroutineModel.h"
#include "support/EvaluatedCodeVisitor.h"
#include "support/LoopBounds.h"
#include "support/QualifiedName.h"
#include "support/ResultUse.h"

#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"

using namespace clang;

namespace corolint {
namespace {

/// How deep the returns of called functions are read (a lambda that
/// awaits another lambda).
constexpr unsigned MaxDepth = 2;

const Expr *strip(const Expr *E) {
  for (;;) {
    const Expr *Next = E->IgnoreImplicit()->IgnoreParens();
    if (const auto *Cleanups = dyn_cast<ExprWithCleanups>(Next))
      Next = Cleanups->getSubExpr();
    // `(void)e`, `static_cast<bool>(e)` (assert's condition).
    if (const auto *Cast = dyn_cast<ExplicitCastExpr>(Next))
      if (Cast->getType()->isVoidType() || Cast->getType()->isBooleanType())
        Next = Cast->getSubExpr();
    if (Next == E)
      return E;
    E = Next;
  }
}

/// `true`, `1`, or nothing (a `for (;;)` condition): the loop does not end
/// by its condition.
bool constantTrue(const Expr *Cond) {
  if (!Cond)
    return true;
  Cond = strip(Cond);
  if (const auto *B = dyn_cast<CXXBoolLiteralExpr>(Cond))
    return B->getValue();
  if (const auto *I = dyn_cast<IntegerLiteral>(Cond))
    return I->getValue() != 0;
  return false;
}

bool constantFalse(const Expr *Cond) {
  if (!Cond)
    return false;
  Cond = strip(Cond);
  if (const auto *B = dyn_cast<CXXBoolLiteralExpr>(Cond))
    return !B->getValue();
  if (const auto *I = dyn_cast<IntegerLiteral>(Cond))
    return I->getValue() == 0;
  // A call, without arguments, of a function whose whole body returns a
  // constant false: the `while (dummy_cond())` of test macros that hide
  // the constant from compiler warnings.
  if (const auto *Call = dyn_cast<CallExpr>(Cond)) {
    const FunctionDecl *Callee = Call->getDirectCallee();
    const FunctionDecl *Def = nullptr;
    if (!Callee || Call->getNumArgs() != 0 || !Callee->hasBody(Def) ||
        coroutineBody(Def))
      return false;
    const auto *Body = dyn_cast_or_null<CompoundStmt>(Def->getBody());
    if (!Body || Body->size() != 1)
      return false;
    const auto *Return = dyn_cast<ReturnStmt>(Body->body_front());
    const Expr *Value = Return ? Return->getRetValue() : nullptr;
    return Value && !isa<CallExpr>(strip(Value)) && constantFalse(Value);
  }
  return false;
}

/// Whether S holds a `break` that leaves the loop or switch S is the body
/// of (not one of a nested loop or switch), or any `goto`.
bool leavesBy(const Stmt *S) {
  if (!S)
    return false;
  if (isa<BreakStmt>(S) || isa<GotoStmt>(S) || isa<IndirectGotoStmt>(S))
    return true;
  if (isa<LambdaExpr>(S))
    return false;
  for (const Stmt *Child : S->children()) {
    if (!Child)
      continue;
    if (loopBody(Child) || isa<SwitchStmt>(Child)) {
      // Only a goto inside leaves this one.
      struct Gotos : RecursiveASTVisitor<Gotos> {
        bool Found = false;
        bool VisitGotoStmt(GotoStmt *) { return !(Found = true); }
        bool TraverseLambdaExpr(LambdaExpr *) { return true; }
      } G;
      G.TraverseStmt(const_cast<Stmt *>(Child));
      if (G.Found)
        return true;
      continue;
    }
    if (leavesBy(Child))
      return true;
  }
  return false;
}

bool callsNoReturn(const Expr *E) {
  E = strip(E);
  if (isa<CXXThrowExpr>(E))
    return true;
  if (const auto *Call = dyn_cast<CallExpr>(E)) {
    if (const FunctionDecl *F = Call->getDirectCallee())
      if (F->isNoReturn())
        return true;
    QualType T = Call->getCallee()->getType();
    if (const auto *P = T->getAs<PointerType>())
      T = P->getPointeeType();
    if (const auto *FT = T->getAs<FunctionType>())
      return FT->getNoReturnAttr();
  }
  return false;
}

/// Whether control can go from S to the statement after it.
bool completes(const Stmt *S) {
  if (!S)
    return true;
  if (isa<ReturnStmt>(S) || isa<CoreturnStmt>(S) || isa<BreakStmt>(S) ||
      isa<ContinueStmt>(S) || isa<GotoStmt>(S) || isa<IndirectGotoStmt>(S))
    return false;
  if (const auto *E = dyn_cast<Expr>(S))
    return !callsNoReturn(E);
  if (const auto *Block = dyn_cast<CompoundStmt>(S)) {
    for (const Stmt *Child : Block->body())
      if (!completes(Child))
        return false;
    return true;
  }
  if (const auto *If = dyn_cast<IfStmt>(S))
    return !If->getElse() || completes(If->getThen()) ||
           completes(If->getElse());
  if (const auto *L = dyn_cast<LabelStmt>(S))
    return completes(L->getSubStmt());
  if (const auto *A = dyn_cast<AttributedStmt>(S)) // `[[unlikely]] { ... }`
    return completes(A->getSubStmt());
  if (const auto *Try = dyn_cast<CXXTryStmt>(S)) {
    if (completes(Try->getTryBlock()))
      return true;
    for (unsigned I = 0; I < Try->getNumHandlers(); ++I)
      if (completes(Try->getHandler(I)->getHandlerBlock()))
        return true;
    return false;
  }
  if (const auto *W = dyn_cast<WhileStmt>(S))
    return !constantTrue(W->getCond()) || leavesBy(W->getBody());
  if (const auto *F = dyn_cast<ForStmt>(S))
    return !constantTrue(F->getCond()) || leavesBy(F->getBody());
  if (const auto *D = dyn_cast<DoStmt>(S))
    return leavesBy(D->getBody()) ||
           (!constantTrue(D->getCond()) && completes(D->getBody()));
  return true;
}

/// The returns (return, co_return) of a function body, not of nested
/// lambdas.
struct ReturnCollector : EvaluatedCodeVisitor<ReturnCollector> {
  std::vector<const Stmt *> Returns;
  bool VisitReturnStmt(ReturnStmt *S) {
    Returns.push_back(S);
    return true;
  }
  bool VisitCoreturnStmt(CoreturnStmt *S) {
    Implicit |= S->isImplicit();
    Returns.push_back(S);
    return true;
  }
  bool Implicit = false;
};

class Reader {
public:
  Reader(FactPredicate Fact, StmtPredicate Invalidates)
      : Fact(Fact), Invalidates(Invalidates) {}

  bool knownAt(const Stmt *S, const Stmt *Body, unsigned Depth) {
    BodyParents Parents(Body);
    const Stmt *Cur = S;
    while (const Stmt *Par = Parents.parent(Cur)) {
      if (const auto *If = dyn_cast<IfStmt>(Par)) {
        if ((Cur == If->getThen() && holds(If->getCond(), true)) ||
            (Cur == If->getElse() && holds(If->getCond(), false)))
          return true;
      } else if (const Stmt *LoopBody = loopBody(Par)) {
        if (Cur != LoopBody)
          return false; // a condition or header
        // `do { ... } while (false)` runs its body once, on what was known
        // before it (a statement macro).
        if (const auto *D = dyn_cast<DoStmt>(Par);
            D && constantFalse(D->getCond())) {
          Cur = Par;
          continue;
        }
        // An earlier iteration may have changed what was known before.
        if (const auto *W = dyn_cast<WhileStmt>(Par))
          return holds(W->getCond(), true);
        if (const auto *F = dyn_cast<ForStmt>(Par))
          return F->getCond() && holds(F->getCond(), true);
        return false;
      } else if (const auto *Block = dyn_cast<CompoundStmt>(Par)) {
        Scan R = earlierInBlock(Block, Cur, Depth);
        if (R != Scan::NotFound)
          return R == Scan::Found;
      } else if (const auto *Op = dyn_cast<BinaryOperator>(Par)) {
        if (Cur == Op->getRHS() && Op->getOpcode() == BO_LAnd &&
            holds(Op->getLHS(), true))
          return true;
        if (Cur == Op->getRHS() && Op->getOpcode() == BO_LOr &&
            holds(Op->getLHS(), false))
          return true;
      } else if (const auto *C = dyn_cast<ConditionalOperator>(Par)) {
        if ((Cur == C->getTrueExpr() && holds(C->getCond(), true)) ||
            (Cur == C->getFalseExpr() && holds(C->getCond(), false)))
          return true;
      }
      Cur = Par;
    }
    return false;
  }

private:
  enum class Scan { NotFound, Found, Stopped };

  /// The facts C having value V gives.
  bool holds(const Expr *C, bool V) {
    if (!C)
      return false;
    C = strip(C);
    if (Fact(C, V))
      return true;
    if (const auto *U = dyn_cast<UnaryOperator>(C))
      if (U->getOpcode() == UO_LNot)
        return holds(U->getSubExpr(), !V);
    if (const auto *B = dyn_cast<BinaryOperator>(C)) {
      if (B->getOpcode() == BO_LAnd && V)
        return holds(B->getLHS(), true) || holds(B->getRHS(), true);
      if (B->getOpcode() == BO_LOr && !V)
        return holds(B->getLHS(), false) || holds(B->getRHS(), false);
    }
    return false;
  }

  /// Reads the statements of Block before Cur, last first.
  Scan earlierInBlock(const CompoundStmt *Block, const Stmt *Cur,
                      unsigned Depth) {
    llvm::SmallVector<const Stmt *, 16> Before;
    for (const Stmt *Child : Block->body()) {
      if (Child == Cur)
        break;
      Before.push_back(Child);
    }
    for (auto It = Before.rbegin(); It != Before.rend(); ++It) {
      Scan R = after(*It, Depth);
      if (R != Scan::NotFound)
        return R;
    }
    return Scan::NotFound;
  }

  /// What is known once X has run and control went on past it.
  Scan after(const Stmt *X, unsigned Depth) {
    while (const auto *A = dyn_cast<AttributedStmt>(X))
      X = A->getSubStmt();
    if (const auto *If = dyn_cast<IfStmt>(X)) {
      bool ThenEnds = !completes(If->getThen());
      bool ElseEnds = If->getElse() && !completes(If->getElse());
      // A branch that ends the path does not run before what follows.
      if ((If->getInit() && Invalidates(If->getInit())) ||
          (If->getConditionVariableDeclStmt() &&
           Invalidates(If->getConditionVariableDeclStmt())) ||
          Invalidates(If->getCond()) ||
          (!ThenEnds && Invalidates(If->getThen())) ||
          (If->getElse() && !ElseEnds && Invalidates(If->getElse())))
        return Scan::Stopped;
      if (ThenEnds && !ElseEnds && holds(If->getCond(), false))
        return Scan::Found;
      if (ElseEnds && !ThenEnds && holds(If->getCond(), true))
        return Scan::Found;
      return Scan::NotFound;
    }
    if (Invalidates(X))
      return Scan::Stopped;
    if (const auto *D = dyn_cast<DoStmt>(X)) {
      // `do { if (!(C)) fail(); } while (0)`: an assertion macro.
      if (constantFalse(D->getCond())) {
        if (const auto *Body = dyn_cast<CompoundStmt>(D->getBody()))
          if (!leavesBy(Body))
            return earlierInBlock(Body, nullptr, Depth);
        return Scan::NotFound;
      }
      return !leavesBy(D->getBody()) && holds(D->getCond(), false)
                 ? Scan::Found
                 : Scan::NotFound;
    }
    if (const auto *W = dyn_cast<WhileStmt>(X))
      return !leavesBy(W->getBody()) && holds(W->getCond(), false)
                 ? Scan::Found
                 : Scan::NotFound;
    if (const auto *F = dyn_cast<ForStmt>(X))
      return F->getCond() && !leavesBy(F->getBody()) &&
                     holds(F->getCond(), false)
                 ? Scan::Found
                 : Scan::NotFound;
    const auto *E = dyn_cast<Expr>(X);
    if (!E)
      return Scan::NotFound;
    E = strip(E);
    if (const auto *SE = dyn_cast<StmtExpr>(E))
      return earlierInBlock(SE->getSubStmt(), nullptr, Depth);
    if (const auto *C = dyn_cast<AbstractConditionalOperator>(E)) {
      if (callsNoReturn(C->getFalseExpr()) && holds(C->getCond(), true))
        return Scan::Found;
      if (callsNoReturn(C->getTrueExpr()) && holds(C->getCond(), false))
        return Scan::Found;
      return Scan::NotFound;
    }
    if (const auto *B = dyn_cast<BinaryOperator>(E))
      if (B->getOpcode() == BO_LOr && callsNoReturn(B->getRHS()))
        return holds(B->getLHS(), true) ? Scan::Found : Scan::NotFound;
    if (isa<CoawaitExpr>(E))
      if (const Expr *Operand = awaitedOperand(E))
        E = strip(Operand);
    if (const auto *Call = dyn_cast<CallExpr>(E))
      return Depth < MaxDepth && everyReturnKnows(Call, Depth + 1)
                 ? Scan::Found
                 : Scan::NotFound;
    return Scan::NotFound;
  }

  /// Whether every return of the function Call runs is made where the fact
  /// is known (and it cannot fall off its end without one).
  bool everyReturnKnows(const CallExpr *Call, unsigned Depth) {
    const FunctionDecl *Callee = Call->getDirectCallee();
    const FunctionDecl *Def = nullptr;
    if (!Callee || !Callee->hasBody(Def))
      return false;
    const Stmt *Body = Def->getBody();
    if (const CoroutineBodyStmt *Coro = coroutineBody(Def))
      Body = Coro->getBody();
    ReturnCollector Returns;
    Returns.TraverseStmt(const_cast<Stmt *>(Body));
    if (Returns.Implicit || Returns.Returns.empty() || completes(Body))
      return false;
    for (const Stmt *R : Returns.Returns)
      if (!knownAt(R, Body, Depth))
        return false;
    return true;
  }

  FactPredicate Fact;
  StmtPredicate Invalidates;
};

/// Finds a use of Obj other than as the object of an allowed member call.
class UseFinder : public EvaluatedCodeVisitor<UseFinder> {
public:
  UseFinder(const ValueDecl *Obj,
            llvm::function_ref<bool(const CXXMemberCallExpr *)> Allowed)
      : Obj(Obj), Allowed(Allowed) {}
  bool TraverseCXXMemberCallExpr(CXXMemberCallExpr *Call) {
    if (thisOrLocalObject(Call->getImplicitObjectArgument()) == Obj &&
        Allowed(Call)) {
      for (Expr *Arg : Call->arguments())
        if (!TraverseStmt(Arg))
          return false;
      return true;
    }
    return EvaluatedCodeVisitor::TraverseCXXMemberCallExpr(Call);
  }
  bool VisitDeclRefExpr(DeclRefExpr *E) { return !(Found |= E->getDecl() == Obj); }
  bool VisitMemberExpr(MemberExpr *E) {
    return !(Found |= E->getMemberDecl() == Obj);
  }
  bool Found = false;

private:
  const ValueDecl *Obj;
  llvm::function_ref<bool(const CXXMemberCallExpr *)> Allowed;
};

struct SuspensionFinder : EvaluatedCodeVisitor<SuspensionFinder> {
  bool Found = false;
  bool VisitCoawaitExpr(CoawaitExpr *) { return !(Found = true); }
  bool VisitDependentCoawaitExpr(DependentCoawaitExpr *) {
    return !(Found = true);
  }
  bool VisitCoyieldExpr(CoyieldExpr *) { return !(Found = true); }
};

} // namespace

bool conditionKnown(const Stmt *S, const Stmt *Body, FactPredicate Fact,
                    StmtPredicate Invalidates) {
  if (!S || !Body)
    return false;
  return Reader(Fact, Invalidates).knownAt(S, Body, 0);
}

const ValueDecl *thisOrLocalObject(const Expr *E) {
  if (!E)
    return nullptr;
  E = E->IgnoreParenImpCasts();
  if (const auto *U = dyn_cast<UnaryOperator>(E))
    if (U->getOpcode() == UO_Deref)
      return thisOrLocalObject(U->getSubExpr());
  if (const auto *Ref = dyn_cast<DeclRefExpr>(E))
    return isa<VarDecl>(Ref->getDecl()) || isa<BindingDecl>(Ref->getDecl())
               ? Ref->getDecl()
               : nullptr;
  if (const auto *M = dyn_cast<MemberExpr>(E))
    if (isa<CXXThisExpr>(M->getBase()->IgnoreParenImpCasts()))
      return M->getMemberDecl();
  return nullptr;
}

bool usedOtherThan(const Stmt *S, const ValueDecl *Obj,
                   llvm::function_ref<bool(const CXXMemberCallExpr *)> Allowed) {
  if (!S || !Obj)
    return false;
  UseFinder F(Obj, Allowed);
  F.TraverseStmt(const_cast<Stmt *>(S));
  return F.Found;
}

bool endsPath(const Stmt *S) { return S && !completes(S); }

bool containsSuspension(const Stmt *S) {
  SuspensionFinder F;
  F.TraverseStmt(const_cast<Stmt *>(S));
  return F.Found;
}

} // namespace corolint
