#include "support/SpawnHandleFate.h"
#include "support/QualifiedName.h"

#include "llvm/ADT/STLExtras.h"

using namespace clang;

namespace corolint {

bool isLoopStmt(const Stmt *S) {
  return isa<ForStmt, CXXForRangeStmt, WhileStmt, DoStmt>(S);
}

namespace {
bool isSuspension(const Stmt *S) {
  return isa<CoawaitExpr, DependentCoawaitExpr, CoyieldExpr>(S);
}
bool isOneOf(llvm::StringRef Name,
             std::initializer_list<llvm::StringRef> Names) {
  return llvm::is_contained(Names, Name);
}
} // namespace

bool SpawnBodyScan::dataTraverseStmtPre(Stmt *S) {
  if (!Stack.empty())
    Parent[S] = Stack.back();
  Stack.push_back(S);
  if (isLoopStmt(S))
    ++LoopDepth;
  return true;
}
bool SpawnBodyScan::dataTraverseStmtPost(Stmt *S) {
  Stack.pop_back();
  if (isLoopStmt(S))
    --LoopDepth;
  return true;
}
bool SpawnBodyScan::VisitCallExpr(CallExpr *C) {
  Calls.push_back(C);
  if (LoopDepth)
    InLoops.push_back(C);
  return true;
}
bool SpawnBodyScan::VisitCXXConstructExpr(CXXConstructExpr *C) {
  Calls.push_back(C);
  if (LoopDepth)
    InLoops.push_back(C);
  return true;
}
bool SpawnBodyScan::VisitCXXUnresolvedConstructExpr(
    CXXUnresolvedConstructExpr *C) {
  Calls.push_back(C);
  if (LoopDepth)
    InLoops.push_back(C);
  return true;
}
bool SpawnBodyScan::VisitDeclRefExpr(DeclRefExpr *R) {
  Refs[R->getDecl()].push_back(R);
  return true;
}
bool SpawnBodyScan::VisitMemberExpr(MemberExpr *M) {
  Refs[M->getMemberDecl()].push_back(M);
  return true;
}
bool SpawnBodyScan::VisitDeclStmt(DeclStmt *D) {
  for (const Decl *Each : D->decls())
    if (const auto *V = dyn_cast<VarDecl>(Each))
      DeclOf[V] = D;
  return true;
}
bool SpawnBodyScan::VisitStmt(Stmt *S) {
  if (isa<IfStmt, WhileStmt, DoStmt, ForStmt>(S))
    Branches.push_back(S);
  return true;
}

SpawnHandleFate::SpawnHandleFate(const Stmt *Body, const RuleCatalog &Catalog,
                                 ASTContext &Ctx)
    : Catalog(Catalog), Ctx(Ctx) {
  Scan.TraverseStmt(const_cast<Stmt *>(Body));
}

const Stmt *SpawnHandleFate::parent(const Stmt *S) const {
  auto It = Scan.Parent.find(S);
  return It == Scan.Parent.end() ? nullptr : It->second;
}

bool SpawnHandleFate::within(const Stmt *S, const Stmt *Ancestor) const {
  for (; S; S = parent(S))
    if (S == Ancestor)
      return true;
  return false;
}

std::vector<const Stmt *>
SpawnHandleFate::enclosingLoops(const Stmt *S) const {
  std::vector<const Stmt *> Loops;
  for (const Stmt *Child = S, *P = parent(S); P; Child = P, P = parent(P))
    if (isLoopStmt(P) && Child != initOf(P) && Child != rangeOf(P))
      Loops.push_back(P);
  return Loops;
}

const Stmt *SpawnHandleFate::rangeOf(const Stmt *Loop) {
  if (const auto *Range = dyn_cast<CXXForRangeStmt>(Loop))
    return Range->getRangeInit();
  return nullptr;
}

const Stmt *SpawnHandleFate::initOf(const Stmt *Loop) {
  if (const auto *For = dyn_cast<ForStmt>(Loop))
    return For->getInit();
  if (const auto *Range = dyn_cast<CXXForRangeStmt>(Loop))
    return Range->getInit();
  return nullptr;
}

std::pair<const Expr *, const Stmt *>
SpawnHandleFate::climb(const Expr *E) const {
  const Expr *Cur = E;
  const Stmt *P = parent(Cur);
  while (P) {
    bool PassesOn =
        isa<ParenExpr, ImplicitCastExpr, MaterializeTemporaryExpr,
            CXXBindTemporaryExpr, ExprWithCleanups, ConstantExpr>(P);
    if (const auto *Construct = dyn_cast<CXXConstructExpr>(P))
      PassesOn = Construct->getNumArgs() == 1 && Construct->getConstructor() &&
                 Construct->getConstructor()->isCopyOrMoveConstructor();
    if (const auto *Call = dyn_cast<CallExpr>(P)) {
      std::string Name = calleeName(Call);
      PassesOn = (Name == "std::move" || Name == "std::forward") &&
                 Call->getNumArgs() == 1;
    }
    if (!PassesOn)
      break;
    Cur = cast<Expr>(P);
    P = parent(Cur);
  }
  return {Cur, P};
}

bool SpawnHandleFate::isDiscardedAt(const Expr *Cur, const Stmt *P) const {
  if (!P || isa<CompoundStmt, CaseStmt, DefaultStmt, LabelStmt,
                AttributedStmt>(P))
    return true;
  if (const auto *If = dyn_cast<IfStmt>(P))
    return Cur != If->getCond();
  if (const auto *While = dyn_cast<WhileStmt>(P))
    return Cur == While->getBody();
  if (const auto *Do = dyn_cast<DoStmt>(P))
    return Cur == Do->getBody();
  if (const auto *For = dyn_cast<ForStmt>(P))
    return Cur != For->getCond();
  if (const auto *Range = dyn_cast<CXXForRangeStmt>(P))
    return Cur == Range->getBody();
  if (const auto *Switch = dyn_cast<SwitchStmt>(P))
    return Cur == Switch->getBody();
  if (const auto *Cast = dyn_cast<ExplicitCastExpr>(P))
    return Cast->getType()->isVoidType();
  // `std::ignore = f(x);` drops the value as `(void)f(x);` does.
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(P))
    if (Op->getOperator() == OO_Equal && Op->getNumArgs() == 2 &&
        Op->getArg(1) == Cur)
      if (const auto *Ref =
              dyn_cast<DeclRefExpr>(Op->getArg(0)->IgnoreParenImpCasts()))
        return qualifiedName(Ref->getDecl()) == "std::ignore";
  if (const auto *Comma = dyn_cast<BinaryOperator>(P))
    if (Comma->getOpcode() == BO_Comma)
      return Cur == Comma->getLHS() || isDiscarded(Comma);
  return false;
}

bool SpawnHandleFate::isDiscarded(const Expr *E) const {
  auto [Cur, P] = climb(E);
  return isDiscardedAt(Cur, P);
}

bool SpawnHandleFate::inWaitContext(const Expr *E) const {
  const Stmt *Child = E;
  for (const Stmt *P = parent(E); P && isa<Expr>(P);
       Child = P, P = parent(P)) {
    if (isSuspension(P))
      return true;
    // `v.size()`, `t.joinable()` (the catalogs' `state_queries`): reading
    // the object does not wait for it.
    if (const auto *Member = dyn_cast<MemberExpr>(P))
      if (Member->getBase()->IgnoreParenImpCasts() == Child ||
          Member->getBase() == Child)
        if (Member->getMemberDecl()->getIdentifier() &&
            Catalog.lookup(Section::StateQueries,
                           Member->getMemberDecl()->getName()))
          return false;
    if (isa<CallExpr>(P) && isWaitCall(cast<Expr>(P), Catalog))
      return true;
  }
  return false;
}

bool SpawnHandleFate::waitedUse(const Expr *Ref, const Stmt *Loop) const {
  if (inWaitContext(Ref))
    return true;
  // for (auto &t : threads) t.join();
  auto [Cur, P] = climb(Ref);
  if (const auto *Range = dyn_cast_or_null<CXXForRangeStmt>(P))
    if (Cur == Range->getRangeInit() && Range->getLoopVariable()) {
      auto It = Scan.Refs.find(Range->getLoopVariable());
      if (It != Scan.Refs.end())
        for (const Expr *Use : It->second)
          if (within(Use, Range->getBody()) && inWaitContext(Use))
            return true;
    }
  (void)Loop;
  return false;
}

bool SpawnHandleFate::escapes(const ValueDecl *D, const Stmt *Loop,
                                const SpawnSite &S) const {
  auto It = Scan.Refs.find(D);
  if (It == Scan.Refs.end())
    return false;
  for (const Expr *Ref : It->second) {
    if (!within(Ref, Loop) || within(Ref, S.E))
      continue;
    auto [Cur, P] = climb(Ref);
    if (!P)
      continue;
    if (const auto *Member = dyn_cast<MemberExpr>(P)) {
      if (Member->getMemberDecl()->getIdentifier() &&
          Member->getMemberDecl()->getName() == "detach")
        return true;
      continue;
    }
    if (const auto *Call = dyn_cast<CallExpr>(P)) {
      if (isWaitCall(Call, Catalog))
        continue;
      for (const Expr *Arg : Call->arguments())
        if (Arg == Cur)
          return true;
      continue;
    }
    if (const auto *Construct = dyn_cast<CXXConstructExpr>(P)) {
      for (const Expr *Arg : Construct->arguments())
        if (Arg == Cur)
          return true;
      continue;
    }
    if (const auto *Assign = dyn_cast<BinaryOperator>(P))
      if (Assign->isAssignmentOp() && Assign->getRHS() == Cur)
        return true;
    if (isa<DeclStmt, InitListExpr, LambdaExpr>(P))
      return true;
  }
  return false;
}

bool SpawnHandleFate::joinedIn(const SpawnSite &S, const Stmt *Loop) const {
  if (!S.Object || !S.Rule || S.Rule->attribute("join").empty())
    return false;
  const ValueDecl *D = namedObject(S.Object);
  auto It = D ? Scan.Refs.find(D) : Scan.Refs.end();
  if (It == Scan.Refs.end())
    return false;
  for (const Expr *Ref : It->second) {
    if (!within(Ref, Loop) || within(Ref, S.E))
      continue;
    // Look through `*p`, `p->`, `.get()` to the use of the object.
    const Expr *Cur = Ref;
    const Stmt *P = parent(Cur);
    while (P && (isa<ImplicitCastExpr, ParenExpr>(P) ||
                 (isa<UnaryOperator>(P) &&
                  cast<UnaryOperator>(P)->getOpcode() == UO_Deref) ||
                 (isa<CXXOperatorCallExpr>(P) &&
                  (cast<CXXOperatorCallExpr>(P)->getOperator() == OO_Arrow ||
                   cast<CXXOperatorCallExpr>(P)->getOperator() == OO_Star)))) {
      Cur = cast<Expr>(P);
      P = parent(Cur);
    }
    if (P && isSuspension(P) && S.isJoinMethod("co_await"))
      return true;
    const auto *Member = dyn_cast_or_null<MemberExpr>(P);
    if (!Member || !Member->getMemberDecl()->getIdentifier() ||
        !S.isJoinMethod(Member->getMemberDecl()->getName()))
      continue;
    const auto *Call = dyn_cast_or_null<CXXMemberCallExpr>(parent(Member));
    if (Call && (isWaitCall(Call, Catalog) || inWaitContext(Call)))
      return true;
  }
  return false;
}

bool SpawnHandleFate::outParamWaited(const SpawnSite &S,
                                       const Stmt *Loop) const {
  const auto *Call = dyn_cast<CallExpr>(S.E);
  if (!Call)
    return false;
  for (const Expr *Arg : Call->arguments()) {
    const auto *Addr = dyn_cast<UnaryOperator>(Arg->IgnoreParenImpCasts());
    if (!Addr || Addr->getOpcode() != UO_AddrOf)
      continue;
    const Expr *Target = Addr->getSubExpr()->IgnoreParenImpCasts();
    if (const auto *Sub = dyn_cast<ArraySubscriptExpr>(Target))
      Target = Sub->getBase();
    const ValueDecl *D = namedObject(Target);
    auto It = D ? Scan.Refs.find(D) : Scan.Refs.end();
    if (It == Scan.Refs.end())
      continue;
    for (const Expr *Ref : It->second)
      if (within(Ref, Loop) && !within(Ref, S.E) && waitedUse(Ref, Loop))
        return true;
  }
  return false;
}

SpawnHandleFate::Fate
SpawnHandleFate::holderFate(const SpawnSite &S, const ValueDecl *D,
                              const Stmt *Loop, bool Direct,
                              bool Assigned) const {
  if (!D)
    return joinedIn(S, Loop) ? Waited : PerIteration;
  auto It = Scan.Refs.find(D);
  if (It != Scan.Refs.end())
    for (const Expr *Ref : It->second)
      if (within(Ref, Loop) && !within(Ref, S.E) && waitedUse(Ref, Loop))
        return Waited;
  const auto *V = dyn_cast<VarDecl>(D);
  bool Reference = V && V->getType()->isReferenceType();
  auto Decl = V ? Scan.DeclOf.find(V) : Scan.DeclOf.end();
  bool Inside = Decl != Scan.DeclOf.end() && within(Decl->second, Loop) &&
                !V->isStaticLocal();
  if (S.resultWaits() && !Reference) {
    // The holder dies with the iteration, or the assignment destroys the
    // previous iteration's result: either waits for it (or terminates).
    if (Inside && !escapes(D, Loop, S))
      return Waited;
    if (Assigned && Direct && V && !V->hasGlobalStorage())
      return Waited;
  }
  return joinedIn(S, Loop) ? Waited : PerIteration;
}

SpawnHandleFate::Fate
SpawnHandleFate::fate(const SpawnSite &S, const Stmt *Loop,
                        const ValueDecl *&Holder) const {
  Holder = nullptr;
  if (S.How == SpawnSite::Emplace) {
    Holder = namedObject(S.Object);
    // optional<jthread>::emplace replaces the previous one, like `t = ...`.
    bool Replaces = typeName(S.Object->getType()) == "std::optional";
    return holderFate(S, Holder, Loop, Replaces, Replaces);
  }
  QualType Result = S.E->getType();
  bool HoldsWork = S.How == SpawnSite::Construct ||
                   (!Result.isNull() && Result->isRecordType());
  bool PassedOn = false;
  const Expr *E = S.E;
  for (unsigned Depth = 0; Depth < 16; ++Depth) {
    auto [Cur, P] = climb(E);
    if (!P || isDiscardedAt(Cur, P))
      break;
    if (isSuspension(P) || isa<ReturnStmt, CoreturnStmt>(P))
      return Waited; // awaited here, or leaves the loop
    if (!HoldsWork)
      break; // a bool or void result: nothing holds the work
    if (const auto *DS = dyn_cast<DeclStmt>(P)) {
      for (const Decl *D : DS->decls())
        if (const auto *V = dyn_cast<VarDecl>(D))
          if (V->getInit() == Cur) {
            Holder = V;
            return holderFate(S, V, Loop, !PassedOn, false);
          }
      break;
    }
    if (const auto *Assign = dyn_cast<BinaryOperator>(P)) {
      if (Assign->isAssignmentOp() && Assign->getRHS() == Cur) {
        Holder = namedObject(Assign->getLHS());
        return holderFate(S, Holder, Loop, !PassedOn, true);
      }
      E = Assign;
      PassedOn = true;
      continue;
    }
    if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(P);
        Op && Op->getOperator() == OO_Equal && Op->getNumArgs() == 2 &&
        Op->getArg(1) == Cur) {
      Holder = namedObject(Op->getArg(0));
      return holderFate(S, Holder, Loop, !PassedOn, true);
    }
    if (const auto *Member = dyn_cast<MemberExpr>(P)) {
      // A method called on the result: join()/get() wait, detach() lets go,
      // anything else (then(), share()) passes the work on in its result.
      const auto *Call = dyn_cast_or_null<CXXMemberCallExpr>(parent(Member));
      if (!Call)
        break;
      if (isWaitCall(Call, Catalog))
        return Waited;
      if (Member->getMemberDecl()->getIdentifier() &&
          Member->getMemberDecl()->getName() == "detach")
        return PerIteration;
      E = Call;
      PassedOn = true;
      continue;
    }
    if (const auto *Call = dyn_cast<CallExpr>(P)) {
      if (isWaitCall(Call, Catalog))
        return Waited;
      if (const auto *Member = dyn_cast<CXXMemberCallExpr>(Call)) {
        // vec.push_back(std::move(f)), scope.add(...): held by the object.
        Holder = namedObject(Member->getImplicitObjectArgument());
        return holderFate(S, Holder, Loop, false, false);
      }
      E = Call; // when_all(a, b), wrap(f): the result carries the work
      PassedOn = true;
      continue;
    }
    if (isa<Expr>(P)) {
      E = cast<Expr>(P);
      PassedOn = true;
      continue;
    }
    break; // a condition, a range
  }
  if (HoldsWork && S.resultWaits() && !PassedOn && isDiscarded(S.E))
    return Waited; // the temporary's destructor waits
  if (joinedIn(S, Loop) || outParamWaited(S, Loop))
    return Waited;
  return PerIteration;
}

bool SpawnHandleFate::breaksOutOf(const Stmt *Block,
                                    const Stmt *Loop) const {
  // A `break` leaves the innermost switch or loop around it.
  for (const Stmt *P = parent(Block); P && P != Loop; P = parent(P))
    if (isa<SwitchStmt>(P) || isLoopStmt(P))
      return false;
  return true;
}

bool SpawnHandleFate::throwsOutOf(const CXXThrowExpr *Throw,
                                    const Stmt *Block,
                                    const Stmt *Loop) const {
  // A `try` inside the loop whose handler catches what is thrown keeps
  // the iteration going: try { spawn; throw 1; } catch (int) {}
  const Expr *Operand = Throw->getSubExpr();
  QualType Thrown;
  if (Operand)
    Thrown = Operand->getType().getUnqualifiedType();
  for (const Stmt *Child = Block, *P = parent(Block); P && P != Loop;
       Child = P, P = parent(P)) {
    const auto *Try = dyn_cast<CXXTryStmt>(P);
    if (!Try || Child != Try->getTryBlock())
      continue;
    for (unsigned K = 0; K < Try->getNumHandlers(); ++K) {
      const CXXCatchStmt *Handler = Try->getHandler(K);
      if (!Handler->getExceptionDecl())
        return false; // catch (...)
      if (Thrown.isNull())
        continue; // `throw;` rethrows what is being handled
      QualType Caught =
          Handler->getCaughtType().getNonReferenceType().getUnqualifiedType();
      if (Ctx.hasSameUnqualifiedType(Caught, Thrown))
        return false;
      const CXXRecordDecl *ThrownClass = Thrown->getAsCXXRecordDecl();
      const CXXRecordDecl *CaughtClass = Caught->getAsCXXRecordDecl();
      if (ThrownClass && CaughtClass && ThrownClass->hasDefinition() &&
          ThrownClass->isDerivedFrom(CaughtClass))
        return false;
    }
  }
  return true;
}

bool SpawnHandleFate::exitsAfter(const SpawnSite &S,
                                   const Stmt *Loop) const {
  for (const Stmt *Child = S.E, *P = parent(S.E); P && P != Loop;
       Child = P, P = parent(P)) {
    const auto *Block = dyn_cast<CompoundStmt>(P);
    if (!Block)
      continue;
    bool After = false;
    for (const Stmt *Each : Block->body()) {
      if (Each == Child) {
        After = true;
        continue;
      }
      if (!After)
        continue;
      if (isa<ReturnStmt, CoreturnStmt, GotoStmt>(Each) ||
          (isa<BreakStmt>(Each) && breaksOutOf(Block, Loop)))
        return true;
      if (const auto *E = dyn_cast<Expr>(Each))
        if (const auto *Throw = dyn_cast<CXXThrowExpr>(E->IgnoreImplicit()))
          if (throwsOutOf(Throw, Block, Loop))
            return true;
    }
  }
  return false;
}

std::vector<const Expr *>
SpawnHandleFate::additionsTo(const ValueDecl *D) const {
  std::vector<const Expr *> Adds;
  auto It = D ? Scan.Refs.find(D) : Scan.Refs.end();
  if (It == Scan.Refs.end())
    return Adds;
  for (const Expr *Ref : It->second) {
    const auto *Member = dyn_cast_or_null<MemberExpr>(climb(Ref).second);
    if (!Member || !Member->getMemberDecl()->getIdentifier() ||
        !isOneOf(Member->getMemberDecl()->getName(),
                 {"push_back", "emplace_back", "insert", "emplace",
                  "push_front", "emplace_front"}))
      continue;
    if (const auto *Call = dyn_cast_or_null<CallExpr>(parent(Member)))
      Adds.push_back(Call);
  }
  return Adds;
}

} // namespace corolint
