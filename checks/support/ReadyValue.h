#ifndef COROLINT_SUPPORT_READYVALUE_H
#define COROLINT_SUPPORT_READYVALUE_H

#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"

namespace corolint {

class RuleCatalog;
struct RuleEntry;

/// Whether the object a member call works on (`f` in `f.get()`) is known to
/// be complete already, so that waiting on it returns at once. That holds
/// for a value an await produced (`co_await as_future(x)` and `co_await
/// when_all(...)` hand back resolved seastar futures), either directly or
/// through a local variable or structured binding that is only ever set
/// from awaits in Enclosing; for the result of a call to a function the
/// rule's `ready_from` names (`make_ready_future`, see listNames) or to a
/// coroutine of the translation unit that never suspends, initial suspend
/// included (it has run to its end when the call returns); and for an
/// object one of the rule's `ready_queries` (`available`) was just seen
/// true on (see KnownConditions.h: `if (f.available()) f.get()`, or after
/// awaiting a local lambda that returns only once `f.available()`).
bool objectIsReady(const clang::Expr *MemberCall,
                   const clang::FunctionDecl &Enclosing,
                   const RuleEntry &Rule, const RuleCatalog &Catalog);

} // namespace corolint

#endif
