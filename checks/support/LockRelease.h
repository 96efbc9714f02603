#ifndef COROLINT_SUPPORT_LOCKRELEASE_H
#define COROLINT_SUPPORT_LOCKRELEASE_H

#include "support/DefUse.h"
#include "support/LockDataflow.h"

#include "clang/Basic/Diagnostic.h"
#include <string>
#include <vector>

namespace corolint {

/// The rewrite that releases a guard before the coroutine suspends, when it
/// can be proven not to change what the guard protects; empty otherwise
/// (and Why says why).
///
/// A guard variable declared by a statement of a block, held from there to
/// the first statement of the block that contains one of its suspension
/// points (all of them in that statement or after it), whose variable is
/// named nowhere else, and whose mutex is not named from that statement on.
/// The guarded data are the objects outside the coroutine's own locals that
/// the statements between the guard and that statement access (none there,
/// or a call there the analysis cannot see through: no fix). From that
/// statement to the end of the block nothing outside the locals may be
/// accessed but the objects the awaited operations are called on (taken to
/// act only through their arguments and object), none of them guarded;
/// nothing else may be done the analysis cannot see, and when a guarded
/// object is a global the awaited functions must be seen through too.
///
/// Then, for a guard type whose `lock_guards` entry names an
/// `unlock_method` (std::unique_lock: `unlock`) and that is not taken with
/// try_to_lock: `lk.unlock();` before that statement. For any other guard:
/// braces from the guard's declaration to the statement before, when no
/// declaration between is used after them and none of them runs a
/// destructor that matters (only trivially destructible variables and
/// standard-library values).
std::vector<clang::FixItHint>
releaseBeforeSuspendFix(const LockAcquisition &A,
                        llvm::ArrayRef<const clang::Expr *> Suspends,
                        const DefUse &DU, LockTypes &Types,
                        clang::ASTContext &Ctx, std::string *Why = nullptr);

} // namespace corolint

#endif
