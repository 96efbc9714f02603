#include "support/LoopCost.h"
#include "support/CoroutineModel.h"
#include "support/ElementWork.h"
#include "support/EvaluatedCodeVisitor.h"
#include "support/MachineBounds.h"
#include "support/QualifiedName.h"

#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/SmallPtrSet.h"
#include <functional>

using namespace clang;

namespace corolint {
namespace {

using VarSet = llvm::SmallPtrSet<const ValueDecl *, 8>;
using Contribution = LoopCostAnalysis::Contribution;
using CostSet = LoopCostAnalysis::CostSet;

constexpr unsigned ObjectBit = 63;
constexpr unsigned SummaryBudget = 4000;
constexpr std::size_t MaxAlternatives = 16;

const Expr *strip(const Expr *E) {
  return E ? E->IgnoreParenImpCasts() : nullptr;
}

/// The variable or `this` member E names, if it is just that.
const ValueDecl *namedVariable(const Expr *E) {
  E = strip(E);
  if (const auto *Ref = dyn_cast_or_null<DeclRefExpr>(E))
    return Ref->getDecl();
  if (const auto *M = dyn_cast_or_null<MemberExpr>(E))
    if (isa<CXXThisExpr>(M->getBase()->IgnoreParenImpCasts()))
      return M->getMemberDecl();
  return nullptr;
}

/// Variables and `this` members S reads or writes (not in nested lambdas).
void collectRefs(const Stmt *S, VarSet &Out, bool *UsesThis = nullptr) {
  if (!S || isa<LambdaExpr>(S))
    return;
  if (const auto *Ref = dyn_cast<DeclRefExpr>(S))
    Out.insert(Ref->getDecl());
  if (const auto *M = dyn_cast<MemberExpr>(S))
    if (isa<CXXThisExpr>(M->getBase()->IgnoreParenImpCasts()))
      Out.insert(M->getMemberDecl());
  if (UsesThis && isa<CXXThisExpr>(S))
    *UsesThis = true;
  for (const Stmt *Child : S->children())
    collectRefs(Child, Out, UsesThis);
}

bool refersTo(const Stmt *S, const ValueDecl *D) {
  VarSet Refs;
  collectRefs(S, Refs);
  return Refs.count(D) != 0;
}

/// The variables a loop steps: `++i`, `i += k`, `it = it->next`, `++it` on
/// class iterators. Incremented: the ones only ever counted upwards.
class StepFinder : public EvaluatedCodeVisitor<StepFinder> {
public:
  VarSet Stepped, Incremented, Decremented;

  bool VisitUnaryOperator(UnaryOperator *U) {
    if (U->isIncrementDecrementOp())
      step(U->getSubExpr(), U->isIncrementOp());
    return true;
  }
  bool VisitBinaryOperator(BinaryOperator *B) {
    if (B->getOpcode() == BO_AddAssign)
      step(B->getLHS(), true);
    else if (B->isCompoundAssignmentOp())
      step(B->getLHS(), false);
    else if (B->getOpcode() == BO_Assign)
      if (const ValueDecl *D = namedVariable(B->getLHS()))
        if (refersTo(B->getRHS(), D))
          step(B->getLHS(), false);
    return true;
  }
  bool VisitCXXOperatorCallExpr(CXXOperatorCallExpr *C) {
    if (C->getNumArgs() == 0)
      return true;
    switch (C->getOperator()) {
    case OO_PlusPlus:
    case OO_PlusEqual:
      step(C->getArg(0), true);
      break;
    case OO_MinusMinus:
    case OO_MinusEqual:
      step(C->getArg(0), false);
      break;
    case OO_Equal:
      if (const ValueDecl *D = namedVariable(C->getArg(0)))
        if (C->getNumArgs() > 1 && refersTo(C->getArg(1), D))
          step(C->getArg(0), false);
      break;
    default:
      break;
    }
    return true;
  }

private:
  void step(const Expr *Target, bool Up) {
    const ValueDecl *D = namedVariable(Target);
    if (!D)
      return;
    Stepped.insert(D);
    (Up ? Incremented : Decremented).insert(D);
  }
};

/// The parts of a loop evaluated once per run (before the first iteration).
llvm::SmallVector<const Stmt *, 2> onceParts(const Stmt *Loop) {
  if (const auto *For = dyn_cast<ForStmt>(Loop))
    return {For->getInit()};
  if (const auto *Range = dyn_cast<CXXForRangeStmt>(Loop))
    return {Range->getInit(), Range->getRangeInit()};
  return {};
}

/// The parts of a loop evaluated on every iteration.
llvm::SmallVector<const Stmt *, 4> iterationParts(const Stmt *Loop) {
  if (const auto *For = dyn_cast<ForStmt>(Loop))
    return {For->getConditionVariableDeclStmt(), For->getCond(), For->getInc(),
            For->getBody()};
  if (const auto *While = dyn_cast<WhileStmt>(Loop))
    return {While->getConditionVariableDeclStmt(), While->getCond(),
            While->getBody()};
  if (const auto *Do = dyn_cast<DoStmt>(Loop))
    return {Do->getBody(), Do->getCond()};
  if (const auto *Range = dyn_cast<CXXForRangeStmt>(Loop))
    return {Range->getBody()};
  return {};
}

const Expr *conditionOf(const Stmt *Loop) {
  if (const auto *For = dyn_cast<ForStmt>(Loop))
    return For->getCond();
  if (const auto *While = dyn_cast<WhileStmt>(Loop))
    return While->getCond();
  if (const auto *Do = dyn_cast<DoStmt>(Loop))
    return Do->getCond();
  return nullptr;
}

/// The variables declared inside what a loop runs per iteration.
class LocalDecls : public EvaluatedCodeVisitor<LocalDecls> {
public:
  VarSet Vars;
  bool VisitVarDecl(VarDecl *V) {
    addTo(V);
    return true;
  }
  void addTo(const VarDecl *V) {
    Vars.insert(V);
    if (const auto *D = dyn_cast<DecompositionDecl>(V))
      for (const BindingDecl *B : D->bindings())
        Vars.insert(B);
  }
};

/// The variables a loop steps, declared outside its iterations (a counter
/// of a nested loop is that loop's, not this one's).
StepFinder steps(const Stmt *Loop) {
  StepFinder Finder;
  LocalDecls Locals;
  for (const Stmt *Part : iterationParts(Loop))
    if (Part) {
      Finder.TraverseStmt(const_cast<Stmt *>(Part));
      Locals.TraverseStmt(const_cast<Stmt *>(Part));
    }
  for (VarSet *Set : {&Finder.Stepped, &Finder.Incremented, &Finder.Decremented})
    for (const ValueDecl *D : Locals.Vars)
      Set->erase(D);
  return Finder;
}

void addVar(const VarDecl *V, VarSet &Out) {
  if (!V)
    return;
  Out.insert(V);
  if (const auto *D = dyn_cast<DecompositionDecl>(V))
    for (const BindingDecl *B : D->bindings())
      Out.insert(B);
}

void addElementAliases(const Stmt *Body, VarSet &Vars);

/// The variables that move with a loop's iterations: its range-for
/// variable, the variables its for-init declares, its condition variable
/// and the variables it steps.
VarSet loopVariables(const Stmt *Loop) {
  VarSet Vars;
  if (const auto *Range = dyn_cast<CXXForRangeStmt>(Loop))
    addVar(Range->getLoopVariable(), Vars);
  if (const auto *For = dyn_cast<ForStmt>(Loop)) {
    if (const auto *Init = dyn_cast_or_null<DeclStmt>(For->getInit()))
      for (const Decl *D : Init->decls())
        addVar(dyn_cast<VarDecl>(D), Vars);
    addVar(For->getConditionVariable(), Vars);
  }
  if (const auto *While = dyn_cast<WhileStmt>(Loop))
    addVar(While->getConditionVariable(), Vars);
  for (const ValueDecl *D : steps(Loop).Stepped)
    Vars.insert(D);
  addElementAliases(loopBody(Loop), Vars);
  return Vars;
}

/// Whether a loop counts: a range-for, or a condition on a variable the
/// loop steps (`i < n`, `it != end`, `p`, `n--`).
bool hasCountingShape(const Stmt *Loop) {
  if (isa<CXXForRangeStmt>(Loop))
    return true;
  const Expr *Cond = conditionOf(Loop);
  if (!Cond)
    return false;
  VarSet Refs;
  collectRefs(Cond, Refs);
  for (const ValueDecl *D : steps(Loop).Stepped)
    if (Refs.count(D))
      return true;
  return false;
}

bool isArithmetic(QualType T) {
  T = T.getNonReferenceType();
  return T->isArithmeticType() || T->isEnumeralType();
}

/// Whether a call's result designates (a part of) an object rather than a
/// number or a position: a reference to a class, a pointer, a container.
bool resultSelects(const CallExpr *C) {
  if (C->isTypeDependent())
    return false;
  bool Ref = C->isGLValue(); // a reference result
  QualType V = C->getType();
  if (V->isPointerType())
    return true;
  if (V->isRecordType())
    return Ref || isContainerLike(V->getAsCXXRecordDecl());
  return false;
}

enum class Role {
  None,    ///< used as a number or a position
  Content, ///< reached into: `x.m`, `x->m`, `*x`, `a[x]`, `for (e : x)`
  Arg,     ///< passed as a whole: content unless it is a number
};

/// Whether S refers to one of Vars as content (see Role).
bool contentRef(const Stmt *S, const VarSet &Vars, Role R) {
  if (!S || isa<LambdaExpr>(S))
    return false;
  auto Hit = [&](const ValueDecl *D) {
    return Vars.count(D) &&
           (R == Role::Content || (R == Role::Arg && !isArithmetic(D->getType())));
  };
  auto Children = [&](Role ChildRole) {
    for (const Stmt *Child : S->children())
      if (contentRef(Child, Vars, ChildRole))
        return true;
    return false;
  };
  if (isa<CastExpr>(S) || isa<ParenExpr>(S) || isa<FullExpr>(S) ||
      isa<MaterializeTemporaryExpr>(S) || isa<CXXBindTemporaryExpr>(S))
    return Children(R);
  if (const auto *Ref = dyn_cast<DeclRefExpr>(S))
    return Hit(Ref->getDecl());
  if (const auto *M = dyn_cast<MemberExpr>(S)) {
    if (isa<CXXThisExpr>(M->getBase()->IgnoreParenImpCasts()))
      return Hit(M->getMemberDecl());
    return contentRef(M->getBase(), Vars, Role::Content);
  }
  // `o.items` on an element of dependent type, in a template.
  if (const auto *M = dyn_cast<CXXDependentScopeMemberExpr>(S))
    return !M->isImplicitAccess() &&
           contentRef(M->getBase(), Vars, Role::Content);
  // A view or span over the element (`std::span(row)`) is the element.
  if (isa<CXXConstructExpr>(S) && R != Role::None)
    return Children(Role::Arg);
  if (const auto *U = dyn_cast<UnaryOperator>(S)) {
    if (U->getOpcode() == UO_Deref)
      return Children(Role::Content);
    return Children(U->getOpcode() == UO_AddrOf ? R : Role::None);
  }
  if (isa<ArraySubscriptExpr>(S))
    return Children(Role::Content);
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(S)) {
    switch (Op->getOperator()) {
    case OO_Subscript:
    case OO_Arrow:
      return Children(Role::Content);
    case OO_Star:
      return Children(Op->getNumArgs() == 1 ? Role::Content : Role::None);
    case OO_Call:
      break;
    case OO_Pipe:
      // A range adaptor over the element: `row | std::views::reverse`.
      return Op->getNumArgs() == 2 &&
             contentRef(Op->getArg(0), Vars,
                        R == Role::None || !Op->getArg(0)->getType()->isRecordType()
                            ? Role::None
                            : Role::Content);
    default:
      return Children(Role::None);
    }
  }
  if (const auto *C = dyn_cast<CallExpr>(S)) {
    std::string Name = calleeName(C);
    Role ArgRole = resultSelects(C) ? Role::Content : Role::Arg;
    if (Name == "std::next" || Name == "std::prev" || Name == "std::advance")
      ArgRole = Role::None; // a position relative to the element
    if (contentRef(C->getCallee(), Vars, Role::None))
      return true;
    for (const Expr *Arg : C->arguments())
      if (contentRef(Arg, Vars, ArgRole))
        return true;
    return false;
  }
  return Children(Role::None);
}

/// Local variables of a loop body that name (a part of) the current
/// element: `const auto &items = o.items;`, `auto fields = split(line);`,
/// `const Job &j = jobs[i];`. Walking them is walking the element. Also a
/// copy of the loop's cursor that is handed back to it (`j = i; while (j <
/// n && s[j] != ',') ++j; i = j + 1;`): an inner loop advancing it shares
/// the cursor.
class ElementAliases : public EvaluatedCodeVisitor<ElementAliases> {
public:
  explicit ElementAliases(VarSet &Vars) : Vars(Vars) {}
  bool VisitVarDecl(VarDecl *V) {
    const Expr *Init = V->getInit();
    if (!Init || Vars.count(V))
      return true;
    if (isArithmetic(V->getType())) {
      VarSet Refs;
      collectRefs(Init, Refs);
      for (const ValueDecl *D : Refs)
        if (Vars.count(D))
          CursorCopies.push_back({V, D});
    } else if (contentRef(Init, Vars, Role::Arg)) {
      addVar(V, Vars);
    }
    return true;
  }
  bool VisitBinaryOperator(BinaryOperator *B) {
    if (B->getOpcode() == BO_Assign)
      if (const auto *Ref = dyn_cast<DeclRefExpr>(B->getLHS()->IgnoreParenImpCasts()))
        Assignments.push_back({Ref->getDecl(), B->getRHS()});
    return true;
  }

  void addCursorCopies() {
    for (const auto &[Copy, Cursor] : CursorCopies)
      for (const auto &[Target, Value] : Assignments)
        if (Target == Cursor && refersTo(Value, Copy))
          Vars.insert(Copy);
  }

private:
  VarSet &Vars;
  std::vector<std::pair<const VarDecl *, const ValueDecl *>> CursorCopies;
  std::vector<std::pair<const ValueDecl *, const Expr *>> Assignments;
};

void addElementAliases(const Stmt *Body, VarSet &Vars) {
  if (!Body)
    return;
  ElementAliases V(Vars);
  V.TraverseStmt(const_cast<Stmt *>(Body));
  V.addCursorCopies();
}

/// The expressions that decide how often Loop iterates, and how to read
/// them: the range of a range-for (its content), the condition and init of
/// the others.
llvm::SmallVector<std::pair<const Stmt *, Role>, 2> boundParts(const Stmt *Loop) {
  if (const auto *Range = dyn_cast<CXXForRangeStmt>(Loop))
    return {{Range->getRangeInit(), Role::Content}};
  if (const auto *For = dyn_cast<ForStmt>(Loop))
    return {{For->getCond(), Role::None}, {For->getInit(), Role::None}};
  return {{conditionOf(Loop), Role::None}};
}

const RecordDecl *ownerOf(const FunctionDecl *F) {
  if (const auto *M = dyn_cast_or_null<CXXMethodDecl>(F))
    return M->getParent();
  return nullptr;
}

/// The parameters of Fn (bit ObjectBit: its object) and the captured
/// variables that S mentions.
void parametersIn(const Stmt *S, const FunctionDecl *Fn, std::uint64_t &Bits,
                  llvm::SmallVectorImpl<const ValueDecl *> &Captured) {
  if (!S || !Fn)
    return;
  VarSet Refs;
  bool UsesThis = false;
  collectRefs(S, Refs, &UsesThis);
  if (UsesThis)
    Bits |= std::uint64_t(1) << ObjectBit;
  for (const ValueDecl *D : Refs) {
    const auto *P = dyn_cast<ParmVarDecl>(D);
    if (P && P->getDeclContext() == Fn) {
      Bits |= std::uint64_t(1)
              << std::min<unsigned>(P->getFunctionScopeIndex(), ObjectBit - 1);
      continue;
    }
    const ValueDecl *Outer = D;
    if (!isa<BindingDecl>(D)) {
      const auto *V = dyn_cast<VarDecl>(D);
      if (!V || !V->isLocalVarDeclOrParm())
        continue;
    }
    // A variable of an enclosing function: a lambda helper's capture.
    const DeclContext *Home = Outer->getDeclContext();
    if (Home != Fn && Home->Encloses(Fn) &&
        !llvm::is_contained(Captured, Outer))
      Captured.push_back(Outer);
  }
}

/// The argument of Call that initialises parameter Index of Callee (or its
/// object for ObjectBit).
const Expr *argumentFor(const Expr *Call, const FunctionDecl *Callee,
                        unsigned Index) {
  Call = strip(Call);
  bool Method = isa<CXXMethodDecl>(Callee) &&
                !cast<CXXMethodDecl>(Callee)->isStatic();
  if (const auto *M = dyn_cast<CXXMemberCallExpr>(Call)) {
    if (Index == ObjectBit)
      return M->getImplicitObjectArgument();
    return Index < M->getNumArgs() ? M->getArg(Index) : nullptr;
  }
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(Call)) {
    if (Method) {
      if (Index == ObjectBit)
        return Op->getNumArgs() ? Op->getArg(0) : nullptr;
      return Index + 1 < Op->getNumArgs() ? Op->getArg(Index + 1) : nullptr;
    }
  }
  if (Index == ObjectBit)
    return nullptr;
  if (const auto *C = dyn_cast<CallExpr>(Call))
    return Index < C->getNumArgs() ? C->getArg(Index) : nullptr;
  if (const auto *C = dyn_cast<CXXConstructExpr>(Call))
    return Index < C->getNumArgs() ? C->getArg(Index) : nullptr;
  return nullptr;
}

/// Whether a call argument has a small compile-time size or value: a string
/// literal (also converted to a string or string_view), an integer
/// constant, a constant-size array or std::array, of at most Limit.
bool isSmallConstant(const Expr *Arg, std::uint64_t Limit,
                     const ASTContext &Ctx) {
  for (unsigned Depth = 0; Arg && Depth < 8; ++Depth) {
    Arg = Arg->IgnoreParenImpCasts();
    if (const auto *M = dyn_cast<MaterializeTemporaryExpr>(Arg))
      Arg = M->getSubExpr();
    else if (const auto *B = dyn_cast<CXXBindTemporaryExpr>(Arg))
      Arg = B->getSubExpr();
    else if (const auto *F = dyn_cast<CXXFunctionalCastExpr>(Arg))
      Arg = F->getSubExpr();
    else if (const auto *C = dyn_cast<CXXConstructExpr>(Arg);
             C && C->getNumArgs() > 0 && !C->isElidable() &&
             !C->getConstructor()->isCopyOrMoveConstructor())
      Arg = C->getArg(0);
    else
      break;
  }
  if (!Arg || Arg->isValueDependent() || Arg->isTypeDependent())
    return false;
  if (const auto *S = dyn_cast<StringLiteral>(Arg))
    return S->getLength() <= Limit;
  if (Arg->getType()->isIntegralOrEnumerationType()) {
    Expr::EvalResult R;
    if (Arg->EvaluateAsInt(R, Ctx)) {
      std::int64_t V = R.Val.getInt().getExtValue();
      return V >= 0 && std::uint64_t(V) <= Limit;
    }
    return false;
  }
  QualType T = Arg->getType().getNonReferenceType();
  if (const auto *Array = Ctx.getAsConstantArrayType(T))
    return Array->getSize().getZExtValue() <= Limit;
  if (const auto *Spec = dyn_cast_or_null<ClassTemplateSpecializationDecl>(
          T->getAsCXXRecordDecl()))
    if (qualifiedName(Spec) == "std::array" &&
        Spec->getTemplateArgs().size() == 2 &&
        Spec->getTemplateArgs()[1].getKind() == TemplateArgument::Integral)
      return Spec->getTemplateArgs()[1].getAsIntegral().getZExtValue() <= Limit;
  return false;
}

bool sameKey(const Contribution &A, const Contribution &B) {
  return A.Walks == B.Walks && A.WalksCaptured == B.WalksCaptured;
}

void merge(CostSet &Into, const Contribution &C) {
  if (C.Levels == 0)
    return;
  for (Contribution &Have : Into)
    if (sameKey(Have, C)) {
      if (C.Levels > Have.Levels)
        Have = C;
      return;
    }
  if (Into.size() < MaxAlternatives)
    Into.push_back(C);
}

void merge(CostSet &Into, const CostSet &From) {
  for (const Contribution &C : From)
    merge(Into, C);
}

/// One level (Own) around what its body costs (Inner): Own alone, and Own
/// on top of each of Inner's chains.
void liftInto(CostSet &Out, const Contribution &Own, const CostSet &Inner) {
  merge(Out, Own);
  for (const Contribution &C : Inner) {
    Contribution Lifted = Own;
    Lifted.Levels += C.Levels;
    Lifted.Hops = C.Hops;
    Lifted.Steps.insert(Lifted.Steps.end(), C.Steps.begin(), C.Steps.end());
    merge(Out, Lifted);
  }
}

const Contribution *best(const CostSet &Set) {
  const Contribution *Best = nullptr;
  for (const Contribution &C : Set)
    if (!Best || C.Levels > Best->Levels)
      Best = &C;
  return Best;
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
  CostSet iterations(const Stmt *Loop) {
    Frames.push_back(loopVariables(Loop));
    CostSet Out;
    for (const Stmt *Part : iterationParts(Loop))
      merge(Out, region(Part));
    Frames.pop_back();
    return Out;
  }
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
  CostSet Inner = iterations(Loop);
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
  if (EC.Range && isSmallConstant(EC.Range, A.Opts.SmallTripCount, Ctx))
    Counts = false;
  if (EC.Range && !A.CountElementWalks)
    for (const VarSet &Frame : Frames)
      if (contentRef(EC.Range, Frame, Role::Arg))
        Counts = false;
  CostSet Inner;
  if (EC.Callable && EC.Callable->getBody()) {
    VarSet Params;
    for (const ParmVarDecl *P : EC.Callable->parameters())
      Params.insert(P);
    addElementAliases(EC.Callable->getBody(), Params);
    Frames.push_back(Params);
    Inner = region(EC.Callable->getBody());
    Frames.pop_back();
  }
  if (!Counts)
    return Inner;
  CostSet Out;
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
  Callee->hasBody(Def);
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

bool LoopCostAnalysis::traversesRuntimeRange(const Stmt *Loop,
                                             const ASTContext &Ctx) const {
  if (isSmallLoop(Loop, Ctx))
    return false;
  // Draining a source: `while (auto item = next())`.
  if (const auto *While = dyn_cast<WhileStmt>(Loop))
    if (const VarDecl *V = While->getConditionVariable())
      if (V->getInit() && isa<CallExpr>(V->getInit()->IgnoreImplicit()))
        return true;
  if (!hasCountingShape(Loop))
    return false;
  if (isa<CXXForRangeStmt>(Loop))
    return true;
  // An iterator or pointer the loop steps, or a container's size.
  VarSet CondRefs;
  collectRefs(conditionOf(Loop), CondRefs);
  for (const ValueDecl *D : steps(Loop).Stepped)
    if (CondRefs.count(D) && !isArithmetic(D->getType()))
      return true;
  bool Sized = false;
  std::function<void(const Stmt *)> Visit = [&](const Stmt *S) {
    if (!S || Sized)
      return;
    if (const auto *M = dyn_cast<CXXMemberCallExpr>(S))
      if (const Expr *Obj = M->getImplicitObjectArgument()) {
        QualType T = Obj->getType();
        if (const auto *P = T->getAs<PointerType>())
          T = P->getPointeeType();
        if (isContainerLike(T->getAsCXXRecordDecl()))
          Sized = true;
      }
    for (const Stmt *Child : S->children())
      Visit(Child);
  };
  Visit(conditionOf(Loop));
  return Sized;
}

bool LoopCostAnalysis::isSmallLoop(const Stmt *Loop,
                                   const ASTContext &Ctx) const {
  if (tripBound(Loop, Ctx, Catalog).isSmall(Opts.SmallTripCount))
    return true;
  const Expr *Cond = strip(conditionOf(Loop));
  if (!Cond)
    return false;
  StepFinder Steps = steps(Loop);
  llvm::SmallVector<const Expr *, 4> Work{Cond};
  while (!Work.empty()) {
    const auto *B = dyn_cast<BinaryOperator>(strip(Work.pop_back_val()));
    if (!B)
      continue;
    if (B->getOpcode() == BO_LAnd) {
      Work.push_back(B->getLHS());
      Work.push_back(B->getRHS());
      continue;
    }
    BinaryOperatorKind Op = B->getOpcode();
    const Expr *Var = B->getLHS(), *Limit = B->getRHS();
    if (Op == BO_GT || Op == BO_GE) {
      std::swap(Var, Limit);
      Op = BinaryOperator::reverseComparisonOp(Op);
    }
    if (Op != BO_LT && Op != BO_LE)
      continue;
    const ValueDecl *D = namedVariable(Var);
    if (!D || !Steps.Incremented.count(D) || Steps.Decremented.count(D))
      continue;
    if (Limit->isValueDependent())
      continue;
    Expr::EvalResult R;
    if (Limit->EvaluateAsInt(R, Ctx)) {
      std::int64_t V = R.Val.getInt().getExtValue();
      if (V >= 0 && std::uint64_t(V) <= Opts.SmallTripCount)
        return true;
    }
    if (isConfiguredCount(limitSource(Limit), Ctx))
      return true;
  }
  return false;
}

bool LoopCostAnalysis::isConfiguredCount(const Expr *Limit,
                                         const ASTContext &Ctx) const {
  // `conf_.recv_buffer_cnt` with `uint16_t recv_buffer_cnt = 8;`: a knob of
  // a configuration struct whose default is small, not a data size.
  const auto *M = dyn_cast_or_null<MemberExpr>(strip(Limit));
  const auto *Field = M ? dyn_cast<FieldDecl>(M->getMemberDecl()) : nullptr;
  if (!Field || !Field->getType()->isIntegerType())
    return false;
  const Expr *Init = Field->getInClassInitializer();
  Expr::EvalResult R;
  if (!Init || Init->isValueDependent() || !Init->EvaluateAsInt(R, Ctx))
    return false;
  std::int64_t V = R.Val.getInt().getExtValue();
  return V > 0 && std::uint64_t(V) <= Opts.SmallTripCount;
}

bool LoopCostAnalysis::summary(const FunctionDecl *F, CostSet &Out,
                               bool &Final) {
  const FunctionDecl *Def = nullptr;
  if (!F || !F->hasBody(Def) || !isUserHelper(Def, Catalog, Ignored))
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
  CostSet Inner = W.iterations(Loop);
  if (const Contribution *B = best(Inner)) {
    Out.Levels += B->Levels;
    Out.Steps = B->Steps;
  }
  return Out;
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

llvm::SmallVector<const Stmt *, 4> loopIterationParts(const Stmt *Loop) {
  llvm::SmallVector<const Stmt *, 4> Parts;
  for (const Stmt *Part : iterationParts(Loop))
    if (Part)
      Parts.push_back(Part);
  return Parts;
}

} // namespace corolint
