#ifndef COROLINT_SUPPORT_KNOWNCONDITIONS_H
#define COROLINT_SUPPORT_KNOWNCONDITIONS_H

#include "clang/AST/Expr.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/Stmt.h"
#include "llvm/ADT/STLFunctionalExtras.h"

namespace corolint {

/// Conditions known to hold where a statement runs, read from the code
/// around it in one function body (no data flow, no solver): what the code
/// has just checked. A check asks about the conditions it cares about (a
/// queue's `empty()`, a future's `available()`) through Fact, and says
/// through Invalidates which statements between the check and the
/// statement may have changed them (a suspension, another push).
///
/// A condition C is known to have the value V at S when:
///  - S is in the then-branch (V = true) or else-branch (false) of
///    `if (C)`, or the body of `while (C)` / `for (...; C; ...)` (true), or
///    the right operand of `C && x` (true) / `C || x` (false), or a branch
///    of `C ? x : y`;
///  - an earlier statement of a block around S ends the path unless C has
///    the value V: `if (!C) return;` (also `throw`, `break`, `continue`,
///    `co_return`, a call to a [[noreturn]] function), an assertion
///    (`assert(C)`, `SEASTAR_ASSERT(C)`: `C ? void(0) : fail()`, `do { if
///    (!(C)) fail(); } while (0)`), or a loop `while (!C) ...;` without a
///    `break` that ends before S;
///  - an earlier statement awaits or calls a function defined in the
///    translation unit (a local lambda) every return of which is made
///    where C has the value V by these same rules (C may name variables
///    the lambda captures by reference: `if (f.available()) co_return;`).
/// `!C`, `A && B` (true) and `A || B` (false) are taken apart. Walking
/// back from S stops at the first statement for which Invalidates is true
/// (a fact checked before it may no longer hold) and at loops around S
/// (an earlier iteration may have changed it).
using FactPredicate =
    llvm::function_ref<bool(const clang::Expr *Cond, bool Value)>;
using StmtPredicate = llvm::function_ref<bool(const clang::Stmt *)>;

bool conditionKnown(const clang::Stmt *S, const clang::Stmt *Body,
                    FactPredicate Fact, StmtPredicate Invalidates);

/// Whether S ends the path it is on: return, co_return, throw, break,
/// continue, goto, a call to a [[noreturn]] function, or a block or `if`
/// every way through which does.
bool endsPath(const clang::Stmt *S);

/// The local variable (or binding, or parameter), or the member of
/// `*this`, E names (through parentheses, implicit conversions and `*`);
/// null for anything else. The same declaration in a lambda that captures
/// it, so facts about it carry across.
const clang::ValueDecl *thisOrLocalObject(const clang::Expr *E);

/// Whether S uses Obj (see thisOrLocalObject) other than as the object of a
/// member call Allowed accepts (a query: `q.empty()`).
bool usedOtherThan(
    const clang::Stmt *S, const clang::ValueDecl *Obj,
    llvm::function_ref<bool(const clang::CXXMemberCallExpr *)> Allowed);

/// Whether S contains a co_await or co_yield (not in nested lambdas).
bool containsSuspension(const clang::Stmt *S);

} // namespace corolint

#endif
