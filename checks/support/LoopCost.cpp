#include "support/LoopCost.h"
#include "support/CostSets.h"
#include "support/LoopAnatomy.h"
#include "support/ConfiguredCollections.h"
#include "support/CoroutineModel.h"
#include "support/ElementWork.h"
#include "support/EvaluatedCodeVisitor.h"
#include "support/MachineBounds.h"
#include "support/QualifiedName.h"
#include "support/AnalysisStore.h"
#include "support/Summaries.h"

#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/Support/Path.h"
#include <functional>

using namespace clang;

namespace corolint {
using namespace loop_anatomy;

namespace {

using Contribution = LoopCostAnalysis::Contribution;
using CostSet = LoopCostAnalysis::CostSet;

using namespace cost_sets;
constexpr unsigned SummaryBudget = 4000;
const RecordDecl *ownerOf(const FunctionDecl *F) {
  if (const auto *M = dyn_cast_or_null<CXXMethodDecl>(F))
    return M->getParent();
  return nullptr;
}

/// The name to show for a catalogued call: a function object's variable
/// (`std::ranges::sort`) rather than its call operator.
std::string shownName(const Expr *Call, std::string Matched) {
  if (const auto *Ctor = dyn_cast_or_null<CXXConstructorDecl>(calleeOf(Call)))
    return qualifiedName(Ctor->getParent()); // `std::basic_regex`
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(strip(Call)))
    if (Op->getOperator() == OO_Call && Op->getNumArgs() > 0)
      if (const auto *Ref = dyn_cast<DeclRefExpr>(strip(Op->getArg(0))))
        if (isa<VarDecl>(Ref->getDecl()))
          return qualifiedName(Ref->getDecl());
  return Matched;
}

} // namespace

struct LoopCostAnalysis::Walk {
  LoopCostAnalysis &A;
  const ASTContext &Ctx;
  const FunctionDecl *Fn; // the helper summarised, or null
  llvm::SmallVector<VarSet, 4> Frames;
  bool Final = true;

  CostSet region(const Stmt *S);
  CostSet loop(const Stmt *Loop);
  CostSet call(const Expr *Call);
  CostSet elementLoop(const ElementCall &EC);
  /// Per loop (or callable run per element) being walked: what runs on
  /// branches that leave it (`if (failed) { close_all(); break; }`), at
  /// most once per run of it, and the switch and try statements open
  /// around it (a `break` inside a switch, or a `throw` inside a try,
  /// does not leave it).
  struct Leaving {
    const Stmt *Body = nullptr;
    bool Callable = false; ///< `return` ends one element's call only
    unsigned Switches = 0, Tries = 0;
    CostSet Once;
  };
  llvm::SmallVector<Leaving, 4> Leavings;
  unsigned Switches = 0, Tries = 0;

  /// Per-iteration costs of Loop; those of branches that leave it go to
  /// Once (they do not multiply with its bound).
  CostSet iterations(const Stmt *Loop, CostSet &Once) {
    Frames.push_back(loopVariables(Loop));
    Leavings.push_back({loopBody(Loop), false, Switches, Tries, {}});
    CostSet Out;
    for (const Stmt *Part : iterationParts(Loop))
      merge(Out, region(Part));
    Frames.pop_back();
    merge(Once, Leavings.pop_back_val().Once);
    return Out;
  }
  /// Where the costs of Block go when Block ends by leaving the loops
  /// around it: the Once set of the outermost loop it leaves; null when it
  /// does not leave one (or is a loop's whole body).
  CostSet *leftBy(const CompoundStmt *Block);
  bool walksEnclosing(const Stmt *Loop) const;
  bool discounted(const Expr *Call, const FunctionDecl *Callee,
                  const Contribution &K) const;
};

namespace {
/// The loops and calls of a region, without entering nested loops (the
/// walk handles them) or lambdas.
class RegionVisitor : public EvaluatedCodeVisitor<RegionVisitor> {
public:
  explicit RegionVisitor(LoopCostAnalysis::Walk &W) : W(W) {}
  bool TraverseForStmt(ForStmt *S) { return add(W.loop(S)); }
  bool TraverseCXXForRangeStmt(CXXForRangeStmt *S) { return add(W.loop(S)); }
  bool TraverseWhileStmt(WhileStmt *S) { return add(W.loop(S)); }
  bool TraverseDoStmt(DoStmt *S) { return add(W.loop(S)); }
  bool VisitCallExpr(CallExpr *E) { return add(W.call(E)); }
  bool VisitCXXConstructExpr(CXXConstructExpr *E) { return add(W.call(E)); }
  bool TraverseCompoundStmt(CompoundStmt *S) {
    CostSet *Once = W.leftBy(S);
    if (!Once)
      return EvaluatedCodeVisitor<RegionVisitor>::TraverseCompoundStmt(S);
    for (const Stmt *Child : S->body())
      merge(*Once, W.region(Child));
    return true;
  }
  bool TraverseSwitchStmt(SwitchStmt *S) {
    ++W.Switches;
    bool Go = EvaluatedCodeVisitor<RegionVisitor>::TraverseSwitchStmt(S);
    --W.Switches;
    return Go;
  }
  bool TraverseCXXTryStmt(CXXTryStmt *S) {
    ++W.Tries;
    bool Go = TraverseStmt(S->getTryBlock());
    --W.Tries;
    for (unsigned I = 0; Go && I < S->getNumHandlers(); ++I)
      Go = TraverseStmt(S->getHandler(I));
    return Go;
  }
  // Evaluated by the compiler, not at run time: immediate invocations
  // (consteval, fmt's format-string checks) and constexpr variables.
  bool TraverseConstantExpr(ConstantExpr *) { return true; }
  bool TraverseDecl(Decl *D) {
    if (const auto *V = dyn_cast_or_null<VarDecl>(D))
      if (V->isConstexpr())
        return true;
    return EvaluatedCodeVisitor<RegionVisitor>::TraverseDecl(D);
  }
  CostSet Out;

private:
  bool add(const CostSet &C) {
    merge(Out, C);
    return true;
  }
  LoopCostAnalysis::Walk &W;
};
} // namespace

CostSet LoopCostAnalysis::Walk::region(const Stmt *S) {
  if (!S)
    return {};
  RegionVisitor V(*this);
  V.TraverseStmt(const_cast<Stmt *>(S));
  return std::move(V.Out);
}

CostSet *LoopCostAnalysis::Walk::leftBy(const CompoundStmt *Block) {
  if (Leavings.empty() || Block == Leavings.back().Body)
    return nullptr;
  std::size_t Outermost = Leavings.size(); // none
  switch (exitOf(Block)) {
  case Exit::None:
    break;
  case Exit::Break:
    if (!Leavings.back().Callable && Leavings.back().Switches == Switches)
      Outermost = Leavings.size() - 1;
    break;
  case Exit::Return:
    // Every loop of the function, or of the callable it is in.
    Outermost = 0;
    for (std::size_t I = Leavings.size(); I-- > 0;)
      if (Leavings[I].Callable) {
        Outermost = I + 1;
        break;
      }
    break;
  case Exit::Throw:
    // Every loop entered since the innermost try around it.
    for (std::size_t I = 0; I < Leavings.size(); ++I)
      if (Leavings[I].Tries == Tries) {
        Outermost = I;
        break;
      }
    break;
  case Exit::Process:
    Outermost = 0;
    break;
  }
  return Outermost < Leavings.size() ? &Leavings[Outermost].Once : nullptr;
}

bool LoopCostAnalysis::Walk::walksEnclosing(const Stmt *Loop) const {
  if (Frames.empty())
    return false;
  VarSet CondRefs;
  collectRefs(conditionOf(Loop), CondRefs);
  StepFinder Steps = steps(Loop);
  for (const VarSet &Frame : Frames) {
    if (!A.CountElementWalks)
      for (const auto &[Part, R] : boundParts(Loop))
        if (contentRef(Part, Frame, R))
          return true;
    // A cursor shared with the enclosing loop: `while (p < end && *p == ' ')
    // ++p;` inside `while (p < end)` advances the same position.
    for (const ValueDecl *D : Steps.Stepped)
      if (Frame.count(D) && CondRefs.count(D))
        return true;
  }
  return false;
}

CostSet LoopCostAnalysis::Walk::loop(const Stmt *Loop) {
  CostSet Out;
  for (const Stmt *Part : onceParts(Loop))
    merge(Out, region(Part));
  bool Counts = !A.isSmallLoop(Loop, Ctx) && hasCountingShape(Loop) &&
                !walksEnclosing(Loop);
  CostSet Once;
  CostSet Inner = iterations(Loop, Once);
  merge(Out, Once);
  if (!Counts) {
    merge(Out, Inner);
    return Out;
  }
  Contribution Own;
  Own.Levels = 1;
  for (const auto &[Part, R] : boundParts(Loop))
    parametersIn(Part, Fn, Own.Walks, Own.WalksCaptured);
  CostStep Step;
  Step.K = CostStep::Loop;
  Step.Where = Loop;
  Step.Caller = Fn;
  Step.Bound = tripBound(Loop, Ctx, A.Catalog);
  Own.Steps.push_back(Step);
  liftInto(Out, Own, Inner);
  return Out;
}

/// A call that runs a callable on every element: a loop over its range
/// with the callable's body as the iteration (its parameters are the
/// element).
CostSet LoopCostAnalysis::Walk::elementLoop(const ElementCall &EC) {
  bool Counts = true;
  if (EC.Range && (isSmallConstant(EC.Range, A.Opts.SmallTripCount, Ctx) ||
                   configuredCollection(EC.Range, Ctx, &A.Catalog)))
    Counts = false;
  if (EC.Range && !A.CountElementWalks)
    for (const VarSet &Frame : Frames)
      if (contentRef(EC.Range, Frame, Role::Arg))
        Counts = false;
  CostSet Inner, Once;
  if (EC.Callable && EC.Callable->getBody()) {
    VarSet Params;
    for (const ParmVarDecl *P : EC.Callable->parameters())
      Params.insert(P);
    addElementAliases(EC.Callable->getBody(), Params);
    Frames.push_back(Params);
    Leavings.push_back({EC.Callable->getBody(), true, Switches, Tries, {}});
    Inner = region(EC.Callable->getBody());
    Frames.pop_back();
    merge(Once, Leavings.pop_back_val().Once);
  }
  if (!Counts) {
    merge(Inner, Once);
    return Inner;
  }
  CostSet Out = std::move(Once);
  Contribution Own;
  Own.Levels = 1;
  parametersIn(EC.Range, Fn, Own.Walks, Own.WalksCaptured);
  CostStep Step;
  Step.K = CostStep::Loop;
  Step.Where = EC.Call;
  Step.Caller = Fn;
  Step.Name = EC.Name;
  Own.Steps.push_back(Step);
  liftInto(Out, Own, Inner);
  return Out;
}

bool LoopCostAnalysis::Walk::discounted(const Expr *Call,
                                        const FunctionDecl *Callee,
                                        const Contribution &K) const {
  for (unsigned Bit = 0; Bit < 64; ++Bit) {
    if (!(K.Walks & (std::uint64_t(1) << Bit)))
      continue;
    const Expr *Arg = argumentFor(Call, Callee, Bit);
    if (!Arg)
      continue;
    if (isSmallConstant(Arg, A.Opts.SmallTripCount, Ctx))
      return true; // `count(",;", c)`, `fill(buf, 16)`
    if (configuredCollection(Arg, Ctx, &A.Catalog))
      return true; // `join(out, label_names_)`: sized by configuration
    if (A.CountElementWalks)
      continue;
    for (const VarSet &Frame : Frames)
      if (contentRef(Arg, Frame, Role::Arg))
        return true;
  }
  if (A.CountElementWalks)
    return false;
  for (const ValueDecl *D : K.WalksCaptured)
    for (const VarSet &Frame : Frames)
      if (Frame.count(D) && !isArithmetic(D->getType()))
        return true;
  return false;
}

CostSet LoopCostAnalysis::Walk::call(const Expr *Call) {
  std::string Name = calleeName(Call);
  if (!Name.empty() && A.Ignored.matches(Name))
    return {};
  const FunctionDecl *Callee = calleeOf(Call);
  if (Callee && Callee->isConsteval())
    return {}; // runs in the compiler
  if (std::optional<ElementCall> EC = elementCall(Call, A.Catalog, A.Ignored))
    return elementLoop(*EC);
  std::string Matched;
  if (const RuleEntry *Rule = A.cpuHeavyRule(Call, Matched)) {
    Contribution C;
    C.Levels = 1;
    CostStep Step;
    Step.K = CostStep::CpuHeavy;
    Step.Where = Call;
    Step.Caller = Fn;
    Step.Callee = Callee;
    Step.Rule = Rule;
    Step.Name = shownName(Call, Matched);
    C.Steps.push_back(Step);
    return {C};
  }
  CostSet Sub;
  if (!Callee || !A.summary(Callee, Sub, Final))
    return {};
  const FunctionDecl *Def = nullptr;
  if (!Callee->hasBody(Def))
    Def = Callee; // summarised in another file
  CostSet Out;
  for (const Contribution &K : Sub) {
    if (K.Hops + 1 > A.Opts.HelperDepth)
      continue;
    Contribution C;
    C.Hops = K.Hops + 1;
    C.Levels = K.Levels;
    CostStep Hop;
    Hop.K = CostStep::Call;
    Hop.Where = Call;
    Hop.Caller = Fn;
    Hop.Callee = Def;
    C.Steps.push_back(Hop);
    bool Discount = (K.Walks || !K.WalksCaptured.empty()) &&
                    discounted(Call, Def, K);
    bool Dropped = false;
    for (const CostStep &S : K.Steps) {
      // The first counted level is the loop whose bound the walks describe.
      if (Discount && !Dropped && S.K == CostStep::Loop) {
        Dropped = true;
        continue;
      }
      C.Steps.push_back(S);
      if (S.K == CostStep::Summarised && !S.Where)
        C.Steps.back().Where = Call; // noted at the call
    }
    if (Discount) {
      C.Levels -= 1;
    } else if (Fn) {
      // Forward the walked parameters to the caller's own parameters.
      for (unsigned Bit = 0; Bit < 64; ++Bit)
        if (K.Walks & (std::uint64_t(1) << Bit))
          parametersIn(argumentFor(Call, Def, Bit), Fn, C.Walks,
                       C.WalksCaptured);
      for (const ValueDecl *D : K.WalksCaptured) {
        const auto *P = dyn_cast<ParmVarDecl>(D);
        if (P && P->getDeclContext() == Fn)
          C.Walks |= std::uint64_t(1) << std::min<unsigned>(
                         P->getFunctionScopeIndex(), ObjectBit - 1);
        else if (!llvm::is_contained(C.WalksCaptured, D))
          C.WalksCaptured.push_back(D);
      }
    }
    merge(Out, C);
  }
  return Out;
}

LoopCostAnalysis::LoopCostAnalysis(const RuleCatalog &Catalog,
                                   const NameList &ExtraCpuHeavy,
                                   const NameList &Ignored, Options Opts)
    : Catalog(Catalog), ExtraCpuHeavy(ExtraCpuHeavy), Ignored(Ignored),
      Opts(Opts) {
  ExtraRule.Library = "user";
  ExtraRule.Reason = "listed in ExtraCpuHeavyFunctions";
}

const RuleEntry *LoopCostAnalysis::cpuHeavyRule(const Expr *Call,
                                                std::string &Name) const {
  std::string QN = calleeName(Call);
  if (QN.empty() || Ignored.matches(QN))
    return nullptr;
  const FunctionDecl *Callee = calleeOf(Call);
  const RuleEntry *R = Callee ? Catalog.lookup(Section::CpuHeavy, Callee)
                              : Catalog.lookup(Section::CpuHeavy, QN);
  if (!R && ExtraCpuHeavy.matches(QN))
    R = &ExtraRule;
  if (R)
    Name = QN;
  return R;
}

bool LoopCostAnalysis::summary(const FunctionDecl *F, CostSet &Out,
                               bool &Final) {
  if (F && !F->hasBody())
    return externalSummary(F, Out);
  const FunctionDecl *Def = nullptr;
  if (!F || !F->hasBody(Def) || !isFollowedHelper(Def, Catalog, Ignored) ||
      isConstantTime(Def, Catalog))
    return false;
  auto &Summaries = this->Summaries[CountElementWalks];
  auto It = Summaries.find(Def);
  if (It != Summaries.end()) {
    if (It->second.Computing) {
      Final = false; // recursion: decided when the cycle unwinds
      return false;
    }
    Out = It->second.Costs;
    return true;
  }
  if (Budget == 0) {
    Final = false;
    return false;
  }
  --Budget;
  Summaries[Def].Computing = true;
  Walk W{*this, Def->getASTContext(), Def, {}, true};
  CostSet Costs = W.region(Def->getBody());
  if (W.Final)
    Summaries[Def] = Summary{false, Costs};
  else {
    Summaries.erase(Def);
    Final = false;
  }
  Out = std::move(Costs);
  return true;
}

bool LoopCostAnalysis::externalSummary(const FunctionDecl *F, CostSet &Out) {
  // As for a body in view: user code that is not an offload or a
  // catalogued constant-time function.
  std::string Name = qualifiedName(F);
  if (Ignored.matches(Name) || Catalog.isLibraryName(Name) ||
      Catalog.lookup(Section::Offload, F) || isConstantTime(F, Catalog))
    return false;
  const FunctionSummary *S = AnalysisStore::of(F->getASTContext()).external(F);
  if (!S || S->Costs.empty())
    return false;
  for (const SummaryCost &K : S->Costs) {
    Contribution C;
    C.Levels = K.Levels;
    C.Walks = K.Walks;
    CostStep Step;
    Step.K = CostStep::Summarised;
    Step.Callee = F;
    Step.Name = K.What;
    if (K.At.valid())
      Step.Name += " at " + llvm::sys::path::filename(K.At.File).str() + ":" +
                   std::to_string(K.At.Line);
    Step.Bound.Value = K.Levels;
    C.Steps.push_back(std::move(Step));
    merge(Out, C);
  }
  return true;
}

IterationCost LoopCostAnalysis::loopCost(const Stmt *Loop,
                                         const ASTContext &Ctx,
                                         bool CountElementWalks) {
  this->CountElementWalks = CountElementWalks;
  IterationCost Out = loopCost(Loop, Ctx);
  this->CountElementWalks = false;
  return Out;
}

IterationCost LoopCostAnalysis::elementCallCost(const ElementCall &EC,
                                                const ASTContext &Ctx,
                                                bool CountElementWalks) {
  this->CountElementWalks = CountElementWalks;
  Budget = SummaryBudget;
  Walk W{*this, Ctx, nullptr, {}, true};
  IterationCost Out;
  CostSet Set = W.elementLoop(EC);
  if (const Contribution *B = best(Set)) {
    Out.Levels = B->Levels;
    Out.Steps = B->Steps;
  }
  this->CountElementWalks = false;
  return Out;
}

IterationCost LoopCostAnalysis::loopCost(const Stmt *Loop,
                                         const ASTContext &Ctx) {
  Budget = SummaryBudget;
  Walk W{*this, Ctx, nullptr, {}, true};
  IterationCost Out;
  Out.Levels = isSmallLoop(Loop, Ctx) ? 0 : 1;
  // What a block leaving the loop does runs once; the loops in it are
  // checked on their own.
  CostSet Once;
  CostSet Inner = W.iterations(Loop, Once);
  if (const Contribution *B = best(Inner)) {
    Out.Levels += B->Levels;
    Out.Steps = B->Steps;
  }
  return Out;
}

std::vector<LoopCostAnalysis::Contribution>
LoopCostAnalysis::functionCosts(const FunctionDecl *F) {
  Budget = SummaryBudget;
  CostSet Set;
  bool Final = true;
  if (!summary(F, Set, Final))
    return {};
  llvm::erase_if(Set, [](const Contribution &C) { return C.Levels == 0; });
  return Set;
}

IterationCost LoopCostAnalysis::functionCost(const FunctionDecl *F) {
  Budget = SummaryBudget;
  CostSet Set;
  bool Final = true;
  IterationCost Out;
  if (summary(F, Set, Final))
    if (const Contribution *B = best(Set)) {
      Out.Levels = B->Levels;
      Out.Steps = B->Steps;
    }
  return Out;
}

} // namespace corolint
