#ifndef COROLINT_SUPPORT_STMTPARTS_H
#define COROLINT_SUPPORT_STMTPARTS_H

#include "clang/Basic/OperatorKinds.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include <optional>
#include <utility>

namespace clang {
class Expr;
class Stmt;
} // namespace clang

namespace corolint {

/// The condition of an if, switch, while, do or for statement (null for a
/// `for (;;)`, a range-for and any other statement).
const clang::Expr *conditionOf(const clang::Stmt *S);

/// The two operands of E when it is the binary operator Op, built in or
/// overloaded (`a = b` for OO_Equal, `a[i]` for OO_Subscript); nullopt
/// otherwise. Parentheses and implicit casts around E are looked through.
std::optional<std::pair<const clang::Expr *, const clang::Expr *>>
binaryOperands(const clang::Expr *E, clang::OverloadedOperatorKind Op);

/// Visits the statements of Roots and everything below them, depth first
/// (last child first), not entering lambdas, until Visit returns true;
/// whether it did.
bool findInStmts(llvm::ArrayRef<const clang::Stmt *> Roots,
                 llvm::function_ref<bool(const clang::Stmt *)> Visit);

} // namespace corolint

#endif
