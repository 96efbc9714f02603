#include "UnboundedSpawnCheck.h"
#include "support/BlockingAnalysis.h"
#include "support/CoroutineModel.h"
#include "support/EvaluatedCodeVisitor.h"
#include "support/LoopBounds.h"
#include "support/QualifiedName.h"
#include "support/SourceText.h"
#include "support/SpawnSites.h"
#include "support/SpinHints.h"

#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Lex/Lexer.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/STLExtras.h"

using namespace clang;

namespace corolint {
namespace {

bool isLoop(const Stmt *S) {
  return isa<ForStmt, CXXForRangeStmt, WhileStmt, DoStmt>(S);
}

bool isOneOf(llvm::StringRef Name, std::initializer_list<llvm::StringRef> Names) {
  return llvm::is_contained(Names, Name);
}

bool isSuspension(const Stmt *S) {
  return isa<CoawaitExpr, DependentCoawaitExpr, CoyieldExpr>(S);
}

/// One pass over the code a function body evaluates (not nested lambdas'
/// bodies): every statement's parent, the calls and constructions inside
/// loops, the references to each variable and member, the declaration
/// statement of each local variable, the if/loop statements.
class BodyScan : public EvaluatedCodeVisitor<BodyScan> {
public:
  llvm::DenseMap<const Stmt *, const Stmt *> Parent;
  std::vector<const Expr *> InLoops; // calls and constructions in loops
  llvm::DenseMap<const Decl *, std::vector<const Expr *>> Refs;
  llvm::DenseMap<const VarDecl *, const DeclStmt *> DeclOf;
  std::vector<const Stmt *> Branches; // if, while, do, for statements

  bool dataTraverseStmtPre(Stmt *S) {
    if (!Stack.empty())
      Parent[S] = Stack.back();
    Stack.push_back(S);
    if (isLoop(S))
      ++LoopDepth;
    return true;
  }
  bool dataTraverseStmtPost(Stmt *S) {
    Stack.pop_back();
    if (isLoop(S))
      --LoopDepth;
    return true;
  }
  bool VisitCallExpr(CallExpr *C) {
    if (LoopDepth)
      InLoops.push_back(C);
    return true;
  }
  bool VisitCXXConstructExpr(CXXConstructExpr *C) {
    if (LoopDepth)
      InLoops.push_back(C);
    return true;
  }
  bool VisitCXXUnresolvedConstructExpr(CXXUnresolvedConstructExpr *C) {
    if (LoopDepth)
      InLoops.push_back(C);
    return true;
  }
  bool VisitDeclRefExpr(DeclRefExpr *R) {
    Refs[R->getDecl()].push_back(R);
    return true;
  }
  bool VisitMemberExpr(MemberExpr *M) {
    Refs[M->getMemberDecl()].push_back(M);
    return true;
  }
  bool VisitDeclStmt(DeclStmt *D) {
    for (const Decl *Each : D->decls())
      if (const auto *V = dyn_cast<VarDecl>(Each))
        DeclOf[V] = D;
    return true;
  }
  bool VisitStmt(Stmt *S) {
    if (isa<IfStmt, WhileStmt, DoStmt, ForStmt>(S))
      Branches.push_back(S);
    return true;
  }

private:
  std::vector<const Stmt *> Stack;
  unsigned LoopDepth = 0;
};

/// Variables and members counted up or down (`++inflight`,
/// `running.fetch_sub(1)`, `n -= k`), including in nested lambdas.
class CounterFinder : public RecursiveASTVisitor<CounterFinder> {
public:
  llvm::DenseSet<const ValueDecl *> Counters;
  bool shouldVisitTemplateInstantiations() const { return false; }

  bool VisitUnaryOperator(UnaryOperator *U) {
    if (U->isIncrementDecrementOp())
      add(U->getSubExpr());
    return true;
  }
  bool VisitCompoundAssignOperator(CompoundAssignOperator *B) {
    if (B->getOpcode() == BO_AddAssign || B->getOpcode() == BO_SubAssign)
      add(B->getLHS());
    return true;
  }
  bool VisitCXXOperatorCallExpr(CXXOperatorCallExpr *C) {
    switch (C->getOperator()) {
    case OO_PlusPlus:
    case OO_MinusMinus:
    case OO_PlusEqual:
    case OO_MinusEqual:
      if (C->getNumArgs() > 0)
        add(C->getArg(0));
      break;
    default:
      break;
    }
    return true;
  }
  bool VisitCXXMemberCallExpr(CXXMemberCallExpr *C) {
    if (const CXXMethodDecl *M = C->getMethodDecl())
      if (M->getIdentifier() &&
          (M->getName() == "fetch_add" || M->getName() == "fetch_sub"))
        add(C->getImplicitObjectArgument());
    return true;
  }

private:
  void add(const Expr *E) {
    if (const ValueDecl *D = namedObject(E))
      Counters.insert(D);
  }
};

/// Whether an expression compares (<, <=, >, >=, ==, !=) something that
/// mentions one of Sources; looks into lambdas (wait predicates).
class ComparisonFinder : public RecursiveASTVisitor<ComparisonFinder> {
public:
  explicit ComparisonFinder(const llvm::DenseSet<const ValueDecl *> &Sources)
      : Sources(Sources) {}
  bool Found = false;
  bool shouldVisitTemplateInstantiations() const { return false; }

  bool VisitBinaryOperator(BinaryOperator *B) {
    if (B->isComparisonOp() && (mentions(B->getLHS()) || mentions(B->getRHS())))
      Found = true;
    return !Found;
  }
  bool VisitCXXOperatorCallExpr(CXXOperatorCallExpr *C) {
    switch (C->getOperator()) {
    case OO_Less:
    case OO_LessEqual:
    case OO_Greater:
    case OO_GreaterEqual:
    case OO_EqualEqual:
    case OO_ExclaimEqual:
      for (const Expr *Arg : C->arguments())
        if (mentions(Arg))
          Found = true;
      break;
    default:
      break;
    }
    return !Found;
  }

private:
  class Mentions : public RecursiveASTVisitor<Mentions> {
  public:
    explicit Mentions(const llvm::DenseSet<const ValueDecl *> &Sources)
        : Sources(Sources) {}
    bool Found = false;
    bool VisitDeclRefExpr(DeclRefExpr *R) {
      Found = Found || Sources.count(R->getDecl());
      return !Found;
    }
    bool VisitMemberExpr(MemberExpr *M) {
      Found = Found || Sources.count(M->getMemberDecl());
      return !Found;
    }

  private:
    const llvm::DenseSet<const ValueDecl *> &Sources;
  };
  bool mentions(const Expr *E) {
    Mentions M(Sources);
    M.TraverseStmt(const_cast<Expr *>(E));
    return M.Found;
  }
  const llvm::DenseSet<const ValueDecl *> &Sources;
};

/// Whether a counted loop's counter picks elements of data: `items[i]`,
/// `v.at(i)`, `begin + i`, `std::next(it, i)` (also inside lambdas).
class IndexUseFinder : public RecursiveASTVisitor<IndexUseFinder> {
public:
  explicit IndexUseFinder(const VarDecl *Counter) : Counter(Counter) {}
  bool Found = false;
  bool shouldVisitTemplateInstantiations() const { return false; }

  bool VisitArraySubscriptExpr(ArraySubscriptExpr *A) {
    Found = Found || mentions(A->getIdx());
    return !Found;
  }
  bool VisitCXXOperatorCallExpr(CXXOperatorCallExpr *C) {
    OverloadedOperatorKind Op = C->getOperator();
    if ((Op == OO_Subscript || Op == OO_Plus || Op == OO_Minus) &&
        C->getNumArgs() == 2)
      Found = Found || mentions(C->getArg(1)) ||
              (Op != OO_Subscript && mentions(C->getArg(0)));
    return !Found;
  }
  bool VisitCXXMemberCallExpr(CXXMemberCallExpr *C) {
    if (const CXXMethodDecl *M = C->getMethodDecl())
      if (M->getIdentifier() && M->getName() == "at")
        for (const Expr *Arg : C->arguments())
          Found = Found || mentions(Arg);
    return !Found;
  }
  bool VisitBinaryOperator(BinaryOperator *B) {
    if ((B->getOpcode() == BO_Add || B->getOpcode() == BO_Sub) &&
        B->getType()->isPointerType())
      Found = Found || mentions(B->getLHS()) || mentions(B->getRHS());
    return !Found;
  }
  bool VisitCallExpr(CallExpr *C) {
    std::string Name = calleeName(C);
    if (Name == "std::next" || Name == "std::prev" || Name == "std::advance")
      for (const Expr *Arg : C->arguments())
        Found = Found || mentions(Arg);
    return !Found;
  }

private:
  bool mentions(const Expr *E) {
    E = E->IgnoreParenImpCasts();
    if (const auto *R = dyn_cast<DeclRefExpr>(E))
      return R->getDecl() == Counter;
    if (const auto *B = dyn_cast<BinaryOperator>(E))
      return mentions(B->getLHS()) || mentions(B->getRHS());
    return false;
  }
  const VarDecl *Counter;
};

/// Whether an expression mentions the size of some data: `v.size()`,
/// `std::size(a)`, `std::distance(b, e)`, `s.length()`, `v.capacity()`.
class SizeFinder : public RecursiveASTVisitor<SizeFinder> {
public:
  bool Found = false;
  bool VisitCallExpr(CallExpr *C) {
    std::string Name = calleeName(C);
    llvm::StringRef Last = llvm::StringRef(Name).rsplit("::").second;
    if (Last.empty())
      Last = Name;
    Found = Found || isOneOf(Last, {"size", "ssize", "length", "count",
                                    "capacity", "distance", "size_bytes"});
    return !Found;
  }
  bool VisitCXXDependentScopeMemberExpr(CXXDependentScopeMemberExpr *M) {
    Found = Found || M->getMember().getAsString() == "size";
    return !Found;
  }
};

/// The return statements a function body runs (not those of nested
/// lambdas or local classes).
class ReturnFinder : public EvaluatedCodeVisitor<ReturnFinder> {
public:
  std::vector<const ReturnStmt *> Returns;
  bool VisitReturnStmt(ReturnStmt *R) {
    Returns.push_back(R);
    return true;
  }
};

/// The call whose result a returned value is, looking through what passes
/// a value on unchanged (implicit conversions, temporaries, copies and
/// moves, std::move): `return sem.acquire();`.
const Expr *returnedCall(const Expr *E) {
  for (unsigned Depth = 0; E && Depth < 8; ++Depth) {
    E = E->IgnoreImplicit()->IgnoreParens();
    if (const auto *Construct = dyn_cast<CXXConstructExpr>(E)) {
      if (Construct->getNumArgs() != 1 || !Construct->getConstructor() ||
          !Construct->getConstructor()->isCopyOrMoveConstructor())
        return nullptr;
      E = Construct->getArg(0);
      continue;
    }
    const auto *Call = dyn_cast<CallExpr>(E);
    if (!Call)
      return nullptr;
    std::string Name = calleeName(Call);
    if ((Name == "std::move" || Name == "std::forward") &&
        Call->getNumArgs() == 1) {
      E = Call->getArg(0);
      continue;
    }
    return Call;
  }
  return nullptr;
}

} // namespace

/// The analysis of one function body: every spawn inside a loop, and for
/// each, whether some loop around it starts it once per iteration with no
/// wait, limiter or small bound.
class SpawnLoopAnalysis {
public:
  SpawnLoopAnalysis(UnboundedSpawnCheck &Check, const FunctionDecl &F,
                    const Stmt *Body, ASTContext &Ctx)
      : Check(Check), Opts(Check.Opts), Catalog(Check.catalog()), F(F),
        Body(Body), Ctx(Ctx), SM(Ctx.getSourceManager()) {}

  void run();

private:
  enum class Fate { PerIteration, Waited };

  const Stmt *parent(const Stmt *S) const {
    auto It = Scan.Parent.find(S);
    return It == Scan.Parent.end() ? nullptr : It->second;
  }
  bool within(const Stmt *S, const Stmt *Ancestor) const {
    for (; S; S = parent(S))
      if (S == Ancestor)
        return true;
    return false;
  }
  std::vector<const Stmt *> enclosingLoops(const Stmt *S) const {
    std::vector<const Stmt *> Loops;
    for (const Stmt *Child = S, *P = parent(S); P; Child = P, P = parent(P))
      if (isLoop(P) && Child != initOf(P) && Child != rangeOf(P))
        Loops.push_back(P);
    return Loops;
  }
  /// A range-for's range, evaluated once before the loop.
  static const Stmt *rangeOf(const Stmt *Loop) {
    if (const auto *Range = dyn_cast<CXXForRangeStmt>(Loop))
      return Range->getRangeInit();
    return nullptr;
  }
  static const Stmt *initOf(const Stmt *Loop) {
    if (const auto *For = dyn_cast<ForStmt>(Loop))
      return For->getInit();
    if (const auto *Range = dyn_cast<CXXForRangeStmt>(Loop))
      return Range->getInit();
    return nullptr;
  }

  /// Climbs from E through nodes that pass its value on unchanged
  /// (parentheses, implicit conversions, temporaries, std::move).
  std::pair<const Expr *, const Stmt *> climb(const Expr *E) const;
  bool isDiscarded(const Expr *E) const;
  bool isDiscardedAt(const Expr *Cur, const Stmt *P) const;

  Fate fate(const SpawnSite &S, const Stmt *Loop,
            const ValueDecl *&Holder) const;
  Fate holderFate(const SpawnSite &S, const ValueDecl *D, const Stmt *Loop,
                  bool Direct, bool Assigned) const;
  bool inWaitContext(const Expr *E) const;
  bool waitedUse(const Expr *Ref, const Stmt *Loop) const;
  bool escapes(const ValueDecl *D, const Stmt *Loop, const SpawnSite &S) const;
  bool joinedIn(const SpawnSite &S, const Stmt *Loop) const;
  bool outParamWaited(const SpawnSite &S, const Stmt *Loop) const;
  bool exitsAfter(const SpawnSite &S, const Stmt *Loop) const;
  bool breaksOutOf(const Stmt *Block, const Stmt *Loop) const;
  bool throwsOutOf(const CXXThrowExpr *Throw, const Stmt *Block,
                   const Stmt *Loop) const;

  bool isLimiter(const Expr *Call) const;
  bool synchronous(const Expr *Call) const;
  bool helperLimits(const FunctionDecl *H, unsigned Depth);
  bool hasLimiter(const SpawnSite &S, const Stmt *Loop,
                  const ValueDecl *Holder);
  bool conditionalWait(const SpawnSite &S, const Stmt *Loop,
                       const ValueDecl *Holder) const;
  /// Whether S waits: a suspension, a catalogued wait (`join`, `get`), or
  /// a call of a plain helper (up to two deep) that does.
  bool containsWait(const Stmt *S, unsigned Depth = 0) const;
  /// Whether a loop guarded by a comparison of the work in flight waits
  /// for it to drop: it awaits, blocks in a wait, sleeps, yields or spins.
  bool pollsUntilBelow(const Stmt *Body) const;

  const Expr *eventBefore(const SpawnSite &S, const Stmt *Loop) const;
  std::vector<const Expr *> eventsIn(const Stmt *S) const;
  bool unconditionallyBefore(const Expr *Event, const SpawnSite &S,
                             const Stmt *Loop) const;
  bool isWorkerLoop(const Stmt *Loop) const;

  void report(const SpawnSite &S, const Stmt *Loop, const TripBound &Bound,
              const Expr *Event);
  std::string suggestion(const SpawnSite &S) const;
  std::string loopNote(const Stmt *Loop, const TripBound &Bound) const;

  UnboundedSpawnCheck &Check;
  const UnboundedSpawnCheck::Settings &Opts;
  const RuleCatalog &Catalog;
  const FunctionDecl &F;
  const Stmt *Body;
  ASTContext &Ctx;
  const SourceManager &SM;
  BodyScan Scan;
};

std::pair<const Expr *, const Stmt *>
SpawnLoopAnalysis::climb(const Expr *E) const {
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

bool SpawnLoopAnalysis::isDiscardedAt(const Expr *Cur, const Stmt *P) const {
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
  if (const auto *Comma = dyn_cast<BinaryOperator>(P))
    if (Comma->getOpcode() == BO_Comma)
      return Cur == Comma->getLHS() || isDiscarded(Comma);
  return false;
}

bool SpawnLoopAnalysis::isDiscarded(const Expr *E) const {
  auto [Cur, P] = climb(E);
  return isDiscardedAt(Cur, P);
}

bool SpawnLoopAnalysis::inWaitContext(const Expr *E) const {
  const Stmt *Child = E;
  for (const Stmt *P = parent(E); P && isa<Expr>(P);
       Child = P, P = parent(P)) {
    if (isSuspension(P))
      return true;
    // `v.size()`, `t.joinable()`: reading the object does not wait for it.
    if (const auto *Member = dyn_cast<MemberExpr>(P))
      if (Member->getBase()->IgnoreParenImpCasts() == Child ||
          Member->getBase() == Child)
        if (Member->getMemberDecl()->getIdentifier() &&
            isOneOf(Member->getMemberDecl()->getName(),
                    {"size", "ssize", "empty", "capacity", "joinable",
                     "get_id", "valid", "is_ready"}))
          return false;
    if (isa<CallExpr>(P) && isWaitCall(cast<Expr>(P), Catalog))
      return true;
  }
  return false;
}

bool SpawnLoopAnalysis::waitedUse(const Expr *Ref, const Stmt *Loop) const {
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

bool SpawnLoopAnalysis::escapes(const ValueDecl *D, const Stmt *Loop,
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

bool SpawnLoopAnalysis::joinedIn(const SpawnSite &S, const Stmt *Loop) const {
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

bool SpawnLoopAnalysis::outParamWaited(const SpawnSite &S,
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

SpawnLoopAnalysis::Fate
SpawnLoopAnalysis::holderFate(const SpawnSite &S, const ValueDecl *D,
                              const Stmt *Loop, bool Direct,
                              bool Assigned) const {
  if (!D)
    return joinedIn(S, Loop) ? Fate::Waited : Fate::PerIteration;
  auto It = Scan.Refs.find(D);
  if (It != Scan.Refs.end())
    for (const Expr *Ref : It->second)
      if (within(Ref, Loop) && !within(Ref, S.E) && waitedUse(Ref, Loop))
        return Fate::Waited;
  const auto *V = dyn_cast<VarDecl>(D);
  bool Reference = V && V->getType()->isReferenceType();
  auto Decl = V ? Scan.DeclOf.find(V) : Scan.DeclOf.end();
  bool Inside = Decl != Scan.DeclOf.end() && within(Decl->second, Loop) &&
                !V->isStaticLocal();
  if (S.resultWaits() && !Reference) {
    // The holder dies with the iteration, or the assignment destroys the
    // previous iteration's result: either waits for it (or terminates).
    if (Inside && !escapes(D, Loop, S))
      return Fate::Waited;
    if (Assigned && Direct && V && !V->hasGlobalStorage())
      return Fate::Waited;
  }
  return joinedIn(S, Loop) ? Fate::Waited : Fate::PerIteration;
}

SpawnLoopAnalysis::Fate
SpawnLoopAnalysis::fate(const SpawnSite &S, const Stmt *Loop,
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
      return Fate::Waited; // awaited here, or leaves the loop
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
        return Fate::Waited;
      if (Member->getMemberDecl()->getIdentifier() &&
          Member->getMemberDecl()->getName() == "detach")
        return Fate::PerIteration;
      E = Call;
      PassedOn = true;
      continue;
    }
    if (const auto *Call = dyn_cast<CallExpr>(P)) {
      if (isWaitCall(Call, Catalog))
        return Fate::Waited;
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
    return Fate::Waited; // the temporary's destructor waits
  if (joinedIn(S, Loop) || outParamWaited(S, Loop))
    return Fate::Waited;
  return Fate::PerIteration;
}

bool SpawnLoopAnalysis::breaksOutOf(const Stmt *Block,
                                    const Stmt *Loop) const {
  // A `break` leaves the innermost switch or loop around it.
  for (const Stmt *P = parent(Block); P && P != Loop; P = parent(P))
    if (isa<SwitchStmt>(P) || isLoop(P))
      return false;
  return true;
}

bool SpawnLoopAnalysis::throwsOutOf(const CXXThrowExpr *Throw,
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

bool SpawnLoopAnalysis::exitsAfter(const SpawnSite &S,
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

bool SpawnLoopAnalysis::isLimiter(const Expr *Call) const {
  std::string Name;
  if (callRule(Section::Limiters, Call, Catalog, &Name))
    return true;
  return !Name.empty() && Opts.ExtraLimiters.matches(Name);
}

bool SpawnLoopAnalysis::synchronous(const Expr *Call) const {
  QualType T = Call->getType();
  if (T.isNull() || T->isDependentType())
    return false;
  return T->isVoidType() || T->isScalarType() ||
         typeName(T) == "std::optional";
}

bool SpawnLoopAnalysis::helperLimits(const FunctionDecl *H, unsigned Depth) {
  const FunctionDecl *Def = nullptr;
  if (!H || Depth > 2 || !H->hasBody(Def) || !Def->getBody() ||
      SM.isInSystemHeader(Def->getLocation()) ||
      Catalog.isLibraryName(qualifiedName(Def)))
    return false;
  auto [It, Inserted] = Check.HelperLimiters.try_emplace(Def, false);
  if (!Inserted)
    return It->second;
  const Stmt *HelperBody = Def->getBody();
  if (const CoroutineBodyStmt *Coro = coroutineBody(Def))
    HelperBody = Coro->getBody();
  bool Limits = false;
  for (const CallSite &Site : callsIn(HelperBody)) {
    bool Taken = Site.Awaited || synchronous(Site.Call);
    if (Taken && (isLimiter(Site.Call) ||
                  helperLimits(calleeOf(Site.Call), Depth + 1))) {
      Limits = true;
      break;
    }
  }
  // A helper that hands out the limiter's awaitable for its caller to
  // await: `auto slot() { return sem.acquire(); }`. The caller only asks
  // after seeing the call awaited (or its result used synchronously).
  if (!Limits && !coroutineBody(Def)) {
    ReturnFinder Returns;
    Returns.TraverseStmt(const_cast<Stmt *>(HelperBody));
    for (const ReturnStmt *Return : Returns.Returns) {
      const Expr *Value = returnedCall(Return->getRetValue());
      if (Value && (isLimiter(Value) ||
                    helperLimits(calleeOf(Value), Depth + 1))) {
        Limits = true;
        break;
      }
    }
  }
  Check.HelperLimiters[Def] = Limits;
  return Limits;
}

bool SpawnLoopAnalysis::containsWait(const Stmt *S, unsigned Depth) const {
  for (const SuspensionPoint &P : suspensionPointsIn(S))
    if (canSuspend(P.E, Catalog, Ctx))
      return true;
  for (const CallSite &Site : callsIn(S)) {
    if (isWaitCall(Site.Call, Catalog))
      return true;
    // A batch joined by a helper: `if (ts.size() >= 8) join_all(ts);`
    const FunctionDecl *Def = nullptr;
    const FunctionDecl *Callee = calleeOf(Site.Call);
    if (Depth < 2 && Callee && Callee->hasBody(Def) && !coroutineBody(Def) &&
        !SM.isInSystemHeader(Def->getLocation()) &&
        !Catalog.isLibraryName(qualifiedName(Def)) &&
        containsWait(Def->getBody(), Depth + 1))
      return true;
  }
  return false;
}

bool SpawnLoopAnalysis::pollsUntilBelow(const Stmt *Body) const {
  if (containsWait(Body))
    return true;
  // A thread-side cap: `while (inflight >= N) std::this_thread::sleep_for(1ms);`
  // (or yield, or an empty spin) repeats until the count drops.
  if (const auto *Block = dyn_cast_or_null<CompoundStmt>(Body))
    if (Block->body_empty())
      return true;
  if (isa_and_nonnull<NullStmt>(Body))
    return true;
  for (const CallSite &Site : callsIn(Body)) {
    const RuleEntry *Rule = callRule(Section::Blocking, Site.Call, Catalog);
    if ((Rule && Rule->Kind == "sleep") ||
        isSpinHint(calleeName(Site.Call)))
      return true;
  }
  return false;
}

bool SpawnLoopAnalysis::conditionalWait(const SpawnSite &S, const Stmt *Loop,
                                        const ValueDecl *Holder) const {
  const Stmt *LoopBody = loopBody(Loop);
  if (!LoopBody)
    return false;
  // What counts the work in flight: the container of results, the scope
  // spawned on, a counter the loop (or the spawned lambda) moves.
  CounterFinder Counters;
  Counters.TraverseStmt(const_cast<Stmt *>(LoopBody));
  llvm::DenseSet<const ValueDecl *> Sources = std::move(Counters.Counters);
  if (Holder)
    Sources.insert(Holder);
  if (const ValueDecl *Object = namedObject(S.Object))
    Sources.insert(Object);
  if (Sources.empty())
    return false;
  auto compares = [&](const Stmt *Cond) {
    if (!Cond)
      return false;
    ComparisonFinder Finder(Sources);
    Finder.TraverseStmt(const_cast<Stmt *>(Cond));
    return Finder.Found;
  };
  // if (inflight.size() >= N) co_await ...; while (n >= N) wait...
  for (const Stmt *B : Scan.Branches) {
    if (B == Loop || !within(B, LoopBody))
      continue;
    if (const auto *If = dyn_cast<IfStmt>(B)) {
      if (compares(If->getCond()) &&
          (containsWait(If->getThen()) ||
           (If->getElse() && containsWait(If->getElse()))))
        return true;
    } else if (const auto *While = dyn_cast<WhileStmt>(B)) {
      if (compares(While->getCond()) && pollsUntilBelow(While->getBody()))
        return true;
    } else if (const auto *Do = dyn_cast<DoStmt>(B)) {
      if (compares(Do->getCond()) && pollsUntilBelow(Do->getBody()))
        return true;
    }
  }
  // cv.wait(lock, [&] { return inflight < N; }), co_await cv.wait(lk, pred)
  for (const Expr *Call : Scan.InLoops) {
    if (!within(Call, LoopBody) || within(Call, S.E))
      continue;
    if (!isWaitCall(Call, Catalog) && !inWaitContext(Call))
      continue;
    for (const Stmt *Child : Call->children())
      if (const auto *Lambda = dyn_cast_or_null<LambdaExpr>(
              Child ? cast<Expr>(Child)->IgnoreImplicit() : nullptr))
        if (compares(Lambda->getBody()))
          return true;
  }
  return false;
}

bool SpawnLoopAnalysis::hasLimiter(const SpawnSite &S, const Stmt *Loop,
                                   const ValueDecl *Holder) {
  for (const Expr *Call : Scan.InLoops) {
    if (!within(Call, Loop) || within(Call, S.E) || Call == S.E)
      continue;
    bool Taken = inWaitContext(Call) || synchronous(Call);
    if (!Taken)
      continue;
    if (isLimiter(Call))
      return true;
    if (const FunctionDecl *Callee = calleeOf(Call))
      if (helperLimits(Callee, 0))
        return true;
  }
  return conditionalWait(S, Loop, Holder);
}

std::vector<const Expr *> SpawnLoopAnalysis::eventsIn(const Stmt *S) const {
  std::vector<const Expr *> Events;
  if (!S)
    return Events;
  for (const SuspensionPoint &P : suspensionPointsIn(S))
    if (canSuspend(P.E, Catalog, Ctx))
      Events.push_back(P.E);
  for (const CallSite &Site : callsIn(S))
    if (!Site.Awaited && callRule(Section::Blocking, Site.Call, Catalog))
      Events.push_back(Site.Call);
  return Events;
}

bool SpawnLoopAnalysis::unconditionallyBefore(const Expr *Event,
                                              const SpawnSite &S,
                                              const Stmt *Loop) const {
  if (within(S.E, Event))
    return false; // the event contains the spawn (co_await co_spawn(...))
  if (Event->getBeginLoc().isInvalid() || S.E->getBeginLoc().isInvalid())
    return false;
  if (!within(Event, S.E) &&
      !SM.isBeforeInTranslationUnit(Event->getBeginLoc(), S.E->getBeginLoc()))
    return false;
  // Every conditional construct on the way from the loop to the event
  // must also lead to the spawn.
  for (const Stmt *Child = Event, *P = parent(Event); P && P != Loop;
       Child = P, P = parent(P)) {
    bool Conditional = false;
    if (const auto *If = dyn_cast<IfStmt>(P))
      Conditional = Child == If->getThen() || Child == If->getElse();
    else if (isLoop(P) || isa<SwitchStmt, CXXCatchStmt>(P))
      Conditional = Child != initOf(P);
    else if (const auto *Cond = dyn_cast<AbstractConditionalOperator>(P))
      Conditional = Child != Cond->getCond();
    else if (const auto *Logic = dyn_cast<BinaryOperator>(P))
      Conditional = Logic->isLogicalOp() && Child == Logic->getRHS();
    if (Conditional && !within(S.E, Child))
      return false;
  }
  return true;
}

const Expr *SpawnLoopAnalysis::eventBefore(const SpawnSite &S,
                                           const Stmt *Loop) const {
  if (isa<CXXForRangeStmt>(Loop))
    return nullptr; // driven by its range, whatever it awaits
  // An event in the loop's own condition or increment paces it:
  // while (auto m = co_await ch.receive()), for (...; co_await ++it).
  std::vector<const Stmt *> Header;
  const Stmt *LoopBodyStmt = loopBody(Loop);
  bool Open = false;
  if (const auto *For = dyn_cast<ForStmt>(Loop)) {
    Header = {For->getConditionVariableDeclStmt(), For->getCond(),
              For->getInc()};
    Open = !For->getCond();
  } else if (const auto *While = dyn_cast<WhileStmt>(Loop)) {
    Header = {While->getConditionVariableDeclStmt(), While->getCond()};
    Open = true;
  } else if (const auto *Do = dyn_cast<DoStmt>(Loop)) {
    Header = {Do->getCond()};
    Open = true;
  }
  for (const Stmt *H : Header)
    if (H)
      for (const Expr *Event : eventsIn(H))
        return Event;
  if (!Open || !LoopBodyStmt)
    return nullptr;
  for (const Expr *Event : eventsIn(LoopBodyStmt))
    if (unconditionallyBefore(Event, S, Loop))
      return Event;
  return nullptr;
}

/// `for (int i = 1; i < argc; ++i)` in main: one per command-line
/// argument, which whoever starts the program chooses.
static bool countsCommandLine(const Stmt *Loop) {
  auto Counted = countedLoop(Loop);
  const Expr *Limit = Counted ? limitSource(Counted->Limit) : nullptr;
  const auto *Ref = dyn_cast_or_null<DeclRefExpr>(Limit);
  const auto *Param = Ref ? dyn_cast<ParmVarDecl>(Ref->getDecl()) : nullptr;
  const auto *Main =
      Param ? dyn_cast<FunctionDecl>(Param->getDeclContext()) : nullptr;
  return Main && Main->isMain() && Main->getNumParams() > 0 &&
         Main->getParamDecl(0) == Param;
}

bool SpawnLoopAnalysis::isWorkerLoop(const Stmt *Loop) const {
  auto Counted = countedLoop(Loop);
  if (!Counted)
    return false;
  const auto *Cond =
      dyn_cast<BinaryOperator>(cast<ForStmt>(Loop)->getCond()->IgnoreParenImpCasts());
  if (!Cond)
    return false;
  bool CounterOnLeft =
      isa<DeclRefExpr>(Cond->getLHS()->IgnoreParenImpCasts()) &&
      cast<DeclRefExpr>(Cond->getLHS()->IgnoreParenImpCasts())->getDecl() ==
          Counted->Counter;
  BinaryOperatorKind Op = Cond->getOpcode();
  if (!CounterOnLeft)
    Op = BinaryOperator::reverseComparisonOp(Op);
  // Counting up to a limit, or down from the counter's start.
  const Expr *Count = (Op == BO_GT || Op == BO_GE) ? Counted->Counter->getInit()
                                                   : Counted->Limit;
  Count = limitSource(Count);
  if (!Count)
    return false;
  SizeFinder Sizes;
  Sizes.TraverseStmt(const_cast<Expr *>(Count));
  if (Sizes.Found)
    return false;
  IndexUseFinder Index(Counted->Counter);
  Index.TraverseStmt(const_cast<Stmt *>(loopBody(Loop)));
  return !Index.Found;
}

std::string SpawnLoopAnalysis::suggestion(const SpawnSite &S) const {
  if (!S.Rule->Alternative.empty())
    return S.Rule->Alternative;
  if (S.IsThread)
    return "use a fixed pool of threads (e.g. std::thread::hardware_concurrency() "
           "of them) fed from a queue, or acquire a std::counting_semaphore "
           "before starting each";
  if (const CoroutineBodyStmt *Coro = coroutineBody(&F)) {
    (void)Coro;
    if (const RuleEntry *Type =
            Catalog.awaitableType(typeName(F.getReturnType())))
      if (llvm::StringRef Range = Type->attribute("range_combinator");
          !Range.empty())
        return "acquire a semaphore before each spawn, or start at most N "
               "at a time and await each batch with " +
               Range.str();
  }
  return "acquire a counting semaphore (or a slot of a bounded channel) "
         "before each spawn, or await the work in batches";
}

std::string SpawnLoopAnalysis::loopNote(const Stmt *Loop,
                                        const TripBound &Bound) const {
  if (const auto *Range = dyn_cast<CXXForRangeStmt>(Loop)) {
    if (Bound.K == TripBound::Constant)
      return "loop runs " + std::to_string(Bound.Value) +
             " times, more than MaxConstantFanOut (" +
             std::to_string(Opts.MaxConstantFanOut) + ")";
    std::string Text = spelling(Range->getRangeInit(), Ctx, 40);
    return Text.empty() ? "loop runs once per element of its range"
                        : "loop runs once per element of '" + Text + "'";
  }
  if (Bound.K == TripBound::Constant)
    return "loop runs up to " + std::to_string(Bound.Value) +
           " times, more than MaxConstantFanOut (" +
           std::to_string(Opts.MaxConstantFanOut) + ")";
  if (Bound.K == TripBound::HardwareConcurrency)
    return "loop runs up to the core count plus " +
           std::to_string(Bound.Value) + " times, more than MaxConstantFanOut (" +
           std::to_string(Opts.MaxConstantFanOut) + ")";
  if (auto Counted = countedLoop(Loop)) {
    std::string Text = spelling(Counted->Limit, Ctx, 40);
    if (!Text.empty())
      return "loop runs up to '" + Text + "' times";
  }
  return "loop has no bound on its number of iterations";
}

void SpawnLoopAnalysis::report(const SpawnSite &S, const Stmt *Loop,
                               const TripBound &Bound, const Expr *Event) {
  std::string Extra;
  if (S.How == SpawnSite::Dropped)
    Extra = " (its '" + S.DroppedType + "' is dropped)";
  Check.diag(S.Loc, "'%0' starts one %1 per iteration of a loop with no "
                    "concurrency limit%2; %3")
      << S.Name << (S.IsThread ? "thread" : "task") << Extra << suggestion(S)
      << S.E->getSourceRange();
  Check.diag(Loop->getBeginLoc(), loopNote(Loop, Bound), DiagnosticIDs::Note);
  if (Event)
    Check.diag(Event->getBeginLoc(),
               "each iteration waits for one event here, but nothing caps "
               "how many started tasks run at once",
               DiagnosticIDs::Note);
}

void SpawnLoopAnalysis::run() {
  Scan.TraverseStmt(const_cast<Stmt *>(Body));
  if (Scan.InLoops.empty())
    return;
  std::vector<SpawnSite> Sites;
  for (const Expr *E : Scan.InLoops) {
    bool Discarded = isa<CallExpr>(E) && isDiscarded(E);
    if (auto S = spawnAt(E, Discarded, Catalog, Opts.ExtraSpawns,
                         Opts.ExtraSpawnRule))
      Sites.push_back(std::move(*S));
  }
  for (const SpawnSite &S : Sites) {
    // A spawn API started from the class's own code (`start(task)` in
    // task_group's constructor over a range): the caller chose the count.
    if (S.OnThis)
      continue;
    for (const Stmt *Loop : enclosingLoops(S.E)) {
      if (exitsAfter(S, Loop))
        continue; // starts once per run of this loop, then leaves it
      const ValueDecl *Holder = nullptr;
      if (fate(S, Loop, Holder) == Fate::Waited)
        break;
      if (hasLimiter(S, Loop, Holder))
        break;
      TripBound Bound = tripBound(Loop, Ctx);
      if (Bound.isSmall(Opts.MaxConstantFanOut))
        continue; // a few per iteration of the loops around it
      if (Bound.K == TripBound::Unknown && !Opts.ReportWorkerLoops &&
          isWorkerLoop(Loop))
        continue; // `for (i = 0; i < workers; ++i)`: a pool of that size
      if (Bound.K == TripBound::Unknown && countsCommandLine(Loop))
        continue; // one per command-line argument
      const Expr *Event = eventBefore(S, Loop);
      if (Event && !Opts.ReportAcceptLoops)
        break; // paced by arrivals: accept or receive, then spawn
      report(S, Loop, Bound, Event);
      break;
    }
  }
}

/// A boolean option: true/false (any case), or a number (non-zero is true).
/// Read as a string: the bool specialisations of OptionsView live in
/// clang-tidy's own library, which not every front end links.
static bool boolOption(const tidy::ClangTidyCheck::OptionsView &Options,
                       llvm::StringRef Name) {
  std::string Value(Options.get(Name, "false"));
  llvm::StringRef V = llvm::StringRef(Value).trim();
  if (V.equals_insensitive("true"))
    return true;
  unsigned long long Number = 0;
  return !V.getAsInteger(10, Number) && Number != 0;
}

UnboundedSpawnCheck::UnboundedSpawnCheck(llvm::StringRef Name,
                                         tidy::ClangTidyContext *Ctx)
    : CoroCheck(Name, Ctx),
      ExtraSpawnsOption(ClangTidyCheck::Options.get("ExtraSpawnFunctions", "")),
      ExtraLimitersOption(
          ClangTidyCheck::Options.get("ExtraLimiterFunctions", "")),
      Opts{ClangTidyCheck::Options.get("MaxConstantFanOut", 64U),
           boolOption(ClangTidyCheck::Options, "ReportAcceptLoops"),
           boolOption(ClangTidyCheck::Options, "ReportWorkerLoops"),
           nameListOption("ExtraSpawnFunctions"),
           nameListOption("ExtraLimiterFunctions"),
           RuleEntry()} {
  Opts.ExtraSpawnRule.Library = "user";
  Opts.ExtraSpawnRule.Kind = "task";
  Opts.ExtraSpawnRule.Reason = "listed in ExtraSpawnFunctions";
}

void UnboundedSpawnCheck::storeOptions(
    tidy::ClangTidyOptions::OptionMap &OptMap) {
  CoroCheck::storeOptions(OptMap);
  ClangTidyCheck::Options.store(OptMap, "MaxConstantFanOut",
                                Opts.MaxConstantFanOut);
  ClangTidyCheck::Options.store(OptMap, "ReportAcceptLoops",
                                Opts.ReportAcceptLoops ? "true" : "false");
  ClangTidyCheck::Options.store(OptMap, "ReportWorkerLoops",
                                Opts.ReportWorkerLoops ? "true" : "false");
  ClangTidyCheck::Options.store(OptMap, "ExtraSpawnFunctions",
                                ExtraSpawnsOption);
  ClangTidyCheck::Options.store(OptMap, "ExtraLimiterFunctions",
                                ExtraLimitersOption);
}

void UnboundedSpawnCheck::checkCoroutine(const FunctionDecl &F,
                                         const CoroutineBodyStmt &Body,
                                         ASTContext &Ctx) {
  analyse(F, Body.getBody(), Ctx);
}

void UnboundedSpawnCheck::checkPlainFunction(const FunctionDecl &F,
                                             const Stmt &Body,
                                             ASTContext &Ctx) {
  analyse(F, &Body, Ctx);
}

void UnboundedSpawnCheck::analyse(const FunctionDecl &F, const Stmt *Body,
                                  ASTContext &Ctx) {
  if (!Body)
    return;
  SpawnLoopAnalysis(*this, F, Body, Ctx).run();
}

} // namespace corolint
