#ifndef COROLINT_SUPPORT_LOOPBOUNDS_H
#define COROLINT_SUPPORT_LOOPBOUNDS_H

#include "clang/AST/ASTContext.h"
#include "clang/AST/Stmt.h"
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

/// The trip bound of Loop (a for, range-for, while or do statement):
/// `for (int i = 0; i < 4; ++i)`, `i <= N`, `i != N`, counting down;
/// bounds like `std::min(n, 8u)`; range-for over a built-in array,
/// `std::array`, a braced list or an `std::initializer_list` (also held in
/// an unchanged local), a string literal or a view of one, a container
/// built from a braced list and never changed (or `static const`),
/// `std::views::iota(a, b)` with constant ends; loops up to
/// `std::thread::hardware_concurrency()` (also `- 1`, `/ 2`, `* 2`,
/// `std::max(hw, 2u)`), or over a local `std::vector` constructed with such
/// a count and never resized; `do ... while (false)` (once). A limit held
/// in a local variable that is never written after its initialisation
/// counts as its initialiser.
TripBound tripBound(const clang::Stmt *Loop, const clang::ASTContext &Ctx);

/// The bound on the number of elements of a range expression, by the
/// same rules as a range-for's range (a built-in array, `std::array`, a
/// braced list, an unchanged container built from one, a constant
/// `std::views::iota`, a local vector sized by the core count).
TripBound rangeBound(const clang::Expr *Range, const clang::ASTContext &Ctx);

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

/// The body of a loop statement, or null for other statements.
const clang::Stmt *loopBody(const clang::Stmt *Loop);

} // namespace corolint

#endif
