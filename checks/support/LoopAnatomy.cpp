// The anatomy of a loop statement for LoopCostAnalysis: its parts, the
// variables it steps and walks, whether it counts, and whether its bound
// is small (moved from LoopCost.cpp).
#include "support/ConfiguredCollections.h"
#include "support/LoopAnatomy.h"
#include "support/LoopBounds.h"
#include "support/LoopCost.h"
#include "support/MachineBounds.h"
#include "support/QualifiedName.h"
#include "support/ValueOf.h"

#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"
#include <functional>

using namespace clang;

namespace corolint {
namespace loop_anatomy {

const Expr *strip(const Expr *E) {
  return E ? E->IgnoreParenImpCasts() : nullptr;
}

/// The variable or `this` member E names, if it is just that.
const ValueDecl *namedVariable(const Expr *E) {
  return namedDecl(E, Members::OfThis);
}

/// Variables and `this` members S reads or writes (not in nested lambdas).
void collectRefs(const Stmt *S, VarSet &Out, bool *UsesThis) {
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

Exit exitOf(const Stmt *S) {
  for (unsigned Depth = 0; S && Depth < 16; ++Depth) {
    if (const auto *Block = dyn_cast<CompoundStmt>(S)) {
      S = Block->body_empty() ? nullptr : Block->body_back();
      continue;
    }
    if (const auto *Attributed = dyn_cast<AttributedStmt>(S)) {
      S = Attributed->getSubStmt();
      continue;
    }
    if (isa<BreakStmt>(S))
      return Exit::Break;
    if (isa<ReturnStmt>(S) || isa<CoreturnStmt>(S))
      return Exit::Return;
    const auto *E = dyn_cast<Expr>(S);
    if (!E)
      return Exit::None;
    E = E->IgnoreImplicit()->IgnoreParens();
    if (isa<CXXThrowExpr>(E))
      return Exit::Throw;
    if (const auto *Call = dyn_cast<CallExpr>(E))
      if (const FunctionDecl *F = Call->getDirectCallee(); F && F->isNoReturn())
        return Exit::Process;
    return Exit::None;
  }
  return Exit::None;
}

} // namespace loop_anatomy

using namespace loop_anatomy;

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
  // Sized by the program's configuration, not by its data.
  if (loopsOverConfiguredCollection(Loop, Ctx, &Catalog))
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

llvm::SmallVector<const Stmt *, 4> loopIterationParts(const Stmt *Loop) {
  llvm::SmallVector<const Stmt *, 4> Parts;
  for (const Stmt *Part : iterationParts(Loop))
    if (Part)
      Parts.push_back(Part);
  return Parts;
}

} // namespace corolint
