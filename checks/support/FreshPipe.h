#ifndef COROLINT_SUPPORT_FRESHPIPE_H
#define COROLINT_SUPPORT_FRESHPIPE_H

#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"

namespace corolint {

class RuleCatalog;
struct RuleEntry;

/// Whether Write, a call of the `fd_call` blocking entry Rule (one with a
/// `size_argument`: `write(fd, buf, n)`) made in Enclosing, cannot wait
/// because it goes into a pipe that has room: the descriptor (argument 0)
/// is the write end of a pipe a function created (a catalogued `pipes`
/// entry: `pipe(fds)`, `fds[1]`), either Enclosing itself or the function
/// whose local lambda Enclosing is and that hands the end to each call of
/// it, and every write into that end there is of a constant size, outside
/// loops, the whole at most the entry's `capacity` (the least a pipe
/// holds). Nobody else can have filled a pipe that only this code knows:
/// the self-pipe wake-up of a test (libcoro's test_scheduler.cpp) writes
/// eight bytes into it. Any other use of the end (passed on, written in a
/// loop, written with a run-time size) and the answer is no.
bool writeIntoFreshPipe(const clang::CallExpr &Write, const RuleEntry &Rule,
                        const clang::FunctionDecl &Enclosing,
                        const RuleCatalog &Catalog);

} // namespace corolint

#endif
