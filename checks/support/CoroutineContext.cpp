#include "support/CoroutineContext.h"
#include "support/AnalysisStore.h"
#include "support/BlockingAnalysis.h"
#include "support/DefUse.h"
#include "support/EvaluatedCodeVisitor.h"
#include "support/ExecutionContext.h"
#include "support/QualifiedName.h"
#include "support/ResultUse.h"

#include "clang/AST/ParentMap.h"
#include "clang/Analysis/CFG.h"

using namespace clang;

namespace corolint {

BodyFacts::BodyFacts(const FunctionDecl &F, const Stmt *Body, ASTContext &Ctx)
    : F(F), Body(Body), Ctx(Ctx) {}

BodyFacts::~BodyFacts() = default;

const CFG *BodyFacts::cfg() {
  if (!CFGBuilt) {
    CFGBuilt = true;
    // The union of what the analyses on it need: destructors and lifetime
    // ends for the lock dataflow, every statement an element for the
    // reads of locals and for locating statements.
    CFG::BuildOptions Options;
    Options.AddImplicitDtors = true;
    Options.AddLifetime = true;
    Options.AddTemporaryDtors = true;
    Options.setAllAlwaysAdd();
    if (Body) {
      Graph = CFG::buildCFG(&F, const_cast<Stmt *>(Body), &Ctx, Options);
      AnalysisStore::countCFG();
    }
  }
  return Graph.get();
}

const ParentMap &BodyFacts::parentMap() {
  if (!Parents)
    Parents = std::make_unique<ParentMap>(const_cast<Stmt *>(Body));
  return *Parents;
}

const BodyParents &BodyFacts::evaluatedParents() {
  if (!Evaluated)
    Evaluated = std::make_unique<BodyParents>(Body);
  return *Evaluated;
}

LocalReads &BodyFacts::localReads() {
  if (!Reads)
    Reads = std::make_unique<LocalReads>(F, Body, Ctx);
  return *Reads;
}

const std::vector<ResolvedCall> &BodyFacts::calls() {
  if (!Calls) {
    Calls.emplace();
    for (const CallSite &Site : callsIn(Body))
      Calls->push_back({Site.Call, Site.Awaited, calleeOf(Site.Call)});
  }
  return *Calls;
}

static bool endsProcess(const CFGBlock &B) {
  if (B.hasNoReturnElement())
    return true;
  for (const CFGElement &E : B)
    if (auto S = E.getAs<CFGStmt>())
      if (const auto *Call = dyn_cast<CallExpr>(S->getStmt()))
        if (const FunctionDecl *F = Call->getDirectCallee())
          if (F->isNoReturn())
            return true;
  return false;
}

bool BodyFacts::onlyBeforeExit(const Stmt *S) {
  const CFG *G = cfg();
  if (!S || !G)
    return false;
  if (!FatalBuilt) {
    FatalBuilt = true;
    for (const CFGBlock *B : *G)
      if (B)
        for (const CFGElement &E : *B)
          if (auto CS = E.getAs<CFGStmt>())
            Blocks.try_emplace(CS->getStmt(), B);
    Fatal.resize(G->getNumBlockIDs());
    for (const CFGBlock *B : *G)
      if (B && endsProcess(*B))
        Fatal.set(B->getBlockID());
    // Least fixpoint: a block is fatal when it has successors and all of
    // the reachable ones are fatal.
    bool Changed = true;
    while (Changed) {
      Changed = false;
      for (const CFGBlock *B : *G) {
        if (!B || Fatal.test(B->getBlockID()) || B == &G->getExit())
          continue;
        bool Any = false, All = true;
        for (const CFGBlock::AdjacentBlock &Succ : B->succs()) {
          const CFGBlock *N = Succ.getReachableBlock();
          if (!N)
            continue;
          Any = true;
          if (!Fatal.test(N->getBlockID())) {
            All = false;
            break;
          }
        }
        if (Any && All) {
          Fatal.set(B->getBlockID());
          Changed = true;
        }
      }
    }
  }
  // The innermost enclosing statement the CFG lists says where S runs.
  const ParentMap &PM = parentMap();
  for (const Stmt *At = S; At; At = PM.getParent(At)) {
    auto It = Blocks.find(At);
    if (It != Blocks.end())
      return Fatal.test(It->second->getBlockID());
  }
  return false;
}

CoroutineContext::CoroutineContext(AnalysisStore &Store, const FunctionDecl &F,
                                   const CoroutineBodyStmt &Coro,
                                   const RuleCatalog &Catalog, ASTContext &Ctx)
    : Store(Store), F(F), Coro(Coro), Catalog(Catalog), Ctx(Ctx),
      Facts(Store.body(F, Coro.getBody())) {}

CoroutineContext::~CoroutineContext() = default;

const std::vector<SuspensionPoint> &CoroutineContext::suspensionPoints() {
  if (!Points)
    Points = corolint::suspensionPoints(&Coro);
  return *Points;
}

std::vector<SuspensionPoint>
CoroutineContext::suspensionPointsIn(const Stmt *S) {
  if (!S)
    return {};
  if (S == body())
    return suspensionPoints();
  const BodyParents &P = Facts.evaluatedParents();
  if (!P.parent(S))
    return corolint::suspensionPointsIn(S); // not evaluated code of the body
  std::vector<SuspensionPoint> In;
  for (const SuspensionPoint &Point : suspensionPoints())
    for (const Stmt *At = Point.E; At; At = P.parent(At))
      if (At == S) {
        In.push_back(Point);
        break;
      }
  return In;
}

bool CoroutineContext::canSuspend(const Expr *SuspendExpr) {
  return Store.canSuspend(SuspendExpr, Catalog);
}

bool CoroutineContext::maySuspendIn(const Stmt *S) {
  for (const SuspensionPoint &P : suspensionPointsIn(S))
    if (canSuspend(P.E))
      return true;
  return false;
}

bool CoroutineContext::neverSuspends() { return !maySuspendIn(body()); }

std::vector<const Expr *> suspendingPointsIn(CoroutineContext *Coro,
                                             const Stmt *S,
                                             const RuleCatalog &Catalog,
                                             ASTContext &Ctx) {
  std::vector<const Expr *> Out;
  if (!S)
    return Out;
  for (const SuspensionPoint &P :
       Coro ? Coro->suspensionPointsIn(S) : suspensionPointsIn(S))
    if (Coro ? Coro->canSuspend(P.E)
             : AnalysisStore::of(Ctx).canSuspend(P.E, Catalog))
      Out.push_back(P.E);
  return Out;
}

namespace {
class LoopCollector : public EvaluatedCodeVisitor<LoopCollector> {
public:
  bool VisitForStmt(ForStmt *S) { return add(S); }
  bool VisitCXXForRangeStmt(CXXForRangeStmt *S) { return add(S); }
  bool VisitWhileStmt(WhileStmt *S) { return add(S); }
  bool VisitDoStmt(DoStmt *S) { return add(S); }
  std::vector<const Stmt *> Loops;

private:
  bool add(const Stmt *S) {
    Loops.push_back(S);
    return true;
  }
};
} // namespace

const std::vector<const Stmt *> &CoroutineContext::loops() {
  if (!Loops) {
    LoopCollector C;
    if (body())
      C.TraverseStmt(const_cast<Stmt *>(body()));
    Loops = std::move(C.Loops);
  }
  return *Loops;
}

const ExecutionContext &CoroutineContext::where() {
  if (!Where)
    Where = std::make_unique<ExecutionContext>(Coro, Catalog, Ctx,
                                               &suspensionPoints());
  return *Where;
}

DefUse &CoroutineContext::defUse() {
  if (!DU)
    DU = std::make_unique<DefUse>(F, body(), Ctx, Catalog);
  return *DU;
}

} // namespace corolint
