#include "support/LockDataflow.h"
#include "support/CoroutineContext.h"
#include "support/CoroutineModel.h"
#include "support/EvaluatedCodeVisitor.h"
#include "support/LockTypes.h"
#include "support/QualifiedName.h"
#include "support/StmtParts.h"

#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"
#include "clang/Analysis/CFG.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/DenseSet.h"
#include <set>

using namespace clang;

namespace corolint {
namespace {

/// The state at a program point: which acquisitions may still hold.
using HeldSet = std::set<LockAcquisition>;

class LockModel {
public:
  LockModel(LockTypes &Types, CoroutineContext &Coro)
      : Types(Types), Coro(Coro), Ctx(Coro.ast()) {}

  LockType classify(QualType T) { return Types.classify(T); }

  /// Applies one CFG element's effect to Held; records suspension points.
  void transfer(const CFGElement &E, HeldSet &Held,
                LocksAcrossSuspension *Report) {
    if (auto Dtor = E.getAs<CFGAutomaticObjDtor>()) {
      release(Held, Dtor->getVarDecl());
      return;
    }
    // Scope ends also for guards whose destructor is trivial (no Dtor element).
    if (auto End = E.getAs<CFGLifetimeEnds>()) {
      release(Held, End->getVarDecl());
      return;
    }
    auto S = E.getAs<CFGStmt>();
    if (!S)
      return;
    const Stmt *St = S->getStmt();
    if (const auto *DS = dyn_cast<DeclStmt>(St)) {
      for (const Decl *D : DS->decls())
        if (const auto *V = dyn_cast<VarDecl>(D))
          declare(V, DS, Held);
    } else if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(St)) {
      operatorCall(Op, Held);
    } else if (const auto *MC = dyn_cast<CXXMemberCallExpr>(St)) {
      memberCall(MC, Held);
    } else if (const auto *C = dyn_cast<CallExpr>(St)) {
      freeCall(C, Held);
    } else if (isa<CoawaitExpr, CoyieldExpr, DependentCoawaitExpr>(St)) {
      const auto *Suspend = cast<Expr>(St);
      if (Report && !Held.empty() && isUserSuspension(Suspend) &&
          Coro.canSuspend(Suspend)) {
        std::vector<const ValueDecl *> Released = releasedWhileWaiting(Suspend);
        for (const LockAcquisition &A : Held)
          if (!llvm::is_contained(Released, A.Lock) &&
              !(A.Mutex && llvm::is_contained(Released, A.Mutex)))
            (*Report)[A].push_back(Suspend);
      }
    }
  }

  /// The guard parameters of F: the caller's locks, held from the start.
  HeldSet parameterLocks(const FunctionDecl &F, const Stmt *Body) {
    HeldSet Held;
    for (const ParmVarDecl *P : F.parameters()) {
      QualType T = P->getType().getNonReferenceType();
      if (T->isPointerType())
        T = T->getPointeeType();
      if (classify(T) == LockType::Guard)
        Held.insert({P, Body, P->getLocation(), nullptr, /*FromCaller=*/true});
    }
    return Held;
  }

  void setSuspensionPoints(const std::vector<SuspensionPoint> &Points) {
    for (const SuspensionPoint &P : Points)
      UserSuspensions.insert(P.E);
  }

private:
  bool isUserSuspension(const Expr *E) const {
    return UserSuspensions.count(E) != 0;
  }

  /// The locks an awaited wait releases while it waits: the arguments of a
  /// catalogued `releases_lock` call in the awaited expression
  /// (`co_await cv.wait(lk, pred)`), whether the guard or its mutex.
  std::vector<const ValueDecl *> releasedWhileWaiting(const Expr *Suspend) {
    std::vector<const ValueDecl *> Released;
    findInStmts(awaitedOperand(Suspend), [&](const Stmt *S) {
      if (const auto *C = dyn_cast<CallExpr>(S)) {
        const FunctionDecl *Callee = calleeOf(C);
        const RuleEntry *E =
            Callee ? Types.catalog().lookup(Section::Synchronization, Callee)
                   : Types.catalog().lookup(Section::Synchronization,
                                            calleeName(C));
        if (E && E->attribute("releases_lock") == "true")
          for (const Expr *Arg : C->arguments())
            if (const ValueDecl *D = lockObject(Arg))
              Released.push_back(D);
      }
      if (const auto *C = dyn_cast<CXXConstructExpr>(S))
        handedToAwaiter(C, Released);
      return false;
    });
    return Released;
  }

  /// An awaiter constructed with the guard itself, by non-const reference
  /// or moved, whose class has a data member of a guard type
  /// (`co_await lock_awaiter(*this, lk)` storing `std::unique_lock m_lock`):
  /// the awaiter takes the lock over and releases it when it suspends.
  void handedToAwaiter(const CXXConstructExpr *C,
                       std::vector<const ValueDecl *> &Released) {
    const CXXConstructorDecl *Ctor = C->getConstructor();
    const CXXRecordDecl *Class = Ctor ? Ctor->getParent() : nullptr;
    if (!Class || !Class->hasDefinition() ||
        llvm::none_of(Class->fields(), [&](const FieldDecl *F) {
          return classify(F->getType()) == LockType::Guard;
        }))
      return;
    for (unsigned I = 0; I < C->getNumArgs() && I < Ctor->getNumParams(); ++I) {
      QualType P = Ctor->getParamDecl(I)->getType();
      bool Takes = P->isRValueReferenceType() ||
                   (P->isLValueReferenceType() &&
                    !P->getPointeeType().isConstQualified()) ||
                   !P->isReferenceType();
      if (const ValueDecl *D = movedGuard(C->getArg(I)); D && Takes)
        Released.push_back(D);
    }
  }

  /// The guard variable that `std::move(x)` (or plain `x`) names.
  const ValueDecl *movedGuard(const Expr *E) {
    E = E ? E->IgnoreImplicit() : nullptr;
    if (const auto *Move = dyn_cast_or_null<CallExpr>(E))
      if (Move->getNumArgs() == 1 && calleeName(Move) == "std::move")
        E = Move->getArg(0);
    const ValueDecl *D = lockObject(E);
    return D && classify(D->getType()) == LockType::Guard ? D : nullptr;
  }

  static void release(HeldSet &Held, const ValueDecl *D) {
    for (auto It = Held.begin(); It != Held.end();)
      It = It->Lock == D ? Held.erase(It) : std::next(It);
  }

  static void acquire(HeldSet &Held, const ValueDecl *D, const Stmt *Site,
                      SourceLocation Loc, const ValueDecl *Mutex = nullptr) {
    Held.insert({D, Site, Loc, Mutex});
  }

  static std::vector<LockAcquisition> holdsOf(const HeldSet &Held,
                                              const ValueDecl *D) {
    std::vector<LockAcquisition> Holds;
    for (const LockAcquisition &A : Held)
      if (A.Lock == D)
        Holds.push_back(A);
    return Holds;
  }

  static void swapHolds(HeldSet &Held, const ValueDecl *A,
                        const ValueDecl *B) {
    auto OfA = holdsOf(Held, A), OfB = holdsOf(Held, B);
    release(Held, A);
    release(Held, B);
    for (const LockAcquisition &H : OfA)
      Held.insert({B, H.Site, H.Loc, H.Mutex});
    for (const LockAcquisition &H : OfB)
      Held.insert({A, H.Site, H.Loc, H.Mutex});
  }

  /// `To` takes over what `std::move(From)` held; the move itself already
  /// ended From's hold (see freeCall), so the holds come from that call.
  void takeOver(HeldSet &Held, const Expr *MoveExpr, const ValueDecl *From,
                const ValueDecl *To, const Stmt *Site, SourceLocation Loc) {
    std::vector<LockAcquisition> Holds = holdsOf(Held, From);
    auto Pending = PendingMoves.find(MoveExpr->IgnoreImplicit());
    if (Pending != PendingMoves.end())
      Holds.insert(Holds.end(), Pending->second.begin(), Pending->second.end());
    release(Held, From);
    if (!Holds.empty())
      acquire(Held, To, Site, Loc, Holds.front().Mutex);
  }

  /// How a guard's initializer leaves it: holding, not holding, or taking
  /// over another guard. A guard that an await hands over
  /// (`auto lk = co_await m.coScopedLock()`) was taken without blocking by a
  /// coroutine-aware lock, whatever its type says.
  void initialise(const ValueDecl *V, const Expr *Init, const Stmt *Site,
                  SourceLocation Loc, HeldSet &Held) {
    if (!Init) // default-constructed
      return;
    const Expr *E = Init->IgnoreImplicit();
    while (true) {
      if (const auto *Cast = dyn_cast<CXXFunctionalCastExpr>(E))
        E = Cast->getSubExpr()->IgnoreImplicit();
      else if (const auto *Construct = dyn_cast<CXXConstructExpr>(E);
               Construct && Construct->getNumArgs() == 1 &&
               classify(Construct->getArg(0)->getType()) == LockType::Guard &&
               !movedGuard(Construct->getArg(0)))
        E = Construct->getArg(0)->IgnoreImplicit(); // elided temporary
      else
        break;
    }
    if (isa<CoroutineSuspendExpr, DependentCoawaitExpr>(E))
      return;
    if (const ValueDecl *From = movedGuard(E)) {
      takeOver(Held, E, From, V, Site, Loc);
      return;
    }
    if (const auto *Construct = dyn_cast<CXXConstructExpr>(E)) {
      if (Construct->getNumArgs() == 0)
        return;
      if (const ValueDecl *From = movedGuard(Construct->getArg(0))) {
        takeOver(Held, Construct->getArg(0), From, V, Site, Loc);
        return;
      }
      for (const Expr *Arg : Construct->arguments())
        if (typeName(Arg->getType()) == "std::defer_lock_t")
          return;
      return acquire(Held, V, Site, Loc, lockObject(Construct->getArg(0)));
    }
    acquire(Held, V, Site, Loc);
  }

  void declare(const VarDecl *V, const DeclStmt *DS, HeldSet &Held) {
    if (classify(V->getType()) != LockType::Guard)
      return;
    initialise(V, V->getInit(), DS, V->getLocation(), Held);
  }

  void memberCall(const CXXMemberCallExpr *MC, HeldSet &Held) {
    const CXXMethodDecl *M = MC->getMethodDecl();
    const ValueDecl *Obj = lockObject(MC->getImplicitObjectArgument());
    if (!M)
      return;
    applyCallEffect(MC, Held); // methods annotated acquire_capability(mu_)
    if (!Obj || !M->getIdentifier())
      return;
    llvm::StringRef Name = M->getName();
    switch (classify(Obj->getType())) {
    case LockType::Guard:
    case LockType::Mutex:
      if (Types.isLockMethod(M, Obj->getType()))
        acquire(Held, Obj, MC, MC->getExprLoc());
      else if (Types.isUnlockMethod(M, Obj->getType()))
        release(Held, Obj);
      else if (Name == "swap" && MC->getNumArgs() == 1)
        if (const ValueDecl *Other = lockObject(MC->getArg(0)))
          swapHolds(Held, Obj, Other);
      break;
    case LockType::OptionalGuard:
      if (Name == "emplace")
        acquire(Held, Obj, MC, MC->getExprLoc());
      else if (Name == "reset")
        release(Held, Obj);
      break;
    default:
      break;
    }
  }

  void operatorCall(const CXXOperatorCallExpr *Op, HeldSet &Held) {
    if (Op->getOperator() != OO_Equal || Op->getNumArgs() != 2)
      return;
    const ValueDecl *Lhs = lockObject(Op->getArg(0));
    if (!Lhs)
      return;
    LockType T = classify(Lhs->getType());
    if (T == LockType::Guard) {
      release(Held, Lhs);
      initialise(Lhs, Op->getArg(1), Op, Op->getExprLoc(), Held);
    } else if (T == LockType::OptionalGuard) {
      release(Held, Lhs);
      if (classify(Op->getArg(1)->getType()) == LockType::Guard)
        acquire(Held, Lhs, Op, Op->getExprLoc());
    }
  }

  void freeCall(const CallExpr *C, HeldSet &Held) {
    if (const ValueDecl *Moved = movedGuard(C); Moved && C->getNumArgs() == 1) {
      // std::move(lk) gives the lock away: whoever receives it (a guard
      // declared from it, see takeOver) holds it now, this guard does not.
      PendingMoves[C] = holdsOf(Held, Moved);
      return release(Held, Moved);
    }
    applyCallEffect(C, Held);
  }

  /// pthread_mutex_lock(&m), and functions annotated acquire_capability(m)
  /// / release_capability(m).
  void applyCallEffect(const CallExpr *C, HeldSet &Held) {
    LockTypes::CallEffect Effect = Types.callEffect(C);
    for (const Expr *E : Effect.Locks)
      if (const ValueDecl *M = lockObject(E))
        acquire(Held, M, C, C->getExprLoc());
    for (const Expr *E : Effect.Unlocks)
      if (const ValueDecl *M = lockObject(E))
        release(Held, M);
  }

  LockTypes &Types;
  CoroutineContext &Coro;
  ASTContext &Ctx;
  llvm::DenseSet<const Expr *> UserSuspensions;
  std::map<const Expr *, std::vector<LockAcquisition>> PendingMoves;
};

/// Whether a body takes any lock at all, in any order: each statement's
/// effect on its own, without the CFG. When none does (most coroutines),
/// the dataflow has nothing to track and the CFG is not needed.
class AnyAcquisition : public EvaluatedCodeVisitor<AnyAcquisition> {
public:
  explicit AnyAcquisition(LockModel &Probe) : Probe(Probe) {}
  bool VisitStmt(Stmt *S) {
    HeldSet Held;
    Probe.transfer(CFGStmt(S), Held, nullptr);
    Found = !Held.empty();
    return !Found;
  }
  bool Found = false;

private:
  LockModel &Probe;
};

} // namespace

LocksAcrossSuspension locksHeldAcrossSuspension(CoroutineContext &Coro,
                                                LockTypes &Types) {
  LocksAcrossSuspension Result;
  const std::vector<SuspensionPoint> &Points = Coro.suspensionPoints();
  if (Points.empty())
    return Result;
  const FunctionDecl &F = Coro.function();
  const CoroutineBodyStmt &Body = Coro.coroutineBody();
  ASTContext &Ctx = Coro.ast();

  LockModel Model(Types, Coro);
  Model.setSuspensionPoints(Points);
  HeldSet AtEntry = Model.parameterLocks(F, &Body);
  if (AtEntry.empty()) {
    LockModel ProbeModel(Types, Coro);
    AnyAcquisition Probe(ProbeModel);
    Probe.TraverseStmt(const_cast<Stmt *>(Coro.body()));
    if (!Probe.Found)
      return Result;
  }
  const CFG *Graph = Coro.facts().cfg();
  if (!Graph)
    return Result;
  std::vector<HeldSet> In(Graph->getNumBlockIDs());
  std::vector<HeldSet> Out(Graph->getNumBlockIDs());
  std::vector<bool> Queued(Graph->getNumBlockIDs(), false);
  std::vector<const CFGBlock *> Work;
  for (const CFGBlock *B : *Graph) {
    Work.push_back(B);
    Queued[B->getBlockID()] = true;
  }
  while (!Work.empty()) {
    const CFGBlock *B = Work.back();
    Work.pop_back();
    Queued[B->getBlockID()] = false;
    HeldSet State;
    if (B == &Graph->getEntry())
      State = AtEntry;
    for (const CFGBlock *Pred : B->preds())
      if (Pred)
        State.insert(Out[Pred->getBlockID()].begin(),
                     Out[Pred->getBlockID()].end());
    In[B->getBlockID()] = State;
    for (const CFGElement &E : *B)
      Model.transfer(E, State, nullptr);
    if (State == Out[B->getBlockID()])
      continue;
    Out[B->getBlockID()] = std::move(State);
    for (const CFGBlock *Succ : B->succs())
      if (Succ && !Queued[Succ->getBlockID()]) {
        Queued[Succ->getBlockID()] = true;
        Work.push_back(Succ);
      }
  }
  for (const CFGBlock *B : *Graph) {
    HeldSet State = In[B->getBlockID()];
    for (const CFGElement &E : *B)
      Model.transfer(E, State, &Result);
  }
  for (auto &[Acq, Suspends] : Result) {
    const SourceManager &SM = Ctx.getSourceManager();
    std::sort(Suspends.begin(), Suspends.end(),
              [&](const Expr *A, const Expr *B) {
                return SM.isBeforeInTranslationUnit(A->getBeginLoc(),
                                                    B->getBeginLoc());
              });
    Suspends.erase(std::unique(Suspends.begin(), Suspends.end()),
                   Suspends.end());
  }
  return Result;
}

} // namespace corolint
