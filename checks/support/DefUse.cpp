// The object half of the def-use analysis: which object an expression
// designates (objectOf), which locals may share storage (alias merging) and
// whether two objects may overlap (mayAlias). What statements do to objects
// is in DefUseEffects.cpp.
#include "support/DefUse.h"
#include "support/AnalysisStore.h"
#include "support/DefUseTypes.h"
#include "support/EvaluatedCodeVisitor.h"
#include "support/QualifiedName.h"

#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/StringRef.h"

using namespace clang;

namespace corolint {

using namespace defuse;

namespace {

/// Variables and members of *this an expression names, for alias merging.
class RootCollector : public EvaluatedCodeVisitor<RootCollector> {
public:
  bool VisitDeclRefExpr(DeclRefExpr *E) {
    if (const auto *B = dyn_cast<BindingDecl>(E->getDecl())) {
      if (const ValueDecl *D = B->getDecomposedDecl())
        Roots.push_back(D);
    } else if (isa<VarDecl>(E->getDecl())) {
      Roots.push_back(E->getDecl());
    }
    return true;
  }
  bool VisitMemberExpr(MemberExpr *E) {
    if (isa<CXXThisExpr>(E->getBase()->IgnoreParenImpCasts()) &&
        isa<FieldDecl>(E->getMemberDecl()))
      Roots.push_back(E->getMemberDecl());
    return true;
  }
  bool VisitCXXThisExpr(CXXThisExpr *E) {
    HasThis = true;
    return true;
  }
  std::vector<const Decl *> Roots;
  bool HasThis = false;
};

} // namespace

namespace {
/// The pure-helper summaries of a translation unit under one catalog.
struct PureHelpers {
  static const char *storeKind() { return "pure-helpers"; }
  std::shared_ptr<DefUse::HelperCache> Cache =
      std::make_shared<DefUse::HelperCache>();
};
} // namespace

static std::shared_ptr<DefUse::HelperCache>
sharedHelperCache(const ASTContext &Ctx, const RuleCatalog &Catalog) {
  return AnalysisStore::of(Ctx)
      .summaries<PureHelpers>(summaryKey(Catalog, {}),
                              [] { return std::make_unique<PureHelpers>(); })
      .Cache;
}

DefUse::DefUse(const FunctionDecl &F, const Stmt *Body, const ASTContext &Ctx,
               const RuleCatalog &Catalog)
    : DefUse(F, Body, Ctx, Catalog, 0, sharedHelperCache(Ctx, Catalog)) {}

DefUse::DefUse(const FunctionDecl &F, const Stmt *Body, const ASTContext &Ctx,
               const RuleCatalog &Catalog, unsigned Depth,
               std::shared_ptr<HelperCache> Helpers)
    : F(F), Ctx(Ctx), Catalog(Catalog), Depth(Depth),
      Helpers(std::move(Helpers)) {
  mergeAliases(Body);
}

const Decl *DefUse::key(const ObjectRef &O) {
  return O.D; // null for This
}

const Decl *DefUse::find(const Decl *D) const {
  if (!D)
    return nullptr;
  auto It = Parent.find(D);
  if (It == Parent.end() || It->second == D)
    return D;
  const Decl *Root = find(It->second);
  Parent[D] = Root;
  return Root;
}

void DefUse::merge(const Decl *A, const Decl *B) {
  A = find(A);
  B = find(B);
  if (A && B && A != B)
    Parent[A] = B;
}

const Decl *DefUse::representative(const ObjectRef &O) const {
  return find(key(O));
}

namespace {

/// Finds the places where a local of aliasing type gets its referent.
class AliasSites : public EvaluatedCodeVisitor<AliasSites> {
public:
  explicit AliasSites(const RuleCatalog &Catalog) : Catalog(Catalog) {}
  const RuleCatalog &Catalog;
  std::vector<std::pair<const Decl *, const Expr *>> Sites;
  bool VisitVarDecl(VarDecl *V) {
    if (V->hasLocalStorage() && V->getInit() && isAliasingType(V->getType(), Catalog))
      Sites.push_back({V, V->getInit()});
    return true;
  }
  bool VisitCXXForRangeStmt(CXXForRangeStmt *S) {
    const VarDecl *V = S->getLoopVariable();
    if (V && isAliasingType(V->getType(), Catalog) && S->getRangeInit())
      Sites.push_back({V, S->getRangeInit()});
    return true;
  }
  bool VisitBinaryOperator(BinaryOperator *B) {
    if (B->getOpcode() == BO_Assign)
      if (const auto *Ref =
              dyn_cast<DeclRefExpr>(B->getLHS()->IgnoreParenImpCasts()))
        if (const auto *V = dyn_cast<VarDecl>(Ref->getDecl()))
          if (V->hasLocalStorage() && isAliasingType(V->getType(), Catalog))
            Sites.push_back({V, B->getRHS()});
    return true;
  }
  bool VisitCXXOperatorCallExpr(CXXOperatorCallExpr *C) {
    if (C->getOperator() == OO_Equal && C->getNumArgs() == 2)
      if (const auto *Ref =
              dyn_cast<DeclRefExpr>(C->getArg(0)->IgnoreParenImpCasts()))
        if (const auto *V = dyn_cast<VarDecl>(Ref->getDecl()))
          if (V->hasLocalStorage() && isAliasingType(V->getType(), Catalog))
            Sites.push_back({V, C->getArg(1)});
    return true;
  }
};

} // namespace

void DefUse::mergeAliases(const Stmt *Body) {
  if (!Body)
    return;
  AliasSites Sites(Catalog);
  Sites.TraverseStmt(const_cast<Stmt *>(Body));
  for (const auto &[V, Init] : Sites.Sites) {
    // `auto &r = a.b[i]`, `T *p = &x`: what is bound is the path's object.
    // `auto p = std::move(q.front())`: the handle moved from is the path's.
    const Expr *Bound = ignoreValuePreserving(Init, {/*Moves=*/true});
    if (const auto *U = dyn_cast<UnaryOperator>(Bound))
      if (U->getOpcode() == UO_AddrOf)
        Bound = U->getSubExpr();
    if (cast<ValueDecl>(V)->getType()->isReferenceType() ||
        cast<ValueDecl>(V)->getType()->isPointerType() || Bound != Init) {
      if (auto O = objectOf(Bound)) {
        if (O->K == ObjectRef::This)
          ThisAliases.insert(V);
        else if (O->D != V)
          merge(V, O->D);
        continue;
      }
    }
    RootCollector Roots;
    Roots.TraverseStmt(const_cast<Expr *>(Init));
    if (Roots.HasThis)
      ThisAliases.insert(V);
    for (const Decl *R : Roots.Roots)
      if (R != V)
        merge(V, R);
  }
}

std::optional<ObjectRef> DefUse::objectOf(const Expr *E) const {
  if (!E)
    return std::nullopt;
  E = E->IgnoreParens();
  if (const auto *Cast = dyn_cast<CastExpr>(E)) {
    switch (Cast->getCastKind()) {
    case CK_LValueToRValue:
    case CK_NoOp:
    case CK_DerivedToBase:
    case CK_UncheckedDerivedToBase:
    case CK_BaseToDerived:
    case CK_ArrayToPointerDecay:
    case CK_LValueBitCast:
    case CK_ToUnion:
      return objectOf(Cast->getSubExpr());
    default:
      return std::nullopt;
    }
  }
  if (const auto *Ref = dyn_cast<DeclRefExpr>(E)) {
    const ValueDecl *D = Ref->getDecl();
    if (const auto *B = dyn_cast<BindingDecl>(D)) {
      D = B->getDecomposedDecl();
      if (!D)
        return std::nullopt;
    }
    const auto *V = dyn_cast<VarDecl>(D);
    if (!V)
      return std::nullopt;
    ObjectRef O;
    if (ThisAliases.count(V)) { // `auto &self = *this`
      O.K = ObjectRef::This;
      O.Type = plainType(V->getType());
      if (O.Type->isPointerType())
        O.Type = pointeeOf(O.Type);
      return O;
    }
    O.D = V;
    O.Type = plainType(V->getType());
    if (V->getType()->isReferenceType())
      O.Indirect = true;
    return O;
  }
  if (const auto *This = dyn_cast<CXXThisExpr>(E)) {
    ObjectRef O;
    O.K = ObjectRef::This;
    O.Type = plainType(This->getType()->getPointeeType());
    return O; // the pointer `this`; what it points to is *this
  }
  if (const auto *ME = dyn_cast<MemberExpr>(E)) {
    const Expr *Base = ME->getBase()->IgnoreParenImpCasts();
    const ValueDecl *Member = ME->getMemberDecl();
    if (const auto *V = dyn_cast<VarDecl>(Member)) { // static data member
      ObjectRef O;
      O.D = V;
      O.Type = plainType(V->getType());
      return O;
    }
    if (!isa<FieldDecl>(Member))
      return std::nullopt;
    if (isa<CXXThisExpr>(Base)) {
      ObjectRef O;
      O.K = ObjectRef::Field;
      O.D = Member;
      O.Type = plainType(Member->getType());
      if (Member->getType()->isReferenceType())
        O.Indirect = true;
      return O;
    }
    auto O = objectOf(Base);
    if (!O)
      return std::nullopt;
    if (ME->isArrow()) {
      if (O->K == ObjectRef::This) // (*this)-> cannot happen; `this->` above
        return O;
      O->Indirect = true;
      O->Type = pointeeOf(Base->getType());
    }
    if (Member->getType()->isReferenceType()) {
      O->Indirect = true;
      O->Type = plainType(Member->getType());
    }
    return O;
  }
  if (const auto *Sub = dyn_cast<ArraySubscriptExpr>(E)) {
    const Expr *Base = Sub->getBase()->IgnoreParens();
    auto O = objectOf(Base);
    if (!O)
      return std::nullopt;
    const Expr *Plain = Base->IgnoreParenImpCasts();
    if (Plain->getType()->isPointerType()) { // not a decayed array
      O->Indirect = true;
      O->Type = pointeeOf(Plain->getType());
    }
    return O;
  }
  if (const auto *U = dyn_cast<UnaryOperator>(E)) {
    if (U->getOpcode() != UO_Deref)
      return std::nullopt;
    const Expr *Sub = U->getSubExpr()->IgnoreParenImpCasts();
    auto O = objectOf(Sub);
    if (!O)
      return std::nullopt;
    if (O->K == ObjectRef::This)
      return O;
    if (!Sub->getType()->isPointerType()) // *array
      return O;
    O->Indirect = true;
    O->Type = pointeeOf(Sub->getType());
    return O;
  }
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(E)) {
    if (Op->getNumArgs() == 0)
      return std::nullopt;
    OverloadedOperatorKind K = Op->getOperator();
    auto O = objectOf(Op->getArg(0));
    if (!O)
      return std::nullopt;
    if (K == OO_Subscript)
      return O;
    if ((K == OO_Arrow || K == OO_Star) && Op->getNumArgs() == 1) {
      O->Indirect = true;
      QualType R = Op->getType();
      if (K == OO_Arrow)
        R = pointeeOf(R);
      O->Type = plainType(R);
      return O;
    }
    return std::nullopt;
  }
  if (const auto *Call = dyn_cast<CXXMemberCallExpr>(E)) {
    // Element access (the catalogs' `accessors` marked `element`): part of
    // the container; through a pointer-like class's accessor that returns
    // a pointer (`get()`), what it points to.
    const CXXMethodDecl *MD = Call->getMethodDecl();
    const RuleEntry *Accessor = accessorEntry(MD, Catalog);
    if (!Accessor || Accessor->attribute("element") != "true")
      return std::nullopt;
    auto O = objectOf(Call->getImplicitObjectArgument());
    if (O && Call->getType()->isPointerType() &&
        isPointerLikeClass(Call->getImplicitObjectArgument()->getType(), Catalog)) {
      O->Indirect = true;
      O->Type = pointeeOf(Call->getType());
    }
    return O;
  }
  return std::nullopt;
}

bool DefUse::isLocal(const ObjectRef &O) const {
  if (O.K != ObjectRef::Variable || O.Indirect || !O.D)
    return false;
  const auto *V = dyn_cast<VarDecl>(O.D);
  if (!V || !V->hasLocalStorage() || V->getType()->isReferenceType())
    return false;
  // A variable of an enclosing function, captured by a lambda, is shared.
  const DeclContext *DC = V->getDeclContext();
  while (DC && !isa<FunctionDecl>(DC))
    DC = DC->getParent();
  return DC == &F;
}

bool DefUse::mayAlias(const ObjectRef &A, const ObjectRef &B) const {
  const bool AThis = A.K == ObjectRef::This, BThis = B.K == ObjectRef::This;
  if (AThis || BThis) {
    const ObjectRef &Other = AThis ? B : A;
    if (Other.K != ObjectRef::Variable)
      return true; // this vs this or a member of this
    if (!Other.Indirect)
      return false;
    QualType ThisType = AThis ? A.Type : B.Type;
    return ThisType.isNull() || typesCompatible(ThisType, Other.Type);
  }
  if (representative(A) == representative(B))
    return true;
  if (A.Indirect || B.Indirect) {
    const ObjectRef &Other = A.Indirect ? B : A;
    if (!Other.Indirect && isLocal(Other))
      return false; // nothing outside can point to a local it never saw
    return typesCompatible(A.Type, B.Type);
  }
  return false;
}

} // namespace corolint
