// The loop forms of coro-sequential-await: a loop that awaits one
// independent operation per element and collects the results, and a loop
// (or worklist walk) that awaits one void operation on each element.
#include "SequentialAwaitCheck.h"
#include "support/CoroutineModel.h"
#include "support/EvaluatedCodeVisitor.h"
#include "support/LoopBounds.h"
#include "support/MachineBounds.h"
#include "support/QualifiedName.h"
#include "support/RequestTargets.h"

#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"

using namespace clang;

namespace corolint {

using namespace seqawait;

namespace {

bool isCollectMethod(llvm::StringRef Name) {
  return Name == "push_back" || Name == "emplace_back" ||
         Name == "push_front" || Name == "emplace_front" || Name == "insert" ||
         Name == "emplace" || Name == "push" || Name == "try_emplace" ||
         Name == "insert_or_assign" || Name == "append";
}

bool isCompoundAssign(OverloadedOperatorKind K) {
  switch (K) {
  case OO_PlusEqual:
  case OO_MinusEqual:
  case OO_StarEqual:
  case OO_PipeEqual:
  case OO_AmpEqual:
  case OO_CaretEqual:
    return true;
  default:
    return false;
  }
}

/// The index variable of `for (int i = a; i < b; ++i)` (any comparison,
/// ++/--/+=/-= steps), or null.
const VarDecl *indexVariable(const ForStmt &Loop) {
  const auto *Init = dyn_cast_or_null<DeclStmt>(Loop.getInit());
  if (!Init || !Init->isSingleDecl() || !Loop.getCond() || !Loop.getInc())
    return nullptr;
  const auto *I = dyn_cast<VarDecl>(Init->getSingleDecl());
  if (!I || !I->getType()->isIntegralOrEnumerationType() || !I->getInit())
    return nullptr;
  auto IsI = [&](const Expr *E) {
    const auto *Ref = dyn_cast<DeclRefExpr>(E->IgnoreParenImpCasts());
    return Ref && Ref->getDecl() == I;
  };
  const Expr *Inc = Loop.getInc()->IgnoreParenImpCasts();
  bool Steps = false;
  if (const auto *U = dyn_cast<UnaryOperator>(Inc))
    Steps = U->isIncrementDecrementOp() && IsI(U->getSubExpr());
  else if (const auto *B = dyn_cast<BinaryOperator>(Inc))
    Steps = (B->getOpcode() == BO_AddAssign ||
             B->getOpcode() == BO_SubAssign) &&
            IsI(B->getLHS());
  const auto *Cond =
      dyn_cast<BinaryOperator>(Loop.getCond()->IgnoreParenImpCasts());
  if (!Steps || !Cond || !Cond->isComparisonOp() ||
      !(IsI(Cond->getLHS()) || IsI(Cond->getRHS())))
    return nullptr;
  return I;
}

} // namespace

/// A loop over a range (or an index range) whose body awaits one operation
/// per element, with arguments from the element and values the loop does
/// not change, and collects the results; nothing an iteration writes is
/// read by a later iteration's operation.
void SequentialAwaitCheck::checkLoop(const Stmt &Loop, const DefUse &DU,
                                     const FunctionDecl &F, ASTContext &Ctx) {
  llvm::SmallPtrSet<const Decl *, 8> PerIteration;
  const Stmt *Body = nullptr;
  const Expr *Header = nullptr; // the range, or the index loop's condition
  const VarDecl *Index = nullptr;
  if (const auto *Range = dyn_cast<CXXForRangeStmt>(&Loop)) {
    if (!Range->getLoopVariable())
      return;
    PerIteration.insert(Range->getLoopVariable());
    Body = Range->getBody();
    Header = Range->getRangeInit();
  } else if (const auto *For = dyn_cast<ForStmt>(&Loop)) {
    Index = indexVariable(*For);
    if (!Index)
      return;
    PerIteration.insert(Index);
    Body = For->getBody();
    Header = For->getCond();
  }
  if (!Body || !Header)
    return;
  // An index loop's condition runs every iteration.
  if (Index && DU.effects(Header).Opaque)
    return;

  std::vector<SuspensionPoint> Points = Coro->suspensionPointsIn(Body);
  if (Points.size() != 1 || Points[0].IsYield)
    return;
  const auto *Await = dyn_cast<CoawaitExpr>(Points[0].E);
  const CallExpr *Call = operationCall(Await, DU, Ctx);
  if (!Call)
    return;

  std::vector<const Stmt *> Stmts;
  if (const auto *Block = dyn_cast<CompoundStmt>(Body))
    Stmts.assign(Block->body_begin(), Block->body_end());
  else
    Stmts.push_back(Body);
  for (const Stmt *S : Stmts)
    if (const auto *DS = dyn_cast<DeclStmt>(S))
      for (const Decl *D : DS->decls())
        PerIteration.insert(D);

  auto PerIter = [&](const ObjectRef &O) {
    return O.K == ObjectRef::Variable && PerIteration.count(O.D);
  };
  auto DirectRoot = [&](const ObjectRef &O) {
    return !O.Indirect &&
           (DU.isLocal(O) || O.K == ObjectRef::Field) && !PerIter(O);
  };

  // The statement holding the await, and whether the result reaches a
  // container or accumulator declared outside the loop.
  std::size_t AwaitAt = Stmts.size();
  for (std::size_t I = 0; I < Stmts.size(); ++I)
    if (!Coro->suspensionPointsIn(Stmts[I]).empty())
      AwaitAt = I;
  if (AwaitAt == Stmts.size())
    return;

  // What a statement collects into: `c.push_back(v)` and similar on a
  // standard container, `c[k] = v`, `acc += v`. Returns the value stored.
  auto Collected = [&](const Stmt *S) -> const Expr * {
    const auto *E = dyn_cast<Expr>(S);
    if (!E)
      return nullptr;
    E = ignoreValuePreserving(E);
    if (const auto *M = dyn_cast<CXXMemberCallExpr>(E)) {
      const CXXMethodDecl *MD = M->getMethodDecl();
      if (!MD || !MD->getIdentifier() || !isCollectMethod(MD->getName()) ||
          !isStandardName(qualifiedName(MD->getParent())) ||
          M->getNumArgs() == 0)
        return nullptr;
      auto Target = DU.objectOf(M->getImplicitObjectArgument());
      if (!Target || !DirectRoot(*Target))
        return nullptr;
      return M->getArg(M->getNumArgs() - 1);
    }
    const Expr *LHS = nullptr, *RHS = nullptr;
    bool Subscripted = false;
    if (const auto *B = dyn_cast<BinaryOperator>(E)) {
      if (B->getOpcode() == BO_Assign)
        Subscripted = true;
      else if (!B->isCompoundAssignmentOp())
        return nullptr;
      LHS = B->getLHS();
      RHS = B->getRHS();
    } else if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(E)) {
      if (Op->getNumArgs() != 2)
        return nullptr;
      if (Op->getOperator() == OO_Equal)
        Subscripted = true;
      else if (!isCompoundAssign(Op->getOperator()))
        return nullptr;
      LHS = Op->getArg(0);
      RHS = Op->getArg(1);
    } else {
      return nullptr;
    }
    const Expr *Plain = LHS->IgnoreParenImpCasts();
    if (Subscripted) {
      if (const auto *Sub = dyn_cast<ArraySubscriptExpr>(Plain))
        Plain = Sub->getBase();
      else if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(Plain);
               Op && Op->getOperator() == OO_Subscript)
        Plain = Op->getArg(0);
      else
        return nullptr;
    }
    auto Target = DU.objectOf(Plain);
    if (!Target || !DirectRoot(*Target))
      return nullptr;
    return RHS;
  };

  // Effects of every statement; the operation's callee is trusted.
  std::vector<Effects> Each;
  for (std::size_t I = 0; I < Stmts.size(); ++I) {
    if (!isHoistableKind(Stmts[I]))
      return;
    Effects E = I == AwaitAt ? DU.effects(Stmts[I], {Call})
                             : DU.effects(Stmts[I]);
    if (E.Opaque || E.Transfer)
      return;
    // Writes outside the iteration: to locals declared before the loop, or
    // into a container or accumulator (which may be a member).
    bool Collects = Collected(Stmts[I]) != nullptr;
    for (const Access &A : E.Accesses)
      if (A.Write && !PerIter(A.Obj) && !DU.isLocal(A.Obj) &&
          !(Collects && DirectRoot(A.Obj)))
        return;
    Each.push_back(std::move(E));
  }

  // The operation writes only what belongs to its iteration: the element,
  // locals of the body. A receiver or buffer shared by all iterations
  // orders them.
  Effects Op = DU.effects(Call, {Call});
  for (const Access &A : Op.Accesses)
    if (A.Write && !PerIter(A.Obj))
      return;
  if (Index)
    for (const Effects &E : Each)
      for (const Access &A : E.Accesses)
        if (A.Write && A.Obj.K == ObjectRef::Variable && A.Obj.D == Index)
          return;

  // Nothing the body writes outside the iteration (a cursor, a running
  // state) is read by the operation, by what computes its arguments, or by
  // the loop header.
  Effects Carried;
  for (const Effects &E : Each)
    for (const Access &A : E.Accesses)
      if (A.Write && !PerIter(A.Obj))
        Carried.Accesses.push_back(A);
  Effects Before = Op;
  for (std::size_t I = 0; I < AwaitAt; ++I)
    Before.append(Each[I]);
  Before.append(DU.effects(Header));
  for (Access &A : Before.Accesses)
    A.Write = false; // reads only matter here; own writes are per iteration
  for (const Access &A : Before.Accesses)
    for (const Access &W : Carried.Accesses)
      if (!PerIter(A.Obj) && DU.mayAlias(A.Obj, W.Obj))
        return;

  // The results are collected.
  bool Collects = false;
  if (const Expr *Value = Collected(Stmts[AwaitAt]))
    Collects = asAwait(Value) == Await;
  if (!Collects) {
    std::optional<Operation> Kept = operationStatement(Stmts[AwaitAt], DU, Ctx);
    if (!Kept)
      return;
    const ObjectRef &Result = Kept->E.Accesses.back().Obj;
    for (std::size_t I = AwaitAt + 1; I < Stmts.size() && !Collects; ++I)
      if (const Expr *Value = Collected(Stmts[I])) {
        Effects Reads = DU.effects(Value);
        for (const Access &A : Reads.Accesses)
          if (!A.Write && A.Obj.K == Result.K && A.Obj.D == Result.D)
            Collects = true;
      }
  }
  if (!Collects)
    return;

  reportLoop(Loop, Await, Call, F,
             "'%0' is awaited in every iteration, but no iteration depends on "
             "another; await them concurrently",
             Ctx);
}

bool SequentialAwaitCheck::reportLoop(const Stmt &Loop, const Expr *Await,
                                      const CallExpr *Call,
                                      const FunctionDecl &F,
                                      const char *Message, ASTContext &Ctx) {
  TripBound Bound = tripBound(&Loop, Ctx, catalog());
  if (Bound.K == TripBound::Constant && Bound.Value < MinIndependentAwaits)
    return false;
  diag(Await->getBeginLoc(), Message) << describe(Call, Ctx);
  std::string With = combinator(Call, F, "range_combinator");
  if (!With.empty())
    diag(Loop.getBeginLoc(), "start one per element, then %0",
         DiagnosticIDs::Note)
        << With;
  return true;
}

namespace {

/// E is a call of one of Methods on a standard container: its object.
const Expr *standardMemberCallOn(const Expr *E,
                                 std::initializer_list<llvm::StringRef> Methods) {
  const auto *M = dyn_cast_or_null<CXXMemberCallExpr>(E);
  if (!M || !M->getMethodDecl() || !M->getMethodDecl()->getIdentifier() ||
      !llvm::is_contained(Methods, M->getMethodDecl()->getName()))
    return nullptr;
  if (!isStandardName(qualifiedName(M->getMethodDecl()->getParent())))
    return nullptr;
  return M->getImplicitObjectArgument();
}

/// `W.front()`, `W.back()`, `W.top()` (possibly moved from) of a standard
/// container: the item a worklist walk takes. Returns the container
/// expression.
const Expr *takenItemOf(const Expr *Init) {
  Init = ignoreValuePreserving(Init, {/*Moves=*/true});
  return standardMemberCallOn(Init, {"front", "back", "top"});
}

/// `W.pop_front()`, `W.pop_back()`, `W.pop()` as a statement: returns W.
const Expr *poppedContainer(const Stmt *S) {
  const auto *E = dyn_cast<Expr>(S);
  if (!E)
    return nullptr;
  E = ignoreValuePreserving(E);
  return standardMemberCallOn(E, {"pop_front", "pop_back", "pop"});
}

/// `!W.empty()` (or `W.size() > 0`, `W.size() != 0`): the container W.
const Expr *nonEmptyTest(const Expr *Cond) {
  Cond = Cond->IgnoreParenImpCasts();
  const Expr *Call = nullptr;
  if (const auto *U = dyn_cast<UnaryOperator>(Cond)) {
    if (U->getOpcode() == UO_LNot)
      Call = U->getSubExpr()->IgnoreParenImpCasts();
    const auto *M = dyn_cast_or_null<CXXMemberCallExpr>(Call);
    if (M && M->getMethodDecl() && M->getMethodDecl()->getIdentifier() &&
        M->getMethodDecl()->getName() == "empty")
      return M->getImplicitObjectArgument();
  }
  return nullptr;
}

} // namespace

namespace seqawait {

std::vector<const Stmt *>
iterationStatements(const Stmt *Body,
                    std::vector<const CXXCatchStmt *> &Handlers) {
  std::vector<const Stmt *> Stmts;
  if (const auto *Block = dyn_cast<CompoundStmt>(Body))
    Stmts.assign(Block->body_begin(), Block->body_end());
  else
    Stmts.push_back(Body);
  // A `try` whose handlers only handle the failure (log it, count it) and
  // go on with the next element: its block's statements are the body's.
  for (std::size_t I = 0; I < Stmts.size(); ++I)
    if (const auto *Try = dyn_cast<CXXTryStmt>(Stmts[I])) {
      const CompoundStmt *Block = Try->getTryBlock();
      for (unsigned H = 0; H < Try->getNumHandlers(); ++H)
        Handlers.push_back(Try->getHandler(H));
      Stmts.erase(Stmts.begin() + I);
      Stmts.insert(Stmts.begin() + I, Block->body_begin(), Block->body_end());
      break;
    }
  return Stmts;
}

bool bindsToIteration(const VarDecl &V,
                      const llvm::SmallPtrSetImpl<const Decl *> &PerIteration,
                      const DefUse &DU) {
  if (!isReferringType(V.getType(), DU.catalog()))
    return true;
  if (!V.getInit())
    return false;
  auto O = DU.objectOf(ignoreValuePreserving(V.getInit()));
  return O && O->K == ObjectRef::Variable && PerIteration.count(O->D);
}

} // namespace seqawait

/// Whether one iteration's work is independent of every other's: its
/// operation (W.Call) acts on the element, or is a request the element
/// addresses to a shared service; it is no synchronisation, yield, spawn,
/// send, combinator or blocking call; every statement writes only what
/// belongs to the iteration; handlers only handle the failure.
bool SequentialAwaitCheck::independentOnElement(const IterationWork &W,
                                                const DefUse &DU) const {
  const CallExpr *Call = W.Call;
  if (!Call || Call->isTypeDependent() || Call->isValueDependent() ||
      isa<CXXOperatorCallExpr>(Call))
    return false;
  const FunctionDecl *FD = Call->getDirectCallee();
  if (!FD || FD->getOverloadedOperator() != OO_None)
    return false;
  const auto *MD = dyn_cast<CXXMethodDecl>(FD);
  if (MD && MD->getParent()->isLambda())
    return false;
  const auto *MemberCall = dyn_cast<CXXMemberCallExpr>(Call);
  std::string Name = qualifiedName(FD);
  if (isStandardName(Name) || Ignored.matches(Name))
    return false;
  for (Section S : {Section::Synchronization, Section::Yields,
                    Section::ConcurrentCombinators,
                    Section::NonSuspendingAwaitables, Section::Spawn,
                    Section::Offload, Section::Blocking,
                    Section::ChannelSends})
    if (catalog().lookup(S, FD))
      return false;
  for (const Expr *Arg : Call->arguments())
    if (isCallableArgument(Arg))
      return false;

  auto PerIter = [&](const ObjectRef &O) {
    return O.K == ObjectRef::Variable && W.PerIteration.count(O.D);
  };
  // The receiver is the element, or the element addresses a request to a
  // service the loop shares: the objects the operation writes besides the
  // element are left to that service.
  std::optional<ObjectRef> Receiver;
  if (MemberCall)
    Receiver = DU.objectOf(MemberCall->getImplicitObjectArgument());
  llvm::SmallVector<ObjectRef, 2> Services;
  if (!Receiver || !PerIter(*Receiver)) {
    if (!addressedRequest(*Call, *FD, DU, PerIter, Services))
      return false;
  }
  auto IsService = [&](const ObjectRef &O) {
    for (const ObjectRef &S : Services)
      if (S.K == O.K && S.D == O.D)
        return true;
    return false;
  };

  // Every statement writes only what belongs to its iteration (and, in a
  // worklist walk, pops the container); nothing is opaque or leaves the
  // loop.
  for (std::size_t I = 0; I < W.Stmts.size(); ++I) {
    Effects E = I == W.OperationAt ? DU.effects(W.Stmts[I], {Call})
                             : DU.effects(W.Stmts[I]);
    if (E.Opaque || E.Transfer)
      return false;
    for (const Access &A : E.Accesses) {
      if (!A.Write || PerIter(A.Obj))
        continue;
      if (W.Allowed && W.Allowed(I, A.Obj))
        continue;
      if (I == W.OperationAt && IsService(A.Obj))
        continue;
      return false;
    }
    // A mutable global read by the operation may be changed by another
    // element's operation.
    if (I == W.OperationAt)
      for (const Access &A : E.Accesses)
        if (A.Obj.K == ObjectRef::Variable && !A.Obj.Indirect)
          if (const auto *V = dyn_cast_or_null<VarDecl>(A.Obj.D))
            if (!V->hasLocalStorage() && !V->getType().isConstQualified() &&
                !V->isConstexpr())
              return false;
  }

  // A handler that only handles the failure: no await, no exit (a
  // rethrow orders the iterations), nothing written outside the iteration
  // but what it declares.
  for (const CXXCatchStmt *H : W.Handlers) {
    if (!H->getHandlerBlock() ||
        W.Suspends(H->getHandlerBlock()))
      return false;
    Effects E = DU.effects(H->getHandlerBlock());
    if (E.Opaque || E.Transfer)
      return false;
    for (const Access &A : E.Accesses)
      if (A.Write && !PerIter(A.Obj) &&
          !(A.Obj.K == ObjectRef::Variable && H->getExceptionDecl() &&
            A.Obj.D == H->getExceptionDecl()))
        return false;
  }

  return true;
}

/// A loop that awaits one operation on each element, done for its effect
/// (`for (auto &c : clients) co_await c->stop();`), or a worklist walk that
/// takes one item per iteration and awaits an operation on it. The
/// operation is called on the element, writes nothing but the element,
/// and its result is dropped or void; nothing else in the body writes
/// outside the iteration, and nothing leaves the loop early.
bool SequentialAwaitCheck::checkElementLoop(const Stmt &Loop,
                                            const DefUse &DU,
                                            const FunctionDecl &F,
                                            ASTContext &Ctx) {
  llvm::SmallPtrSet<const Decl *, 8> PerIteration;
  const Stmt *Body = nullptr;
  const Expr *Worklist = nullptr; // the container a worklist walk drains
  if (const auto *Range = dyn_cast<CXXForRangeStmt>(&Loop)) {
    if (!Range->getLoopVariable())
      return false;
    PerIteration.insert(Range->getLoopVariable());
    Body = Range->getBody();
  } else if (const auto *While = dyn_cast<WhileStmt>(&Loop)) {
    if (!While->getCond() || While->getConditionVariable())
      return false;
    Worklist = nonEmptyTest(While->getCond());
    Body = While->getBody();
  }
  if (!Body)
    return false;
  std::optional<ObjectRef> Items;
  if (Worklist) {
    Items = DU.objectOf(Worklist);
    if (!Items || Items->Indirect || Items->K == ObjectRef::This)
      return false;
  } else if (!isa<CXXForRangeStmt>(&Loop)) {
    return false;
  }

  std::vector<SuspensionPoint> Points = Coro->suspensionPointsIn(Body);
  if (Points.size() != 1 || Points[0].IsYield)
    return false;
  const auto *Await = dyn_cast<CoawaitExpr>(Points[0].E);
  if (!Await || Await->isImplicit() || !Coro->canSuspend(Await))
    return false;

  std::vector<const CXXCatchStmt *> Handlers;
  std::vector<const Stmt *> Stmts = iterationStatements(Body, Handlers);

  // The item a worklist walk takes: a local of the body initialised from
  // the container's front (back, top), with the container popped in the
  // same body.
  auto SameObject = [&](const Expr *E) {
    auto O = DU.objectOf(E);
    return O && Items && O->K == Items->K && O->D == Items->D &&
           !O->Indirect;
  };
  bool Popped = false;
  llvm::SmallPtrSet<const Stmt *, 4> Takes; // statements taking the item
  std::size_t AwaitAt = Stmts.size();
  for (std::size_t I = 0; I < Stmts.size(); ++I) {
    const Stmt *S = Stmts[I];
    if (!isHoistableKind(S))
      return false;
    if (!Coro->suspensionPointsIn(S).empty())
      AwaitAt = I;
    if (const auto *DS = dyn_cast<DeclStmt>(S)) {
      for (const Decl *D : DS->decls()) {
        const auto *V = dyn_cast<VarDecl>(D);
        if (!V)
          return false;
        // A body local refers to the iteration's element only when bound
        // to it (or, in a worklist walk, to the item taken); any other
        // reference, pointer or view may name shared state.
        bool FromItem = Worklist && V->getInit() &&
                        takenItemOf(V->getInit()) &&
                        SameObject(takenItemOf(V->getInit()));
        if (FromItem)
          Takes.insert(S);
        if (FromItem || bindsToIteration(*V, PerIteration, DU))
          PerIteration.insert(V);
      }
    }
    if (Worklist && poppedContainer(S) && SameObject(poppedContainer(S)))
      Popped = true;
  }
  if (AwaitAt == Stmts.size() || (Worklist && !Popped))
    return false;

  // The await is a statement of its own, its result dropped.
  const auto *AwaitStmt = dyn_cast<Expr>(Stmts[AwaitAt]);
  if (!AwaitStmt || asAwait(AwaitStmt) != Await)
    return false;
  const Expr *Operand = awaitedOperand(Await);
  const auto *Call = dyn_cast_or_null<CallExpr>(ignoreValuePreserving(Operand));
  if (!Call)
    return false;
  IterationWork W;
  W.Stmts = std::move(Stmts);
  W.Handlers = std::move(Handlers);
  W.PerIteration = std::move(PerIteration);
  W.OperationAt = AwaitAt;
  W.Call = Call;
  // Popping the worklist, or copying its front out, touches the container
  // only for the item taken.
  W.Allowed = [&](std::size_t I, const ObjectRef &O) {
    bool IsPop = Worklist && (poppedContainer(W.Stmts[I]) ||
                              Takes.count(W.Stmts[I]));
    return IsPop && Items && O.K == Items->K && O.D == Items->D;
  };
  W.Suspends = [&](const Stmt *S) {
    return !Coro->suspensionPointsIn(S).empty();
  };
  if (!independentOnElement(W, DU))
    return false;

  return reportLoop(Loop, Await, Call, F,
                    "'%0' is awaited on each element in turn, but no "
                    "element's operation depends on another's; await them "
                    "concurrently",
                    Ctx);
}

} // namespace corolint
