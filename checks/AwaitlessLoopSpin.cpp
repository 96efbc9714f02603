// coro-awaitless-loop: busy-wait loops. A loop that polls a flag (an
// atomic, a volatile, a bool the loop does not assign, or a call when the
// body only gives the thread away) and does nothing else; an infinite loop
// whose awaits all complete without suspending (moved from
// AwaitlessLoopCheck.cpp).
#include "AwaitlessLoopCheck.h"
#include "support/CoroutineModel.h"
#include "support/EvaluatedCodeVisitor.h"
#include "support/QualifiedName.h"
#include "support/SpinHints.h"
#include "support/StmtParts.h"
#include "support/ValueOf.h"

#include "clang/AST/ExprCXX.h"
#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/ADT/StringExtras.h"

using namespace clang;

namespace corolint {
namespace {

using DeclSet = llvm::SmallPtrSet<const ValueDecl *, 8>;

const Expr *strip(const Expr *E) {
  return E ? E->IgnoreParenImpCasts() : nullptr;
}

// --- Busy-wait loops ------------------------------------------------------

/// Calls a spinning body may make: CPU pause/yield hints and fences.
/// Whether Call is an operation on an atomic object: a member of
/// std::atomic/atomic_ref/atomic_flag (or any type named *atomic*), the
/// std::atomic_* free functions, the compiler's __atomic builtins.
bool isAtomicOperation(const Expr *Call, const Expr **Object = nullptr) {
  Call = strip(Call);
  if (const auto *M = dyn_cast<CXXMemberCallExpr>(Call)) {
    const Expr *Obj = M->getImplicitObjectArgument();
    if (!Obj)
      return false;
    QualType T = Obj->getType();
    if (const auto *P = T->getAs<PointerType>())
      T = P->getPointeeType();
    if (llvm::StringRef(typeName(T)).lower().find("atomic") ==
        std::string::npos)
      return false;
    if (Object)
      *Object = Obj;
    return true;
  }
  const auto *C = dyn_cast<CallExpr>(Call);
  if (!C)
    return false;
  std::string Name = calleeName(C);
  llvm::StringRef N(Name);
  if (N.starts_with("std::atomic_") || N.starts_with("atomic_") ||
      N.starts_with("__atomic_") || N.starts_with("__c11_atomic_") ||
      N.starts_with("__sync_")) {
    if (Object && C->getNumArgs() > 0)
      *Object = C->getArg(0);
    return true;
  }
  return false;
}

/// Variables (and `this` members) a statement assigns, steps or takes the
/// address of.
class AssignedVariables : public EvaluatedCodeVisitor<AssignedVariables> {
public:
  DeclSet Vars;
  bool VisitUnaryOperator(UnaryOperator *U) {
    if (U->isIncrementDecrementOp() || U->getOpcode() == UO_AddrOf)
      add(U->getSubExpr());
    return true;
  }
  bool VisitBinaryOperator(BinaryOperator *B) {
    if (B->isAssignmentOp())
      add(B->getLHS());
    return true;
  }
  bool VisitCXXOperatorCallExpr(CXXOperatorCallExpr *C) {
    if (C->isAssignmentOp() && C->getNumArgs() > 0)
      add(C->getArg(0));
    return true;
  }

private:
  void add(const Expr *E) {
    if (const ValueDecl *D = namedDecl(E))
      Vars.insert(D);
  }
};

enum class CondKind { Reject, Pure, Poll };

/// The `expected` argument of a compare-exchange, or null for other calls.
const Expr *expectedOfCompareExchange(const Expr *Call) {
  Call = strip(Call);
  if (const auto *M = dyn_cast<CXXMemberCallExpr>(Call)) {
    const CXXMethodDecl *Method = M->getMethodDecl();
    if (Method && Method->getIdentifier() &&
        Method->getName().starts_with("compare_exchange") && M->getNumArgs())
      return M->getArg(0);
    return nullptr;
  }
  const auto *C = dyn_cast<CallExpr>(Call);
  if (C && llvm::StringRef(calleeName(C)).contains("compare_exchange") &&
      C->getNumArgs() > 1)
    return C->getArg(1);
  return nullptr;
}

struct SpinCondition {
  const DeclSet &Assigned;
  const Expr *Polled = nullptr; // what the first poll reads
  /// Whether a call may be a poll: the loop's body does nothing but give
  /// the thread away (a spin hint), so the call is what it waits on.
  bool PollCalls = false;

  /// Whether E reads a variable the loop assigns (a counter: a bounded
  /// back-off, not a wait).
  bool readsAssigned(const Expr *E) const {
    if (const ValueDecl *D = namedDecl(E))
      if (Assigned.count(D))
        return true;
    for (const Stmt *Child : E->children())
      if (const auto *CE = dyn_cast_or_null<Expr>(Child))
        if (readsAssigned(CE))
          return true;
    return false;
  }

  /// A compare-exchange loop that keeps the value it found as the next
  /// `expected` (`while (!a.compare_exchange_weak(old, old + 1)) {}`) is a
  /// lock-free update that ends once no other thread interferes, not a
  /// wait. One that resets `expected` every round (a spin lock) waits.
  bool isUpdateLoopExchange(const Expr *E) const {
    const Expr *Expected = expectedOfCompareExchange(E);
    if (!Expected)
      return false;
    Expected = strip(Expected);
    if (const auto *U = dyn_cast<UnaryOperator>(Expected))
      if (U->getOpcode() == UO_AddrOf)
        Expected = strip(U->getSubExpr());
    const ValueDecl *D = namedDecl(Expected);
    return D && !Assigned.count(D);
  }

  /// Whether E reads a flag: an atomic, a volatile or a bool variable that
  /// the loop does not assign; with PollCalls, also a call that reads
  /// nothing the loop assigns (`io->IsComplete(token, result)`).
  CondKind leaf(const Expr *E) {
    const Expr *Object = nullptr;
    if (isAtomicOperation(E, &Object)) {
      if (isUpdateLoopExchange(E))
        return CondKind::Reject;
      Polled = Polled ? Polled : Object;
      return CondKind::Poll;
    }
    if (PollCalls && isa<CallExpr>(E) && !readsAssigned(E)) {
      Polled = Polled ? Polled : E;
      return CondKind::Poll;
    }
    const Expr *Read = E;
    if (const auto *U = dyn_cast<UnaryOperator>(E))
      if (U->getOpcode() == UO_Deref)
        Read = strip(U->getSubExpr());
    const ValueDecl *D = namedDecl(Read);
    if (!D || isa<EnumConstantDecl>(D) || isa<FunctionDecl>(D))
      return D ? CondKind::Pure : CondKind::Reject;
    if (Assigned.count(D))
      return CondKind::Reject; // the loop itself changes it
    QualType T = E->getType();
    if (T.isVolatileQualified() || Read->getType().isVolatileQualified() ||
        T->isBooleanType()) {
      Polled = Polled ? Polled : E;
      return CondKind::Poll;
    }
    return CondKind::Pure;
  }

  CondKind classify(const Expr *E) {
    E = strip(E);
    if (!E)
      return CondKind::Reject;
    if (isa<IntegerLiteral>(E) || isa<CXXBoolLiteralExpr>(E) ||
        isa<CharacterLiteral>(E) || isa<CXXNullPtrLiteralExpr>(E) ||
        isa<FloatingLiteral>(E))
      return CondKind::Pure;
    if (const auto *U = dyn_cast<UnaryOperator>(E))
      if (U->getOpcode() == UO_LNot)
        return classify(U->getSubExpr());
    if (const auto *B = dyn_cast<BinaryOperator>(E)) {
      if (!B->isLogicalOp() && !B->isComparisonOp())
        return CondKind::Reject;
      CondKind L = classify(B->getLHS()), R = classify(B->getRHS());
      if (L == CondKind::Reject || R == CondKind::Reject)
        return CondKind::Reject;
      return L == CondKind::Poll || R == CondKind::Poll ? CondKind::Poll
                                                         : CondKind::Pure;
    }
    return leaf(E);
  }
};

/// Whether a spinning loop's body only waits: no loop exits, no nested
/// loops, no calls other than pause/yield hints and atomic operations.
class TrivialBody : public EvaluatedCodeVisitor<TrivialBody> {
public:
  explicit TrivialBody(const RuleCatalog &Catalog) : Catalog(Catalog) {}
  const RuleCatalog &Catalog;
  bool Trivial = true;
  bool Hinted = false; // calls a spin hint
  bool VisitStmt(Stmt *S) {
    if (isa<BreakStmt>(S) || isa<ReturnStmt>(S) || isa<GotoStmt>(S) ||
        isa<CoreturnStmt>(S) || isa<CXXThrowExpr>(S) || isa<ForStmt>(S) ||
        isa<WhileStmt>(S) || isa<DoStmt>(S) || isa<CXXForRangeStmt>(S) ||
        isa<CoroutineSuspendExpr>(S) || isa<DependentCoawaitExpr>(S))
      Trivial = false;
    if (const auto *Call = dyn_cast<CallExpr>(S)) {
      if (isSpinHint(Call, Catalog))
        Hinted = true;
      else if (!isAtomicOperation(Call) && !Accessors.count(Call))
        Trivial = false;
    }
    if (const auto *Construct = dyn_cast<CXXConstructExpr>(S))
      if (!Construct->getConstructor() ||
          !Construct->getConstructor()->isTrivial())
        Trivial = false;
    return Trivial;
  }
  /// The object of a hint may be reached through argument-less accessors
  /// (`Singleton<Model>::GetInstance()->Yield()`).
  bool VisitCXXMemberCallExpr(CXXMemberCallExpr *C) {
    if (!isSpinHint(C, Catalog))
      return true;
    const Expr *Obj = strip(C->getImplicitObjectArgument());
    while (const auto *Get = dyn_cast_or_null<CallExpr>(Obj)) {
      if (Get->getNumArgs() != 0 || isa<CXXOperatorCallExpr>(Get))
        break;
      Accessors.insert(Get);
      const auto *M = dyn_cast<CXXMemberCallExpr>(Get);
      Obj = M ? strip(M->getImplicitObjectArgument()) : nullptr;
    }
    return true;
  }

private:
  llvm::SmallPtrSet<const Expr *, 4> Accessors;
};

bool trivial(const Stmt *S, const RuleCatalog &Catalog, bool *Hinted = nullptr) {
  if (!S)
    return true;
  TrivialBody V(Catalog);
  V.TraverseStmt(const_cast<Stmt *>(S));
  if (Hinted)
    *Hinted = *Hinted || V.Hinted;
  return V.Trivial;
}

bool isBreak(const Stmt *S) {
  if (const auto *C = dyn_cast_or_null<CompoundStmt>(S))
    return C->size() == 1 && isBreak(C->body_front());
  return isa_and_nonnull<BreakStmt>(S);
}

bool isConstantTrue(const Expr *E, const ASTContext &Ctx) {
  if (!E)
    return true; // for (;;)
  bool V = false;
  return !E->isValueDependent() && E->EvaluateAsBooleanCondition(V, Ctx) && V;
}

/// Whether the exits of an infinite loop's body are only `if (poll)
/// break;` (or return) at its top level: it leaves on a flag, not on data.
bool exitsOnlyOnFlag(const Stmt *Body, const Stmt *Loop, const ASTContext &Ctx) {
  AssignedVariables Assigned;
  Assigned.TraverseStmt(const_cast<Stmt *>(Loop));
  auto IsExit = [](const Stmt *S) {
    if (const auto *C = dyn_cast_or_null<CompoundStmt>(S))
      S = C->size() == 1 ? C->body_front() : nullptr;
    return isa_and_nonnull<BreakStmt>(S) || isa_and_nonnull<ReturnStmt>(S) ||
           isa_and_nonnull<CoreturnStmt>(S);
  };
  class Exits : public EvaluatedCodeVisitor<Exits> {
  public:
    bool Any = false;
    unsigned Nested = 0;
    bool VisitStmt(Stmt *S) {
      if ((isa<BreakStmt>(S) && !Nested) || isa<ReturnStmt>(S) ||
          isa<CoreturnStmt>(S) || isa<GotoStmt>(S) || isa<CXXThrowExpr>(S))
        Any = true;
      return !Any;
    }
    bool TraverseStmt(Stmt *S) {
      bool Inner = S && (isa<ForStmt>(S) || isa<WhileStmt>(S) ||
                         isa<DoStmt>(S) || isa<CXXForRangeStmt>(S) ||
                         isa<SwitchStmt>(S));
      Nested += Inner;
      bool R = EvaluatedCodeVisitor<Exits>::TraverseStmt(S);
      Nested -= Inner;
      return R;
    }
  };
  const auto *Block = dyn_cast_or_null<CompoundStmt>(Body);
  llvm::SmallVector<const Stmt *, 8> Stmts;
  if (Block)
    Stmts.append(Block->body_begin(), Block->body_end());
  else if (Body)
    Stmts.push_back(Body);
  for (const Stmt *S : Stmts) {
    const auto *If = dyn_cast<IfStmt>(S);
    if (If && !If->getElse() && IsExit(If->getThen())) {
      SpinCondition Cond{Assigned.Vars};
      if (Cond.classify(If->getCond()) != CondKind::Poll)
        return false;
      continue;
    }
    Exits E;
    E.TraverseStmt(const_cast<Stmt *>(S));
    if (E.Any)
      return false;
  }
  return true;
}

} // namespace

/// A loop that busy-waits on a flag: what it polls, or null.
const Expr *spinningOn(const Stmt *Loop, const ASTContext &Ctx,
                       const RuleCatalog &Catalog) {
  if (isa<CXXForRangeStmt>(Loop))
    return nullptr;
  AssignedVariables Assigned;
  Assigned.TraverseStmt(const_cast<Stmt *>(Loop));
  SpinCondition Cond{Assigned.Vars};
  const Expr *C = nullptr;
  const Stmt *Body = loopBody(Loop);
  const Stmt *Inc = nullptr;
  if (const auto *For = dyn_cast<ForStmt>(Loop)) {
    C = For->getCond();
    Inc = For->getInc();
    if (For->getConditionVariable())
      return nullptr;
  } else if (const auto *While = dyn_cast<WhileStmt>(Loop)) {
    C = While->getCond();
    if (While->getConditionVariable())
      return nullptr;
  } else if (const auto *Do = dyn_cast<DoStmt>(Loop)) {
    C = Do->getCond();
  }
  bool Hinted = false;
  if (!trivial(Inc, Catalog, &Hinted))
    return nullptr;
  if (!isConstantTrue(C, Ctx)) {
    if (!trivial(Body, Catalog, &Hinted))
      return nullptr;
    Cond.PollCalls = Hinted;
    if (Cond.classify(C) != CondKind::Poll)
      return nullptr;
    return Cond.Polled;
  }
  // for (;;) { if (flag.load()) break; pause(); }
  const auto *Block = dyn_cast_or_null<CompoundStmt>(Body);
  if (!Block)
    return nullptr;
  const IfStmt *Exit = nullptr;
  for (const Stmt *S : Block->body()) {
    const auto *If = dyn_cast<IfStmt>(S);
    if (!Exit && If && !If->getElse() && !If->getInit() &&
        !If->getConditionVariable() && isBreak(If->getThen())) {
      Exit = If;
      continue;
    }
    if (!trivial(S, Catalog, &Hinted))
      return nullptr;
  }
  Cond.PollCalls = Hinted;
  if (!Exit || Cond.classify(Exit->getCond()) != CondKind::Poll)
    return nullptr;
  return Cond.Polled;
}

const Expr *AwaitlessLoopCheck::awaitsOnlyReady(const Stmt *Loop,
                                                ASTContext &Ctx) const {
  if (!isa<ForStmt, WhileStmt, DoStmt>(Loop))
    return nullptr;
  const Expr *Cond = conditionOf(Loop);
  if (!isConstantTrue(Cond, Ctx))
    return nullptr;
  const Expr *First = nullptr;
  for (const Stmt *Part : loopIterationParts(Loop))
    for (const SuspensionPoint &P : Coro->suspensionPointsIn(Part)) {
      if (Coro->canSuspend(P.E))
        return nullptr;
      First = First ? First : P.E;
    }
  if (!First || !exitsOnlyOnFlag(loopBody(Loop), Loop, Ctx))
    return nullptr;
  return First;
}

} // namespace corolint
