#include "support/MemberBounds.h"
#include "support/AnalysisStore.h"
#include "support/ElementWork.h"
#include "support/LoopBounds.h"
#include "support/RuleCatalog.h"

#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/DenseMap.h"

using namespace clang;

namespace corolint {
namespace {

using Inits = std::optional<llvm::SmallVector<const Expr *, 4>>;

/// Answers per translation unit (kept in its AnalysisStore, so a later
/// translation unit — the driver, clangd re-parsing an edited file — never
/// sees another's answers).
struct MemberCache {
  static const char *storeKind() { return "MemberInits"; }
  llvm::DenseMap<const FieldDecl *, Inits> Answers;
};

/// The expression a constructor initialises Field with; null for a
/// default construction.
const Expr *initialiserIn(const CXXConstructorDecl *Ctor,
                          const FieldDecl *Field) {
  if (Ctor)
    for (const CXXCtorInitializer *Init : Ctor->inits())
      if (Init->getMember() == Field) {
        const Expr *E = Init->getInit();
        if (const auto *Default = dyn_cast_or_null<CXXDefaultInitExpr>(E))
          E = Default->getExpr();
        return E;
      }
  return Field->getInClassInitializer();
}

Inits compute(const FieldDecl *Field, const ASTContext &Ctx,
              const RuleCatalog *Catalog) {
  const auto *Class = dyn_cast<CXXRecordDecl>(Field->getParent());
  if (!Class || !Class->hasDefinition() || Class->isDependentContext() ||
      isa<ClassTemplateSpecializationDecl>(Class) || Class->isUnion())
    return std::nullopt;
  Class = Class->getDefinition();
  const SourceManager &SM = Ctx.getSourceManager();
  if (!SM.isInMainFile(Class->getLocation()))
    return std::nullopt;
  // An aggregate can be initialised with any value by a braced list.
  if (Class->isAggregate())
    return std::nullopt;
  llvm::SmallVector<const Expr *, 4> Found;
  for (const CXXConstructorDecl *Ctor : Class->ctors()) {
    if (Ctor->isDeleted() || Ctor->isCopyOrMoveConstructor())
      continue;
    const FunctionDecl *Def = nullptr;
    if (!Ctor->isDefined(Def)) {
      if (Ctor->isUserProvided())
        return std::nullopt;
      Found.push_back(Field->getInClassInitializer());
      continue;
    }
    const auto *Defined = cast<CXXConstructorDecl>(Def);
    if (Defined->isDelegatingConstructor())
      continue; // the constructor it delegates to initialises the member
    Found.push_back(initialiserIn(Defined, Field));
  }
  if (Found.empty()) // only the implicit default constructor, not declared yet
    Found.push_back(Field->getInClassInitializer());
  for (const Decl *D : Ctx.getTranslationUnitDecl()->decls())
    if (SM.isInMainFile(D->getLocation()) && mayChangeIn(D, Field, Catalog))
      return std::nullopt;
  return Found;
}

} // namespace

std::optional<llvm::SmallVector<const Expr *, 4>>
unchangedMemberInits(const FieldDecl *Field, const ASTContext &Ctx,
                     const RuleCatalog *Catalog) {
  if (!Field)
    return std::nullopt;
  auto &Cache = AnalysisStore::of(Ctx).summaries<MemberCache>(
      std::to_string(reinterpret_cast<std::uintptr_t>(Catalog)),
      [] { return std::make_unique<MemberCache>(); });
  return memoised(Cache.Answers, Field,
                  [&] { return compute(Field, Ctx, Catalog); });
}

TripBound elementCountBound(QualType T, const RuleCatalog *Catalog) {
  const auto *Spec = dyn_cast_or_null<ClassTemplateSpecializationDecl>(
      T.isNull() ? nullptr : T->getAsCXXRecordDecl());
  if (!Catalog || !Spec || !isContainerLike(Spec) ||
      Spec->getTemplateArgs().size() == 0 ||
      Spec->getTemplateArgs()[0].getKind() != TemplateArgument::Type)
    return {};
  const CXXRecordDecl *Element =
      Spec->getTemplateArgs()[0].getAsType()->getAsCXXRecordDecl();
  const RuleEntry *R =
      Element ? Catalog->lookup(Section::BoundedCounts, Element) : nullptr;
  unsigned Max = 0;
  if (!R || R->attribute("max").getAsInteger(10, Max))
    return {};
  return {TripBound::Constant, Max};
}

} // namespace corolint
