#include "support/RangeFanOut.h"
#include "support/QualifiedName.h"
#include "support/SpawnSites.h"

#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"

using namespace clang;

namespace corolint {
namespace {

/// Whether T is a class with a `begin` member (a container, a view, a
/// result set) or an array.
bool isRangeType(QualType T) {
  if (T.isNull())
    return false;
  T = T.getNonReferenceType();
  if (T->isArrayType())
    return true;
  const CXXRecordDecl *Class = T->getAsCXXRecordDecl();
  if (!Class || !Class->hasDefinition())
    return false;
  for (const CXXRecordDecl *Each = Class; Each;) {
    for (const Decl *D : Each->decls()) {
      const NamedDecl *Named = dyn_cast<NamedDecl>(D);
      if (Named && Named->getIdentifier() && Named->getName() == "begin")
        return true;
    }
    // Look into a single base (result sets wrapping a vector).
    if (Each->getNumBases() != 1)
      break;
    Each = Each->bases_begin()->getType()->getAsCXXRecordDecl();
    if (Each && !Each->hasDefinition())
      break;
  }
  return false;
}

bool isCallable(const Expr *E) {
  E = E->IgnoreImplicit()->IgnoreParens();
  if (isa<LambdaExpr>(E))
    return true;
  QualType T = E->getType();
  if (T.isNull())
    return false;
  T = T.getNonReferenceType();
  if (T->isFunctionPointerType() || T->isFunctionType())
    return true;
  if (const CXXRecordDecl *Class = T->getAsCXXRecordDecl())
    return Class->isLambda() ||
           (Class->hasDefinition() &&
            !Class->lookup(Class->getASTContext()
                               .DeclarationNames.getCXXOperatorName(OO_Call))
                 .empty());
  return false;
}

llvm::ArrayRef<const Expr *> argumentsOf(const Expr *E) {
  if (const auto *Call = dyn_cast<CallExpr>(E)) {
    llvm::ArrayRef<const Expr *> Args(Call->getArgs(), Call->getNumArgs());
    if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(Call))
      if (Op->getOperator() == OO_Call && !Args.empty())
        return Args.drop_front();
    return Args;
  }
  if (const auto *Construct = dyn_cast<CXXConstructExpr>(E))
    return llvm::ArrayRef<const Expr *>(Construct->getArgs(),
                                        Construct->getNumArgs());
  return {};
}

} // namespace

const Expr *collectionOf(const Expr *Arg) {
  for (unsigned Depth = 0; Arg && Depth < 8; ++Depth) {
    Arg = Arg->IgnoreImplicit()->IgnoreParens();
    if (const auto *Construct = dyn_cast<CXXConstructExpr>(Arg)) {
      if (Construct->getNumArgs() == 1 && Construct->getConstructor() &&
          Construct->getConstructor()->isCopyOrMoveConstructor()) {
        Arg = Construct->getArg(0);
        continue;
      }
    }
    if (const auto *Member = dyn_cast<CXXMemberCallExpr>(Arg)) {
      const CXXMethodDecl *M = Member->getMethodDecl();
      if (M && M->getIdentifier() &&
          (M->getName() == "begin" || M->getName() == "cbegin")) {
        Arg = Member->getImplicitObjectArgument();
        continue;
      }
    }
    if (const auto *Call = dyn_cast<CallExpr>(Arg)) {
      std::string Name = calleeName(Call);
      if ((Name == "std::move" || Name == "std::begin" ||
           Name == "std::cbegin" || Name == "std::ranges::begin" ||
           Name == "std::ranges::views::all" || Name == "std::views::all" ||
           Name == "boost::make_iterator_range" || Name == "std::forward") &&
          Call->getNumArgs() >= 1) {
        Arg = Call->getArg(0);
        continue;
      }
    }
    return isRangeType(Arg->getType()) ? Arg : nullptr;
  }
  return nullptr;
}

std::optional<FanOutSite> fanOutAt(const Expr *E, const RuleCatalog &Catalog) {
  const RuleEntry *Rule = nullptr;
  std::string Name;
  SourceLocation Loc = E->getBeginLoc();
  if (isa<CallExpr>(E)) {
    Rule = callRule(Section::Spawn, E, Catalog, &Name);
    if (const auto *Call = dyn_cast<CallExpr>(E))
      if (Call->getCallee())
        Loc = Call->getCallee()->IgnoreParenImpCasts()->getExprLoc();
  } else if (const auto *Construct = dyn_cast<CXXConstructExpr>(E)) {
    const CXXConstructorDecl *Ctor = Construct->getConstructor();
    if (!Ctor)
      return std::nullopt;
    const CXXRecordDecl *Class = Ctor->getParent();
    Name = qualifiedName(Class);
    Rule = Catalog.lookup(Section::Spawn,
                          Name + "::" + Class->getName().str());
  }
  if (!Rule)
    return std::nullopt;
  unsigned Index = 0;
  if (Rule->attribute("per_element").empty() ||
      Rule->attribute("per_element").getAsInteger(10, Index))
    return std::nullopt;
  llvm::ArrayRef<const Expr *> Args = argumentsOf(E);
  if (Index >= Args.size())
    return std::nullopt;
  FanOutSite S;
  S.E = E;
  S.Rule = Rule;
  S.Name = Name;
  S.Loc = Loc;
  S.Range = collectionOf(Args[Index]);
  if (!S.Range)
    return std::nullopt;
  for (const Expr *Arg : Args.drop_front(Index + 1))
    if (!isa<CXXDefaultArgExpr>(Arg) && isCallable(Arg)) {
      S.Mapper = Arg->IgnoreImplicit()->IgnoreParens();
      break;
    }
  return S;
}

} // namespace corolint
