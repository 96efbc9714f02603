#ifndef COROLINT_SUPPORT_COROUTINEMODEL_H
#define COROLINT_SUPPORT_COROUTINEMODEL_H

#include "clang/AST/ASTContext.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"
#include <vector>

namespace corolint {

class NameList;
class RuleCatalog;

/// The coroutine body of F (a function, member function or lambda call
/// operator), or null when F is not a coroutine definition.
const clang::CoroutineBodyStmt *coroutineBody(const clang::FunctionDecl *F);

inline bool isCoroutine(const clang::FunctionDecl *F) {
  return coroutineBody(F) != nullptr;
}

/// An explicit `co_await` or `co_yield` the user wrote. The implicit
/// initial/final suspends are not suspension points of the user's code.
struct SuspensionPoint {
  const clang::Expr *E; // CoawaitExpr, DependentCoawaitExpr or CoyieldExpr
  bool IsYield;
};

/// The suspension points of a coroutine body in source order, including
/// those inside declarations, conditions, `for` headers and nested
/// expressions; not those of nested lambdas or unevaluated operands.
std::vector<SuspensionPoint>
suspensionPoints(const clang::CoroutineBodyStmt *Body);

/// The suspension points inside any statement of a coroutine body (a loop
/// body, a branch), with the same rules as suspensionPoints().
std::vector<SuspensionPoint> suspensionPointsIn(const clang::Stmt *S);

/// The operand of a `co_await`/`co_yield`, without implicit nodes.
const clang::Expr *awaitedOperand(const clang::Expr *SuspendExpr);

/// Whether evaluating SuspendExpr can suspend the coroutine: false for
/// awaiters whose await_ready() is constant true (std::suspend_never,
/// asio's this_coro queries) and for awaitables the catalog names as never
/// suspending. True when unknown.
bool canSuspend(const clang::Expr *SuspendExpr, const RuleCatalog &Catalog,
                const clang::ASTContext &Ctx);

/// Whether analyses that follow calls read F's body as a helper of a
/// coroutine: a definition in user code that is not itself a coroutine
/// (those are analysed as coroutines), not in a system header or a
/// catalogued library's namespace (libraries are judged by the catalog
/// alone) and not among the user's Ignored names.
bool isUserHelper(const clang::FunctionDecl *F, const RuleCatalog &Catalog,
                  const NameList &Ignored);

/// Whether analyses that summarise a helper's calls (blocking calls, loop
/// cost) follow a call into F's body: a user helper (isUserHelper) that is
/// not an `offload` entry. An offload hands the work it is given to another
/// thread; one read as user code (a logging front end that queues records
/// for a background writer, easylog's `logger::operator+=`) may still reach
/// blocking calls or loops in its body, on branches a run-time setting
/// selects (a logger made synchronous).
bool isFollowedHelper(const clang::FunctionDecl *F, const RuleCatalog &Catalog,
                      const NameList &Ignored);

} // namespace corolint

#endif
