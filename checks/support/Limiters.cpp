#include "support/Limiters.h"
#include "support/Summaries.h"
#include "support/AnalysisStore.h"
#include "support/BlockingAnalysis.h"
#include "support/CoroutineModel.h"
#include "support/EvaluatedCodeVisitor.h"
#include "support/LoopBounds.h"
#include "support/QualifiedName.h"
#include "support/SpinHints.h"
#include "support/ValueOf.h"

#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/DenseSet.h"

using namespace clang;

namespace corolint {
namespace {

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
  bool mentions(const Expr *E) {
    return namesAny(E,
                    [&](const ValueDecl *D) { return Sources.count(D) != 0; });
  }
  const llvm::DenseSet<const ValueDecl *> &Sources;
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
  return dyn_cast_or_null<CallExpr>(
      ignoreValuePreserving(E, {/*Moves=*/true}));
}

} // namespace

bool LimiterSearch::isLimiter(const Expr *Call) const {
  std::string Name;
  if (callRule(Section::Limiters, Call, Catalog, &Name))
    return true;
  return !Name.empty() && ExtraLimiters.matches(Name);
}

bool LimiterSearch::synchronous(const Expr *Call) {
  QualType T = Call->getType();
  if (T.isNull() || T->isDependentType())
    return false;
  return T->isVoidType() || T->isScalarType() ||
         typeName(T) == "std::optional";
}

namespace {
struct HelperLimiters {
  static const char *storeKind() { return "helper-limiters"; }
  HelperLimiterCache Cache;
};
} // namespace

HelperLimiterCache &helperLimiterCache(const ASTContext &Ctx,
                                       const RuleCatalog &Catalog,
                                       llvm::StringRef ExtraLimitersOption) {
  return AnalysisStore::of(Ctx)
      .summaries<HelperLimiters>(
          summaryKey(Catalog, {ExtraLimitersOption}),
          [] { return std::make_unique<HelperLimiters>(); })
      .Cache;
}

bool LimiterSearch::helperLimits(const FunctionDecl *H, unsigned Depth) {
  if (H && !H->hasBody()) {
    // Defined in another file: its summary says (docs/whole-program.md).
    if (Catalog.isLibraryName(qualifiedName(H)))
      return false;
    const FunctionSummary *S = AnalysisStore::of(Ctx).external(H);
    return S && !S->Limiter.empty();
  }
  const FunctionDecl *Def = nullptr;
  if (!H || Depth > 2 || !H->hasBody(Def) || !Def->getBody() ||
      SM.isInSystemHeader(Def->getLocation()) ||
      Catalog.isLibraryName(qualifiedName(Def)))
    return false;
  auto [It, Inserted] = Cache.try_emplace(Def, false);
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
  Cache[Def] = Limits;
  return Limits;
}

bool LimiterSearch::containsWait(const Stmt *S, unsigned Depth) const {
  if (!suspendingPointsIn(Coro, S, Catalog, Ctx).empty())
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

bool LimiterSearch::pollsUntilBelow(const Stmt *Body) const {
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
        isSpinHint(Site.Call, Catalog))
      return true;
  }
  return false;
}

bool LimiterSearch::conditionalWait(const SpawnSite &S, const Stmt *Loop,
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
  for (const Stmt *B : Handles.scan().Branches) {
    if (B == Loop || !Handles.within(B, LoopBody))
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
  for (const Expr *Call : Handles.scan().InLoops) {
    if (!Handles.within(Call, LoopBody) || Handles.within(Call, S.E))
      continue;
    if (!isWaitCall(Call, Catalog) && !Handles.inWaitContext(Call))
      continue;
    for (const Stmt *Child : Call->children())
      if (const auto *Lambda = dyn_cast_or_null<LambdaExpr>(
              Child ? cast<Expr>(Child)->IgnoreImplicit() : nullptr))
        if (compares(Lambda->getBody()))
          return true;
  }
  return false;
}

bool LimiterSearch::hasLimiter(const SpawnSite &S, const Stmt *Loop,
                                   const ValueDecl *Holder) {
  for (const Expr *Call : Handles.scan().InLoops) {
    if (!Handles.within(Call, Loop) || Handles.within(Call, S.E) || Call == S.E)
      continue;
    bool Taken = Handles.inWaitContext(Call) || synchronous(Call);
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

bool LimiterSearch::callableLimits(const Expr *Fn) {
  const LambdaExpr *Lambda = heldLambda(Fn);
  if (!Lambda || !Lambda->getBody())
    return false;
  for (const CallSite &Site : callsIn(Lambda->getBody()))
    if (isLimiter(Site.Call) || helperLimits(calleeOf(Site.Call), 0))
      return true;
  return false;
}

} // namespace corolint
