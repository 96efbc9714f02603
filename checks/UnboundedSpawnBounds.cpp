// coro-unbounded-spawn: which loop counts bound a fan-out. A constant
// (MaxConstantFanOut), the core count, a pool of workers (a counted loop
// or a counting range up to a count that is not the size of data, whose
// counter picks no data), one per command-line argument.
#include "UnboundedSpawnAnalysis.h"
#include "support/CoroutineModel.h"
#include "support/ExecutionContext.h"
#include "support/MachineBounds.h"
#include "support/QualifiedName.h"
#include "support/ValueOf.h"

#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/AST/StmtCXX.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallPtrSet.h"

using namespace clang;

namespace corolint {
namespace {

bool isOneOf(llvm::StringRef Name, std::initializer_list<llvm::StringRef> Names) {
  return llvm::is_contained(Names, Name);
}

/// Containers a loop body appends to (`_threads.emplace_back(worker, i)`).
class AppendFinder : public RecursiveASTVisitor<AppendFinder> {
public:
  bool VisitCXXMemberCallExpr(CXXMemberCallExpr *C) {
    const CXXMethodDecl *M = C->getMethodDecl();
    if (M && M->getIdentifier() &&
        isOneOf(M->getName(), {"push_back", "emplace_back"}))
      if (const ValueDecl *D = namedDecl(C->getImplicitObjectArgument()))
        Filled.insert(D);
    return true;
  }
  llvm::SmallPtrSet<const ValueDecl *, 4> Filled;
};

/// Whether a counted loop's counter picks elements of data: `items[i]`,
/// `v.at(i)`, `begin + i`, `std::next(it, i)` (also inside lambdas). Not
/// data: the element the loop itself just appended (`_threads[i]` after
/// `_threads.emplace_back(...)`), and a cyclic pick (`cpus[i % cpus.size()]`).
class IndexUseFinder : public RecursiveASTVisitor<IndexUseFinder> {
public:
  IndexUseFinder(const VarDecl *Counter,
                 const llvm::SmallPtrSet<const ValueDecl *, 4> &Own)
      : Counter(Counter), Own(Own) {}
  bool Found = false;
  bool shouldVisitTemplateInstantiations() const { return false; }

  bool VisitArraySubscriptExpr(ArraySubscriptExpr *A) {
    Found = Found || (!own(A->getBase()) && mentions(A->getIdx()));
    return !Found;
  }
  bool VisitCXXOperatorCallExpr(CXXOperatorCallExpr *C) {
    OverloadedOperatorKind Op = C->getOperator();
    if ((Op == OO_Subscript || Op == OO_Plus || Op == OO_Minus) &&
        C->getNumArgs() == 2 && !(Op == OO_Subscript && own(C->getArg(0))))
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
      return B->getOpcode() != BO_Rem &&
             (mentions(B->getLHS()) || mentions(B->getRHS()));
    return false;
  }
  bool own(const Expr *Base) const {
    const ValueDecl *D = namedDecl(Base);
    return D && Own.count(D);
  }
  const VarDecl *Counter;
  const llvm::SmallPtrSet<const ValueDecl *, 4> &Own;
};

/// Whether an expression mentions the size of some data: `v.size()`,
/// `std::size(a)`, `std::distance(b, e)`, `s.length()`, `v.capacity()` (the
/// catalogs' `size_queries`, by last name component).
class SizeFinder : public RecursiveASTVisitor<SizeFinder> {
public:
  explicit SizeFinder(const RuleCatalog &Catalog) : Catalog(Catalog) {}
  bool Found = false;
  bool VisitCallExpr(CallExpr *C) {
    std::string Name = calleeName(C);
    llvm::StringRef Last = llvm::StringRef(Name).rsplit("::").second;
    if (Last.empty())
      Last = Name;
    Found = Found || Catalog.lookup(Section::SizeQueries, Last);
    return !Found;
  }
  bool VisitCXXDependentScopeMemberExpr(CXXDependentScopeMemberExpr *M) {
    Found = Found ||
            Catalog.lookup(Section::SizeQueries, M->getMember().getAsString());
    return !Found;
  }

private:
  const RuleCatalog &Catalog;
};

} // namespace

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

/// Whether a loop's increment steps its counter by one (`++i`, `i--`,
/// `i += 1`): counting workers. A stride (`offset += part_size`) walks
/// through a quantity of data (bytes, offsets), one piece per iteration.
static bool stepsByOne(const Stmt *Loop, const ASTContext &Ctx) {
  const auto *For = dyn_cast<ForStmt>(Loop);
  const Expr *Inc = For && For->getInc() ? For->getInc()->IgnoreParenImpCasts()
                                         : nullptr;
  if (!Inc)
    return false;
  if (const auto *U = dyn_cast<UnaryOperator>(Inc))
    return U->isIncrementDecrementOp();
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(Inc))
    return Op->getOperator() == OO_PlusPlus ||
           Op->getOperator() == OO_MinusMinus;
  if (const auto *B = dyn_cast<CompoundAssignOperator>(Inc)) {
    Expr::EvalResult Step;
    return (B->getOpcode() == BO_AddAssign ||
            B->getOpcode() == BO_SubAssign) &&
           B->getRHS()->EvaluateAsInt(Step, Ctx) &&
           Step.Val.getInt() == 1;
  }
  return false;
}

bool SpawnLoopAnalysis::isWorkerLoop(const Stmt *Loop) const {
  auto Counted = countedLoop(Loop);
  if (!Counted || !stepsByOne(Loop, Ctx))
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
  // One thread per event loop of the program (`i < io_contexts_.size()`,
  // each thread running `io_contexts_[i]->run()`): the number of loops is
  // the program's choice, not the size of its data.
  if (const auto *Size = dyn_cast<CXXMemberCallExpr>(Count))
    if (const CXXMethodDecl *M = Size->getMethodDecl())
      if (M->getIdentifier() &&
          Catalog.lookup(Section::SizeQueries, M->getName()) &&
          isEventLoopType(Size->getImplicitObjectArgument()->getType(),
                          Catalog))
        return true;
  SizeFinder Sizes(Catalog);
  Sizes.TraverseStmt(const_cast<Expr *>(Count));
  if (Sizes.Found)
    return false;
  AppendFinder Appends;
  Appends.TraverseStmt(const_cast<Stmt *>(loopBody(Loop)));
  IndexUseFinder Index(Counted->Counter, Appends.Filled);
  Index.TraverseStmt(const_cast<Stmt *>(loopBody(Loop)));
  return !Index.Found;
}

bool SpawnLoopAnalysis::boundAccepted(const TripBound &Bound) const {
  // A constant bound is a bound: the count is written in the code and
  // does not grow with the data. MaxConstantFanOut (0: no cap) reports
  // constants above it for code that must keep fan-out small.
  if (Bound.K == TripBound::Constant)
    return Opts.MaxConstantFanOut == 0 || Bound.Value <= Opts.MaxConstantFanOut;
  if (Bound.K == TripBound::HardwareConcurrency)
    return Opts.MaxConstantFanOut == 0 || Bound.Value <= Opts.MaxConstantFanOut;
  return false;
}

bool SpawnLoopAnalysis::loopAccepted(const Stmt *Loop) const {
  TripBound Bound = tripBound(Loop, Ctx, Catalog);
  if (boundAccepted(Bound))
    return true;
  if (Bound.K != TripBound::Unknown)
    return false;
  // `for (i = 0; i < workers; ++i)`: a pool of that size.
  if (!Opts.ReportWorkerLoops && isWorkerLoop(Loop))
    return true;
  return countsCommandLine(Loop);
}

/// A fan-out over a counting range that starts workers, not work per item:
/// `parallel_for_each(std::views::iota(0u, parallelism), [](unsigned) {...})`
/// up to a count that is not a container's size, with a per-element lambda
/// that does not pick data with its element (the fan-out form of a worker
/// loop; ReportWorkerLoops reports them).
bool isWorkerFanOut(const FanOutSite &S, const RuleCatalog &Catalog) {
  // The counting range, also held in an unchanged local first.
  const Expr *Source = S.Range ? rangeSource(S.Range, Catalog) : nullptr;
  const auto *Range = dyn_cast_or_null<CallExpr>(
      Source ? Source->IgnoreImplicit()->IgnoreParens() : nullptr);
  const auto *Lambda = dyn_cast_or_null<LambdaExpr>(
      S.Mapper ? S.Mapper->IgnoreImplicit()->IgnoreParens() : nullptr);
  if (!Range || !Lambda || Range->getNumArgs() < 2)
    return false;
  std::string Name = calledObjectName(Range);
  const RuleEntry *Iota = callRule(Section::ElementWork, Range, Catalog);
  if (Name != "std::ranges::views::iota" && !(Iota && Iota->Kind == "iota"))
    return false;
  SizeFinder Sizes(Catalog);
  Sizes.TraverseStmt(const_cast<Expr *>(Range->getArg(Range->getNumArgs() - 1)));
  const CXXMethodDecl *Call = Lambda->getCallOperator();
  if (Sizes.Found || !Call || Call->getNumParams() != 1)
    return false;
  llvm::SmallPtrSet<const ValueDecl *, 4> None;
  IndexUseFinder Index(Call->getParamDecl(0), None);
  Index.TraverseStmt(Lambda->getBody());
  return !Index.Found;
}

/// A local variable that holds its own elements (not a reference, not
/// static).
static const VarDecl *plainLocal(const ValueDecl *D) {
  const auto *V = dyn_cast_or_null<VarDecl>(D);
  return V && V->isLocalVarDecl() && !V->getType()->isReferenceType() &&
                 !V->isStaticLocal()
             ? V
             : nullptr;
}

/// The local V is initialised as a copy or move of: `auto w = v;`,
/// `auto w = std::move(v);`, an init-capture `[w = std::move(v)]`.
static const VarDecl *copiedLocal(const VarDecl *V) {
  const ValueDecl *From = namedDecl(
      ignoreValuePreserving(V->getInit(), {/*Moves=*/true}), Members::None);
  return From ? plainLocal(From) : nullptr;
}

/// The body a function's locals live in (a coroutine's own statements).
static const Stmt *bodyOf(const DeclContext *DC) {
  const auto *Fn = dyn_cast_or_null<FunctionDecl>(DC);
  if (!Fn)
    return nullptr;
  if (const CoroutineBodyStmt *Coro = coroutineBody(Fn))
    return Coro->getBody();
  return Fn->getBody();
}

bool SpawnLoopAnalysis::localFill(const FanOutSite &S, const VarDecl *&Filled,
                                  const Stmt *&FillLoop) const {
  const VarDecl *V = plainLocal(namedObject(S.Range));
  if (!V)
    return false;
  // A copy or move has the elements of its source: follow it, also out of
  // a lambda into the function that made its capture, reading that
  // function's body for the additions.
  std::optional<SpawnHandleFate> Outer;
  const SpawnHandleFate *Body = &Handles;
  const DeclContext *BodyOwner = &F;
  const Expr *Use = S.E;
  for (unsigned Depth = 0; V && Depth < 4; ++Depth) {
    if (V->getParentFunctionOrMethod() != BodyOwner) {
      const Stmt *OuterBody = bodyOf(V->getParentFunctionOrMethod());
      if (!OuterBody)
        return false;
      BodyOwner = V->getParentFunctionOrMethod();
      Outer.emplace(OuterBody, Catalog, Ctx);
      Body = &*Outer;
    }
    Filled = V;
    for (const Expr *Add : Body->additionsTo(V)) {
      for (const Stmt *Loop : Body->enclosingLoops(Add)) {
        if (Body->within(Use, Loop))
          break; // filled and consumed in the same iteration
        if (!loopAccepted(Loop)) {
          FillLoop = Loop;
          return true;
        }
      }
    }
    const VarDecl *From = copiedLocal(V);
    if (!From)
      break;
    Use = V->getInit();
    V = From;
  }
  const Expr *Init =
      Filled->getInit() ? Filled->getInit()->IgnoreImplicit() : nullptr;
  const auto *Construct = dyn_cast_or_null<CXXConstructExpr>(Init);
  bool Few = !Init || (Construct && Construct->getNumArgs() == 0) ||
             isa<InitListExpr>(Init);
  return Few;
}

} // namespace corolint
