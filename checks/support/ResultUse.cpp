#include "support/ResultUse.h"
#include "support/AnalysisStore.h"
#include "support/CoroutineContext.h"
#include "support/EvaluatedCodeVisitor.h"
#include "support/StmtParts.h"
#include "support/ValueOf.h"

#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Analysis/CFG.h"
#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/ADT/SmallVector.h"

using namespace clang;

namespace corolint {

namespace {

class ParentCollector : public EvaluatedCodeVisitor<ParentCollector> {
public:
  explicit ParentCollector(
      llvm::DenseMap<const Stmt *, const Stmt *> &Parents)
      : Parents(Parents) {}

  bool VisitStmt(Stmt *S) {
    // Of a co_await/co_yield only the operand is code the user wrote; the
    // awaiter calls built around it repeat it.
    if (const auto *Suspend = dyn_cast<CoroutineSuspendExpr>(S)) {
      if (const Expr *Operand = Suspend->getOperand())
        Parents.try_emplace(Operand, S);
      return true;
    }
    if (const auto *Await = dyn_cast<DependentCoawaitExpr>(S)) {
      if (const Expr *Operand = Await->getOperand())
        Parents.try_emplace(Operand, S);
      return true;
    }
    for (const Stmt *Child : S->children())
      if (Child)
        Parents.try_emplace(Child, S);
    return true;
  }

private:
  llvm::DenseMap<const Stmt *, const Stmt *> &Parents;
};

bool isSameValueWrapper(const Stmt *S) {
  return isa<ParenExpr, ImplicitCastExpr, MaterializeTemporaryExpr,
             CXXBindTemporaryExpr, ExprWithCleanups, ConstantExpr>(S);
}

/// The variable E names, looking through parentheses and implicit casts.
const VarDecl *namedVar(const Expr *E) {
  return dyn_cast_or_null<VarDecl>(namedDecl(E, Members::None));
}

/// Whether D is one of V's bindings (V a structured binding declaration).
bool isBindingOf(const ValueDecl *D, const VarDecl *V) {
  if (const auto *Decomp = dyn_cast<DecompositionDecl>(V))
    for (const BindingDecl *B : Decomp->bindings())
      if (D == B)
        return true;
  return false;
}

/// Whether Ref names V, or one of V's bindings when V is a structured
/// binding declaration.
bool refersTo(const DeclRefExpr *Ref, const VarDecl *V) {
  const ValueDecl *D = Ref->getDecl();
  if (D == V)
    return !isa<DecompositionDecl>(V); // only the bindings are user reads
  return isBindingOf(D, V);
}

bool isLocalVariable(const VarDecl *V) {
  return V && V->hasLocalStorage() && !V->isImplicit();
}

} // namespace

BodyParents::BodyParents(const Stmt *Body) {
  ParentCollector(Parents).TraverseStmt(const_cast<Stmt *>(Body));
}

const Expr *outermostSameValue(const Expr *E, const BodyParents &P) {
  const Stmt *Cur = E;
  while (const Stmt *Par = P.parent(Cur)) {
    if (!isSameValueWrapper(Par))
      break;
    Cur = Par;
  }
  return cast<Expr>(Cur);
}

ResultUse resultUse(const Expr *E, const BodyParents &P) {
  ResultUse Use;
  const Expr *Cur = E;
  for (;;) {
    Cur = outermostSameValue(Cur, P);
    const Stmt *Par = P.parent(Cur);
    if (!Par)
      return Use; // not evaluated code we know: assume used
    if (const auto *Cond = dyn_cast<ConditionalOperator>(Par)) {
      if (Cond->getTrueExpr() == Cur || Cond->getFalseExpr() == Cur) {
        Cur = Cond;
        continue;
      }
      return Use;
    }
    if (const auto *Op = dyn_cast<BinaryOperator>(Par)) {
      if (Op->getOpcode() == BO_Comma) {
        if (Op->getRHS() == Cur) {
          Cur = Op;
          continue;
        }
        Use.Kind = ResultUseKind::Discarded;
        return Use;
      }
      if (Op->getOpcode() == BO_Assign && Op->getRHS() == Cur) {
        const VarDecl *V = namedVar(Op->getLHS());
        if (isLocalVariable(V) && !V->getType()->isReferenceType()) {
          Use.Kind = ResultUseKind::Stored;
          Use.Var = V;
          Use.Store = Op;
        }
      }
      return Use;
    }
    if (const auto *Cast = dyn_cast<ExplicitCastExpr>(Par)) {
      if (Cast->getType()->isVoidType())
        Use.Kind = ResultUseKind::CastToVoid;
      return Use;
    }
    if (const auto *DS = dyn_cast<DeclStmt>(Par)) {
      for (const Decl *D : DS->decls()) {
        const auto *V = dyn_cast<VarDecl>(D);
        if (V && V->getInit() == Cur && isLocalVariable(V) &&
            !V->isStaticLocal()) {
          Use.Kind = ResultUseKind::Stored;
          Use.Var = V;
          Use.Store = DS;
        }
      }
      return Use;
    }
    if (isa<Expr>(Par))
      return Use;
    // A statement: the value is used only as a condition or a returned
    // value; as a statement of its own (a block's, a branch's, a loop's
    // body, a for-init or -increment) it is discarded.
    const Expr *Condition = conditionOf(Par);
    if (!Condition &&
        !isa<IfStmt, WhileStmt, DoStmt, ForStmt, SwitchStmt, CompoundStmt,
             LabelStmt, AttributedStmt, CaseStmt, DefaultStmt,
             CXXForRangeStmt>(Par))
      return Use; // return, co_return, anything else
    if (Condition && Condition == Cur)
      return Use;
    if (const auto *Range = dyn_cast<CXXForRangeStmt>(Par))
      if (Range->getBody() != Cur)
        return Use;
    Use.Kind = ResultUseKind::Discarded;
    return Use;
  }
}

namespace {

/// Finds what makes a local variable readable outside the statements that
/// name it: its address, a reference bound to it, a by-reference capture.
class EscapeFinder : public RecursiveASTVisitor<EscapeFinder> {
public:
  explicit EscapeFinder(const VarDecl *V) : V(V) {}

  bool VisitUnaryOperator(UnaryOperator *Op) {
    if (Op->getOpcode() == UO_AddrOf)
      check(Op->getSubExpr());
    return !Escapes;
  }
  bool VisitVarDecl(VarDecl *D) {
    if (D != V && D->getType()->isReferenceType() && D->getInit())
      check(D->getInit());
    return !Escapes;
  }
  bool VisitLambdaExpr(LambdaExpr *L) {
    for (const LambdaCapture &C : L->captures())
      if (C.capturesVariable() && C.getCaptureKind() == LCK_ByRef &&
          captures(C.getCapturedVar()))
        Escapes = true;
    return !Escapes;
  }
  bool shouldVisitTemplateInstantiations() const { return false; }

  bool Escapes = false;

private:
  bool captures(const ValueDecl *D) const {
    return D == V || isBindingOf(D, V);
  }
  void check(const Expr *E) {
    if (const auto *Ref = dyn_cast<DeclRefExpr>(E->IgnoreParenImpCasts()))
      if (captures(Ref->getDecl()))
        Escapes = true;
  }

  const VarDecl *V;
};

} // namespace

/// Whether a catch handler in Body names V (or its bindings). The CFG has no
/// edges from the statements that throw to the handlers.
static bool readInCatchHandler(const VarDecl *V, const Stmt *Body) {
  struct Finder : RecursiveASTVisitor<Finder> {
    const VarDecl *V;
    bool Found = false;
    bool VisitCXXCatchStmt(CXXCatchStmt *Catch) {
      struct Refs : RecursiveASTVisitor<Refs> {
        const VarDecl *V;
        bool Found = false;
        bool VisitDeclRefExpr(DeclRefExpr *Ref) {
          Found |= refersTo(Ref, V);
          return !Found;
        }
      } R;
      R.V = V;
      R.TraverseStmt(Catch->getHandlerBlock());
      Found |= R.Found;
      return !Found;
    }
  } F;
  F.V = V;
  F.TraverseStmt(const_cast<Stmt *>(Body));
  return F.Found;
}

bool isTrackableLocal(const VarDecl *V, const Stmt *Body) {
  if (!isLocalVariable(V) || V->isStaticLocal())
    return false;
  if (V->getType()->isReferenceType() && !isa<DecompositionDecl>(V)) {
    // Only a reference bound to a temporary owns what it refers to.
    const Expr *Init = V->getInit();
    if (const auto *Cleanups = dyn_cast_or_null<ExprWithCleanups>(Init))
      Init = Cleanups->getSubExpr();
    if (!Init || !isa<MaterializeTemporaryExpr>(Init->IgnoreImpCasts()))
      return false;
  }
  EscapeFinder Finder(V);
  Finder.TraverseStmt(const_cast<Stmt *>(Body));
  return !Finder.Escapes;
}

LocalReads::LocalReads(const Decl &F, const Stmt *Body, ASTContext &Ctx)
    : F(F), Body(Body), Ctx(Ctx) {}

LocalReads::~LocalReads() = default;

bool LocalReads::readAfter(const VarDecl *V, const Stmt *Point,
                           llvm::ArrayRef<const Expr *> NotReads) {
  if (!isTrackableLocal(V, Body) || readInCatchHandler(V, Body))
    return true;
  if (!Built) {
    Built = true;
    // The body's one CFG, shared with the other analyses of the function.
    if (const auto *FD = dyn_cast<FunctionDecl>(&F))
      Shared = AnalysisStore::of(Ctx).body(*FD, Body).cfg();
    else {
      CFG::BuildOptions Options;
      Options.setAllAlwaysAdd();
      Graph = CFG::buildCFG(&F, const_cast<Stmt *>(Body), &Ctx, Options);
      Shared = Graph.get();
    }
  }
  if (!Shared)
    return true;
  const CFG *Graph = Shared;

  llvm::SmallPtrSet<const Stmt *, 8> Ignored;
  for (const Expr *E : NotReads)
    Ignored.insert(E->IgnoreParenImpCasts());

  // Where V is stored. A DeclStmt declaring several variables appears in
  // the CFG as one synthesized DeclStmt per variable.
  auto IsPoint = [&](const Stmt *S) {
    if (S == Point)
      return true;
    if (const auto *DS = dyn_cast<DeclStmt>(S))
      return isa<DeclStmt>(Point) && DS->isSingleDecl() &&
             DS->getSingleDecl() == V;
    return false;
  };
  auto Overwrites = [&](const Stmt *S) {
    if (const auto *Op = dyn_cast<BinaryOperator>(S))
      return Op->getOpcode() == BO_Assign && namedVar(Op->getLHS()) == V &&
             !isa<DecompositionDecl>(V);
    if (const auto *DS = dyn_cast<DeclStmt>(S))
      return DS->isSingleDecl() && DS->getSingleDecl() == V;
    return false;
  };
  // References that are the target of a plain assignment are writes.
  llvm::SmallPtrSet<const Stmt *, 8> AssignedRefs;
  for (const CFGBlock *B : *Graph)
    for (const CFGElement &E : *B)
      if (auto S = E.getAs<CFGStmt>())
        if (const auto *Op = dyn_cast<BinaryOperator>(S->getStmt()))
          if (Op->getOpcode() == BO_Assign && namedVar(Op->getLHS()) == V)
            AssignedRefs.insert(Op->getLHS()->IgnoreParenImpCasts());

  // Returns 1 on a read, 0 when the path ends (overwritten), -1 at the end
  // of the block.
  auto Scan = [&](const CFGBlock *B, unsigned From) -> int {
    for (unsigned I = From, N = B->size(); I < N; ++I) {
      auto S = (*B)[I].getAs<CFGStmt>();
      if (!S)
        continue;
      const Stmt *St = S->getStmt();
      if (IsPoint(St) || Overwrites(St))
        return 0;
      if (const auto *Ref = dyn_cast<DeclRefExpr>(St))
        if (refersTo(Ref, V) && !Ignored.count(Ref) && !AssignedRefs.count(Ref))
          return 1;
    }
    return -1;
  };

  const CFGBlock *StartBlock = nullptr;
  unsigned StartIndex = 0;
  for (const CFGBlock *B : *Graph) {
    for (unsigned I = 0, N = B->size(); I < N && !StartBlock; ++I)
      if (auto S = (*B)[I].getAs<CFGStmt>())
        if (IsPoint(S->getStmt())) {
          StartBlock = B;
          StartIndex = I;
        }
    if (StartBlock)
      break;
  }
  if (!StartBlock)
    return true;

  llvm::SmallVector<const CFGBlock *, 16> Work;
  llvm::SmallPtrSet<const CFGBlock *, 16> Seen;
  auto Continue = [&](const CFGBlock *B) {
    for (const CFGBlock *Succ : B->succs())
      if (Succ && Seen.insert(Succ).second)
        Work.push_back(Succ);
  };
  int R = Scan(StartBlock, StartIndex + 1);
  if (R == 1)
    return true;
  if (R == -1)
    Continue(StartBlock);
  while (!Work.empty()) {
    const CFGBlock *B = Work.pop_back_val();
    R = Scan(B, 0);
    if (R == 1)
      return true;
    if (R == -1)
      Continue(B);
  }
  return false;
}

} // namespace corolint
