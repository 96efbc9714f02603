#include "support/CostSets.h"
#include "support/CoroutineModel.h"
#include "support/LoopAnatomy.h"

#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "llvm/ADT/STLExtras.h"

using namespace clang;

namespace corolint::cost_sets {
using namespace loop_anatomy;

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

namespace {
bool sameKey(const Contribution &A, const Contribution &B) {
  return A.Walks == B.Walks && A.WalksCaptured == B.WalksCaptured;
}
} // namespace

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

} // namespace corolint::cost_sets
