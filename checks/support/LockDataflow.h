#ifndef COROLINT_SUPPORT_LOCKDATAFLOW_H
#define COROLINT_SUPPORT_LOCKDATAFLOW_H

#include "support/LockTypes.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/StmtCXX.h"
#include <map>
#include <tuple>
#include <vector>

namespace corolint {

class CoroutineContext;

/// A place where a synchronous lock starts being held: a guard variable
/// (held from its declaration, or from a later lock() on it), a manual
/// lock() / pthread_mutex_lock() on a mutex, or a guard parameter (the
/// caller's lock, held from the coroutine's start).
struct LockAcquisition {
  const clang::ValueDecl *Lock;  // the guard variable, mutex or parameter
  const clang::Stmt *Site;       // DeclStmt / call where it was taken
  clang::SourceLocation Loc;     // where to report
  const clang::ValueDecl *Mutex = nullptr; // what a guard was built on
  bool FromCaller = false;       // a parameter: held before the body runs
  bool operator<(const LockAcquisition &O) const {
    return std::tie(Lock, Site) < std::tie(O.Lock, O.Site);
  }
  bool operator==(const LockAcquisition &O) const {
    return Lock == O.Lock && Site == O.Site;
  }
};

/// For every acquisition, the suspension points (co_await / co_yield that
/// can suspend) reached on some path while it may still be held.
using LocksAcrossSuspension =
    std::map<LockAcquisition, std::vector<const clang::Expr *>>;

/// A forward may-hold dataflow over the coroutine body's shared CFG
/// (BodyFacts::cfg, with implicit destructors), on the context's
/// suspension points and their one canSuspend verdict. Acquisitions: construction of a guard type (see
/// LockTypes; however spelled: CTAD, aliases, `auto g = guard(m)`),
/// lock()/try_lock() on a guard or a synchronous mutex, emplace() into
/// std::optional<guard>, lock functions; guard parameters hold from the
/// start. Releases: destructor, unlock(), release(), move-from, swap,
/// reset(); defer_lock constructs unlocked. Guards of coroutine-aware locks,
/// and guards obtained by `co_await`, are not tracked. A suspension in an
/// awaited wait that releases the lock passed to it (`co_await
/// cv.wait(lk)`, catalog `releases_lock`) does not count for that lock.
LocksAcrossSuspension locksHeldAcrossSuspension(CoroutineContext &Coro,
                                                LockTypes &Types);

} // namespace corolint

#endif
