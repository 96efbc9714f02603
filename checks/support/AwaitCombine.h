#ifndef COROLINT_SUPPORT_AWAITCOMBINE_H
#define COROLINT_SUPPORT_AWAITCOMBINE_H

#include "support/FixIts.h"
#include "support/RuleCatalog.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/Stmt.h"
#include "clang/Basic/Diagnostic.h"
#include "llvm/ADT/ArrayRef.h"
#include <string>
#include <vector>

namespace corolint {

/// One declaration of a group of independent awaited operations:
/// `T name = co_await operand;`.
struct AwaitedDeclaration {
  const clang::DeclStmt *Decl = nullptr;
  const clang::Expr *Await = nullptr; // the CoawaitExpr
};

/// The rewrite of consecutive declarations `T a = co_await f(x); U b =
/// co_await g(y);`, proven independent by the caller, into one declaration
/// that awaits them together with the library's combinator: the coroutine's
/// `idioms` entry's `all` template, e.g. `auto [a, b] = co_await (f(x) &&
/// g(y));` for asio. Empty (and Why says why) when no rewrite keeps the
/// program valid and its variables' types: the declarations are not
/// adjacent or have comments or macros between them, a variable is a
/// reference, has attributes or a type other than its operation's result, the
/// variables differ in const-ness, a result is a std::tuple (asio's `&&`
/// would flatten it), an operand is not an awaitable of the coroutine's own
/// library (or of another executor), a variable is returned by name (a
/// structured binding is copied where a variable would be moved), or the
/// library has no `all` idiom. The hints include the idiom's `include`
/// headers and its `using` directive when they are missing; a header is
/// inserted once per file and translation unit (see IncludeInsertions).
std::vector<clang::FixItHint>
combineAwaitsFix(llvm::ArrayRef<AwaitedDeclaration> Group,
                 const clang::CompoundStmt &Block, const clang::FunctionDecl &F,
                 const RuleCatalog &Catalog, clang::ASTContext &Ctx,
                 IncludeInsertions &Includes, std::string *Why = nullptr);

} // namespace corolint

#endif
