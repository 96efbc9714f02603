#include "support/LockDataflow.h"
#include "support/CoroutineModel.h"
#include "support/QualifiedName.h"

#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"
#include "clang/Analysis/CFG.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/DenseSet.h"
#include <set>

using namespace clang;

namespace corolint {
namespace {

enum class LockType { None, Guard, AsyncGuard, OptionalGuard, Mutex };

/// The state at a program point: which acquisitions may still hold.
using HeldSet = std::set<LockAcquisition>;

class LockModel {
public:
  LockModel(const RuleCatalog &Catalog, const LockOptions &Opts,
            ASTContext &Ctx)
      : Catalog(Catalog), Opts(Opts), Ctx(Ctx) {}

  LockType classify(QualType T) const {
    if (T.isNull())
      return LockType::None;
    const CXXRecordDecl *R = T.getNonReferenceType()->getAsCXXRecordDecl();
    if (!R)
      return LockType::None;
    std::string Name = qualifiedName(R);
    if (isAsync(Name))
      return LockType::AsyncGuard;
    if (Catalog.lookup(Section::LockGuards, Name) ||
        Opts.ExtraGuardTypes.matches(Name)) {
      // std::unique_lock<folly::coro::Mutex> guards a coroutine-aware mutex.
      for (QualType Arg : typeArguments(R))
        if (isAsync(typeName(Arg)))
          return LockType::AsyncGuard;
      return LockType::Guard;
    }
    if (Name == "std::optional") {
      auto Args = typeArguments(R);
      if (!Args.empty() && classify(Args.front()) == LockType::Guard)
        return LockType::OptionalGuard;
    }
    if (const RuleEntry *M = Catalog.lookup(Section::Mutexes, Name))
      if (M->Kind.empty())
        return LockType::Mutex;
    return LockType::None;
  }

  /// Applies one CFG element's effect to Held; records suspension points.
  void transfer(const CFGElement &E, HeldSet &Held,
                LocksAcrossSuspension *Report) const {
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
          suspends(Suspend))
        for (const LockAcquisition &A : Held)
          (*Report)[A].push_back(Suspend);
    }
  }

  void setSuspensionPoints(const std::vector<SuspensionPoint> &Points) {
    for (const SuspensionPoint &P : Points)
      UserSuspensions.insert(P.E);
  }

private:
  bool isAsync(const std::string &Name) const {
    return !Name.empty() && (Catalog.lookup(Section::AsyncLocks, Name) ||
                             Opts.ExtraAsyncLockTypes.matches(Name));
  }

  static std::vector<QualType> typeArguments(const CXXRecordDecl *R) {
    std::vector<QualType> Types;
    if (const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(R))
      for (const TemplateArgument &A : Spec->getTemplateArgs().asArray())
        if (A.getKind() == TemplateArgument::Type)
          Types.push_back(A.getAsType());
    return Types;
  }

  bool isUserSuspension(const Expr *E) const {
    return UserSuspensions.count(E) != 0;
  }

  bool suspends(const Expr *Suspend) const {
    if (!canSuspend(Suspend, Catalog, Ctx))
      return false;
    std::string Type = typeName(awaitedOperand(Suspend)
                                    ? awaitedOperand(Suspend)->getType()
                                    : QualType());
    if (!Type.empty() && Opts.ExtraNonSuspending.matches(Type))
      return false;
    if (const auto *Ref = dyn_cast_or_null<DeclRefExpr>(awaitedOperand(Suspend)))
      if (Opts.ExtraNonSuspending.matches(qualifiedName(Ref->getDecl())))
        return false;
    return true;
  }

  /// Whether Method is one of the lock (or unlock) methods of Obj's type:
  /// the catalog entry's Attribute (`Lock;ReaderLock` for absl::Mutex), or
  /// the standard names.
  bool isMethodOf(const ValueDecl *Obj, llvm::StringRef Method,
                  llvm::StringRef Attribute, llvm::StringRef Default) const {
    llvm::StringRef Names = Default;
    const CXXRecordDecl *R =
        Obj->getType().getNonReferenceType()->getAsCXXRecordDecl();
    if (const RuleEntry *E =
            R ? Catalog.lookup(Section::Mutexes, qualifiedName(R)) : nullptr)
      if (!E->attribute(Attribute).empty())
        Names = E->attribute(Attribute);
    return listNames(Names, Method);
  }

  /// The variable or member E names (looking through &, parentheses and
  /// implicit conversions).
  static const ValueDecl *lockObject(const Expr *E) {
    if (!E)
      return nullptr;
    E = E->IgnoreParenImpCasts();
    if (const auto *U = dyn_cast<UnaryOperator>(E))
      if (U->getOpcode() == UO_AddrOf || U->getOpcode() == UO_Deref)
        return lockObject(U->getSubExpr());
    if (const auto *Ref = dyn_cast<DeclRefExpr>(E))
      return Ref->getDecl();
    if (const auto *M = dyn_cast<MemberExpr>(E))
      return M->getMemberDecl();
    return nullptr;
  }

  /// The guard variable that `std::move(x)` (or plain `x`) names.
  const ValueDecl *movedGuard(const Expr *E) const {
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
                      SourceLocation Loc) {
    Held.insert({D, Site, Loc});
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
      Held.insert({B, H.Site, H.Loc});
    for (const LockAcquisition &H : OfB)
      Held.insert({A, H.Site, H.Loc});
  }

  /// `To` takes over what `std::move(From)` held; the move itself already
  /// ended From's hold (see freeCall), so the holds come from that call.
  void takeOver(HeldSet &Held, const Expr *MoveExpr, const ValueDecl *From,
                const ValueDecl *To, const Stmt *Site,
                SourceLocation Loc) const {
    std::vector<LockAcquisition> Holds = holdsOf(Held, From);
    auto Pending = PendingMoves.find(MoveExpr->IgnoreImplicit());
    if (Pending != PendingMoves.end())
      Holds.insert(Holds.end(), Pending->second.begin(), Pending->second.end());
    release(Held, From);
    if (!Holds.empty())
      acquire(Held, To, Site, Loc);
  }

  /// How a guard's initializer leaves it: holding, not holding, or taking
  /// over another guard.
  void initialise(const ValueDecl *V, const Expr *Init, const Stmt *Site,
                  SourceLocation Loc, HeldSet &Held) const {
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
    }
    acquire(Held, V, Site, Loc);
  }

  void declare(const VarDecl *V, const DeclStmt *DS, HeldSet &Held) const {
    if (classify(V->getType()) != LockType::Guard)
      return;
    initialise(V, V->getInit(), DS, V->getLocation(), Held);
  }

  void memberCall(const CXXMemberCallExpr *MC, HeldSet &Held) const {
    const CXXMethodDecl *M = MC->getMethodDecl();
    const ValueDecl *Obj = lockObject(MC->getImplicitObjectArgument());
    if (!M || !Obj || !M->getIdentifier())
      return;
    llvm::StringRef Name = M->getName();
    switch (classify(Obj->getType())) {
    case LockType::Guard:
    case LockType::Mutex:
      if (isMethodOf(Obj, Name, "lock_methods", "lock;lock_shared;try_lock;"
                                                "try_lock_for;try_lock_until;"
                                                "try_lock_shared"))
        acquire(Held, Obj, MC, MC->getExprLoc());
      else if (isMethodOf(Obj, Name, "unlock_methods",
                          "unlock;unlock_shared;release"))
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

  void operatorCall(const CXXOperatorCallExpr *Op, HeldSet &Held) const {
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

  void freeCall(const CallExpr *C, HeldSet &Held) const {
    if (const ValueDecl *Moved = movedGuard(C); Moved && C->getNumArgs() == 1) {
      // std::move(lk) gives the lock away: whoever receives it (a guard
      // declared from it, see takeOver) holds it now, this guard does not.
      PendingMoves[C] = holdsOf(Held, Moved);
      return release(Held, Moved);
    }
    const RuleEntry *R = Catalog.lookup(Section::Mutexes, calleeName(C));
    if (!R || C->getNumArgs() == 0)
      return;
    if (const ValueDecl *M = lockObject(C->getArg(0))) {
      if (R->Kind == "lock")
        acquire(Held, M, C, C->getExprLoc());
      else if (R->Kind == "unlock")
        release(Held, M);
    }
  }

  const RuleCatalog &Catalog;
  const LockOptions &Opts;
  ASTContext &Ctx;
  llvm::DenseSet<const Expr *> UserSuspensions;
  mutable std::map<const Expr *, std::vector<LockAcquisition>> PendingMoves;
};

} // namespace

LocksAcrossSuspension
locksHeldAcrossSuspension(const FunctionDecl &F, const CoroutineBodyStmt &Body,
                          const RuleCatalog &Catalog, const LockOptions &Opts,
                          ASTContext &Ctx) {
  LocksAcrossSuspension Result;
  std::vector<SuspensionPoint> Points = suspensionPoints(&Body);
  if (Points.empty())
    return Result;
  CFG::BuildOptions Options;
  Options.AddImplicitDtors = true;
  Options.AddLifetime = true;
  Options.AddTemporaryDtors = true;
  Options.setAllAlwaysAdd();
  std::unique_ptr<CFG> Graph =
      CFG::buildCFG(&F, Body.getBody(), &Ctx, Options);
  if (!Graph)
    return Result;

  LockModel Model(Catalog, Opts, Ctx);
  Model.setSuspensionPoints(Points);
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
