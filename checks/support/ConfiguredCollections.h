#ifndef COROLINT_SUPPORT_CONFIGUREDCOLLECTIONS_H
#define COROLINT_SUPPORT_CONFIGUREDCOLLECTIONS_H

#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "clang/AST/Stmt.h"

namespace corolint {

class RuleCatalog;

/// The data member a collection expression stands for: the member itself
/// (`handlers_`, `this->cfg_.names`, `router.routes_`), a local copy of or
/// reference to it that nothing changes afterwards (`auto hs =
/// router_.handlers();`), or a call of a getter whose visible body is just
/// `return member_;` and that returns it by value or by const reference.
/// Null for anything else.
const clang::FieldDecl *collectionMember(const clang::Expr *E,
                                         const RuleCatalog *Catalog);

/// Whether a container data member is sized by the program's
/// configuration rather than by the data it handles, judged from every
/// place in the translation unit that can change it (the writes
/// mayChangeIn() in LoopBounds.h looks for). Only a private or protected
/// member of a class whose member functions all have their bodies in the
/// translation unit qualifies (a public one may be filled anywhere):
///
/// - a **table of handlers**: its elements hold something callable (a
///   `std::function`, a function pointer, a lambda; also as a member of a
///   pair or tuple: `std::vector<std::pair<std::regex,
///   std::function<void(req&)>>>`), and every function that grows it is a
///   plain function (not a coroutine) that no coroutine of the translation
///   unit calls: handlers are registered once per place in the source
///   that registers one, at set-up;
/// - a **list of configured values**: its elements are numbers, enums or
///   strings, and only constructors of its class (or of a class derived
///   from it) write it: fixed when the object is made (quantiles, label
///   names, bucket bounds).
bool configurationSized(const clang::FieldDecl *Field,
                        const clang::ASTContext &Ctx,
                        const RuleCatalog *Catalog);

/// collectionMember() of E, when it is configurationSized().
bool configuredCollection(const clang::Expr *E, const clang::ASTContext &Ctx,
                          const RuleCatalog *Catalog);

/// Whether Loop goes over a configured collection: a range-for over one,
/// or a counting loop up to its size (`i < quantiles_.size()`).
bool loopsOverConfiguredCollection(const clang::Stmt *Loop,
                                   const clang::ASTContext &Ctx,
                                   const RuleCatalog *Catalog);

} // namespace corolint

#endif
