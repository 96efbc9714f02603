#ifndef COROLINT_SUPPORT_LOOPBOUNDS_H
#define COROLINT_SUPPORT_LOOPBOUNDS_H

#include "clang/AST/ASTContext.h"
#include "clang/AST/Stmt.h"
#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/ADT/StringSet.h"
#include <cstdint>
#include <optional>

namespace corolint {

class RuleCatalog;

/// What is known of how many times a loop's body runs.
struct TripBound {
  enum Kind {
    Unknown,             ///< a runtime bound, or none (while, do, for(;;))
    Constant,            ///< at most Value iterations, a compile-time constant
    HardwareConcurrency, ///< bounded by std::thread::hardware_concurrency()
  } K = Unknown;
  /// For Constant, the bound; for HardwareConcurrency, a constant the bound
  /// may exceed the core count by (`std::max(hw, 8u)`), usually 0.
  std::uint64_t Value = 0;

  /// Bounded by a constant no larger than Limit, or by the core count (and
  /// a constant floor no larger than Limit).
  bool isSmall(std::uint64_t Limit) const {
    return (K == HardwareConcurrency || K == Constant) && Value <= Limit;
  }
};

/// tripBound() and rangeBound(), which need the catalogs, are declared in
/// MachineBounds.h.

/// A counting `for` loop: `for (T i = init; i OP limit; ...)`, with the
/// loop variable on either side of the comparison.
struct CountedLoop {
  const clang::VarDecl *Counter = nullptr;
  const clang::Expr *Limit = nullptr;
};
std::optional<CountedLoop> countedLoop(const clang::Stmt *Loop);

/// The expression a limit stands for: Limit itself, or the initialiser of
/// the local variable it names when that variable is never written after
/// its initialisation (followed a few steps).
const clang::Expr *limitSource(const clang::Expr *Limit);

/// The range expression a range stands for: Range itself, or the
/// initialiser of the local variable it names when nothing grows that
/// variable after its initialisation (`auto r = std::views::iota(0u, n);
/// parallel_for_each(std::move(r), ...)`), followed a few steps.
const clang::Expr *rangeSource(const clang::Expr *Range,
                               const RuleCatalog &Catalog);

/// Whether code in Scope (a declaration and all it contains) may change
/// Object, a variable or a data member, by the rules unchanged locals are
/// judged by: an assignment, a non-const member call other than iteration
/// and element access, a non-const reference or pointer taken to it.
bool mayChangeIn(const clang::Decl *Scope, const clang::ValueDecl *Object,
                 const RuleCatalog *Catalog);

/// Every data member mayChangeIn(Scope, Member, Catalog) would find
/// changed, in one traversal of Scope: adds those members to Fields, and
/// the names of the members Scope reaches through a dependent object
/// (each of which may change any member of that name) to DependentNames.
void changedMembersIn(const clang::Decl *Scope, const RuleCatalog *Catalog,
                      llvm::SmallPtrSet<const clang::FieldDecl *, 8> &Fields,
                      llvm::StringSet<> &DependentNames);

/// The collection whose size E asks for: `v.size()`, `std::size(v)`
/// (members and functions of the catalogs' `size_queries`), or null.
const clang::Expr *sizeQueried(const clang::Expr *E,
                               const RuleCatalog *Catalog);

/// Whether F's visible body is just `return <constant>;` with the constant
/// equal to Expected as a condition (`bool await_ready() { return true; }`,
/// Boost.Test's `bool dummy_cond() { return false; }`).
bool returnsConstant(const clang::FunctionDecl *F, bool Expected,
                     const clang::ASTContext &Ctx);

/// The body of a loop statement, or null for other statements.
const clang::Stmt *loopBody(const clang::Stmt *Loop);

} // namespace corolint

#endif
