#ifndef COROLINT_SUPPORT_DEFUSETYPES_H
#define COROLINT_SUPPORT_DEFUSETYPES_H

// Type-level facts shared by the two halves of the def-use analysis
// (DefUse.cpp: objects and aliasing; DefUseEffects.cpp: effects and
// conflicts). Internal to the support layer; checks use DefUse.h.

#include "clang/AST/DeclCXX.h"
#include "clang/AST/Expr.h"
#include "clang/AST/Type.h"
#include "llvm/ADT/StringRef.h"

namespace corolint {
class RuleCatalog;
struct RuleEntry;
}

namespace corolint {
namespace defuse {

/// T without references, qualifiers and sugar.
clang::QualType plainType(clang::QualType T);
/// The plain pointee of a pointer type; null for anything else.
clang::QualType pointeeOf(clang::QualType T);
/// Whether objects of types A and B may overlap (char-like types, derived
/// classes, pointer or array members).
bool typesCompatible(clang::QualType A, clang::QualType B);
/// Smart pointers, optionals and other handles named like pointers (the
/// catalogs' `view_types` of kind pointer or handle).
bool isPointerLikeClass(clang::QualType T, const RuleCatalog &Catalog);
/// Types whose values refer to other objects: copying one does not copy
/// what it refers to (references, pointers, lambdas, the catalogs'
/// `view_types` of kind view or pointer).
bool isAliasingType(clang::QualType T, const RuleCatalog &Catalog);
/// Names in std:: or the C++ runtime's namespaces.
bool isStandardName(llvm::StringRef Name);
/// Whether an argument is something that runs code when called.
bool isCallable(const clang::Expr *Arg);
/// Whether calling M changes the object it is called on.
bool mutatesObject(const clang::CXXMethodDecl *M, const RuleCatalog &Catalog);
/// The catalogs' `accessors` entry of M: one naming M itself (any class),
/// else one naming its bare name when M is a standard-library member.
const RuleEntry *accessorEntry(const clang::CXXMethodDecl *M,
                               const RuleCatalog &Catalog);

} // namespace defuse
} // namespace corolint

#endif
