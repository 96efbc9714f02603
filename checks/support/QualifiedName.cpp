#include "support/QualifiedName.h"

#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/Expr.h"
#include "clang/AST/ExprCXX.h"
#include "llvm/ADT/SmallVector.h"

using namespace clang;

namespace corolint {

static std::string ownName(const NamedDecl *D) {
  if (const auto *Ctor = dyn_cast<CXXConstructorDecl>(D))
    return Ctor->getParent()->getNameAsString();
  if (const auto *Dtor = dyn_cast<CXXDestructorDecl>(D))
    return "~" + Dtor->getParent()->getNameAsString();
  return D->getDeclName().getAsString();
}

std::string qualifiedName(const NamedDecl *D) {
  if (!D)
    return {};
  llvm::SmallVector<std::string, 6> Parts{ownName(D)};
  for (const DeclContext *C = D->getDeclContext(); C; C = C->getParent()) {
    if (const auto *NS = dyn_cast<NamespaceDecl>(C)) {
      if (NS->isAnonymousNamespace() || NS->isInline())
        continue;
      Parts.push_back(NS->getNameAsString());
    } else if (const auto *R = dyn_cast<RecordDecl>(C)) {
      if (R->getIdentifier())
        Parts.push_back(R->getNameAsString());
    } else if (const auto *F = dyn_cast<FunctionDecl>(C)) {
      Parts.push_back(ownName(F));
    } else if (const auto *E = dyn_cast<EnumDecl>(C)) {
      if (E->isScoped())
        Parts.push_back(E->getNameAsString());
    }
  }
  std::string Name;
  for (auto It = Parts.rbegin(); It != Parts.rend(); ++It)
    Name += (Name.empty() ? "" : "::") + *It;
  return Name;
}

const FunctionDecl *calleeOf(const Expr *E) {
  if (!E)
    return nullptr;
  E = E->IgnoreParenImpCasts();
  if (const auto *Call = dyn_cast<CallExpr>(E))
    return Call->getDirectCallee();
  if (const auto *Construct = dyn_cast<CXXConstructExpr>(E))
    return Construct->getConstructor();
  if (const auto *New = dyn_cast<CXXNewExpr>(E))
    if (const CXXConstructExpr *Init = New->getConstructExpr())
      return Init->getConstructor();
  return nullptr;
}

std::string calleeName(const Expr *E) {
  if (const FunctionDecl *F = calleeOf(E))
    return qualifiedName(F);
  const auto *Call = dyn_cast_or_null<CallExpr>(E ? E->IgnoreParenImpCasts()
                                                  : nullptr);
  if (!Call)
    return {};
  const auto *Lookup =
      dyn_cast<UnresolvedLookupExpr>(Call->getCallee()->IgnoreParenImpCasts());
  if (!Lookup || Lookup->decls_begin() == Lookup->decls_end())
    return {};
  std::string Common;
  for (const NamedDecl *Candidate : Lookup->decls()) {
    std::string Name = qualifiedName(Candidate->getUnderlyingDecl());
    if (!Common.empty() && Name != Common)
      return {};
    Common = std::move(Name);
  }
  return Common;
}

std::string calledObjectName(const Expr *Call) {
  const auto *Op = dyn_cast_or_null<CXXOperatorCallExpr>(
      Call ? Call->IgnoreParenImpCasts() : nullptr);
  if (!Op || Op->getOperator() != OO_Call || Op->getNumArgs() == 0)
    return {};
  if (const auto *Ref = dyn_cast<DeclRefExpr>(Op->getArg(0)->IgnoreParenImpCasts()))
    if (const auto *V = dyn_cast<VarDecl>(Ref->getDecl()))
      if (V->hasGlobalStorage() && !V->isStaticLocal())
        return qualifiedName(V);
  return {};
}

std::string typeName(QualType T) {
  if (T.isNull())
    return {};
  T = T.getNonReferenceType();
  if (const CXXRecordDecl *R = T->getAsCXXRecordDecl())
    return qualifiedName(R);
  if (const auto *Spec = T->getAs<TemplateSpecializationType>())
    if (const TemplateDecl *TD = Spec->getTemplateName().getAsTemplateDecl())
      return qualifiedName(TD);
  return {};
}

} // namespace corolint
