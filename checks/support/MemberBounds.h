#ifndef COROLINT_SUPPORT_MEMBERBOUNDS_H
#define COROLINT_SUPPORT_MEMBERBOUNDS_H

#include "support/LoopBounds.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "llvm/ADT/SmallVector.h"
#include <optional>

namespace corolint {

class RuleCatalog;

/// What a data member can hold, when the translation unit shows every
/// place that can change it: the expressions it is initialised with, one
/// per constructor of its class (the constructor's mem-initializer, else
/// the default member initializer; a null entry for a member left
/// default-constructed), when nothing writes it after construction.
/// Copy and move constructors copy another object's member and add
/// nothing.
///
/// Only a member of a class defined in the main source file qualifies: no
/// other file can name that class, so the file's code is all the code that
/// can write the member (`struct fixture { std::vector<int> range; ... }`
/// in a test or benchmark, built once in its constructor and only read by
/// the tests). A write is what grows or replaces an unchanged local
/// (LoopBounds.h: an assignment, a non-const member call other than
/// iteration and element access, a non-const reference taken to it, its
/// address), anywhere in the file; a template of the file that names a
/// member of that name through a dependent object counts as a write.
/// std::nullopt when the member does not qualify, a constructor is not
/// defined in the file, or something may write it.
std::optional<llvm::SmallVector<const clang::Expr *, 4>>
unchangedMemberInits(const clang::FieldDecl *Field,
                     const clang::ASTContext &Ctx, const RuleCatalog *Catalog);

/// A collection of objects of a type the program has only a few of
/// (catalog `bounded_counts`: `seastar::scheduling_group`, at most 16):
/// at most that many, one per object. The element type is a class
/// template's first argument (`std::vector<scheduling_group>`); T must be
/// a container (ElementWork.h: isContainerLike).
TripBound elementCountBound(clang::QualType T, const RuleCatalog *Catalog);

} // namespace corolint

#endif
