#ifndef COROLINT_SUPPORT_STMTPARTS_H
#define COROLINT_SUPPORT_STMTPARTS_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/STLFunctionalExtras.h"

namespace clang {
class Expr;
class Stmt;
} // namespace clang

namespace corolint {

/// The condition of an if, switch, while, do or for statement (null for a
/// `for (;;)`, a range-for and any other statement).
const clang::Expr *conditionOf(const clang::Stmt *S);

/// Visits the statements of Roots and everything below them, depth first
/// (last child first), not entering lambdas, until Visit returns true;
/// whether it did.
bool findInStmts(llvm::ArrayRef<const clang::Stmt *> Roots,
                 llvm::function_ref<bool(const clang::Stmt *)> Visit);

} // namespace corolint

#endif
