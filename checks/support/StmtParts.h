#ifndef COROLINT_SUPPORT_STMTPARTS_H
#define COROLINT_SUPPORT_STMTPARTS_H

namespace clang {
class Expr;
class Stmt;
} // namespace clang

namespace corolint {

/// The condition of an if, switch, while, do or for statement (null for a
/// `for (;;)`, a range-for and any other statement).
const clang::Expr *conditionOf(const clang::Stmt *S);

} // namespace corolint

#endif
