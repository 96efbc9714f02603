#include "support/ValueOf.h"
#include "support/QualifiedName.h"

#include "clang/AST/Expr.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"

using namespace clang;

namespace corolint {

namespace {

/// Whether Call is std::move or std::forward of one argument.
bool isMoveCall(const CallExpr *Call) {
  if (Call->getNumArgs() != 1)
    return false;
  std::string Name = calleeName(Call);
  return Name == "std::move" || Name == "std::forward";
}

class NamesAny : public RecursiveASTVisitor<NamesAny> {
public:
  explicit NamesAny(llvm::function_ref<bool(const ValueDecl *)> Listed)
      : Listed(Listed) {}
  bool VisitDeclRefExpr(DeclRefExpr *E) {
    Found = Found || Listed(E->getDecl());
    return !Found;
  }
  bool VisitMemberExpr(MemberExpr *E) {
    Found = Found || Listed(E->getMemberDecl());
    return !Found;
  }
  bool Found = false;

private:
  llvm::function_ref<bool(const ValueDecl *)> Listed;
};

} // namespace

bool namesAny(const Stmt *S,
              llvm::function_ref<bool(const ValueDecl *)> Listed) {
  NamesAny Finder(Listed);
  Finder.TraverseStmt(const_cast<Stmt *>(S));
  return Finder.Found;
}

const Expr *ignoreValuePreserving(const Expr *E, Through Also) {
  while (E) {
    const Expr *Next = E->IgnoreParens();
    if (const auto *Full = dyn_cast<FullExpr>(Next))
      Next = Full->getSubExpr();
    else if (const auto *Cast = dyn_cast<ImplicitCastExpr>(Next))
      Next = Cast->getSubExpr();
    else if (const auto *Temp = dyn_cast<MaterializeTemporaryExpr>(Next))
      Next = Temp->getSubExpr();
    else if (const auto *Bind = dyn_cast<CXXBindTemporaryExpr>(Next))
      Next = Bind->getSubExpr();
    else if (const auto *Construct = dyn_cast<CXXConstructExpr>(Next)) {
      const CXXConstructorDecl *Ctor = Construct->getConstructor();
      if (Construct->getNumArgs() >= 1 && Ctor &&
          (Also.Conversions || Ctor->isCopyOrMoveConstructor()) &&
          (Construct->getNumArgs() == 1 ||
           isa<CXXDefaultArgExpr>(Construct->getArg(1))))
        Next = Construct->getArg(0);
    } else if (const auto *Call = dyn_cast<CallExpr>(Next)) {
      if (Also.Moves && isMoveCall(Call))
        Next = Call->getArg(0);
    }
    if (Next == E)
      return E;
    E = Next;
  }
  return E;
}

const ValueDecl *namedDecl(const Expr *E, Members Which) {
  E = E ? E->IgnoreParenImpCasts() : nullptr;
  if (const auto *Ref = dyn_cast_or_null<DeclRefExpr>(E))
    return Ref->getDecl();
  if (const auto *M = dyn_cast_or_null<MemberExpr>(E))
    if (Which == Members::Any ||
        (Which == Members::OfThis &&
         isa<CXXThisExpr>(M->getBase()->IgnoreParenImpCasts())))
      return M->getMemberDecl();
  return nullptr;
}

const LambdaExpr *heldLambda(const Expr *E) {
  if (!E)
    return nullptr;
  E = E->IgnoreImplicit()->IgnoreParens();
  if (const auto *Ref = dyn_cast<DeclRefExpr>(E))
    if (const auto *V = dyn_cast<VarDecl>(Ref->getDecl()))
      if (V->getInit())
        E = V->getInit()->IgnoreImplicit()->IgnoreParens();
  if (const auto *Construct = dyn_cast<CXXConstructExpr>(E))
    if (Construct->getNumArgs() == 1)
      E = Construct->getArg(0)->IgnoreImplicit()->IgnoreParens();
  return dyn_cast<LambdaExpr>(E);
}

} // namespace corolint
