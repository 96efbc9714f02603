#include "support/QualifiedName.h"

#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/Expr.h"
#include "clang/AST/ExprCXX.h"
#include "llvm/ADT/SmallVector.h"
#include <forward_list>

using namespace clang;

namespace corolint {

namespace {
/// The parts of a qualified name, innermost first. Most parts are plain
/// identifiers, referred to where the AST keeps them: a name is asked for
/// per call the checks look at, so only the result is a new string.
class NameParts {
public:
  void addOwn(const NamedDecl *D) {
    if (const auto *Ctor = dyn_cast<CXXConstructorDecl>(D))
      add(Ctor->getParent()->getDeclName());
    else if (const auto *Dtor = dyn_cast<CXXDestructorDecl>(D))
      addOwned("~" + Dtor->getParent()->getNameAsString());
    else
      add(D->getDeclName());
  }
  void add(DeclarationName N) {
    if (const IdentifierInfo *II = N.getAsIdentifierInfo())
      Parts.push_back(II->getName());
    else
      addOwned(N.getAsString());
  }
  std::string joined() const {
    std::size_t Size = 0;
    for (llvm::StringRef P : Parts)
      Size += P.size() + 2;
    std::string Name;
    Name.reserve(Size);
    for (auto It = Parts.rbegin(); It != Parts.rend(); ++It) {
      if (!Name.empty())
        Name += "::";
      Name += *It;
    }
    return Name;
  }

private:
  void addOwned(std::string S) {
    Owned.push_front(std::move(S));
    Parts.push_back(Owned.front());
  }
  llvm::SmallVector<llvm::StringRef, 8> Parts;
  std::forward_list<std::string> Owned; // stable: Parts refer into it
};
} // namespace

std::string qualifiedName(const NamedDecl *D) {
  if (!D)
    return {};
  NameParts Parts;
  Parts.addOwn(D);
  for (const DeclContext *C = D->getDeclContext(); C; C = C->getParent()) {
    if (const auto *NS = dyn_cast<NamespaceDecl>(C)) {
      if (NS->isAnonymousNamespace() || NS->isInline())
        continue;
      Parts.add(NS->getDeclName());
    } else if (const auto *R = dyn_cast<RecordDecl>(C)) {
      if (R->getIdentifier())
        Parts.add(R->getDeclName());
    } else if (const auto *F = dyn_cast<FunctionDecl>(C)) {
      Parts.addOwn(F);
    } else if (const auto *E = dyn_cast<EnumDecl>(C)) {
      if (E->isScoped())
        Parts.add(E->getDeclName());
    }
  }
  return Parts.joined();
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
