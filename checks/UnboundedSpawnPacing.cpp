// coro-unbounded-spawn: a loop paced by arrivals. An await or blocking
// call in an open loop's header, or before the spawn on every path through
// the body and delivering what the spawn works on (an accept, a receive),
// makes the loop start one task per event, not per item.
#include "UnboundedSpawnAnalysis.h"
#include "support/AnalysisStore.h"
#include "support/BlockingAnalysis.h"
#include "support/CoroutineModel.h"

#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/AST/StmtCXX.h"
#include "llvm/ADT/SmallPtrSet.h"

using namespace clang;

namespace corolint {

std::vector<const Expr *> SpawnLoopAnalysis::eventsIn(const Stmt *S) const {
  if (!S)
    return {};
  std::vector<const Expr *> Events = suspendingPointsIn(Coro, S, Catalog, Ctx);
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

} // namespace corolint
