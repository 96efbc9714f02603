#include "UnboundedSpawnCheck.h"
#include "support/AnalysisStore.h"
#include "support/BlockingAnalysis.h"
#include "support/CoroutineModel.h"
#include "support/ExecutionContext.h"
#include "support/Limiters.h"
#include "support/LoopBounds.h"
#include "support/MachineBounds.h"
#include "support/QualifiedName.h"
#include "support/RangeFanOut.h"
#include "support/SourceText.h"
#include "support/SpawnHandleFate.h"
#include "support/SpawnSites.h"

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

/// The variable or data member an expression names (`v`, `this->_threads`).
const ValueDecl *namedContainer(const Expr *E) {
  E = E ? E->IgnoreParenImpCasts() : nullptr;
  if (const auto *R = dyn_cast_or_null<DeclRefExpr>(E))
    return R->getDecl();
  if (const auto *M = dyn_cast_or_null<MemberExpr>(E))
    return M->getMemberDecl();
  return nullptr;
}

/// Containers a loop body appends to (`_threads.emplace_back(worker, i)`).
class AppendFinder : public RecursiveASTVisitor<AppendFinder> {
public:
  bool VisitCXXMemberCallExpr(CXXMemberCallExpr *C) {
    const CXXMethodDecl *M = C->getMethodDecl();
    if (M && M->getIdentifier() &&
        isOneOf(M->getName(), {"push_back", "emplace_back"}))
      if (const ValueDecl *D = namedContainer(C->getImplicitObjectArgument()))
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
    const ValueDecl *D = namedContainer(Base);
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

/// The analysis of one function body: every spawn inside a loop, and for
/// each, whether some loop around it starts it once per iteration with no
/// wait, limiter or small bound. What happens to the spawned handle is
/// SpawnHandleFate's to decide, what limits the loop LimiterSearch's; this
/// class holds the policy (bounds, worker and accept loops) and wording.
class SpawnLoopAnalysis {
public:
  SpawnLoopAnalysis(UnboundedSpawnCheck &Check, const FunctionDecl &F,
                    const Stmt *Body, ASTContext &Ctx)
      : Check(Check), Opts(Check.Opts), Catalog(Check.catalog()), F(F),
        Ctx(Ctx), SM(Ctx.getSourceManager()), Handles(Body, Catalog, Ctx),
        Limits(Handles, Catalog, Opts.ExtraLimiters, helperLimiterCache(Ctx, Catalog, Check.ExtraLimitersOption),
               Ctx) {}

  void run();

private:
  const Expr *eventBefore(const SpawnSite &S, const Stmt *Loop) const;
  std::vector<const Expr *> eventsIn(const Stmt *S) const;
  bool unconditionallyBefore(const Expr *Event, const SpawnSite &S,
                             const Stmt *Loop) const;
  bool isWorkerLoop(const Stmt *Loop) const;
  /// Whether Event delivers what the spawn works on: its value, or a
  /// variable it fills, is used by the spawn (an accept or receive).
  bool feedsSpawn(const Expr *Event, const SpawnSite &S) const;
  /// Whether a known bound caps the fan-out (the constant-bound policy).
  bool boundAccepted(const TripBound &Bound) const;
  /// Whether a loop's trip count caps the fan-out: a known bound, a
  /// worker loop, one per command-line argument.
  bool loopAccepted(const Stmt *Loop) const;
  void checkFanOut(const FanOutSite &S);

  void report(const SpawnSite &S, const Stmt *Loop, const TripBound &Bound,
              const Expr *Event);
  std::string suggestion(const SpawnSite &S) const;
  std::string loopNote(const Stmt *Loop, const TripBound &Bound) const;

  UnboundedSpawnCheck &Check;
  const UnboundedSpawnCheck::Settings &Opts;
  const RuleCatalog &Catalog;
  const FunctionDecl &F;
  ASTContext &Ctx;
  const SourceManager &SM;
  SpawnHandleFate Handles;
  LimiterSearch Limits;
};

std::vector<const Expr *> SpawnLoopAnalysis::eventsIn(const Stmt *S) const {
  std::vector<const Expr *> Events;
  if (!S)
    return Events;
  for (const SuspensionPoint &P : suspensionPointsIn(S))
    if (AnalysisStore::of(Ctx).canSuspend(P.E, Catalog))
      Events.push_back(P.E);
  for (const CallSite &Site : callsIn(S))
    if (!Site.Awaited && callRule(Section::Blocking, Site.Call, Catalog))
      Events.push_back(Site.Call);
  return Events;
}

bool SpawnLoopAnalysis::unconditionallyBefore(const Expr *Event,
                                              const SpawnSite &S,
                                              const Stmt *Loop) const {
  if (Handles.within(S.E, Event))
    return false; // the event contains the spawn (co_await co_spawn(...))
  if (Event->getBeginLoc().isInvalid() || S.E->getBeginLoc().isInvalid())
    return false;
  if (!Handles.within(Event, S.E) &&
      !SM.isBeforeInTranslationUnit(Event->getBeginLoc(), S.E->getBeginLoc()))
    return false;
  // Every conditional construct on the way from the loop to the event
  // must also lead to the spawn.
  for (const Stmt *Child = Event, *P = Handles.parent(Event); P && P != Loop;
       Child = P, P = Handles.parent(P)) {
    bool Conditional = false;
    if (const auto *If = dyn_cast<IfStmt>(P))
      Conditional = Child == If->getThen() || Child == If->getElse();
    else if (isLoopStmt(P) || isa<SwitchStmt, CXXCatchStmt>(P))
      Conditional = Child != SpawnHandleFate::initOf(P);
    else if (const auto *Cond = dyn_cast<AbstractConditionalOperator>(P))
      Conditional = Child != Cond->getCond();
    else if (const auto *Logic = dyn_cast<BinaryOperator>(P))
      Conditional = Logic->isLogicalOp() && Child == Logic->getRHS();
    if (Conditional && !Handles.within(S.E, Child))
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
    if (unconditionallyBefore(Event, S, Loop) && feedsSpawn(Event, S))
      return Event;
  return nullptr;
}

namespace {
/// The variables an expression mentions.
class VarsIn : public RecursiveASTVisitor<VarsIn> {
public:
  llvm::SmallPtrSet<const ValueDecl *, 8> Vars;
  bool VisitDeclRefExpr(DeclRefExpr *R) {
    if (isa<VarDecl, BindingDecl>(R->getDecl()))
      Vars.insert(R->getDecl());
    return true;
  }
  /// A declared variable, or each name of a structured binding.
  void addDeclared(const Decl *D) {
    if (const auto *Decomp = dyn_cast<DecompositionDecl>(D))
      for (const BindingDecl *B : Decomp->bindings())
        Vars.insert(B);
    if (const auto *V = dyn_cast<VarDecl>(D))
      Vars.insert(V);
  }
};
} // namespace

bool SpawnLoopAnalysis::feedsSpawn(const Expr *Event,
                                   const SpawnSite &S) const {
  // What the event delivers: the variable its value initialises or is
  // assigned to, and the variables it is given (`async_accept(socket)`).
  VarsIn Delivered;
  Delivered.TraverseStmt(const_cast<Expr *>(Event));
  auto [Cur, P] = Handles.climb(Event);
  for (unsigned Depth = 0; P && Depth < 4 && isa<Expr>(P) &&
                           !isa<CallExpr>(P);
       ++Depth) {
    Cur = cast<Expr>(P);
    P = Handles.parent(Cur);
  }
  if (const auto *DS = dyn_cast_or_null<DeclStmt>(P)) {
    for (const Decl *D : DS->decls())
      Delivered.addDeclared(D);
  } else if (const auto *Assign = dyn_cast_or_null<BinaryOperator>(P)) {
    if (Assign->isAssignmentOp())
      Delivered.TraverseStmt(Assign->getLHS());
  } else if (const auto *Op = dyn_cast_or_null<CXXOperatorCallExpr>(P)) {
    if (Op->getOperator() == OO_Equal && Op->getNumArgs() == 2)
      Delivered.TraverseStmt(const_cast<Expr *>(Op->getArg(0)));
  }
  // An event whose value is dropped and that is given nothing the spawn
  // uses (`co_await sleep(1s)`, `co_await maybe_yield()`) delivers no item:
  // a drain loop that awaits it still starts one task per queued item.
  VarsIn Used;
  Used.TraverseStmt(const_cast<Expr *>(S.E));
  for (const ValueDecl *V : Used.Vars)
    if (Delivered.Vars.count(V))
      return true;
  return false;
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
  for (const Expr *E : Handles.scan().Calls)
    if (auto S = fanOutAt(E, Catalog))
      checkFanOut(*S);
  const std::vector<const Expr *> &InLoops = Handles.scan().InLoops;
  if (InLoops.empty())
    return;
  std::vector<SpawnSite> Sites;
  for (const Expr *E : InLoops) {
    bool Discarded = isa<CallExpr>(E) && Handles.isDiscarded(E);
    if (auto S = spawnAt(E, Discarded, Catalog, Opts.ExtraSpawns,
                         Opts.ExtraSpawnRule))
      Sites.push_back(std::move(*S));
  }
  for (const SpawnSite &S : Sites) {
    // A spawn API started from the class's own code (`start(task)` in
    // task_group's constructor over a range): the caller chose the count.
    if (S.OnThis)
      continue;
    for (const Stmt *Loop : Handles.enclosingLoops(S.E)) {
      if (Handles.exitsAfter(S, Loop))
        continue; // starts once per run of this loop, then leaves it
      const ValueDecl *Holder = nullptr;
      if (Handles.fate(S, Loop, Holder) == SpawnHandleFate::Waited)
        break;
      if (Limits.hasLimiter(S, Loop, Holder))
        break;
      TripBound Bound = tripBound(Loop, Ctx, Catalog);
      if (loopAccepted(Loop))
        continue; // a bounded number per iteration of the loops around it
      const Expr *Event = eventBefore(S, Loop);
      if (Event && !Opts.ReportAcceptLoops)
        break; // paced by arrivals: accept or receive, then spawn
      report(S, Loop, Bound, Event);
      break;
    }
  }
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
static bool isWorkerFanOut(const FanOutSite &S, const RuleCatalog &Catalog) {
  const auto *Range = dyn_cast_or_null<CallExpr>(
      S.Range ? S.Range->IgnoreImplicit()->IgnoreParens() : nullptr);
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

void SpawnLoopAnalysis::checkFanOut(const FanOutSite &S) {
  if (Limits.callableLimits(S.Mapper))
    return; // each element's work takes a shared limiter first
  if (boundAccepted(rangeBound(S.Range, Ctx, Catalog)))
    return;
  if (!Opts.ReportWorkerLoops && isWorkerFanOut(S, Catalog))
    return;
  // A local container: as many elements as were put in it.
  const Stmt *FillLoop = nullptr;
  const auto *V = dyn_cast_or_null<VarDecl>(namedObject(S.Range));
  if (V && V->isLocalVarDecl() && !V->getType()->isReferenceType() &&
      !V->isStaticLocal()) {
    for (const Expr *Add : Handles.additionsTo(V)) {
      for (const Stmt *Loop : Handles.enclosingLoops(Add)) {
        if (Handles.within(S.E, Loop))
          break; // filled and consumed in the same iteration
        if (!loopAccepted(Loop)) {
          FillLoop = Loop;
          break;
        }
      }
      if (FillLoop)
        break;
    }
    if (!FillLoop) {
      const Expr *Init = V->getInit() ? V->getInit()->IgnoreImplicit() : nullptr;
      const auto *Construct = dyn_cast_or_null<CXXConstructExpr>(Init);
      if (!Init || (Construct && Construct->getNumArgs() == 0) ||
          isa<InitListExpr>(Init))
        return; // empty, or built from a list: filled only a few times
    }
  }
  std::string Range = spelling(S.Range, Ctx, 40);
  Check.diag(S.Loc, "'%0' starts one task per element of %1 at once, with "
                    "no concurrency limit; %2")
      << S.Name << (Range.empty() ? "its range" : "'" + Range + "'")
      << (S.Rule->Alternative.empty()
              ? "bound it with a windowed combinator or a semaphore taken "
                "in the per-element function"
              : S.Rule->Alternative)
      << S.E->getSourceRange();
  if (FillLoop)
    Check.diag(FillLoop->getBeginLoc(),
               "'" + V->getName().str() + "' gets one element per iteration "
               "of this loop; " + loopNote(FillLoop, tripBound(FillLoop, Ctx, Catalog)),
               DiagnosticIDs::Note);
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
      Opts{ClangTidyCheck::Options.get("MaxConstantFanOut", 0U),
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

void UnboundedSpawnCheck::checkCoroutine(CoroutineContext &Coro) {
  analyse(Coro.function(), Coro.body(), Coro.ast());
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
