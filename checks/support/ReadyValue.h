#ifndef COROLINT_SUPPORT_READYVALUE_H
#define COROLINT_SUPPORT_READYVALUE_H

#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"

namespace corolint {

/// Whether the object a member call works on (`f` in `f.get()`) is known to
/// be complete already, so that waiting on it returns at once. That holds
/// for a value an await produced (`co_await as_future(x)` and `co_await
/// when_all(...)` hand back resolved seastar futures), either directly or
/// through a local variable or structured binding that is only ever set
/// from awaits in Enclosing, and for the result of a call to a function
/// the list Makers names (`make_ready_future`, see listNames).
bool objectIsReady(const clang::Expr *MemberCall,
                   const clang::FunctionDecl &Enclosing,
                   llvm::StringRef Makers);

} // namespace corolint

#endif
