#ifndef COROLINT_SUPPORT_LOOPBOUNDS_H
#define COROLINT_SUPPORT_LOOPBOUNDS_H

#include "clang/AST/ASTContext.h"
#include "clang/AST/Stmt.h"
#include <cstdint>
#include <optional>

namespace corolint {

/// What is known of how many times a loop's body runs.
struct TripBound {
  enum Kind {
    Unknown,             ///< a runtime bound, or none (while, do, for(;;))
    Constant,            ///< at most Value iterations, a compile-time constant
    HardwareConcurrency, ///< bounded by std::thread::hardware_concurrency()
  } K = Unknown;
  std::uint64_t Value = 0;

  /// Bounded by a constant no larger than Limit, or by the core count.
  bool isSmall(std::uint64_t Limit) const {
    return K == HardwareConcurrency || (K == Constant && Value <= Limit);
  }
};

/// The trip bound of Loop (a for, range-for, while or do statement):
/// `for (int i = 0; i < 4; ++i)`, `i <= N`, `i != N`, counting down;
/// bounds like `std::min(n, 8u)`; range-for over a built-in array,
/// `std::array`, a braced list or an `std::initializer_list`; loops up to
/// `std::thread::hardware_concurrency()`.
TripBound tripBound(const clang::Stmt *Loop, const clang::ASTContext &Ctx);

/// The body of a loop statement, or null for other statements.
const clang::Stmt *loopBody(const clang::Stmt *Loop);

} // namespace corolint

#endif
